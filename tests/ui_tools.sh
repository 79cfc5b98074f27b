#!/bin/sh
# ui_tools.sh - the drawing tools of the editor, through tmux, checked with
# `pizarra dump`: Ctrl-W cycles the line style (single, double, heavy,
# rounded, ASCII: the status line says which) and a line of each is drawn;
# Ctrl-A puts an arrow at a line's end (> in ASCII), and a single line
# crossing the double and the heavy ones joins them (╪, ┿); a double box;
# the fill tool (F3's sixth) fills the box's inside with a click, stopping
# at its lines and at a letter put inside, and a region of blanks put as
# spaces with Enter; the glyph picker (Ctrl-O) sets the brush from the
# keyboard (the tool stays the fill) and with a click (the tool becomes the
# brush), Esc closes it with the brush unchanged; the help lists the new
# keys; and a Spanish client at 80x24 sees the picker whole, in Spanish.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# report B X Y: the bytes of one X10 mouse report (button code B at X, Y).
report() {
	printf '1b 5b 4d %02x %02x %02x ' $((32 + $1)) $((33 + $2)) $((33 + $3))
}

# click NAME X Y: a press and its release at screen cell X, Y, in one write.
click() {
	# shellcheck disable=SC2046 # one byte per word
	pane_tmux "$1" send-keys -H $(printf '%s' "$(report 0 "$2" "$3")" "$(report 3 "$2" "$3")")
}

# right NAME N, down NAME N: N arrow keys.
right() {
	# shellcheck disable=SC2046
	pane_keys "$1" $(printf 'Right %.0s' $(seq "$2"))
}
down() {
	# shellcheck disable=SC2046
	pane_keys "$1" $(printf 'Down %.0s' $(seq "$2"))
}

# ---------------------------------------------------------------------------
section "A draws a line in each style"
pane_start A "$PIZARRA" -k "$KEY"
pane_home A
pane_keys A F3 F3
pane_wait A '^ LINE .*style single' 2 "F3 twice: the line tool, the status line says the style"
right A 5
pane_wait_line A 0 "──────" 2 "a single line"
click A 0 2
pane_wait A ' 0,2  ' 2 "a click moves the line tool's cursor without drawing"
pane_keys A C-w
pane_wait A 'line style: double' 2 "Ctrl-W: double"
pane_wait A 'style double' 2 "the status line says double"
right A 5
click A 0 4
pane_wait A ' 0,4  ' 2 "the cursor at 0,4"
pane_keys A C-w
pane_wait A 'line style: heavy' 2 "Ctrl-W: heavy"
right A 5
click A 0 6
pane_wait A ' 0,6  ' 2 "the cursor at 0,6"
pane_keys A C-w
pane_wait A 'line style: rounded' 2 "Ctrl-W: rounded"
right A 3
down A 2
click A 0 10
pane_wait A ' 0,10  ' 2 "the cursor at 0,10"
pane_keys A C-w
pane_wait A 'line style: ASCII' 2 "Ctrl-W: ASCII"
pane_keys A C-a
pane_wait A 'arrows at the end of lines: on' 2 "Ctrl-A: arrows on"
pane_wait A 'style ASCII →' 2 "the status line shows the arrow"
right A 4
pane_keys A C-w
pane_wait A 'line style: single' 2 "Ctrl-W after ASCII: single again"
click A 3 1
pane_wait A ' 3,1  ' 2 "the cursor at 3,1"
down A 4
pane_wait A ' 3,5  ' 2 "the line went down to 3,5"

section "a double box, filled with a click"
pane_keys A C-a
pane_wait A 'arrows at the end of lines: off' 2 "Ctrl-A again: arrows off"
pane_keys A F3 C-w
pane_wait A '^ BOX .*style double' 2 "the box tool in the double style"
click A 20 0
pane_wait A ' 20,0  ' 2 "the cursor at 20,0"
pane_keys A Enter
pane_wait A 'box: corner at 20,0' 2 "the first corner"
right A 6
down A 4
pane_keys A Enter
pane_wait_line A 4 "━━━┿━━              ╚═════╝" 2 "the box is drawn"
expect_status 0 pz -k "$KEY" put 23 2 x
pane_keys A F3 F3
pane_wait A '^ FILL .* brush █' 2 "F3 twice more: the fill tool, with the brush shown"
click A 21 1
pane_wait A 'filled 14 cells' 2 "a click fills the box's inside but the x: 14 cells"

