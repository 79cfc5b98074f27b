#!/bin/sh
# xterm_picker.sh - the colour picker (Ctrl-N) and the cells it paints, in
# real xterms: L, black on white (xterm's default), and D, white on black
# (-rv), both TERM=xterm-256color, and E, black on white with TERM=xterm
# (8 colours: the nearest is shown, bright ones as bold). In each, Ctrl-N
# opens the picker (its title, its rows, how many colours it offers), the
# arrows and digits pick a foreground and a background, b and u switch
# bold and underline on, Enter sets the brush; what is typed then lands in
# that style (`pizarra dump --ansi`) and is drawn in it (the SGR in the
# bytes xterm received). Then every byte each client sent is read as SGR
# states (xterm_sgr_violations, tests/lib/xterm.sh): the picker's box, its
# swatches and sample, the painted cells and the status line say no text
# bold on a black or white foreground (xterm's boldColors turns bold black
# grey; bold white vanishes on white). The colours picked (196 on 226,
# bold; 21 on 0, underline; 11 on 4, bold) are neither black nor white.
# A picture of each picker is kept in T while the test runs.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin xterm

ESC=$(printf '\033')

# dump_row_is ROW TEXT: row ROW of `dump --ansi` is TEXT.
# shellcheck disable=SC2317 # called through poll
dump_row_is() {
	[ "$(pz -k "$KEY" dump --ansi | sed -n "$(($1 + 1))p")" = "$2" ]
}

# wait_row ROW TEXT WHAT
wait_row() {
	CHECKS=$((CHECKS + 1))
	if poll "$POLL_WAIT" dump_row_is "$1" "$2"; then
		pass "$3"
		return 0
	fi
	fail "$3: row $1 of dump --ansi is $(pz -k "$KEY" dump --ansi | sed -n "$(($1 + 1))p" | od -c | head -3)"
	return 1
}

# pick NAME ROW FG BG WORDS KEYS...: NAME clicks row ROW of the board,
# opens the picker, types FG (digits), Down, BG, the attribute KEYS, Enter
# (the status line says "the brush paints in colour FG on BG" and WORDS),
# and types "Pz" there.
pick() {
	_pn=$1
	_pr=$2
	_pf=$3
	_pb=$4
	_pw=$5
	shift 5
	xterm_click "$_pn" 0 "$_pr"
	poll "$POLL_WAIT" xterm_cursor_is "$KEY" "$(xterm_pid "$_pn")" 0 "$_pr" ||
	    fail "$_pn's cursor did not reach 0,$_pr"
	xterm_mark "$_pn"
	xterm_key "$_pn" ctrl+n
	xterm_wait_since "$_pn" 'Colours for the brush' "$_pn: Ctrl-N opens the colour picker"
	xterm_wait_since "$_pn" 'Foreground.*Background' "$_pn: its colour rows are drawn"
	xterm_type "$_pn" "$_pf"
	xterm_key "$_pn" Down
	xterm_type "$_pn" "$_pb"
	for _pk in "$@"; do
		xterm_type "$_pn" "$_pk"
	done
	xterm_wait_since "$_pn" "$_pb" "$_pn: the background typed is drawn"
	xterm_shot "$_pn" "$T/$_pn-picker.png"
	xterm_key "$_pn" Return
	xterm_wait_since "$_pn" "the brush paints in colour $_pf( on $_pb)?, $_pw" \
	    "$_pn: Enter sets the brush to $_pf on $_pb, $_pw, and says so"
	xterm_type "$_pn" Pz
}

# ---------------------------------------------------------------------------
section "L (light), D (dark, -rv), E (light, TERM=xterm) on one 60x16 board"
xterm_start L "$PIZARRA" -k "$KEY" -s 60x16
xterm_start --rv D "$PIZARRA" -k "$KEY"
xterm_start E TERM=xterm "$PIZARRA" -k "$KEY"

section "L picks 196 on 226, bold"
pick L 1 196 226 bold b
xterm_wait_raw L '256 colours here' 3 "L is offered the 256 colours"
wait_row 1 "${ESC}[1;38;5;196;48;5;226mPz${ESC}[0m" "Pz lands in colour 196 on 226, bold"
xterm_wait_since L "${ESC}\\[[0-9;]*38;5;196[0-9;]*m" "L draws it with the 256-colour foreground 196"

section "D picks 21 on 0 (its own background), underline"
pick D 2 21 0 underline u
wait_row 2 "${ESC}[4;38;5;21mPz${ESC}[0m" "Pz lands in colour 21, underlined"

section "E (8 colours) picks 11 on 4, bold"
pick E 3 11 4 bold b
xterm_wait_raw E '16 colours here' 3 "E is offered 16 colours"
wait_row 3 "${ESC}[1;93;44mPz${ESC}[0m" "Pz lands in colour 11 on 4, bold"

section "every client draws the others' cells too"
for c in L D E; do
	xterm_key "$c" Home
	xterm_key "$c" F1
	xterm_key "$c" Escape
done

section "no text drawn bold on black or white"
for c in L D E; do
	xterm_key "$c" F10
	xterm_wait_exit "$c" 0
	xterm_restored "$c"
done
xterm_sgr_readable L "L (light): the picker and the cells draw nothing bold on black or white"
xterm_sgr_readable D "D (dark, -rv): nothing bold on black or white"
xterm_sgr_readable E "E (light, TERM=xterm): nothing bold on black or white"

finish
