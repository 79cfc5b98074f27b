#!/bin/sh
# screen_smoke.sh - pizarra inside GNU screen, inside a real xterm (80x24):
# it starts (TERM as screen sets it), typing draws (dump), a click moves
# the cursor and a drag with the brush draws its whole staircase (screen
# passes the xterm's mouse reports on in the mode pizarra asked for,
# any-motion included), F10 quits with status 0, screen ends with it, and
# the xterm is left as it was (tty modes, alternate screen, mouse off).
# screen runs with a configuration of its own (no startup message, and no
# detaching on hang-up, so nothing outlives the xterm) and a socket
# directory in the test's temp dir.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin xterm
command -v screen >/dev/null 2>&1 ||
    skip "screen_smoke needs GNU screen, which is not installed (./bootstrap installs it)"

mkdir -m 700 "$T/screens" || abort "mkdir $T/screens"
SCREENDIR=$T/screens
export SCREENDIR
printf 'startup_message off\nautodetach off\nvbell off\n' >"$T/screenrc"
# P is pizarra in screen's window: its pid, its TERM, then its status.
cleanup_client "$T/P"
cat >"$T/in-screen.sh" <<INNER
sh -c 'echo \$\$ >"$T/P.pid.new" && mv "$T/P.pid.new" "$T/P.pid" && echo "\$TERM" >"$T/P.term" && exec "$PIZARRA" -k $KEY'
echo \$? >"$T/P.status"
INNER

# check_cursor COL ROW WHAT: pizarra's cursor reaches COL,ROW.
check_cursor() {
	xterm_wait_cursor "$KEY" "$PID" "$@"
}

dump_is() {
	pz -k "$KEY" dump >"$T/dump.now" 2>/dev/null && cmp -s "$1" "$T/dump.now"
}

# ---------------------------------------------------------------------------
section "pizarra starts inside screen inside xterm"
xterm_start --ready= S screen -c "$T/screenrc" -S "pizarra-test-$$" sh "$T/in-screen.sh"
check "pizarra started in screen's window" poll "$POLL_WAIT" test -s "$T/P.pid"
PID=$(cat "$T/P.pid")
check_cursor 0 0 "info lists it, its cursor at 0,0 (TERM=$(cat "$T/P.term" 2>/dev/null))"

section "typing, a click and a drag through screen"
xterm_type S "hola"
printf 'hola\n' >"$T/board1"
check "typed text is on the board" poll "$POLL_WAIT" dump_is "$T/board1"
xterm_click S 10 5
check_cursor 10 5 "a click puts the cursor at 10,5"
xterm_key S F3
xterm_point S 2 8
xterm_down S
check_cursor 2 8 "the press at 2,8"
for step in 3,9 4,10 7,10; do
	xterm_point S "${step%,*}" "${step#*,}"
	check_cursor "${step%,*}" "${step#*,}" "the drag reaches $step (a motion report through screen)"
done
xterm_up S
printf 'hola\n\n\n\n\n\n\n\n  ██\n   ██\n    ████\n' >"$T/board2"
check "the drag drew its whole staircase" poll "$POLL_WAIT" dump_is "$T/board2"

section "F10 quits; screen ends with it; the xterm is as it was"
xterm_key S F10
check "pizarra exits with status 0" poll "$POLL_WAIT" sh -c "[ \"\$(cat '$T/P.status' 2>/dev/null)\" = 0 ]"
xterm_wait_exit S 0
xterm_restored S
check "the board is left as drawn" dump_is "$T/board2"

finish
