#!/bin/sh
# xterm_editor.sh - the editor of issue 13 in a real xterm (80x24, under
# Xvfb, driven by xdotool), run from an interactive bash as a user would,
# checked with `pizarra dump`, the client's cursor (info --json), the bytes
# xterm received and the X clipboard (xclip):
#   - the SELECT tool (F3 six times): a mouse drag marks a rectangle (every
#     step of it reaches the client as a motion event: xterm keeps one
#     tracking mode), c copies it, a drag from inside moves it;
#   - Ctrl-V shows the paste's preview (the board unchanged) and a click
#     places it;
#   - Ctrl-Z undoes the paste, then the move; Ctrl-Y redoes the move (the
#     tty passes Ctrl-Z and Ctrl-Y to the program: no SIGTSTP);
#   - F12 suspends: bash gets the terminal back with every mouse mode off
#     and the main screen; `fg` resumes it with any-motion tracking back
#     after ncurses' own, and a drag follows the pointer again;
#   - OSC 52 (PIZARRA_CLIPBOARD=osc52) reaches xterm: with allowWindowOps
#     the copy is in the X clipboard (xclip -o -selection clipboard); with
#     xterm's default (allowWindowOps false) xterm refuses it and the
#     clipboard stays empty; with PIZARRA_CLIPBOARD=off nothing is sent and
#     the clipboard stays empty even where xterm would take it (the check
#     that the first one sees pizarra's copy, not something else).

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin xterm

command -v xclip >/dev/null 2>&1 || skip "xterm_editor needs xclip (./bootstrap installs it)"
command -v bash >/dev/null 2>&1 || skip "xterm_editor needs bash (job control for fg)"

# board LINE...: the dump expected, one argument a row (from row 0), in $T/board.
board() {
	printf '%s\n' "$@" >"$T/board"
}

# dump_is FILE: the board's dump is FILE now.
# shellcheck disable=SC2317 # called through poll
dump_is() {
	pz -k "$KEY" dump >"$T/dump.now" 2>&1 && cmp -s "$1" "$T/dump.now"
}

# wait_board WHAT: a check that the dump becomes $T/board.
wait_board() {
	CHECKS=$((CHECKS + 1))
	if poll "$POLL_WAIT" dump_is "$T/board"; then
		pass "$1"
		return 0
	fi
	fail "$1: the dump is"
	sed 's/^/   |/' "$T/dump.now"
	echo "   expected"
	sed 's/^/   |/' "$T/board"
	return 1
}

# at COL ROW: A's cursor is at COL,ROW (info --json).
# shellcheck disable=SC2317 # called through poll
at() {
	xterm_cursor_is "$KEY" "$PID" "$1" "$2"
}

# drag NAME C,R C,R ...: press at the first cell, move through the others
# (each step waited for: the cursor follows a drag when the motion events
# arrive), release at the last; DRAG_OK=no when a step did not arrive.
drag() {
	_dn=$1
	shift
	xterm_point "$_dn" "${1%,*}" "${1#*,}"
	xterm_down "$_dn"
	for _d in "$@"; do
		xterm_point "$_dn" "${_d%,*}" "${_d#*,}"
		poll "$POLL_WAIT" at "${_d%,*}" "${_d#*,}" || DRAG_OK=no
	done
	xterm_up "$_dn"
}

# modes_in_order NAME [FROM]: "MODE h" or "MODE l" for every DEC private
# mode set or reset in NAME's output (from byte FROM on), in order.
modes_in_order() {
	tail -c +"${2:-1}" "$(xterm_raw "$1")" | tr '\033' '\n' |
	    sed -n 's/^\[?\([0-9;]*\)\([hl]\).*/\1 \2/p' |
	    awk '{ n = split($1, a, ";"); for (i = 1; i <= n; i++) print a[i], $2 }'
}

# motion_after_ncurses NAME FROM: after byte FROM, ncurses set its click
# tracking up (?1000h) and any-motion tracking came on after it.
# shellcheck disable=SC2317 # called through poll
motion_after_ncurses() {
	modes_in_order "$1" "$2" | awk '
	$1 == 1000 && $2 == "h" { last1000 = NR }
	$1 == 1003 { last1003 = NR; on = $2 == "h" }
	END { exit !(on && last1003 > last1000 && last1000 > 0) }'
}

