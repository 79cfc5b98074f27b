#!/bin/sh
# cli_board.sh - the board's content through the command line: put, dump
# (plain and --ansi), load (file, standard input, tabs, CRLF, trimming),
# clear; creation by put and refusal of the other commands on a missing
# board; -s and -m when creating; info (text and --json) with every shmid_ds
# field; ftok addressing with -f/-p and its derivation in info; --trace.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin helper

KEY2=$(test_key 1)
KEY3=$(test_key 2)
HEADER=8192    # sizeof(struct board_header): the cells start here

# dump_is FILE [ARGS...]: `pizarra ARGS dump` prints exactly FILE, nothing on stderr.
dump_is() {
	_dump_file=$1
	shift
	if expect_status 0 pz "$@" dump; then
		expect_stdout_file "$_dump_file"
		expect_stderr_empty
	fi
}

# in_order A B C: 0 < A < B < C.
# shellcheck disable=SC2317 # called through check
in_order() {
	[ "$1" -gt 0 ] && [ "$1" -lt "$2" ] && [ "$2" -lt "$3" ]
}

# json_get EXPR: evaluate a Python expression on the JSON in $T/out (as d).
json_get() {
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(eval(sys.argv[2]))' "$T/out" "$1"
}

# ---------------------------------------------------------------------------
section "put creates the board"
if expect_status 0 pz -k "$KEY" put 0 0 hello; then
	expect_stderr_lines 1
	expect_stderr_match "^pizarra: created a 200x60 board at key $KEY \\(shmid [0-9]+, mode 0600\\)\$"
	expect_stdout_empty
fi
ID=$(shmids_of_key "$KEY")
check "exactly one segment under $KEY" [ "$(shm_count_key "$KEY")" -eq 1 ]
cleanup_shmid "$ID"
check "the message names the shmid $ID" grep -q "(shmid $ID," "$T/err"
printf 'hello\n' >"$T/exp"
dump_is "$T/exp" -k "$KEY"

section "a second put attaches the same board silently"
if expect_status 0 pz -k "$KEY" put 1 0 EL; then
	expect_stderr_empty
	expect_stdout_empty
fi
check "still the same segment" [ "$(shmids_of_key "$KEY")" = "$ID" ]
printf 'hELlo\n' >"$T/exp"
dump_is "$T/exp" -k "$KEY"

section "put: UTF-8, box drawing, wide characters, newlines"
pz -k "$KEY" clear
for args in \
	"0 0 hello" \
	"0 1 ñandú" \
	"0 2 ┌─┐" \
	"0 3 │€│" \
	"0 4 └─┘" \
	"0 5 漢字x" \
	"0 6 漢字" \
	"5 6 Z" \
	"3 7 ñ"; do
	# shellcheck disable=SC2086 # split COL ROW TEXT on purpose
	set -- $args
	if expect_status 0 pz -k "$KEY" put "$1" "$2" "$3"; then
		expect_stderr_empty
	fi
done
expect_status 0 pz -k "$KEY" put 2 8 "$(printf 'ab\ncd')"
# The same line written through a pipe: €, box drawing and CJK in one TEXT.
expect_status 0 pz -k "$KEY" put 0 11 '€ ┌─┐ 漢字 ñandú'
{
	printf 'hello\n'
	printf 'ñandú\n'
	printf '┌─┐\n'
	printf '│€│\n'
	printf '└─┘\n'
	printf '漢字x\n'
	printf '漢字 Z\n'
	printf '   ñ\n'
	printf '  ab\n'
	printf '  cd\n'
	printf '\n'
	printf '€ ┌─┐ 漢字 ñandú\n'
} >"$T/exp"
dump_is "$T/exp" -k "$KEY"

section "a character written over half of a wide one erases all of it"
expect_status 0 pz -k "$KEY" put 1 6 a
expect_status 0 pz -k "$KEY" put 2 5 b
sed -e '6s/.*/漢b x/' -e '7s/.*/ a字 Z/' "$T/exp" >"$T/exp2"
dump_is "$T/exp2" -k "$KEY"

