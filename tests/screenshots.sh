#!/bin/sh
# screenshots.sh - the pictures in docs/screenshots (`make screenshots`; not
# a test). The same scenes, in real xterms on a private Xvfb
# (tests/lib/xterm.sh), once black on white (light) and once white on black
# (dark, -rv), at 80x24 and, for the first two, at 200x60:
#
#   two-clients   A's screen while A and B draw: text, a box, a line, a
#                 brush stroke, B's cursor in B's colour
#   lesson        A's sidebar after F4 (shmdt; shm_nattch drops) and F4
#                 again, then F7 and y (IPC_RMID: dest, key 0x00000000)
#   removed       B's screen then: the banner of a board removed by
#                 someone else
#   view-only     V, a `pizarra view` client, watching the drawing
#
# and the editor (issue 13), at 80x24 and 200x60, light and dark, and at
# 80x24 light in Spanish (-es):
#
#   paint         a drawing with backgrounds (the colour picker's brush)
#   select-shared B's screen while A has a rectangle selected: shown on
#                 every screen in A's colour
#   paste-preview A's paste following the cursor before it lands
#   colour-picker A's colour picker (Ctrl-N) open
#
# SCREENSHOTS_ONLY=editor takes only the editor's pictures.
#
# Files: SCENE[-200x60]-light.png and SCENE[-200x60]-dark.png in
# SCREENSHOTS_DIR (default: docs/screenshots next to this tests/ folder).
# Uses the key registry like a test (its line is "screenshots").

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin xterm

OUT=${SCREENSHOTS_DIR:-$TESTS_SRCDIR/../docs/screenshots}
mkdir -p "$OUT" || abort "cannot make $OUT"
OUT=$(cd "$OUT" && pwd)
SHOTS=

# cursor_is NAME COL ROW: NAME's client has its cursor at COL,ROW (info --json).
cursor_is() {
	xterm_cursor_is "$K" "$(xterm_pid "$1")" "$2" "$3"
}

# at NAME COL ROW: click there and wait until the cursor is there.
at() {
	xterm_click "$1" "$2" "$3"
	poll "$POLL_WAIT" cursor_is "$@" || fail "$1's cursor did not reach $2,$3"
}

# drag NAME C,R C,R ...: press at the first cell, through the others, release at the last.
drag() {
	_dn=$1
	shift
	xterm_point "$_dn" "${1%,*}" "${1#*,}"
	xterm_down "$_dn"
	for _dc in "$@"; do
		xterm_point "$_dn" "${_dc%,*}" "${_dc#*,}"
		poll "$POLL_WAIT" cursor_is "$_dn" "${_dc%,*}" "${_dc#*,}" ||
		    fail "$_dn's drag did not reach $_dc"
	done
	xterm_up "$_dn"
}

# tool NAME TOOL: F3 until NAME has TOOL (the tools come in this order, from
# TEXT; keys and mouse reports reach the client in the order they are sent,
# so the next drag uses it).
tool() {
	_tn=$(cat "$T/$1.tool" 2>/dev/null || echo 0)
	case $2 in
	TEXT) _tw=0 ;;
	BRUSH) _tw=1 ;;
	LINE) _tw=2 ;;
	BOX) _tw=3 ;;
	ERASER) _tw=4 ;;
	FILL) _tw=5 ;;
	SELECT) _tw=6 ;;
	esac
	while [ "$_tn" -ne "$_tw" ]; do
		xterm_key "$1" F3
		_tn=$(((_tn + 1) % 7))
	done
	echo "$_tn" >"$T/$1.tool"
}

# settled NAME: NAME's output stopped growing for a moment (the frame is
# drawn), polled with a deadline.
settled() {
	_st_a=$(wc -c <"$(xterm_raw "$1")")
	poll_nap
	poll_nap
	[ "$(wc -c <"$(xterm_raw "$1")")" = "$_st_a" ]
}

# shot NAME FILE: a picture of NAME's window once its screen is still.
shot() {
	poll "$POLL_WAIT" settled "$1"
	xterm_shot "$1" "$OUT/$2"
	check "$2: a picture of $1" [ -s "$OUT/$2" ]
	SHOTS="$SHOTS $2"
}

# scene_end: close the scene's xterms (A, B, V) and remove its boards (key K, shmid ID).
scene_end() {
	for _c in A B V; do
		[ -f "$T/$_c.xpid" ] || continue
		xterm_close "$_c"
		rm -f "$T/$_c".*
	done
	for _id in $(shmids_of_key "$K") $ID; do
		ipcrm -m "$_id" 2>/dev/null
	done
}

