#!/bin/sh
# ui_top.sh - `pizarra top`, through tmux. The test gives its segments a uid
# of its own (TEST_UID) and runs `pizarra top --owner TEST_UID`, so the
# list holds ours alone whatever else runs on the machine:
#   - a new segment appears within a second, lit whole; a value that
#     changes (shm_nattch, when a program attaches) within a second, lit;
#     a removed one goes away when its last process detaches;
#   - the sidebar shows the selected segment's shmid_ds and its attaches,
#     and follows the selection;
#   - sorting: F2 the next column (SIZE largest first), F3 the other way;
#   - F5 (IPC_SET) sets the mode, a bad mode is refused in one line; F7
#     (IPC_RMID) asks first: n keeps it, y marks it dest (key 0x00000000);
#   - Enter opens a foreign segment in peek and a board in draw, in the same
#     terminal, and comes back to the list; shm_nattch is back after;
#   - another user (nobody) may not remove nor chmod, and is told whose it
#     is; Enter on a segment nobody may not read says why, in the list;
#   - three hundred segments: all counted, End reaches the last; idle, top
#     samples slowly: CPU and context switches over 3 s stay low.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
# shellcheck source=lib/foreign.sh
. "$TESTS_SRCDIR/lib/foreign.sh"
test_begin panes
foreign_init

ESC=$(printf '\033')

# list_of NAME: the list part of NAME's screen (left of the sidebar's rule).
list_of() {
	pane_capture "$1"
	sed 's/│.*//' "$T/$1.cap"
}

# row_matches NAME ID REGEX: NAME's list has the row of shmid ID, matching REGEX.
row_matches() {
	list_of "$1" | grep -E "^0x[0-9a-f]{8} +$2 " | grep -Eq -- "$3"
}

# no_row NAME ID: NAME's list has no row of shmid ID.
no_row() {
	! row_matches "$1" "$2" .
}

# row_line NAME ID: the number of the screen line that shows shmid ID.
row_line() {
	list_of "$1" | grep -nE "^0x[0-9a-f]{8} +$2 " | cut -d: -f1
}

# row_lit NAME ID: the row of shmid ID shows the changed look (SGR 43) somewhere.
row_lit() {
	pane_tmux "$1" capture-pane -p -e >"$T/$1.ecap"
	grep -a -- " $2 " "$T/$1.ecap" | sed 's/│.*//' | grep -aq "${ESC}\\[[0-9;]*43m"
}

not_row_lit() {
	! row_lit "$@"
}

# none_lit NAME: no row of NAME's list shows the changed look.
none_lit() {
	pane_tmux "$1" capture-pane -p -e | sed 's/│.*//' | grep -aq "${ESC}\\[[0-9;]*43m" && return 1
	return 0
}

# within_1s WHAT CMD...: a check that CMD succeeds within a second.
within_1s() {
	_w_what=$1
	shift
	CHECKS=$((CHECKS + 1))
	if poll_cs 100 "$@"; then
		pass "$_w_what, within a second"
		return 0
	fi
	fail "$_w_what: not within a second"
	pane_show_capture T
	return 1
}

# ---------------------------------------------------------------------------
section "top, showing only this test's segments"
pane_start T "$PIZARRA" top --owner "$TEST_UID"
pane_wait T 'no segment to show' 2 "T starts with an empty list"
pane_wait T 'TOP +0 of [0-9]+ segments?, by ID \^' 2 "T's status line: 0 of the system's segments"

section "a new segment appears, lit"
foreign_new INTS ints "$KEY" 10
foreign chown "$INTS" "$TEST_UID" || abort "foreign chown failed"
within_1s "the new segment's row appears" row_matches T "$INTS" "^$KEY +$INTS +$TEST_UID +rw------- +40B +0 +- "
check "the new row is lit" row_lit T "$INTS"
check "the light goes out within 3 s" poll 3 not_row_lit T "$INTS"
pane_wait T "shmid +$INTS" 2 "the sidebar shows the selected segment"
pane_wait T 'shm_segsz +40' 2 "... its shm_segsz"
pane_wait T "shm_perm.uid +$TEST_UID" 2 "... and its owner"

section "a program attaches: shm_nattch moves, lit; the sidebar names it"
holder_start lecture "$INTS" rw
within_1s "NATTCH becomes 1" row_matches T "$INTS" ' 40B +1 '
check "the changed value is lit" row_lit T "$INTS"
pane_wait T "$(holder_pid lecture) +lecture +rw 0x" 6 "the sidebar lists the holder (pid, name, rw)"
pane_wait T "shm_lpid +$(holder_pid lecture)" 2 "... and shm_lpid is the holder's"