# ---------------------------------------------------------------------------
section "load FILE, then dump gives back the file"
{
	printf 'first line\n'
	printf '\n'
	printf '  ┌──────┐  ñandú € 漢字\n'
	printf '  │ box  │\n'
	printf '  └──────┘\n'
	printf '\n'
	printf '\n'
	printf 'after two empty lines; 中文字 wide 한국어\n'
	printf 'last\n'
} >"$T/file1"
if expect_status 0 pz -k "$KEY" load "$T/file1"; then
	expect_stderr_empty
	expect_stdout_empty
fi
dump_is "$T/file1" -k "$KEY"

section "load trims trailing blanks and trailing empty lines"
printf 'a   \n  b  \n    \n\nc\n   \n\n\n' >"$T/file2"
printf 'a\n  b\n\n\nc\n' >"$T/exp"
expect_status 0 pz -k "$KEY" load "$T/file2"
dump_is "$T/exp" -k "$KEY"

section "load without a final newline"
printf 'no newline at the end' >"$T/file3"
printf 'no newline at the end\n' >"$T/exp"
expect_status 0 pz -k "$KEY" load "$T/file3"
dump_is "$T/exp" -k "$KEY"

section "load - reads standard input"
printf 'from\nstandard input ñ 漢\n' >"$T/file4"
if expect_status 0 pz -k "$KEY" load - <"$T/file4"; then
	expect_stderr_empty
fi
dump_is "$T/file4" -k "$KEY"
# shellcheck disable=SC2016 # expanded by the inner sh
if expect_status 0 sh -c 'cat "$1" | "$2" -k "$3" load -' sh "$T/file1" "$PIZARRA" "$KEY"; then
	expect_stderr_empty
fi
dump_is "$T/file1" -k "$KEY"

section "tabs expand to the next multiple of 8"
printf 'a\tb\n\tx\n1234567\tz\n12345678\tz\nab\t\tc\n漢\tw\n' >"$T/tabs"
{
	printf 'a       b\n'
	printf '        x\n'
	printf '1234567 z\n'
	printf '12345678        z\n'
	printf 'ab              c\n'
	printf '漢      w\n'
} >"$T/exp"
expect_status 0 pz -k "$KEY" load "$T/tabs"
dump_is "$T/exp" -k "$KEY"
# put expands tabs the same way, from its column.
pz -k "$KEY" clear
expect_status 0 pz -k "$KEY" put 0 0 "$(printf 'a\tb')"
printf 'a       b\n' >"$T/exp"
dump_is "$T/exp" -k "$KEY"

section "CRLF line ends are accepted"
printf 'ab\r\ncd\r\n\r\nñ\r\n' >"$T/crlf"
printf 'ab\ncd\n\nñ\n' >"$T/exp"
if expect_status 0 pz -k "$KEY" load "$T/crlf"; then
	expect_stderr_empty
fi
dump_is "$T/exp" -k "$KEY"

section "load of an empty file empties the board"
: >"$T/empty"
expect_status 0 pz -k "$KEY" load "$T/empty"
dump_is "$T/empty" -k "$KEY"

# ---------------------------------------------------------------------------
section "dump --ansi: no escape sequence while every cell has colour 0"
expect_status 0 pz -k "$KEY" load "$T/file1"
if expect_status 0 pz -k "$KEY" dump --ansi; then
	expect_stdout_file "$T/file1"
	check "no ESC byte in dump --ansi of an uncoloured board" \
		[ "$(tr -cd '\033' <"$T/out" | wc -c)" -eq 0 ]
fi

