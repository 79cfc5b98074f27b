#!/bin/sh
# ui_colours.sh - colours that read on the terminal's background. The pen
# palette (F2) includes the terminal's own foreground ("default") and
# leaves out the colours that vanish on the background the terminal
# reports ($COLORFGBG here: tmux does not answer the OSC 11 query, which
# the xterm tests cover); without a report nothing is left out. NO_COLOR
# turns every colour off, chrome and inks alike, which stay distinct by
# attributes. A late answer to the background query typed into the board
# draws nothing.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# colour_now NAME LAST: NAME's screen names a colour (COLOUR_NOW) other
# than LAST, the one the press before showed. (Waiting for any colour
# read the last press's line again when a loaded machine had not drawn
# this one yet, and a colour went missing.)
# shellcheck disable=SC2317 # called through poll
colour_now() {
	pane_capture "$1"
	COLOUR_NOW=$(grep -Eo 'colour( [0-9]+|: default)' "$T/$1.cap" | tail -1)
	[ -n "$COLOUR_NOW" ] && [ "$COLOUR_NOW" != "$2" ]
}

# colours_of NAME: the colours F2 offers NAME over 17 presses, as "colour N" / "default" words.
colours_of() {
	: >"$T/$1.colours"
	_co_last=
	for _i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17; do
		pane_keys "$1" F2
		poll 2 colour_now "$1" "$_co_last" || break
		echo "$COLOUR_NOW" >>"$T/$1.colours"
		_co_last=$COLOUR_NOW
		pane_keys "$1" C-l
	done
	sort -u "$T/$1.colours" | tr '\n' ' '
}

# offers NAME WORDS: NAME's colours, one "colour N" per number in WORDS and "default".
offers() {
	_want=$(for n in $2; do echo "colour $n"; done; echo 'colour: default')
	_want=$(printf '%s\n' "$_want" | sort -u | tr '\n' ' ')
	CHECKS=$((CHECKS + 1))
	if [ "$(sort -u "$T/$1.colours" | tr '\n' ' ')" = "$_want" ]; then
		pass "$1's F2 offers exactly: $_want"
	else
		fail "$1's F2 offers: $(sort -u "$T/$1.colours" | tr '\n' ' '); wanted: $_want"
	fi
}

section "a light background (COLORFGBG=0;15): no yellow, white, cyan or green"
pane_start L COLORFGBG='0;15' "$PIZARRA" -k "$KEY"
colours_of L >/dev/null
offers L "1 4 5 8 9 12 13"
pane_quit L

section "a dark background (COLORFGBG=15;0): everything but blue"
pane_start D COLORFGBG='15;0' "$PIZARRA" -k "$KEY"
colours_of D >/dev/null
offers D "1 2 3 5 6 7 8 9 10 11 12 13 14 15"
pane_quit D

section "no report: nothing is left out"
pane_start U "$PIZARRA" -k "$KEY"
colours_of U >/dev/null
offers U "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15"

section "a late answer to the background query is not drawn"
pane_keys U Home
pane_tmux U send-keys -H 1b 5d 31 31 3b 72 67 62 3a 66 66 66 66 2f 66 66 66 66 2f 66 66 66 66 07
pane_tmux U send-keys -H 1b 5d 31 31 3b 72 67 62 3a 30 2f 30 2f 30 1b 5c
pane_type U "after"
pane_wait U '^after +│' 2 "the text typed after it lands at column 0"
check "nothing else was drawn" [ "$("$PIZARRA" -k "$KEY" dump)" = "after" ]
pane_quit U

section "NO_COLOR: no colour at all, the inks told apart by attributes"
"$PIZARRA" -k "$KEY" rm >/dev/null
pane_start N NO_COLOR=1 "$PIZARRA" -k "$KEY"
pane_start M "$PIZARRA" -k "$KEY"
pane_type M "ink"
pane_wait N '^ink +│' 3 "N shows M's ink"
pane_keys N F10
pane_wait_exit N 0
check "N's output has no colour (no SGR 30-49, 90-107, 38/48)" \
	sh -c "! tr '\\033' '\\n' <'$T/N.raw' | grep -Eq '^\\[([0-9;]*;)?(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;[0-9;]*)?m'"
check "but attributes (bold or underline) still mark the inks" \
	sh -c "tr '\\033' '\\n' <'$T/N.raw' | grep -Eq '^\\[([0-9;]*;)?(1|4)(;[0-9;]*)?m'"
pane_quit M
"$PIZARRA" -k "$KEY" rm >/dev/null
finish
