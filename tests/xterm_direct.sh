#!/bin/sh
# xterm_direct.sh - the direct frame (src/direct.h) in real xterms: two
# watchers of one board, D (direct frames) and O (PIZARRA_DIRECT=off: every
# frame through ncurses), in xterms of the same size and font, while a
# third client W types and `load --ansi` writes small styled blocks. After
# every change the pictures of D's and O's canvas (import, cropped to the
# canvas, the sidebar and the row with the watchers' own cursors left out)
# are the same pixel for pixel (ImageMagick's compare -metric AE), for:
#   - ASCII typed in W;
#   - UTF-8 typed in W (ñ, €, box drawing) and the wide 中;
#   - `load --ansi --at` of a block of at most 32 cells: 256-colour
#     foregrounds and backgrounds, 8-colour ones, bold, italic, underline,
#     reverse, at the same place on the board in every round;
# on a light background (xterm's default) and a dark one (-rv), at 80x24
# and 200x60 (by default light at 80x24, dark at 200x60). D's bytes (xterm's log) have a direct frame (DECSC, ESC 7, then
# a cup) for each change; O's never do. Then the edges, at 80x24 with the
# sidebar hidden (F9): wide characters in the last column and over each
# other, a change while D's help is open (no direct frame over it, the same
# canvas once it closes). Last, a stall (no xterm: a pty of its own): a
# direct watcher whose terminal file is non-blocking (O_NONBLOCK, which a
# program sharing the terminal may leave set) and whose reader stops for
# 3.5 s three times while cells keep changing: every direct frame that
# starts ends with its DECRC, none is cut in the middle of a sequence.
# The pictures are kept in T while the test runs (T/<round>-<step>-D.png,
# -O.png); XTERM_DIRECT_KEEP=DIR keeps T's files, XTERM_DIRECT_PARTS
# chooses the parts (below: by default light at 80x24 and dark at 200x60;
# "light80 dark80 light200 dark200 terms edges stall" is every part).

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin xterm

command -v compare >/dev/null 2>&1 || skip "xterm_direct needs ImageMagick's compare"
command -v convert >/dev/null 2>&1 || skip "xterm_direct needs ImageMagick's convert"

ESC=$(printf '\033')
NOSIDEBAR=      # set: the sidebar is hidden (F9), the canvas reaches the last column

# decsc NAME: how many direct frames NAME's xterm has received: DECSC (ESC
# 7) followed by a cup (ncurses sends DECSC itself only around a scroll
# region: ESC 7, CSI top;bottom r, ESC 8).
decsc() {
	LC_ALL=C grep -aoE "${ESC}7${ESC}\\[[0-9]+;[0-9]+H" "$(xterm_raw "$1")" | wc -l
}

# sidebar COLS: the sidebar's columns on a screen of COLS (src/screen.c: 2/5, 30 to 42).
sidebar() {
	_sw=$(($1 * 2 / 5))
	[ "$_sw" -ge 30 ] || _sw=30
	[ "$_sw" -le 42 ] || _sw=42
	echo "$_sw"
}

# crop NAME FILE: a picture of NAME's canvas into FILE: its columns left of
# the sidebar, its rows above the one the watchers' cursors are on. The
# window is unmapped and mapped first, so xterm draws all of it again from
# its cells, row by row: a glyph that spills into the next cell (a wide
# one, an accent) is then drawn in the same order in both xterms, whatever
# writes brought the cells (a watcher that got two keys in one frame and
# one that got them in two left 4 pixels apart, CI 2026-12-02).
crop() {
	_cwin=$(xterm_window "$1")
	xdotool windowunmap --sync "$_cwin" && xdotool windowmap --sync "$_cwin" || return 1
	_cw=$(cat "$T/$1.cw")
	_ch=$(cat "$T/$1.ch")
	_cc=$(cat "$T/$1.cols")
	[ -n "$NOSIDEBAR" ] || _cc=$((_cc - $(sidebar "$_cc")))
	_cr=$(($(cat "$T/$1.rows") - 3))
	xterm_shot "$1" "$T/$1.full.png" &&
	    convert "$T/$1.full.png" -crop "$((_cc * _cw))x$((_cr * _ch))+$XTERM_BORDER+$XTERM_BORDER" \
	    +repage "$2"
}

