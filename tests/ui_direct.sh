#!/bin/sh
# ui_direct.sh - the direct frame (src/direct.h), through tmux: a remote
# change of a few cells reaches a watcher's terminal as one write between
# DECSC and DECRC, and leaves the screen doupdate would have drawn:
#   - watcher B (direct frames) and watcher C (PIZARRA_DIRECT=off: every
#     frame through ncurses) show the same canvas, every cell with its
#     colours and attributes as tmux holds them, after A types (ASCII,
#     UTF-8, the wide 中), after a small `load --ansi` (256 colours, a
#     background, bold, italic, underline, reverse; bold and plain cells of
#     one colour side by side), and after a change of
#     more cells than a direct frame takes (through doupdate on B too);
#   - B's bytes have DECSC (ESC 7), C's none;
#   - B's own cursor stays where it was while A types;
#   - a watcher following A (--follow) whose own cursor is out of its
#     view goes direct too (its status line is redrawn only when the view
#     moves);
#   - cells a direct frame wrote and a later ncurses frame erases (a `put`
#     of 40 blanks over them) are erased on B: ncurses' picture of the
#     screen (curscr) was told about them;
#   - A's text on the screen row where B's sidebar shows the generation
#     stays on B after B's tick redraws that line through ncurses (which
#     compares the whole row): the direct frames' cells reached ncurses'
#     window, newscr and curscr before that frame (direct_settle);
#   - under TERM=vt100, whose strings carry padding ($<2>), a direct watcher
#     shows A's text and never a "$<".

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

ESC=$(printf '\033')

# canvas NAME: NAME's canvas rows 0..19 as tmux holds them, a cell per
# column: the character and the SGR state over it (the sidebar left out).
canvas() {
	pane_tmux "$1" capture-pane -p -e | python3 -c '
import re, sys, unicodedata
rows = sys.stdin.read().split("\n")[:20]
for row in rows:
    state = {}
    out = []
    for esc, ch in re.findall(r"\x1b\[([0-9;:]*)m|(.)", row):
        if ch == "":
            codes = esc.replace(":", ";").split(";") if esc else ["0"]
            i = 0
            while i < len(codes):
                c = int(codes[i] or 0)
                if c == 0:
                    state = {}
                elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == "5":
                    state["fg" if c == 38 else "bg"] = codes[i + 2]
                    i += 2
                elif 30 <= c <= 37 or 90 <= c <= 97 or c == 39:
                    state["fg"] = str(c)
                elif 40 <= c <= 47 or 100 <= c <= 107 or c == 49:
                    state["bg"] = str(c)
                elif c in (22, 23, 24, 25, 27):
                    state.pop({22: "1", 23: "3", 24: "4", 25: "5", 27: "7"}[c], None)
                    if c == 22:
                        state.pop("2", None)
                else:
                    state[str(c)] = True
                i += 1
            continue
        if ch == "\u2502":
            break       # the sidebar rule
        st = ",".join(k + ("=" + v if v is not True else "")
                      for k, v in sorted(state.items()) if v not in ("39", "49"))
        out.append(ch + "[" + st + "]")
        if unicodedata.east_asian_width(ch) in "WF":
            out.append("")
    print(" ".join(out))
'
}

# same_canvas: B's and C's canvases are the same.
same_canvas() {
	canvas B >"$T/B.canvas" && canvas C >"$T/C.canvas" && cmp -s "$T/B.canvas" "$T/C.canvas"
}

# expect_same WHAT: a check: B and C show the same canvas within 3 s.
expect_same() {
	CHECKS=$((CHECKS + 1))
	if poll 3 same_canvas; then
		pass "$1"
		return 0
	fi
	fail "$1: B and C differ:"
	diff "$T/B.canvas" "$T/C.canvas" | head -8 | sed 's/^/    /'
	return 1
}

# decsc NAME: how many ESC 7 (DECSC) NAME's client has written.
decsc() {
	python3 -c 'import sys; print(open(sys.argv[1], "rb").read().count(b"\0337"))' "$T/$1.raw"
}

