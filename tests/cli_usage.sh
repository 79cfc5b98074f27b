#!/bin/sh
# cli_usage.sh - pizarra's command line: --help and --version (GNU
# conventions), and every usage error: one line on stderr starting
# "pizarra: ", exit status 2, nothing on stdout, and no segment created.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin

# expect_stderr_printable: no control character (other than the final
# newline) and no byte outside printable ASCII in the last stderr.
expect_stderr_printable() {
	CHECKS=$((CHECKS + 1))
	_u_bad=$(LC_ALL=C tr -d '\n[:print:]' <"$T/err" | wc -c)
	if [ "$_u_bad" -ne 0 ]; then
		fail "stderr of '$LAST_CMD' has $_u_bad unprintable byte(s):"
		od -c "$T/err" | sed 's/^/   /'
		return 1
	fi
	return 0
}

# usage_error REGEX ARGS...: pizarra ARGS is a usage error matching REGEX
# that ends with the --help hint.
usage_error() {
	_u_re=$1
	shift
	expect_usage_error "$_u_re" pz "$@"
	_u_r=$?
	expect_stderr_printable || _u_r=1
	[ "$_u_r" -eq 0 ] || return 1
	expect_stderr_match "\\(try 'pizarra --help'\\)\$"
}

# to_full CMD...: run CMD with its standard output on /dev/full.
# shellcheck disable=SC2317 # called through expect_fails
to_full() {
	"$@" >/dev/full
}

section "--help"
if expect_status 0 pz --help; then
	expect_stderr_empty
	cp "$T/out" "$T/help"
	check "--help starts with a Usage: line" \
		[ "$(head -n 1 "$T/help")" = "Usage: pizarra [OPTION]... [COMMAND [ARG]...]" ]
	for word in draw view info dump load put clear chmod chown rm \
		--key-file --proj-id --key --id --size --mode --trace --json --ansi \
		--help --version 'Report bugs to: ' 'Exit status'; do
		CHECKS=$((CHECKS + 1))
		grep -q -e "$word" "$T/help" || fail "--help does not mention '$word'"
	done
	for opt in -f -p -k -i -s -m -t -h -V; do
		CHECKS=$((CHECKS + 1))
		grep -Eq -e "^ +$opt, --" "$T/help" || fail "--help does not list $opt with its long form"
	done
	# Every help line fits an 80-column terminal.
	check "--help lines fit in 80 columns" \
		[ "$(awk 'length($0) > 79' "$T/help" | wc -l)" -eq 0 ]
fi
if expect_status 0 pz -h; then
	expect_stderr_empty
	expect_stdout_file "$T/help"
fi
# GNU: --help wins wherever it is, and ignores the rest of the command line.
if expect_status 0 pz --help dump extra operands; then
	expect_stdout_file "$T/help"
fi

section "--version"
if expect_status 0 pz --version; then
	expect_stderr_empty
	cp "$T/out" "$T/version"
	check "--version first line is 'pizarra 0.1.0'" \
		[ "$(head -n 1 "$T/version")" = "pizarra 0.1.0" ]
	check "--version has a Copyright line" \
		grep -q '^Copyright (C) [0-9]' "$T/version"
	check "--version names the license" grep -q '^License ' "$T/version"
	check "--version disclaims warranty" grep -q 'NO WARRANTY' "$T/version"
	check "--version says which Unicode version the widths follow" \
		grep -q '^Characters: Unicode [0-9][0-9.]* widths and graphemes, from utf8proc [0-9]' "$T/version"
fi
if expect_status 0 pz -V; then
	expect_stderr_empty
	expect_stdout_file "$T/version"
fi

section "write errors on --help and --version are reported"
if [ -w /dev/full ]; then
	# GNU: a write error exits 1 *with a message*, e.g. "pizarra: write error: ...".
	expect_fails 'pizarra: .*(write|output).*(No space|ENOSPC)' to_full pz --help
	expect_fails 'pizarra: .*(write|output).*(No space|ENOSPC)' to_full pz --version
	# The commands already do it right.
	pz -k "$KEY" put 0 0 x 2>/dev/null
	expect_fails 'pizarra: standard output: No space left on device' to_full pz -k "$KEY" dump
	pz -k "$KEY" rm >/dev/null
fi

