# shellcheck shell=sh
# uilib.sh - sourced by the ui_*.sh tests: they drive the interactive board
# through tmux, one private tmux server (so one pty) per pizarra client,
# and read what each terminal shows with `tmux capture-pane -p`.
#
# It gives every test:
#   - the report (check, pass, fail, section, finish...) and the segment
#     helpers (shmids_of_key, shm_field, register_shmid...) of reportlib.sh;
#   - the pane helpers of panelib.sh (pane_wait, pane_poll, pane_keys,
#     pane_type, pane_pid, pane_wait_exit...), on this file's pane_server,
#     pane_capture, pane_shows and show_capture;
#   - a key of its own, KEY = (0xD0 + UI_N) << 24 | (PID & 0xFFFFFF), where
#     UI_N is the test's number (below) and PID this shell's pid, so tests
#     running in parallel never share a board (the Check suites use 0xA0 + n
#     with their own pid, testlib.sh's cli tests 0xE0 + n with theirs);
#   - a temporary directory $T (under TESTS_BUILDDIR, or mktemp -d);
#   - clients: ui_start NAME [VAR=VALUE]... PROGRAM ARGS... runs PROGRAM in a
#     new tmux server "pz-TEST-PID-NAME", 120x40, through a wrapper that
#     records the program's pid, and once it exits prints
#       [pizarra exited STATUS; tty restored|CHANGED]
#     on the (normal) screen, and keeps the pane open;
#   - polling with a deadline, never fixed sleeps: pane_wait, pane_wait_not,
#     ui_wait_all, pane_wait_exit... (a 50 ms pause between two captures,
#     /proc/uptime as the clock; pane_deadline gives several checks one
#     deadline); every failure names the check and shows the last capture of
#     the pane it was about;
#   - an EXIT trap that kills every tmux server the test started, waits for
#     (and at worst kill -9s) every pizarra it started, removes the segment
#     under KEY and every segment the test registered (even one marked for
#     removal, whose key is 0), and fails the test if one survived.
#
# Environment (set by `make check`): PIZARRA, TESTS_SRCDIR, TESTS_BUILDDIR.
# Run by hand from the source tree:
#   PIZARRA=$PWD/src/pizarra TESTS_SRCDIR=$PWD/tests TESTS_BUILDDIR=$PWD/tests \
#   LC_ALL=C.UTF-8 sh tests/ui_sync.sh
# A test is skipped (exit 77) when tmux is not installed.

set -u

TEST_NAME=$(basename "$0" .sh)
case $TEST_NAME in
ui_sync) UI_N=0 ;;
ui_lesson) UI_N=1 ;;
ui_view) UI_N=2 ;;
ui_resize) UI_N=3 ;;
ui_vt100) UI_N=4 ;;
*)
	echo "uilib.sh: unknown test '$TEST_NAME': give it a number in uilib.sh" >&2
	exit 99
	;;
esac

if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: $TEST_NAME needs tmux, which is not installed"
	exit 77
fi

: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
# shellcheck source=tests/reportlib.sh
. "$TESTS_SRCDIR/reportlib.sh"
# shellcheck source=tests/panelib.sh
. "$TESTS_SRCDIR/panelib.sh"
# Our own tmux servers only, whatever terminal runs the tests.
unset TMUX TMUX_PANE

KEY=$(printf '0x%08x' $((((0xD0 + UI_N) << 24) | ($$ & 0xFFFFFF))))
UI_CLIENTS=                # NAMEs started with ui_start
UI_SOCKETS=                # their tmux sockets, removed at exit
UI_CAP=                    # file of the last capture
T=

# The terminal type inside the panes: tmux's own if this system knows it.
if infocmp tmux-256color >/dev/null 2>&1; then
	UI_TERM=tmux-256color
else
	UI_TERM=screen
fi

# ---------------------------------------------------------------- reporting

# show_capture NAME: the last capture of NAME's pane, framed, for a failure.
show_capture() {
	printf '   --- last capture of %s (tmux -L %s, %s):\n' "$1" "$(pane_server "$1")" \
	    "$(pane_tmux "$1" display-message -p '#{pane_width}x#{pane_height}' 2>/dev/null)"
	if [ -f "$T/$1.cap" ]; then
		awk '{ l[NR] = $0; if ($0 != "") last = NR }
		END { for (i = 1; i <= last; i++) print "   |" l[i] }' "$T/$1.cap"
	else
		echo '   (none)'
	fi
	printf '   ---\n'
}

# ------------------------------------------------------------------ clock

# -------------------------------------------------------------- the panes

# pane_server NAME: the tmux server (socket name) of client NAME.
pane_server() {
	echo "pz-$TEST_NAME-$$-$1"
}

# pane_capture NAME: capture NAME's pane into $T/NAME.cap (UI_CAP names it).
pane_capture() {
	UI_CAP=$T/$1.cap
	pane_tmux "$1" capture-pane -p >"$UI_CAP.new" 2>&1
	mv "$UI_CAP.new" "$UI_CAP"
}