# same_canvas R S PREV: the pictures of D's and O's canvases are the same
# (kept as T/R-S-D.png and T/R-S-O.png), and D's is not the picture PREV
# (the last step's: this change has reached D).
# shellcheck disable=SC2317 # called through poll
same_canvas() {
	crop D "$T/$1-$2-D.png" 2>/dev/null && crop O "$T/$1-$2-O.png" 2>/dev/null &&
	    AE=$(compare -metric AE "$T/$1-$2-D.png" "$T/$1-$2-O.png" null: 2>&1) &&
	    [ "$AE" = 0 ] &&
	    { [ -z "$3" ] || ! compare -metric AE "$T/$1-$2-D.png" "$3" null: >/dev/null 2>&1; }
}

# expect_same R S WHAT: a check that D's and O's canvases become the same
# picture, a new one since the last (PREV); it becomes PREV.
expect_same() {
	CHECKS=$((CHECKS + 1))
	AE=
	if poll 5 same_canvas "$1" "$2" "$PREV"; then
		pass "$3"
		PREV=$T/$1-$2-D.png
		return 0
	fi
	fail "$3: ${AE:-no picture}, pixels differ (T/$1-$2-D.png, T/$1-$2-O.png)"
	PREV=$T/$1-$2-D.png
	return 1
}

# row_has ROW TEXT: row ROW of the board's dump has TEXT.
# shellcheck disable=SC2317 # called through poll
row_has() {
	pz -k "$KEY" dump | sed -n "$(($1 + 1))p" | grep -qF -- "$2"
}

# step R S ROW MARKER WHAT: after a change that ends in MARKER on board row
# ROW, D and O show the same new canvas, and D went direct.
step() {
	check "$1: the $5 are on the board (row $3 has $4)" poll "$POLL_WAIT" row_has "$3" "$4"
	expect_same "$1" "$2" "$1: D (direct) and O (through ncurses) show the same canvas after the $5"
	if [ "$ROUND_DIRECT" = yes ]; then
		check "$1: D wrote the $5 between DECSC and DECRC ($D7 -> $(decsc D) ESC 7)" \
		    [ "$(decsc D)" -gt "$D7" ]
	else
		check "$1: D (${ROUND_ENV}) wrote no direct frame for the $5" [ "$(decsc D)" -eq "$D7" ]
	fi
}

