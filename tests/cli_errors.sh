#!/bin/sh
# cli_errors.sh - every failure of the command line: exit status 1, exactly
# one line on stderr naming what failed, and the board unchanged (dump and
# generation identical before and after). Covers load (missing file,
# invalid UTF-8, too wide, too many lines, control characters), put (does
# not fit, outside the board, control characters), a missing -f key file,
# -s too small or too large (a usage error naming the range), and foreign
# segments under the key (too small, wrong magic, corrupt header, empty
# header), which every command must refuse without touching them.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin helper

KEY2=$(test_key 1)
KEY3=$(test_key 2)
KEY4=$(test_key 3)
HEADER=8192    # sizeof(struct board_header)
ME=$(id -un)

# generation: the board's generation counter (bumped by every change).
generation() {
	pz -k "$KEY" info --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["board"]["generation"])'
}

# snapshot: remember the board's dump and generation.
snapshot() {
	pz -k "$KEY" dump >"$T/before" || fail "dump for the snapshot failed"
	GEN_BEFORE=$(generation)
}

# unchanged WHAT: the board's dump and generation are as in the snapshot.
unchanged() {
	pz -k "$KEY" dump >"$T/after" || fail "dump after $1 failed"
	expect_files_equal "$T/before" "$T/after" "board content unchanged after $1"
	check "generation unchanged after $1" [ "$(generation)" = "$GEN_BEFORE" ]
}

# load_fails REGEX FILE: load FILE fails naming FILE, and changes nothing.
load_fails() {
	expect_fails "^pizarra: $2: $1.*; the board was not changed\$" pz -k "$KEY" load "$2"
	unchanged "load $(basename "$2")"
}

# put_fails REGEX COL ROW TEXT: put fails and changes nothing.
put_fails() {
	expect_fails "^pizarra: put: $1.*; the board was not changed\$" pz -k "$KEY" put "$2" "$3" "$4"
	unchanged "put $2 $3"
}

# ---------------------------------------------------------------------------
section "a 20x5 board to fail on"
expect_status 0 pz -k "$KEY" -s 20x5 put 0 0 x
ID=$(shmids_of_key "$KEY")
cleanup_shmid "$ID"
printf 'first line\n  ┌─┐ ñ 漢\n  └─┘\n\nlast line, row 5\n' >"$T/content"
expect_status 0 pz -k "$KEY" load "$T/content"
snapshot
check "the snapshot is the loaded file" cmp -s "$T/before" "$T/content"

section "load: missing, unreadable files"
load_fails 'No such file or directory' "$T/no-such-file"
load_fails 'Is a directory' "$T"

section "load: invalid UTF-8"
printf 'ok\n\377bad\n' >"$T/bad-ff"
load_fails 'line 2, .*invalid UTF-8' "$T/bad-ff"
printf 'over\300\257long\n' >"$T/bad-overlong"
load_fails 'line 1, .*invalid UTF-8' "$T/bad-overlong"
printf 'surrogate \355\240\200\n' >"$T/bad-surrogate"
load_fails 'line 1, .*invalid UTF-8' "$T/bad-surrogate"
printf 'a\nb\ntruncated \342\224' >"$T/bad-truncated"
load_fails 'line 3, .*invalid UTF-8' "$T/bad-truncated"
printf 'latin1 \361and\372\n' >"$T/bad-latin1"
load_fails 'line 1, .*invalid UTF-8' "$T/bad-latin1"

section "load: errors name the line, and the column and byte within that line"
printf 'first line\nsecond\n  xy\377 rest\n' >"$T/bad-deep"
load_fails 'line 3, column 5: invalid UTF-8 \(byte 0xff, byte 5 of the line\)' "$T/bad-deep"
printf 'a\n\t\342\224\200\355\240\200\n' >"$T/bad-after-tab"
load_fails 'line 2, column 10: invalid UTF-8 \(byte 0xed, byte 5 of the line\)' "$T/bad-after-tab"

