#!/bin/sh
# ui_select.sh - the SELECT tool (F3's seventh) through tmux, checked on the
# screen and with `pizarra dump`: a mouse drag (X10 reports: press, motions
# with the button held, release) marks a rectangle, shown reversed and
# underlined; c copies it; Ctrl-V shows the clipboard at the cursor as a
# preview that is not on the board (dump unchanged), arrows move it, Enter
# places it, Esc cancels it, a click places it where clicked; Enter at two
# corners marks with keys; the arrows move the selection with what it
# holds; x cuts; Delete erases; f fills with the brush; a drag from inside
# the selection shows what it holds following the pointer (the board
# unchanged) and moves it where the button comes up; Ctrl-Z takes a move
# and a fill back one step each, Ctrl-Y does them again; a click lets go; F3
# (another tool) lets go; moving to a smaller board brings the cursor inside
# it and lets the selection go; in Spanish the tool and its messages are; a
# viewer is refused Ctrl-V like every drawing key.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# selected NAME Y: canvas line Y of NAME's pane shows a selection (reverse
# and underline together, left of the sidebar).
selected() {
	pane_tmux "$1" capture-pane -p -e >"$T/$1.ecap" 2>&1
	sed -n "$(($2 + 1))p" "$T/$1.ecap" | sed 's/│.*//' |
	    grep -Eq "$(printf '\033')\\[([0-9]*;)*4;([0-9]*;)*7(;[0-9]*)*m"
}

# unselected NAME Y
unselected() {
	! selected "$1" "$2"
}

# board LINE...: the dump expected, one argument a row (from row 0).
board() {
	printf '%s\n' "$@" >"$T/board"
}

# ---------------------------------------------------------------------------
section "A takes the SELECT tool"
pane_start A "$PIZARRA" -k "$KEY"
pane_home A
pz -k "$KEY" put 2 2 "hello world" || fail "put"
pz -k "$KEY" put 2 3 "second line" || fail "put"
pane_wait_line A 3 "  second line" 3 "A shows what was put"
pane_keys A F3 F3 F3 F3 F3 F3
pane_wait A '^ SELECT ' 2 "F3 six times: the SELECT tool"

section "a drag marks a rectangle"
pane_drag A 2 2 6 3
pane_wait A 'selected 5 x 2: c copies' 2 "a drag from 2,2 to 6,3 selects 5 x 2"
check "the selection is shown on row 2" poll 2 selected A 2
check "and on row 3" selected A 3
check "not on row 4" unselected A 4
board "" "" "  hello world" "  second line"
expect_dump "$T/board" -k "$KEY"

section "copy, and paste with a preview"
pane_keys A c
pane_wait A 'copied 5 x 2 cells \(v or Ctrl-V pastes\)' 2 "c copies"
pane_keys A Escape
pane_wait A 'selection let go' 2 "Esc lets go"
check "the selection is no longer shown" poll 2 unselected A 2
pane_click A 10 8
pane_wait A ' 10,8  ' 2 "a click moves the cursor (and selects nothing)"
check "a click selects nothing" unselected A 8
pane_keys A C-v
pane_wait A 'paste 5 x 2: Enter or a click places, arrows move, Esc cancels' 2 "Ctrl-V: the preview"
pane_wait_line A 8 "          hello" 2 "the preview shows at the cursor"
expect_dump "$T/board" -k "$KEY"
pane_keys A Right
pane_wait_line A 8 "           hello" 2 "Right moves the preview"
pane_keys A Enter
pane_wait A 'pasted 5 x 2 cells at 11,8' 2 "Enter places it"
board "" "" "  hello world" "  second line" "" "" "" "" "           hello" "           secon"
expect_dump "$T/board" -k "$KEY"
pane_keys A C-v
pane_wait A 'paste 5 x 2' 2 "Ctrl-V again"
pane_keys A Escape
pane_wait A 'paste cancelled' 2 "Esc cancels the preview"
pane_wait_line A 8 "           hello" 2 "the preview is gone"
expect_dump "$T/board" -k "$KEY"
pane_keys A C-v
pane_wait A 'paste 5 x 2' 2 "Ctrl-V once more"
pane_click A 30 12
pane_wait A 'pasted 5 x 2 cells at 30,12' 2 "a click places it where clicked"
board "" "" "  hello world" "  second line" "" "" "" "" "           hello" "           secon" \
    "" "" "                              hello" "                              secon"
expect_dump "$T/board" -k "$KEY"

section "Enter at two corners selects; the arrows move the selection"
pane_click A 11 8
pane_wait A ' 11,8  ' 2 "the cursor at 11,8"
pane_keys A Enter
pane_wait A 'select: corner at 11,8' 2 "Enter: the first corner"
pane_keys A Right Right Right Right Down
pane_wait A ' 15,9  ' 2 "the cursor at the other corner"
pane_keys A Enter
pane_wait A 'selected 5 x 2' 2 "Enter: the second corner"
pane_keys A Right Right
pane_wait A 'moved the selection to 13,8' 2 "two Rights move it two columns"
board "" "" "  hello world" "  second line" "" "" "" "" "             hello" \
    "             secon" "" "" "                              hello" \
    "                              secon"
expect_dump "$T/board" -k "$KEY"
pane_wait A ' 17,9  ' 2 "the cursor went along"

section "x cuts"
pane_keys A x
pane_wait A 'cut 5 x 2 cells' 2 "x cuts"
board "" "" "  hello world" "  second line" "" "" "" "" "" "" "" "" \
    "                              hello" "                              secon"
expect_dump "$T/board" -k "$KEY"