section "dump --ansi marks colours with SGR sequences"
pz -k "$KEY" clear
expect_status 0 pz -k "$KEY" put 0 0 abcd
# Colour the cells of B (blue, 4) and D (bright red, 9) directly in the
# segment: a cell is 8 bytes, code point | fg << 21 | bg << 29 | attributes
# << 37 | author << 41 | write counter << 48 (include/cell.h).
expect_status 0 helper poke64 "$ID" $((HEADER + 8 * 1)) $((0x42 | 4 << 21))
expect_status 0 helper poke64 "$ID" $((HEADER + 8 * 3)) $((0x44 | 9 << 21 | 7 << 48))
printf 'aBcD\n' >"$T/exp"
dump_is "$T/exp" -k "$KEY"
printf 'a\033[34mB\033[0mc\033[91mD\033[0m\n' >"$T/exp"
dump_is "$T/exp" -k "$KEY" --ansi
# A row's colour is reset at the end of the line, and uncoloured rows stay plain.
expect_status 0 helper poke64 "$ID" $((HEADER + 8 * 200)) $((0x45 | 2 << 21))
expect_status 0 pz -k "$KEY" put 0 2 plain
printf 'a\033[34mB\033[0mc\033[91mD\033[0m\n\033[32mE\033[0m\nplain\n' >"$T/exp"
dump_is "$T/exp" -k "$KEY" --ansi

# ---------------------------------------------------------------------------
section "clear empties the board"
expect_status 0 pz -k "$KEY" load "$T/file1"
if expect_status 0 pz -k "$KEY" clear; then
	expect_stdout_empty
	expect_stderr_empty
fi
dump_is "$T/empty" -k "$KEY"
check "the board still exists after clear" [ "$(shmids_of_key "$KEY")" = "$ID" ]
expect_status 0 pz -k "$KEY" info

# ---------------------------------------------------------------------------
section "commands other than put/load on a missing board"
for cmd in dump info clear rm "chmod 0660" "chown root"; do
	# shellcheck disable=SC2086 # split the command's operands
	# The hint creates the board the user named, not the default one.
	expect_fails "^pizarra: no board exists at key $KEY2; \`pizarra -k $KEY2\` creates one\$" \
		pz -k "$KEY2" $cmd
done
check "none of them created a segment" [ "$(shm_count_key "$KEY2")" -eq 0 ]

section "load creates the board too"
if expect_status 0 pz -k "$KEY2" load "$T/file4"; then
	expect_stderr_lines 1
	expect_stderr_match "^pizarra: created a 200x60 board at key $KEY2 "
fi
dump_is "$T/file4" -k "$KEY2"
pz -k "$KEY2" rm >/dev/null

section "-s and -m when creating"
if expect_status 0 pz -k "$KEY2" -s 80x24 -m 0640 put 0 0 x; then
	expect_stderr_match "^pizarra: created a 80x24 board at key $KEY2 \\(shmid [0-9]+, mode 0640\\)\$"
fi
ID2=$(shmids_of_key "$KEY2")
cleanup_shmid "$ID2"
if expect_status 0 pz -k "$KEY2" info --json; then
	check "info --json board.cols is 80" [ "$(json_get "d['board']['cols']")" = 80 ]
	check "info --json board.rows is 24" [ "$(json_get "d['board']['rows']")" = 24 ]
	check "info --json shm_perm.mode is 0640" [ "$(json_get "d['shm_perm.mode']")" = 0640 ]
	check "info --json shm_segsz is header + 80*24 cells of 8 bytes + 24 row stamps of 4" \
		[ "$(json_get "d['shm_segsz']")" = $((HEADER + 80 * 24 * 8 + 24 * 4)) ]
fi
check "/proc/sysvipc/shm agrees on the size" [ "$(shm_field "$ID2" size)" = $((HEADER + 80 * 24 * 8 + 24 * 4)) ]
check "/proc/sysvipc/shm agrees on the mode" [ "$(shm_field "$ID2" perms)" = 640 ]
if expect_status 0 pz -k "$KEY2" info; then
	expect_stdout_match '^  geometry +80x24$'
	expect_stdout_match '^  shm_perm.mode +0640 rw-r-----$'
fi
# The last column and row of an 80x24 board.
expect_status 0 pz -k "$KEY2" put 79 23 Z
if expect_status 0 pz -k "$KEY2" dump; then
	check "Z is the 80th character of the 24th line" \
		[ "$(sed -n 24p "$T/out")" = "$(printf '%79sZ' '')" ]