# pane_shows NAME REGEX: NAME's pane shows a line matching REGEX (grep -E) now.
pane_shows() {
	pane_capture "$1"
	grep -Eq -- "$2" "$UI_CAP"
}

# ui_wait_all "NAMES" REGEX [SECS] [WHAT]: every pane in NAMES shows REGEX
# within SECS of the call (one deadline for all).
ui_wait_all() {
	_ui_rc=0
	_ui_by=$PANE_BY
	[ -n "$_ui_by" ] || PANE_BY=$(($(pane_now_cs) + ${3:-$PANE_WAIT} * 100))
	for _ui_c in $1; do
		pane_wait "$_ui_c" "$2" "${3:-$PANE_WAIT}" "${4:+$4 ($_ui_c)}" || _ui_rc=1
	done
	PANE_BY=$_ui_by
	return $_ui_rc
}

# ui_still NAME REGEX [WHAT]: NAME's pane shows REGEX right now (no waiting,
# for what must not have changed).
ui_still() {
	CHECKS=$((CHECKS + 1))
	if pane_shows "$1" "$2"; then
		pass "${3:-$1 still shows /$2/}"
		return 0
	fi
	fail "${3:-$1 still shows /$2/}: not on $1's screen (/$2/)"
	show_capture "$1"
	return 1
}

# ui_start NAME [VAR=VALUE]... PROGRAM [ARG]...: start a client in its own
# tmux server and wait until its key bar is up (keys sent earlier would be
# echoed by the tty). The wrapper keeps the pane after PROGRAM exits.
# UI_READY (default F10Quit) is the marker waited for; "" waits for nothing.
ui_start() {
	_ui_name=$1
	shift
	UI_CLIENTS="$UI_CLIENTS $_ui_name"
	rm -f "$T/$_ui_name.pid" "$T/$_ui_name.status" "$T/$_ui_name.cap"
	if ! pane_tmux "$_ui_name" -f /dev/null new-session -d -x 120 -y 40 \
	    sh "$T/run.sh" "$T/$_ui_name" env TERM="$UI_TERM" "$@" >"$T/tmux.err" 2>&1; then
		abort "tmux new-session for $_ui_name failed: $(cat "$T/tmux.err")"
	fi
	UI_SOCKETS="$UI_SOCKETS $(pane_flag "$_ui_name" '#{socket_path}')"
	if [ -n "${UI_READY-F10Quit}" ]; then
		pane_wait "$_ui_name" "${UI_READY-F10Quit}" "$PANE_WAIT" "$_ui_name started ($*)" ||
		    abort "$_ui_name did not start"
	fi
}

# ui_tty NAME: NAME's terminal as pizarra names it (pts/N).
ui_tty() {
	pane_tmux "$1" display-message -p '#{pane_tty}' | sed 's|^/dev/||'
}

# ui_resize NAME COLS ROWS: resize NAME's window and wait until the pane has it.
ui_resize() {
	pane_tmux "$1" resize-window -x "$2" -y "$3"
	CHECKS=$((CHECKS + 1))
	if pane_poll "$PANE_WAIT" ui_size_is "$1" "$2x$3"; then
		return 0
	fi
	fail "tmux did not resize $1's pane to $2x$3 (it is $(pane_flag "$1" '#{pane_width}x#{pane_height}'))"
	return 1
}

# ui_size_is NAME WxH: NAME's pane has that size.
ui_size_is() {
	[ "$(pane_flag "$1" '#{pane_width}x#{pane_height}')" = "$2" ]
}

# ui_restored NAME: after NAME's program exited its terminal is back: the
# wrapper's line is on the normal screen, the tty modes are those from
# before (stty -g), no alternate screen, cursor visible, no mouse tracking,
# no key bar or sidebar left over.
ui_restored() {
	pane_wait "$1" "^\\[pizarra exited [0-9]+; tty restored\\]" 2 \
	    "$1: the wrapper's line is on the screen and the tty modes (stty -g) are back"
	ui_check_flag "$1" '#{alternate_on}' 0 "$1: the alternate screen is gone"
	ui_check_flag "$1" '#{cursor_flag}' 1 "$1: the cursor is visible"
	ui_check_flag "$1" '#{mouse_any_flag}#{mouse_all_flag}#{mouse_button_flag}#{mouse_standard_flag}' \
	    0000 "$1: mouse tracking is off"
	pane_never "$1" 'F10Quit|shm_nattch' "$1: no key bar or sidebar left on the screen"
}

# ui_check_flag NAME FORMAT VALUE WHAT: a tmux pane flag has VALUE.
ui_check_flag() {
	_ui_v=$(pane_flag "$1" "$2")
	CHECKS=$((CHECKS + 1))
	if [ "$_ui_v" = "$3" ]; then
		pass "$4"
		return 0
	fi
	fail "$4: tmux says $2 = $_ui_v, expected $3"
	pane_capture "$1"
	show_capture "$1"
	return 1
}

# ui_quit NAME [KEY]: quit NAME with F10 (or KEY) and check the terminal.
ui_quit() {
	pane_keys "$1" "${2:-F10}"
	pane_wait_exit "$1" 0 && ui_restored "$1"
}

