#!/bin/sh
# ui_lesson.sh - the segment lesson keys, with three terminals, through tmux:
# F4 detaches (shmdt: every sidebar's shm_nattch drops, the detached one
# says "(detached)", cannot draw and no longer follows the board) and F4
# attaches again; F8 Clear asks first (n keeps the board, y empties it for
# everyone); F7 Remove asks first (n keeps it, y is IPC_RMID: every sidebar
# shows dest yes and shm_perm.key 0x00000000, the others get the "removed by
# someone else" banner, drawing goes on) and the segment leaves `ipcs -m`
# when its last client quits.

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
pane_start B "$PIZARRA" -k "$KEY"
pane_home B
pane_start C "$PIZARRA" -k "$KEY"
pane_home C
pane_wait_all "$ALL" 'shm_nattch +3$' 3 "the sidebar shows shm_nattch 3"
pane_type A "the lesson"
pane_wait_all "B C" '^the lesson +│' 3 "A's text appears"
printf 'the lesson\n' >"$T/board1"

# ---------------------------------------------------------------------------
section "F4 in B: shmdt; every sidebar's shm_nattch drops to 2"
pane_keys B F4
pane_wait B 'shmat\(\) here +\(detached\)$' 2 "B's sidebar says (detached)"
pane_wait B 'F4Attach ' 2 "B's key bar offers F4 Attach"
pane_wait B 'DETACHED' 2 "B's status line says DETACHED"
pane_wait_all "$ALL" 'shm_nattch +2$' 2 "shm_nattch is 2 while B is detached"
pane_wait_all "A C" 'CLIENTS +2 in slots, nattch 2$' 2 "2 clients in slots while B is detached"
pane_still B '^the lesson +│' "detached B still shows the board (its copy)"
pane_wait B 'detached: slots unreadable' 2 "detached B says it cannot read the slots"
pane_never B 'viewer$' "detached B does not take the drawing clients for viewers"
pane_type B "x"
pane_wait B 'detached \(shmdt\): F4 attaches again to draw' 2 "typing in detached B is refused"
expect_dump "$T/board1" -k "$KEY"
pane_keys A Home Down Down
pane_type A "while B was away"
pane_wait C '^while B was away +│' 3 "C sees A's new text"
pane_never B 'while B was away' "detached B does not follow the board"

section "F4 in B again: shmat; shm_nattch back to 3"
pane_keys B F4
pane_wait B 'shmat\(\) here +0x[0-9a-f]+ rw$' 2 "B's sidebar shows its new attach address, rw"
pane_wait B 'F4Detach ' 2 "B's key bar offers F4 Detach again"
pane_wait_all "$ALL" 'shm_nattch +3$' 2 "shm_nattch is 3 again"
pane_wait_all "$ALL" 'CLIENTS +3 in slots, nattch 3$' 2 "3 clients in slots again"
pane_wait B '^while B was away +│' 2 "B, attached again, shows what A drew meanwhile"
pane_keys B Down Down Down Down
pane_type B "B is back"
pane_wait_all "A C" '^B is back +│' 3 "B draws again and everyone sees it"
printf 'the lesson\n\nwhile B was away\n\nB is back\n' >"$T/board2"
expect_dump "$T/board2" -k "$KEY"

# ---------------------------------------------------------------------------
section "F8 Clear asks first: n keeps the board"
pane_keys C F8
pane_wait C 'Clear the whole board for everyone\? \(y/N\)' 2 "C is asked before clearing"
pane_type C n
pane_wait C 'not cleared' 2 "n: C says not cleared"
expect_dump "$T/board2" -k "$KEY"
pane_still A '^the lesson +│' "A still shows the board"
pane_still A '^B is back +│' "A still shows B's text"

section "F1 help closes without a trace; F10 at a question quits"
pane_keys C F1
pane_wait C 'pizarra help \(any key closes\)' 2 "F1 shows the help box in C"
pane_keys C Escape
pane_wait_not C 'pizarra help|this help' 2 "the help box is gone from C's screen after a key"
pane_still C '^the lesson +│' "C shows the board again where the box was"

