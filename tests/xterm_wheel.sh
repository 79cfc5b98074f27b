#!/bin/sh
# xterm_wheel.sh - the wheel in a real xterm (80x24: a 48x22 canvas on a
# 200x60 board): a notch down (button 5) pans the view three rows and
# leaves the cursor where it was; the cursor, now out of view, is hidden
# (the client sends ?25l, which is also how the test knows the wheel was
# handled); a click then lands three rows further down the board (the
# client's cursor in info --json says where the view is). Up (button 4)
# comes back, and stops at the top. Ctrl-wheel pans eight columns (xterm
# keeps Shift-wheel for itself). Thirty notches stop at the board's last
# row.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin xterm

# check_cursor COL ROW WHAT: A's cursor reaches COL,ROW.
check_cursor() {
	xterm_wait_cursor "$KEY" "$PID" "$@"
}

# cursor_hidden_since N: after byte N of A's output, the client hid the
# terminal's cursor (?25l) and did not show it again.
cursor_hidden_since() {
	tail -c +"$(($1 + 1))" "$(xterm_raw A)" | tr '\033' '\n' | grep -a '^\[?25[hl]' |
	    tail -1 | grep -q '^\[?25l'
}

# raw_size: how many bytes A sent so far.
raw_size() {
	wc -c <"$(xterm_raw A)"
}

# ---------------------------------------------------------------------------
section "A starts in an 80x24 xterm"
xterm_start A "$PIZARRA" -k "$KEY"
PID=$(xterm_pid A)
check_cursor 0 0 "A's cursor is at 0,0"
xterm_click A 10 1
check_cursor 10 1 "a click puts it at 10,1"

# ---------------------------------------------------------------------------
section "the wheel pans the view, not the cursor"
n=$(raw_size)
xterm_wheel A 20 10 down
check "a notch down takes the cursor's row out of view: A hides the cursor (?25l)" \
    poll "$POLL_WAIT" cursor_hidden_since "$n"
check_cursor 10 1 "the cursor stayed at 10,1"
xterm_click A 4 2
check_cursor 4 5 "a click on screen row 2 lands on board row 5: the view starts at row 3"
xterm_wheel A 20 10 up
xterm_wheel A 20 10 up
xterm_click A 4 2
check_cursor 4 2 "two notches up: back at the top, and no further"
n=$(raw_size)
xterm_wheel A 20 10 down ctrl
check "Ctrl-wheel down takes the cursor's column out of view: A hides the cursor" \
    poll "$POLL_WAIT" cursor_hidden_since "$n"
check_cursor 4 2 "the cursor stayed at 4,2"
xterm_click A 0 0
check_cursor 8 0 "a click on screen column 0 lands on board column 8"
xterm_wheel A 20 10 up ctrl
xterm_click A 0 0
check_cursor 0 0 "Ctrl-wheel up: back at column 0"
xterm_wheel A 20 10 down 30
xterm_click A 0 21
check_cursor 0 59 "thirty notches down stop at the board's last row (59 on screen row 21)"

xterm_quit A
finish
