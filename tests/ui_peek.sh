#!/bin/sh
# ui_peek.sh - `pizarra peek`, through tmux, on foreign segments:
#   - the lecture's ten ints (under a key, -k), held by a program of their
#     own: offset, hex and characters; int32, int64, float, double, chars
#     (F2); shm_nattch one more while peek runs, and back when it quits; the
#     sidebar's shmid_ds and attaches (itself ro, the holder rw);
#   - a value changed by another program appears within a second, lit, and
#     the light goes out;
#   - peek writes nothing: the checksum of every byte is the same after it,
#     also of a board (and its generation);
#   - F3 jumps to an offset; one out of range, or not a number, is refused
#     in one clear line;
#   - edge cases: a segment of one byte and one of five (elements the
#     segment ends inside), one marked dest (by -i), one that is a board
#     (named fields);
#   - bytes that are escape sequences never reach the terminal, and the
#     pane's title stays;
#   - idle, peek looks less often: its CPU time and context switches over
#     3 s stay under those of a fixed 100 ms pace;
#   - without read permission (nobody, a 0600 segment), one line says whose
#     it is, its mode and the least mode that lets them read; with 0604
#     nobody peeks; bad naming and operands are refused.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
# shellcheck source=lib/foreign.sh
. "$TESTS_SRCDIR/lib/foreign.sh"
test_begin panes
foreign_init

ESC=$(printf '\033')

# lit_on NAME TEXT VALUE: a line of NAME's screen with TEXT (escape codes may stand
# before it, so no ^) shows VALUE in the changed look
# (a yellow background, SGR 43).
lit_on() {
	pane_tmux "$1" capture-pane -p -e >"$T/$1.ecap"
	grep -a -- "$2" "$T/$1.ecap" | grep -aq "${ESC}\\[[0-9;]*43m *[0-9a-f]*$3"
}

not_lit_on() {
	! lit_on "$@"
}

# ---------------------------------------------------------------------------
section "the lecture's ten ints, peeked by key"
foreign_new INTS ints "$KEY" 10
holder_start lecture "$INTS" rw
SUM0=$(foreign sum "$INTS")
pane_start P "$PIZARRA" -k "$KEY" peek
pane_wait P '^00000000  00 00 00 00 01 00 00 00  02 00 00 00 03 00 00 00  \.{16} ' 2 \
    "P shows the bytes: offset, hex, characters"
pane_wait P '^00000020  08 00 00 00 09 00 00 00 ' 2 "... and the last row ends at byte 40"
pane_wait P "PEEK +shmid $INTS, 40 bytes, as bytes, read-only" 2 "P's status line names the segment"
wait_nattch "$INTS" 2
pane_wait P 'shm_nattch +2' 2 "P's sidebar shows shm_nattch 2"
pane_wait P "$(pane_pid P) +pizarra +ro 0x" 3 "P's sidebar lists its own attach, read-only"
pane_wait P "$(holder_pid lecture) +lecture +rw 0x" 3 "... and the holder's, read-write"
pane_wait P 'shm_perm.key +'"$KEY" 2 "P's sidebar shows the key"

section "formats (F2)"
pane_keys P F2
pane_wait P '^00000000 +0 +1 +2 +3 ' 2 "int32: 0 1 2 3"
pane_wait P '^00000020 +8 +9 ' 2 "int32: the last row, 8 9"
pane_wait P '^0x00000000 int32 = 0  bytes 00 00 00 00' 2 "the first line describes the cursor"
pane_keys P F2
pane_wait P '^00000000 +4294967296 +12884901890 ' 2 "int64: 1 << 32, then 3 << 32 | 2"
pane_keys P F2
pane_wait P '^00000000 +0 +1[.]401298e-45 +2[.]802597e-45 +4[.]203895e-45 ' 2 "float"
pane_keys P F2
pane_wait P '^00000000 +2[.]121996e-314 +6[.]365987e-314 ' 2 "double"
pane_keys P F2
pane_wait P '^00000000  [.]{40} ' 2 "chars: every byte a dot (none is printable)"
pane_keys P F2 F2
pane_wait P '^00000000 +0 +1 +2 +3 ' 2 "back to int32"

