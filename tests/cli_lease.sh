#!/bin/sh
# cli_lease.sh - whole-board operations and the board's lease: a live
# holder is waited for (and the command fails, naming it, when it holds on
# past the deadline); a dead, reused or garbage holder never blocks anyone;
# a load or clear whose segment is removed meanwhile says so and exits 1;
# and concurrent loads (and a load against a clear), many rounds of them,
# always leave the board equal to one of them, never a mix.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin helper

BIG=$(test_key 1)
ROUNDS=30
CLEAR_ROUNDS=10

# bg CMD...: run CMD in the background (without the lease fifo), stdout and stderr in $T/bg.out and
# $T/bg.err; BG_PID. bg_wait: wait for it, BG_STATUS.
bg() {
	(
		exec 6>&-
		"$@"
	) >"$T/bg.out" 2>"$T/bg.err" &
	BG_PID=$!
	cleanup_pid "$BG_PID"
}
bg_wait() {
	wait "$BG_PID"
	BG_STATUS=$?
	cleanup_forget_pid "$BG_PID"
}

# lease_dead: the lease names a holder that is not alive.
lease_dead() {
	helper lease "$KEY" show | grep -q '(dead)$'
}

# content_is FILE: the board under KEY dumps exactly FILE.
content_is() {
	expect_dump "$1" -k "$KEY"
}

# ---------------------------------------------------------------------------
section "a board to work on"
printf 'first\n' >"$T/first"
printf 'second\n' >"$T/second"
: >"$T/empty"
expect_status 0 pz -k "$KEY" -s 40x10 load "$T/first"
ID=$(board_shmid "$KEY")
check "a board under $KEY" [ -n "$ID" ]
check "its lease is free" [ "$(helper lease "$KEY" show)" = free ]

section "a live holder is waited for, and named when it holds on past the deadline"
lease_start "$KEY"
for cmd in "load $T/second" clear; do
	# shellcheck disable=SC2086 # split the command's operands
	expect_fails "^pizarra: key $KEY \\(shmid $ID\\): the board is busy: process $LEASE_PID \\(hostile\\) has held its lease for more than 3000 ms \\(a load or clear of the whole board under way\\); try again when it is done\$" \
		pz -k "$KEY" $cmd
	content_is "$T/first"
done
# put writes cells, not the whole board: it does not wait.
expect_status 0 pz -k "$KEY" put 0 1 put
printf 'first\nput\n' >"$T/first-put"
content_is "$T/first-put"
# This load waits for the lease, and goes on when the lease is given back.
# (exec 6>&- in a subshell: a redirection on a function call would leave a
# copy of the helper's fifo open in the subshell, and the helper would
# never see its end.)
(
	exec 6>&-
	pz -k "$KEY" load "$T/first"
) &
WAITER=$!
cleanup_pid "$WAITER"
wait_nattch "$ID" 2
lease_stop
CHECKS=$((CHECKS + 1))
if wait "$WAITER"; then
	pass "the load that waited went on when the lease was given back"
else
	fail "the load that waited for the lease failed"
fi
cleanup_forget_pid "$WAITER"
content_is "$T/first"
check "the lease is free again" [ "$(helper lease "$KEY" show)" = free ]

section "a dead holder never blocks anyone"
for how in dead reused garbage; do
	helper lease "$KEY" "$how" >"$T/how.out"
	check "the lease now names a $how holder, not alive ($(cat "$T/how.out"))" lease_dead
	if expect_status 0 pz -k "$KEY" load "$T/second"; then
		expect_stderr_empty
	fi
	content_is "$T/second"
	check "the lease is free after the load ($how)" [ "$(helper lease "$KEY" show)" = free ]
	helper lease "$KEY" "$how" >/dev/null
	if expect_status 0 pz -k "$KEY" clear; then
		expect_stderr_empty
	fi
	content_is "$T/empty"
	expect_status 0 pz -k "$KEY" load "$T/first"
done

section "ipcrm while a load or a clear waits: reported, exit 1"
for cmd in load clear; do
	expect_status 0 pz -k "$KEY" -s 40x10 load "$T/first"
	ID=$(board_shmid "$KEY")
	lease_start "$KEY"
	if [ "$cmd" = load ]; then
		bg pz -k "$KEY" load "$T/second"
		doing=loading
	else
		bg pz -k "$KEY" clear
		doing=clearing
	fi
	wait_nattch "$ID" 2
	ipcrm -m "$ID"
	check "shmid $ID is marked for removal" ipcs_dest "$ID"
	lease_stop
	bg_wait
	cp "$T/bg.out" "$T/out"
	cp "$T/bg.err" "$T/err"
	LAST_CMD="pizarra -k $KEY $cmd, with ipcrm -m $ID meanwhile"
	CHECKS=$((CHECKS + 1))
	if [ "$BG_STATUS" -eq 1 ]; then
		pass "$LAST_CMD exited 1"
	else
		fail "$LAST_CMD exited $BG_STATUS, expected 1"
		show_output
	fi
	expect_stderr_lines 1
	expect_stderr_match "^pizarra: key $KEY \\(shmid $ID\\): the board was removed while $doing \\(IPC_RMID by someone else\\)"
	check "shmid $ID is gone once the $cmd detached" poll 5 shm_gone "$ID"