# mode_now NAME MODE: h or l, how MODE stands after everything NAME received.
mode_now() {
	modes_in_order "$1" | awk -v m="$2" '$1 == m { last = $2 } END { print last }'
}

# process_stopped PID: PID is stopped (state T).
# shellcheck disable=SC2317 # called through poll
process_stopped() {
	[ "$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)" = T ]
}

# clipboard: what the X clipboard holds (xclip; empty when nobody owns it).
clipboard() {
	timeout 5 xclip -o -selection clipboard 2>/dev/null
}

# clipboard_is TEXT
# shellcheck disable=SC2317 # called through poll
clipboard_is() {
	[ "$(clipboard)" = "$1" ]
}

SEQ=$(printf '\033]52;c;aGVsbG8Kc2Vjb24=\007')   # base64 of "hello\nsecon"

pz -k "$KEY" put 2 2 "hello world" || fail "put"
pz -k "$KEY" put 2 3 "second line" || fail "put"
board "" "" "  hello world" "  second line"

# ---------------------------------------------------------------------------
section "A: bash in an 80x24 xterm (allowWindowOps true) starts pizarra"
xterm_start --window-ops --ready='\$ ' A PS1='$ ' bash --norc --noprofile -i
xterm_type A "PIZARRA_CLIPBOARD=osc52 '$PIZARRA' -k $KEY"
xterm_key A Return
xterm_wait_raw A 'Quit' "$POLL_WAIT" "pizarra is up in A"
BASH_PID=$(xterm_pid A)
PID=$(pgrep -P "$BASH_PID" | head -1)
check "pizarra runs under A's bash (pid ${PID:-none})" [ -n "$PID" ]
check "it lists its cursor (info --json)" poll "$POLL_WAIT" at 0 0

# ---------------------------------------------------------------------------
section "SELECT: a drag marks, c copies (OSC 52 into xterm), a drag from inside moves"
xterm_key A F3 F3 F3 F3 F3 F3
xterm_mark A
DRAG_OK=yes
drag A 2,2 4,3 6,3
check "every step of the drag reached pizarra as a motion event" [ "$DRAG_OK" = yes ]
xterm_wait_since A 'selected 5 x 2' "the drag from 2,2 to 6,3 selects 5 x 2"
wait_board "a selection changes nothing on the board"
xterm_mark A
xterm_type A c
xterm_wait_since A 'copied 5 x 2 cells, also to the terminal.s clipboard' "c copies, also to the clipboard"
xterm_wait_since A "$SEQ" "xterm received the OSC 52 of hello, secon"
check "the X clipboard holds hello, secon (xclip)" poll "$POLL_WAIT" clipboard_is "$(printf 'hello\nsecon')"
xterm_mark A
DRAG_OK=yes
drag A 3,2 8,4 13,6
check "every step of the move's drag reached pizarra" [ "$DRAG_OK" = yes ]
xterm_wait_since A 'moved the selection to 12,6' "the drag from inside moves it ten right, four down"
board "" "" "        world" "       d line" "" "" "            hello" "            secon"
wait_board "the block is at 12,6, blank where it was"
BOARD_MOVED=$(cat "$T/board")

# ---------------------------------------------------------------------------
section "Ctrl-V: a preview, a click places it"
xterm_key A Escape
xterm_click A 30 12
check "a click moves the cursor" poll "$POLL_WAIT" at 30 12
xterm_mark A
xterm_key A ctrl+v
xterm_wait_since A 'paste 5 x 2' "Ctrl-V shows the preview"
xterm_wait_since A 'hello' "the preview draws hello"
wait_board "the preview is not on the board"
xterm_click A 40 15
board "" "" "        world" "       d line" "" "" "            hello" "            secon" \
    "" "" "" "" "" "" "" \
    "                                        hello" "                                        secon"
wait_board "the click places the paste at 40,15"

