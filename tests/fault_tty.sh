#!/bin/sh
# fault_tty.sh - the terminal is always given back, whatever ends the
# client: a client that drew a little (mouse tracking on) leaves by F10,
# Ctrl-C, and by every signal whose default action would end it (all but
# KILL and STOP; SIGIO and SIGWINCH are the client's own, and 32 and 33 are
# glibc's, which no program can catch through sigaction):
#   - the requests to leave, which end the loop cleanly (status 0, its slot
#     released: `info` lists no client afterwards): SIGINT, SIGTERM,
#     SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
#     SIGXCPU, SIGXFSZ, SIGPIPE, SIGPWR, SIGSTKFLT and every real-time
#     signal SIGRTMIN..SIGRTMAX (34..64);
#   - the failures, after which it restores the terminal in the handler and
#     dies of the signal (status 128 + N): SIGSEGV, SIGBUS, SIGFPE, SIGILL,
#     SIGABRT, SIGTRAP, SIGSYS.
# Each time, after it is gone: `stty -g` in its pane is what it was before
# it started, `stty -a` shows echo and icanon back on, tmux sees the cursor
# visible, no mouse tracking and the normal screen, and the bytes it sent
# (tmux pipe-pane) leave every mouse mode (1000, 1002, 1003, 1006) reset,
# the cursor shown (?25h), bracketed paste off (?2004l) and the alternate
# screen left (?1049l): its last ?1003 is ESC[?1003l. And a start that
# fails (a segment that is no board) leaves the terminal as it was, its
# answer to the background probe read and never shown.

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

# info_no_client: `info` lists no client in a slot.
# shellcheck disable=SC2317 # called through poll
info_no_client() {
	"$PIZARRA" -k "$KEY" info >"$T/info" 2>&1 && grep -q '^clients (0 in slots' "$T/info"
}

# leave HOW STATUS [SIGNAL]: start a client, draw, make it leave by HOW (a
# tmux key name, or a signal's name; SIGNAL is its number when the shell's
# kill does not know the name), check that it exits with STATUS and that
# its terminal is back.
leave() {
	how=$1
	want=$2
	sig=${3:-$1}
	# A tmux server of its own each time (a new server under the name of one
	# just killed can meet it still exiting).
	c=A$ROW
	section "leaving by $how${3:+ (signal $3)} (expected status $want)"
	pane_start "$c" "$PIZARRA" -k "$KEY"
	# Each round draws on a row of its own, 36 rows round; the text is
	# padded so that it covers what an earlier round left on the row.
	row=$((ROW % 36))
	if [ "$row" -gt 0 ]; then
		# shellcheck disable=SC2046 # ROW words
		pane_keys "$c" $(printf 'Down %.0s' $(seq "$row"))
	fi
	pane_type "$c" "$(printf '%-24s' "left by $how")"
	pane_wait_line "$c" "$row" "left by $how" 2 "the client draws"
	ROW=$((ROW + 1))
	LAST=$how
	check "the client turned mouse tracking on (tmux mouse_any_flag 1)" \
	    [ "$(pane_flag "$c" '#{mouse_any_flag}')" = 1 ]
	check "the client is on the alternate screen" [ "$(pane_flag "$c" '#{alternate_on}')" = 1 ]
	case $how in
	F10 | C-c | C-q) pane_keys "$c" "$how" ;;
	*) kill -s "$sig" "$(pane_pid "$c")" ;;
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
	check "the output leaves bracketed paste off (?2004l)" mode_is "$c" 2004 l
	check "the output leaves the cursor shown (?25h)" mode_is "$c" 25 h
	check "the output leaves the alternate screen (?1049l)" mode_is "$c" 1049 l
	check "its last ?1003 sequence is ESC[?1003l" [ "$(last_1003 "$c")" = l ]
	pane_rawcheck "$c"
	if [ "$want" = 0 ]; then
		check "it released its slot: info lists no client" info_no_client
	fi
	pane_tmux "$c" kill-server 2>/dev/null
}

ROW=0
LAST=
# The keys, and the requests to leave: a clean quit.
leave F10 0
leave C-c 0
for s in INT TERM HUP QUIT USR1 USR2 ALRM VTALRM PROF XCPU XFSZ PIPE PWR; do
	leave "$s" 0
done
leave STKFLT 0 16
n=34
while [ "$n" -le 64 ]; do
	if [ "$n" -lt 50 ]; then
		name=RTMIN+$((n - 34))
	else
		name=RTMAX-$((64 - n))
	fi
	leave "${name%[+-]0}" 0 "$n"
	n=$((n + 1))
done
# The failures: the terminal restored, then death by the signal.
leave SEGV 139
leave BUS 135
leave FPE 136
leave ILL 132
leave ABRT 134
leave TRAP 133
leave SYS 159

section "a board it cannot open: the error, then the terminal as it was"
# The terminal's background is asked before the board opens (its answer
# travels meanwhile, with echo and icanon off): a start that fails there
# reads the answer and gives the modes back, and tmux's DA1 answer
# (ESC [ ? 1 ; 2 c) is read, never shown.
FOREIGN=$(test_key 1)
"$HELPER" foreign "$FOREIGN" 100 >/dev/null || abort "hostile foreign failed"
pane_start --ready='is not a usable pizarra board' F "$PIZARRA" -k "$FOREIGN"
pane_wait_exit F 1
pane_wait F "^\\[pizarra exited 1; tty restored\\]" 2 \
    "stty -g after the failed start is what it was before it started"
check "stty -a: echo is on" stty_has F echo
check "stty -a: icanon is on" stty_has F icanon
pane_never F '\[\?[0-9;]*c|rgb:' "no answer of the terminal shows in the pane"
pane_tmux F kill-server 2>/dev/null

section "the board outlived every way out"
CHECKS=$((CHECKS + 1))
if "$PIZARRA" -k "$KEY" dump >"$T/dump" 2>&1 && grep -Eq "^left by $LAST *\$" "$T/dump"; then
	pass "dump shows what the last client drew (left by $LAST)"
else
	fail "dump: $(cat "$T/dump")"
fi

finish