section "another program changes a value: it appears within a second, lit"
foreign set32 "$INTS" 3 42 || abort "foreign set32 failed"
CHECKS=$((CHECKS + 1))
if poll_cs 100 pane_shows P '^00000000 +0 +1 +2 +42 '; then
	pass "42 appeared within a second"
else
	fail "42 did not appear within a second"
	pane_show_capture P
fi
check "it is lit" lit_on P '00000000  ' 42
check "the light goes out within 3 s" poll 3 not_lit_on P '00000000  ' 42
pane_still P '^00000000 +0 +1 +2 +42 ' "the value stays"
SUM1=$(foreign sum "$INTS")
check "the change is the other program's: the checksum moved" [ "$SUM1" != "$SUM0" ]

section "F3: jump to an offset"
pane_keys P F3
pane_wait P 'Offset \(0-39, decimal or 0x hex\): 0x' 2 "F3 asks for an offset (0x typed for you)"
pane_type P 24
pane_keys P Enter
pane_wait P '^0x00000024 int32 = 9  bytes 09 00 00 00' 2 "0x24: the cursor is on the int 9"
pane_keys P F3 BSpace BSpace
pane_type P 40
pane_keys P Enter
pane_wait P "offset '40' is out of range 0-39 \\(0x0-0x27\\)" 2 \
    "offset 40 is refused, naming the range"
pane_keys P F3 BSpace BSpace
pane_type P zz
pane_keys P Enter
pane_wait P "offset 'zz' is not a number: decimal, or 0x and hex digits" 2 "zz is refused"
pane_keys P Home
pane_wait P '^0x00000000 int32 = 0 ' 2 "Home: back to offset 0"

section "idle: peek looks less often"
line=$(usage_of 3000 "$(pane_pid P)")
cpu=$(usage_cpu "$line")
sw=$(usage_switches "$line")
echo "peek, idle, over 3 s: $line"
check "idle: CPU ${cpu:-?} ms <= 90 ms in 3 s" [ "${cpu:-9999}" -le 90 ]
check "idle: ${sw:-?} context switches <= 20 in 3 s (a fixed 100 ms pace alone is 30)" \
    [ "${sw:-9999}" -le 20 ]

section "peek quits: shm_nattch back, nothing written"
pane_quit P
wait_nattch "$INTS" 1
check "the checksum is what the other program left (peek wrote nothing)" \
    [ "$(foreign sum "$INTS")" = "$SUM1" ]

section "edge cases: one byte, five bytes, dest"
foreign_new ONE random 0 1 9
pane_start O "$PIZARRA" -i "$ONE" peek
pane_wait O "shmid $ONE, 1 byte, as bytes" 2 "O: a segment of one byte"
pane_wait O '^00000000  [0-9a-f]{2}  +[ -~]  ' 2 "O: one byte and its character"
pane_keys O F2
pane_wait O '^00000000 +-{11} ' 2 "O as int32: an element the segment ends inside"
pane_quit O
foreign_new FIVE5 random 0 5 11
pane_start F "$PIZARRA" -i "$FIVE5" peek
pane_keys F F2
pane_wait F '^00000000 +-?[0-9]+ +-{11} ' 2 "F (5 bytes) as int32: one int, then one the segment ends inside"
pane_quit F
foreign_new DEST ints 0 4
holder_start keeper "$DEST" ro
ipcrm -m "$DEST" || abort "ipcrm failed"
pane_start D "$PIZARRA" -i "$DEST" peek
pane_wait D '^00000000  00 00 00 00 01 00 00 00  02 00 00 00 03 00 00 00' 2 \
    "D peeks a segment marked dest, by shmid"
pane_wait D 'dest +yes' 2 "D's sidebar: dest yes"
pane_wait D 'shm_perm.key +0x00000000' 2 "D's sidebar: its key is gone"
pane_quit D
holder_stop keeper
check "the dest segment is gone at its last detach" poll 3 shm_gone "$DEST"

section "a board, peeked: named fields, nothing written"
holder_stop lecture
ipcrm -m "$INTS"
pz -k "$KEY" -s 20x4 put 0 0 'hola' 2>/dev/null || abort "put failed"
BOARD=$(board_shmid "$KEY")
GEN0=$(pz -k "$KEY" info --json | sed -n 's/.*"generation":\([0-9]*\).*/\1/p')
BSUM=$(foreign sum "$BOARD")
pane_start B "$PIZARRA" -k "$KEY" peek
pane_wait B 'a pizarra board' 2 "B's status line says it is a board"
pane_wait B '^0x00000000 magic = 1095916112 \(0x41525a50\)' 2 "the first line names the field: magic"
pane_wait B '^00000000  50 5a 52 41 02 00 00 00  00 20 00 00 14 00 00 00  PZRA' 2 \
    "the bytes: PZRA, version 2, header 8192, 20 columns"
