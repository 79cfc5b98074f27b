#!/bin/sh
# ui_text.sh - text as terminals show it, through tmux: graphemes typed as
# several characters (tmux sends e and U+0301 apart, ❤ and U+FE0F apart)
# are one cell each, and the screen, the status line's cursor column and
# `dump` agree on every width; a ZWJ sequence typed is taken back and the
# reason said, and a flag too; `put` composes the same way (e + U+0301 is
# é in `dump` and on the screen); a wide character whose right half is
# beyond the canvas's last column is a quiet … there, not the loud U+FFFD,
# and is drawn whole once the view pans to it; a really broken cell (a wide
# character without its right half, written by a hostile writer) keeps
# the loud U+FFFD.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

E_ACUTE=$(printf 'e\314\201')          # e U+0301, decomposed
HEART=$(printf '\342\235\244\357\270\217')  # ❤ U+FE0F
GRIN=$(printf '\360\237\230\200\357\270\217') # 😀 U+FE0F
CODER=$(printf '\360\237\221\251\342\200\215\360\237\222\273')   # 👩 ZWJ 💻
FLAG=$(printf '\360\237\207\252\360\237\207\270')   # 🇪🇸

# dump_line N: line N (0-based) of `pizarra dump`.
dump_line() {
	"$PIZARRA" -k "$KEY" dump | sed -n "$(($1 + 1))p"
}

# screen_agrees NAME Y: screen line Y of NAME, up to the sidebar's rule and
# without trailing blanks, is the board's line Y as `dump` prints it.
# shellcheck disable=SC2317 # called through check and poll
screen_agrees() {
	pane_capture "$1"
	_ta_s=$(sed -n "$(($2 + 1))p" "$T/$1.cap" | sed 's/│.*//; s/ *$//')
	_ta_d=$(dump_line "$2")
	[ -n "$_ta_d" ] && [ "$_ta_s" = "$_ta_d" ]
}

# canvas_is NAME Y TEXT: screen line Y of NAME, left of the sidebar's rule,
# is TEXT exactly.
# shellcheck disable=SC2317 # called through check and poll
canvas_is() {
	pane_capture "$1"
	[ "$(sed -n "$(($2 + 1))p" "$T/$1.cap" | sed 's/│.*//')" = "$3" ]
}

# ---------------------------------------------------------------------------
section "graphemes typed as several characters are one cell each"
pane_start A "$PIZARRA" -k "$KEY"
pane_type A "$E_ACUTE|$HEART|$GRIN|"
pane_wait_line A 0 "é|❤|😀|" 3 "the screen shows é|❤|😀|"
pane_wait A ' 7,0  ' 2 "the cursor is at column 7: 1 + 1 + 1 + 1 + 2 + 1"
check "dump shows the same line, composed (U+00E9) and without selectors" \
	[ "$(dump_line 0)" = "$(printf '\303\251|\342\235\244|\360\237\230\200|')" ]
check "the screen and dump agree on line 0" screen_agrees A 0

section "a ZWJ sequence and a flag are taken back, and the reason said"
pane_keys A Home Down
pane_type A "$CODER"
pane_wait A 'U\+1F469 U\+200D U\+1F4BB is 3 code points that cannot share a cell' 3 \
	"the status line says why the ZWJ sequence is refused"
pane_type A "x"
pane_wait_line A 1 "x" 3 "nothing of it stays: x is where it would have been"
pane_type A "$FLAG"
pane_wait A 'U\+1F1EA U\+1F1F8 is 2 code points that cannot share a cell: a flag' 3 \
	"a flag is refused with the reason"
pane_type A "y"
pane_wait_line A 1 "xy" 3 "nothing of the flag stays either"
check "the screen and dump agree on line 1" screen_agrees A 1

section "put composes the same way"
expect_status 0 pz -k "$KEY" put 0 2 "n${E_ACUTE}e $HEART"
check "dump: é as one code point, ❤ without its selector" \
	[ "$(dump_line 2)" = "$(printf 'n\303\251e \342\235\244')" ]
pane_wait_line A 2 "née ❤" 3 "A shows the put text"
check "the screen and dump agree on line 2" screen_agrees A 2
expect_fails 'line 1, column 3: U\+1F469 U\+200D U\+1F4BB is 3 code points that cannot share a cell: an emoji ZWJ sequence' \
	pz -k "$KEY" put 0 3 "ok$CODER"

# ---------------------------------------------------------------------------
section "a wide character cut by the canvas's right edge is a quiet placeholder"
# 120 columns: a sidebar of 42 leaves the canvas 78 columns, 0..77
expect_status 0 pz -k "$KEY" put 77 4 "漢"
check "column 77 shows … where the left half of 漢 is" poll 3 canvas_is A 4 "$(printf '%77s…' '')"
pane_never A '�' "no U+FFFD anywhere on the screen"
helper cells "$KEY" wide 6 >/dev/null || abort "hostile cells failed"
pane_wait A '�' 3 "a wide character without its right half still shows U+FFFD"
# shellcheck disable=SC2046 # 78 words
pane_keys A Home $(printf 'Right %.0s' $(seq 78))
pane_wait A ' 78,1  ' 3 "the cursor is at 78,1, which pans the view by one column"
check "panned, 漢 is whole in columns 76-77" poll 3 canvas_is A 4 "$(printf '%76s漢' '')"
pane_quit A

finish
