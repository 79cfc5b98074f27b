# shellcheck shell=sh
# reportlib.sh - sourced by testlib.sh, uilib.sh and hostilelib.sh (after
# they set TEST_NAME and TESTS_SRCDIR): what every shell test shares.
#
#   - The environment: TESTS_BUILDDIR (default TESTS_SRCDIR), PIZARRA (the
#     program under test, default TESTS_BUILDDIR/../src/pizarra) and
#     LC_ALL=C.UTF-8, exported.
#   - The report. check, pass, fail, section, abort and finish print one line
#     per check into the log and count into CHECKS and FAILS; finish prints
#     "TEST_NAME: N checks, M failed" and exits 1 when one failed; skip exits
#     77 (automake's SKIP). show_file frames a file for a failure report.
#   - System V segments, read from /proc/sysvipc/shm: key_dec, shm_field,
#     shmids_of_key, shm_exists, shm_gone; register_shmid and board_shmid
#     collect into SHMIDS the segments that must be gone when the test ends
#     (the sourcing library's EXIT trap removes and checks them).

: "${TESTS_BUILDDIR:=$TESTS_SRCDIR}"
: "${PIZARRA:=$TESTS_BUILDDIR/../src/pizarra}"
LC_ALL=C.UTF-8
export LC_ALL

CHECKS=0
FAILS=0
SHMIDS=

# ---------------------------------------------------------------- reporting

# fail MESSAGE...: record a failed check (the test goes on and exits 1).
fail() {
	FAILS=$((FAILS + 1))
	printf 'FAIL: %s\n' "$*"
}

# pass MESSAGE...: record a passed check.
pass() {
	printf 'ok: %s\n' "$*"
}

# section TITLE: a heading in the log.
section() {
	printf '\n== %s\n' "$*"
}

# finish: end of the test; exit 1 when a check failed.
finish() {
	printf '\n%s: %d checks, %d failed\n' "$TEST_NAME" "$CHECKS" "$FAILS"
	[ "$FAILS" -eq 0 ] || exit 1
	exit 0
}

# abort MESSAGE...: a check the rest of the test cannot do without failed.
abort() {
	CHECKS=$((CHECKS + 1))
	fail "$* (giving up on the rest of the test)"
	finish
}

# skip MESSAGE...: the test cannot run here (exit 77).
skip() {
	echo "SKIP: $*"
	exit 77
}

# check MESSAGE CMD...: a generic assertion, e.g. check "a is b" [ "$a" = b ].
check() {
	_rl_msg=$1
	shift
	CHECKS=$((CHECKS + 1))
	if "$@"; then
		pass "$_rl_msg"
		return 0
	fi
	fail "$_rl_msg"
	return 1
}

# show_file FILE TITLE: a file's content framed (its first 40 lines), for a failure.
show_file() {
	printf '   --- %s:\n' "$2"
	sed 's/^/   |/' "$1" | head -40
	printf '   --- (bytes:)\n'
	od -c "$1" | sed 's/^/   /' | head -20
}

# ----------------------------------------------------------------- segments

# key_dec KEY: the key as /proc/sysvipc/shm prints it (a signed int).
key_dec() {
	_rl_k=$(($1))
	[ "$_rl_k" -lt 2147483648 ] || _rl_k=$((_rl_k - 4294967296))
	echo "$_rl_k"
}

# shmids_of_key KEY: the shmids of the segments under KEY (none, or one).
shmids_of_key() {
	awk -v k="$(key_dec "$1")" 'NR > 1 && $1 == k { print $2 }' /proc/sysvipc/shm
}

# shm_field ID FIELD: a column of /proc/sysvipc/shm for shmid ID (key perms
# size cpid lpid nattch uid gid...); empty when ID does not exist.
shm_field() {
	awk -v id="$1" -v f="$2" '
	NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$2 == id { print $(col[f]); exit }' /proc/sysvipc/shm
}

# shm_exists ID: true when shmid ID exists.
shm_exists() {
	[ -n "$(shm_field "$1" shmid)" ]
}

# shm_gone ID: true when shmid ID does not exist.
shm_gone() {
	! shm_exists "$1"
}

# register_shmid ID: a segment the test knows about; it must be gone at exit.
register_shmid() {
	SHMIDS="$SHMIDS $1"
}

# board_shmid KEY: the shmid under KEY now (registered for cleanup); empty if none.
board_shmid() {
	_rl_id=$(shmids_of_key "$1")
	[ -z "$_rl_id" ] || register_shmid "$_rl_id"
	echo "$_rl_id"
}
