# shellcheck shell=sh
# hostilelib.sh - sourced by the hostile_*.sh and fault_*.sh tests (and
# cli_valgrind.sh): hostile segments, crashes and faults.
#
# It gives every test:
#   - a key of its own, KEY = (0xC0 + HL_N) << 24 | (PID & 0xFFFFFF), where
#     HL_N is the test's number (below, 0..8) and PID this shell's pid, and
#     for cli_valgrind a second one, KEY2, with the high byte 0xC9. Keys hold
#     the pid of a live shell, so no other test has them while this one runs
#     (the Check suites' tu_key uses 0xA0 + n, n < 16, with their own pid,
#     uilib.sh 0xD0 + n, testlib.sh 0xE0..0xF3; tests/fuzz/mkcorpus.sh uses
#     0xCD, tests/soak.c 0xCE and 0xCF);
#   - the report (check, pass, fail, section, finish...) and the segment
#     helpers (shmids_of_key, shm_field, register_shmid...) of reportlib.sh;
#   - the pane helpers of panelib.sh (pane_wait, pane_poll, pane_keys,
#     pane_type, pane_pid, pane_wait_exit...), on this file's pane_server,
#     pane_capture, pane_shows and show_capture;
#   - HOSTILE, the hostile writer (tests/hostile.c, built by make check);
#   - a temporary directory $T (under TESTS_BUILDDIR, or mktemp -d);
#   - clients in tmux (hl_need_tmux first): hl_start NAME [VAR=VALUE]...
#     PROGRAM ARGS... runs PROGRAM in a private tmux server, 120x40, through
#     a wrapper that waits until `tmux pipe-pane` records every byte the pane
#     receives into $T/NAME.raw (the exact bytes the client sends to its
#     terminal), records the program's pid, and when it exits writes its
#     status, `stty -a` and whether `stty -g` is what it was before, prints
#       [pizarra exited STATUS; tty restored|CHANGED]
#     and keeps the pane open;
#   - polling with a deadline (never a fixed sleep as synchronisation):
#     pane_wait, pane_wait_not, hl_wait_line, pane_poll...; every failure names the
#     check and shows the last capture of the pane concerned;
#   - an EXIT trap that continues stopped clients, kills every tmux server
#     and background process the test started, waits for (at worst kill -9s)
#     every client, removes every segment under KEY (and KEY2) and every shmid
#     the test registered (even one marked for removal), removes $T, and
#     fails the test when a segment survived.
#
# Environment (set by `make check`): PIZARRA, TESTS_SRCDIR, TESTS_BUILDDIR.
# By hand, from the source tree (after building tests/hostile):
#   PIZARRA=$PWD/src/pizarra TESTS_SRCDIR=$PWD/tests TESTS_BUILDDIR=$PWD/tests \
#   LC_ALL=C.UTF-8 sh tests/hostile_cells.sh

set -u

TEST_NAME=$(basename "$0" .sh)
case $TEST_NAME in
hostile_cells) HL_N=0 ;;
hostile_header) HL_N=1 ;;
hostile_slots) HL_N=2 ;;
fault_kill) HL_N=3 ;;
fault_stop) HL_N=4 ;;
fault_remove) HL_N=5 ;;
fault_tty) HL_N=6 ;;
hostile_access) HL_N=7 ;;
cli_valgrind) HL_N=8 ;;
*)
	echo "hostilelib.sh: unknown test '$TEST_NAME': give it a number in hostilelib.sh" >&2
	exit 99
	;;
esac

: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
# shellcheck source=tests/reportlib.sh
. "$TESTS_SRCDIR/reportlib.sh"
# shellcheck source=tests/panelib.sh
. "$TESTS_SRCDIR/panelib.sh"
HOSTILE=${HOSTILE:-$TESTS_BUILDDIR/hostile}
unset TMUX TMUX_PANE

KEY=$(printf '0x%08x' $((((0xC0 + HL_N) << 24) | ($$ & 0xFFFFFF))))
KEY2=
[ "$TEST_NAME" != cli_valgrind ] || KEY2=$(printf '0x%08x' $(((0xC9 << 24) | ($$ & 0xFFFFFF))))
HL_CLIENTS=               # NAMEs started with hl_start
HL_SOCKETS=               # their tmux sockets
HL_BG=                    # background pids to stop at exit
HL_DIRS=                  # more directories to remove at exit
T=

# ---------------------------------------------------------------- reporting

# file_has_line FILE LINE: FILE exists and has LINE (whole, fixed string).
file_has_line() {
	[ -f "$1" ] && grep -qxF -- "$2" "$1"
}