pane_keys B F3 BSpace BSpace
pane_type B 8192
pane_keys B Enter
pane_wait B "^0x00002000 cells\\[0\\]\\[0\\] = 0x0001000000000068: 'h' U\\+0068 fg 0 bg 0 author 0" 2 \
    "at 8192, the first cell: 'h', colour 0, author 0 (put), written once"
pane_quit B
check "the board's bytes are as they were" [ "$(foreign sum "$BOARD")" = "$BSUM" ]
check "its generation did not move ($GEN0)" \
    [ "$(pz -k "$KEY" info --json | sed -n 's/.*"generation":\([0-9]*\).*/\1/p')" = "$GEN0" ]

section "hostile bytes never reach the terminal"
foreign_new EVIL random 0 256 5
printf '\033]0;PWNED\007\033[2J\033[31mred\033(0\016\033P1$r\033\\\233m\r\n\010' |
    helper write "$EVIL" 0 || abort "hostile write failed"
pane_start E "$PIZARRA" -i "$EVIL" peek
pane_wait E '^00000000  1b 5d 30 3b 50 57 4e 45  44 07 1b 5b 32 4a 1b 5b  [.]\]0;PWNED[.][.]\[2J[.]\[' 2 \
    "E shows the escape sequences as hex and dots"
pane_keys E F2 F2 F2 F2 F2
pane_wait E '^00000000  [.]\]0;PWNED[.][.]\[2J[.]\[31mred[.]\(0[.][.]P1\$r[.]\\[.]m[.][.][.]' 2 \
    "E as characters: every control byte a dot"
pane_title_safe E PWNED
pane_quit E
pane_rawcheck E "what E sent its terminal is clean (no OSC, no stray controls)"

section "permissions: nobody, and the refusals"
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1 ||
    ! setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
	echo "not root or no setpriv: the permission checks are skipped"
else
	AS_NOBODY="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	PZN=$PIZARRA
	# shellcheck disable=SC2086
	if ! $AS_NOBODY test -x "$PIZARRA"; then
		PUB=$(mktemp -d "${TMPDIR:-/tmp}/pizarra-ui-peek.XXXXXX") || exit 99
		cleanup_path "$PUB"
		chmod 755 "$PUB"
		cp "$PIZARRA" "$PUB/pizarra" && chmod 755 "$PUB/pizarra"
		PZN=$PUB/pizarra
	fi
	foreign_new PRIV ints 0 10
	# shellcheck disable=SC2086
	pane_start --ready= N $AS_NOBODY "$PZN" -i "$PRIV" peek
	pane_wait_exit N 1
	pane_tmux N capture-pane -p -J >"$T/N.joined"
	check "nobody is told in one line whose it is, its mode and the least mode (0644)" \
	    grep -q "^pizarra: shmid $PRIV belongs to root, mode 0600 (rw-------): you may not read it; root can let you read it with mode 0644 (everyone: you are not in group root)" "$T/N.joined"
	pane_wait N '^\[pizarra exited 1; tty restored\]' 2 "nobody's terminal is as it was"
	foreign_new OPEN ints 0 10 0604
	# shellcheck disable=SC2086
	pane_start M $AS_NOBODY "$PZN" -i "$OPEN" peek
	pane_wait M '^00000000  00 00 00 00 01 00 00 00 ' 2 "with 0604, nobody peeks"
	pane_quit M
fi
expect_usage_error "peek: expects no operands" pz -i 1 peek extra
pz -k "$KEY" rm >/dev/null || abort "pizarra rm failed"
expect_fails "no segment exists at key $KEY; .pizarra ls. lists every segment" pz -k "$KEY" peek
expect_fails "no segment has shmid 2147483000" pz -i 2147483000 peek
foreign_new LAST ints 0 1
expect_fails "pizarra peek needs a terminal; .pizarra ls. lists the segments" pz -i "$LAST" peek

finish
