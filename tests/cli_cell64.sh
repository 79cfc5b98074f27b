#!/bin/sh
# cli_cell64.sh - the 64-bit cell word (layout version 2), from the command
# line and the segment's bytes:
#   - a board of layout version 1 (4-byte cells, as an older pizarra made
#     it) is refused by every command with one line naming who made it and
#     the fix (ipcrm -m), and its bytes are left alone;
#   - a new board is header + 8 bytes a cell + 4 bytes a row stamp, and
#     info says the cells are 8 bytes;
#   - every write of a cell bumps its write counter (bits 48..63), even
#     when it writes the same character again;
#   - dump --ansi marks 256 colours, backgrounds and attributes poked into
#     the segment, and plain dump keeps a space that has a background;
#   - the canvas draws them (in tmux): 256 colours as they are under
#     tmux-256color, the nearest of 8 under TERM=xterm (backgrounds too),
#     and without colours (TERM=vt100) a background as reverse; the
#     attributes everywhere.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

HEADER=8192    # sizeof(struct board_header): the cells start here
ME=$(id -un)

# counter_at ID COL COLS: the write counter of cell (COL, 0) of the board in ID.
counter_at() {
	helper read "$1" | od -An -tu2 -j $((HEADER + 8 * $2 + 6)) -N2 | tr -d ' '
}

# ---------------------------------------------------------------------------
section "a board of layout version 1 (32-bit cells) is refused, untouched"
V1SIZE=$((HEADER + 21 * 5 * 4))    # 20x5, version 1: (cols + 1) * rows words of 4 bytes
FID=$(helper create "$KEY" "$V1SIZE" 0600)
[ -n "$FID" ] || abort "cannot create the old board under $KEY"
cleanup_shmid "$FID"
helper poke32 "$FID" 4 1 &&
    helper poke32 "$FID" 8 "$HEADER" &&
    helper poke32 "$FID" 12 20 &&
    helper poke32 "$FID" 16 5 &&
    helper poke32 "$FID" 20 127 &&
    helper poke32 "$FID" "$HEADER" $((0x68 | 4 << 21)) &&
    helper poke32 "$FID" 0 0x41525A50 || abort "cannot write the old board's header"
helper read "$FID" >"$T/v1.orig"
WHY="it was made by an older pizarra \\(board layout version 1; this one reads version 2, with 64-bit cells\\): that pizarra can still dump it"
for cmd in dump "dump --ansi" info "put 0 0 x" clear rm; do
	# shellcheck disable=SC2086 # split the command's operands
	expect_fails "^pizarra: key $KEY \\(shmid $FID, owner $ME, $V1SIZE bytes\\) is not a usable pizarra board: $WHY; it was left untouched: remove it with \`ipcrm -m $FID\` or use another key \\(-k, -p\\)\$" \
		pz -k "$KEY" $cmd
	helper read "$FID" >"$T/v1.now"
	expect_files_equal "$T/v1.orig" "$T/v1.now" "'$cmd' left the old board's bytes alone"
done
expect_fails "^pizarra: shmid $FID .*$WHY.*ipcrm -m $FID" pz -i "$FID" dump
check "the old board is still there" [ "$(shmids_of_key "$KEY")" = "$FID" ]
ipcrm -m "$FID"

# ---------------------------------------------------------------------------
section "a new board: 8 bytes a cell"
expect_status 0 pz -k "$KEY" -s 20x5 put 0 0 x
ID=$(shmids_of_key "$KEY")
[ -n "$ID" ] || abort "put made no board under $KEY"
cleanup_shmid "$ID"
check "shm_segsz is header + 20*5*8 + 5*4" [ "$(shm_field "$ID" size)" = $((HEADER + 20 * 5 * 8 + 5 * 4)) ]
if expect_status 0 pz -k "$KEY" info; then
	expect_stdout_match '^  cells +100 x 8 bytes$'
	expect_stdout_match '^  geometry +20x5$'
fi

section "every write bumps the cell's write counter"
check "x at (0,0) was written once" [ "$(counter_at "$ID" 0)" = 1 ]
check "(1,0) was never written" [ "$(counter_at "$ID" 1)" = 0 ]
expect_status 0 pz -k "$KEY" put 0 0 x
check "the same x again: written twice" [ "$(counter_at "$ID" 0)" = 2 ]
expect_status 0 pz -k "$KEY" put 0 0 y
check "y over it: three times" [ "$(counter_at "$ID" 0)" = 3 ]
expect_status 0 pz -k "$KEY" clear
check "clear writes every cell: (0,0) four times" [ "$(counter_at "$ID" 0)" = 4 ]
check "clear writes every cell: (1,0) once" [ "$(counter_at "$ID" 1)" = 1 ]
printf 'ab\n' >"$T/ab"
expect_status 0 pz -k "$KEY" load "$T/ab"
check "load writes every cell: (0,0) five times" [ "$(counter_at "$ID" 0)" = 5 ]
check "load writes every cell: (19,0) twice" [ "$(counter_at "$ID" 19)" = 2 ]
printf '\033[31mab\n' >"$T/ab.ans"
expect_status 0 pz -k "$KEY" load --ansi "$T/ab.ans"
check "load --ansi writes every cell too: (0,0) six times" [ "$(counter_at "$ID" 0)" = 6 ]
expect_status 0 pz -k "$KEY" load --ansi "$T/ab.ans"
check "the same file again moves it on: seven times (never the same word twice)" \
	[ "$(counter_at "$ID" 0)" = 7 ]