# scene SIZE THEME KEY: the scenes once, in xterms of SIZE (80x24 or 200x60), light or dark.
scene() {
	_size=$1
	_theme=$2
	K=$3
	_sfx=-$_theme
	[ "$_size" = 80x24 ] || _sfx=-$_size-$_theme
	_rv=
	[ "$_theme" = light ] || _rv=--rv
	# shellcheck disable=SC2034 # the next window goes to the left again (xterm.sh)
	XTERM_NEXT_X=0
	section "$_size, $_theme"
	# shellcheck disable=SC2086 # --rv or nothing
	xterm_start $_rv --size="$_size" A "$PIZARRA" -k "$K"
	# shellcheck disable=SC2086
	xterm_start $_rv --size="$_size" B "$PIZARRA" -k "$K"
	ID=$(board_shmid "$K")

	# A and B draw the lesson's picture: two processes, one segment
	at A 1 1
	xterm_type A "ftok -> shmget -> shmat: one segment"
	tool A BOX
	drag A 1,3 13,5
	drag A 14,9 31,13
	tool A LINE
	drag A 7,5 7,11 14,11
	tool A TEXT
	at A 3 4
	xterm_type A "process A"
	at A 17 10
	xterm_type A "the segment"
	tool B BOX
	drag B 32,3 45,5
	tool B LINE
	drag B 38,5 38,11 31,11
	tool B TEXT
	at B 34 4
	xterm_type B "process B"
	at B 17 12
	xterm_type B "shmid $ID"
	at B 33 16
	xterm_type B "hola, A"
	at A 2 16
	xterm_type A "every terminal draws"
	at A 2 17
	xterm_type A "on the same memory"
	if [ "$_size" != 80x24 ]; then
		at A 60 1
		xterm_type A "the lecture, step by step:"
		_r=3
		for _l in "ftok     a key from a path and a project id" \
		    "shmget   the segment, created once (IPC_CREAT|IPC_EXCL)" \
		    "shmat    each process maps it at its own address" \
		    "shmdt    F4: shm_nattch drops in every sidebar" \
		    "shmctl   IPC_STAT (the sidebar), IPC_SET (F5), IPC_RMID (F7)"; do
			at A 62 "$_r"
			xterm_type A "$_l"
			_r=$((_r + 1))
		done
	fi
	at B 36 17
	shot A "two-clients$_sfx.png"

	if [ "$_size" = 80x24 ]; then
		# shellcheck disable=SC2086
		xterm_start $_rv V "$PIZARRA" -k "$K" view
		shot V "view-only$_sfx.png"
	fi

	# the lesson: F4 detaches (the shot after attaching again would show
	# nothing of it: take it detached), F7 removes
	xterm_key A F4
	poll "$POLL_WAIT" sh -c "[ \"\$(awk -v id=$ID '\$2 == id { print \$7 }' /proc/sysvipc/shm)\" -lt 3 ]" ||
	    fail "A's F4 did not detach"
	[ "$_size" = 80x24 ] && shot A "lesson-detached$_sfx.png"
	xterm_key A F4
	xterm_key A F7
	xterm_wait_raw A 'IPC_RMID' 3 "A asks before IPC_RMID"
	xterm_type A y
	poll "$POLL_WAIT" ipcs_dest "$ID" || fail "A's F7 y did not remove the board"
	xterm_wait_raw B 'removed by someone else' 5 "B shows the banner"
	shot A "lesson$_sfx.png"
	[ "$_size" = 80x24 ] && shot B "removed$_sfx.png"

	scene_end
}

# scene_es THEME KEY: the board in Spanish at 80x24 (LANGUAGE=es): two
# people drawing, the help, and the question before IPC_RMID.
scene_es() {
	K=$2
	_rv=
	[ "$1" = light ] || _rv=--rv
	# shellcheck disable=SC2034 # the next window goes to the left again (xterm.sh)
	XTERM_NEXT_X=0
	section "80x24, $1, en español"
	# shellcheck disable=SC2086 # --rv or nothing
	xterm_start $_rv --size=80x24 --ready=Salir A env LANGUAGE=es "$PIZARRA" -k "$K"
	# shellcheck disable=SC2086
	xterm_start $_rv --size=80x24 --ready=Salir B env LANGUAGE=es "$PIZARRA" -k "$K"
	ID=$(board_shmid "$K")
	at A 1 1
	xterm_type A "ftok -> shmget -> shmat: un segmento"
	tool A BOX
	drag A 1,3 16,5
	tool A TEXT
	at A 3 4
	xterm_type A "proceso A"
	tool B BOX
	drag B 24,3 39,5
	tool B TEXT
	at B 26 4
	xterm_type B "proceso B"
	at B 2 8
	xterm_type B "la misma memoria, año 2026"
	shot A "two-clients-es-$1.png"
	xterm_key A F1
	xterm_wait_raw A 'ayuda de pizarra' 3 "A shows the help in Spanish"
	shot A "help-es-$1.png"
	xterm_key A Escape
	xterm_key A F7
	xterm_wait_raw A 'IPC_RMID' 3 "A asks before IPC_RMID, in Spanish"
	shot A "question-es-$1.png"
	xterm_type A n
	scene_end
}