# ------------------------------------------------------------------ clock

# -------------------------------------------------------------- segments

# hostile ARGS...: run the hostile writer (its output goes to the log).
hostile() {
	"$HOSTILE" "$@"
}

# register_dir DIR: remove DIR too when the test exits.
register_dir() {
	HL_DIRS="$HL_DIRS $1"
}

# hl_keep_attached ID: a helper keeps shmid ID attached until
# hl_release_attached. The shell holds a fifo open read-write on fd 8 (an
# open that never blocks); the helper reads it and sees EOF when fd 8 is
# closed.
hl_keep_attached() {
	rm -f "$T/hold.fifo"
	mkfifo "$T/hold.fifo" || abort "mkfifo failed"
	exec 8<>"$T/hold.fifo"
	"$HOSTILE" hold "$1" <"$T/hold.fifo" >"$T/hold.out" 2>&1 8>&- &
	HL_HOLD=$!
	bg_started "$HL_HOLD"
	check "a helper holds shmid $1 attached" pane_poll 3 grep -q attached "$T/hold.out"
}

# hl_release_attached: let the helper detach and exit.
hl_release_attached() {
	exec 8>&-
	check "the helper detached and exited" wait "$HL_HOLD"
}

# bg_started PID: a background process the EXIT trap must stop.
bg_started() {
	HL_BG="$HL_BG $1"
}

# -------------------------------------------------------------- the panes

# hl_need_tmux: skip (77) when tmux is missing.
hl_need_tmux() {
	command -v tmux >/dev/null 2>&1 || skip "$TEST_NAME needs tmux, which is not installed"
	if infocmp tmux-256color >/dev/null 2>&1; then
		HL_TERM=tmux-256color
	else
		HL_TERM=screen
	fi
	hl_write_wrapper
}

# pane_server NAME: the tmux socket name of client NAME.
pane_server() {
	echo "pzh-$TEST_NAME-$$-$1"
}

# pane_capture NAME: capture NAME's pane into $T/NAME.cap.
pane_capture() {
	pane_tmux "$1" capture-pane -p >"$T/$1.cap.new" 2>&1
	mv "$T/$1.cap.new" "$T/$1.cap"
}

# show_capture NAME: the last capture of NAME's pane, framed.
show_capture() {
	printf '   --- last capture of %s:\n' "$1"
	if [ -f "$T/$1.cap" ]; then
		awk '{ l[NR] = $0; if ($0 != "") last = NR }
		END { for (i = 1; i <= last; i++) print "   |" l[i] }' "$T/$1.cap"
	else
		echo '   (none)'
	fi
	printf '   ---\n'
}

# pane_shows NAME REGEX: NAME's pane shows a line matching REGEX now.
pane_shows() {
	pane_capture "$1"
	grep -Eq -- "$2" "$T/$1.cap"
}

# hl_line_is NAME Y TEXT: line Y (0-based) of NAME's screen is TEXT (a
# fixed string), then only blanks up to the sidebar's rule (│, or x where
# the terminal draws it as an ACS line).
hl_line_is() {
	pane_capture "$1"
	_hl_l=$(sed -n "$(($2 + 1))p" "$T/$1.cap")
	case $_hl_l in
	"$3"*) ;;
	*) return 1 ;;
	esac
	_hl_rest=${_hl_l#"$3"}
	[ -n "$_hl_rest" ] || return 0
	case $_hl_rest in
	" "*) ;;
	*) return 1 ;;
	esac
	_hl_rest=${_hl_rest#"${_hl_rest%%[! ]*}"}
	case $_hl_rest in
	"" | "│"* | x*) return 0 ;;
	esac
	return 1
}

# hl_banner_says NAME TEXT: the banner across the top of NAME's canvas
# (its first four rows, joined, the canvas being 78 columns wide in a 120
# column terminal) says TEXT, wherever the banner wrapped it.
hl_banner_says() {
	pane_capture "$1"
	head -4 "$T/$1.cap" | cut -c1-78 | tr '\n' ' ' | sed 's/  */ /g' >"$T/$1.banner"
	grep -qF -- "$2" "$T/$1.banner"
}