section "Delete erases, f fills with the brush"
pane_drag A 2 2 6 2
pane_wait A 'selected 5 x 1' 2 "a one-row selection"
pane_keys A DC
pane_wait A 'erased the selection \(5 cells changed\)' 2 "Delete erases it"
pane_drag A 0 15 3 16
pane_wait A 'selected 4 x 2' 2 "a 4 x 2 selection"
pane_keys A f
pane_wait A 'filled the selection with the brush \(8 cells changed\)' 2 "f fills it"
board "" "" "        world" "  second line" "" "" "" "" "" "" "" "" \
    "                              hello" "                              secon" "" \
    "████" "████"
expect_dump "$T/board" -k "$KEY"

section "a drag from inside the selection moves it"
pane_drag A 30 12 34 13
pane_wait A 'selected 5 x 2' 2 "the pasted block selected"
pane_mouse A "$(pane_x10 0 31 12)"
pane_wait A ' 31,12  ' 2 "a press inside it"
pane_mouse A "$(pane_x10 32 41 14)"
pane_wait_line A 14 "                                        hello" 2 \
    "while the button is held, what it holds is shown where it would go"
board "" "" "        world" "  second line" "" "" "" "" "" "" "" "" \
    "                              hello" "                              secon" "" \
    "████" "████"
expect_dump "$T/board" -k "$KEY"
pane_mouse A "$(pane_x10 3 41 14)"
pane_wait A 'moved the selection to 40,14' 2 "dragged ten right, two down: on release it lands there"
board "" "" "        world" "  second line" "" "" "" "" "" "" "" "" "" "" \
    "                                        hello" \
    "████                                    secon" "████"
expect_dump "$T/board" -k "$KEY"
check "the selection is shown where it went" poll 2 selected A 15
check "not where it was" unselected A 12

section "each operation is one undo step"
pane_keys A C-z
pane_wait A 'undid the move: ' 2 "Ctrl-Z takes the move back whole"
board "" "" "        world" "  second line" "" "" "" "" "" "" "" "" \
    "                              hello" "                              secon" "" \
    "████" "████"
expect_dump "$T/board" -k "$KEY"
pane_keys A C-z
pane_wait A 'undid the fill: 8 cells' 2 "Ctrl-Z again takes the fill back"
board "" "" "        world" "  second line" "" "" "" "" "" "" "" "" \
    "                              hello" "                              secon"
expect_dump "$T/board" -k "$KEY"
pane_keys A C-y C-y
pane_wait A 'redid the move: ' 2 "Ctrl-Y twice does both again"
board "" "" "        world" "  second line" "" "" "" "" "" "" "" "" "" "" \
    "                                        hello" \
    "████                                    secon" "████"
expect_dump "$T/board" -k "$KEY"
pane_keys A F3
pane_wait A '^ TEXT ' 2 "F3: the text tool"
check "another tool lets the selection go" poll 2 unselected A 15
pane_keys A C-v
pane_wait A 'paste 5 x 2' 2 "Ctrl-V works with any tool"
pane_keys A Escape

section "in Spanish"
pane_start --ready=F10Salir S LANGUAGE=es "$PIZARRA" -k "$KEY"
pane_keys S F3 F3 F3 F3 F3 F3
pane_wait S '^ SELEC ' 2 "the tool is SELEC in Spanish"
pane_drag S 0 30 2 31
pane_wait S 'seleccionadas 3 x 2: c copia' 2 "the selection's message in Spanish"
pane_keys S z
pane_wait S 'SELEC: arrastra, o 2 Enter; c copia' 2 "another letter says the keys, in Spanish"
pane_quit S

section "a viewer may not paste"
pane_start V "$PIZARRA" -k "$KEY" view
pane_keys V C-v
pane_wait V 'view-only' 2 "Ctrl-V is refused to a viewer"
pane_quit V
section "moving to a smaller board: the cursor comes inside it, the selection goes"
K2=$(test_key 1)
pane_start M "$PIZARRA" -k "$K2" -s 100x30
pane_keys M F3 F3 F3 F3 F3 F3
pane_wait M '^ SELECT ' 2 "M takes the SELECT tool"
pane_keys M End Left Left Left Left Left
pane_keys M Down Down Down Down Down Down Down Down Down Down
pane_keys M Down Down Down Down Down Down Down Down Down Down
pane_wait M ' 94,20  ' 2 "M's cursor is at 94,20"
pane_keys M Enter Left Left Left Left Down Enter
pane_wait M 'selected 5 x 2' 2 "M selects near the far corner of a 100x30 board"
pane_wait M ' 90,21  ' 2 "M's cursor is at 90,21"
run "$PIZARRA" -k "$K2" rm
"$PIZARRA" -k "$K2" -s 80x24 put 0 0 new 2>/dev/null
pane_wait M "n join the board under the key" 4 "M is asked about the new board"
pane_type M n
pane_wait M "Join .*\\(y/N\\)" 2 "n asks before joining"
pane_type M y
pane_wait M ' 79,21  ' 2 "on the 80x24 board the cursor is inside it"
pane_keys M x
pane_wait M 'nothing selected' 2 "the old board's selection went with it"
pane_keys M C-z
pane_wait M 'nothing to undo' 2 "and so did the history"
pz -k "$K2" put 77 21 abc || fail "put"
pane_wait M ' 79,21  ' 2 "M is still at 79,21"
pane_keys M Enter Left Left Enter
pane_wait M 'selected 3 x 1' 2 "M selects abc at the board's right edge"
pane_keys M c Escape Right Right
pane_wait M ' 79,21  ' 2 "let go, the cursor goes back to the last column"
pane_keys M C-v Enter
pane_wait M 'pasted 1 x 1 of 3 x 1 cells at 79,21 \(the rest is off the board\)' 2 \
	"a paste cut by the edge says what fit"
pane_quit M

pane_rawcheck A "A's terminal got only what ncurses sends (selections and previews included)"
pane_quit A
finish
