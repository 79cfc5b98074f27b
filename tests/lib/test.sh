# shellcheck shell=sh source-path=SCRIPTDIR
# test.sh - what every shell test of pizarra starts with. It sources the
# other libraries of tests/lib (each defines functions and documented
# variables only; nothing runs until test_begin):
#
#   keys.sh      the key registry: every shell test, its number, its keys
#   report.sh    the report: check, pass, fail, section, abort, finish, skip
#   poll.sh      waiting with a deadline: poll, poll_deadline, now_cs
#   segments.sh  segments as the kernel lists them: shmids_of_key, shm_field...
#   cleanup.sh   the cleanup registry and the one EXIT trap
#   commands.sh  a command's exit status, stdout and stderr: expect_status...
#   helper.sh    the C helper, tests/hostile: helper, hold_start, expect_clean
#   panes.sh     tmux panes: pane_start, pane_wait, pane_keys...
#   xterm.sh     real xterms on a private Xvfb: xterm_start, xterm_click...
#
# A test is a script tests/NAME.sh with a line for NAME in tests/lib/keys.sh
# and a place in dist_check_SCRIPTS (Makefile.am):
#
#     #!/bin/sh
#     # NAME.sh - what it checks.
#     # shellcheck source=tests/lib/test.sh
#     . "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
#     test_begin              # or: test_begin helper, panes, xterm
#     check "pizarra --version works" pz --version
#     finish
#
# test_begin [helper] [panes] [xterm]:
#   - names the test: TEST_NAME (the script's name without .sh), and looks
#     it up in the key registry (exit 99 when it is not there): TEST_NUMBER,
#     TEST_KEYS (its keys, 0x%08x each), KEY (its first key, or empty);
#   - makes its temporary directory T (under TESTS_BUILDDIR, or mktemp -d),
#     removed at exit;
#   - installs the cleanup (cleanup_start T TEST_KEYS) and starts the report;
#   - starts the watchdog: a test still running after TEST_TIMEOUT seconds
#     (480 unless set; make check as a whole takes about 3 minutes) is
#     hung (a terminal that never answers, a stuck tool): every process it
#     started is sent SIGTERM, then the test itself, whose trap cleans up,
#     and the test fails (143) instead of holding make check for ever;
#   - checks that PIZARRA is an executable (exit 99);
#   - helper: checks that the C helper is built (exit 99);
#     panes: skips (77) without tmux, and prepares the panes (implies helper);
#     xterm: skips (77) without xterm, Xvfb, xdotool or script, starts the X
#     server and prepares the xterms (implies helper);
#   - prints one line: the test, its number, pizarra, its keys, T.
#
# Also here:
#   test_key SUB        the test's key number SUB (0, 1...), as 0x%08x; a SUB
#                       the registry does not give the test stops it (TERM)
#   pz ARGS...          run pizarra
#   file_has_line FILE LINE   FILE exists and has LINE (whole, fixed string)
#
# Environment (set by `make check`): PIZARRA, TESTS_SRCDIR (the tests' source
# directory), TESTS_BUILDDIR (where tests/hostile is built and the temp dirs
# go), PIZARRA_LOCALEDIR (the catalogs built for the tests,
# tests/locale); LC_ALL=C.UTF-8 and an empty LANGUAGE are exported. By hand, from the build tree:
#     sh tests/cli_board.sh
# or from the source tree, after make and make tests/hostile:
#     PIZARRA=$PWD/src/pizarra TESTS_SRCDIR=$PWD/tests TESTS_BUILDDIR=$PWD/tests \
#     sh tests/ui_sync.sh

set -u

: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
: "${TESTS_BUILDDIR:=$TESTS_SRCDIR}"
: "${PIZARRA:=$TESTS_BUILDDIR/../src/pizarra}"
LC_ALL=C.UTF-8
# English unless a test asks for another language: LANGUAGE outranks LC_ALL
# for messages (under C.UTF-8), so a developer's own LANGUAGE=es is undone.
LANGUAGE=
: "${PIZARRA_LOCALEDIR:=$TESTS_BUILDDIR/locale}"
export LC_ALL LANGUAGE PIZARRA_LOCALEDIR TESTS_SRCDIR TESTS_BUILDDIR PIZARRA