section "sorting and the selection"
foreign_new BIG random 0 9000 3
foreign chown "$BIG" "$TEST_UID"
within_1s "a second segment appears" row_matches T "$BIG" ' 8[.]8K '
pane_wait T 'TOP +2 of [0-9]+ segments' 2 "T counts two"
pane_keys T F2 F2 F2
pane_wait T 'SIZEv' 2 "F2 three times: sorted by SIZE, largest first"
check "the 9000-byte segment is above the 40-byte one" \
    [ "$(row_line T "$BIG")" -lt "$(row_line T "$INTS")" ]
pane_keys T F3
pane_wait T 'SIZE\^' 2 "F3: the other way"
check "the 40-byte segment is above now" [ "$(row_line T "$INTS")" -lt "$(row_line T "$BIG")" ]
pane_keys T Home
pane_wait T "shmid +$INTS" 2 "Home selects the first row (the ints)"
pane_keys T Down
pane_wait T "shmid +$BIG" 2 "Down selects the next; the sidebar follows"
# samples after the move keep it on its segment
foreign_new TMP ints 0 1
foreign chown "$TMP" "$TEST_UID"
within_1s "a third segment appears (a sample after the move)" row_matches T "$TMP" ' 4B '
pane_still T "shmid +$BIG" "the selection stayed on its segment through the samples"
ipcrm -m "$TMP"
within_1s "the third goes away" no_row T "$TMP"
pane_keys T Up

section "F5: IPC_SET, by the owner"
pane_keys T F5
pane_wait T "IPC_SET shmid $INTS, permission bits \\(octal\\): 0600" 2 "F5 asks, with the mode now"
pane_keys T BSpace BSpace BSpace BSpace
pane_type T 0644
pane_keys T Enter
pane_wait T "IPC_SET: shmid $INTS has mode 0644 now" 2 "T says the new mode"
within_1s "PERMS shows rw-r--r--" row_matches T "$INTS" ' rw-r--r-- '
check "the kernel has mode 644" [ "$(shm_field "$INTS" perms)" = 644 ]
pane_keys T F5 BSpace BSpace BSpace BSpace
pane_type T 999
pane_keys T Enter
pane_wait T "mode '999' is not an octal mode 0000-0777" 2 "a bad mode is refused, in one line"
check "the mode stayed 644" [ "$(shm_field "$INTS" perms)" = 644 ]

section "F7: IPC_RMID, after asking"
pane_keys T F7
pane_wait T "IPC_RMID shmid $INTS: mark it for removal\\? It lives until its last detach \\(y/N\\)" 2 \
    "F7 asks first"
pane_keys T n
pane_wait T 'not removed' 2 "n: not removed"
check "the segment is not marked dest" sh -c '! ipcs_dest "$1"' sh "$INTS"
pane_keys T F7
pane_wait T 'IPC_RMID shmid' 2 "F7 asks again"
pane_keys T y
pane_wait T "IPC_RMID: shmid $INTS is marked dest" 2 "y: T says it is marked dest"
within_1s "its row shows key 0x00000000 and dest" row_matches T "$INTS" '^0x00000000 .* dest '
check "the kernel marked it dest" ipcs_dest "$INTS"
holder_stop lecture
within_1s "at its last detach, the row goes away" no_row T "$INTS"

section "Enter: a foreign segment in peek, and back"
pane_keys T Home
pane_wait T "shmid +$BIG" 2 "the remaining segment is selected"
pane_keys T Enter
pane_wait T "PEEK +shmid $BIG, 9000 bytes" 3 "Enter opens it in peek, in the same terminal"
wait_nattch "$BIG" 1
pane_keys T F10
pane_wait T 'TOP +1 of' 3 "F10 in peek: back to the list"
pane_wait T "back from pizarra -i $BIG peek" 2 "T says where it came back from"
wait_nattch "$BIG" 0

section "Enter: a board in draw, and back"
# 16x5: 8192 + 16 * 5 * 8 + 5 * 4 = 8852 bytes, smaller than the 9000-byte segment
pz -k "$KEY" -s 16x5 put 0 0 'pizarra' 2>/dev/null || abort "put failed"
BOARD=$(board_shmid "$KEY")
foreign chown "$BOARD" "$TEST_UID"
within_1s "the board appears" row_matches T "$BOARD" ' rw------- +8[.]6K +0 '
pane_keys T Home
pane_wait T "shmid +$BOARD" 2 "Home selects the first row (sorted by SIZE, the board is smaller)"
pane_keys T Enter
pane_wait T '^pizarra +│' 3 "Enter opens the board in draw: its text is on the canvas"
pane_wait T 'F10Quit' 2 "... with the board's key bar"
pane_type T 'hola'
pane_wait T '^holarra +│' 2 "typing draws on it (over pizarra's first four letters)"
pane_keys T F10
check "F10: back to the list" poll 3 row_matches T "$BOARD" .
pane_wait T "note: the board stays in memory under shmid $BOARD with nobody attached" 2 \
    "the last thing the board said (on its standard error) is on top's status line"
