# shellcheck shell=sh
# helper.sh - the C helper, tests/hostile (tests/hostile.c, built by `make
# check`): a process other than pizarra that makes foreign segments, reads
# and writes their bytes, holds one attached, polls shm_nattch, writes
# hostile cells, headers and slots into a live board, and checks the bytes
# a client sent to its terminal. Sourced by test.sh; uses report.sh and
# cleanup.sh (cleanup_pid), and T, the test's temp dir (test_begin), for its
# files. `test_begin helper` (or panes) runs helper_init.
#
# Interface:
#   helper_init            exit 99 when the helper is not built
#   HELPER                 its path (default TESTS_BUILDDIR/hostile; set it in
#                          the environment to use another build)
#   helper ARGS...         run it (`tests/hostile` with no arguments lists
#                          its subcommands)
#   wait_nattch ID N       a check: shmid ID reaches N attachments within 5 s
#   hold_start ID          keep shmid ID attached (read-only) by a helper
#                          process until hold_stop; its output ("attached
#                          ID", later "detached ID") goes to $HOLD_OUT
#   hold_stop              a check: the holder detaches and exits
#   lease_start KEY        a check: a helper process takes the board's lease
#                          and holds it until lease_stop (LEASE_PID; its
#                          output, "leased ID" then "given ID", in $LEASE_OUT)
#   lease_stop             a check: it gives the lease back and exits
#   expect_clean MODE FILE WHAT   a check: FILE passes `hostile rawcheck MODE`
#                          (term: what a client may send its terminal;
#                          dump: text with no control byte; ansi: dump plus
#                          SGR sequences only)

HELPER=${HELPER:-}
HOLD_OUT=
HOLD_PID=
LEASE_OUT=
LEASE_PID=

helper_init() {
	: "${HELPER:=$TESTS_BUILDDIR/hostile}"
	if [ ! -x "$HELPER" ]; then
		echo "helper.sh: the C helper $HELPER is missing; make check builds it (make tests/hostile)" >&2
		exit 99
	fi
}

# helper ARGS...: run the C helper.
helper() {
	"$HELPER" "$@"
}

# wait_nattch ID N: poll until shmid ID has N attachments (5 s deadline).
wait_nattch() {
	CHECKS=$((CHECKS + 1))
	if ! "$HELPER" waitnattch "$1" "$2" 5000; then
		fail "shmid $1 did not reach shm_nattch $2"
		return 1
	fi
	return 0
}

# hold_start ID: keep shmid ID attached by a helper process until hold_stop.
# The shell holds a fifo open read-write on fd 8 (that open never blocks, so
# a signal cannot interrupt it and abort the shell before its EXIT trap);
# the helper reads it without a writer of its own, and sees EOF when fd 8 is
# closed.
hold_start() {
	HOLD_OUT=$T/hold.out
	# emptied here, not by the background job's redirection: a caller that
	# polls it for "attached" must not find the last helper's words in it
	: >"$HOLD_OUT"
	rm -f "$T/hold.fifo"
	mkfifo "$T/hold.fifo" || abort "mkfifo failed"
	exec 8<>"$T/hold.fifo"
	"$HELPER" hold "$1" <"$T/hold.fifo" >"$HOLD_OUT" 2>&1 8>&- &
	HOLD_PID=$!
	cleanup_pid "$HOLD_PID"
}

# hold_stop: let the helper detach and exit; check that it did.
hold_stop() {
	exec 8>&-
	CHECKS=$((CHECKS + 1))
	if wait "$HOLD_PID"; then
		pass "the helper detached and exited ($(tr '\n' ' ' <"$HOLD_OUT"))"
	else
		fail "the holding helper failed: $(cat "$HOLD_OUT")"
	fi
	cleanup_forget_pid "$HOLD_PID"
	HOLD_PID=
}

# expect_clean MODE FILE WHAT: FILE passes `hostile rawcheck MODE`.
expect_clean() {
	CHECKS=$((CHECKS + 1))
	if "$HELPER" rawcheck "$1" "$2" >"$T/rawcheck.out" 2>&1; then
		pass "$3 ($(sed 's|.*: ||' "$T/rawcheck.out"))"
		return 0
	fi
	fail "$3:"
	sed 's/^/   /' "$T/rawcheck.out"
	return 1
}

# lease_start KEY: a helper takes the board's lease and holds it until
# lease_stop (a fifo on fd 6, as helper.sh's hold_start does it).
lease_start() {
	LEASE_OUT=$T/lease.out
	# emptied now: the redirection below happens when the background job
	# starts, and a loaded machine starts it late, after the poll below has
	# read the last helper's "leased" (the command meant to wait for this
	# lease then found it free)
	: >"$LEASE_OUT"
	rm -f "$T/lease.fifo"
	mkfifo "$T/lease.fifo" || abort "mkfifo failed"
	exec 6<>"$T/lease.fifo"
	"$HELPER" lease "$1" hold <"$T/lease.fifo" >"$LEASE_OUT" 2>&1 6>&- &
	LEASE_PID=$!
	cleanup_pid "$LEASE_PID"
	CHECKS=$((CHECKS + 1))
	if poll 5 grep -q '^leased ' "$LEASE_OUT"; then
		pass "the helper (pid $LEASE_PID) holds the lease"
	else
		fail "the helper did not take the lease: $(cat "$LEASE_OUT")"
	fi
}

# lease_stop: the helper gives the lease back and exits.
lease_stop() {
	exec 6>&-
	CHECKS=$((CHECKS + 1))
	if wait "$LEASE_PID" && grep -q '^given ' "$LEASE_OUT"; then
		pass "the helper gave the lease back"
	else
		fail "the helper did not give the lease back: $(cat "$LEASE_OUT")"
	fi
	cleanup_forget_pid "$LEASE_PID"
	LEASE_PID=
}
