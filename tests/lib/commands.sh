# shellcheck shell=sh
# commands.sh - running a command and checking what it did: its exit
# status, its standard output and its standard error, one check each.
# Sourced by test.sh; uses report.sh. The last command's output is in
# $T/out and $T/err (T: the test's temp dir, set by test_begin);
# expect_dump runs PIZARRA (test.sh).
#
# Interface:
#   run CMD...                   run CMD, stdout in $T/out, stderr in $T/err;
#                                sets STATUS and LAST_CMD (no check)
#   expect_status N CMD...       run CMD: it exits with N
#   expect_error STATUS REGEX CMD...  CMD exits STATUS with exactly one line
#                                on stderr, "pizarra: " and matching REGEX,
#                                and nothing on stdout (5 checks)
#   expect_usage_error REGEX CMD...   expect_error 2 ...
#   expect_fails REGEX CMD...         expect_error 1 ...
#   on the last command (one check each):
#     expect_stderr_match REGEX, expect_stderr_nomatch REGEX,
#     expect_stderr_lines N, expect_stderr_empty, expect_stdout_empty,
#     expect_stdout_match REGEX, expect_stdout_nomatch REGEX,
#     expect_stdout_file FILE (byte for byte)
#   expect_files_equal A B WHAT  two files are byte-identical
#   expect_dump FILE ARGS...     `pizarra ARGS dump` prints exactly FILE
#   show_output                  the last command's stdout and stderr, framed

STATUS=0
LAST_CMD=

# ---------------------------------------------------------------- reporting

# show_output: the last command's stdout and stderr, for failure reports.
show_output() {
	printf '   --- stdout of: %s\n' "$LAST_CMD"
	sed 's/^/   | /' "$T/out"
	printf '   --- stderr\n'
	sed 's/^/   | /' "$T/err"
}

# --------------------------------------------------------------- assertions

# run CMD...: run CMD with stdout in $T/out, stderr in $T/err; STATUS.
run() {
	LAST_CMD=$*
	"$@" >"$T/out" 2>"$T/err"
	STATUS=$?
}

# expect_status N CMD...: run CMD and check that it exits with N.
expect_status() {
	_co_want=$1
	shift
	CHECKS=$((CHECKS + 1))
	run "$@"
	if [ "$STATUS" -ne "$_co_want" ]; then
		fail "'$LAST_CMD' exited $STATUS, expected $_co_want"
		show_output
		return 1
	fi
	pass "$LAST_CMD (exit $STATUS)"
	return 0
}

# expect_stderr_match REGEX: the last command's stderr matches (grep -E).
expect_stderr_match() {
	CHECKS=$((CHECKS + 1))
	if ! grep -Eq -- "$1" "$T/err"; then
		fail "stderr of '$LAST_CMD' does not match /$1/"
		show_output
		return 1
	fi
	return 0
}

# expect_stderr_nomatch REGEX: the last command's stderr does not match.
expect_stderr_nomatch() {
	CHECKS=$((CHECKS + 1))
	if grep -Eq -- "$1" "$T/err"; then
		fail "stderr of '$LAST_CMD' matches /$1/ but should not"
		show_output
		return 1
	fi
	return 0
}

# expect_stderr_lines N: the last command wrote exactly N lines on stderr.
expect_stderr_lines() {
	CHECKS=$((CHECKS + 1))
	_co_n=$(wc -l <"$T/err")
	_co_n=$((_co_n + 0))
	if [ "$_co_n" -ne "$1" ] || { [ -s "$T/err" ] && [ "$(tail -c 1 "$T/err" | od -An -tx1 | tr -d ' ')" != 0a ]; }; then
		fail "'$LAST_CMD' wrote $_co_n line(s) on stderr, expected $1 (newline-terminated)"
		show_output
		return 1
	fi
	return 0
}

# expect_stderr_empty: nothing on stderr.
expect_stderr_empty() {
	CHECKS=$((CHECKS + 1))
	if [ -s "$T/err" ]; then
		fail "'$LAST_CMD' wrote on stderr, expected nothing"
		show_output
		return 1
	fi
	return 0
}

# expect_stdout_empty: nothing on stdout.
expect_stdout_empty() {
	CHECKS=$((CHECKS + 1))
	if [ -s "$T/out" ]; then
		fail "'$LAST_CMD' wrote on stdout, expected nothing"
		show_output
		return 1
	fi
	return 0
}

# expect_stdout_match REGEX: the last command's stdout matches (grep -E).
expect_stdout_match() {
	CHECKS=$((CHECKS + 1))
	if ! grep -Eq -- "$1" "$T/out"; then
		fail "stdout of '$LAST_CMD' does not match /$1/"
		show_output
		return 1
	fi
	return 0
}

# expect_stdout_nomatch REGEX: the last command's stdout does not match.
expect_stdout_nomatch() {
	CHECKS=$((CHECKS + 1))
	if grep -Eq -- "$1" "$T/out"; then
		fail "stdout of '$LAST_CMD' matches /$1/ but should not"
		show_output
		return 1
	fi
	return 0
}

# expect_stdout_file FILE: the last command's stdout is byte-identical to FILE.
expect_stdout_file() {
	CHECKS=$((CHECKS + 1))
	if ! cmp -s "$1" "$T/out"; then
		fail "stdout of '$LAST_CMD' differs from $(basename "$1") (- expected, + actual):"
		diff -u "$1" "$T/out" | sed 's/^/   /'
		printf '   expected bytes:\n'
		od -c "$1" | sed 's/^/   /' | head -20
		printf '   actual bytes:\n'
		od -c "$T/out" | sed 's/^/   /' | head -20
		return 1
	fi
	return 0
}

# expect_files_equal A B WHAT: two files are byte-identical.
expect_files_equal() {
	CHECKS=$((CHECKS + 1))
	if ! cmp -s "$1" "$2"; then
		fail "$3: $(basename "$1") and $(basename "$2") differ"
		cmp "$1" "$2" | sed 's/^/   /'
		return 1
	fi
	pass "$3"
	return 0
}

# expect_error STATUS REGEX CMD...: CMD exits STATUS with exactly one line
# on stderr that starts with "pizarra: " and matches REGEX, and no stdout.
expect_error() {
	_co_st=$1
	_co_re=$2
	shift 2
	expect_status "$_co_st" "$@" || return 1
	expect_stderr_lines 1 || return 1
	expect_stderr_match '^pizarra: ' || return 1
	expect_stderr_match "$_co_re" || return 1
	expect_stdout_empty || return 1
	return 0
}

# expect_usage_error REGEX CMD...: expect_error 2 ... with the usage hint.
expect_usage_error() {
	expect_error 2 "$@"
}

# expect_fails REGEX CMD...: expect_error 1 ...
expect_fails() {
	expect_error 1 "$@"
}

# expect_dump FILE ARGS...: `pizarra ARGS dump` prints exactly FILE.
expect_dump() {
	_co_exp=$1
	shift
	CHECKS=$((CHECKS + 1))
	if ! "$PIZARRA" "$@" dump >"$T/dump.out" 2>"$T/dump.err"; then
		fail "pizarra $* dump failed: $(cat "$T/dump.err")"
		return 1
	fi
	if cmp -s "$_co_exp" "$T/dump.out"; then
		pass "pizarra $* dump prints exactly what was drawn"
		return 0
	fi
	fail "pizarra $* dump differs from what was drawn"
	show_file "$_co_exp" "expected"
	show_file "$T/dump.out" "dump printed"
	return 1
}
