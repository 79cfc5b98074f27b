#!/bin/sh
# ui_exercise.sh - the exercise of docs/teaching.md, step by step, with the
# lecture's example corrected (docs/memoria.c, built by make check):
#   1. memoria creates ten ints under ftok(its key file, project id) and
#      waits; pizarra top (filtered by the same -f/-p) lists it, attached
#      once, by memoria;
#   2. Enter opens it in peek: the ints 0..9, shm_nattch 2;
#   3. a second program (memoria set 3 42) changes a value: peek shows 42
#      within a second, lit; shm_lpid is that program's;
#   4. back in top (F10), shm_nattch is 1 again;
#   5. IPC_RMID in top (F7, y): the row shows dest and key 0x00000000, and
#      memoria's buffer is still there;
#   6. Enter in memoria: it prints its buffer (42 included), says the segment
#      was marked dest already and went at its detach; the row goes away;
#   7. the corrected program removes its segment on Ctrl-C too.
# memoria is asked for project id 0x9d, this test's key byte; its key's
# low 24 bits come from the key file, so the segment is registered by its
# shmid for the cleanup.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

MEMORIA=$TESTS_BUILDDIR/../docs/memoria
[ -x "$MEMORIA" ] || { echo "ui_exercise: $MEMORIA is missing; make check builds it" >&2; exit 99; }
PROJ=$((0x9d))
ESC=$(printf '\033')

# memoria_key FILE: the key ftok(FILE, 0x9d) gives, as 0x%08x.
memoria_key() {
	_st=$(stat -c '%d %i' "$1")
	printf '0x%08x' $(((PROJ << 24) | ((${_st% *} & 0xff) << 16) | (${_st#* } & 0xffff)))
}

# A key file whose key no segment has now (another run's file may share the low bits).
i=0
while :; do
	KEYFILE=$T/clave.$i
	: >"$KEYFILE"
	MKEY=$(memoria_key "$KEYFILE")
	[ -z "$(shmids_of_key "$MKEY")" ] && break
	i=$((i + 1))
	[ "$i" -lt 20 ] || abort "no free ftok key for project 0x9d"
done
cleanup_key "$MKEY"

# row_lit NAME TEXT: the line of NAME's screen with TEXT shows the changed look (SGR 43).
row_lit() {
	pane_tmux "$1" capture-pane -p -e | grep -a "$2" | sed 's/│.*//' | grep -aq "${ESC}\\[[0-9;]*43m"
}

# ---------------------------------------------------------------------------
section "1. memoria makes its segment; top lists it"
pane_start --ready='press Enter to detach and remove it' M "$MEMORIA" "$KEYFILE" "$PROJ"
pane_wait M "Pointer buffer shared memory: 0x[0-9a-f]+ \\(key $MKEY, shmid [0-9]+\\)" 2 \
    "memoria says its address, key and shmid"
ID=$(shmids_of_key "$MKEY")
[ -n "$ID" ] || abort "memoria runs but no segment has key $MKEY"
cleanup_shmid "$ID"
pane_start T "$PIZARRA" -f "$KEYFILE" -p "$PROJ" top
pane_wait T "^$MKEY +$ID +root +rw------- +40B +1 " 2 "top -f KEYFILE -p 0x9d lists it: 40 bytes, attached once"
pane_wait T "$(pane_pid M) +memoria +rw 0x" 6 "the sidebar names memoria as the attacher"
pane_wait T "shm_cpid +$(pane_pid M)" 2 "... and as its creator"

section "2. Enter: peek at the ten ints"
pane_keys T Enter
pane_wait T "PEEK +shmid $ID, 40 bytes" 3 "Enter opens it in peek"
pane_keys T F2
pane_wait T '^00000000 +0 +1 +2 +3 ' 2 "the ints 0 1 2 3 ..."
pane_wait T '^00000020 +8 +9 ' 2 "... 8 9"
pane_wait T 'shm_nattch +2' 2 "shm_nattch 2: memoria and peek"

section "3. a second program changes a value"
run "$MEMORIA" set 3 42 "$KEYFILE" "$PROJ"
check "memoria set says what it did" grep -q "^buffer\\[3\\] = 42 in shmid $ID$" "$T/out"
CHECKS=$((CHECKS + 1))
if poll_cs 100 pane_shows T '^00000000 +0 +1 +2 +42 '; then
	pass "peek shows 42 within a second"
else
	fail "peek did not show 42 within a second"
	pane_show_capture T
fi
check "42 is lit" row_lit T '00000000 '
check "shm_nattch is back to 2 (the second program detached)" [ "$(shm_field "$ID" nattch)" = 2 ]

section "4. back in top"
pane_keys T F10
pane_wait T 'TOP +1 of [0-9]+ segments?' 3 "F10: back in top"
pane_wait T "^$MKEY +$ID +root +rw------- +40B +1 " 3 "shm_nattch is 1 again"

section "5. IPC_RMID from top, while memoria is attached"
pane_keys T F7
pane_wait T "IPC_RMID shmid $ID: mark it for removal" 2 "F7 asks"
pane_keys T y
pane_wait T "^0x00000000 +$ID +root +rw------- +40B +1 dest " 3 "the row: key 0x00000000, dest"
pane_wait T 'dest +yes' 2 "the sidebar: dest yes"
check "the kernel marked it dest" ipcs_dest "$ID"

section "6. Enter in memoria: its buffer, and the segment goes"
pane_keys M Enter
pane_wait M '^buffer: 0 1 2 42 4 5 6 7 8 9$' 2 "memoria prints its buffer, 42 included"
pane_wait M "^shmid $ID was marked for removal already \\(dest\\): it went at our detach$" 2 \
    "memoria says it was removed already"
pane_wait_exit M 0
CHECKS=$((CHECKS + 1))
if poll_cs 100 pane_lacks T "^0x00000000 +$ID "; then
	pass "the row goes away within a second"
else
	fail "the row is still there after a second"
	pane_show_capture T
fi
check "the segment is gone" shm_gone "$ID"
pane_quit T

section "7. Ctrl-C (SIGINT) removes the segment too"
pane_start --ready='press Enter to detach and remove it' C "$MEMORIA" "$KEYFILE" "$PROJ"
ID2=$(shmids_of_key "$MKEY")
[ -n "$ID2" ] || abort "memoria runs again but no segment has key $MKEY"
cleanup_shmid "$ID2"
kill -INT "$(pane_pid C)"
pane_wait_exit C 130
pane_wait C "^shmid $ID2 removed$" 2 "memoria says it removed its segment"
check "nothing is left under $MKEY" [ -z "$(shmids_of_key "$MKEY")" ]

finish