section "unknown options and commands"
usage_error '--bogus: unknown option' --bogus
usage_error "-z: unknown option" -z
usage_error "-z: unknown option" -k "$KEY" -z dump
usage_error 'frobnicate: unknown command' -k "$KEY" frobnicate
usage_error 'DUMP: unknown command' -k "$KEY" DUMP
# A long option without an argument that was given one: the message must
# name the option as typed.
usage_error '^pizarra: --json' -k "$KEY" --json=1 info
usage_error '^pizarra: --ansi' -k "$KEY" --ansi=yes dump
usage_error '^pizarra: --help' --help=x
usage_error '^pizarra: --trace' -k "$KEY" --trace=1 dump
usage_error '-k: needs an argument' -k
usage_error '--key: needs an argument' --key
usage_error '-s: needs an argument' -k "$KEY" put -s
# Options end at the first operand: a trailing option is an operand.
usage_error 'put: expects COL ROW TEXT \(quote TEXT that has spaces; options go before the operands\)' \
	-k "$KEY" put 0 0 x -s

section "wrong operand counts"
usage_error 'put: expects COL ROW TEXT' -k "$KEY" put
usage_error 'put: expects COL ROW TEXT' -k "$KEY" put 1
usage_error 'put: expects COL ROW TEXT' -k "$KEY" put 1 2
usage_error 'put: expects COL ROW TEXT \(quote TEXT that has spaces' -k "$KEY" put 1 2 two words
usage_error 'load: expects FILE' -k "$KEY" load
usage_error 'load: expects FILE' -k "$KEY" load a b
expect_stderr_nomatch 'TEXT'
usage_error 'chmod: expects MODE' -k "$KEY" chmod
usage_error 'chmod: expects MODE' -k "$KEY" chmod 0600 0660
expect_stderr_nomatch 'TEXT'
usage_error 'chown: expects USER' -k "$KEY" chown
for cmd in dump info clear rm view draw; do
	usage_error "$cmd: expects no operands" -k "$KEY" "$cmd" extra
	# The "quote TEXT" hint only makes sense for put, which takes TEXT.
	expect_stderr_nomatch 'TEXT'
done

section "malformed -k"
for bad in xyz 0x 0xg1 -1 '' ' 1' '1 ' 1.5 0x-1; do
	usage_error "-k: '$bad' is not a key \\(decimal 0-4294967295, or 0x followed by up to 8 hex digits\\)" -k "$bad" dump
done
usage_error "-k: '\\+1' is not a key" -k +1 dump
usage_error "-k: '0x\\+1' is not a key" -k 0x+1 dump
# Numbers never wrap: a key beyond 32 bits is out of range, however long.
for big in 0x123456789 4294967296 99999999999999999999999 0x10000000000000000; do
	usage_error "-k: key '$big' is out of range \\(0-4294967295, 0x0-0xffffffff\\)" -k "$big" dump
done

section "malformed -s"
for bad in 80 x24 80x 80x24x abc -80x24 80x-24 ' 80x24' '80x 24' 80x24.0 0x10x4; do
	usage_error "-s: '$bad' is not a size like 80x24 \\(COLSxROWS\\)" -k "$KEY" -s "$bad" put 0 0 x
done
usage_error "-s: '\\+80x24' is not a size like 80x24" -k "$KEY" -s +80x24 put 0 0 x
# Well-formed but beyond the limits: a usage error naming the range (the
# man page: a bad option value is a usage error).
usage_error "-s: '1000001x24': 1000001 columns is out of range \\(16-10000\\)" -k "$KEY" -s 1000001x24 put 0 0 x
usage_error "-s: '80x1000001': 1000001 rows is out of range \\(4-10000\\)" -k "$KEY" -s 80x1000001 put 0 0 x
usage_error "-s: '4294967296x24': 4294967296 columns is out of range \\(16-10000\\)" -k "$KEY" -s 4294967296x24 put 0 0 x
usage_error "-s: '18446744073709551617x24': 18446744073709551617 columns is out of range" -k "$KEY" -s 18446744073709551617x24 put 0 0 x
usage_error "-s: '15x4': 15 columns is out of range \\(16-10000\\)" -k "$KEY" -s 15x4 put 0 0 x
usage_error "-s: '16x3': 3 rows is out of range \\(4-10000\\)" -k "$KEY" -s 16x3 load /dev/null
usage_error "-s: '9999x9999': 99980001 cells is out of range \\(at most 16777216\\)" -k "$KEY" -s 9999x9999 put 0 0 x

