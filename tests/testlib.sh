# shellcheck shell=sh
# testlib.sh - sourced by the cli_*.sh tests of pizarra's command line.
#
# It gives every test:
#   - keys of its own: test_key SUB (SUB 0..3) is
#       (0xE0 + 4 * TEST_N + SUB) << 24 | (PID & 0xFFFFFF)
#     where TEST_N is the test's number (below) and PID this shell's pid, so
#     tests running in parallel (and the Check suites, which use high bytes
#     0xA0..0xDF) never share a key; KEY is test_key 0;
#   - a temporary directory $T (under TESTS_BUILDDIR, or mktemp -d);
#   - an EXIT trap that stops the processes the test started, removes every
#     segment under the test's keys (ipcrm -M) and any segment it registered,
#     removes $T, and fails the test if a segment survived;
#   - the report (check, pass, fail, section, finish...) and the segment
#     helpers (shmids_of_key, shm_field, register_shmid...) of reportlib.sh;
#   - assertions: fail, expect_status, expect_error, expect_usage_error,
#     expect_stderr_match, expect_stdout_match, expect_stdout_file...;
#   - a small C helper (build_shmhelper) that creates foreign segments, reads
#     and writes their bytes, holds a segment attached and polls shm_nattch.
#
# Environment (set by `make check`): PIZARRA, TESTS_SRCDIR, TESTS_BUILDDIR.
# The tests also run by hand: sh tests/cli_board.sh from the build tree.

set -u

TEST_NAME=$(basename "$0" .sh)
case $TEST_NAME in
cli_usage) TEST_N=0 ;;
cli_board) TEST_N=1 ;;
cli_errors) TEST_N=2 ;;
cli_segment) TEST_N=3 ;;
cli_access) TEST_N=4 ;;
*)
	echo "testlib.sh: unknown test '$TEST_NAME': give it a number in testlib.sh" >&2
	exit 99
	;;
esac

: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
# shellcheck source=tests/reportlib.sh
. "$TESTS_SRCDIR/reportlib.sh"

BG_PIDS=
EXTRA_KEYS=
EXTRA_DIRS=
HOLD_PID=
STATUS=0
LAST_CMD=
SHMHELPER=
T=

# ---------------------------------------------------------------- reporting

# show_output: the last command's stdout and stderr, for failure reports.
show_output() {
	printf '   --- stdout of: %s\n' "$LAST_CMD"
	sed 's/^/   | /' "$T/out"
	printf '   --- stderr\n'
	sed 's/^/   | /' "$T/err"
}

# --------------------------------------------------------------- assertions

# run CMD...: run CMD with stdout in $T/out, stderr in $T/err; STATUS.
run() {
	LAST_CMD=$*
	"$@" >"$T/out" 2>"$T/err"
	STATUS=$?
}

# expect_status N CMD...: run CMD and check that it exits with N.
expect_status() {
	_tl_want=$1
	shift
	CHECKS=$((CHECKS + 1))
	run "$@"
	if [ "$STATUS" -ne "$_tl_want" ]; then
		fail "'$LAST_CMD' exited $STATUS, expected $_tl_want"
		show_output
		return 1
	fi
	pass "$LAST_CMD (exit $STATUS)"
	return 0
}

# expect_stderr_match REGEX: the last command's stderr matches (grep -E).
expect_stderr_match() {
	CHECKS=$((CHECKS + 1))
	if ! grep -Eq -- "$1" "$T/err"; then
		fail "stderr of '$LAST_CMD' does not match /$1/"
		show_output
		return 1
	fi
	return 0
}

# expect_stderr_nomatch REGEX: the last command's stderr does not match.
expect_stderr_nomatch() {
	CHECKS=$((CHECKS + 1))
	if grep -Eq -- "$1" "$T/err"; then
		fail "stderr of '$LAST_CMD' matches /$1/ but should not"
		show_output
		return 1
	fi
	return 0
}

# expect_stderr_lines N: the last command wrote exactly N lines on stderr.
expect_stderr_lines() {
	CHECKS=$((CHECKS + 1))
	_tl_n=$(wc -l <"$T/err")
	_tl_n=$((_tl_n + 0))
	if [ "$_tl_n" -ne "$1" ] || { [ -s "$T/err" ] && [ "$(tail -c 1 "$T/err" | od -An -tx1 | tr -d ' ')" != 0a ]; }; then
		fail "'$LAST_CMD' wrote $_tl_n line(s) on stderr, expected $1 (newline-terminated)"
		show_output
		return 1
	fi
	return 0
}