# ---------------------------------------------------------------------------
section "A types, B (direct frames) and C (PIZARRA_DIRECT=off) watch"
pane_start A "$PIZARRA" -k "$KEY"
pane_home A
pane_start B "$PIZARRA" -k "$KEY"
pane_home B
pane_start C PIZARRA_DIRECT=off "$PIZARRA" -k "$KEY"
pane_home C
# the watchers' own cursors below the rows compared (each shows the other's)
pane_keys B $(seq 30 | sed 's/.*/Down/')
pane_keys C $(seq 30 | sed 's/.*/Down/')
pane_wait B ' 0,30  ' 2 "B's cursor is at 0,30"
pane_wait C ' 0,30  ' 2 "C's cursor is at 0,30"
pane_wait_all "B C" 'CLIENTS +3 in slots' 3 "B and C see three clients"
bcur=$(pane_flag B '#{cursor_x},#{cursor_y}')
b7=$(decsc B)

pane_keys A Down Down
pane_type A "direct frames, ñandú €"
pane_wait_all "B C" '^direct frames, ñandú € +│' 3 "A's text reaches B and C"
expect_same "B and C show the same canvas after A's ASCII and UTF-8"
pane_keys A Enter
pane_type A "中文 wide 中"
pane_wait_all "B C" '^中文 wide 中 +│' 3 "A's wide characters reach B and C"
expect_same "B and C show the same canvas after A's wide characters"
check "B wrote its remote keystrokes between DECSC and DECRC ($b7 -> $(decsc B) ESC 7)" \
    [ "$(decsc B)" -gt "$b7" ]
check "C (PIZARRA_DIRECT=off) never wrote DECSC" [ "$(decsc C)" -eq 0 ]
check "B's own cursor stayed at $bcur while A typed" \
    [ "$(pane_flag B '#{cursor_x},#{cursor_y}')" = "$bcur" ]

# ---------------------------------------------------------------------------
section "a small load --ansi: colours, a background, attributes"
printf '%s\n' "${ESC}[38;5;196;48;5;4;1mRB${ESC}[0m ${ESC}[3;4mit${ESC}[0m ${ESC}[7mrv${ESC}[0m ${ESC}[32;45mgm${ESC}[0m" \
    >"$T/small.ans"
check "load --ansi --at 3,8 of 11 cells" pz -k "$KEY" load --ansi --at 3,8 "$T/small.ans"
pane_wait_all "B C" '^   RB it rv gm +│' 3 "the styled cells reach B and C"
expect_same "B and C show the same colours and attributes"
# bold and not bold in one pair, one frame: their SGR strings share a slot of direct.c's cache
printf '%s\n' "${ESC}[1;31mA${ESC}[0;31mB${ESC}[1;31mC${ESC}[0;31mD${ESC}[0m" >"$T/bold.ans"
check "load --ansi --at 3,9: bold and plain red in turns" pz -k "$KEY" load --ansi --at 3,9 "$T/bold.ans"
pane_wait_all "B C" '^   ABCD +│' 3 "the bold and plain cells reach B and C"
expect_same "B and C show bold and plain red cell for cell"

# ---------------------------------------------------------------------------
section "direct cells on the row of B's generation line, then B's tick"
# gen_row NAME: the 0-based screen row of NAME's sidebar line "gen N"
gen_row() {
	pane_capture "$1"
	grep -n 'gen [0-9]' "$PANE_CAP" | head -1 | cut -d: -f1 | awk '{ print $1 - 1 }'
}
# b_gen_now: B's generation line shows the board's generation as it is now
b_gen_now() {
	gen=$(pz -k "$KEY" info --json | tr ',' '\n' | sed -n 's/.*"generation":\([0-9]*\).*/\1/p')
	pane_shows B "gen $gen( |\$)"
}
grow=$(gen_row B)
check "B's sidebar shows the generation (row ${grow:-none})" [ -n "$grow" ]
check "C's sidebar shows it on the same row" [ "$(gen_row C)" = "$grow" ]
pane_home A
pane_keys A $(seq "$grow" | sed 's/.*/Down/')
pane_wait A " 0,$grow  " 2 "A's cursor is at 0,$grow"
pane_type A "on the tick row"
pane_wait_all "B C" '^on the tick row +│' 3 "A's text reaches B and C on row $grow"
check "B's tick draws the generation line as it is after A's last key" poll 3 b_gen_now
expect_same "B and C show the same canvas after B's tick redrew row $grow"
pane_wait B '^on the tick row +│' 1 "A's text is still on B's row $grow"