fi
# -s and -m only apply when creating: the existing board keeps its geometry and mode.
expect_status 0 pz -k "$KEY2" -s 100x30 -m 0666 put 0 1 y
if expect_status 0 pz -k "$KEY2" info --json; then
	check "-s on an existing board leaves it 80x24" \
		[ "$(json_get "'%dx%d' % (d['board']['cols'], d['board']['rows'])")" = 80x24 ]
	check "-m on an existing board leaves it 0640" [ "$(json_get "d['shm_perm.mode']")" = 0640 ]
fi
pz -k "$KEY2" rm >/dev/null
# The smallest board, and upper-case X.
if expect_status 0 pz -k "$KEY2" -s 16X4 put 15 3 q; then
	expect_stderr_match "created a 16x4 board"
fi
pz -k "$KEY2" rm >/dev/null

# ---------------------------------------------------------------------------
section "info lists every shmid_ds field"
FIELDS="shm_perm.key shm_perm.uid shm_perm.gid shm_perm.cuid shm_perm.cgid shm_perm.mode
	shm_segsz shm_nattch shm_cpid shm_lpid shm_atime shm_dtime shm_ctime dest"
if expect_status 0 pz -k "$KEY" info; then
	expect_stderr_empty
	cp "$T/out" "$T/info"
	for f in $FIELDS shmid; do
		CHECKS=$((CHECKS + 1))
		grep -Eq "^  $f +[^ ]" "$T/info" || fail "info does not list $f"
	done
	expect_stdout_match "^  shm_perm.key +$KEY\$"
	expect_stdout_match "^  shmid +$ID\$"
	expect_stdout_match "^  shm_perm.uid +$(id -u) \\($(id -un)\\)\$"
	expect_stdout_match "^  shm_perm.mode +0600 rw-------\$"
	expect_stdout_match "^  shm_segsz +$((HEADER + 200 * 60 * 8 + 60 * 4))\$"
	expect_stdout_match '^  shm_nattch +0$'
	expect_stdout_match '^  dest +no$'
	expect_stdout_match '^  named by +explicit key \(-k\)$'
	expect_stdout_match '^  geometry +200x60$'
fi
if expect_status 0 pz -k "$KEY" info --json; then
	expect_stderr_empty
	check "info --json is one line" [ "$(wc -l <"$T/out")" -eq 1 ]
	if json_get 'type(d).__name__' >"$T/jsontype" 2>"$T/jsonerr"; then
		check "info --json is a JSON object" [ "$(cat "$T/jsontype")" = dict ]
		for f in $FIELDS shmid board clients; do
			check "info --json has $f" [ "$(json_get "'$f' in d")" = True ]
		done
		check "info --json shm_perm.key" [ "$(json_get "d['shm_perm.key']")" = "$KEY" ]
		check "info --json shmid" [ "$(json_get "d['shmid']")" = "$ID" ]
		check "info --json shm_perm.uid" [ "$(json_get "d['shm_perm.uid']")" = "$(id -u)" ]
		check "info --json dest is false" [ "$(json_get "d['dest']")" = False ]
		check "info --json shm_segsz matches /proc" [ "$(json_get "d['shm_segsz']")" = "$(shm_field "$ID" size)" ]
		check "info --json shm_cpid matches /proc" [ "$(json_get "d['shm_cpid']")" = "$(shm_field "$ID" cpid)" ]
		check "info --json board is 200x60" \
			[ "$(json_get "'%dx%d' % (d['board']['cols'], d['board']['rows'])")" = 200x60 ]
		check "info --json times are numbers" \
			[ "$(json_get "all(isinstance(d[k], int) for k in ('shm_atime', 'shm_dtime', 'shm_ctime'))")" = True ]
		check "info --json has no ftok object for -k" [ "$(json_get "'ftok' in d")" = False ]
	else
		fail "info --json is not JSON: $(cat "$T/jsonerr")"
	fi