section "malformed -m"
usage_error "-m: '999' is not an octal mode" -k "$KEY" -m 999 put 0 0 x
usage_error "-m: '0o600' is not an octal mode" -k "$KEY" -m 0o600 put 0 0 x
usage_error "-m: 'rw' is not an octal mode" -k "$KEY" -m rw put 0 0 x
usage_error "-m: '-600' is not an octal mode" -k "$KEY" -m -600 put 0 0 x
usage_error "-m: '' is not an octal mode" -k "$KEY" -m '' put 0 0 x
usage_error "-m: '01600' has bits beyond 0777" -k "$KEY" -m 01600 put 0 0 x
usage_error "-m: '0400' would lock out the board's owner" -k "$KEY" -m 0400 put 0 0 x
usage_error "-m: '0066' would lock out the board's owner" -k "$KEY" -m 0066 put 0 0 x
usage_error "-m: '077777777777777777777777' has bits beyond 0777" -k "$KEY" -m 077777777777777777777777 put 0 0 x
usage_error "-m: '' is not an octal mode" -k "$KEY" -m '' put 0 0 x
usage_error "-m: ' 0600' is not an octal mode" -k "$KEY" -m ' 0600' put 0 0 x
# Write without read lets no one of that class attach (shmat needs read).
usage_error "-m: '0620' gives the group write without read, which lets no one in it attach \\(shmat needs read to attach for writing\\): 0660 lets the group draw, 0640 view" \
	-k "$KEY" -m 0620 put 0 0 x
usage_error "-m: '0602' gives others write without read, which lets none of them attach .*0666 lets everyone draw, 0644 view" \
	-k "$KEY" -m 0602 put 0 0 x
usage_error "-m: '0622' gives the group write without read" -k "$KEY" -m 0622 put 0 0 x

section "malformed -p"
usage_error "-p: project id '0' is out of range \\(1-255\\)" -p 0 dump
usage_error "-p: project id '256' is out of range \\(1-255\\)" -p 256 dump
usage_error "-p: '-1' is not a project id \\(a number 1-255\\)" -p -1 dump
usage_error "-p: project id '0x100' is out of range" -p 0x100 dump
usage_error "-p: 'x' is not a project id" -p x dump
usage_error "-p: '' is not a project id" -p '' dump
usage_error "-p: '\\+7' is not a project id" -p +7 dump
usage_error "-p: project id '99999999999999999999999' is out of range \\(1-255\\)" -p 99999999999999999999999 dump
usage_error "-p: project id '0x100000070' is out of range \\(1-255\\)" -p 0x100000070 dump

section "malformed -i and -f"
usage_error "-i: 'x' is not a shmid \\(a number 0-2147483647, from \`ipcs -m\`\\)" -i x dump
usage_error "-i: '-1' is not a shmid" -i -1 dump
usage_error "-i: shmid '2147483648' is out of range \\(0-2147483647\\)" -i 2147483648 dump
usage_error "-i: shmid '4294967297' is out of range \\(0-2147483647\\)" -i 4294967297 dump
usage_error "-i: '0x10' is not a shmid" -i 0x10 dump
usage_error "-i: '' is not a shmid" -i '' dump
usage_error "-f: key file name '' is empty or too long" -f '' dump

section "conflicting ways to name the board"
usage_error 'choose one way to name the board: -f/-p, -k or -i' -k "$KEY" -f / dump
usage_error 'choose one way to name the board' -f / -k "$KEY" dump
usage_error 'choose one way to name the board' -k "$KEY" -p 7 dump
usage_error 'choose one way to name the board' -k "$KEY" -i 1 dump
usage_error 'choose one way to name the board' -f / -i 1 dump
usage_error 'choose one way to name the board' -p 7 -i 1 dump

section "options that do not apply to the command"
for cmd in dump clear rm; do
	usage_error '--json only applies to info' -k "$KEY" --json "$cmd"
done
usage_error '--json only applies to info' -k "$KEY" --json put 0 0 x
usage_error '--ansi only applies to dump' -k "$KEY" --ansi info
usage_error '--ansi only applies to dump' -k "$KEY" --ansi put 0 0 x
for cmd in dump info clear rm; do
	usage_error "$cmd: -s and -m only apply when creating a board" -k "$KEY" -s 80x24 "$cmd"
	usage_error "$cmd: -s and -m only apply when creating a board" -k "$KEY" -m 0660 "$cmd"