printf 'holarra\n' >"$T/board"
expect_dump "$T/board" -k "$KEY"

section "another user: only the owner may, and the kernel's refusal is said"
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1 ||
    ! setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
	echo "not root or no setpriv: the checks as another user are skipped"
else
	AS_NOBODY="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	PZN=$PIZARRA
	# shellcheck disable=SC2086
	if ! $AS_NOBODY test -x "$PIZARRA"; then
		PUB=$(mktemp -d "${TMPDIR:-/tmp}/pizarra-ui-top.XXXXXX") || exit 99
		cleanup_path "$PUB"
		chmod 755 "$PUB"
		cp "$PIZARRA" "$PUB/pizarra" && chmod 755 "$PUB/pizarra"
		PZN=$PUB/pizarra
	fi
	pz -k "$KEY" chmod 0644 >/dev/null || abort "pizarra chmod 0644 failed"
	# shellcheck disable=SC2086
	pane_start N $AS_NOBODY "$PZN" top --owner "$TEST_UID"
	pane_wait N 'TOP +2 of' 2 "nobody's top lists the two segments"
	pane_keys N F2 F2 F2 Home
	pane_wait N "shmid +$BIG" 2 "nobody selects BIG (by SIZE, largest first)"
	pane_keys N F7
	pane_wait N "belongs to $TEST_UID: only its owner or creator \\(or root\\) may remove it" 2 \
	    "nobody's F7 is refused, naming the owner"
	pane_keys N F5
	pane_wait N "only its owner or creator \\(or root\\) may change the mode of it" 2 \
	    "nobody's F5 is refused"
	pane_keys N Enter
	pane_wait N 'you may not read it' 4 "nobody's Enter on BIG (0600): the refusal is said in the list"
	check "nobody is back in the list" poll 2 row_matches N "$BIG" .
	pane_keys N End
	pane_wait N "shmid +$BOARD" 2 "nobody selects the board (0644)"
	pane_keys N Enter
	pane_wait N 'VIEW-ONLY' 3 "nobody's Enter on a board it may only read: view, not draw"
	pane_type N x
	pane_wait N 'view-only: attached SHM_RDONLY, drawing is refused' 2 "typing is refused"
	pane_keys N F10
	check "nobody is back in top" poll 3 row_matches N "$BOARD" .
	pane_quit N
	check "nobody changed nothing: both still there" [ -n "$(shm_field "$BIG" shmid)" ]
fi

section "three hundred segments"
pane_wait T 'TOP +2 of [0-9]+ segments' 7 "T's status line counts two (its last message gone)"
foreign many 300 64 "$TEST_UID" >"$T/many" || abort "foreign many failed"
while read -r id; do
	cleanup_shmid "$id"
done <"$T/many"
within_1s "all 302 are counted" pane_shows T 'TOP +302 of [0-9]+ segments'
# sorted by SIZE, smallest first: the 64-byte ones (by shmid), then the board, then BIG
pane_keys T End
pane_wait T "shmid +$BIG" 2 "End selects the last of 302 rows (the largest, BIG)"
pane_wait T "^0x[0-9a-f]{8} +$BIG " 2 "... and scrolls it into view"
pane_keys T Home
pane_wait T "shmid +$(sort -n "$T/many" | head -1)" 2 "Home selects the first (the smallest shmid of the 64-byte ones)"
check "the new rows' light goes out" poll 4 none_lit T
line=$(usage_of 3000 "$(pane_pid T)")
cpu=$(usage_cpu "$line")
sw=$(usage_switches "$line")
echo "top, idle, 302 rows, over 3 s: $line"
check "idle with 302 rows: CPU ${cpu:-?} ms <= 150 ms in 3 s" [ "${cpu:-9999}" -le 150 ]
check "idle with 302 rows: ${sw:-?} context switches <= 8 in 3 s (sampling at the fast pace, 4 a second, would be 12)" \
    [ "${sw:-9999}" -le 8 ]
while read -r id; do
	ipcrm -m "$id"
done <"$T/many"
within_1s "the 300 go away" pane_shows T 'TOP +2 of [0-9]+ segments'
pane_quit T

finish
