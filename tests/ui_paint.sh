#!/bin/sh
# ui_paint.sh - the colour picker (Ctrl-N), through tmux, checked with the
# cells themselves (`pizarra dump --ansi`) and the SGR tmux shows:
#   - under tmux-256color it offers the 256 colours: a foreground typed as
#     196, a background 4, bold and underline, then Enter, and what is
#     typed lands in exactly that style; the canvas shows it as it is;
#     opened again it shows the brush's style, and Esc leaves it as it was;
#     reverse and italic on; the slot's colour (what the others see of us:
#     info's colour column) does not change; F2 makes the foreground follow
#     the slot's colour again, keeping the background and attributes;
#   - under TERM=xterm (8 colours) it offers 16 (Left from 0 goes round to
#     15), and the cells in colour 196 on 4 show as the nearest of 8 (bold
#     red, 31, on blue, 44);
#   - under TERM=vt100 (no colours) it still offers 16, the attributes
#     picked land in the cells, and the background shows as reverse with
#     the attributes as they are.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

ESC=$(printf '\033')

# dump_row_is ROW TEXT: row ROW of `dump --ansi` is TEXT (escapes included).
dump_row_is() {
	[ "$(pz -k "$KEY" dump --ansi | sed -n "$(($1 + 1))p")" = "$2" ]
}

# wait_row ROW TEXT WHAT: poll for dump_row_is; a check.
wait_row() {
	CHECKS=$((CHECKS + 1))
	if poll 3 dump_row_is "$1" "$2"; then
		pass "$3"
		return 0
	fi
	fail "$3: row $1 of dump --ansi is $(pz -k "$KEY" dump --ansi | sed -n "$(($1 + 1))p" | od -c | head -3)"
	return 1
}

# has_codes LIST CODE...: LIST (;-separated parameters) has every CODE.
has_codes() {
	_hc_list=";$1"
	shift
	for _hc in "$@"; do
		case $_hc_list in
		*";$_hc;"*) ;;
		*) return 1 ;;
		esac
	done
	return 0
}

# slot_colour: the colour column of the one client info lists.
slot_colour() {
	pz -k "$KEY" info --json | python3 -c '
import json, sys
print(json.load(sys.stdin)["clients"][0]["colour"])'
}

command -v python3 >/dev/null 2>&1 || skip "python3 is missing (Debian package python3)"

# ---------------------------------------------------------------------------
section "tmux-256color: the 256 colours, a background and attributes"
pane_start A "$PIZARRA" -k "$KEY" -s 60x12
pane_home A
poll 3 sh -c "[ -n \"\$(pz -k $KEY info --json 2>/dev/null | grep colour)\" ]" >/dev/null
MINE=$(slot_colour)
pane_keys A C-n
pane_wait A 'Colours for the brush' 2 "Ctrl-N opens the colour picker"
pane_wait A "256 colours here" 2 "it offers 256 colours under tmux-256color"
pane_keys A 1 9 6
pane_wait A 'Foreground +< 196 >' 2 "digits type the foreground: 196"
pane_keys A Down 4 b u
pane_wait A 'Background +<   4 >' 2 "Down, then 4: the background"
pane_wait A '\[x\] Bold +\[x\] Underline' 2 "b and u switch bold and underline on"
pane_keys A Enter
pane_wait A 'the brush paints in colour 196 on 4, bold, underline' 2 \
	"Enter sets the brush and the status line says how it paints"
pane_type A AB
wait_row 0 "${ESC}[1;4;38;5;196;44mAB${ESC}[0m" "AB lands in colour 196 on 4, bold and underlined"
check "the canvas shows A in 38;5;196 on 44, bold, underlined" \
	has_codes "$(pane_sgr_at AB A A)" '38;5;196' 44 1 4
check "the slot's colour, which the others see, is unchanged ($MINE)" \
	test "$(slot_colour)" = "$MINE"

pane_keys A C-n
pane_wait A 'Foreground +< 196 >' 2 "opened again, the picker shows the brush's foreground"
pane_keys A Right Escape
pane_wait_not A 'Colours for the brush' 2 "Esc closes it"
pane_type A C
wait_row 0 "${ESC}[1;4;38;5;196;44mABC${ESC}[0m" "after Esc the brush is as it was"

pane_keys A C-n r i Enter
pane_wait A 'colour 196 on 4, bold, underline, reverse, italic' 2 "r and i: reverse and italic"
pane_type A D
wait_row 0 "${ESC}[1;4;38;5;196;44mABC${ESC}[1;3;4;7;38;5;196;44mD${ESC}[0m" \
	"D is bold, italic, underlined and reversed"

pane_keys A F2
pane_wait A '^ TEXT .*colour ' 2 "F2: the next slot colour"
NEXT=$(slot_colour)
check "F2 changed the slot's colour ($MINE to $NEXT)" test "$NEXT" != "$MINE"
pane_type A E
CHECKS=$((CHECKS + 1))
if poll 3 sh -c "'$PIZARRA' -k $KEY dump --ansi | head -1 | grep -q 'mE'"; then
	E=$(pz -k "$KEY" dump --ansi | head -1 | sed 's/.*D//')
	case $E in
	*"38;5;196"*) fail "after F2, E is still in colour 196: $(printf '%s' "$E" | od -c | head -2)" ;;
	*";44mE"*) pass "after F2 the foreground follows the slot's colour, the background stays" ;;
	*) fail "after F2, E is not on 44: $(printf '%s' "$E" | od -c | head -2)" ;;
	esac
else
	fail "E never landed"
fi

# ---------------------------------------------------------------------------
section "TERM=xterm: 16 offered, the nearest of 8 shown"
pane_start E TERM=xterm "$PIZARRA" -k "$KEY"
pane_wait E 'AB' 2 "E (TERM=xterm) shows the row"
check "E shows colour 196 on 4 as the nearest of 8: bold red (1, 31) on blue (44)" \
	has_codes "$(pane_sgr_at AB E A)" 1 31 44
pane_keys E C-n
pane_wait E "16 colours here" 2 "the picker offers 16 colours under TERM=xterm"
pane_keys E 0 Left
pane_wait E 'Foreground +<  15 >' 2 "0, then Left: from 0 round to 15, not 255"
pane_keys E Escape
pane_quit E

# ---------------------------------------------------------------------------
section "TERM=vt100: attributes stand in"
pane_start M TERM=vt100 "$PIZARRA" -k "$KEY"
pane_wait M 'AB' 2 "M (TERM=vt100) shows the row"
check "M shows the background as reverse, bold and underline as they are (7, 1, 4)" \
	has_codes "$(pane_sgr_at AB M A)" 7 1 4
pane_keys M C-n
pane_wait M "no colours here: a background shows as reverse" 2 "without colours the picker says how a background shows"
pane_keys M 0 Down 0 u Enter
pane_wait M 'the brush paints in default colours, underline' 2 "M picks the default colours, underlined"
# M started in the row under A's cursor
pane_type M vt
wait_row 1 "${ESC}[4mvt${ESC}[0m" "what M types is underlined in the cells"
pane_keys M C-q
pane_wait_exit M 0
pane_quit A

finish