done
usage_error "chmod: -s and -m only apply when creating a board" -k "$KEY" -m 0660 chmod 0660

section "malformed command operands"
usage_error "put: COL 'x' is not a column number" -k "$KEY" put x 0 a
usage_error "put: COL '' is not a column number" -k "$KEY" put '' 0 a
usage_error "put: COL '1x' is not a column number" -k "$KEY" put 1x 0 a
usage_error "put: COL '65536' is out of range \\(0-65535\\)" -k "$KEY" put 65536 0 a
usage_error "put: COL '4294967296' is out of range \\(0-65535\\)" -k "$KEY" put 4294967296 0 a
usage_error "put: COL ' 1' is not a column number \\(0-65535\\)" -k "$KEY" put ' 1' 0 a
usage_error "put: COL '\\+1' is not a column number \\(0-65535\\)" -k "$KEY" put +1 0 a
usage_error "put: ROW 'y' is not a row number \\(0-65535\\)" -k "$KEY" put 0 y a
usage_error "put: ROW '99999999999999999999' is out of range \\(0-65535\\)" -k "$KEY" put 0 99999999999999999999 a
# After --, a negative number is an operand, and is refused as such.
usage_error "put: ROW '-1' is not a row number \\(0-65535\\)" -k "$KEY" put -- 0 -1 a
# Without -- too: after the command a negative number is no option but an operand.
usage_error "put: COL '-1' is not a column number \\(0-65535\\)" -k "$KEY" put -1 0 x
usage_error "put: ROW '-5' is not a row number \\(0-65535\\)" -k "$KEY" put 0 -5 x
usage_error "put: COL '-1' is not a column number" -k "$KEY" put -t -1 0 x
usage_error "chmod: MODE '-1' is not an octal mode like 0600 or 0660" -k "$KEY" chmod -1
usage_error "chown: USER '-1' is not a known user nor a number \\(0-4294967294\\)" -k "$KEY" chown -1
# Before the command a negative number is still an unknown option.
usage_error "-1: unknown option" -1 put 0 0 x
usage_error "chmod: MODE '999' is not an octal mode" -k "$KEY" chmod 999
usage_error "chmod: MODE '0400' would lock out the board's owner" -k "$KEY" chmod 0400
usage_error "chmod: MODE '01666' has bits beyond 0777" -k "$KEY" chmod 01666
usage_error "chmod: MODE '0620' gives the group write without read" -k "$KEY" chmod 0620
usage_error "chmod: MODE '0602' gives others write without read" -k "$KEY" chmod 0602
usage_error "chown: USER 'no-such-user-pizarra' is not a known user nor a number \\(0-4294967294\\)" -k "$KEY" chown no-such-user-pizarra
usage_error "chown: GROUP 'no-such-group-pizarra' is not a known group nor a number \\(0-4294967294\\)" -k "$KEY" chown :no-such-group-pizarra
# Numbers never wrap: 4294967296 is not uid 0 (root), and 4294967295 is (uid_t)-1, "no change".
usage_error "chown: USER '4294967296' is out of range \\(user ids are 0-4294967294\\)" -k "$KEY" chown 4294967296
usage_error "chown: USER '4294967295' is out of range \\(user ids are 0-4294967294\\)" -k "$KEY" chown 4294967295
usage_error "chown: USER '18446744073709551616' is out of range" -k "$KEY" chown 18446744073709551616
usage_error "chown: GROUP '4294967296' is out of range \\(group ids are 0-4294967294\\)" -k "$KEY" chown 0:4294967296
usage_error "chown: USER ' 0' is not a known user nor a number" -k "$KEY" chown ' 0'
usage_error "chown: USER '\\+0' is not a known user nor a number" -k "$KEY" chown +0
usage_error "chown: ':' names neither a USER nor a GROUP" -k "$KEY" chown :
usage_error "chown: '' names neither a USER nor a GROUP" -k "$KEY" chown ''

section "no usage error created a segment"
for sub in 0 1 2 3; do
	check "no segment under key $(test_key "$sub")" [ "$(shm_count_key "$(test_key "$sub")")" -eq 0 ]
done

finish
