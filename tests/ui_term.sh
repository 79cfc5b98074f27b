#!/bin/sh
# ui_term.sh - terminals that cannot show the board are refused before
# anything is written to them: TERM=dumb (terminfo has no cup, no cursor
# addressing), TERM unset, TERM empty, a TERM this system does not know.
# Each run is on a pty of its own (script(1) records what reaches the
# terminal; stderr goes to a file): exit status 1, one line on stderr that
# says which and how to fix it, nothing on the terminal, no board created.
# For draw and view alike.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin

command -v script >/dev/null 2>&1 || skip "ui_term needs script(1) (util-linux)"

# on_pty ENV... -- CMD: run CMD (a shell command line) on a new pty with
# ENV (env's arguments), stdin /dev/null; STATUS is its exit status, and
# $T/tty holds what it wrote to the terminal (script's own first and last
# lines taken away).
on_pty() {
	_op_env=
	while [ "$1" != -- ]; do
		_op_env="$_op_env $1"
		shift
	done
	shift
	# shellcheck disable=SC2086 # env's arguments are words
	timeout 20 env $_op_env script -qfec "$1" "$T/typescript" </dev/null >/dev/null 2>&1
	STATUS=$?
	# the first line is script's, and it ends with a newline and "Script done on ..."
	_op_head=$(head -1 "$T/typescript" | wc -c)
	_op_done=$(grep -abo 'Script done on ' "$T/typescript" | tail -1 | cut -d: -f1)
	if [ -n "$_op_done" ]; then
		tail -c +"$((_op_head + 1))" "$T/typescript" | head -c "$((_op_done - _op_head - 1))"
	else
		tail -c +"$((_op_head + 1))" "$T/typescript"
	fi >"$T/tty"
}

# refused WHAT MESSAGE ENV...: pizarra, on a pty with ENV, is refused with MESSAGE.
refused() {
	_rf_what=$1
	_rf_msg=$2
	shift 2
	for _rf_cmd in "" view; do
		on_pty "$@" -- "$PIZARRA -k $KEY $_rf_cmd 2>'$T/err'"
		check "$_rf_what${_rf_cmd:+ (view)}: exit status 1" [ "$STATUS" -eq 1 ]
		CHECKS=$((CHECKS + 1))
		if [ "$(wc -l <"$T/err")" -eq 1 ] && grep -qxF -- "$_rf_msg" "$T/err"; then
			pass "$_rf_what${_rf_cmd:+ (view)}: stderr says \"$_rf_msg\""
		else
			fail "$_rf_what${_rf_cmd:+ (view)}: stderr is not the one line \"$_rf_msg\""
			show_file "$T/err" "stderr"
		fi
		CHECKS=$((CHECKS + 1))
		if [ ! -s "$T/tty" ]; then
			pass "$_rf_what${_rf_cmd:+ (view)}: nothing was written to the terminal"
		else
			fail "$_rf_what${_rf_cmd:+ (view)}: $(wc -c <"$T/tty") bytes were written to the terminal"
			show_file "$T/tty" "the terminal's bytes"
		fi
		check "$_rf_what${_rf_cmd:+ (view)}: no board was created" [ "$(shm_count_key "$KEY")" -eq 0 ]
		# a board made by a client that should not have started is not the next case's
		for _rf_id in $(shmids_of_key "$KEY"); do
			ipcrm -m "$_rf_id" 2>/dev/null
		done
	done
}

section "the recording works: what a command writes to its pty is seen"
on_pty TERM=xterm -- "printf 'seen'"
check "printf on the pty is recorded as exactly 'seen'" [ "$(cat "$T/tty")" = seen ]
on_pty TERM=xterm -- "true"
check "a command that writes nothing leaves nothing" [ ! -s "$T/tty" ]

section "TERM=dumb: no cursor addressing"
refused "TERM=dumb" "pizarra: TERM=dumb cannot move the cursor: the board needs a terminal with cursor addressing; run it in xterm, or set TERM=xterm-256color" \
    TERM=dumb

section "TERM unset, TERM empty"
refused "TERM unset" "pizarra: TERM is not set: the board needs to know the terminal's type to draw on it; set TERM to your terminal's type (e.g. TERM=xterm-256color)" \
    -u TERM
refused "TERM empty" "pizarra: TERM is empty: the board needs to know the terminal's type to draw on it; set TERM to your terminal's type (e.g. TERM=xterm-256color)" \
    TERM=

section "a TERM this system does not know"
refused "TERM=no-such-terminal" "pizarra: the terminal type TERM=no-such-terminal is unknown here (no terminfo entry, or too generic to draw on): set TERM to your terminal's type (e.g. TERM=xterm-256color)" \
    TERM=no-such-terminal

finish
