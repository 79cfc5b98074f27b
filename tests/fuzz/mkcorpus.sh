#!/bin/sh
# mkcorpus.sh - (re)make the seed corpora of the fuzz targets: real board
# segments in tests/fuzz/corpus/board (made with pizarra and tests/hostile:
# empty, text, every kind of hostile cell, garbage in the slots, a header
# overwritten, cut short) and texts in tests/fuzz/corpus/load (four
# parameter bytes, then the text: plain, tabs and CRLF, wide characters,
# invalid UTF-8, controls, too wide, too tall, combining marks...).
# Run from the source tree after `make` and building tests/hostile:
#   sh tests/fuzz/mkcorpus.sh
# Files found by fuzzing (regress-*, new inputs) are left alone; those of
# the board layout version 1 (4-byte cells) were rewritten as version 2 by
# tests/fuzz/upgrade-v1.py, which keeps each cell's character, colour and
# author.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
PIZARRA=${PIZARRA:-$top/src/pizarra}
HOSTILE=${HOSTILE:-$top/tests/hostile}
KEY=$(printf '0x%08x' $(((0xCD << 24) | ($$ & 0xFFFFFF))))
B=$here/corpus/board
L=$here/corpus/load
mkdir -p "$B" "$L"

cleanup() {
	id=$("$HOSTILE" shmid "$KEY" 2>/dev/null) && ipcrm -m "$id"
	return 0
}
trap cleanup EXIT

# board NAME SIZE SETUP...: a fresh board of SIZE, SETUP run, saved as NAME.
board() {
	name=$1
	size=$2
	shift 2
	cleanup
	"$PIZARRA" -k "$KEY" -s "$size" put 0 0 . 2>/dev/null
	"$PIZARRA" -k "$KEY" clear
	"$@"
	"$HOSTILE" raw "$KEY" >"$B/$name"
}

nothing() {
	:
}

text() {
	printf 'pizarra\n\tñandú € 一二三\n  ┌─┐\n  └─┘ 😀\n' | "$PIZARRA" -k "$KEY" load -
}

hostile_rows() {
	r=0
	for c in c0 c1 del osc csi dcs sur above fmt word wide; do
		"$HOSTILE" cells "$KEY" "$c" "$r" >/dev/null
		r=$((r + 1))
	done
}

slots() {
	text
	"$HOSTILE" slots "$KEY" free >/dev/null
}

broken() {
	text
	"$HOSTILE" header "$KEY" magic 0xdeadbeef >/dev/null
}

board empty-16x4 16x4 nothing
board text-40x10 40x10 text
board hostile-64x12 64x12 hostile_rows
board slots-32x8 32x8 slots
board magic-32x8 32x8 broken
head -c 4096 "$B/text-40x10" >"$B/short-header"
head -c 9000 "$B/text-40x10" >"$B/short-cells"
: >"$B/empty-file"

# load NAME COLS ROWS COL ROW FORMAT: parameter bytes, then printf FORMAT.
load() {
	name=$1
	fmt=$6
	# shellcheck disable=SC2059 # octal escapes on purpose
	{
		printf "\\$(printf '%03o' $(($2 - 16)))\\$(printf '%03o' $(($3 - 4)))"
		printf "\\$(printf '%03o' "$4")\\$(printf '%03o' "$5")"
		printf "$fmt"
	} >"$L/$name"
}

load plain 40 10 0 0 'hello\nworld\n'
load canonical 20 8 2 1 '\nab  cd\n\n 1 2 3'
load tabs-crlf 40 10 3 2 'a\tb\tc\r\nd\r\n\te'
load wide 24 6 5 1 '一二三 ñandú €\n😀x'
load wide-edge 16 4 0 0 'fifteen chars一\n'
load invalid-utf8 40 10 0 0 'ok \303\050 \377 \355\240\200 \300\200'
load controls 40 10 1 1 'esc \033]0;PWND\007 del \177 c1 \302\233'
load too-wide 16 4 0 0 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'
load too-tall 16 4 0 0 '1\n2\n3\n4\n5\n6\n'
load combining 20 5 0 0 'e\314\201 a\342\200\213b \357\273\277'
load empty 16 4 0 0 ''
load newlines 16 4 0 0 '\n\n\n'
load spaces 30 6 4 4 'a  \n   \nb '
echo "seeds: $(find "$B" -type f | wc -l) in $B, $(find "$L" -type f | wc -l) in $L"
