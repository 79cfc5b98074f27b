#!/bin/sh
# xterm_draw.sh - drawing with the mouse in a real xterm (80x24, under
# Xvfb, driven by xdotool). xterm keeps one mouse-tracking mode: pizarra's
# any-motion tracking (?1003h, with SGR coordinates ?1006h) must come after
# ncurses' own mouse set-up (?1006;1000h), or a drag reports only its press
# and its release. Here a drag in every tool (text, which drags as the
# brush, brush, line, box, eraser) goes through a staircase of cells, each
# step waited for (the client's cursor, through info --json), and the dump
# shows the whole staircase, not the press-to-release "L" that is all
# click-only tracking gives; the box's corner follows the pointer while the
# button is held. A click moves the cursor and draws nothing. After F12 (suspend)
# and SIGCONT (what fg does) the tracking is turned on again after ncurses'
# own, and drags still follow the pointer. F10 leaves every mouse mode off.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin xterm

# wait_cursor COL ROW WHAT: A's cursor reaches COL,ROW (a check only when it fails).
wait_cursor() {
	poll "$POLL_WAIT" xterm_cursor_is "$KEY" "$PID" "$1" "$2" && return 0
	CHECKS=$((CHECKS + 1))
	fail "$3: it is at $(xterm_cursor "$KEY" "$PID")"
	return 1
}

# check_cursor COL ROW WHAT: a check that A's cursor reaches COL,ROW.
check_cursor() {
	xterm_wait_cursor "$KEY" "$PID" "$@"
}

# drag C,R C,R ...: press at the first cell, move through the others (each
# step waited for: the cursor follows a drag), release at the last.
drag() {
	xterm_point A "${1%,*}" "${1#*,}"
	xterm_down A
	wait_cursor "${1%,*}" "${1#*,}" "the press at $1 moves A's cursor" || DRAG_OK=no
	shift
	for _d in "$@"; do
		xterm_point A "${_d%,*}" "${_d#*,}"
		wait_cursor "${_d%,*}" "${_d#*,}" "a motion event with the button held reaches A ($_d)" ||
		    DRAG_OK=no
	done
	xterm_up A
}

# modes_in_order NAME: one line per DEC private mode set or reset in NAME's
# output, in order: "MODE h" or "MODE l" (?1006;1000h gives two lines).
modes_in_order() {
	tr '\033' '\n' <"$(xterm_raw "$1")" | sed -n 's/^\[?\([0-9;]*\)\([hl]\).*/\1 \2/p' |
	    awk '{ n = split($1, a, ";"); for (i = 1; i <= n; i++) print a[i], $2 }'
}

# motion_after_ncurses NAME: any-motion tracking was turned on after the last
# time ncurses set up its click tracking (?1000h), and never off since.
motion_after_ncurses() {
	modes_in_order "$1" | awk '
	$1 == 1000 && $2 == "h" { last1000 = NR }
	$1 == 1003 { last1003 = NR; on = $2 == "h" }
	END { exit !(on && last1003 > last1000 && last1000 > 0) }'
}

# process_stopped PID: PID is stopped (state T in /proc/PID/stat).
process_stopped() {
	[ "$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)" = T ]
}

# staircase C R: the cells of the test's staircase drag from C,R.
staircase() {
	echo "$1,$2 $(($1 + 1)),$(($2 + 1)) $(($1 + 2)),$(($2 + 2)) $(($1 + 3)),$(($2 + 3))" \
	    "$(($1 + 4)),$(($2 + 4)) $(($1 + 7)),$(($2 + 4))"
}

# ---------------------------------------------------------------------------
section "A starts in an 80x24 xterm (TERM=$XTERM_TERM)"
xterm_start A "$PIZARRA" -k "$KEY"
PID=$(xterm_pid A)
check_cursor 0 0 "A is on the board, its cursor at 0,0 (info --json)"
check "A turned any-motion tracking on after ncurses' mouse set-up (?1003h after ?1000h)" \
    motion_after_ncurses A
check "A asked for SGR mouse coordinates (?1006h)" [ "$(xterm_last_mode A 1006)" = h ]

# ---------------------------------------------------------------------------
section "a click moves the cursor and draws nothing"
xterm_click A 20 3
check_cursor 20 3 "a click at 20,3 puts A's cursor there (info --json)"
: >"$T/empty"
expect_dump "$T/empty" -k "$KEY"

# ---------------------------------------------------------------------------
section "a drag with each tool draws its whole path"
DRAG_OK=yes
# shellcheck disable=SC2046 # the staircase's cells are words
drag $(staircase 1 1)
# F3 changes the tool: keys and mouse reports reach the client in the order
# they are sent, so each drag after it uses the new tool (the dump shows it;
# the status line's "tool: ..." is no sure sign in the bytes, where ncurses
# may rewrite only what changed).
xterm_key A F3
# shellcheck disable=SC2046
drag $(staircase 11 1)
xterm_key A F3
# shellcheck disable=SC2046
drag $(staircase 21 1)
xterm_key A F3
# the corner follows the pointer while the button is held
drag 1,8 4,10 6,11 9,12
xterm_key A F3
for r in 1 2 3 4 5 6; do
	pz -k "$KEY" put 31 "$r" "xxxxxxxxxx" || fail "put could not fill the eraser's field"
done
# shellcheck disable=SC2046
drag $(staircase 32 1)
check "every step of every drag reached A as a motion event (the cursor followed)" \
    [ "$DRAG_OK" = yes ]
# text (as the brush), brush, line: staircases; the box; the eraser's staircase
cat >"$T/board1" <<'EOF'

 ██        ██        ─┐        x  xxxxxxx
  ██        ██        └┐       xx  xxxxxx
   ██        ██        └┐      xxx  xxxxx
    ██        ██        └┐     xxxx  xxxx
     ████      ████      └───  xxxxx    x
                               xxxxxxxxxx

 ┌───────┐
 │       │
 │       │
 │       │
 └───────┘
EOF
expect_dump "$T/board1" -k "$KEY"

# ---------------------------------------------------------------------------
section "F12 (suspend), then SIGCONT (fg): tracking comes back after ncurses' own"
xterm_key A F12
check "F12 stops A" poll "$POLL_WAIT" process_stopped "$PID"
kill -CONT "$PID"
check "A turned any-motion tracking on again after ncurses' set-up on resuming" \
    poll "$POLL_WAIT" motion_after_ncurses A
# from the eraser: the fill, the select tool, then the text tool (which drags as the brush)
xterm_key A F3
xterm_key A F3
xterm_key A F3
DRAG_OK=yes
# shellcheck disable=SC2046
drag $(staircase 1 14)
check "after the resume every step of the drag reached A" [ "$DRAG_OK" = yes ]
cat "$T/board1" >"$T/board2"
cat >>"$T/board2" <<'EOF'

 ██
  ██
   ██
    ██
     ████
EOF
expect_dump "$T/board2" -k "$KEY"

# ---------------------------------------------------------------------------
section "F10: A quits and leaves the terminal as it found it"
xterm_quit A
expect_dump "$T/board2" -k "$KEY"

finish