check "and (19,0), never drawn by the file, four times" [ "$(counter_at "$ID" 19)" = 4 ]
expect_status 0 pz -k "$KEY" load "$T/ab"
printf 'ab\n' >"$T/exp"
expect_dump "$T/exp" -k "$KEY"

# ---------------------------------------------------------------------------
section "dump --ansi: 256 colours, backgrounds and attributes"
# a cell: code point | fg << 21 | bg << 29 | attributes << 37 (1 bold,
# 2 underline, 4 reverse, 8 italic) | author << 41 | counter << 48
expect_status 0 pz -k "$KEY" clear
expect_status 0 helper poke64 "$ID" $((HEADER + 8 * 0)) $((0x61 | 200 << 21 | 5 << 48))
expect_status 0 helper poke64 "$ID" $((HEADER + 8 * 1)) $((0x62 | 1 << 21 | 4 << 29 | 1 << 37))
expect_status 0 helper poke64 "$ID" $((HEADER + 8 * 2)) $((0x63 | 14 << 37 | 3 << 41))
expect_status 0 helper poke64 "$ID" $((HEADER + 8 * 3)) $((0x64))
expect_status 0 helper poke64 "$ID" $((HEADER + 8 * 20)) $((0x65 | 16 << 21 | 234 << 29))
expect_status 0 helper poke64 "$ID" $((HEADER + 8 * 21)) $((0x20 | 16 << 21 | 234 << 29))
printf '\033[38;5;200ma\033[1;31;44mb\033[0;3;4;7mc\033[0md\n\033[38;5;16;48;5;234me \033[0m\n' >"$T/exp"
if expect_status 0 pz -k "$KEY" dump --ansi; then
	expect_stdout_file "$T/exp"
fi
printf 'abcd\ne \n' >"$T/exp"
expect_dump "$T/exp" -k "$KEY"

# ---------------------------------------------------------------------------
# has_code LIST CODE: LIST (;-separated) has the parameter sequence CODE.
has_code() {
	case ";$1" in
	*";$2;"*) return 0 ;;
	esac
	return 1
}

# has_codes LIST CODE...: LIST has every CODE (single parameters).
has_codes() {
	_hc_list=$1
	shift
	for _hc in "$@"; do
		has_code "$_hc_list" "$_hc" || return 1
	done
	return 0
}

section "the canvas: 256 colours, backgrounds and attributes"
ESC=$(printf '\033')
expect_status 0 pz -k "$KEY" clear
ROW3=$((HEADER + 8 * 3 * 20))
expect_status 0 helper poke64 "$ID" $((ROW3 + 0)) $((0x50 | 200 << 21))
expect_status 0 helper poke64 "$ID" $((ROW3 + 8)) $((0x51 | 2 << 21 | 4 << 29))
expect_status 0 helper poke64 "$ID" $((ROW3 + 16)) $((0x52 | 234 << 29))
expect_status 0 helper poke64 "$ID" $((ROW3 + 24)) $((0x53 | 3 << 37))
expect_status 0 helper poke64 "$ID" $((ROW3 + 32)) $((0x54 | 8 << 37))
pane_start C "$PIZARRA" -k "$KEY" view
pane_wait C 'PQRST' 2 "C (tmux-256color) shows the row"
check "P: colour 200 as it is (38;5;200)" has_code "$(pane_sgr_at PQRST C P)" '38;5;200'
check "Q: green on blue (32, 44)" has_codes "$(pane_sgr_at PQRST C Q)" 32 44
check "R: the background 234 (48;5;234)" has_code "$(pane_sgr_at PQRST C R)" '48;5;234'
check "S: bold and underline (1, 4)" has_codes "$(pane_sgr_at PQRST C S)" 1 4
check "T: italic (3)" has_code "$(pane_sgr_at PQRST C T)" '3'
pane_quit C
pane_rawcheck C "what C sent its terminal is clean"

pane_start E TERM=xterm "$PIZARRA" -k "$KEY" view
pane_wait E 'PQRST' 2 "E (TERM=xterm, 8 colours) shows the row"
check "P: colour 200 as the nearest of 8, magenta (35)" has_code "$(pane_sgr_at PQRST E P)" '35'
check "R: the background 234 as the nearest of 8, black (40)" has_code "$(pane_sgr_at PQRST E R)" '40'
pane_quit E

pane_start M TERM=vt100 "$PIZARRA" -k "$KEY" view
pane_wait M 'PQRST' 2 "M (TERM=vt100, no colour) shows the row"
check "R: a background without colours is reverse (7)" has_code "$(pane_sgr_at PQRST M R)" '7'
check "S: bold and underline without colours (1, 4)" has_codes "$(pane_sgr_at PQRST M S)" 1 4
pane_keys M C-q
pane_wait_exit M 0

finish
