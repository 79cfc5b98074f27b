#!/bin/sh
# ui_vt100.sh - plain terminals, through tmux: next to A (the panes' own
# TERM, UTF-8), V runs with TERM=vt100 and W with TERM=vt100 LANG=C LC_ALL=C.
# Both start, typing in them draws and the others see it; box drawing
# characters (typed in A, or drawn in W with the line and box tools) are
# shown as ASCII + - | in those clients and stay real box drawing on the
# board (dump, A); what W cannot show is a placeholder (?). They quit with
# Ctrl-Q and give the terminal back. Keys vt100 does not have (Home, End,
# F5-F12: tmux sends xterm's sequences for them) are not used.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

ALL="A V W"

# ---------------------------------------------------------------------------
section "A (UTF-8), V (TERM=vt100), W (TERM=vt100, C locale) start"
pane_start A "$PIZARRA" -k "$KEY"
pane_home A
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "A started but there is no segment under $KEY"
pane_start V TERM=vt100 "$PIZARRA" -k "$KEY"
pane_keys V -N 5 Up  # vt100 has no PgUp or Home: back to row 0 by Up
pane_start W TERM=vt100 LANG=C LC_ALL=C "$PIZARRA" -k "$KEY"
pane_keys W -N 5 Up
check "V and W joined A's segment" [ "$(shmids_of_key "$KEY")" = "$ID" ]
pane_wait_all "$ALL" 'shm_nattch +3$' 3 "the sidebar shows shm_nattch 3"
pane_wait_all "$ALL" 'CLIENTS +3 in slots, nattch 3$' 3 "3 clients in slots"
pane_wait W "\\* $(pane_pid W) .* you$" 2 "W marks clients with an ASCII *"
pane_wait W '^ TEXT  # ' 2 "W's status line shows its colour as an ASCII #"

# ---------------------------------------------------------------------------
section "box drawing typed in A is ASCII in the vt100 clients"
pane_type A "┌─┐ box"
pane_keys A Enter
pane_type A "│ñ│ ñandú €"
pane_keys A Enter
pane_type A "└─┘"
pane_wait A '^└─┘ +│' 3 "A shows its box"
pane_wait W '^\+-\+ box ' 3 "W shows the top of the box as +-+"
pane_wait W '^\|\?\| \?and\? \? ' 2 "W shows the sides as | and what it cannot show as ?"
pane_wait W '^\+-\+ {20}' 2 "W shows the bottom of the box as +-+"
# V's terminal has no colour but its locale is UTF-8: the ASCII fallback
# follows the locale (what the terminal can print), so V shows the real box.
pane_wait V '^┌─┐ box ' 3 "V (TERM=vt100, UTF-8) shows the top of the box"
pane_wait V '^│ñ│ ñandú € ' 2 "V (TERM=vt100, UTF-8) shows the sides and the text"
pane_wait V '^└─┘ {20}' 2 "V (TERM=vt100, UTF-8) shows the bottom of the box"
printf '┌─┐ box\n│ñ│ ñandú €\n└─┘\n' >"$T/board1"
expect_dump "$T/board1" -k "$KEY"

# ---------------------------------------------------------------------------
section "typing in the vt100 clients draws; the others see it"
pane_keys W Down Down Down Down
pane_type W "typed in W (C locale)"
pane_wait_all "A V" '^typed in W \(C locale\) ' 3 "W's text appears"
pane_keys V Down Down Down Down Down Down
pane_type V "typed in V (vt100)"
pane_wait_all "A W" '^typed in V \(vt100\) ' 3 "V's text appears"
pane_still W '^typed in W \(C locale\) ' "W shows its own text"

section "W draws a line and a box: real box drawing on the board, ASCII in W"
# vt100 has no Home key (khome): tmux's \e[1~ would be typed as text.
pane_keys W -N 21 Left
pane_keys W Down Down Down Down
pane_wait W ' 0,8  ' 2 "W's cursor is at 0,8"
pane_keys W F3
pane_wait W 'tool: BRUSH' 2 "F3 in W: brush"
pane_keys W F3
pane_wait W 'tool: LINE' 2 "F3 in W: line"
pane_keys W Right Right Right Right
pane_wait W '^----- ' 3 "W shows its line as -----"
pane_wait A '^───── +│' 3 "A shows W's line as ─────"
pane_keys W F3
pane_wait W 'tool: BOX' 2 "F3 in W: box"
pane_keys W Left Left Left Left Down Down
pane_wait W ' 0,10  ' 2 "W's cursor is at 0,10"
pane_keys W Enter Right Right Right Down Down Enter
pane_wait W '^\+--\+ ' 3 "W shows its box's top as +--+"
pane_wait W '^\|  \| ' 2 "W shows its box's sides as |  |"
pane_wait A '^┌──┐ +│' 3 "A shows W's box's top as ┌──┐"
pane_wait A '^│  │ +│' 2 "A shows W's box's sides as │  │"
pane_wait A '^└──┘ +│' 2 "A shows W's box's bottom as └──┘"
printf '┌─┐ box\n│ñ│ ñandú €\n└─┘\n\ntyped in W (C locale)\n\ntyped in V (vt100)\n\n─────\n\n┌──┐\n│  │\n└──┘\n' >"$T/board2"
expect_dump "$T/board2" -k "$KEY"

# ---------------------------------------------------------------------------
section "the vt100 clients quit with Ctrl-Q"
# Without an alternate screen (vt100 has no smcup) the last frame stays on
# the terminal: only the modes are checked, not the screen's content.
pane_keys W C-q
pane_wait_exit W 0 && pane_wait W '^\[pizarra exited 0; tty restored\]' 2 "W: tty modes back"
pane_check_flag W '#{cursor_flag}' 1 "W: the cursor is visible"
pane_check_flag W '#{mouse_any_flag}#{mouse_all_flag}' 00 "W: mouse tracking is off"
pane_wait_all "A V" 'shm_nattch +2$' 2 "shm_nattch 2 after W quit"
pane_keys V C-q
pane_wait_exit V 0 && pane_wait V '^\[pizarra exited 0; tty restored\]' 2 "V: tty modes back"
pane_check_flag V '#{cursor_flag}' 1 "V: the cursor is visible"
pane_check_flag V '#{mouse_any_flag}#{mouse_all_flag}' 00 "V: mouse tracking is off"
pane_wait A 'shm_nattch +1$' 2 "shm_nattch 1 after V quit"
pane_quit A
expect_dump "$T/board2" -k "$KEY"

finish
