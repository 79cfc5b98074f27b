#!/bin/sh
# hostile_cells.sh - cells no terminal may be sent, written into a live
# board by another writer (tests/hostile.c), one kind at a time: every C0
# control (ESC, BEL, BS, CR, LF...), every C1 control, DEL, an OSC title
# (ESC ] 0 ; P W N D BEL) and a CSI clear-screen spelled out cell by cell,
# DCS and screen's title sequence, surrogates, code points above U+10FFFF,
# zero-width and bidi controls, raw words with every colour and author bit
# set, broken wide characters. After each write every client (a UTF-8
# drawer, a drawer in the C locale, a viewer) still runs and shows exactly
# the placeholder (U+FFFD, or ? in the C locale) for what it cannot show;
# a client started afterwards shows the same; what A drew before is still
# there (nothing was cleared). The bytes every client sent to its terminal
# (tmux pipe-pane) hold no OSC, no BEL, no C1 code point, no stray C0, and
# every ESC starts a sequence ncurses uses; no pane title became PWND;
# `dump` prints U+FFFD for each such cell and no control byte, `dump
# --ansi` only SGR sequences, `info` and `info --json` no control byte.
# A control pane that prints the OSC for real shows the detectors work.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

CATEGORIES="c0 c1 del osc csi dcs sur above fmt word wide"
FFFD=$(printf '\357\277\275')
WIDE=$(printf '\344\270\200')
ESC=$(printf '\033')

# c_locale_view TEXT: how a client in the C locale shows TEXT (? for what
# it cannot show, a wide character as ? and a blank).
c_locale_view() {
	printf '%s' "$1" | sed -e "s/$FFFD/?/g" -e "s/$WIDE/? /g"
}

# ---------------------------------------------------------------------------
section "control: a pane that really prints ESC ] 0 ; PWND BEL"
pane_start --ready= X printf '\033]0;PWND\007\033[2Jcontrol\n'
pane_wait_exit X 0
poll 3 pane_raw_done X
check "the control pane's title became PWND (the title check can fail)" \
    [ "$(pane_flag X '#{pane_title}')" = PWND ]
CHECKS=$((CHECKS + 1))
if "$HELPER" rawcheck term "$T/X.raw" >"$T/ctl.out"; then
	fail "rawcheck passed the control pane's OSC and BEL"
	cat "$T/ctl.out"
elif grep -q 'OSC' "$T/ctl.out" && grep -q 'BEL' "$T/ctl.out"; then
	pass "rawcheck finds the OSC and the BEL of the control pane"
else
	fail "rawcheck failed the control pane but did not name OSC and BEL"
	cat "$T/ctl.out"
fi

# ---------------------------------------------------------------------------
section "three clients on key $KEY: A (UTF-8), B (C locale), V (viewer)"
pane_start A "$PIZARRA" -k "$KEY"
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "A started but there is no segment under $KEY"
pane_type A "A was here"
pane_wait_line A 0 "A was here" 3 "A shows what it typed"
pane_start B LC_ALL=C "$PIZARRA" -k "$KEY"
pane_start V "$PIZARRA" -k "$KEY" view
pane_wait_line B 0 "A was here" 3 "B shows A's text"
pane_wait_line V 0 "A was here" 3 "V shows A's text"
printf 'A was here\n\n' >"$T/expected"

# ---------------------------------------------------------------------------
row=2
for cat in $CATEGORIES; do
	section "hostile cells: $cat ($("$HELPER" categories | sed -n "s/^$cat  *//p"))"
	if ! helper cells "$KEY" "$cat" "$row"; then
		fail "hostile could not write $cat"
		continue
	fi
	line=$("$HELPER" expect "$cat" 0)
	printf '%s\n' "$line" >>"$T/expected"
	pane_wait_line A "$row" "$line" 3 "A shows row $row as '$line'"
	pane_wait_line V "$row" "$line" 3 "V shows row $row as '$line'"
	cline=$(c_locale_view "$line")
	pane_wait_line B "$row" "$cline" 3 "B (C locale) shows row $row as '$cline'"
	pane_all_alive "A B V" "after the $cat cells"
	pane_wait_line A 0 "A was here" 1 "A's own text is still on its screen"
	row=$((row + 1))
done
for c in A B V; do
	pane_title_safe "$c" PWND
done

# ---------------------------------------------------------------------------
section "a client started afterwards draws the whole board at once"
pane_start C "$PIZARRA" -k "$KEY"
row=2
for cat in $CATEGORIES; do
	line=$("$HELPER" expect "$cat" 0)
	pane_wait_line C "$row" "$line" 3 "C shows row $row ($cat) as '$line'"
	row=$((row + 1))
done
pane_wait_line C 0 "A was here" 1 "C shows A's text"
pane_all_alive "A B V C" "after C started"
pane_title_safe C PWND

# ---------------------------------------------------------------------------
section "dump, dump --ansi, info and info --json"
CHECKS=$((CHECKS + 1))
if "$PIZARRA" -k "$KEY" dump >"$T/dump" 2>"$T/dump.err"; then
	if cmp -s "$T/expected" "$T/dump"; then
		pass "dump prints U+FFFD for every cell that cannot be shown, the rest as drawn"
	else
		fail "dump differs from what was expected"
		show_file "$T/expected" expected
		show_file "$T/dump" "dump printed"
	fi
else
	fail "dump failed: $(cat "$T/dump.err")"
fi
expect_clean dump "$T/dump" "dump has no control byte"
CHECKS=$((CHECKS + 1))
if "$PIZARRA" -k "$KEY" dump --ansi >"$T/ansi" 2>"$T/ansi.err"; then
	pass "dump --ansi runs"
else
	fail "dump --ansi failed: $(cat "$T/ansi.err")"
fi
expect_clean ansi "$T/ansi" "dump --ansi has no escape sequence but SGR, no control byte"
sed "s/$ESC\\[[0-9;]*m//g" "$T/ansi" >"$T/ansi.plain"
check "dump --ansi without its SGR sequences is the plain dump" cmp -s "$T/ansi.plain" "$T/dump"
check "dump --ansi gives the word row's all-bits-set cell every attribute, colour 255 on 255 (ESC[1;3;4;7;38;5;255;48;5;255m)" \
	grep -q "^word  $ESC\\[1;3;4;7;38;5;255;48;5;255m" "$T/ansi"
for how in "" --json; do
	CHECKS=$((CHECKS + 1))
	# shellcheck disable=SC2086 # no option, or one
	if "$PIZARRA" -k "$KEY" info $how >"$T/info" 2>"$T/info.err"; then
		pass "info $how runs"
	else
		fail "info $how failed: $(cat "$T/info.err")"
	fi
	expect_clean dump "$T/info" "info $how has no control byte"
done

# ---------------------------------------------------------------------------
section "the clients quit; everything they ever sent their terminal was clean"
pane_all_alive "A B V C" "at the end"
for c in A B V C; do
	pane_keys "$c" F10
done
for c in A B V C; do
	pane_wait_exit "$c" 0
	check "$c's recorded output is complete" poll 3 pane_raw_done "$c"
	pane_rawcheck "$c" "$c's terminal never got a control character from the segment"
	pane_title_safe "$c" PWND
done

finish