# shellcheck source=keys.sh
. "$TESTS_SRCDIR/lib/keys.sh"
# shellcheck source=report.sh
. "$TESTS_SRCDIR/lib/report.sh"
# shellcheck source=poll.sh
. "$TESTS_SRCDIR/lib/poll.sh"
# shellcheck source=segments.sh
. "$TESTS_SRCDIR/lib/segments.sh"
# shellcheck source=cleanup.sh
. "$TESTS_SRCDIR/lib/cleanup.sh"
# shellcheck source=commands.sh
. "$TESTS_SRCDIR/lib/commands.sh"
# shellcheck source=helper.sh
. "$TESTS_SRCDIR/lib/helper.sh"
# shellcheck source=panes.sh
. "$TESTS_SRCDIR/lib/panes.sh"
# shellcheck source=xterm.sh
. "$TESTS_SRCDIR/lib/xterm.sh"

TEST_NAME=
TEST_NUMBER=
TEST_KEYS=
KEY=
T=

# test_watchdog: see test_begin. A process of its own (sh -c, so that it
# knows its own pid and leaves itself and its sleep out), stopped at exit
# by the cleanup like any registered process (its trap ends its sleep).
test_watchdog() {
	# shellcheck disable=SC2016 # for the inner shell
	sh -c '
		trap "kill \$nap 2>/dev/null; exit 0" TERM
		sleep "$1" &
		nap=$!
		wait "$nap"
		echo "test.sh: $3 still running after $1 s (TEST_TIMEOUT): ending it and what it started" >&2
		# every descendant of the test but this watchdog, deepest last
		todo=$2 all=
		while [ -n "$todo" ]; do
			next=
			for p in $todo; do
				for c in $(pgrep -P "$p"); do
					[ "$c" = $$ ] || next="$next $c"
				done
			done
			all="$all $next"
			todo=$next
		done
		kill -TERM $all 2>/dev/null
		kill -TERM "$2"
	' watchdog "${TEST_TIMEOUT:-480}" "$$" "$TEST_NAME" &
	cleanup_pid "$!"
}

# shellcheck disable=SC2120 # NEEDS are optional
test_begin() {
	TEST_NAME=$(basename "$0" .sh)
	keys_verify
	keys_lookup "$TEST_NAME"
	TEST_NUMBER=$KEYS_NUMBER
	TEST_KEYS=
	for _ts_b in $KEYS_BYTES; do
		TEST_KEYS="$TEST_KEYS $(printf '0x%08x' $(((0x$_ts_b << 24) | ($$ & 0xFFFFFF))))"
	done
	TEST_KEYS=${TEST_KEYS# }
	# shellcheck disable=SC2034 # for the tests
	KEY=${TEST_KEYS%% *}
	report_start "$TEST_NAME"
	if [ -d "$TESTS_BUILDDIR" ] && [ -w "$TESTS_BUILDDIR" ]; then
		T=$(mktemp -d "$TESTS_BUILDDIR/$TEST_NAME.tmp.XXXXXX") || exit 99
	else
		T=$(mktemp -d) || exit 99
	fi
	# shellcheck disable=SC2086 # one key per word
	cleanup_start "$T" $TEST_KEYS
	test_watchdog
	if [ ! -x "$PIZARRA" ]; then
		echo "test.sh: PIZARRA=$PIZARRA is not an executable; run make first" >&2
		exit 99
	fi
	for _ts_need in "$@"; do
		case $_ts_need in
		helper) helper_init ;;
		panes)
			helper_init
			panes_init "pz-$TEST_NAME-$$"
			;;
		xterm)
			helper_init
			xterm_init
			;;
		*)
			echo "test.sh: test_begin: unknown need '$_ts_need' (helper, panes, xterm)" >&2
			exit 99
			;;
		esac
	done
	echo "$TEST_NAME: test $TEST_NUMBER, pizarra $PIZARRA, keys ${TEST_KEYS:-(none)}, temp $T${PANE_TERM:+, TERM $PANE_TERM in the panes}${XTERM_DISPLAY:+, xterm on $XTERM_DISPLAY}"
}

# test_key SUB: the test's key number SUB (0, 1...), as 0x%08x.
test_key() {
	# shellcheck disable=SC2086 # one key per word
	set -- "$1" $TEST_KEYS
	_ts_sub=$1
	shift
	if [ "$_ts_sub" -ge $# ]; then
		echo "test.sh: $TEST_NAME has $# key(s) in tests/lib/keys.sh, not a key $_ts_sub: add a byte to its line" >&2
		kill -s TERM $$
		return 1
	fi
	shift "$_ts_sub"
	echo "$1"
}

# pz ARGS...: run pizarra.
pz() {
	"$PIZARRA" "$@"
}

# file_has_line FILE LINE: FILE exists and has LINE (whole, fixed string).
file_has_line() {
	[ -f "$1" ] && grep -qxF -- "$2" "$1"
}
