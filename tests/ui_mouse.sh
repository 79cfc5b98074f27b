#!/bin/sh
# ui_mouse.sh - the mouse through tmux, with X10 reports written by `tmux
# send-keys -H` (ESC [ M 32+b 33+x 33+y): a press and its release that
# arrive in one write are one click to ncurses (BUTTON1_CLICKED, even with
# mouseinterval 0), and it still moves the cursor and draws nothing.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# report B X Y: the bytes of one X10 mouse report (button code B at X, Y).
report() {
	printf '1b 5b 4d %02x %02x %02x ' $((32 + $1)) $((33 + $2)) $((33 + $3))
}

# mouse NAME REPORT...: send reports to NAME in one write.
mouse() {
	_m_name=$1
	shift
	# shellcheck disable=SC2046 # one byte per word
	pane_tmux "$_m_name" send-keys -H $(printf '%s' "$*")
}

# ---------------------------------------------------------------------------
section "A starts (TERM=$PANE_TERM: X10 mouse reports)"
pane_start A "$PIZARRA" -k "$KEY"
for r in 0 1 2 3 4 5 6; do
	pz -k "$KEY" put 0 "$r" "row $r" || fail "put row $r"
done
pane_wait_line A 6 "row 6" 3 "A shows the rows put on the board"

# ---------------------------------------------------------------------------
section "a click that arrives in one write (press and release) moves the cursor"
mouse A "$(report 0 30 9)" "$(report 3 30 9)"
pane_wait A ' 30,9 on 200x60' 2 "the click puts A's cursor at 30,9"
pane_still A '^ TEXT ' "A still has the text tool"
printf 'row 0\nrow 1\nrow 2\nrow 3\nrow 4\nrow 5\nrow 6\n' >"$T/board"
expect_dump "$T/board" -k "$KEY"
mouse A "$(report 0 40 12)" "$(report 3 40 12)" "$(report 0 41 12)" "$(report 3 41 12)"
pane_wait A ' 41,12 on 200x60' 2 "two clicks in one write (a double click): the cursor at the second"

pane_quit A
finish
