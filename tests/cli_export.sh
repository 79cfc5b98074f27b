#!/bin/sh
# cli_export.sh - the board written out and read back with its colours:
# dump --html read by python3's html.parser and dump --svg by
# xml.etree.ElementTree give, row by row, the text `dump` prints, and the
# colours `dump --ansi` marks (and the ones the test drew); the SVG's text
# is placed on the grid (a wide character takes two columns); `dump --ansi
# | load --ansi` into another board gives the same board; load --at COL,ROW
# changes only the cells of its block; a bad escape, a block too large and
# a position outside the board change nothing; hostile cells (tests/hostile
# cells) come out of the page and the picture as dump shows them, with no
# control character; the options' usage errors.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin helper

KEY2=$(test_key 1)
ESC=$(printf '\033')

command -v python3 >/dev/null 2>&1 || skip "python3 is missing (Debian package python3)"

# The readers, one python3 program: `board.py html|svg|ansi FILE` prints the
# board it reads as lines "text ROW TEXT" (every row, as dump prints it)
# and "cell ROW COL FG BG ATTRS" for every cell that shows something (a
# character, or a space with a background or underline): its colours as
# they look (#rrggbb by xterm's palette, reverse applied; "default" for the
# page's own; "-" for a space's foreground, which shows nothing) and its
# attributes (b bold, i italic, u underline; "-" none; a space shows only u).
cat >"$T/board.py" <<'EOF'
import html.parser, re, sys, unicodedata
import xml.etree.ElementTree as ET

XTERM = ["#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
         "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"]