# brush NAME FG BG [ATTR-KEYS]: NAME's brush paints FG on BG (Ctrl-N, digits,
# Enter); ATTR-KEYS switch attributes (b, u...) from what the brush had.
brush() {
	xterm_key "$1" ctrl+n
	xterm_wait_raw "$1" 'Colours|Colores' 3 "$1 opens the colour picker"
	xterm_key "$1" Home
	xterm_type "$1" "$2"
	xterm_key "$1" Down Home
	xterm_type "$1" "$3${4:-}"
	xterm_key "$1" Return
}

# scene_editor SIZE THEME KEY [LANGUAGE]: the editor's scenes (see the top).
scene_editor() {
	_size=$1
	_theme=$2
	K=$3
	_lang=${4:-}
	_sfx=-$_theme
	[ "$_size" = 80x24 ] || _sfx=-$_size-$_theme
	[ -z "$_lang" ] || _sfx=-$_lang-$_theme
	_rv=
	[ "$_theme" = light ] || _rv=--rv
	_ready=Quit
	[ -z "$_lang" ] || _ready=Salir
	# shellcheck disable=SC2034 # the next window goes to the left again (xterm.sh)
	XTERM_NEXT_X=0
	section "the editor, $_size, $_theme${_lang:+, $_lang}"
	rm -f "$T/A.tool" "$T/B.tool"
	# shellcheck disable=SC2086 # --rv or nothing
	xterm_start $_rv --size="$_size" --ready="$_ready" A env LANGUAGE="$_lang" "$PIZARRA" -k "$K"
	# shellcheck disable=SC2086
	xterm_start $_rv --size="$_size" --ready="$_ready" B env LANGUAGE="$_lang" "$PIZARRA" -k "$K"
	ID=$(board_shmid "$K")
	at A 1 1
	if [ -z "$_lang" ]; then
		xterm_type A "drawing together: colours, select, paste"
	else
		# xdotool types what the keyboard has no key for through a keymap
		# it changes on the fly, and under load xterm sometimes reads the
		# key after the change back: such text is put from the command line
		pz -k "$K" put 1 1 "dibujar juntos: colores, una selección, pegar" ||
		    fail "put the title"
	fi
	brush A 231 25
	at A 2 3
	xterm_type A " process A "
	brush A 16 220
	at A 2 4
	xterm_type A " ftok shmget "
	brush A 226 160 b
	at A 30 3
	xterm_type A " shared memory "
	brush A 0 0 u
	at A 30 4
	xterm_type A "bold, underlined"
	pz -k "$K" put 30 5 "año 2026 ✓ ok" || fail "put año"
	brush A 34 0 bu
	tool A BRUSH
	drag A 2,7 8,7 16,7 24,7
	brush A 202 0
	tool A BOX
	drag A 28,6 46,9
	tool B TEXT
	at B 30 8
	xterm_type B "B writes"
	at A 0 11
	shot A "paint$_sfx.png"
	tool A SELECT
	drag A 2,3 8,4 14,4
	xterm_wait_raw A '(selected|seleccionadas) 13 x 2' 3 "A selects 13 x 2"
	at B 40 12
	shot B "select-shared$_sfx.png"
	xterm_type A c
	xterm_key A Escape
	at A 20 12
	xterm_key A ctrl+v
	xterm_wait_raw A '(paste|pegar) 13 x 2' 3 "A shows the paste's preview"
	xterm_key A Right Right Down
	shot A "paste-preview$_sfx.png"
	xterm_key A Escape
	xterm_key A ctrl+n
	xterm_wait_raw A 'Colours|Colores' 3 "A opens the colour picker"
	xterm_key A Right Right Down Right
	xterm_type A bu
	shot A "colour-picker$_sfx.png"
	xterm_key A Escape
	scene_end
}

if [ "${SCREENSHOTS_ONLY:-}" != editor ]; then
	scene 80x24 light "$(test_key 0)"
	scene 80x24 dark "$(test_key 1)"
	scene 200x60 light "$(test_key 2)"
	scene 200x60 dark "$(test_key 3)"
	scene_es light "$(test_key 4)"
	scene_es dark "$(test_key 5)"
fi
# the keys again: scene_end removed their boards
scene_editor 80x24 light "$(test_key 0)"
scene_editor 80x24 dark "$(test_key 1)"
scene_editor 200x60 light "$(test_key 2)"
scene_editor 200x60 dark "$(test_key 3)"
scene_editor 80x24 light "$(test_key 4)" es
echo "   pictures in $OUT:$SHOTS"
finish