# expect_stderr_empty: nothing on stderr.
expect_stderr_empty() {
	CHECKS=$((CHECKS + 1))
	if [ -s "$T/err" ]; then
		fail "'$LAST_CMD' wrote on stderr, expected nothing"
		show_output
		return 1
	fi
	return 0
}

# expect_stdout_empty: nothing on stdout.
expect_stdout_empty() {
	CHECKS=$((CHECKS + 1))
	if [ -s "$T/out" ]; then
		fail "'$LAST_CMD' wrote on stdout, expected nothing"
		show_output
		return 1
	fi
	return 0
}

# expect_stdout_match REGEX: the last command's stdout matches (grep -E).
expect_stdout_match() {
	CHECKS=$((CHECKS + 1))
	if ! grep -Eq -- "$1" "$T/out"; then
		fail "stdout of '$LAST_CMD' does not match /$1/"
		show_output
		return 1
	fi
	return 0
}

# expect_stdout_nomatch REGEX: the last command's stdout does not match.
expect_stdout_nomatch() {
	CHECKS=$((CHECKS + 1))
	if grep -Eq -- "$1" "$T/out"; then
		fail "stdout of '$LAST_CMD' matches /$1/ but should not"
		show_output
		return 1
	fi
	return 0
}

# expect_stdout_file FILE: the last command's stdout is byte-identical to FILE.
expect_stdout_file() {
	CHECKS=$((CHECKS + 1))
	if ! cmp -s "$1" "$T/out"; then
		fail "stdout of '$LAST_CMD' differs from $(basename "$1") (- expected, + actual):"
		diff -u "$1" "$T/out" | sed 's/^/   /'
		printf '   expected bytes:\n'
		od -c "$1" | sed 's/^/   /' | head -20
		printf '   actual bytes:\n'
		od -c "$T/out" | sed 's/^/   /' | head -20
		return 1
	fi
	return 0
}

# expect_files_equal A B WHAT: two files are byte-identical.
expect_files_equal() {
	CHECKS=$((CHECKS + 1))
	if ! cmp -s "$1" "$2"; then
		fail "$3: $(basename "$1") and $(basename "$2") differ"
		cmp "$1" "$2" | sed 's/^/   /'
		return 1
	fi
	pass "$3"
	return 0
}

# expect_error STATUS REGEX CMD...: CMD exits STATUS with exactly one line
# on stderr that starts with "pizarra: " and matches REGEX, and no stdout.
expect_error() {
	_tl_st=$1
	_tl_re=$2
	shift 2
	expect_status "$_tl_st" "$@" || return 1
	expect_stderr_lines 1 || return 1
	expect_stderr_match '^pizarra: ' || return 1
	expect_stderr_match "$_tl_re" || return 1
	expect_stdout_empty || return 1
	return 0
}

# expect_usage_error REGEX CMD...: expect_error 2 ... with the usage hint.
expect_usage_error() {
	expect_error 2 "$@"
}

# expect_fails REGEX CMD...: expect_error 1 ...
expect_fails() {
	expect_error 1 "$@"
}

# ------------------------------------------------------------------ running

# bg_started PID: a background process the EXIT trap must stop.
bg_started() {
	BG_PIDS="$BG_PIDS $1"
}

# bg_waited PID...: processes already waited for (their pids may be reused:
# the EXIT trap must not signal them any more).
bg_waited() {
	for _tl_w in "$@"; do
		_tl_keep=
		for _tl_p in $BG_PIDS; do
			[ "$_tl_p" = "$_tl_w" ] || _tl_keep="$_tl_keep $_tl_p"
		done
		BG_PIDS=$_tl_keep
	done
}

# pz ARGS...: run pizarra.
pz() {
	"$PIZARRA" "$@"
}

# ------------------------------------------------------------- keys, shmids

# test_key SUB: the test's key number SUB (0..3), as 0x%08x.
test_key() {
	printf '0x%08x' $((((0xE0 + 4 * TEST_N + $1) << 24) | ($$ & 0xFFFFFF)))
}

# shellcheck disable=SC2034 # used by the tests that source this file
KEY=$(test_key 0)

# register_key KEY: remove segments under KEY too when the test exits.
register_key() {
	EXTRA_KEYS="$EXTRA_KEYS $1"
}

# register_dir DIR: remove DIR too when the test exits.
register_dir() {
	EXTRA_DIRS="$EXTRA_DIRS $1"
}

# shm_count_key KEY: how many segments exist under KEY.
shm_count_key() {
	shmids_of_key "$1" | wc -l | tr -d ' '
}

# -------------------------------------------------------------- C helper