section "load: binary data and endless input stop at the first problem"
# Read while checking: the first bad byte ends the read, however much follows
# (the writer is still writing when pizarra gives up).
# shellcheck disable=SC2016 # expanded by the inner sh
expect_fails "^pizarra: standard input: line 2, column 1: invalid UTF-8 \\(byte 0xff, byte 1 of the line\\); the board was not changed\$" \
	sh -c '{ printf "ok\\n\\377"; cat /dev/zero; } | "$1" -k "$2" load -' sh "$PIZARRA" "$KEY"
unchanged "load of endless binary data"
# shellcheck disable=SC2016 # expanded by the inner sh
expect_fails "^pizarra: standard input: line 1, column 1: U\\+0000 cannot be drawn" \
	sh -c 'cat /dev/zero | "$1" -k "$2" load -' sh "$PIZARRA" "$KEY"
# shellcheck disable=SC2016 # expanded by the inner sh
expect_fails "^pizarra: standard input: more than 10000 lines, more than any board has rows; the board was not changed\$" \
	sh -c 'yes | "$1" -k "$2" load -' sh "$PIZARRA" "$KEY"
# shellcheck disable=SC2016 # expanded by the inner sh
expect_fails "^pizarra: standard input: line 1 is more than 10000 columns wide, wider than any board; the board was not changed\$" \
	sh -c 'yes | tr -d "\\n" | "$1" -k "$2" load -' sh "$PIZARRA" "$KEY"
unchanged "load of endless lines"

section "load: a UTF-8 byte order mark at the start is skipped"
printf '\357\273\277with a BOM\n' >"$T/bom"
printf 'with a BOM\n' >"$T/bom-exp"
expect_status 0 pz -k "$KEY" load "$T/bom"
expect_dump "$T/bom-exp" -k "$KEY"
printf 'a BOM\357\273\277 inside\n' >"$T/bom-inside"
expect_status 0 pz -k "$KEY" load "$T/content"
snapshot
load_fails 'line 1, column 6: U\+FEFF cannot be drawn' "$T/bom-inside"

section "paths with control characters are shown escaped"
BADNAME=$(printf 'bad\033]0;owned\007name\nnext')
expect_fails "^pizarra: $T/bad\\\\e]0;owned\\\\x07name\\\\nnext: No such file or directory; the board was not changed\$" \
	pz -k "$KEY" load "$T/$BADNAME"
expect_fails "^pizarra: key file $T/bad\\\\e]0;owned\\\\x07name\\\\nnext: No such file or directory" \
	pz -f "$T/$BADNAME" dump
check "no ESC or BEL reached stderr" [ "$(tr -d '\033\007' <"$T/err" | wc -c)" -eq "$(wc -c <"$T/err")" ]
: >"$T/$BADNAME"
printf 'x\001\n' >"$T/$BADNAME"
expect_fails "^pizarra: $T/bad\\\\e]0;owned\\\\x07name\\\\nnext: line 1, column 2: U\\+0001" pz -k "$KEY" load "$T/$BADNAME"
rm -f "$T/$BADNAME"

section "load: too wide, too many lines"
printf '123456789012345678901\n' >"$T/wide21"
load_fails "line 1 is 21 columns wide, the board has 20 columns" "$T/wide21"
printf 'ok\n1234567890123456789漢\n' >"$T/wide-cjk"
load_fails "line 2 is 21 columns wide, the board has 20 columns" "$T/wide-cjk"
printf '1234567890123456\t\n' >"$T/wide-tab"
printf '1\n2\n3\n4\n5\n6\n' >"$T/lines6"
load_fails 'the text has 6 lines, the board has 5 rows' "$T/lines6"
printf '1\n2\n3\n4\n5\n\n\n' >"$T/lines5-trailing"

section "load: characters that cannot be drawn"
printf 'esc \033[31mred\n' >"$T/ctl-esc"
load_fails 'line 1, column 5: U\+001B cannot be drawn' "$T/ctl-esc"
printf 'ok\nbell\007\n' >"$T/ctl-bel"
load_fails 'line 2, column 5: U\+0007 cannot be drawn' "$T/ctl-bel"
printf 'cr\ralone\n' >"$T/ctl-cr"
load_fails 'line 1, column 3: U\+000D cannot be drawn' "$T/ctl-cr"
printf 'nul\000\n' >"$T/ctl-nul"
load_fails 'line 1, column 4: U\+0000 cannot be drawn' "$T/ctl-nul"
printf 'del\177\n' >"$T/ctl-del"
load_fails 'line 1, column 4: U\+007F cannot be drawn' "$T/ctl-del"
printf 'csi\302\233\n' >"$T/ctl-c1"
load_fails 'line 1, column 4: U\+009B cannot be drawn' "$T/ctl-c1"
printf 'zero\342\200\213width\n' >"$T/zw"
load_fails 'line 1, column 5: U\+200B cannot be drawn' "$T/zw"