# ---------------------------------------------------------------------------
section "Ctrl-Z undoes, Ctrl-Y redoes"
xterm_key A ctrl+z
check "Ctrl-Z reaches pizarra: it is not stopped (no SIGTSTP from the tty)" \
    sh -c "! grep -q '^State:.*T' /proc/$PID/status"
printf '%s\n' "$BOARD_MOVED" >"$T/board"
wait_board "Ctrl-Z takes the paste back"
xterm_key A ctrl+z
board "" "" "  hello world" "  second line"
wait_board "Ctrl-Z again takes the move back"
xterm_key A ctrl+y
printf '%s\n' "$BOARD_MOVED" >"$T/board"
wait_board "Ctrl-Y does the move again"

# ---------------------------------------------------------------------------
section "F12 suspends: bash gets a clean terminal; fg resumes with the tracking"
xterm_mark A
xterm_key A F12
check "F12 stops pizarra" poll "$POLL_WAIT" process_stopped "$PID"
xterm_wait_since A 'Stopped' "bash says the job stopped"
for m in 1000 1002 1003 1006; do
	check "while stopped, mouse mode $m is off" [ "$(mode_now A "$m")" != h ]
done
check "while stopped, the main screen is back (?1049l)" [ "$(mode_now A 1049)" = l ]
FROM=$(($(cat "$T/A.mark") + 1))
xterm_type A fg
xterm_key A Return
check "fg: any-motion tracking is back after ncurses' own set-up" \
    poll "$POLL_WAIT" motion_after_ncurses A "$FROM"
DRAG_OK=yes
drag A 13,6 15,7 16,7
check "after fg every step of a drag reaches pizarra" [ "$DRAG_OK" = yes ]
xterm_mark A
xterm_type A c
xterm_wait_since A 'copied 4 x 2 cells' "the drag after fg selected 4 x 2 and c copied it"
check "the clipboard has ello, econ" poll "$POLL_WAIT" clipboard_is "$(printf 'ello\necon')"

section "F10 quits; bash's exit closes the terminal as it was"
xterm_key A F10
check "pizarra exits" poll "$POLL_WAIT" sh -c "! kill -0 $PID 2>/dev/null"
xterm_type A exit
xterm_key A Return
xterm_wait_exit A 0
xterm_restored A
xterm_close A

# ---------------------------------------------------------------------------
section "xterm's default (allowWindowOps false) refuses OSC 52"
check "no clipboard once A's xterm is closed" poll "$POLL_WAIT" clipboard_is ""
xterm_start B PIZARRA_CLIPBOARD=osc52 "$PIZARRA" -k "$KEY"
PID=$(xterm_pid B)
xterm_key B F3 F3 F3 F3 F3 F3
xterm_mark B
drag B 12,6 14,7 16,7
xterm_wait_since B 'selected 5 x 2' "B selects hello, secon"
xterm_mark B
xterm_type B c
xterm_wait_since B "$SEQ" "B sent the OSC 52 (PIZARRA_CLIPBOARD=osc52)"
check "xterm refused it: the clipboard stays empty" sh -c "[ -z \"\$(timeout 5 xclip -o -selection clipboard 2>/dev/null)\" ]"
xterm_shot B "$T/B-osc52-refused.png"
xterm_quit B
xterm_close B

section "PIZARRA_CLIPBOARD=off: nothing sent, though xterm would take it"
xterm_start --window-ops C PIZARRA_CLIPBOARD=off "$PIZARRA" -k "$KEY"
PID=$(xterm_pid C)
xterm_key C F3 F3 F3 F3 F3 F3
xterm_mark C
drag C 12,6 14,7 16,7
xterm_wait_since C 'selected 5 x 2' "C selects hello, secon"
xterm_mark C
xterm_type C c
xterm_wait_since C 'copied 5 x 2 cells \(v or Ctrl-V pastes\)' "C copies, and says nothing of a clipboard"
check "C sent no OSC 52" sh -c "! grep -aqF \"\$(printf '\033]52;')\" '$(xterm_raw C)'"
check "the clipboard stays empty" sh -c "[ -z \"\$(timeout 5 xclip -o -selection clipboard 2>/dev/null)\" ]"
xterm_quit C

finish
