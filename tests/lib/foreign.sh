# shellcheck shell=sh
# foreign.sh - segments that are no boards, as students' programs make
# them, for the tests of pizarra ls, top and peek: the C helper
# tests/foreign (tests/foreign.c), holders that keep a segment attached
# under a process name of their choosing, the owner uid a test gives its
# segments so that `--owner UID` shows them alone, and CPU time and
# context switches of a process over a while. Sourced by a test after
# test.sh (it uses cleanup.sh, report.sh and poll.sh, and T).
#
# Interface:
#   foreign_init           exit 99 when the helper is not built
#   FOREIGN                its path (TESTS_BUILDDIR/foreign)
#   foreign ARGS...        run it (`tests/foreign` with no arguments lists
#                          its subcommands)
#   foreign_new VAR ARGS...  run `foreign ARGS` (ints, random), which prints a
#                          shmid: VAR gets it, and it is removed at exit
#   holder_start NAME ID rw|ro   a process named NAME (any bytes) keeps shmid
#                          ID attached until holder_stop NAME (a check that
#                          it attached); its pid in $T/holder.NAME.pid
#   holder_pid NAME        that pid
#   holder_stop NAME       a check: it detached and exited
#   TEST_UID               a uid of this run that no user has (3900000 up):
#                          give it to a segment (foreign chown ID $TEST_UID)
#                          and `pizarra --owner $TEST_UID` shows ours alone
#   usage_of MS PID        "pid PID: cpu N ms, switches N over MS ms"
#   usage_cpu LINE, usage_switches LINE   the numbers in such a line

FOREIGN=
TEST_UID=

foreign_init() {
	FOREIGN=$TESTS_BUILDDIR/foreign
	if [ ! -x "$FOREIGN" ]; then
		echo "foreign.sh: the helper $FOREIGN is missing; make check builds it (make tests/foreign)" >&2
		exit 99
	fi
	TEST_UID=$((3900000 + $$ % 100000))
	while getent passwd "$TEST_UID" >/dev/null 2>&1; do
		TEST_UID=$((TEST_UID + 100000))
	done
}

foreign() {
	"$FOREIGN" "$@"
}

foreign_new() {
	_fo_var=$1
	shift
	_fo_id=$("$FOREIGN" "$@") || abort "foreign $* failed"
	cleanup_shmid "$_fo_id"
	eval "$_fo_var=\$_fo_id"
}

# holder_start NAME ID rw|ro: like helper.sh's hold_start, one fifo per holder
# (opened read-write by a subshell that keeps it open, so the open never
# blocks); holder_stop closes it.
holder_start() {
	_fo_n=$1
	rm -f "$T/holder.$_fo_n.fifo" "$T/holder.$_fo_n.out"
	mkfifo "$T/holder.$_fo_n.fifo" || abort "mkfifo failed"
	sleep 3600 <>"$T/holder.$_fo_n.fifo" &
	echo $! >"$T/holder.$_fo_n.keeper"
	cleanup_pid "$!"
	"$FOREIGN" holdas "$_fo_n" "$2" "$3" <"$T/holder.$_fo_n.fifo" >"$T/holder.$_fo_n.out" 2>&1 &
	echo $! >"$T/holder.$_fo_n.pid"
	cleanup_pid "$!"
	CHECKS=$((CHECKS + 1))
	if poll 5 grep -q '^attached ' "$T/holder.$_fo_n.out"; then
		pass "holder $_fo_n (pid $!) has shmid $2 attached ($3)"
	else
		fail "holder $_fo_n did not attach shmid $2: $(cat "$T/holder.$_fo_n.out")"
	fi
}

holder_pid() {
	cat "$T/holder.$1.pid"
}

holder_stop() {
	_fo_k=$(cat "$T/holder.$1.keeper")
	_fo_p=$(cat "$T/holder.$1.pid")
	kill "$_fo_k" 2>/dev/null
	wait "$_fo_k" 2>/dev/null
	CHECKS=$((CHECKS + 1))
	if wait "$_fo_p" && grep -q '^detached ' "$T/holder.$1.out"; then
		pass "holder $1 detached and exited"
	else
		fail "holder $1 did not detach: $(cat "$T/holder.$1.out")"
	fi
	cleanup_forget_pid "$_fo_k" "$_fo_p"
}

usage_of() {
	"$FOREIGN" usage "$@"
}

usage_cpu() {
	echo "$1" | sed -n 's/.* cpu \([0-9]*\) ms.*/\1/p'
}

usage_switches() {
	echo "$1" | sed -n 's/.* switches \([0-9]*\) .*/\1/p'
}