# ---------------------------------------------------------------------------
section "cells a direct frame wrote, erased by a frame through doupdate"
pane_keys A Enter Enter
pane_type A "erase me"
pane_wait_all "B C" '^erase me +│' 3 "'erase me' reaches B and C"
row=$(pz -k "$KEY" dump | grep -n '^erase me' | cut -d: -f1)
check "put 40 blanks over row $((row - 1)) (more cells than a direct frame takes)" \
    pz -k "$KEY" put 0 $((row - 1)) "                                        "
pane_wait_not B '^erase me' 3 "the blanks erase 'erase me' on B"
expect_same "B and C show the same canvas after the erasure"
check "put 60 x's over row 9 and row 10 of the board"  pz -k "$KEY" put 0 9 \
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
expect_same "B and C show the same canvas after a wide change"

# ---------------------------------------------------------------------------
section "a watcher following A (--follow), its own cursor out of the view"
pane_start E "$PIZARRA" -k "$KEY" --follow="$(pane_pid A)"
pane_wait E 'following root \(pid' 3 "E follows A"
e7=$(decsc E)
pane_keys A Enter
pane_type A "followed"
pane_wait E '^followed +' 3 "A's text reaches E"
check "E, following, wrote A's keystrokes between DECSC and DECRC ($e7 -> $(decsc E))" \
    [ "$(decsc E)" -gt "$e7" ]
# A goes far (E's view pans after it, E's own cursor is left out of it: hidden)
pane_keys A PageDown PageDown
pane_type A "far"
pane_wait E '^ *far +│' 3 "E's view followed A down the board"
pane_check_flag E '#{cursor_flag}' 0 "E's own cursor is hidden (out of its view)"
e7=$(decsc E)
pane_type A "ther"
pane_wait E '^ *farther +│' 3 "A's next keys reach E"
check "E, its cursor hidden, wrote them between DECSC and DECRC ($e7 -> $(decsc E))" \
    [ "$(decsc E)" -gt "$e7" ]
pane_rawcheck E
pane_quit E
pane_keys A PageUp PageUp PageUp Home
pane_wait A ' 0,0  ' 2 "A is back at 0,0"

# ---------------------------------------------------------------------------
section "TERM=vt100 (padding in its strings): a direct watcher"
pane_start D TERM=vt100 "$PIZARRA" -k "$KEY"
pane_home D
pane_keys D $(seq 30 | sed 's/.*/Down/')
pane_wait D ' 0,3[01]  ' 2 "D's cursor is at row 30 or 31"
d7=$(decsc D)
pane_type A "vt100 too"
pane_wait D '^vt100 too +' 3 "A's text reaches D"
check "D wrote A's keystrokes between DECSC and DECRC" [ "$(decsc D)" -gt "$d7" ]
pane_never D '\$<' "D shows no padding"
check "D's bytes have no padding (\$<)" sh -c "! grep -q '\\\$<' '$T/D.raw'"

# vt100 has no alternate screen: its last frame stays, only the modes are checked
pane_rawcheck D
pane_keys D C-q
pane_wait_exit D 0 && pane_wait D '^\[pizarra exited 0; tty restored\]' 2 "D: tty modes back"
for p in A B C; do
	pane_rawcheck "$p"
	pane_quit "$p"
done
finish
