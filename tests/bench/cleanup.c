/*
 * cleanup.c - the registry of everything the bench made that outlives a
 * careless exit: processes (pty clients are session and group leaders;
 * writer and reader crews have a process group of their own; the tmux
 * server is a daemon, not our child), segment keys, tmux sockets and
 * temporary files. cleanup_now undoes all of it: SIGTERM to every process
 * and group, a second to go, SIGKILL to what is left, IPC_RMID for every
 * key, unlink for every path. It runs at exit and from the SIGINT, SIGTERM,
 * SIGHUP and SIGQUIT handlers, so it uses only async-signal-safe calls.
 * Children the bench forks call cleanup_child: they die with the bench
 * (PR_SET_PDEATHSIG) and never run the bench's clean-up themselves.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

#define CLEANUP_PIDS   256
#define CLEANUP_KEYS   64
#define CLEANUP_PATHS  16
#define CLEANUP_PATH_MAX 4096

/* One process (or process group) to stop. */
struct cleanup_proc {
	volatile sig_atomic_t live;
	pid_t pid;
	bool group;          /* also signal the process group pid leads */
	bool child;          /* ours to reap with waitpid */
};

static struct cleanup_proc cleanup_procs[CLEANUP_PIDS];
static key_t cleanup_keys[CLEANUP_KEYS];
static volatile sig_atomic_t cleanup_key_live[CLEANUP_KEYS];
static char cleanup_paths[CLEANUP_PATHS][CLEANUP_PATH_MAX];
static bool cleanup_path_dir[CLEANUP_PATHS];
static volatile sig_atomic_t cleanup_path_live[CLEANUP_PATHS];
static volatile sig_atomic_t cleanup_busy;
static pid_t cleanup_owner;              /* the bench process itself */

/* Signal handler: undo everything, then die of the same signal. */
static void
cleanup_on_signal(int sig)
{
	cleanup_now();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Run the clean-up at exit, and from the signals that end a run. */
void
cleanup_install(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa;
	size_t i;

	cleanup_owner = getpid();
	memset(&sa, 0, sizeof sa);
	sigfillset(&sa.sa_mask);
	sa.sa_handler = cleanup_on_signal;
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	atexit(cleanup_now);
}

/* In a freshly forked child: default signals, and die when the bench dies. */
void
cleanup_child(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };
	sigset_t none;
	size_t i;

	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != cleanup_owner)
		_exit(1);
}

/* Remember a process to stop: group when it leads a process group, child when ours. */
void
cleanup_add_pid(pid_t pid, bool group, bool child)
{
	size_t i;

	for (i = 0; i < CLEANUP_PIDS; i++) {
		if (cleanup_procs[i].live)
			continue;
		cleanup_procs[i].pid = pid;
		cleanup_procs[i].group = group;
		cleanup_procs[i].child = child;
		cleanup_procs[i].live = 1;
		return;
	}
}

/* Forget a process that is gone (reaped). */
void
cleanup_drop_pid(pid_t pid)
{
	size_t i;

	for (i = 0; i < CLEANUP_PIDS; i++)
		if (cleanup_procs[i].live && cleanup_procs[i].pid == pid)
			cleanup_procs[i].live = 0;
}

/* Remember a segment key to remove. */
void
cleanup_add_key(key_t key)
{
	size_t i;

	for (i = 0; i < CLEANUP_KEYS; i++) {
		if (cleanup_key_live[i])
			continue;
		cleanup_keys[i] = key;
		cleanup_key_live[i] = 1;
		return;
	}
}

/* Forget a key whose segment was removed already. */
void
cleanup_drop_key(key_t key)
{
	size_t i;

	for (i = 0; i < CLEANUP_KEYS; i++)
		if (cleanup_key_live[i] && cleanup_keys[i] == key)
			cleanup_key_live[i] = 0;
}

/* Remember a file (or, with dir, an empty directory) to remove. */
void
cleanup_add_path(const char *path, bool dir)
{
	size_t i, len = strlen(path);

	if (len >= CLEANUP_PATH_MAX)
		return;
	for (i = 0; i < CLEANUP_PATHS; i++) {
		if (cleanup_path_live[i])
			continue;
		memcpy(cleanup_paths[i], path, len + 1);
		cleanup_path_dir[i] = dir;
		cleanup_path_live[i] = 1;
		return;
	}
}

/* True when the registered process is gone (reaped, if it was our child). */
static bool
cleanup_gone(struct cleanup_proc *p)
{
	int st;

	if (p->child) {
		pid_t r = waitpid(p->pid, &st, WNOHANG);

		return r == p->pid || (r < 0 && errno == ECHILD);
	}
	return kill(p->pid, 0) != 0 && errno == ESRCH;
}

/* Send sig to every live registered process and group. */
static void
cleanup_signal_all(int sig)
{
	size_t i;

	for (i = 0; i < CLEANUP_PIDS; i++) {
		if (!cleanup_procs[i].live)
			continue;
		if (cleanup_procs[i].group)
			kill(-cleanup_procs[i].pid, sig);
		kill(cleanup_procs[i].pid, sig);
	}
}

/* Wait up to timeout_ms for every registered process to be gone; true when they are. */
static bool
cleanup_wait_all(int timeout_ms)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	bool left = true;
	int waited;
	size_t i;

	for (waited = 0; left && waited <= timeout_ms; waited += 10) {
		left = false;
		for (i = 0; i < CLEANUP_PIDS; i++) {
			if (!cleanup_procs[i].live)
				continue;
			if (cleanup_gone(&cleanup_procs[i]))
				cleanup_procs[i].live = 0;
			else
				left = true;
		}
		if (left)
			nanosleep(&tick, NULL);
	}
	return !left;
}

/* Stop every process, remove every segment and path; safe to call twice. */
void
cleanup_now(void)
{
	size_t i;
	int id;

	if (getpid() != cleanup_owner || cleanup_busy)
		return;
	cleanup_busy = 1;
	cleanup_signal_all(SIGTERM);
	if (!cleanup_wait_all(1000)) {
		cleanup_signal_all(SIGKILL);
		cleanup_wait_all(2000);
	}
	for (i = 0; i < CLEANUP_KEYS; i++) {
		if (!cleanup_key_live[i])
			continue;
		id = shmget(cleanup_keys[i], 0, 0);
		if (id >= 0)
			shmctl(id, IPC_RMID, NULL);
		cleanup_key_live[i] = 0;
	}
	for (i = CLEANUP_PATHS; i-- > 0;) {
		if (!cleanup_path_live[i])
			continue;
		if (cleanup_path_dir[i])
			rmdir(cleanup_paths[i]);
		else
			unlink(cleanup_paths[i]);
		cleanup_path_live[i] = 0;
	}
	cleanup_busy = 0;
}

/* Wait up to timeout_ms for one child to exit, then kill it; it is forgotten either way. */
void
cleanup_reap(pid_t pid, int timeout_ms)
{
	struct timespec tick = { 0, 5 * 1000 * 1000 };
	int st, waited;

	for (waited = 0; waited <= timeout_ms; waited += 5) {
		pid_t r = waitpid(pid, &st, WNOHANG);

		if (r == pid || (r < 0 && errno == ECHILD)) {
			cleanup_drop_pid(pid);
			return;
		}
		nanosleep(&tick, NULL);
	}
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	cleanup_drop_pid(pid);
}
