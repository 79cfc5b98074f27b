#!/bin/sh
# cli_valgrind.sh - the command line under valgrind: put, dump, dump
# --ansi, load (file and stdin), info, info --json, --trace, clear, chmod,
# chown, rm, -i SHMID, and every error path reachable from a script (usage
# errors, no board, bad text, text that does not fit, a foreign segment, a
# board whose header was overwritten, IPC_PRIVATE, a removed shmid, another
# user's board...). Each run must exit with its usual status, with zero
# valgrind errors and no definite leak (--error-exitcode, --leak-check=full,
# --errors-for-leak-kinds=definite). Skipped (77) without valgrind, or when
# pizarra was built with AddressSanitizer (which valgrind cannot run).

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin helper

command -v valgrind >/dev/null 2>&1 || skip "valgrind is not installed"
if grep -aq __asan_init "$PIZARRA"; then
	skip "$PIZARRA is built with AddressSanitizer; valgrind cannot run it"
fi

KEY2=$(test_key 1)
VG_ERR=97       # valgrind's exit status when it found an error
VALGRIND="valgrind -q --error-exitcode=$VG_ERR --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --num-callers=30"

# vg STATUS ARGS...: pizarra ARGS under valgrind exits STATUS, and valgrind
# reported nothing (stdout in $T/out, stderr in $T/err).
vg() {
	_want=$1
	shift
	_args=$(printf '%s ' "$@" | tr '\n\033' '|^')
	CHECKS=$((CHECKS + 1))
	# shellcheck disable=SC2086 # valgrind and its options
	$VALGRIND "$PIZARRA" "$@" >"$T/out" 2>"$T/err" <"${VG_STDIN:-/dev/null}"
	_st=$?
	if [ "$_st" -eq "$_want" ] && ! grep -q '^==[0-9]*==' "$T/err"; then
		pass "pizarra $_args(exit $_st, valgrind clean)"
		return 0
	fi
	if [ "$_st" -eq "$VG_ERR" ] || grep -q '^==[0-9]*==' "$T/err"; then
		fail "valgrind found errors or a definite leak in: pizarra $_args(exit $_st)"
	else
		fail "pizarra $_args exited $_st, expected $_want"
	fi
	sed 's/^/   | /' "$T/err" | head -60
	return 1
}

# vg_match REGEX: the last run's stderr or stdout matches REGEX (to be sure
# it took the path meant).
vg_match() {
	check "  ... and it said /$1/" grep -Eq -- "$1" "$T/err" "$T/out"
}

# ---------------------------------------------------------------------------
section "no board yet; usage errors"
vg 0 --help
vg 0 --version
vg 2 -k nokey dump
vg_match "is not a key"
vg 2 frobnicate
vg_match 'unknown command'
vg 2 -k "$KEY" put 0 0
vg 2 -k "$KEY" --json dump
vg 2 -k "$KEY" -i 1 dump
vg 2 -p 300 dump
vg 2 -k "$KEY" -m 0400 put 0 0 x
vg 2 -k "$KEY" -s 80 put 0 0 x
vg 2 -k "$KEY" put x 0 y
vg 2 -k "$KEY" chmod 9
vg 2 -k "$KEY" chown no-such-user-here
vg 1 -k "$KEY" dump
vg_match 'no board exists'
vg 1 -k "$KEY" info
vg 1 -k "$KEY" rm
vg 1 -k 0 dump
vg_match 'IPC_PRIVATE'
vg 1 -f /no/such/key/file dump
vg 1 -i 2147483647 dump
vg 2 -k "$KEY" -s 20000x20000 put 0 0 x
vg_match 'out of range'
vg 1 -k "$KEY" -s 20x5 put 30 0 x
vg_match 'no board was created'
vg 1 -k "$KEY" put 9999 9999 x
vg_match 'no board was created'
check "no board was created by the failures" [ -z "$(shmids_of_key "$KEY")" ]

# ---------------------------------------------------------------------------
section "a board: put, dump, load, info, clear, chmod, chown"
vg 0 -k "$KEY" -s 40x10 put 0 0 hello
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "put created no board under $KEY"
vg 0 -k "$KEY" put 2 1 'ñandú € 一二'
vg 0 -t -k "$KEY" dump
vg 0 -k "$KEY" dump --ansi
vg 0 -i "$ID" dump
vg 1 -k "$KEY" put 0 0 "$(printf 'esc\033[2J')"
vg_match 'cannot be drawn'
vg 1 -k "$KEY" put 0 0 "$(printf 'bad\377utf8')"
vg_match 'invalid UTF-8'
vg 1 -k "$KEY" put 35 0 'too long here'
vg 1 -k "$KEY" put 0 9 "$(printf 'a\nb')"
vg 1 -k "$KEY" put 0 10 x
printf 'loaded\n\tline two\r\nthree 三\n' >"$T/good.txt"
printf 'bad \001 control\n' >"$T/control.txt"
printf 'bad \300\200 overlong\n' >"$T/overlong.txt"
awk 'BEGIN { for (i = 0; i < 50; i++) printf "x"; print "" }' >"$T/wide.txt"
awk 'BEGIN { for (i = 0; i < 11; i++) print "row" }' >"$T/tall.txt"
vg 0 -k "$KEY" load "$T/good.txt"
VG_STDIN=$T/good.txt vg 0 -k "$KEY" load -
vg 1 -k "$KEY" load "$T/no-such-file"
vg 1 -k "$KEY" load "$T/control.txt"
vg 1 -k "$KEY" load "$T/overlong.txt"
vg 1 -k "$KEY" load "$T/wide.txt"
vg 1 -k "$KEY" load "$T/tall.txt"
vg 1 -k "$KEY" load "$T"
vg 0 -k "$KEY" info
vg 0 -k "$KEY" info --json
vg 0 -t -k "$KEY" info
vg 0 -k "$KEY" chmod 0640
vg 0 -k "$KEY" chown root:root
vg 0 -k "$KEY" clear
vg 0 -k "$KEY" dump

