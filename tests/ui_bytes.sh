#!/bin/sh
# ui_bytes.sh - the board's byte view (Ctrl-X), through tmux: the segment
# is just memory.
#   - Ctrl-X switches the canvas to the segment's bytes: the header (PZRA,
#     version 2, header size 8192, the geometry), our own slot, the cells
#     around our cursor, the cell under it named and decoded;
#   - a character typed appears as its bytes at its cell's offset (8192 +
#     8 * (row * cols + col), 8 bytes a cell), with our colour and our slot
#     as its author and its write counter,
#     lit, and the header's generation moves, lit;
#   - another drawer's keystroke shows in the byte view at once (the
#     board's futex wakes it), lit;
#   - Ctrl-X again shows the board, with everything drawn meanwhile;
#   - a viewer (view-only, no slot) has the byte view too; a detached
#     client says there is no segment to show.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

ESC=$(printf '\033')

# lit_row NAME OFFSET BYTE: the row at OFFSET (8 hex digits) shows BYTE (2 hex
# digits) in the changed look (SGR 43).
lit_row() {
	pane_tmux "$1" capture-pane -p -e | grep -a "$2  " |
	    grep -aq "${ESC}\\[[0-9;]*43m$3"
}

# ---------------------------------------------------------------------------
section "Ctrl-X: the segment's own bytes"
# 20 columns: with 8 bytes a cell, a row is 160 bytes, so the cells band
# around row 1 (where a client that joins starts) still shows row 0
pane_start A "$PIZARRA" -k "$KEY" -s 20x10
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "A started but there is no board under $KEY"
pane_keys A C-x
pane_wait A "the segment's bytes: what you type lands at its cell's offset" 2 \
    "A says what the canvas shows now"
pane_wait A '^header: magic, version, header_size, cols, rows, nslots, generation' 2 \
    "the header's band"
pane_wait A '^00000000  50 5a 52 41 02 00 00 00  00 20 00 00 14 00 00 00  PZRA' 2 \
    "the header: PZRA, version 2, header size 8192, 20 columns"
pane_wait A '^00000010  0a 00 00 00 7f 00 00 00 ' 2 "... 10 rows, 127 slots"
pane_wait A '^slots\[[0-9]+\]: yours' 2 "A's own slot has a band"
pane_wait A '^cells around your cursor' 2 "the cells' band"
pane_wait A '^0x00002000 cells\[0\]\[0\] = 0x0000000000000000: empty, write 0' 2 \
    "the first line: the cell under the cursor, at offset 8192, empty"
info=$(pz -k "$KEY" info --json)
SLOT=$(echo "$info" | sed -n 's/.*"clients":\[{"slot":\([0-9]*\).*/\1/p')
COLOUR=$(echo "$info" | sed -n 's/.*"clients":\[{[^}]*"colour":\([0-9]*\).*/\1/p')
[ -n "$SLOT" ] && [ -n "$COLOUR" ] || abort "info --json does not list A's slot and colour: $info"
AUTHOR=$((SLOT + 1))
# a cell is 8 bytes: code point | fg << 21 | bg << 29 | attributes << 37 |
# author << 41 | write counter << 48 (include/cell.h)
CONTENT=$((0x41 | COLOUR << 21 | AUTHOR << 41))
LOW=$(printf '%012x' "$CONTENT")
B2=$(printf '%02x' $((CONTENT >> 16 & 255)))
B3=$(printf '%02x' $((CONTENT >> 24 & 255)))
B5=$(printf '%02x' $((CONTENT >> 40 & 255)))
GEN0=$(pane_tmux A capture-pane -p | sed -n 's/^00000010  \(.. .. .. .. .. .. .. ..  .. ..\).*/\1/p')

section "typing A: its bytes land at offset 8192"
pane_type A A
pane_wait A "^00002000  41 00 $B2 $B3 00 $B5 [0-9a-f]{2} 00 " 2 \
    "cell (0,0) holds 41 00 $B2 $B3 00 $B5, then its write counter: U+0041, colour $COLOUR, author $AUTHOR (slot $SLOT + 1)"
check "the new bytes are lit" lit_row A 00002000 41
pane_wait A '^0x00002008 cells\[0\]\[1\] = 0x0000000000000000: empty, write 0' 2 \
    "the cursor moved to the next cell, 8 bytes on"
pane_keys A Left
pane_wait A "^0x00002000 cells\\[0\\]\\[0\\] = 0x0001$LOW: 'A' U\\+0041 fg $COLOUR bg 0 author $AUTHOR" 2 \
    "Left: the first line decodes the cell (0x0001$LOW: written once, its write counter first)"
GEN1=$(pane_tmux A capture-pane -p | sed -n 's/^00000010  \(.. .. .. .. .. .. .. ..  .. ..\).*/\1/p')
check "the header's generation (offset 24) moved: $GEN0 -> $GEN1" [ "$GEN0" != "$GEN1" ]

section "another drawer's keystroke shows at once"
pane_start B "$PIZARRA" -k "$KEY"
pane_home B
pane_keys B End
pane_type B Z
CHECKS=$((CHECKS + 1))
if poll_cs 100 pane_shows A '^00002090  (.. ){8} 5a 00 '; then
	pass "B's Z at (19,0), offset 0x2098 (8 bytes a cell), shows in A's bytes within a second"
else
	fail "B's Z did not show in A's bytes within a second"
	pane_show_capture A
fi
check "it is lit" lit_row A 00002090 5a

section "Ctrl-X again: the board"
pane_keys A C-x
pane_wait A '^A +Z│' 2 "A shows the board again, B's Z included"
pane_wait A 'the board again' 2 "A says so"
pane_quit B

section "a viewer has the byte view; a detached client has no segment"
pane_start V "$PIZARRA" -k "$KEY" view
pane_keys V C-x
pane_wait V '^00002000  41 00 ' 2 "V (view-only) shows the bytes"
pane_never V '^slots\[[0-9]+\]: yours' "V holds no slot: no band of its own"
pane_quit V
pane_keys A C-x
pane_wait A '^00002000  41 00 ' 2 "A in bytes again"
pane_keys A F4
pane_wait A 'detached \(shmdt\): no segment is mapped; F4 attaches again' 2 \
    "detached: A says there is no segment to show"
pane_keys A F4
pane_wait A '^00002000  41 00 ' 3 "attached again: the bytes again"
pane_quit A
printf '%-19sZ\n' A >"$T/board"
expect_dump "$T/board" -k "$KEY"

finish