# build_shmhelper: compile the helper into $T/shmhelper; sets SHMHELPER.
#   shmhelper create KEY SIZE [MODE]       shmget IPC_CREAT|IPC_EXCL, prints the shmid
#   shmhelper read ID                      the segment's bytes on stdout
#   shmhelper write ID [OFFSET]            stdin into the segment at OFFSET
#   shmhelper poke32 ID OFFSET VALUE       store a native 32-bit word
#   shmhelper hold ID                      attach, print "attached", wait for EOF on stdin, detach
#   shmhelper nattch ID                    print shm_nattch
#   shmhelper waitnattch ID N MS           poll shm_nattch until N, for at most MS ms
build_shmhelper() {
	cat >"$T/shmhelper.c" <<'EOF'
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>

static unsigned long
num(const char *s)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno != 0 || *end != '\0' || end == s) {
		fprintf(stderr, "shmhelper: '%s' is not a number\n", s);
		exit(2);
	}
	return v;
}

static int
fail(const char *what)
{
	fprintf(stderr, "shmhelper: %s: %s\n", what, strerror(errno));
	return 1;
}

static int
stat_id(int id, struct shmid_ds *ds)
{
	if (shmctl(id, IPC_STAT, ds) != 0)
		return fail("shmctl IPC_STAT");
	return 0;
}

int
main(int argc, char **argv)
{
	struct shmid_ds ds;
	unsigned char *p;
	int id;

	if (argc < 3) {
		fprintf(stderr, "usage: shmhelper create|read|write|poke32|hold|nattch|waitnattch ...\n");
		return 2;
	}
	if (strcmp(argv[1], "create") == 0) {
		if (argc < 4)
			return 2;
		id = shmget((key_t)(uint32_t)num(argv[2]), num(argv[3]),
		    IPC_CREAT | IPC_EXCL | (int)(argc > 4 ? num(argv[4]) : 0600));
		if (id < 0)
			return fail("shmget");
		printf("%d\n", id);
		return 0;
	}
	id = (int)num(argv[2]);
	if (stat_id(id, &ds) != 0)
		return 1;
	if (strcmp(argv[1], "nattch") == 0) {
		printf("%lu\n", (unsigned long)ds.shm_nattch);
		return 0;
	}
	if (strcmp(argv[1], "waitnattch") == 0) {
		struct timespec ms = { 0, 1000000 }, now, end;
		unsigned long want = num(argv[3]), limit = num(argv[4]);

		clock_gettime(CLOCK_MONOTONIC, &end);
		end.tv_sec += (time_t)(limit / 1000);
		end.tv_nsec += (long)(limit % 1000) * 1000000;
		if (end.tv_nsec >= 1000000000) {
			end.tv_sec++;
			end.tv_nsec -= 1000000000;
		}
		for (;;) {
			if (stat_id(id, &ds) != 0)
				return 1;
			if (ds.shm_nattch == want)
				return 0;
			clock_gettime(CLOCK_MONOTONIC, &now);
			if (now.tv_sec > end.tv_sec ||
			    (now.tv_sec == end.tv_sec && now.tv_nsec >= end.tv_nsec)) {
				fprintf(stderr, "shmhelper: shmid %d: shm_nattch is %lu, "
				    "not %lu, after %lu ms\n", id,
				    (unsigned long)ds.shm_nattch, want, limit);
				return 1;
			}
			nanosleep(&ms, NULL);
		}
	}
	p = shmat(id, NULL, strcmp(argv[1], "read") == 0 ? SHM_RDONLY : 0);
	if (p == (void *)-1)
		return fail("shmat");
	if (strcmp(argv[1], "read") == 0) {
		if (fwrite(p, 1, ds.shm_segsz, stdout) != ds.shm_segsz || fflush(stdout) != 0)
			return fail("write");
	} else if (strcmp(argv[1], "write") == 0) {
		size_t off = argc > 3 ? num(argv[3]) : 0, n;
		int c;

		for (n = off; (c = getchar()) != EOF; n++) {
			if (n >= ds.shm_segsz) {
				fprintf(stderr, "shmhelper: input larger than the segment\n");
				return 1;
			}
			p[n] = (unsigned char)c;
		}
	} else if (strcmp(argv[1], "poke32") == 0) {
		size_t off;
		uint32_t v;

		if (argc < 5)
			return 2;
		off = num(argv[3]);
		v = (uint32_t)num(argv[4]);
		if (off % 4 != 0 || off + 4 > ds.shm_segsz) {
			fprintf(stderr, "shmhelper: bad offset %zu\n", off);
			return 1;
		}
		memcpy(p + off, &v, sizeof v);
	} else if (strcmp(argv[1], "hold") == 0) {
		char buf[64];
		ssize_t r;

		printf("attached %d\n", id);
		fflush(stdout);
		while ((r = read(0, buf, sizeof buf)) != 0)
			if (r < 0 && errno != EINTR)
				break;
		if (shmdt(p) != 0)
			return fail("shmdt");
		printf("detached %d\n", id);
		return 0;
	} else {
		fprintf(stderr, "shmhelper: unknown command %s\n", argv[1]);
		return 2;
	}
	if (shmdt(p) != 0)
		return fail("shmdt");
	return 0;
}
EOF
	if ! ${CC:-cc} -std=c11 -D_GNU_SOURCE -o "$T/shmhelper" "$T/shmhelper.c" >"$T/cc.log" 2>&1; then
		cat "$T/cc.log"
		echo "testlib.sh: cannot compile the shared-memory helper with ${CC:-cc}" >&2
		exit 99
	fi
	SHMHELPER=$T/shmhelper
}

