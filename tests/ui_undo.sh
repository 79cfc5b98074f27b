#!/bin/sh
# ui_undo.sh - per-author undo and redo (Ctrl-Z, Ctrl-Y), through tmux,
# checked with `pizarra dump`: a new client's history is empty; two
# clients and a CLI `put` interleave, and each undo takes back only the
# cells still holding what its author wrote (the status line counts the
# others: "2 kept (changed by others)"), the other author's undo then
# finds its own words; redo puts back what the undo did; the same
# character written back by someone else is kept (ABA); a brush stroke
# across a wide character is undone with the character whole, and when
# someone changed one half of it meanwhile no half is left alone; a clear
# (F8) undone after others drew brings the old drawing back around
# theirs; a paste is one step; a pause of half a second ends a run of typing (lazily, at the
# next key); 120 steps are all undone; a viewer's undo is refused with the
# reason; Spanish says it in Spanish; F12 suspends (Ctrl-Z no longer does).

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# expect_board LINE...: the board's dump is exactly these lines (printf %s\n each).
expect_board() {
	: >"$T/expected"
	[ $# -eq 0 ] || printf '%s\n' "$@" >"$T/expected"
	expect_dump "$T/expected" -k "$KEY"
}

# dump_is FILE: the board's dump is FILE now.
# shellcheck disable=SC2317 # called through poll
dump_is() {
	pz -k "$KEY" dump >"$T/dump.now" 2>&1 && cmp -s "$1" "$T/dump.now"
}

# put COL ROW TEXT: the command line writes TEXT, as a script would.
put() {
	check "pizarra put $1 $2 $3" pz -k "$KEY" put "$1" "$2" "$3"
}

# keys_n NAME N KEY...: send the KEYs N times to NAME.
keys_n() {
	_kn_name=$1
	_kn_n=$2
	shift 2
	_kn_all=
	for _kn_i in $(seq "$_kn_n"); do
		_kn_all="$_kn_all $*"
	done
	# shellcheck disable=SC2086 # one key a word
	pane_keys "$_kn_name" $_kn_all
}

# process_stopped PID: PID is stopped (state T).
# shellcheck disable=SC2317 # called through check
process_stopped() {
	[ "$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)" = T ]
}

# ---------------------------------------------------------------------------
section "a new client has nothing to undo or redo"
pane_start A "$PIZARRA" -k "$KEY"
pane_home A
pane_wait A ' 0,0  ' 2 "A is at 0,0"
pane_keys A C-z
pane_wait A 'nothing to undo' 2 "Ctrl-Z: nothing to undo"
pane_keys A C-y
pane_wait A 'nothing to redo' 2 "Ctrl-Y: nothing to redo"

# ---------------------------------------------------------------------------
section "A types, the command line and B write over parts of it, then they undo"
pane_type A 'abcd'
pane_wait_line A 0 "abcd" 2 "A typed abcd"
put 2 0 Z
pane_start B "$PIZARRA" -k "$KEY"
pane_home B
pane_keys B Right Right Right
pane_wait B ' 3,0  ' 2 "B is at 3,0"
pane_type B 'Y'
pane_wait_line A 0 "abZY" 2 "A sees the put's Z and B's Y"
pane_keys A C-z
pane_wait A 'undid the typing: 2 cells, 2 kept \(changed by others\)' 2 \
	"A's undo takes back a and b, keeps the two cells others changed, and says so"
expect_board "  ZY"
pane_keys B C-z
pane_wait B 'undid the typing: 1 cell( |$)' 2 "B's undo finds its own word"
expect_board "  Zd"
pane_keys A C-y
pane_wait A 'redid the typing: 2 cells' 2 "A's redo puts back the two cells its undo took"
expect_board "abZd"

# ---------------------------------------------------------------------------
section "the same character written back by someone else is kept (ABA)"
pane_keys A Down Down Home
pane_wait A ' 0,2  ' 2 "A is at 0,2"
pane_type A 'xy'
pane_wait_line A 2 "xy" 2 "A typed xy"
put 0 2 q
put 0 2 x
pane_keys A C-z
pane_wait A 'undid the typing: 1 cell, 1 kept \(changed by others\)' 2 \
	"the x written back is not A's x: kept"
expect_board "abZd" "" "x"

# ---------------------------------------------------------------------------
section "a brush stroke across a wide character"
pane_keys B Down Down Down Down
pane_wait B ' 4,4  ' 2 "B is at 4,4"
pane_type B '中'
pane_wait_line A 4 "    中" 2 "B wrote a wide character at 4,4"
pane_keys A Down Down Home Right Right
pane_wait A ' 2,4  ' 2 "A is at 2,4"
pane_keys A F3
pane_wait A 'BRUSH' 2 "A takes the brush"
keys_n A 5 Right
pane_wait_line A 4 "  ██████" 2 "the brush went over both halves"
pane_keys A C-z
pane_wait A 'undid the stroke: 6 cells' 2 "one step for the key-held run"
pane_wait_line A 4 "    中" 2 "the wide character is back whole"
expect_board "abZd" "" "x" "" "    中"
pane_keys A C-y
pane_wait A 'redid the stroke: 6 cells' 2 "redo paints it again"
put 5 4 s
pane_keys A C-z
pane_wait A 'undid the stroke: 4 cells, 2 kept \(changed by others\)' 2 \
	"someone changed the right half: the left half is kept too"
expect_board "abZd" "" "x" "" "    █s"
pane_keys A F3 F3 F3 F3 F3 F3
pane_wait A ' TEXT ' 2 "A takes the text tool again"

# ---------------------------------------------------------------------------
section "a clear undone after others drew: their drawing stays"
pane_keys A F8
pane_wait A 'y/N' 2 "F8 asks"
pane_keys A y
pane_wait A 'board cleared \(Ctrl-Z brings it back\)' 2 "cleared"
expect_board
pane_keys B Home
pane_wait B ' 0,4  ' 2 "B is at 0,4"
pane_type B 'hi'
put 4 4 P
pane_wait_line A 4 "hi  P" 2 "B and the command line drew on the cleared board"
pane_keys A C-z
pane_wait A 'undid the clear: 6 cells, 1 kept \(changed by others\)' 2 \
	"the clear comes back but for the cell written since"
expect_board "abZd" "" "x" "" "hi  Ps"

# ---------------------------------------------------------------------------
section "a pause of half a second ends a run of typing"
pane_keys A Down Down Down Down Down Down Home
pane_wait A ' 0,10  ' 2 "A is at 0,10"
pane_type A 'ab'
pane_wait_line A 10 "ab" 2 "A typed ab"
sleep 0.7   # the pause under test, not a wait for anything
pane_type A 'cd'
pane_wait_line A 10 "abcd" 2 "then cd"
pane_keys A C-z
pane_wait A 'undid the typing: 2 cells' 2 "only what came after the pause is taken back"
expect_board "abZd" "" "x" "" "hi  Ps" "" "" "" "" "" "ab"

# ---------------------------------------------------------------------------
section "120 steps, all undone"
pane_keys A Down Home
keys_n A 60 a Right
pane_keys A Down Home
keys_n A 60 b Right
pane_wait A ' 120,12  ' 5 "A typed 120 letters, each a step (moving away ends it)"
keys_n A 120 C-z
printf '%s\n' "abZd" "" "x" "" "hi  Ps" "" "" "" "" "" "ab" >"$T/before120"
check "the 120 undos took every letter back" poll 10 dump_is "$T/before120"
pane_wait A 'undid the typing: 1 cell' 2 "each undo said one cell"
pane_keys A C-y
pane_wait A 'redid the typing: 1 cell' 2 "redo brings back the last one taken back, the oldest"
expect_board "abZd" "" "x" "" "hi  Ps" "" "" "" "" "" "ab" "a"

# ---------------------------------------------------------------------------
section "a paste is one step"
pane_keys A Down Down Home
pane_wait A ' 0,14  ' 2 "A is at 0,14"
pane_tmux A set-buffer -b pz -- "$(printf 'p1\np2')"
pane_tmux A paste-buffer -p -b pz
pane_wait A 'pasted 4 characters on 2 lines at 0,14' 3 "A pasted two lines"
pane_keys A C-z
pane_wait A 'undid the paste: 4 cells' 2 "Ctrl-Z takes the whole paste back"
expect_board "abZd" "" "x" "" "hi  Ps" "" "" "" "" "" "ab" "a"

# ---------------------------------------------------------------------------
section "a viewer is told why, a new client starts empty, Spanish says it in Spanish"
pane_start V "$PIZARRA" -k "$KEY" view
pane_keys V C-z
pane_wait V 'view-only: attached SHM_RDONLY, drawing is refused' 2 "the viewer's Ctrl-Z is refused"
pane_start C "$PIZARRA" -k "$KEY"
pane_keys C C-z
pane_wait C 'nothing to undo' 2 "a new client has nothing to undo, whatever the board holds"
pane_start --ready=F10 E LANGUAGE=es "$PIZARRA" -k "$KEY"
pane_keys E C-z
pane_wait E 'nada que deshacer' 2 "in Spanish"
pane_home E
pane_type E 'e'
pane_keys E C-z
pane_wait E 'se deshizo la escritura: 1 celda' 2 "what was undone, in Spanish"

# ---------------------------------------------------------------------------
section "F12 suspends"
pane_keys C F12
check "F12 stops C" poll "$POLL_WAIT" process_stopped "$(pane_pid C)"
kill -CONT "$(pane_pid C)"
check "C runs again" pane_alive C

finish