# round NAME SIZE ROW [--rv]: D and O at SIZE (COLSxROWS) watch, W types at
# ROW, ROW + 1, load --ansi at ROW + 2; then D and O quit. ROUND_ENV: a
# VAR=VALUE for D and O (TERM=xterm); ROUND_DIRECT=no: D must not go direct.
ROUND_ENV=
ROUND_DIRECT=yes
round() {
	_rn=$1
	_rs=$2
	_rr=$3
	_rrows=${_rs#*x}
	section "$_rn: D (direct) and O (PIZARRA_DIRECT=off) at $_rs${4:+, dark (-rv)}${ROUND_ENV:+, $ROUND_ENV}"
	# shellcheck disable=SC2086 # ROUND_ENV: one word or none
	xterm_start ${4:+"$4"} --size="$_rs" D $ROUND_ENV "$PIZARRA" -k "$KEY"
	# shellcheck disable=SC2086
	xterm_start ${4:+"$4"} --size="$_rs" O PIZARRA_DIRECT=off $ROUND_ENV "$PIZARRA" -k "$KEY"
	# their own cursors on the canvas's last row (each draws the other's mark there)
	xterm_click D 0 $((_rrows - 3))
	xterm_click O 2 $((_rrows - 3))
	xterm_wait_cursor "$KEY" "$(xterm_pid D)" 0 $((_rrows - 3)) "$_rn: D's cursor on its last canvas row"
	xterm_wait_cursor "$KEY" "$(xterm_pid O)" 2 $((_rrows - 3)) "$_rn: O's cursor beside it"
	PREV=
	expect_same "$_rn" start "$_rn: D and O show the same canvas to begin with"

	xterm_click W 0 "$_rr"
	xterm_wait_cursor "$KEY" "$(xterm_pid W)" 0 "$_rr" "$_rn: W's cursor at 0,$_rr"
	D7=$(decsc D)
	xterm_type W "plain ASCII, typed: $_rn+a"
	step "$_rn" ascii "$_rr" "$_rn+a" "ASCII keystrokes"

	xterm_click W 0 $((_rr + 1))
	xterm_wait_cursor "$KEY" "$(xterm_pid W)" 0 $((_rr + 1)) "$_rn: W's cursor at 0,$((_rr + 1))"
	D7=$(decsc D)
	xterm_type W "ñandú €5 ─│┼═╬ 中文 $_rn+u"
	step "$_rn" utf8 $((_rr + 1)) "$_rn+u" "UTF-8 and wide keystrokes"

	# 27 cells: 256 colours on a background, 8-colour ones, bold, italic, underline, reverse
	printf '%s\n' "${ESC}[38;5;196;48;5;21;1mRB${ESC}[0m ${ESC}[3;4;38;5;208mit${ESC}[0m ${ESC}[7;32mrv${ESC}[0m ${ESC}[33;45mgm${ESC}[0m ${ESC}[1;3;4;7;38;5;46;48;5;238mAll${ESC}[0m ${ESC}[48;5;226m  ${ESC}[0m ${ESC}[1;97;41mX${_rn}y${ESC}[0m" \
	    >"$T/$_rn.ans"
	D7=$(decsc D)
	check "$_rn: load --ansi --at 1,$((_rr + 2)) of a block of 27 cells" \
	    pz -k "$KEY" load --ansi --at "1,$((_rr + 2))" "$T/$_rn.ans"
	step "$_rn" ansi $((_rr + 2)) "X${_rn}y" "styled cells of load --ansi"
	xterm_shot D "$T/$_rn-D.png"
	xterm_shot O "$T/$_rn-O.png"

	xterm_quit D
	xterm_quit O
	check "$_rn: O (PIZARRA_DIRECT=off) never wrote DECSC" [ "$(decsc O)" -eq 0 ]
	XTERM_NEXT_X=$W_RIGHT     # the next round's windows where these were
}

# ---------------------------------------------------------------------------
section "W, the typist, on a board larger than every view"
xterm_start --size=80x40 W "$PIZARRA" -k "$KEY" -s 240x80
W_RIGHT=$XTERM_NEXT_X

# XTERM_DIRECT_PARTS: which parts run. By default each background at one
# size (light at 80x24, dark at 200x60), to keep `make check` short; all of
# them: "light80 dark80 light200 dark200 terms edges stall".
PARTS=" ${XTERM_DIRECT_PARTS:-light80 dark200 terms edges stall} "
case $PARTS in *" light80 "*) round light80 80x24 1 ;; esac
case $PARTS in *" dark80 "*) round dark80 80x24 5 --rv ;; esac
case $PARTS in *" light200 "*) round light200 200x60 9 ;; esac
case $PARTS in *" dark200 "*) round dark200 200x60 13 --rv ;; esac
# TERM=xterm (8 colours: the nearest shown); TERM=linux (ncv: no direct frame)
case $PARTS in *" terms "*)
	ROUND_ENV=TERM=xterm
	round xterm8 80x24 17
	ROUND_ENV=TERM=linux
	ROUND_DIRECT=no
	round linux200 200x60 22 --rv
	ROUND_ENV=
	ROUND_DIRECT=yes
	;;
esac

case $PARTS in *" edges "*)
section "edges: the sidebar hidden, wide characters in the last column and over each other, the help open"
xterm_start --size=80x24 D "$PIZARRA" -k "$KEY"
xterm_start --size=80x24 O PIZARRA_DIRECT=off "$PIZARRA" -k "$KEY"
xterm_click D 0 21
xterm_click O 2 21
xterm_wait_cursor "$KEY" "$(xterm_pid D)" 0 21 "edges: D's cursor on its last canvas row"
xterm_wait_cursor "$KEY" "$(xterm_pid O)" 2 21 "edges: O's cursor beside it"
# F9 three times: clients, syscalls, hidden
for n in D O; do
	xterm_key "$n" F9 F9 F9
done
NOSIDEBAR=yes
PREV=
expect_same edges start "edges: D and O show the same canvas, the whole width"
D7=$(decsc D)
check "edges: put wide characters at the last column and over each other" sh -c "
	'$PIZARRA' -k '$KEY' put 79 17 中 && '$PIZARRA' -k '$KEY' put 78 18 中 && '$PIZARRA' -k '$KEY' put 79 19 x &&
	'$PIZARRA' -k '$KEY' put 60 17 中 && '$PIZARRA' -k '$KEY' put 61 17 文 && '$PIZARRA' -k '$KEY' put 59 17 字 &&
	'$PIZARRA' -k '$KEY' put 60 18 ab && '$PIZARRA' -k '$KEY' put 61 18 中 && '$PIZARRA' -k '$KEY' put 60 18 中Z9"
step edges wide 18 Z9 "wide characters at the edge and over each other"
check "edges: D wrote in its last column itself (the sidebar is hidden: a cup to column 80)" \
    grep -aq "${ESC}7${ESC}\\[[0-9]*;80H" "$(xterm_raw D)"
