# shellcheck shell=sh
# cleanup.sh - the cleanup registry: everything a test started or made that
# must not outlive it, and the one EXIT/HUP/INT/PIPE/TERM trap that takes it
# all away. Sourced by test.sh; uses segments.sh (shmids_of_key,
# shm_exists) and poll.sh (poll).
#
# What is registered goes into files in the registry's directory (the
# test's temp dir), so a registration made in a subshell, such as
# ID=$(board_shmid "$KEY"), counts too.
#
# At exit, in this order, the trap:
#   1. continues every registered client (a stopped one cannot exit), then
#      continues and stops (SIGTERM) every registered process;
#   2. kills every registered tmux server (its panes get SIGHUP);
#   3. waits until every client is gone (3 s; then kill -9, 2 s more);
#   4. waits for the registered processes;
#   5. removes every segment under the test's keys and registered keys and
#      every registered shmid (even one marked for removal, whose key is 0);
#   6. fails the test (status 1) if a segment under those keys is still
#      there, or a registered shmid is not gone within 3 s (a removed
#      segment lives until its last detach);
#   7. removes the registered paths, then the registry's directory;
# and exits with the test's status (or 1 from step 6). A signal exits with
# 128 + its number through the same trap.
#
# Interface:
#   cleanup_start DIR KEY...   install the trap; DIR holds the registry and is
#                              removed last; KEY... are the test's own keys
#                              (test_begin calls it)
#   cleanup_pid PID            a background process to stop at exit
#   cleanup_forget_pid PID...  processes already waited for (their pids may
#                              be reused: not to be signalled any more)
#   cleanup_client BASE        a pizarra whose wrapper writes its pid into
#                              BASE.pid and, once it exited, its status into
#                              BASE.status (panes.sh); at exit one that
#                              exited, or whose pid is no pizarra any more,
#                              is not ours (its pid may be someone else's)
#   cleanup_tmux SERVER        a tmux server (tmux -L SERVER) to kill
#   cleanup_key KEY            remove the segments under KEY too
#   cleanup_shmid ID           a segment that must be gone at exit
#   cleanup_path PATH          a file or directory to remove (rm -rf)

CLEANUP_DIR=
CLEANUP_KEYS=

cleanup_start() {
	CLEANUP_DIR=$1
	shift
	CLEANUP_KEYS=$*
	trap cleanup_run EXIT
	trap 'exit 129' HUP
	trap 'exit 130' INT
	trap 'exit 141' PIPE
	trap 'exit 143' TERM
}

# cleanup_add LIST VALUE...: append to the registry file LIST.
cleanup_add() {
	_cl_list=$1
	shift
	if [ -z "$CLEANUP_DIR" ] || [ ! -d "$CLEANUP_DIR" ]; then
		echo "cleanup.sh: cleanup_$_cl_list before cleanup_start" >&2
		exit 99
	fi
	printf '%s\n' "$@" >>"$CLEANUP_DIR/cleanup.$_cl_list"
}

# cleanup_list LIST: the values registered in LIST.
cleanup_list() {
	cat "$CLEANUP_DIR/cleanup.$1" 2>/dev/null
}

cleanup_pid() {
	cleanup_add pid "$@"
}

cleanup_forget_pid() {
	[ -f "$CLEANUP_DIR/cleanup.pid" ] || return 0
	for _cl_w in "$@"; do
		grep -vx -- "$_cl_w" "$CLEANUP_DIR/cleanup.pid" >"$CLEANUP_DIR/cleanup.pid.new"
		mv "$CLEANUP_DIR/cleanup.pid.new" "$CLEANUP_DIR/cleanup.pid"
	done
}

cleanup_client() {
	cleanup_add client "$@"
}

cleanup_tmux() {
	cleanup_add tmux "$@"
}

cleanup_key() {
	cleanup_add key "$@"
}

cleanup_shmid() {
	cleanup_add shmid "$@"
}

cleanup_path() {
	cleanup_add path "$@"
}

# cleanup_is_pizarra PID: PID is (still) a pizarra.
cleanup_is_pizarra() {
	[ "$(cat "/proc/$1/comm" 2>/dev/null)" = pizarra ]
}

cleanup_not_pizarra() {
	! cleanup_is_pizarra "$1"
}

# cleanup_client_pid BASE: the pid in BASE.pid if that client has not
# exited and is a pizarra now.
cleanup_client_pid() {
	[ ! -f "$1.status" ] || return 1
	_cl_cp=$(cat "$1.pid" 2>/dev/null)
	[ -n "$_cl_cp" ] && cleanup_is_pizarra "$_cl_cp" && echo "$_cl_cp"
}

cleanup_run() {
	_cl_status=$?
	trap - EXIT
	trap '' HUP INT PIPE TERM
	set +u
	[ -n "$CLEANUP_DIR" ] || exit "$_cl_status"
	_cl_clients=
	for _cl_f in $(cleanup_list client); do
		_cl_p=$(cleanup_client_pid "$_cl_f") || continue
		_cl_clients="$_cl_clients $_cl_f:$_cl_p"
		kill -CONT "$_cl_p" 2>/dev/null
	done
	_cl_pids=$(cleanup_list pid)
	for _cl_p in $_cl_pids; do
		kill -CONT "$_cl_p" 2>/dev/null
		kill "$_cl_p" 2>/dev/null
	done
	for _cl_s in $(cleanup_list tmux); do
		tmux -L "$_cl_s" kill-server 2>/dev/null
	done
	# tmux hangs up the panes: pizarra quits on SIGHUP; kill -9 what does not.
	for _cl_c in $_cl_clients; do
		_cl_p=${_cl_c##*:}
		if ! poll 3 cleanup_not_pizarra "$_cl_p"; then
			_cl_f=${_cl_c%:*}
			echo "cleanup: $(basename "$_cl_f") (pid $_cl_p) ignored the hangup: kill -9"
			kill -9 "$_cl_p" 2>/dev/null
			poll 2 cleanup_not_pizarra "$_cl_p"
		fi
	done
	for _cl_p in $_cl_pids; do
		wait "$_cl_p" 2>/dev/null
	done
	_cl_keys="$CLEANUP_KEYS $(cleanup_list key)"
	_cl_shmids=$(cleanup_list shmid)
	for _cl_k in $_cl_keys; do
		for _cl_id in $(shmids_of_key "$_cl_k"); do
			ipcrm -m "$_cl_id" 2>/dev/null
		done
	done
	for _cl_id in $_cl_shmids; do
		ipcrm -m "$_cl_id" 2>/dev/null
	done
	_cl_left=
	for _cl_k in $_cl_keys; do
		[ -z "$(shmids_of_key "$_cl_k")" ] || _cl_left="$_cl_left key $_cl_k"
	done
	for _cl_id in $_cl_shmids; do
		# A removed segment lives until its last detach: give the clients a moment.
		poll 3 shm_gone "$_cl_id" || _cl_left="$_cl_left shmid $_cl_id"
	done
	if [ -n "$_cl_left" ]; then
		echo "FAIL: segments left behind after cleanup:$_cl_left"
		[ "$_cl_status" -ne 0 ] || _cl_status=1
	fi
	for _cl_d in $(cleanup_list path); do
		rm -rf "$_cl_d"
	done
	rm -rf "$CLEANUP_DIR"
	exit "$_cl_status"
}