# ----------------------------------------------------------- the segment

# ipcs_lists ID: `ipcs -m` lists shmid ID.
ipcs_lists() {
	ipcs -m | awk -v id="$1" '$2 == id { f = 1 } END { exit !f }'
}

# ipcs_dest ID: `ipcs -m` lists shmid ID with the status dest.
ipcs_dest() {
	ipcs -m | awk -v id="$1" '$2 == id && / dest/ { f = 1 } END { exit !f }'
}

# dump_is FILE [ARGS...]: `pizarra ARGS dump` (default -k KEY) prints FILE.
dump_is() {
	_ui_exp=$1
	shift
	[ $# -gt 0 ] || set -- -k "$KEY"
	CHECKS=$((CHECKS + 1))
	if ! "$PIZARRA" "$@" dump >"$T/dump.out" 2>"$T/dump.err"; then
		fail "pizarra $* dump failed: $(cat "$T/dump.err")"
		return 1
	fi
	if cmp -s "$_ui_exp" "$T/dump.out"; then
		pass "pizarra $* dump prints exactly what was drawn"
		return 0
	fi
	fail "pizarra $* dump differs from what was drawn"
	show_file "$_ui_exp" "expected"
	show_file "$T/dump.out" "dump printed"
	return 1
}

# client_pid_of NAME: the pid `pizarra info --json` lists for NAME's tty.
client_pid_of() {
	"$PIZARRA" -k "$KEY" info --json 2>/dev/null | sed 's/.*"clients":\[//' |
	    tr '}' '\n' | grep "\"tty\":\"$(ui_tty "$1")\"" |
	    sed -n 's/.*"pid":\([0-9][0-9]*\).*/\1/p'
}

# ------------------------------------------------------------------ cleanup

ui_cleanup() {
	_ui_status=$?
	trap - EXIT
	trap '' HUP INT PIPE TERM
	set +u
	for _ui_c in $UI_CLIENTS; do
		pane_tmux "$_ui_c" kill-server 2>/dev/null
	done
	for _ui_s in $UI_SOCKETS; do
		rm -f "$_ui_s"
	done
	# tmux hangs up the panes: pizarra quits on SIGHUP; kill -9 what does not.
	for _ui_c in $UI_CLIENTS; do
		_ui_p=$(pane_pid "$_ui_c")
		[ -n "$_ui_p" ] || continue
		if ! pane_poll 3 eval "! pane_is_ours $_ui_p" 2>/dev/null; then
			echo "cleanup: $_ui_c (pid $_ui_p) ignored the hangup: kill -9"
			kill -9 "$_ui_p" 2>/dev/null
			pane_poll 2 eval "! pane_is_ours $_ui_p"
		fi
	done
	for _ui_id in $(shmids_of_key "$KEY") $SHMIDS; do
		ipcrm -m "$_ui_id" 2>/dev/null
	done
	ipcrm -M "$KEY" 2>/dev/null
	_ui_left=
	[ -z "$(shmids_of_key "$KEY")" ] || _ui_left=" key $KEY"
	for _ui_id in $SHMIDS; do
		! shm_exists "$_ui_id" || _ui_left="$_ui_left shmid $_ui_id"
	done
	if [ -n "$_ui_left" ]; then
		echo "FAIL: segments left behind after cleanup:$_ui_left"
		[ "$_ui_status" -ne 0 ] || _ui_status=1
	fi
	[ -z "$T" ] || rm -rf "$T"
	exit "$_ui_status"
}

trap ui_cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 141' PIPE
trap 'exit 143' TERM

if [ ! -x "$PIZARRA" ]; then
	echo "uilib.sh: PIZARRA=$PIZARRA is not an executable; run make first" >&2
	exit 99
fi
if [ -d "$TESTS_BUILDDIR" ] && [ -w "$TESTS_BUILDDIR" ]; then
	T=$(mktemp -d "$TESTS_BUILDDIR/$TEST_NAME.tmp.XXXXXX") || exit 99
else
	T=$(mktemp -d) || exit 99
fi

# The wrapper every pane runs: BASE.pid gets the program's pid (the inner
# sh execs env, which execs the program); when it exits, BASE.status gets
# its status and the screen says whether the tty modes came back.
cat >"$T/run.sh" <<'EOF'
base=$1
shift
stty -g >"$base.tty0" 2>/dev/null
# shellcheck disable=SC2016
sh -c 'echo $$ >"$0.pid.new" && mv "$0.pid.new" "$0.pid" && exec "$@"' "$base" "$@"
st=$?
if [ "$(stty -g 2>/dev/null)" = "$(cat "$base.tty0")" ]; then
	modes=restored
else
	modes=CHANGED
fi
printf '[pizarra exited %s; tty %s]\n' "$st" "$modes"
echo "$st" >"$base.status"
exec sleep 300
EOF

echo "$TEST_NAME: pizarra $PIZARRA, key $KEY, temp $T, TERM $UI_TERM in the panes"