D7=$(decsc D)
xterm_mark D
xterm_key D F1
xterm_wait_since D 'pizarra help' "edges: D opens the help"
check "edges: put while D's help is open" pz -k "$KEY" put 40 19 "under the help H1"
poll "$POLL_WAIT" row_has 19 H1
check "edges: no direct frame over D's help" [ "$(decsc D)" -eq "$D7" ]
xterm_key D Escape
expect_same edges help "edges: D and O show the same canvas after the help closed"
xterm_quit D
xterm_quit O
check "edges: O (PIZARRA_DIRECT=off) never wrote DECSC" [ "$(decsc O)" -eq 0 ]
	;;
esac

case $PARTS in *" stall "*)
section "stall: a direct watcher whose terminal file is non-blocking and full, three times 3.5 s"
if command -v python3 >/dev/null 2>&1; then
	cat >"$T/stall.py" <<'PYEOF'
# stall.py PIZARRA KEY FILE: a direct watcher on a pty whose file is O_NONBLOCK
# (as another program sharing the terminal may leave it); its reader stalls
# three times for 3.5 s while another writer loads FILE.0 and FILE.1 (10
# styled cells each) over and over. Prints
# "frames N unclosed M" (direct frames: ESC 7 + cup; unclosed: no ESC 8
# before the next ESC 7) and exits 1 when M > 0.
import fcntl, os, pty, re, select, struct, subprocess, sys, termios, time
pz, key = sys.argv[1], sys.argv[2]
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
os.set_blocking(slave, False)
env = dict(os.environ, TERM="xterm-256color")
p = subprocess.Popen([pz, "-k", key], stdin=slave, stdout=slave, stderr=slave, env=env,
                     start_new_session=True)
os.close(slave)
out = bytearray()
def drain(secs):
    end = time.time() + secs
    while time.time() < end:
        r, _, _ = select.select([master], [], [], 0.05)
        if r:
            try:
                out.extend(os.read(master, 65536))
            except OSError:
                return
drain(2)
go = sys.argv[3] + ".go"
open(go, "w").close()
w = subprocess.Popen(["sh", "-c", 'i=0; while [ -e "$2.go" ]; do "$0" -k "$1" load --ansi --at $((i % 40 * 2)),$((i % 20)) "$2.$((i / 40 % 2))" >/dev/null 2>&1; i=$((i + 1)); done', pz, key, sys.argv[3]])
for n in range(3):
    time.sleep(3.5)      # nobody reads the terminal
    drain(0.3)
os.unlink(go)
w.wait()
drain(2)
os.write(master, b"\x11")   # Ctrl-Q: quit
drain(2)
try:
    p.wait(timeout=5)
except subprocess.TimeoutExpired:
    p.kill()
    p.wait()
b = bytes(out)
starts = [m.start() for m in re.finditer(rb"\x1b7\x1b\[[0-9]+;[0-9]+H", b)]
unclosed = 0
for i, s in enumerate(starts):
    nxt = b.find(b"\x1b7", s + 2)
    seg = b[s: nxt if nxt >= 0 else len(b)]
    if b"\x1b8" not in seg:
        unclosed += 1
        print("unclosed frame at", s, seg[:80])
print("bytes", len(b), "frames", len(starts), "unclosed", unclosed)
open(os.environ.get("STALL_RAW", "/dev/null"), "wb").write(b)
sys.exit(1 if unclosed else 0)
PYEOF
	# 10 cells, each in its own colours, bold and underlined: long direct frames
	for f in 0 1; do
		python3 -c '
import sys
f = int(sys.argv[1])
sys.stdout.write("".join("\033[38;5;%d;48;5;%d;1;3;4m%s" % (16 + i * 7 % 200 + f, 100 + i, chr(65 + i + 10 * f))
    for i in range(10)) + "\033[0m\n")' "$f" >"$T/stall.ans.$f"
	done
	# shellcheck disable=SC2016 # the inner shell's arguments
	check "stall: every direct frame that started ends with its DECRC (ESC 8)" \
	    sh -c 'python3 "$1/stall.py" "$2" "$3" "$1/stall.ans" >"$1/stall.out" 2>&1' sh "$T" "$PIZARRA" "$KEY"
	sed 's/^/   /' "$T/stall.out"
else
	echo "stall: skipped (no python3)"
fi
	;;
esac

xterm_quit W
# XTERM_DIRECT_KEEP=DIR: the pictures and the xterms' logs kept in DIR, to look at
[ -z "${XTERM_DIRECT_KEEP:-}" ] || cp -r "$T/." "$XTERM_DIRECT_KEEP/"
finish
