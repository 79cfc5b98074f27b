#!/bin/sh
# fault_tty.sh - the terminal is always given back: a client that drew a
# little (mouse tracking on) leaves by F10, Ctrl-C, SIGINT, SIGTERM, SIGHUP
# and SIGQUIT (it quits cleanly, status 0) and by the fatal SIGSEGV,
# SIGBUS, SIGFPE, SIGILL and SIGABRT (it restores the terminal, then dies
# of the signal: status 128 + N). Each time, after it is gone: `stty -g` in
# its pane is what it was before it started, `stty -a` shows echo and icanon
# back on, tmux sees the cursor visible, no mouse tracking and the normal
# screen, and the bytes it sent (tmux pipe-pane) leave every mouse mode
# (1000, 1002, 1003, 1006) reset, the cursor shown (?25h) and the alternate
# screen left (?1049l): its last ?1003 is ESC[?1003l.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# stty_has NAME FLAG: NAME's `stty -a` after the client exited has FLAG
# (not -FLAG).
# shellcheck disable=SC2317 # called through check
stty_has() {
	tr ' ' '\n' <"$T/$1.stty" | grep -qx -- "$2"
}

# mode_is NAME MODE STATE: the client's output leaves DEC private MODE in
# STATE (h or l).
# shellcheck disable=SC2317 # called through check
mode_is() {
	grep -qx "$2 $3" "$T/$1.modes"
}

# last_1003 NAME: how the last ESC[?1003 sequence the client sent ends.
last_1003() {
	tr '\033' '\n' <"$T/$1.raw" | grep -a '^\[?1003[hl]' | tail -1 | cut -c7
}

# leave HOW STATUS: start a client, draw, make it leave by HOW (a tmux key
# name, or a signal name), check that it exits with STATUS and that its
# terminal is back.
leave() {
	how=$1
	want=$2
	# A tmux server of its own each time (a new server under the name of one
	# just killed can meet it still exiting).
	c=A$ROW
	section "leaving by $how (expected status $want)"
	pane_start "$c" "$PIZARRA" -k "$KEY"
	# Each round draws on a row of its own.
	if [ "$ROW" -gt 0 ]; then
		# shellcheck disable=SC2046 # ROW words
		pane_keys "$c" $(printf 'Down %.0s' $(seq "$ROW"))
	fi
	pane_type "$c" "left by $how"
	pane_wait_line "$c" "$ROW" "left by $how" 2 "the client draws"
	ROW=$((ROW + 1))
	check "the client turned mouse tracking on (tmux mouse_any_flag 1)" \
	    [ "$(pane_flag "$c" '#{mouse_any_flag}')" = 1 ]
	check "the client is on the alternate screen" [ "$(pane_flag "$c" '#{alternate_on}')" = 1 ]
	case $how in
	F10 | C-c | C-q) pane_keys "$c" "$how" ;;
	*) kill -s "$how" "$(pane_pid "$c")" ;;
	esac
	pane_wait_exit "$c" "$want"
	pane_wait "$c" "^\\[pizarra exited $want; tty restored\\]" 2 \
	    "stty -g after the client is what it was before it started"
	check "stty -a: echo is on" stty_has "$c" echo
	check "stty -a: icanon is on" stty_has "$c" icanon
	check "stty -a: icrnl is on" stty_has "$c" icrnl
	check "tmux: the cursor is visible" [ "$(pane_flag "$c" '#{cursor_flag}')" = 1 ]
	check "tmux: no mouse tracking" [ "$(pane_flag "$c" \
	    '#{mouse_any_flag}#{mouse_all_flag}#{mouse_button_flag}#{mouse_standard_flag}')" = 0000 ]
	check "tmux: back on the normal screen" [ "$(pane_flag "$c" '#{alternate_on}')" = 0 ]
	pane_never "$c" 'F10Quit' "no key bar left on the screen"
	check "the recorded output is complete" poll 3 pane_raw_done "$c"
	"$HELPER" modes "$T/$c.raw" >"$T/$c.modes"
	for m in 1000 1002 1003 1006; do
		check "the output leaves mouse mode $m off (?${m}l)" mode_is "$c" "$m" l
	done
	check "the output leaves the cursor shown (?25h)" mode_is "$c" 25 h
	check "the output leaves the alternate screen (?1049l)" mode_is "$c" 1049 l
	check "its last ?1003 sequence is ESC[?1003l" [ "$(last_1003 "$c")" = l ]
	pane_rawcheck "$c"
	pane_tmux "$c" kill-server 2>/dev/null
}

ROW=0
leave F10 0
leave C-c 0
leave INT 0
leave TERM 0
leave HUP 0
leave QUIT 0
leave SEGV 139
leave BUS 135
leave FPE 136
leave ILL 132
leave ABRT 134

section "the board outlived every way out"
CHECKS=$((CHECKS + 1))
if "$PIZARRA" -k "$KEY" dump >"$T/dump" 2>&1 && file_has_line "$T/dump" "left by ABRT"; then
	pass "dump shows what the last client drew"
else
	fail "dump: $(cat "$T/dump")"
fi

finish