fi

# ---------------------------------------------------------------------------
section "info says when systemd-logind will remove the board"
# PIZARRA_LOGIND_ROOT points info at a fake tree (run/systemd/system,
# etc/systemd/logind.conf and its drop-ins) instead of /.
FAKE=$T/fakeroot
mkdir -p "$FAKE/run/systemd/system"
ME_UID=$(id -u)
LOGIND_UID=
if [ "$ME_UID" -eq 0 ]; then
	# give the board to a regular (non-system) uid for a while
	expect_status 0 pz -k "$KEY" chown 4242
	LOGIND_UID=4242
elif [ "$ME_UID" -gt 999 ]; then
	LOGIND_UID=$ME_UID
fi
# no_line_matching FILE REGEX: no line of FILE matches.
# shellcheck disable=SC2317 # called through check
no_line_matching() {
	! grep -Eq -- "$2" "$1"
}
# info_logind: info and info --json under the fake root; LOGIND_REMOVES, LOGIND_FROM.
info_logind() {
	PIZARRA_LOGIND_ROOT=$FAKE "$PIZARRA" -k "$KEY" info >"$T/logind.txt" 2>&1
	PIZARRA_LOGIND_ROOT=$FAKE "$PIZARRA" -k "$KEY" info --json >"$T/out" 2>"$T/err"
	LOGIND_REMOVES=$(json_get "d['logind']['removes_board']")
	LOGIND_FROM=$(json_get "d['logind']['remove_ipc_from']")
}
if [ -n "$LOGIND_UID" ]; then
	info_logind
	check "systemd's default RemoveIPC=yes removes uid $LOGIND_UID's board" [ "$LOGIND_REMOVES" = True ]
	check "info says so" grep -Eq "^  warning +systemd-logind removes this board when .*'s last login session ends if no process has it attached then \\(RemoveIPC=yes, systemd's default\\)" "$T/logind.txt"
	check "with the fix, for this board" grep -qF "to keep it, put RemoveIPC=no under [Login] in a drop-in such as /etc/systemd/logind.conf.d/pizarra.conf and run \`systemctl restart systemd-logind\`, or give the board to a system user (uid 999 at most, such as root) with \`pizarra -k $KEY chown root\`" "$T/logind.txt"
	check "info --json has the same warning" [ "$(json_get "d['logind']['warning'].startswith('systemd-logind removes this board')")" = True ]
	mkdir -p "$FAKE/etc/systemd/logind.conf.d"
	printf '[Login]\nRemoveIPC=no\n' >"$FAKE/etc/systemd/logind.conf"
	info_logind
	check "RemoveIPC=no in logind.conf keeps it" [ "$LOGIND_REMOVES" = False ]
	check "info names where RemoveIPC was set" grep -Eq '^  RemoveIPC +no \(set in /etc/systemd/logind.conf\)$' "$T/logind.txt"
	check "no warning then" no_line_matching "$T/logind.txt" warning
	printf '[Login]\nRemoveIPC=yes\n' >"$FAKE/etc/systemd/logind.conf.d/50-back.conf"
	info_logind
	check "a drop-in overrides logind.conf" [ "$LOGIND_REMOVES" = True ]
	check "info --json names the drop-in" [ "$LOGIND_FROM" = /etc/systemd/logind.conf.d/50-back.conf ]
	rm -r "$FAKE/run/systemd/system"
	info_logind
	check "without systemd nothing removes it" [ "$LOGIND_REMOVES" = False ]
	check "info says logind is not in use" grep -Eq '^  in use +no ' "$T/logind.txt"
	mkdir -p "$FAKE/run/systemd/system"
	if [ "$ME_UID" -eq 0 ]; then
		expect_status 0 pz -k "$KEY" chown 0
		info_logind
		check "a system user's board is kept" [ "$LOGIND_REMOVES" = False ]
		check "info says the owner is a system user" grep -Eq '^  owner +root \(uid 0\): a system user' "$T/logind.txt"
	fi
