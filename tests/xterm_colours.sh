#!/bin/sh
# xterm_colours.sh - colours that read on a light and on a dark xterm. xterm
# turns bold black into grey (boldColors, its default) and bold white is
# white on white: no text may be drawn bold on a black or white foreground.
# Three xterms on one 40x12 board (so the board's edge shows): L, black on
# white (xterm's default) with TERM=xterm-256color; D, white on black (-rv);
# E, black on white with TERM=xterm (8 colours: inks 8..15 are the 8
# colours in bold). Each goes through every look the screen has: the
# sidebar (titles, names, values, a value that just changed, a failed
# system call), the status line and the key bar, a message and a warning,
# the 16 inks (F2 and a letter, 16 times), cells that cannot be shown, the
# board's edge, the greyed board while detached, a question, the help box,
# and the banner of a board removed by someone else. Every byte each client
# sent is then read as SGR states (xterm_sgr_violations, tests/lib/xterm.sh)
# and no text may come out bold with a foreground of 30, 37, 90, 97 or
# 38;5;0/7/15/16/231.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin xterm

ALL="L D E"

# nattch_is N: the board has N attachments.
nattch_is() {
	[ "$(shm_field "$ID" nattch)" = "$1" ]
}

# clients_are N: info lists N clients.
clients_are() {
	[ "$(pz -k "$KEY" info --json 2>/dev/null | grep -o '"slot":' | wc -l)" -eq "$1" ]
}

# dump_has LINE: the board's dump has LINE.
dump_has() {
	pz -k "$KEY" dump 2>/dev/null | grep -qxF -- "$1"
}

# inks NAME: F2 and a letter, sixteen times (in one xdotool).
inks() {
	xterm_key "$1" F2 a F2 b F2 c F2 d F2 e F2 f F2 g F2 h F2 i F2 j F2 k F2 l F2 m F2 n \
	    F2 o F2 p
}

# violations BYTES: how many runs of text xterm_sgr_violations finds in BYTES (printf).
violations() {
	# shellcheck disable=SC2059 # BYTES is a printf format on purpose
	printf "$1" >"$T/sgr-sample"
	xterm_sgr_violations "$T/sgr-sample" | wc -l
}

# ---------------------------------------------------------------------------
section "the checker sees bold black and bold white, and only them"
check "bold, then black: caught" [ "$(violations '\033[1m\033[30mX')" -eq 1 ]
check "bold white in one SGR: caught" [ "$(violations '\033[0;1;37mX')" -eq 1 ]
check "bold bright white on red: caught" [ "$(violations '\033[1;97;41mX')" -eq 1 ]
check "bold and 256-colour 15, 16, 231: caught" \
    [ "$(violations '\033[1m\033[38;5;15mX\033[38;5;16mY\033[38;5;231mZ')" -eq 3 ]
check "bold black for spaces only, reset before text: not caught" \
    [ "$(violations '\033[1;30m   \033[0mX\033[1m\033[30m\033[22mY\033[1;30m\033[39mZ')" -eq 0 ]
check "bold red, black not bold, 256-colour 0 not bold: not caught" \
    [ "$(violations '\033[1;31mX\033[0;30mY\033[38;5;0mZ')" -eq 0 ]
check "cursor moves and charset changes keep the state" \
    [ "$(violations '\033[1;30m\033[5;7H\033(BX')" -eq 1 ]

# ---------------------------------------------------------------------------
section "L (light), D (dark, -rv) and E (light, TERM=xterm) on a 40x12 board"
xterm_start L "$PIZARRA" -k "$KEY" -s 40x12
xterm_start --rv D "$PIZARRA" -k "$KEY"
xterm_start E TERM=xterm "$PIZARRA" -k "$KEY"
ID=$(board_shmid "$KEY")
check "info lists the three clients" poll "$POLL_WAIT" clients_are 3
helper cells "$KEY" c0 10 || fail "hostile cells could not write row 10"

section "the sixteen inks, a question, the help, a warning, the greyed board"
for c in $ALL; do
	xterm_key "$c" Home
	case $c in
	L) xterm_key "$c" Down ;;
	D) xterm_key "$c" Down Down ;;
	E) xterm_key "$c" Down Down Down ;;
	esac
	inks "$c"
	check "$c's sixteen inks are on the board" poll "$POLL_WAIT" dump_has abcdefghijklmnop
	xterm_key "$c" F7
	xterm_wait_raw "$c" 'IPC_RMID' 3 "$c asks before IPC_RMID"
	xterm_type "$c" n
	xterm_key "$c" F1
	xterm_wait_raw "$c" 'pizarra help' 3 "$c shows the help"
	xterm_key "$c" Escape
	xterm_key "$c" F4
	check "$c detaches (the board greyed): shm_nattch 2" poll "$POLL_WAIT" nattch_is 2
	xterm_type "$c" x
	xterm_wait_raw "$c" 'to draw' 3 "$c is told it cannot draw while detached"
	xterm_key "$c" F4
	check "$c attaches again: shm_nattch 3" poll "$POLL_WAIT" nattch_is 3
done

section "L removes the board: D and E get the banner"
xterm_key L F7
xterm_wait_raw L 'IPC_RMID' 3 "L asks before IPC_RMID"
xterm_type L y
for c in D E; do
	xterm_wait_raw "$c" 'removed by someone else' 5 "$c shows the banner"
done

section "no text drawn bold on black or white"
for c in $ALL; do
	xterm_key "$c" F10
	xterm_wait_exit "$c" 0
done
xterm_sgr_readable L "L (light, xterm-256color): nothing bold on a black or white foreground"
xterm_sgr_readable D "D (dark, -rv, xterm-256color): nothing bold on a black or white foreground"
xterm_sgr_readable E "E (light, TERM=xterm, 8 colours): nothing bold on a black or white foreground"

finish