# hl_wait_line NAME Y TEXT [SECS] [WHAT]: screen line Y of NAME is TEXT.
hl_wait_line() {
	CHECKS=$((CHECKS + 1))
	_hl_what=${5:-}
	[ -n "$_hl_what" ] || _hl_what="$1 line $2 is \"$3\""
	if pane_poll "${4:-$PANE_WAIT}" hl_line_is "$1" "$2" "$3"; then
		pass "$_hl_what"
		return 0
	fi
	fail "$_hl_what: line $2 of the screen of $1 is not \"$3\" within ${4:-$PANE_WAIT} s"
	show_capture "$1"
	return 1
}

# hl_write_wrapper: the script every pane runs (see the top of this file).
hl_write_wrapper() {
	cat >"$T/run.sh" <<'EOF'
base=$1
shift
# Wait until the test has tmux record this pane's output (pipe-pane).
read -r _go <"$base.go"
ulimit -c 0
stty -g >"$base.tty0" 2>/dev/null
# shellcheck disable=SC2016
sh -c 'echo $$ >"$0.pid.new" && mv "$0.pid.new" "$0.pid" && exec "$@"' "$base" "$@"
st=$?
stty -a >"$base.stty" 2>&1
if [ "$(stty -g 2>/dev/null)" = "$(cat "$base.tty0")" ]; then
	modes=restored
else
	modes=CHANGED
fi
printf '[pizarra exited %s; tty %s]\n' "$st" "$modes"
echo "$st" >"$base.status"
exec sleep 3600
EOF
}

# hl_start NAME [VAR=VALUE]... PROGRAM [ARG]...: start a client in its own
# tmux server, recording its output, and wait until its key bar is up
# (HL_READY, default F10Quit; "" waits for nothing).
hl_start() {
	_hl_name=$1
	shift
	HL_CLIENTS="$HL_CLIENTS $_hl_name"
	rm -f "$T/$_hl_name".*
	mkfifo "$T/$_hl_name.go" || abort "mkfifo failed"
	: >"$T/$_hl_name.raw"
	if ! pane_tmux "$_hl_name" -f /dev/null new-session -d -x 120 -y 40 \
	    sh "$T/run.sh" "$T/$_hl_name" env TERM="$HL_TERM" "$@" >"$T/tmux.err" 2>&1; then
		abort "tmux new-session for $_hl_name failed: $(cat "$T/tmux.err")"
	fi
	HL_SOCKETS="$HL_SOCKETS $(pane_tmux "$_hl_name" display-message -p '#{socket_path}')"
	pane_tmux "$_hl_name" pipe-pane "cat >>'$T/$_hl_name.raw'" ||
	    abort "tmux pipe-pane for $_hl_name failed"
	# The wrapper is blocked opening the fifo: this open meets it.
	# shellcheck disable=SC2016 # $1 of the inner shell
	timeout 10 sh -c 'echo go >"$1"' sh "$T/$_hl_name.go" ||
	    abort "the wrapper of $_hl_name never started"
	if [ -n "${HL_READY-F10Quit}" ]; then
		pane_wait "$_hl_name" "${HL_READY-F10Quit}" "$PANE_WAIT" "$_hl_name started ($*)" ||
		    abort "$_hl_name did not start"
	fi
}

# hl_erase_prompt NAME: erase the text a prompt starts with (up to 40 characters).
hl_erase_prompt() {
	# shellcheck disable=SC2046 # forty words
	pane_keys "$1" $(printf 'BSpace %.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 \
	    21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40)
}

# hl_all_alive "NAMES" WHAT: a check that every client in NAMES still runs.
hl_all_alive() {
	_hl_dead=
	for _hl_c in $1; do
		pane_alive "$_hl_c" || _hl_dead="$_hl_dead $_hl_c"
	done
	CHECKS=$((CHECKS + 1))
	if [ -z "$_hl_dead" ]; then
		pass "$2: every client ($1) still runs"
		return 0
	fi
	fail "$2: client(s)$_hl_dead died"
	for _hl_c in $_hl_dead; do
		echo "   $_hl_c: exit status $(cat "$T/$_hl_c.status" 2>/dev/null)"
		pane_capture "$_hl_c"
		show_capture "$_hl_c"
	done
	return 1
}

# hl_raw_done NAME: NAME's recorded output has the wrapper's exit line, so
# everything the client wrote is in $T/NAME.raw.
hl_raw_done() {
	grep -aq '\[pizarra exited [0-9]*; tty' "$T/$1.raw"
}

# hl_clean MODE FILE WHAT: FILE passes `hostile rawcheck MODE` (term: what
# a client sent its terminal; dump: text with no control byte; ansi: dump
# plus SGR sequences only).
hl_clean() {
	CHECKS=$((CHECKS + 1))
	if "$HOSTILE" rawcheck "$1" "$2" >"$T/rawcheck.out" 2>&1; then
		pass "$3 ($(sed 's|.*: ||' "$T/rawcheck.out"))"
		return 0
	fi
	fail "$3:"
	sed 's/^/   /' "$T/rawcheck.out"
	return 1
}

# hl_rawcheck NAME [WHAT]: the bytes NAME's client sent to its terminal are
# clean: no OSC, BEL, C1, stray C0, and every ESC starts a sequence ncurses
# uses.
hl_rawcheck() {
	hl_clean term "$T/$1.raw" "${2:-terminal output of $1 is clean}"
}

# hl_title_safe NAME WORD: the pane title of NAME does not contain WORD.
hl_title_safe() {
	_hl_t=$(pane_flag "$1" '#{pane_title}')
	CHECKS=$((CHECKS + 1))
	case $_hl_t in
	*"$2"*)
		fail "$1's pane title became '$_hl_t' (contains $2)"
		return 1
		;;
	esac
	pass "$1's pane title is '$_hl_t', not $2"
	return 0
}