else
	echo "(uid $ME_UID is a system user and not root: skipping the logind part)"
fi

# ---------------------------------------------------------------------------
section "-f FILE -p N: ftok addressing"
: >"$T/keyfile"
PROJ=122
DEV=$(stat -c %d "$T/keyfile")
INO=$(stat -c %i "$T/keyfile")
FKEY=$(printf '0x%08x' $(((PROJ << 24) | ((DEV & 0xff) << 16) | (INO & 0xffff))))
echo "ftok($T/keyfile, $PROJ): st_dev $DEV, st_ino $INO -> $FKEY"
if [ "$(shm_count_key "$FKEY")" -ne 0 ]; then
	fail "key $FKEY (ftok of the test's key file) is already in use; cannot test -f/-p"
else
	cleanup_key "$FKEY"
	if expect_status 0 pz -f "$T/keyfile" -p "$PROJ" put 0 0 ftok; then
		expect_stderr_match "^pizarra: created a 200x60 board at key $FKEY "
	fi
	FID=$(shmids_of_key "$FKEY")
	check "the board is under ftok's key $FKEY" [ -n "$FID" ]
	cleanup_shmid "$FID"
	printf 'ftok\n' >"$T/exp"
	dump_is "$T/exp" -f "$T/keyfile" -p "$PROJ"
	dump_is "$T/exp" --key-file="$T/keyfile" --proj-id=0x7a
	dump_is "$T/exp" -k "$FKEY"
	dump_is "$T/exp" -i "$FID"
	# A hard link is the same inode, so the same key.
	ln "$T/keyfile" "$T/keylink"
	dump_is "$T/exp" -f "$T/keylink" -p "$PROJ"
	if expect_status 0 pz -f "$T/keyfile" -p "$PROJ" info; then
		expect_stdout_match '^ftok$'
		expect_stdout_match "^  path +$T/keyfile\$"
		expect_stdout_match "^  st_dev +$(printf '0x%x' "$DEV") \\(low 8 bits $(printf '0x%02x' $((DEV & 0xff)))\\)\$"
		expect_stdout_match "^  st_ino +$INO \\(low 16 bits $(printf '0x%04x' $((INO & 0xffff)))\\)\$"
		expect_stdout_match "^  proj_id +$PROJ \\(0x7a\\)\$"
		expect_stdout_match "^  key +0x7a << 24 \\| $(printf '0x%02x' $((DEV & 0xff))) << 16 \\| $(printf '0x%04x' $((INO & 0xffff))) = $FKEY\$"
		expect_stdout_match "^  shm_perm.key +$FKEY\$"
	fi
	if expect_status 0 pz -f "$T/keyfile" -p "$PROJ" info --json; then
		check "info --json ftok.path" [ "$(json_get "d['ftok']['path']")" = "$T/keyfile" ]
		check "info --json ftok.st_dev" [ "$(json_get "d['ftok']['st_dev']")" = "$DEV" ]
		check "info --json ftok.st_ino" [ "$(json_get "d['ftok']['st_ino']")" = "$INO" ]
		check "info --json ftok.proj_id" [ "$(json_get "d['ftok']['proj_id']")" = "$PROJ" ]
		check "info --json ftok.key" [ "$(json_get "d['ftok']['key']")" = "$FKEY" ]
	fi
	# Another project id is another key, with no board.
	OKEY=$(printf '0x%08x' $((((PROJ + 1) << 24) | ((DEV & 0xff) << 16) | (INO & 0xffff))))
	expect_fails "^pizarra: no board exists at key $OKEY \\(ftok\\(\"$T/keyfile\", $((PROJ + 1))\\)\\); \`pizarra -f $T/keyfile -p $((PROJ + 1))\` creates one\$" \
		pz -f "$T/keyfile" -p $((PROJ + 1)) dump
	check "no segment under $OKEY" [ "$(shm_count_key "$OKEY")" -eq 0 ]
	# The default project id is 0x70 ('p').
	DKEY=$(printf '0x%08x' $(((0x70 << 24) | ((DEV & 0xff) << 16) | (INO & 0xffff))))
	expect_fails "^pizarra: no board exists at key $DKEY \\(ftok\\(\"$T/keyfile\", 112\\)\\)" \
		pz -f "$T/keyfile" info
	pz -f "$T/keyfile" -p "$PROJ" rm >/dev/null
	check "rm by -f/-p removed the ftok board" [ "$(shm_count_key "$FKEY")" -eq 0 ]
