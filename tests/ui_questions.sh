#!/bin/sh
# ui_questions.sh - a question never takes keys meant for something else.
# When someone else removes the board, the "board was removed" question
# waits while a prompt (F6 save, F5 mode) or the help is open: the keys
# typed there stay there (the `n` of notes.txt does not choose "new board"),
# and the question comes once it closes. A question is answered only by
# the keys it names: others are ignored, and so are keys typed on the board
# in the moment after it popped up, which still land on the board.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

QUESTION='Board removed by someone else: k keep'

# ---------------------------------------------------------------------------
section "four clients on key $KEY, and a board with something on it"
pane_start A "$PIZARRA" -k "$KEY"
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "A started but there is no segment under $KEY"
pane_start B "$PIZARRA" -k "$KEY"
pane_start C "$PIZARRA" -k "$KEY"
pane_start D "$PIZARRA" -k "$KEY"
pane_wait_all "A B C D" 'shm_nattch +4$' 3 "every sidebar shows shm_nattch 4"
pane_type A "keep me"
pane_wait_all "B C D" '^keep me +│' 3 "A's text appears everywhere"
printf 'keep me\n' >"$T/board"

section "a y/N question takes only y, n, Enter and Esc"
pane_keys B F8
pane_wait B 'Clear the whole board for everyone\? \(y/N\)' 2 "B is asked before clearing"
pane_type B "xq1"
pane_still B 'Clear the whole board for everyone\? \(y/N\)' "x, q and 1 do not answer it"
expect_dump "$T/board" -k "$KEY"
pane_type B n
pane_wait B 'not cleared' 2 "n answers it"
expect_dump "$T/board" -k "$KEY"

# ---------------------------------------------------------------------------
section "A is in the F6 prompt, C in the F5 prompt, D in the help, when the board is removed"
pane_keys A F6
pane_wait A 'Save (the board as text )?in [^ ]+:' 2 "F6 asks A for a file name"
pane_erase_prompt A
pane_keys C F5
pane_wait C 'Permission bits \(shmctl IPC_SET\)' 2 "F5 asks C for the mode"
pane_erase_prompt C
pane_keys D F1
pane_wait D 'pizarra help \(any key closes\)' 2 "D shows the help"
run "$PIZARRA" -i "$ID" rm
check "someone else removes the board (pizarra -i $ID rm)" [ "$STATUS" -eq 0 ]
pane_wait B "$QUESTION" 4 "B, drawing, is asked what to do"
pane_wait_all "A C" 'dest +yes$' 3 "the sidebars show dest yes (D's is under the help)"
pane_still A 'Save (the board as text )?in [^ ]+:' "A's prompt is still open"
pane_never A "$QUESTION" "A is not asked while its prompt is open"
pane_still C 'Permission bits \(shmctl IPC_SET\)' "C's prompt is still open"
pane_still D 'pizarra help \(any key closes\)' "D's help is still open"

section "the keys typed into the prompts stay there"
pane_type A "$T/notes.txt"
# typed after the question popped up: they reach the prompt (waited for, as
# they travel), not the question
pane_wait A "Save (the board as text )?in .*notes\\.txt" 3 "A's prompt has the name, n included"
pane_keys A Enter
check "F6 saved the board to notes.txt" poll 2 cmp -s "$T/notes.txt" "$T/board"
pane_wait A "$QUESTION" 3 "then A is asked what to do"
check "no board was made under the key" [ -z "$(shmids_of_key "$KEY")" ]
expect_dump "$T/board" -i "$ID"
pane_type C "0640"
pane_keys C Enter
pane_wait C "$QUESTION" 3 "C is asked once its prompt closed"
check "F5's 0640 went to IPC_SET (the kernel adds dest, 01000)" \
	[ "$(shm_field "$ID" perms)" = 1640 ]
pane_keys D Escape
pane_wait D "$QUESTION" 3 "D is asked once its help closed"

section "only k, s, n and Esc answer it"
pane_type A "xyz"
pane_still A "$QUESTION" "x, y and z do not answer A's question"
expect_dump "$T/board" -i "$ID"
check "still no board under the key" [ -z "$(shmids_of_key "$KEY")" ]
pane_type A k
pane_wait A "drawing on the orphaned segment \\(shmid $ID\\)" 2 "k keeps A on it"
pane_keys C Escape
pane_wait C "drawing on the orphaned segment \\(shmid $ID\\)" 2 "Esc keeps C on it"
pane_type D k
pane_type B k

# ---------------------------------------------------------------------------
section "keys already on their way to the board when the question pops up land on it"
NEWID=
pane_start E "$PIZARRA" -k "$KEY"
NEWID=$(board_shmid "$KEY")
[ -n "$NEWID" ] || abort "E did not create a new board under $KEY"
pane_keys E Down Down Down Down Down Down
run "$PIZARRA" -i "$NEWID" rm
pane_wait E "shmid $NEWID was removed by someone else" 4 "E gets the removal banner"
pane_type E "snakes"
pane_wait E '^snakes +│' 2 "what E typed as the banner came is on the board"
pane_wait E "$QUESTION" 3 "then E is asked"
pane_never E 'Save (the board as text )?in ' "the s of snakes did not answer the question"
printf '\n\n\n\n\n\nsnakes\n' >"$T/board-e"
expect_dump "$T/board-e" -i "$NEWID"

for c in A B C D E; do
	pane_quit "$c"
done
finish