# shmhelper ARGS...: run the helper.
shmhelper() {
	"$SHMHELPER" "$@"
}

# wait_nattch ID N: poll until shmid ID has N attachments (5 s deadline).
wait_nattch() {
	CHECKS=$((CHECKS + 1))
	if ! "$SHMHELPER" waitnattch "$1" "$2" 5000; then
		fail "shmid $1 did not reach shm_nattch $2"
		return 1
	fi
	return 0
}

# hold_start ID: keep shmid ID attached by a helper process until hold_stop.
# The shell holds the fifo open read-write on fd 8 (that open never blocks,
# so a signal cannot interrupt it and abort the shell before its EXIT trap);
# the helper reads it without a writer of its own, and sees EOF when fd 8 is
# closed.
hold_start() {
	rm -f "$T/hold.fifo"
	mkfifo "$T/hold.fifo" || exit 99
	exec 8<>"$T/hold.fifo"
	"$SHMHELPER" hold "$1" <"$T/hold.fifo" >"$T/hold.out" 2>&1 8>&- &
	HOLD_PID=$!
	bg_started "$HOLD_PID"
}

# hold_stop: let the helper detach and exit; check that it did.
hold_stop() {
	exec 8>&-
	CHECKS=$((CHECKS + 1))
	if wait "$HOLD_PID"; then
		pass "helper detached ($(tr '\n' ' ' <"$T/hold.out"))"
	else
		fail "the holding helper failed: $(cat "$T/hold.out")"
	fi
	bg_waited "$HOLD_PID"
	HOLD_PID=
}

# ------------------------------------------------------------------ cleanup

testlib_cleanup() {
	_tl_status=$?
	trap - EXIT
	set +u
	exec 8>&-
	for _tl_p in $BG_PIDS; do
		kill "$_tl_p" 2>/dev/null
	done
	for _tl_p in $BG_PIDS; do
		wait "$_tl_p" 2>/dev/null
	done
	_tl_keys="$(test_key 0) $(test_key 1) $(test_key 2) $(test_key 3) $EXTRA_KEYS"
	for _tl_k in $_tl_keys; do
		for _tl_id in $(shmids_of_key "$_tl_k"); do
			ipcrm -m "$_tl_id" 2>/dev/null
		done
		ipcrm -M "$_tl_k" 2>/dev/null
	done
	_tl_left=
	for _tl_k in $_tl_keys; do
		[ -z "$(shmids_of_key "$_tl_k")" ] || _tl_left="$_tl_left key $_tl_k"
	done
	for _tl_id in $SHMIDS; do
		! shm_exists "$_tl_id" || _tl_left="$_tl_left shmid $_tl_id"
	done
	if [ -n "$_tl_left" ]; then
		echo "FAIL: segments left behind after cleanup:$_tl_left"
		[ "$_tl_status" -ne 0 ] || _tl_status=1
	fi
	[ -z "$T" ] || rm -rf "$T"
	for _tl_d in $EXTRA_DIRS; do
		rm -rf "$_tl_d"
	done
	exit "$_tl_status"
}

trap testlib_cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -d "$TESTS_BUILDDIR" ] && [ -w "$TESTS_BUILDDIR" ]; then
	T=$(mktemp -d "$TESTS_BUILDDIR/$TEST_NAME.tmp.XXXXXX") || exit 99
else
	T=$(mktemp -d) || exit 99
fi

if [ ! -x "$PIZARRA" ]; then
	echo "testlib.sh: PIZARRA=$PIZARRA is not an executable; run make first" >&2
	exit 99
fi

echo "$TEST_NAME: pizarra $PIZARRA, keys $(test_key 0) $(test_key 1) $(test_key 2) $(test_key 3), temp $T"