# ------------------------------------------------------------------ cleanup

# hl_not_ours PID
hl_not_ours() {
	! pane_is_ours "$1"
}

hl_cleanup() {
	_hl_status=$?
	trap - EXIT
	trap '' HUP INT PIPE TERM
	set +u
	exec 8>&-
	for _hl_c in $HL_CLIENTS; do
		_hl_p=$(pane_pid "$_hl_c")
		[ -z "$_hl_p" ] || ! pane_is_ours "$_hl_p" || kill -CONT "$_hl_p" 2>/dev/null
	done
	for _hl_p in $HL_BG; do
		kill -CONT "$_hl_p" 2>/dev/null
		kill "$_hl_p" 2>/dev/null
	done
	for _hl_c in $HL_CLIENTS; do
		pane_tmux "$_hl_c" kill-server 2>/dev/null
	done
	for _hl_s in $HL_SOCKETS; do
		rm -f "$_hl_s"
	done
	for _hl_c in $HL_CLIENTS; do
		_hl_p=$(pane_pid "$_hl_c")
		[ -n "$_hl_p" ] || continue
		if ! pane_poll 3 hl_not_ours "$_hl_p"; then
			echo "cleanup: $_hl_c (pid $_hl_p) ignored the hangup: kill -9"
			kill -9 "$_hl_p" 2>/dev/null
			pane_poll 2 hl_not_ours "$_hl_p"
		fi
	done
	for _hl_p in $HL_BG; do
		wait "$_hl_p" 2>/dev/null
	done
	for _hl_k in $KEY $KEY2; do
		for _hl_id in $(shmids_of_key "$_hl_k"); do
			ipcrm -m "$_hl_id" 2>/dev/null
		done
	done
	for _hl_id in $SHMIDS; do
		ipcrm -m "$_hl_id" 2>/dev/null
	done
	_hl_left=
	for _hl_k in $KEY $KEY2; do
		[ -z "$(shmids_of_key "$_hl_k")" ] || _hl_left="$_hl_left key $_hl_k"
	done
	for _hl_id in $SHMIDS; do
		# A removed segment lives until its last detach: give the clients a moment.
		pane_poll 3 shm_gone "$_hl_id" || _hl_left="$_hl_left shmid $_hl_id"
	done
	if [ -n "$_hl_left" ]; then
		echo "FAIL: segments left behind after cleanup:$_hl_left"
		[ "$_hl_status" -ne 0 ] || _hl_status=1
	fi
	[ -z "$T" ] || rm -rf "$T"
	for _hl_d in $HL_DIRS; do
		rm -rf "$_hl_d"
	done
	exit "$_hl_status"
}

trap hl_cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 141' PIPE
trap 'exit 143' TERM

if [ ! -x "$PIZARRA" ]; then
	echo "hostilelib.sh: PIZARRA=$PIZARRA is not an executable; run make first" >&2
	exit 99
fi
if [ ! -x "$HOSTILE" ]; then
	echo "hostilelib.sh: $HOSTILE is missing; make check builds it" >&2
	exit 99
fi
if [ -d "$TESTS_BUILDDIR" ] && [ -w "$TESTS_BUILDDIR" ]; then
	T=$(mktemp -d "$TESTS_BUILDDIR/$TEST_NAME.tmp.XXXXXX") || exit 99
else
	T=$(mktemp -d) || exit 99
fi

echo "$TEST_NAME: pizarra $PIZARRA, key $KEY${KEY2:+ and $KEY2}, temp $T"