section "load: the limits themselves are fine"
printf '12345678901234567890\n2\n3\n4\n12345678901234567漢\n' >"$T/exact"
expect_status 0 pz -k "$KEY" load "$T/exact"
expect_stderr_empty
expect_status 0 pz -k "$KEY" dump
expect_stdout_file "$T/exact"
expect_status 0 pz -k "$KEY" load "$T/lines5-trailing"
# A tab past the last column stops at the edge.
expect_status 0 pz -k "$KEY" load "$T/wide-tab"
expect_status 0 pz -k "$KEY" load "$T/content"
snapshot

section "put: does not fit, outside the board, cannot be drawn"
put_fails "the text is 3 columns wide: from column 18 it needs columns 18-20, but the board's columns are 0-19" 18 0 abc
put_fails "the text is 2 columns wide: from column 19 it needs columns 19-20, but the board's columns are 0-19" 19 1 漢
put_fails "the text has 2 lines: from row 4 it needs rows 4-5, but the board's rows are 0-4" 0 4 "$(printf 'a\nb')"
put_fails 'position 20,0 is outside the 20x5 board \(columns 0-19, rows 0-4\)' 20 0 x
put_fails 'position 0,5 is outside the 20x5 board \(columns 0-19, rows 0-4\)' 0 5 x
put_fails 'position 65535,65535 is outside the 20x5 board' 65535 65535 x
# The text is checked before the board is opened: no "put: " context there.
expect_fails '^pizarra: put: TEXT: line 1, column 2: U\+001B cannot be drawn.*; the board was not changed$' \
	pz -k "$KEY" put 0 0 "$(printf 'a\033[2Jb')"
unchanged "put of ESC"
expect_fails '^pizarra: put: TEXT: line 1, column 2: invalid UTF-8 \(byte 0xff, byte 2 of the line\); the board was not changed$' \
	pz -k "$KEY" put 0 0 "$(printf 'a\377')"
unchanged "put of invalid UTF-8"
expect_fails '^pizarra: put: TEXT: line 2, column 1: U\+0008 cannot be drawn' \
	pz -k "$KEY" put 0 0 "$(printf 'a\n\bb')"
unchanged "put of BS"

section "the parenthesised reasons of put describe the board, not what is left of it"
put_fails "the text is 3 columns wide: from column 18 it needs columns 18-20" 18 0 abc
expect_stderr_nomatch "the board's 2 columns"
put_fails "the text has 2 lines: from row 4 it needs rows 4-5" 0 4 "$(printf 'a\nb')"
expect_stderr_nomatch 'more than 1 lines'

section "the size of a new board is decided, and checked against the text, before shmget"
# With -s, text that does not fit is refused before any board is made.
expect_fails "^pizarra: put: the text at that position needs a 501x60 board, but -s asks for 200x60; no board was created \\(give -s a larger size, or leave it out\\)\$" \
	pz -k "$KEY2" -s 200x60 --trace put 500 0 x
expect_stderr_nomatch 'created a'
expect_stderr_nomatch 'IPC_CREAT'
expect_stderr_nomatch 'IPC_RMID'
check "no segment under $KEY2 after the refused put" [ "$(shm_count_key "$KEY2")" -eq 0 ]
awk 'BEGIN { for (i = 0; i < 201; i++) printf "a"; print "" }' >"$T/wide201"
expect_fails "^pizarra: $T/wide201 needs a 201x60 board, but -s asks for 200x60; no board was created" \
	pz -k "$KEY2" -s 200x60 --trace load "$T/wide201"