# ---------------------------------------------------------------------------
section "hostile content: cells, slots, a broken header"
row=0
for cat in c0 c1 osc csi sur above word wide; do
	helper cells "$KEY" "$cat" "$row" >/dev/null || fail "hostile could not write $cat"
	row=$((row + 1))
done
vg 0 -k "$KEY" dump
expect_clean dump "$T/out" "dump has no control byte"
vg 0 -k "$KEY" dump --ansi
expect_clean ansi "$T/out" "dump --ansi has no escape sequence but SGR"
helper slots "$KEY" free >/dev/null || fail "hostile could not write the slots"
vg 0 -k "$KEY" info
vg 0 -k "$KEY" info --json
helper header "$KEY" magic 0x12345678 >/dev/null
vg 1 -k "$KEY" dump
vg_match 'not a usable pizarra board'
vg 1 -k "$KEY" put 0 0 x
vg 1 -k "$KEY" info
vg 1 -k "$KEY" chmod 0600
vg 1 -k "$KEY" rm
check "rm left the broken board alone" [ "$(shmids_of_key "$KEY")" = "$ID" ]
helper header "$KEY" magic 0x41525a50 >/dev/null
helper header "$KEY" rows 100000 >/dev/null
vg 1 -k "$KEY" dump
helper header "$KEY" rows 10 >/dev/null
vg 0 -k "$KEY" dump

# ---------------------------------------------------------------------------
section "a segment that is no board"
FID=$(helper foreign "$KEY2" 4096)
[ -z "$FID" ] || cleanup_shmid "$FID"
vg 1 -k "$KEY2" dump
vg_match 'is not a usable pizarra board'
vg 1 -k "$KEY2" put 0 0 x
vg 1 -k "$KEY2" load "$T/good.txt"
vg 1 -k "$KEY2" info
vg 1 -k "$KEY2" clear
vg 1 -k "$KEY2" rm
check "the foreign segment was left alone" [ "$(shmids_of_key "$KEY2")" = "$FID" ]
ipcrm -m "$FID"
TINY=$(helper foreign "$KEY2" 16)
[ -z "$TINY" ] || cleanup_shmid "$TINY"
vg 1 -k "$KEY2" dump
vg_match 'too small'
ipcrm -m "$TINY"

# ---------------------------------------------------------------------------
section "another user's board"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 &&
    setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null &&
    setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$PIZARRA"; then
	vg 0 -k "$KEY" chmod 0600
	VALGRIND="setpriv --reuid=nobody --regid=nogroup --clear-groups $VALGRIND"
	vg 1 -k "$KEY" dump
	vg_match 'you may not attach it'
	vg 1 -k "$KEY" put 0 0 x
	vg 1 -k "$KEY" chmod 0666
	vg 1 -k "$KEY" rm
	VALGRIND=${VALGRIND#setpriv --reuid=nobody --regid=nogroup --clear-groups }
	vg 0 -k "$KEY" chmod 0644
	VALGRIND="setpriv --reuid=nobody --regid=nogroup --clear-groups $VALGRIND"
	vg 0 -k "$KEY" dump
	vg 1 -k "$KEY" put 0 0 x
	vg_match 'you can only view it'
	VALGRIND=${VALGRIND#setpriv --reuid=nobody --regid=nogroup --clear-groups }
else
	echo "(not root, or no setpriv, or nobody cannot run $PIZARRA: skipping this part)"
fi

# ---------------------------------------------------------------------------
section "rm, and what comes after"
helper slots "$KEY" free >/dev/null
vg 0 -k "$KEY" rm
check "the board is gone" poll 2 shm_gone "$ID"
vg 1 -k "$KEY" rm
vg 1 -i "$ID" dump
# A removed segment still attached: reachable by shmid only.
vg 0 -k "$KEY" put 0 0 again
ID2=$(board_shmid "$KEY")
hold_start "$ID2"
check "a helper holds shmid $ID2 attached" poll 3 grep -q attached "$HOLD_OUT"
vg 0 -k "$KEY" rm
vg_match 'marked for removal'
vg 0 -i "$ID2" dump
vg 0 -i "$ID2" info --json
vg 1 -k "$KEY" dump
hold_stop

finish
