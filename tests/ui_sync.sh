#!/bin/sh
# ui_sync.sh - three terminals on one board, through tmux: text (UTF-8
# included) typed in one appears live in the other two and in `pizarra
# dump`; q draws a q; a cursor that only moves shows on another screen at its
# new place, and leaves the old one, well within the second after which every
# client rechecks its whole screen anyway; every sidebar follows
# shm_nattch and the CLIENTS list as clients come and go: 3 -> 2 when one
# quits with F10 (its terminal restored) -> 3 when another starts (and sees
# the drawing) -> 2 within 2 s when one is killed with kill -9 (its row
# leaves the list within 2 s); the board outlives its last client (no
# IPC_RMID was asked for).

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

ALL="A B C"

# ---------------------------------------------------------------------------
section "three clients start on key $KEY"
pane_start A "$PIZARRA" -k "$KEY"
pane_home A
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "A started but there is no segment under $KEY"
pane_wait A "created a 200x60 board at key $KEY \\(shmid $ID\\)" 2 "A says it created the board"
pane_start B "$PIZARRA" -k "$KEY"
pane_home B
pane_start C "$PIZARRA" -k "$KEY"
pane_home C
check "B and C joined A's segment (still one shmid, $ID)" [ "$(shmids_of_key "$KEY")" = "$ID" ]
pane_wait_all "$ALL" 'shm_nattch +3$' 3 "the sidebar shows shm_nattch 3"
pane_wait_all "$ALL" 'CLIENTS +3 in slots, nattch 3$' 3 "the sidebar lists 3 clients in slots"
for c in $ALL; do
	p=$(pane_pid "$c")
	check "info --json lists $c (pid $p) on its tty $(pane_tty "$c")" [ "$(pane_info_pid "$c" "$KEY")" = "$p" ]
	pane_wait_all "$ALL" "[●*] $p +[^ ]+ +$(pane_tty "$c")( |$)" 2 "the CLIENTS list has $c's row (pid $p)"
	pane_wait "$c" "[●*] $p +[^ ]+ +[^ ]+ +you$" 2 "$c's own row says 'you'"
done

# ---------------------------------------------------------------------------
section "text typed in one terminal appears in the other two; q draws"
pane_type A "hello from A"
pane_wait_all "B C" '^hello from A +│' 3 "A's text appears"
pane_keys A Enter
pane_type A q
pane_wait_all "$ALL" '^q +│' 3 "the q A typed is drawn"
check "A still runs after typing q" pane_alive A
pane_still A 'F10Quit' "A's key bar is still there after q"

pane_keys B Down Down Down
pane_type B "B: ñandú € ┌─┐"
pane_wait_all "A C" '^B: ñandú € ┌─┐ +│' 3 "B's UTF-8 text appears"
pane_keys C Down Down Down Down Down
pane_type C "C was here └─┘"
pane_wait_all "A B" '^C was here └─┘ +│' 3 "C's text appears"
printf 'hello from A\nq\n\nB: ñandú € ┌─┐\n\nC was here └─┘\n' >"$T/board1"
expect_dump "$T/board1" -k "$KEY"

# ---------------------------------------------------------------------------
section "a cursor that only moves shows at its new place at once, and leaves the old"
pane_keys A Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
pane_wait A ' 1,20  ' 2 "A's cursor is at 1,20"
check "B shows A's cursor on row 20" poll_cs 100 pane_reverse_on B 20
for y in 21 22 23 24 25 26; do
	pane_keys A Down
	check "B shows A's cursor on row $y within 0.6 s" poll_cs 60 pane_reverse_on B "$y"
	check "A's cursor leaves row $((y - 1)) of B within 0.6 s" poll_cs 60 pane_no_reverse_on B $((y - 1))
done
y=26
while [ "$y" -gt 1 ]; do
	pane_keys A Up
	y=$((y - 1))
done
pane_wait A ' 1,1  ' 2 "A's cursor is back at 1,1"