section "the glyph picker sets the brush"
pane_keys A C-o
pane_wait A ' Glyphs for the brush ' 2 "Ctrl-O opens the picker"
pane_still A 'Blocks and shades' "it has blocks and shades"
pane_still A 'Box pieces' "and box pieces"
pane_still A '\[█\]' "the brush is chosen in it"
pane_keys A Right Right
pane_wait A '\[▒\]' 2 "Right twice: ▒"
pane_keys A Enter
pane_wait A 'brush is now ▒ \(tool: FILL\)' 2 "Enter sets the brush; the tool stays the fill"
pane_wait_not A 'Glyphs for the brush' 2 "the picker closed"
expect_status 0 pz -k "$KEY" put 30 0 "#####"
expect_status 0 pz -k "$KEY" put 30 1 "#   #"
expect_status 0 pz -k "$KEY" put 30 2 "#####"
right A 10
pane_wait A ' 31,1  ' 2 "the fill tool moves without filling"
pane_keys A Enter
pane_wait A 'filled 3 cells' 2 "Enter fills the spaces between the #"

section "a click in the picker, the tool becomes the brush; Esc leaves it"
pane_keys A F3 F3
pane_wait A '^ TEXT ' 2 "the text tool (F3 twice: the select tool, then text)"
pane_keys A C-o
pane_wait A 'Recently used' 2 "the picker has the glyph chosen lately"
# 120x40: the box is 72 wide from column 24, 16 high from row 11; its ninth
# line (row 20) is the arrows, → the third of them
pane_capture A
check "the arrows are on screen row 20" \
	sh -c "sed -n 20p '$PANE_CAP' | grep -q Arrows && sed -n 21p '$PANE_CAP' | grep -q '← *↑ *→'"
click A 33 20
pane_wait A 'brush is now → \(tool: BRUSH\)' 2 "a click on → chooses it; the tool is the brush"
click A 40 0
pane_wait A ' 40,0  ' 2 "the brush dabs where it is clicked"
right A 2
pane_keys A C-o
pane_wait A ' Glyphs for the brush ' 2 "the picker again"
pane_keys A Escape
pane_wait_not A 'Glyphs for the brush' 2 "Esc closes it"
pane_still A '^ BRUSH .* brush →' "the brush is still →"

cat >"$T/board" <<'EOF'
──────              ╔═════╗   #####     →→→
   │                ║█████║   #▒▒▒#
═══╪══              ║██x██║   #####
   │                ║█████║
━━━┿━━              ╚═════╝
   ↓
───╮
   │
   │

---->
EOF
expect_dump "$T/board" -k "$KEY"

section "the help lists the keys without an F-key"
pane_keys A F1
pane_wait A 'Ctrl-W  Style   lines: single, double, heavy, rounded, ASCII' 2 "Ctrl-W in the help"
pane_still A 'Ctrl-A  Arrows  an arrow at the end of lines, or not' "Ctrl-A in the help"
pane_still A 'Ctrl-O  Glyphs  pick the brush: box pieces, blocks, symbols' "Ctrl-O in the help"
pane_still A 'text, brush, line, box, eraser, fill' "F3's line has the fill"
pane_keys A Escape
pane_wait_not A 'pizarra help' 2 "the help closed"

# ---------------------------------------------------------------------------
section "in Spanish, at 80x24, the picker fits whole"
pane_start --ready=F10Salir B LANGUAGE=es "$PIZARRA" -k "$KEY"
pane_resize B 80 24
pane_keys B C-w
pane_wait B 'estilo de línea: doble' 2 "Ctrl-W says the style in Spanish"
pane_keys B C-o
pane_wait B ' Glifos para el pincel ' 2 "the picker's title in Spanish"
pane_still B 'Piezas de caja' "the box pieces"
pane_still B 'Bloques y sombras' "blocks and shades"
pane_still B 'Flechas' "arrows"
pane_still B 'Símbolos' "symbols"
pane_still B 'Enter o un clic' "and the hint, all of it within 24 lines"
pane_keys B Escape
pane_wait_not B 'Glifos para el pincel' 2 "Esc closes it"
pane_quit B
pane_quit A

finish