fi

# ---------------------------------------------------------------------------
section "--trace prints the system calls on stderr"
pz -k "$KEY" clear
pz -k "$KEY" put 0 0 traced
printf 'traced\n' >"$T/exp"
if expect_status 0 pz -k "$KEY" --trace dump; then
	expect_stdout_file "$T/exp"
	cp "$T/err" "$T/trace"
	check "every trace line starts with 'pizarra: trace: '" \
		[ "$(grep -cv '^pizarra: trace: ' "$T/trace")" -eq 0 ]
	expect_stderr_match "^pizarra: trace: shmget\\($KEY, 0, 0\\) = $ID\$"
	expect_stderr_match "^pizarra: trace: shmat\\($ID, NULL, SHM_RDONLY\\) = 0x[0-9a-f]+\$"
	expect_stderr_match '^pizarra: trace: shmdt\(0x[0-9a-f]+\) = 0$'
	get=$(grep -n 'trace: shmget(' "$T/trace" | head -n 1 | cut -d: -f1)
	at=$(grep -n 'trace: shmat(' "$T/trace" | head -n 1 | cut -d: -f1)
	dt=$(grep -n 'trace: shmdt(' "$T/trace" | tail -n 1 | cut -d: -f1)
	check "shmget, then shmat, then shmdt" in_order "${get:-0}" "${at:-0}" "${dt:-0}"
	# shmdt detaches what shmat returned.
	addr=$(sed -n 's/.*shmat([0-9]*, NULL, SHM_RDONLY) = \(0x[0-9a-f]*\)$/\1/p' "$T/trace")
	expect_stderr_match "shmdt\\($addr\\) = 0"
fi
if expect_status 0 pz -k "$KEY3" -t put 0 0 new; then
	expect_stderr_match "^pizarra: created a 200x60 board at key $KEY3 "
	expect_stderr_match "^pizarra: trace: shmget\\($KEY3, $((HEADER + 200 * 60 * 8 + 60 * 4)), IPC_CREAT\\|IPC_EXCL\\|0600\\) = [0-9]+\$"
	expect_stderr_match '^pizarra: trace: shmat\([0-9]+, NULL, 0\) = 0x[0-9a-f]+$'
	expect_stderr_match '^pizarra: trace: shmdt\(0x[0-9a-f]+\) = 0$'
fi
if expect_status 1 pz -k "$KEY2" --trace dump; then
	expect_stderr_match "^pizarra: no board exists at key $KEY2"
	expect_stderr_match "^pizarra: trace: shmget\\($KEY2, 0, 0\\) = -1 ENOENT\$"
fi
# Without --trace, no trace.
expect_status 0 pz -k "$KEY" dump
expect_stderr_empty

section "TEXT that starts with -"
pz -k "$KEY" clear
expect_status 0 pz -k "$KEY" put -- 0 0 -dash
# Options end at the first operand, so TEXT may start with - without --.
expect_status 0 pz -k "$KEY" put 0 1 '--double -V'
expect_status 0 pz -k "$KEY" put 0 2 -V
printf -- '-dash\n--double -V\n-V\n' >"$T/exp"
dump_is "$T/exp" -k "$KEY"

section "rm"
if expect_status 0 pz -k "$KEY" rm; then
	expect_stdout_match "^shmid $ID removed: no process was attached, so it is gone\$"
	expect_stderr_empty
fi
check "shmid $ID is gone" shm_gone "$ID"
pz -k "$KEY3" rm >/dev/null

finish