LEVEL = [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff]
# xterm's 256 colours: the 16, the 6x6x6 cube, the 24 greys
XTERM += ["#%02x%02x%02x" % (LEVEL[i // 36], LEVEL[i // 6 % 6], LEVEL[i % 6]) for i in range(216)]
XTERM += ["#%02x%02x%02x" % ((8 + 10 * i,) * 3) for i in range(24)]
CW, CH, BASE = 10, 20, 15          # export.h: EXPORT_SVG_CELL_W, _H, _BASELINE
INK, PAPER = "#000000", "#ffffff"  # the page's own colours
PLAIN = ("default", "default", "")

def width(ch):
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1

# A colour is compared as what it looks like (#rrggbb, or "default"): 9 and
# 196 are both #ff0000, and a page only has the look.
def colour_of(rgb):
    if rgb is None:
        return "default"
    if rgb not in XTERM:
        sys.exit("not one of xterm's 256 colours: %r" % rgb)
    return rgb

def report(rows):
    # rows: a list of [(char, (fg, bg, attrs))] per row, wide characters once
    for r, row in enumerate(rows):
        print("text %d %s" % (r, "".join(c for c, _ in row)))
        col = 0
        for c, (fg, bg, attrs) in row:
            if c == " ":
                fg, attrs = "-", "".join(a for a in attrs if a == "u")
            if c != " " or bg != "default" or attrs:
                print("cell %d %d %s %s %s" % (r, col, fg, bg, attrs or "-"))
            col += width(c)

def css_look(style):
    # color, background-color, font-weight, font-style, text-decoration: nothing else
    fg, bg, attrs = "default", "default", ""
    for decl in filter(None, (style or "").split(";")):
        m = re.fullmatch(r"(color|background-color|font-weight|font-style|text-decoration):(.*)",
                         decl)
        if not m:
            sys.exit("unexpected CSS %r" % decl)
        name, value = m.groups()
        if name == "color":
            fg = colour_of(value)
        elif name == "background-color":
            bg = colour_of(value)
        elif (name, value) in (("font-weight", "bold"), ("font-style", "italic"),
                               ("text-decoration", "underline")):
            attrs += value[0]
        else:
            sys.exit("unexpected CSS %r" % decl)
    return (fg, bg, "".join(sorted(attrs)))

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pre = 0
        self.stack = []
        self.chars = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "pre" and a.get("class") == "pizarra":
            self.pre += 1
        elif tag == "span" and self.pre:
            here = self.stack[-1] if self.stack else PLAIN
            self.stack.append(here if a.get("class") == "w" else css_look(a.get("style")))
        elif self.pre:
            sys.exit("unexpected <%s> in the <pre>" % tag)
    def handle_endtag(self, tag):
        if tag == "pre" and self.pre:
            self.pre -= 1
        elif tag == "span" and self.pre:
            self.stack.pop()
    def handle_data(self, data):
        if self.pre:
            k = self.stack[-1] if self.stack else PLAIN
            self.chars += [(c, k) for c in data]

def read_html(text):
    p = Page()
    p.feed(text)
    p.close()
    chars = p.chars
    if chars[:1] != [("\n", PLAIN)]:
        sys.exit("the <pre> does not start with a newline")
    rows, row = [], []
    for c, k in chars[1:]:
        if c == "\n":
            rows.append(row)
            row = []
        else:
            row.append((c, k))
    if row:
        sys.exit("the last row has no newline")
    return rows

def read_svg(text):
    ns = "{http://www.w3.org/2000/svg}"
    root = ET.fromstring(text)
    if root.tag != ns + "svg":
        sys.exit("the root is not <svg>")
    w, h = int(root.get("width")), int(root.get("height"))
    if root.get("viewBox") != "0 0 %d %d" % (w, h):
        sys.exit("viewBox does not match width and height")
    grid = [dict() for _ in range(h // CH)]
    for r in list(root.iter(ns + "rect"))[1:]:
        # the backgrounds: whole cells, after the page's own
        x, y, rw, rh = (int(r.get(a)) for a in ("x", "y", "width", "height"))
        if x % CW or y % CH or rw % CW or rh != CH:
            sys.exit("a <rect> off the grid: %r" % r.attrib)
        for col in range(x // CW, (x + rw) // CW):
            grid[y // CH][col] = (" ", ("default", colour_of(r.get("fill")), ""))
    for t in root.iter(ns + "text"):
        x, y, n = int(t.get("x")), int(t.get("y")), int(t.get("textLength"))
        if x % CW or (y - BASE) % CH:
            sys.exit("a <text> off the grid: x=%d y=%d" % (x, y))
        if t.get("{http://www.w3.org/XML/1998/namespace}space") != "preserve":
            sys.exit("a <text> without xml:space=preserve")
        col, row, s = x // CW, (y - BASE) // CH, t.text
        if n != CW * sum(width(c) for c in s):
            sys.exit("textLength %d for %r" % (n, s))
        attrs = ""
        for name, value in (("font-weight", "bold"), ("font-style", "italic"),
                            ("text-decoration", "underline")):
            if t.get(name) not in (None, value):
                sys.exit("unexpected %s=%r" % (name, t.get(name)))
            attrs += value[0] if t.get(name) == value else ""
        for c in s:
            bg = grid[row].get(col, (" ", PLAIN))[1][1]
            grid[row][col] = (c, (colour_of(t.get("fill")), bg, "".join(sorted(attrs))))
            col += width(c)
        if col * CW > w:
            sys.exit("text beyond the width: %r" % s)
        print("at %d %d %s" % (row, x // CW, s))
    rows = []
    for cells in grid:
        row, col = [], 0
        while cells and col <= max(cells):
            c, k = cells.get(col, (" ", PLAIN))
            row.append((c, k))
            col += width(c)
        rows.append(row)
    return rows

def sgr_look(fg, bg, attrs):
    # what a page shows for an SGR state: reverse swaps the colours, the page's own included
    if "r" in attrs:
        fg, bg = (bg if bg != "default" else PAPER), (fg if fg != "default" else INK)
    return (fg, bg, "".join(sorted(a for a in attrs if a != "r")))

def read_ansi(text):
    # every SGR dump.h says dump --ansi writes: 0, 1, 3, 4, 7, 30-37, 90-97,
    # 38;5;N, 39, 40-47, 100-107, 48;5;N
    rows = []
    for line in text.split("\n")[:-1]:
        row, fg, bg, attrs = [], "default", "default", set()
        for part in re.split(r"(\x1b\[[0-9;]*m)", line):
            m = re.fullmatch(r"\x1b\[([0-9;]*)m", part)
            if not m:
                row += [(c, sgr_look(fg, bg, attrs)) for c in part]
                continue
            p = [int(x) if x else 0 for x in m.group(1).split(";")]
            i = 0
            while i < len(p):
                n = p[i]
                if n in (38, 48) and i + 2 < len(p) and p[i + 1] == 5:
                    if n == 38:
                        fg = XTERM[p[i + 2]]
                    else:
                        bg = XTERM[p[i + 2]]
                    i += 3
                    continue
                if n == 0:
                    fg, bg, attrs = "default", "default", set()
                elif n == 39:
                    fg = "default"
                elif n in (1, 3, 4, 7):
                    attrs.add({1: "b", 3: "i", 4: "u", 7: "r"}[n])
                elif 30 <= n <= 37:
                    fg = XTERM[n - 30]
                elif 90 <= n <= 97:
                    fg = XTERM[n - 90 + 8]
                elif 40 <= n <= 47:
                    bg = XTERM[n - 40]
                elif 100 <= n <= 107:
                    bg = XTERM[n - 100 + 8]
                else:
                    sys.exit("an SGR parameter dump does not write: %d" % n)
                i += 1
        rows.append(row)
    return rows

kind, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
report({"html": read_html, "svg": read_svg, "ansi": read_ansi}[kind](text))
EOF

# board_of KIND FILE OUT: the report of FILE read as KIND into OUT; a check.
board_of() {
	CHECKS=$((CHECKS + 1))
	if python3 "$T/board.py" "$1" "$2" >"$3" 2>"$3.err"; then
		pass "python3 reads $(basename "$2") as $1"
		return 0
	fi
	fail "python3 cannot read $(basename "$2") as $1: $(cat "$3.err")"
	show_file "$2" "$(basename "$2")"
	return 1
}

# dump_to FILE ARGS...: `pizarra ARGS` (a dump) into FILE; a check.
dump_to() {
	_ex_f=$1
	shift
	if expect_status 0 pz "$@"; then
		cp "$T/out" "$_ex_f"
		expect_stderr_empty
	fi
}

# same_cells A B WHAT: reports A and B have the same text and cell lines.
same_cells() {
	grep -v '^at ' "$1" >"$1.cells"
	grep -v '^at ' "$2" >"$2.cells"
	expect_files_equal "$1.cells" "$2.cells" "$3"
}

# ---------------------------------------------------------------------------
section "a board with colours, wide characters and <&>\""
# Written as dump --ansi writes it, so that dump --ansi gives it back byte for byte.
{
	printf '%s[31mred %s[0mplain %s[92mñandú%s[0m\n' "$ESC" "$ESC" "$ESC" "$ESC"
	printf '  %s[34m漢字%s[0m<&>"x%s[95m<b>%s[0m\n' "$ESC" "$ESC" "$ESC" "$ESC"
	printf '\n'
	printf '%s[33m&amp; %s[0m中 end\n' "$ESC" "$ESC"
} >"$T/src.ans"
if expect_status 0 pz -k "$KEY" -s 40x8 load --ansi "$T/src.ans"; then
	expect_stdout_empty
fi
dump_to "$T/a.ans" -k "$KEY" dump --ansi
expect_files_equal "$T/src.ans" "$T/a.ans" "dump --ansi gives back what load --ansi read"
check "the colours are there (SGR 31 and 95)" grep -q "$ESC\\[95m<b>" "$T/a.ans"
dump_to "$T/a.txt" -k "$KEY" dump
{
	printf 'red plain ñandú\n'
	printf '  漢字<&>"x<b>\n'
	printf '\n'
	printf '&amp; 中 end\n'
} >"$T/exp.txt"
expect_files_equal "$T/exp.txt" "$T/a.txt" "dump shows the characters without their colours"
dump_to "$T/a.html" -k "$KEY" dump --html
dump_to "$T/a.svg" -k "$KEY" dump --svg
check "the page is a standalone HTML document" grep -q '^<!DOCTYPE html>$' "$T/a.html"
check "the picture is SVG" grep -q '<svg xmlns="http://www.w3.org/2000/svg"' "$T/a.svg"
check "the page escapes <&>\"" grep -q '&lt;&amp;&gt;&quot;x' "$T/a.html"
expect_clean dump "$T/a.html" "the page: UTF-8, no control character but newlines"
expect_clean dump "$T/a.svg" "the picture: UTF-8, no control character but newlines"

section "html.parser and ElementTree read the dump's text and colours"
board_of ansi "$T/a.ans" "$T/r.ansi"
board_of html "$T/a.html" "$T/r.html"
board_of svg "$T/a.svg" "$T/r.svg"
sed -n 's/^text [0-9]* //p' "$T/r.html" >"$T/html.txt"
expect_files_equal "$T/a.txt" "$T/html.txt" "the page's text, row by row, is dump's"
sed -n 's/^text [0-9]* //p' "$T/r.svg" >"$T/svg.txt"
expect_files_equal "$T/a.txt" "$T/svg.txt" "the picture's text, row by row, is dump's"
same_cells "$T/r.ansi" "$T/r.html" "every cell of the page has the colour dump --ansi gives it"
same_cells "$T/r.ansi" "$T/r.svg" "every cell of the picture has the colour dump --ansi gives it"
# the colours by their look (xterm's): 1 red, 3 yellow, 4 blue, 10 bright green, 13 bright magenta
for cell in "0 0 #cd0000" "0 2 #cd0000" "0 4 default" "0 10 #00ff00" "1 2 #0000ee" \
	"1 4 #0000ee" "1 6 default" "1 9 default" "1 11 #ff00ff" "3 0 #cdcd00" "3 6 default" \
	"3 9 default"; do
	check "cell $cell (row col colour) in the page" grep -qx "cell $cell default -" "$T/r.html"
	check "cell $cell (row col colour) in the picture" grep -qx "cell $cell default -" "$T/r.svg"
done
check "the wide characters take two columns each: < is at column 6 in the page" \
	grep -qx 'cell 1 6 default default -' "$T/r.html"
check "in the picture, the text after 漢字 starts at x = 6 columns" grep -qx 'at 1 6 <&>"x' "$T/r.svg"
check "in the picture, 漢字 is one <text> at column 2" grep -qx 'at 1 2 漢字' "$T/r.svg"
check "the picture is 15 columns by 4 rows" grep -q 'width="150" height="80"' "$T/a.svg"

# ---------------------------------------------------------------------------
section "dump --ansi | load --ansi restores the board elsewhere"
if expect_status 0 sh -c "'$PIZARRA' -k $KEY dump --ansi | '$PIZARRA' -k $KEY2 -s 40x8 load --ansi -"; then
	expect_stdout_empty
fi
dump_to "$T/b.ans" -k "$KEY2" dump --ansi
expect_files_equal "$T/a.ans" "$T/b.ans" "dump --ansi of both boards is the same"
dump_to "$T/b.html" -k "$KEY2" dump --html
expect_files_equal "$T/a.html" "$T/b.html" "and so is dump --html"
printf 'x%s[38;5;196my%s[38;5;21mz%s[39;48;2;0;135;250mw\n' "$ESC" "$ESC" "$ESC" >"$T/256.ans"
expect_status 0 pz -k "$KEY2" load --ansi "$T/256.ans"
printf 'x%s[38;5;196my%s[38;5;21mz%s[39;48;5;33mw%s[0m\n' "$ESC" "$ESC" "$ESC" "$ESC" >"$T/exp.ans"
dump_to "$T/c.ans" -k "$KEY2" dump --ansi
expect_files_equal "$T/exp.ans" "$T/c.ans" "38;5;N loads as colour N itself, 48;2;R;G;B as the nearest of the 256"

# ---------------------------------------------------------------------------
section "load --at COL,ROW changes only the block's cells"
printf '%s\n' '........................................' '........................................' \
	'........................................' '........................................' >"$T/dots"
expect_status 0 pz -k "$KEY2" load "$T/dots"
printf 'AB\nC\tD\n' >"$T/block"
if expect_status 0 pz -k "$KEY2" load --at 5,1 "$T/block"; then
	expect_stdout_empty
	expect_stderr_empty
fi
printf '%s\n' '........................................' '.....AB.................................' \
	'.....C.......D..........................' '........................................' >"$T/exp"
expect_dump "$T/exp" -k "$KEY2"
printf '%s[32m漢%s[0mq\n' "$ESC" "$ESC" >"$T/block.ans"
expect_status 0 pz -k "$KEY2" load --ansi --at=37,3 "$T/block.ans"
printf '%s\n' '........................................' '.....AB.................................' \
	'.....C.......D..........................' ".....................................${ESC}[32m漢${ESC}[0mq" >"$T/exp"
dump_to "$T/d.ans" -k "$KEY2" dump --ansi
expect_files_equal "$T/exp" "$T/d.ans" "a block with colours at the board's last columns"

# ---------------------------------------------------------------------------
section "invalid input changes nothing"
dump_to "$T/before" -k "$KEY2" dump --ansi
printf 'ok\nab%s[2Jc\n' "$ESC" >"$T/bad.ans"
expect_fails "^pizarra: .*bad.ans: line 2, column 3: the escape sequence \\\\e\\[2J is not a colour \\(SGR, ESC \\[ ... m\\); the board was not changed\$" \
	pz -k "$KEY2" load --ansi "$T/bad.ans"
expect_fails "^pizarra: .*bad.ans: line 2, column 3: .*not a colour" pz -k "$KEY2" load --ansi --at 0,0 "$T/bad.ans"
printf 'a%s[1;5mb\n' "$ESC" >"$T/blink.ans"
expect_fails "^pizarra: .*blink.ans: line 1, column 2: SGR parameter 5 is not one a cell holds" \
	pz -k "$KEY2" load --ansi "$T/blink.ans"
printf 'a%s[1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1mb\n' "$ESC" >"$T/many.ans"
expect_fails "^pizarra: .*many.ans: line 1, column 2: an SGR sequence with more than 32 parameters" \
	pz -k "$KEY2" load --ansi "$T/many.ans"
printf 'a%s[31;99999mb\n' "$ESC" >"$T/big.ans"
expect_fails "^pizarra: .*big.ans: line 1, column 2: an SGR parameter over 999, which no cell holds" \
	pz -k "$KEY2" load --ansi "$T/big.ans"
expect_fails "^pizarra: .*bad.ans: line 2, column 3: .*; the board was not changed\$" pz -k "$KEY2" load "$T/bad.ans"
expect_fails "^pizarra: .*block: the text's longest line is 9 columns wide: from column 35 it needs columns 35-43, but the board's columns are 0-39; the board was not changed\$" \
	pz -k "$KEY2" load --at 35,0 "$T/block"
expect_fails "^pizarra: .*block: the text has 2 lines: from row 7 it needs rows 7-8, but the board's rows are 0-7" \
	pz -k "$KEY2" load --at 0,7 "$T/block"
expect_fails "^pizarra: .*block: position 40,0 is outside the 40x8 board \\(columns 0-39, rows 0-7\\); the board was not changed\$" \
	pz -k "$KEY2" load --at 40,0 "$T/block"
expect_fails "^pizarra: .*block: position 0,8 is outside" pz -k "$KEY2" load --at 0,8 "$T/block"
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n' >"$T/tall"
expect_fails "^pizarra: .*tall: the text has 9 lines, the board has 8 rows; the board was not changed\$" \
	pz -k "$KEY2" load --ansi "$T/tall"
dump_to "$T/after" -k "$KEY2" dump --ansi
expect_files_equal "$T/before" "$T/after" "after all those, the board is as it was"

# ---------------------------------------------------------------------------
section "hostile cells: the page and the picture show what dump shows, and no control"
for cat in $(helper categories | awk '{ print $1 }'); do
	pz -k "$KEY" clear
	if ! helper cells "$KEY" "$cat" 0 >"$T/cells.out" 2>&1; then
		CHECKS=$((CHECKS + 1))
		fail "hostile cells $cat: $(cat "$T/cells.out")"
		continue
	fi
	pz -k "$KEY" dump >"$T/h.txt"
	pz -k "$KEY" dump --ansi >"$T/h.ans"
	pz -k "$KEY" dump --html >"$T/h.html"
	pz -k "$KEY" dump --svg >"$T/h.svg"
	expect_clean dump "$T/h.html" "$cat: the page has no control character"
	expect_clean dump "$T/h.svg" "$cat: the picture has no control character"
	if ! board_of ansi "$T/h.ans" "$T/h.r.ansi" || ! board_of html "$T/h.html" "$T/h.r.html" ||
		! board_of svg "$T/h.svg" "$T/h.r.svg"; then
		continue
	fi
	sed -n 's/^text [0-9]* //p' "$T/h.r.html" >"$T/h.html.txt"
	sed -n 's/^text [0-9]* //p' "$T/h.r.svg" >"$T/h.svg.txt"
	expect_files_equal "$T/h.txt" "$T/h.html.txt" "$cat: the page's text is dump's"
	expect_files_equal "$T/h.txt" "$T/h.svg.txt" "$cat: the picture's text is dump's"
	same_cells "$T/h.r.ansi" "$T/h.r.html" "$cat: the page's colours are dump --ansi's"
	same_cells "$T/h.r.ansi" "$T/h.r.svg" "$cat: the picture's colours are dump --ansi's"
done

# ---------------------------------------------------------------------------
section "the options"
expect_usage_error "^pizarra: --at: '99999,0': 99999 is out of range \\(0-65535\\) \\(try 'pizarra --help'\\)\$" \
	pz -k "$KEY2" load --at 99999,0 "$T/block"
expect_usage_error "^pizarra: --at: '3' is not a position like 10,3" pz -k "$KEY2" load --at 3 "$T/block"
expect_usage_error "^pizarra: --at: '-1,2' is not a position" pz -k "$KEY2" load --at=-1,2 "$T/block"
expect_usage_error "^pizarra: --at only applies to load " pz -k "$KEY2" dump --at 1,1
expect_usage_error "^pizarra: --html only applies to dump " pz -k "$KEY2" load --html "$T/block"
expect_usage_error "^pizarra: --svg only applies to dump " pz -k "$KEY2" info --svg
expect_usage_error "^pizarra: --ansi only applies to dump, load " pz -k "$KEY2" put --ansi 0 0 x
expect_usage_error "^pizarra: dump: --ansi, --html and --svg are three formats: give one" \
	pz -k "$KEY2" dump --html --svg
expect_usage_error "^pizarra: --at: needs an argument" pz -k "$KEY2" load --at
dump_to "$T/after2" -k "$KEY2" dump --ansi
expect_files_equal "$T/before" "$T/after2" "usage errors change nothing either"
if expect_status 0 pz --help; then
	for opt in --ansi --html --svg --at=COL,ROW; do
		expect_stdout_match "^ +$opt "
	done
fi

# ---------------------------------------------------------------------------
section "every foreground, background and attribute: dump --ansi | load --ansi, and the page's looks"
# A row per kind: the 256 foregrounds, the 256 backgrounds, then each of the
# 16 attribute sets over a few colour pairs; every cell a letter.
python3 - >"$T/all.ans" <<'EOF'
E = "\x1b["
def sgr(fg, bg, attrs):
    p = ["0"] + [c for bit, c in ((1, "1"), (8, "3"), (2, "4"), (4, "7")) if attrs & bit]
    if fg:
        p.append("38;5;%d" % fg)
    if bg:
        p.append("48;5;%d" % bg)
    return E + ";".join(p) + "m"
rows = [[(n, 0, 0) for n in range(256)], [(0, n, 0) for n in range(256)]]
rows += [[(fg, bg, a) for fg, bg in ((0, 0), (1, 0), (0, 4), (200, 17), (16, 231))] for a in range(16)]
for row in rows:
    print("".join(sgr(*k) + chr(65 + i % 26) for i, k in enumerate(row)) + E + "0m")
EOF
expect_status 0 pz -k "$KEY" rm
expect_status 0 pz -k "$KEY2" rm
if expect_status 0 pz -k "$KEY" -s 256x20 load --ansi "$T/all.ans"; then
	dump_to "$T/all1.ans" -k "$KEY" dump --ansi
	if expect_status 0 sh -c "'$PIZARRA' -k $KEY dump --ansi | '$PIZARRA' -k $KEY2 -s 256x20 load --ansi -"; then
		dump_to "$T/all2.ans" -k "$KEY2" dump --ansi
		expect_files_equal "$T/all1.ans" "$T/all2.ans" "dump --ansi | load --ansi keeps every style"
	fi
	dump_to "$T/all.html" -k "$KEY2" dump --html
	dump_to "$T/all.svg" -k "$KEY2" dump --svg
	board_of ansi "$T/all.ans" "$T/all.r.src" && board_of ansi "$T/all2.ans" "$T/all.r.ansi" &&
		board_of html "$T/all.html" "$T/all.r.html" && board_of svg "$T/all.svg" "$T/all.r.svg" &&
		same_cells "$T/all.r.src" "$T/all.r.ansi" "every cell looks as the source said, after the round trip" &&
		same_cells "$T/all.r.src" "$T/all.r.html" "every cell of the page looks as the source said" &&
		same_cells "$T/all.r.src" "$T/all.r.svg" "every cell of the picture looks as the source said"
	check "the page has 256 foregrounds: colour 196 is #ff0000" grep -qx 'cell 0 196 #ff0000 default -' "$T/all.r.html"
	check "and 256 backgrounds: 21 is #0000ff" grep -qx 'cell 1 21 default #0000ff -' "$T/all.r.html"
	check "bold, italic, underline and reverse: the page's own colours swapped" \
		grep -qx 'cell 17 0 #ffffff #000000 biu' "$T/all.r.html"
	check "in the picture too" grep -qx 'cell 17 0 #ffffff #000000 biu' "$T/all.r.svg"
fi

finish