section "F8 Clear, y: the board is empty for everyone"
pane_keys C F8
pane_wait C 'Clear the whole board for everyone\? \(y/N\)' 2 "C is asked again"
pane_type C y
pane_wait C 'board cleared' 2 "y: C says board cleared"
pane_wait_not A 'the lesson|while B was away|B is back' 2 "A's canvas is empty"
pane_wait_not B 'the lesson|while B was away|B is back' 2 "B's canvas is empty"
pane_wait_not C 'the lesson|while B was away|B is back' 2 "C's canvas is empty"
: >"$T/empty"
expect_dump "$T/empty" -k "$KEY"

# ---------------------------------------------------------------------------
section "F7 Remove asks first: n keeps the segment"
pane_keys A Home Up Up
pane_type A "before rm"
pane_wait_all "B C" '^before rm +│' 3 "A's new text appears"
pane_keys A F7
pane_wait A 'IPC_RMID: mark the segment for removal\? .*\(y/N\)' 2 "A is asked before IPC_RMID"
pane_type A n
pane_wait A 'not removed' 2 "n: A says not removed"
pane_still A 'dest +no$' "A's sidebar: dest no"
check "the key still names shmid $ID" [ "$(shmids_of_key "$KEY")" = "$ID" ]

section "F7 Remove, y: IPC_RMID; dest yes and key 0x00000000 everywhere"
pane_keys A F7
pane_wait A 'IPC_RMID: mark the segment for removal\?' 2 "A is asked again"
pane_type A y
pane_wait A 'IPC_RMID: key is now 0x00000000' 2 "A says the key is now 0x00000000"
pane_wait_all "$ALL" 'dest +yes$' 2 "the sidebar shows dest yes"
pane_wait_all "$ALL" 'shm_perm.key +0x00000000$' 2 "the sidebar shows shm_perm.key 0x00000000"
pane_wait_all "$ALL" 'shm_nattch +3$' 2 "the removed segment is still attached 3 times"
pane_wait_all "B C" "shmid $ID was removed by someone else" 3 "the others get the removal banner"
pane_never A 'removed by someone else' "A, who removed it, gets no banner"
check "no segment under $KEY any more" [ -z "$(shmids_of_key "$KEY")" ]
check "ipcs -m still lists shmid $ID, as dest, while attached" ipcs_dest "$ID"

section "drawing goes on on the removed segment"
pane_keys A Home Down Down Down Down Down Down
pane_type A "drawn after IPC_RMID"
pane_wait_all "B C" '^drawn after IPC_RMID +│' 3 "A's text after the removal appears"
pane_wait B 'Board removed by someone else: k keep' 2 "B is asked what to do (the question shows a moment after the banner)"
pane_type B k
pane_wait_not B 'removed by someone else' 2 "k: B keeps drawing on the orphan, the banner goes"
pane_wait B '^before rm +│' 2 "B shows the top of the board again"
pane_keys B Home Down Down Down Down
pane_type B "B too"
pane_wait_all "A C" '^B too +│' 3 "B draws on the removed segment and everyone sees it"
printf 'before rm\n\n\n\n\n\ndrawn after IPC_RMID\n\nB too\n' >"$T/board3"
expect_dump "$T/board3" -i "$ID"

# ---------------------------------------------------------------------------
section "the last client to quit takes the segment with it"
# C never answered the removal question; the key bar still says F10 Quit.
pane_still C 'removed by someone else' "C still shows the removal banner"
pane_still C 'F10Quit' "C's key bar still offers F10 Quit"
pane_keys C F10
CHECKS=$((CHECKS + 1))
if poll 2 pane_exited C; then
	pass "F10 quits C while the removal question is up"
else
	fail "F10 pressed while C shows the removal banner (key bar: F10Quit) did not quit" \
	    "within 2 s: it was taken as an answer to the question"
	pane_capture C
	pane_show_capture C
	echo "   (pressing F10 again, now that the question is gone)"
	pane_keys C F10
fi
pane_wait_exit C 0 && pane_restored C
pane_wait_all "A B" 'shm_nattch +2$' 2 "shm_nattch 2 after C quit"
pane_quit B
pane_wait A 'shm_nattch +1$' 2 "shm_nattch 1 after B quit"
check "ipcs -m still lists shmid $ID while A is attached" ipcs_lists "$ID"
pane_quit A
CHECKS=$((CHECKS + 1))
if poll 2 shm_gone "$ID" && ! ipcs_lists "$ID"; then
	pass "shmid $ID is gone from ipcs -m after the last client quit"
else
	fail "shmid $ID is still in ipcs -m after its last client quit:"
	ipcs -m | sed 's/^/   /'
fi

finish