expect_stderr_nomatch 'created a'
expect_stderr_nomatch 'IPC_CREAT'
check "no segment under $KEY2 after the refused load" [ "$(shm_count_key "$KEY2")" -eq 0 ]
expect_fails "^pizarra: $T/lines6 needs a 20x6 board, but -s asks for 20x5; no board was created" \
	pz -k "$KEY2" -s 20x5 load "$T/lines6"
check "no segment under $KEY2 after the refused load of 6 lines" [ "$(shm_count_key "$KEY2")" -eq 0 ]
# Without -s, a new board is at least the default size and large enough for the text.
if expect_status 0 pz -k "$KEY2" load "$T/wide201"; then
	expect_stderr_match "^pizarra: created a 201x60 board at key $KEY2 "
fi
cleanup_shmid "$(shmids_of_key "$KEY2")"
expect_dump "$T/wide201" -k "$KEY2"
pz -k "$KEY2" rm >/dev/null
awk 'BEGIN { for (i = 1; i <= 75; i++) print i }' >"$T/lines75"
if expect_status 0 pz -k "$KEY2" load "$T/lines75"; then
	expect_stderr_match "^pizarra: created a 200x75 board at key $KEY2 "
fi
cleanup_shmid "$(shmids_of_key "$KEY2")"
expect_dump "$T/lines75" -k "$KEY2"
pz -k "$KEY2" rm >/dev/null
if expect_status 0 pz -k "$KEY2" put 500 70 x; then
	expect_stderr_match "^pizarra: created a 501x71 board at key $KEY2 "
fi
cleanup_shmid "$(shmids_of_key "$KEY2")"
pz -k "$KEY2" rm >/dev/null
# Beyond any board: refused before shmget too.
expect_fails "^pizarra: put: the text at that position: 65536 columns are needed, and a board has at most 10000; no board was created\$" \
	pz -k "$KEY2" --trace put 65535 0 x
expect_stderr_nomatch 'IPC_CREAT'
expect_fails "^pizarra: put: the text at that position: a 10000x2000 board would be needed: 20000000 cells, and a board has at most 16777216; no board was created" \
	pz -k "$KEY2" put 9999 1999 x
# A missing file or invalid text is found before the board is created.
expect_fails "^pizarra: $T/no-such-file: No such file" pz -k "$KEY2" load "$T/no-such-file"
expect_fails "^pizarra: $T/ctl-esc: line 1, column 5: U\\+001B" pz -k "$KEY2" load "$T/ctl-esc"
expect_fails '^pizarra: put: TEXT: ' pz -k "$KEY2" put 0 0 "$(printf '\033')"
check "no segment under $KEY2 at all" [ "$(shm_count_key "$KEY2")" -eq 0 ]

section "missing -f key file"
expect_fails "^pizarra: key file $T/no-key-file: No such file or directory; name an existing file with -f or give a key with -k\$" \
	pz -f "$T/no-key-file" dump
expect_fails "^pizarra: key file $T/no-key-file: No such file or directory" \
	pz -f "$T/no-key-file" -p 9 put 0 0 x
expect_fails "^pizarra: key file $T/no-key-file: No such file or directory" \
	pz -f "$T/no-key-file" info
expect_fails "^pizarra: key file $T/no-key-file: No such file or directory" \
	pz -f "$T/no-key-file" rm