done

section "$ROUNDS rounds of two loads at once: the board is always one of them"
# One character at the end of each of 2000 rows of tabs: the text is small
# (cheap to read and check), every row of the 2000x2000 board is written,
# and a mix shows as rows of one file among rows of the other.
awk 'BEGIN { for (r = 0; r < 2000; r++) { for (t = 0; t < 249; t++) printf "\t"; print "a" } }' >"$T/a.txt"
awk 'BEGIN { for (r = 0; r < 2000; r++) { for (t = 0; t < 249; t++) printf "\t"; print "b" } }' >"$T/b.txt"
expect_status 0 pz -k "$BIG" -s 2000x2000 load "$T/a.txt"
BID=$(board_shmid "$BIG")
pz -k "$BIG" dump >"$T/a.dump"
pz -k "$BIG" load "$T/b.txt"
pz -k "$BIG" dump >"$T/b.dump"
# shellcheck disable=SC2317 # called through check
differ() {
	! cmp -s "$1" "$2"
}
check "the two files give different boards" differ "$T/a.dump" "$T/b.dump"

# race FIRST SECOND: start `pizarra FIRST` and `pizarra SECOND` (each a
# command and its operand) at the same moment (a gate, as in
# cli_segment.sh); both must exit 0. RACE_FAILED counts the ones that did not.
race() {
	rm -f "$T/gate"
	mkfifo "$T/gate" || exit 99
	exec 9<>"$T/gate"
	exec 7<"$T/gate"
	_r_pids=
	for _r_cmd in "$1" "$2"; do
		# shellcheck disable=SC2086 # a command and its operand
		(read -r _ <&7 && exec "$PIZARRA" -k "$BIG" $_r_cmd 7<&-) >/dev/null 2>>"$T/race.err" 9>&- &
		_r_pids="$_r_pids $!"
		cleanup_pid "$!"
	done
	printf 'go\ngo\n' >&9
	for _r_p in $_r_pids; do
		wait "$_r_p" || RACE_FAILED=$((RACE_FAILED + 1))
	done
	# shellcheck disable=SC2086 # one pid per word
	cleanup_forget_pid $_r_pids
	exec 9>&- 7<&-
}

: >"$T/race.err"
RACE_FAILED=0
MIXED=0
round=0
while [ "$round" -lt "$ROUNDS" ]; do
	race "load $T/a.txt" "load $T/b.txt"
	pz -k "$BIG" dump >"$T/now.dump"
	if ! cmp -s "$T/now.dump" "$T/a.dump" && ! cmp -s "$T/now.dump" "$T/b.dump"; then
		MIXED=$((MIXED + 1))
	fi
	round=$((round + 1))
done
check "every load exited 0 ($RACE_FAILED failed: $(head -n 2 "$T/race.err"))" [ "$RACE_FAILED" -eq 0 ]
check "after each of $ROUNDS rounds the board was one file, entirely ($MIXED mixed)" [ "$MIXED" -eq 0 ]

# A clear is quicker than a load (which reads its file first), so this
# rarely overlaps even without the lease; it checks that a load and a clear
# contending for the lease both finish, with the lease free afterwards.
section "$CLEAR_ROUNDS rounds of a load and a clear at once: the board is the file or empty"
: >"$T/empty.dump"
MIXED=0
round=0
while [ "$round" -lt "$CLEAR_ROUNDS" ]; do
	pz -k "$BIG" load "$T/b.txt"
	race "load $T/a.txt" clear
	pz -k "$BIG" dump >"$T/now.dump"
	if ! cmp -s "$T/now.dump" "$T/a.dump" && ! cmp -s "$T/now.dump" "$T/empty.dump"; then
		MIXED=$((MIXED + 1))
	fi
	round=$((round + 1))
done
check "every command exited 0 ($RACE_FAILED failed: $(head -n 2 "$T/race.err"))" [ "$RACE_FAILED" -eq 0 ]
check "after each of $CLEAR_ROUNDS rounds the board was the file or empty ($MIXED mixed)" [ "$MIXED" -eq 0 ]
check "nobody is left attached to the raced board" [ "$(shm_field "$BID" nattch)" = 0 ]
check "its lease is free" [ "$(helper lease "$BIG" show)" = free ]

finish
