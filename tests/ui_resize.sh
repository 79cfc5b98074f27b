#!/bin/sh
# ui_resize.sh - resizing a client's terminal, through tmux: to 60x20 and
# back to 120x40 the drawing (UTF-8 included) is still shown and the board
# unchanged; 50x12 (the minimum) still shows the board; 49x12 and 40x10 show
# the "needs at least" message instead, keys other than quit change nothing
# then, what others draw meanwhile shows once it is big again; F10 quits from
# the too-small screen and the terminal is restored.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

SMALL='pizarra needs at least 50x12;'

# ---------------------------------------------------------------------------
section "A draws, B watches"
pane_start A "$PIZARRA" -k "$KEY"
pane_home A
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "A started but there is no segment under $KEY"
pane_start B "$PIZARRA" -k "$KEY"
pane_home B
pane_type A "resize me"
pane_keys A Enter
pane_type A "ñandú € ┌─┐"
pane_wait A '^resize me +│' 2 "A shows its first line"
pane_wait A '^ñandú € ┌─┐ +│' 2 "A shows its UTF-8 line"
pane_wait B '^ñandú € ┌─┐ +│' 3 "B shows A's UTF-8 line"
printf 'resize me\nñandú € ┌─┐\n' >"$T/board1"
expect_dump "$T/board1" -k "$KEY"

# ---------------------------------------------------------------------------
section "A at 60x20: the drawing is still shown"
pane_resize A 60 20
pane_wait A '^resize me +│' 3 "A at 60x20 shows the first line"
pane_wait A '^ñandú € ┌─┐ +│' 2 "A at 60x20 shows the UTF-8 line"
pane_wait A 'shm_nattch +2$' 2 "A at 60x20 shows the sidebar"
pane_wait A '^F1Hel?F2Col' 2 "A at 60x20 shows the key bar"
pane_never A "$SMALL" "60x20 is not too small"
check "A's pane really is 60x20" pane_size_is A 60x20
expect_dump "$T/board1" -k "$KEY"

section "A back at 120x40"
pane_resize A 120 40
pane_wait A 'F10Quit' 3 "A at 120x40 shows the whole key bar again"
pane_wait A '^resize me +│' 2 "A at 120x40 shows the first line"
pane_wait A '^ñandú € ┌─┐ +│' 2 "A at 120x40 shows the UTF-8 line"
expect_dump "$T/board1" -k "$KEY"
pane_keys A Enter
pane_type A "typed after resizing"
pane_wait B '^typed after resizing +│' 3 "A draws after resizing, B sees it"
printf 'resize me\nñandú € ┌─┐\ntyped after resizing\n' >"$T/board2"
expect_dump "$T/board2" -k "$KEY"

# ---------------------------------------------------------------------------
section "the minimum: 50x12 shows the board, 49x12 does not"
pane_wait A ' 20,2  ' 2 "A's cursor is at column 20"
pane_resize A 50 12
# The canvas is 20 columns wide now: to show the cursor (column 20) the view
# scrolls right by one column.
pane_wait A '^esize me' 3 "A at 50x12 shows the drawing, scrolled to follow the cursor"
pane_wait A '^F1HeF2Co.*F10Qu' 2 "A at 50x12 shows the key bar"
pane_never A "$SMALL" "50x12 is not too small"
pane_resize A 49 12
pane_wait A "$SMALL" 3 "A at 49x12 says it needs at least 50x12"
pane_wait A 'this terminal is 49x12\.' 2 "A at 49x12 names its size"

section "A at 40x10: needs at least 50x12"
pane_resize A 40 10
pane_wait A "$SMALL" 3 "A at 40x10 says it needs at least 50x12"
pane_wait A 'this terminal is 40x10\.' 2 "A at 40x10 names its size"
pane_wait A 'F10 quits; nothing is lost' 2 "A at 40x10 says how to quit"
pane_never A 'resize me' "A at 40x10 does not show the board"
pane_type A "xyz"
pane_keys A F8 y F7 y
pane_keys B Down Down Down
pane_type B "B while A was small"
pane_wait A 'this terminal is 40x10\.' 2 "A at 40x10 still shows the message after keys"
check "A still runs" pane_alive A
pane_wait B '^B while A was small +│' 2 "B shows its own text"
printf 'resize me\nñandú € ┌─┐\ntyped after resizing\nB while A was small\n' >"$T/board3"
expect_dump "$T/board3" -k "$KEY"
pane_wait B 'dest +no$' 2 "no IPC_RMID came from the too-small A"

section "A back at 120x40: nothing was lost, B's text is there"
pane_resize A 120 40
pane_wait A 'F10Quit' 3 "A at 120x40 shows the key bar again"
pane_never A "$SMALL" "the message is gone"
pane_wait A '^resize me +│' 2 "back at 120x40, A shows the board from column 0 again (the cursor, at column 20, fits)"
pane_keys A Home
pane_wait A ' 0,2  ' 2 "Home takes A's cursor to column 0"
pane_wait A '^resize me +│' 2 "A shows its first line"
pane_wait A '^ñandú € ┌─┐ +│' 2 "A shows its UTF-8 line"
pane_wait A '^B while A was small +│' 2 "A shows what B drew while it was small"
pane_never A 'xyz' "the keys typed while too small drew nothing"
expect_dump "$T/board3" -k "$KEY"

# ---------------------------------------------------------------------------
section "F10 quits from the too-small screen"
pane_resize A 40 10
pane_wait A "$SMALL" 3 "A at 40x10 again"
pane_quit A
pane_wait B 'shm_nattch +1$' 2 "B shows shm_nattch 1 after A quit"
pane_quit B
expect_dump "$T/board3" -k "$KEY"

finish