section "-s too small or too large: a usage error naming the range"
expect_usage_error "^pizarra: -s: '4x2': 4 columns is out of range \\(16-10000\\) \\(try 'pizarra --help'\\)\$" pz -k "$KEY2" -s 4x2 put 0 0 x
expect_usage_error "^pizarra: -s: '15x4': 15 columns is out of range" pz -k "$KEY2" -s 15x4 put 0 0 x
expect_usage_error "^pizarra: -s: '16x3': 3 rows is out of range \\(4-10000\\)" pz -k "$KEY2" -s 16x3 load "$T/content"
expect_usage_error "^pizarra: -s: '0x0': 0 columns is out of range" pz -k "$KEY2" -s 0x0 put 0 0 x
expect_usage_error "^pizarra: -s: '100000x100000': 100000 columns is out of range" pz -k "$KEY2" -s 100000x100000 put 0 0 x
expect_usage_error "^pizarra: -s: '10001x4': 10001 columns is out of range \\(16-10000\\)" pz -k "$KEY2" -s 10001x4 put 0 0 x
expect_usage_error "^pizarra: -s: '16x10001': 10001 rows is out of range \\(4-10000\\)" pz -k "$KEY2" -s 16x10001 put 0 0 x
# 9999x9999 is within both the column and the row limit: the message must
# say that the cell count is what is too large (and how large it is).
expect_usage_error "^pizarra: -s: '9999x9999': 99980001 cells is out of range \\(at most 16777216\\)" pz -k "$KEY2" -s 9999x9999 put 0 0 x
expect_usage_error "^pizarra: -s: '10000x1678': 16780000 cells is out of range" pz -k "$KEY2" -s 10000x1678 put 0 0 x
# A size beyond the parser's limit is just as out of range, not malformed, and never wraps.
expect_usage_error "^pizarra: -s: '1000001x4': 1000001 columns is out of range" pz -k "$KEY2" -s 1000001x4 put 0 0 x
expect_usage_error "^pizarra: -s: '4294967312x4': 4294967312 columns is out of range" pz -k "$KEY2" -s 4294967312x4 put 0 0 x
check "no segment under $KEY2 after the size errors" [ "$(shm_count_key "$KEY2")" -eq 0 ]

# ---------------------------------------------------------------------------
# foreign KEY SIZE NAME: create a segment that is not a pizarra board under
# KEY, SIZE bytes, filled from $T/NAME.img; sets FID.
foreign() {
	FID=$(helper create "$1" "$2" 0600)
	if [ -z "$FID" ]; then
		fail "cannot create the foreign segment under $1"
		return 1
	fi
	cleanup_shmid "$FID"
	if ! helper write "$FID" <"$T/$3.img"; then
		fail "cannot fill the foreign segment $FID"
		return 1
	fi
	helper read "$FID" >"$T/$3.orig"
	check "foreign segment $FID holds $3.img" cmp -s "$T/$3.img" "$T/$3.orig"
}

# refused_by_all KEY SIZE NAME WHY: every command refuses the foreign segment
# FID under KEY with a message naming key, shmid, owner and size and
# suggesting ipcrm -m FID, and leaves it as it was.
refused_by_all() {
	_f_key=$1
	_f_size=$2
	_f_name=$3
	_f_why=$4
	_f_mode=$(shm_field "$FID" perms)
	for cmd in dump info "put 0 0 x" "load $T/content" clear rm "chmod 0666" "chown $ME" "dump --ansi"; do
		# shellcheck disable=SC2086 # split the command's operands
		expect_fails "^pizarra: .*is not a usable pizarra board: $_f_why" pz -k "$_f_key" $cmd
		expect_stderr_match "key $_f_key"
		expect_stderr_match "shmid ${FID}[,)]"
		expect_stderr_match "owner $ME"
		expect_stderr_match "$_f_size bytes"
		expect_stderr_match "ipcrm -m $FID\`"
		helper read "$FID" >"$T/$_f_name.now" 2>"$T/helper.err"
		expect_files_equal "$T/$_f_name.orig" "$T/$_f_name.now" "'$cmd' left the foreign segment's bytes alone"
		check "the foreign segment $FID still exists under $_f_key after '$cmd'" \
			[ "$(shmids_of_key "$_f_key")" = "$FID" ]
		check "its mode is still $_f_mode after '$cmd'" [ "$(shm_field "$FID" perms)" = "$_f_mode" ]
		check "nobody is left attached after '$cmd'" [ "$(shm_field "$FID" nattch)" = 0 ]
	done
	# Named by shmid, it is refused the same way.
	expect_fails "^pizarra: shmid $FID .*is not a usable pizarra board: $_f_why.*ipcrm -m $FID" pz -i "$FID" dump
	expect_fails "^pizarra: shmid $FID .*is not a usable pizarra board" pz -i "$FID" put 0 0 x
	# info -i still shows the segment's shmid_ds, and why it is no board.
	if expect_status 0 pz -i "$FID" info; then
		expect_stderr_empty
		expect_stdout_match "^  shmid +$FID\$"
		expect_stdout_match "^  shm_segsz +$_f_size\$"
		expect_stdout_match "^  none +not a pizarra board: $_f_why; it was left untouched; it is yours: \`ipcrm -m $FID\` removes it if nothing needs it\$"
		expect_stdout_nomatch '^clients'
	fi
	if expect_status 0 pz -i "$FID" info --json; then
		check "info --json -i $FID: board is null, and not_board says why" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(not (d["board"] is None and d["not_board"].startswith("not a pizarra board: ") and d["shmid"] == int(sys.argv[2])))' "$T/out" "$FID"
	fi
	helper read "$FID" >"$T/$_f_name.now"
	expect_files_equal "$T/$_f_name.orig" "$T/$_f_name.now" "-i $FID left the foreign segment's bytes alone"
	check "nobody is left attached after info -i" [ "$(shm_field "$FID" nattch)" = 0 ]
}

