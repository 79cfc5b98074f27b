#!/bin/sh
# ui_select_shared.sh - a selection is seen by everyone: A's rectangle
# (carried in A's client slot, client.h) shows on B's screen, reversed and
# underlined, follows A's moves, goes when A lets go, and when A leaves;
# B's shows on A's at the same time. A hostile writer's slot with a
# garbage rectangle (tests/hostile selslot) is shown cut at the board's
# edge, or not at all when its corner is off the board; nothing of it
# reaches the terminal but the board's cells, and B goes on drawing. Hostile
# cells (controls, OSC, CSI, DCS) selected, copied (with OSC 52), previewed
# and pasted send no control byte to the terminal.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# selected NAME Y [FROM TO]: canvas line Y of NAME's pane shows a selection
# (reverse and underline together) left of the sidebar.
selected() {
	pane_tmux "$1" capture-pane -p -e >"$T/$1.ecap" 2>&1
	sed -n "$(($2 + 1))p" "$T/$1.ecap" | sed 's/│.*//' |
	    grep -Eq "$(printf '\033')\\[([0-9]*;)*4;([0-9]*;)*7(;[0-9]*)*m"
}

unselected() {
	! selected "$1" "$2"
}

# ---------------------------------------------------------------------------
section "A selects; B sees it"
pane_start A "$PIZARRA" -k "$KEY"
pane_home A
pane_start B "$PIZARRA" -k "$KEY"
pane_home B
pane_keys A F3 F3 F3 F3 F3 F3
pane_wait A '^ SELECT ' 2 "A takes the SELECT tool"
check "B shows no selection before" unselected B 3
pane_drag A 2 2 9 4
pane_wait A 'selected 8 x 3' 2 "A selects 8 x 3 at 2,2"
check "B shows A's selection on row 2" poll 2 selected B 2
check "and on row 4" selected B 4
check "not on row 5" unselected B 5
pane_keys A Down
pane_wait A 'moved the selection to 2,3' 2 "A moves it down a row"
check "B sees it on row 5 now" poll 2 selected B 5
check "and no longer on row 2" poll 2 unselected B 2

section "B selects too; A sees both"
pane_keys B F3 F3 F3 F3 F3 F3
pane_wait B '^ SELECT ' 2 "B takes the SELECT tool"
pane_drag B 20 10 25 11
pane_wait B 'selected 6 x 2' 2 "B selects 6 x 2 at 20,10"
check "A shows B's on row 10" poll 2 selected A 10
check "B still shows A's on row 4" selected B 4
pane_keys A Escape
pane_wait A 'selection let go' 2 "A lets go"
check "B no longer shows A's" poll 2 unselected B 4
pane_drag A 2 20 5 21
pane_wait A 'selected 4 x 2' 2 "A selects again"
check "B shows it" poll 2 selected B 20
pane_quit A
check "A left: B no longer shows its selection" poll 3 unselected B 20
check "B still shows its own" selected B 10

section "a hostile slot's rectangle is cut at the board's edge"
pane_keys B Escape
check "B let go" poll 2 unselected B 10
helper selslot "$KEY" c01ec005 ffff001f >"$T/hostile.out" 2>&1 || fail "hostile selslot: $(cat "$T/hostile.out")"
check "B shows the rectangle from row 30" poll 3 selected B 30
check "to the canvas's last row" selected B 36
check "and not above it" unselected B 29
helper slots "$KEY" release >/dev/null 2>&1
check "released, it goes" poll 3 unselected B 30
helper selslot "$KEY" ffffffff ffffffff >"$T/hostile.out" 2>&1 || fail "hostile selslot: $(cat "$T/hostile.out")"
helper selslot "$KEY" 3fff0000 00000010 >>"$T/hostile.out" 2>&1 || fail "hostile selslot: $(cat "$T/hostile.out")"
pane_keys B F3
pane_wait B '^ TEXT ' 2 "B takes the text tool"
pane_type B "still here"
pane_wait B 'still here' 2 "B draws on"
check "corners off the board: nothing shown" unselected B 0
pane_rawcheck B "B's terminal got no control byte from the slots"
helper slots "$KEY" release >/dev/null 2>&1
pane_quit B

section "hostile cells copied, previewed, pasted and sent: nothing of them reaches a terminal"
pane_start D PIZARRA_CLIPBOARD=osc52 "$PIZARRA" -k "$KEY"
pane_home D
for cat in c0 c1 osc csi dcs; do
	helper cells "$KEY" "$cat" 24 >/dev/null 2>&1 || fail "hostile cells $cat"
	pane_keys D F3 F3 F3 F3 F3 F3
	pane_wait D '^ SELECT ' 2 "D takes the SELECT tool ($cat)"
	pane_drag D 0 24 60 24
	pane_wait D 'selected 61 x 1' 2 "D selects row 24 ($cat)"
	pane_keys D c
	pane_wait D 'copied 61 x 1 cells, also to the terminal.s clipboard' 2 "D copies it ($cat)"
	pane_keys D Escape Down C-v
	pane_wait D 'paste 61 x 1' 2 "D previews it ($cat)"
	pane_keys D Enter
	pane_wait D 'pasted 61 x 1 cells' 2 "D pastes it ($cat)"
	pane_keys D F3
	pane_wait D '^ TEXT ' 2 "D back to the text tool ($cat)"
done
pane_rawcheck D "D's terminal got no control byte from the cells (selected, previewed, OSC 52)"
pane_quit D

section "on a small board, a rectangle larger than it"
KEY2=$(test_key 1)
pane_start C "$PIZARRA" -k "$KEY2" -s 40x10
pane_home C
helper selslot "$KEY2" c0030026 ffff001f >"$T/hostile.out" 2>&1 || fail "hostile selslot: $(cat "$T/hostile.out")"
check "C shows it on row 3" poll 3 selected C 3
pane_capture C
check "the board's edge is still drawn beside it" \
    sh -c "sed -n 4p '$T/C.cap' | cut -c41-43 | grep -q '^│$'"
helper slots "$KEY2" release >/dev/null 2>&1
pane_quit C
finish
