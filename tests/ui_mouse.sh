#!/bin/sh
# ui_mouse.sh - the mouse through tmux, with X10 reports written by `tmux
# send-keys -H` (ESC [ M 32+b 33+x 33+y): a press and its release that
# arrive in one write are one click to ncurses (BUTTON1_CLICKED, even with
# mouseinterval 0), and it still moves the cursor and draws nothing; the
# wheel (b = 64 up, 65 down) pans the view three rows and leaves the cursor
# where it was (the screen shows the rows below, a click lands three rows
# further down the board); the view stops at the board's edges. (Sideways,
# Ctrl-wheel, needs SGR reports: ncurses 6.4 decodes an X10 wheel report
# with a modifier as a motion; xterm_wheel tests it.)

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
pane_wait A ' 30,9  ' 2 "the click puts A's cursor at 30,9"
pane_still A '^ TEXT ' "A still has the text tool"
printf 'row 0\nrow 1\nrow 2\nrow 3\nrow 4\nrow 5\nrow 6\n' >"$T/board"
expect_dump "$T/board" -k "$KEY"
mouse A "$(report 0 40 12)" "$(report 3 40 12)" "$(report 0 41 12)" "$(report 3 41 12)"
pane_wait A ' 41,12  ' 2 "two clicks in one write (a double click): the cursor at the second"

# ---------------------------------------------------------------------------
section "the wheel pans the view and leaves the cursor"
mouse A "$(report 65 10 10)"
pane_wait_line A 0 "row 3" 2 "wheel down: the canvas starts at board row 3"
pane_still A ' 41,12  ' "the cursor stayed at 41,12"
mouse A "$(report 0 4 2)" "$(report 3 4 2)"
pane_wait A ' 4,5  ' 2 "a click on screen row 2 lands on board row 5"
mouse A "$(report 64 10 10)" "$(report 64 10 10)"
pane_wait_line A 0 "row 0" 2 "wheel up twice: back at row 0, and no further"
pane_still A ' 4,5  ' "the cursor stayed at 4,5"
x=0
while [ $x -lt 30 ]; do
	mouse A "$(report 65 10 10)"
	x=$((x + 1))
done
mouse A "$(report 0 0 37)" "$(report 3 0 37)"
pane_wait A ' 0,59  ' 2 "thirty notches down: the view stops at the board's last row (59 on screen row 37)"

pane_quit A
finish