# ---------------------------------------------------------------------------
section "C quits with F10: 3 -> 2, C's terminal is restored"
pc=$(pane_pid C)
pane_quit C
pane_wait_all "A B" 'shm_nattch +2$' 2 "shm_nattch drops to 2 after C quit"
pane_wait_all "A B" 'CLIENTS +2 in slots, nattch 2$' 2 "2 clients in slots after C quit"
pane_wait_not A "[●*] $pc( |$)" 2 "C's row (pid $pc) leaves A's CLIENTS list"
pane_wait_not B "[●*] $pc( |$)" 2 "C's row (pid $pc) leaves B's CLIENTS list"

# ---------------------------------------------------------------------------
section "D starts: 2 -> 3, D sees the drawing"
pane_start D "$PIZARRA" -k "$KEY"
pane_home D
ALL="A B D"
pane_wait_all "$ALL" 'shm_nattch +3$' 3 "shm_nattch is 3 again"
pane_wait D '^hello from A +│' 2 "D shows A's text"
pane_wait D '^B: ñandú € ┌─┐ +│' 2 "D shows B's text"
pane_wait D '^C was here └─┘ +│' 2 "D shows the text of C, who left"

# ---------------------------------------------------------------------------
section "B is killed with kill -9: 3 -> 2 within 2 s, its row leaves the list"
pb=$(pane_info_pid B "$KEY")
check "info --json gives B's pid ($pb) by its tty" [ -n "$pb" ] && [ "$pb" = "$(pane_pid B)" ]
[ -n "$pb" ] || pb=$(pane_pid B)
kill -9 "$pb"
poll_deadline 2
pane_wait_all "A D" 'shm_nattch +2$' 2 "shm_nattch is 2 within 2 s of kill -9"
pane_wait_not A "[●*] $pb( |$)" 2 "the killed B (pid $pb) leaves A's CLIENTS list within 2 s"
pane_wait_not D "[●*] $pb( |$)" 2 "the killed B (pid $pb) leaves D's CLIENTS list within 2 s"
poll_deadline_end
pane_wait_all "A D" 'CLIENTS +2 in slots, nattch 2$' 2 "2 clients in slots after the kill"
pane_wait_exit B 137 2

# ---------------------------------------------------------------------------
section "drawing goes on; the last clients quit (F10 and Ctrl-Q)"
pane_keys D Down Down Down Down Down Down Down
pane_type D "D after the kill"
pane_wait A '^D after the kill +│' 3 "D's text appears in A"
printf 'hello from A\nq\n\nB: ñandú € ┌─┐\n\nC was here └─┘\n\nD after the kill\n' >"$T/board2"
expect_dump "$T/board2" -k "$KEY"
section "an escape sequence the terminal does not know is not drawn"
pane_keys A Home Down
pane_tmux A send-keys -H 1b 5b 39 39 7e 1b 5b 31 3b 35 5a 1b 4f 7a
pane_type A "esc ok"
pane_wait D '^esc ok +│' 3 "the text after the unknown sequences arrives"
pane_never D '99~|1;5Z|\[' "no piece of the unknown sequences is on the board"
printf 'hello from A\nq\nesc ok\nB: ñandú € ┌─┐\n\nC was here └─┘\n\nD after the kill\n' >"$T/board2"
expect_dump "$T/board2" -k "$KEY"

section "F10 quits even while a question is asked"
pane_start E "$PIZARRA" -k "$KEY"
pane_home E
pane_keys E F8
pane_wait E 'Clear the whole board for everyone' 2 "E is asked before clearing"
pane_keys E F10
pane_wait_exit E 0
expect_dump "$T/board2" -k "$KEY"

pane_quit A C-q
pane_wait D 'shm_nattch +1$' 2 "D shows shm_nattch 1 after A quit with Ctrl-Q"
pane_quit D
CHECKS=$((CHECKS + 1))
if poll 2 shm_exists "$ID" && [ "$(awk -v id="$ID" '$2 == id { print $7 }' /proc/sysvipc/shm)" = 0 ]; then
	pass "the board outlives its clients: shmid $ID is still there, shm_nattch 0"
else
	fail "shmid $ID should still exist with shm_nattch 0 (nobody asked for IPC_RMID)"
fi
expect_dump "$T/board2" -k "$KEY"

finish