section "a foreign segment of 100 bytes under the key"
awk 'BEGIN { for (i = 0; i < 100; i++) printf "%c", 65 + i % 26 }' >"$T/small.img"
if foreign "$KEY2" 100 small; then
	refused_by_all "$KEY2" 100 small '100 bytes is too small for a board'
fi

section "a foreign segment with the wrong magic under the key"
awk 'BEGIN { for (i = 0; i < 4096; i++) printf "not-a-board %04d\n", i }' >"$T/magic.img"
MSIZE=$(wc -c <"$T/magic.img")
MSIZE=$((MSIZE + 0))
if foreign "$KEY3" "$MSIZE" magic; then
	refused_by_all "$KEY3" "$MSIZE" magic 'not a pizarra board \(magic 0x2d746f6e, expected 0x41525a50\)'
fi

section "a segment with a pizarra magic but a geometry larger than the segment"
# Header: magic, version, header_size, cols, rows, nslots; 200x60 claimed in
# a segment with room for 100 cells only.
head -c $((HEADER + 400)) /dev/zero >"$T/corrupt.img"
CSIZE=$((HEADER + 400))
if foreign "$KEY4" "$CSIZE" corrupt; then
	helper poke32 "$FID" 4 2
	helper poke32 "$FID" 8 "$HEADER"
	helper poke32 "$FID" 12 200
	helper poke32 "$FID" 16 60
	helper poke32 "$FID" 20 127
	helper poke32 "$FID" 0 0x41525A50
	helper read "$FID" >"$T/corrupt.orig"
	refused_by_all "$KEY4" "$CSIZE" corrupt "corrupt pizarra header: 200x60 needs $((HEADER + 200 * 60 * 8 + 60 * 4)) bytes, the segment has $CSIZE"
	ipcrm -m "$FID"
fi

section "a segment whose header stays empty (a creator that died, or not a board)"
head -c 65536 /dev/zero >"$T/zero.img"
if foreign "$KEY4" 65536 zero; then
	# Waits for a creator to publish the header, then gives up (2 s).
	expect_fails "^pizarra: key $KEY4 \\(shmid $FID, owner $ME, 65536 bytes\\) is not a usable pizarra board: its header stayed empty.*ipcrm -m $FID" \
		pz -k "$KEY4" put 0 0 x
	helper read "$FID" >"$T/zero.now"
	expect_files_equal "$T/zero.orig" "$T/zero.now" "put left the empty segment's bytes alone"
	check "the empty segment still exists" [ "$(shmids_of_key "$KEY4")" = "$FID" ]
fi

section "the interactive board without a terminal creates nothing"
ipcrm -M "$KEY4" 2>/dev/null
expect_fails '^pizarra: the interactive board needs a terminal' pz -k "$KEY4" </dev/null
expect_fails '^pizarra: the interactive board needs a terminal' pz -k "$KEY4" draw </dev/null
check "no board under $KEY4 after draw without a terminal" [ "$(shm_count_key "$KEY4")" -eq 0 ]
if command -v script >/dev/null 2>&1; then
	TERM=no-such-terminal script -qec "$PIZARRA -k $KEY4" /dev/null >"$T/out" 2>&1 </dev/null
	check "an unknown TERM is named" grep -q 'TERM=no-such-terminal is unknown' "$T/out"
	check "no board under $KEY4 after an unknown TERM" [ "$(shm_count_key "$KEY4")" -eq 0 ]
fi

finish
