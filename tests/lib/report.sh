# shellcheck shell=sh
# report.sh - the test report: what a shell test prints into its log and the
# verdict it exits with. Sourced by test.sh; needs nothing else.
#
# One line per check ("ok: ..." or "FAIL: ..."), sections as headings, and
# at the end "NAME: N checks, M failed" (the line to compare between runs).
#
# Interface:
#   report_start NAME      begin the report of test NAME (test_begin calls it)
#   check MESSAGE CMD...   one check: passes when CMD succeeds
#   pass MESSAGE...        print a passed check (the caller counted it)
#   fail MESSAGE...        print a failed check and count the failure
#   section TITLE          a heading
#   abort MESSAGE...       a failed check the rest of the test needs: finish now
#   finish                 print the counts; exit 0, or 1 when a check failed
#   skip MESSAGE...        the test cannot run here: exit 77 (automake's SKIP)
#   show_file FILE TITLE   a file framed (its first 40 lines and bytes), for a failure
#   CHECKS, FAILS          the counts; a check written out by hand (not with
#                          check) adds 1 to CHECKS itself, then calls pass or fail

CHECKS=0
FAILS=0
REPORT_NAME=

report_start() {
	REPORT_NAME=$1
	CHECKS=0
	FAILS=0
}

# fail MESSAGE...: record a failed check (the test goes on and exits 1).
fail() {
	FAILS=$((FAILS + 1))
	printf 'FAIL: %s\n' "$*"
}

# pass MESSAGE...: record a passed check.
pass() {
	printf 'ok: %s\n' "$*"
}

# section TITLE: a heading in the log.
section() {
	printf '\n== %s\n' "$*"
}

# finish: end of the test; exit 1 when a check failed.
finish() {
	printf '\n%s: %d checks, %d failed\n' "$REPORT_NAME" "$CHECKS" "$FAILS"
	[ "$FAILS" -eq 0 ] || exit 1
	exit 0
}

# abort MESSAGE...: a check the rest of the test cannot do without failed.
abort() {
	CHECKS=$((CHECKS + 1))
	fail "$* (giving up on the rest of the test)"
	finish
}

# skip MESSAGE...: the test cannot run here (exit 77).
skip() {
	echo "SKIP: $*"
	exit 77
}

# check MESSAGE CMD...: a generic assertion, e.g. check "a is b" [ "$a" = b ].
check() {
	_rp_msg=$1
	shift
	CHECKS=$((CHECKS + 1))
	if "$@"; then
		pass "$_rp_msg"
		return 0
	fi
	fail "$_rp_msg"
	return 1
}

# show_file FILE TITLE: a file's content framed (its first 40 lines), for a failure.
show_file() {
	printf '   --- %s:\n' "$2"
	sed 's/^/   |/' "$1" | head -40
	printf '   --- (bytes:)\n'
	od -c "$1" | sed 's/^/   /' | head -20
}
