/*
 * tmux.c - the peer: a private tmux server (its own -L socket, no
 * configuration file) holding one 120x40 session that runs cat, started
 * and stopped by the bench (its pid and the pane's, cat's, are asked of
 * tmux for the CPU counts of #7). The server is a daemon, not our child: its pid
 * and socket are asked of tmux itself and registered for clean-up; the
 * servers of runs killed outright are found by their socket names
 * (pizarra-bench-PID-...) and stopped by the next run.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

/* Run tmux with argv, its standard output into out (NUL-terminated); exit status or -1. */
static int
tmux_command(const char *const argv[], char *out, size_t n)
{
	size_t got = 0;
	int p[2], st;
	ssize_t r;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) != 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		cleanup_child();
		dup2(p[1], STDOUT_FILENO);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	cleanup_add_pid(pid, false, true);
	close(p[1]);
	while (got + 1 < n && ((r = read(p[0], out + got, n - 1 - got)) > 0 ||
	    (r < 0 && errno == EINTR)))
		if (r > 0)
			got += (size_t)r;
	out[got] = '\0';
	close(p[0]);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	cleanup_drop_pid(pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Start a private server with a detached 120x40 session running cat; 0 or -1. */
int
tmux_start(struct tmux_server *t, const char *tmux, const char *tag)
{
	char out[4200], *sp, *pane, cols[16], rows[16];
	const char *start[] = { tmux, "-L", t->label, "-f", "/dev/null", "new-session", "-d",
	    "-x", cols, "-y", rows, "cat", NULL };
	const char *ask[] = { tmux, "-L", t->label, "display-message", "-p",
	    "#{pid} #{pane_pid} #{socket_path}", NULL };

	memset(t, 0, sizeof *t);
	snprintf(t->label, sizeof t->label, "pizarra-bench-%d-%s", (int)getpid(), tag);
	snprintf(cols, sizeof cols, "%d", BENCH_TERM_COLS);
	snprintf(rows, sizeof rows, "%d", BENCH_TERM_ROWS);
	if (tmux_command(start, out, sizeof out) != 0) {
		fprintf(stderr, "bench: %s new-session failed\n", tmux);
		return -1;
	}
	t->up = true;
	if (tmux_command(ask, out, sizeof out) != 0 || (pane = strchr(out, ' ')) == NULL ||
	    (sp = strchr(pane + 1, ' ')) == NULL) {
		fprintf(stderr, "bench: cannot ask tmux for its server's pid\n");
		return -1;
	}
	*sp++ = '\0';
	sp[strcspn(sp, "\n")] = '\0';
	t->pid = (pid_t)atoi(out);
	t->pane_pid = (pid_t)atoi(pane + 1);
	snprintf(t->socket, sizeof t->socket, "%s", sp);
	if (t->pid > 0)
		cleanup_add_pid(t->pid, false, false);
	if (t->socket[0] == '/')
		cleanup_add_path(t->socket, false);
	return 0;
}

/* Stop the server (kill-server, then signals) and remove its socket. */
void
tmux_stop(struct tmux_server *t, const char *tmux)
{
	char out[256];
	const char *kill_server[] = { tmux, "-L", t->label, "kill-server", NULL };
	int i;

	if (!t->up)
		return;
	tmux_command(kill_server, out, sizeof out);
	for (i = 0; t->pid > 0 && i < 100 && kill(t->pid, 0) == 0; i++)
		stats_sleep_ns(10000000);
	if (t->pid > 0 && kill(t->pid, 0) == 0)
		kill(t->pid, SIGKILL);
	if (t->pid > 0)
		cleanup_drop_pid(t->pid);
	if (t->socket[0] == '/')
		unlink(t->socket);
	t->up = false;
}

/* Stop the servers of bench runs that are gone; how many. */
int
tmux_sweep(const char *tmux)
{
	const char *tmp = getenv("TMUX_TMPDIR");
	char dir[1024], out[256], label[300];
	const char *kill_server[] = { tmux, "-L", label, "kill-server", NULL };
	struct dirent *de;
	int pid, n = 0;
	DIR *d;

	snprintf(dir, sizeof dir, "%s/tmux-%u", tmp && *tmp ? tmp : "/tmp", (unsigned)getuid());
	d = opendir(dir);
	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (sscanf(de->d_name, "pizarra-bench-%d-", &pid) != 1 || pid <= 0 ||
		    kill(pid, 0) == 0 || errno != ESRCH)
			continue;
		snprintf(label, sizeof label, "%.255s", de->d_name);
		tmux_command(kill_server, out, sizeof out);
		if (unlinkat(dirfd(d), de->d_name, 0) == 0 || errno == ENOENT)
			n++;
	}
	closedir(d);
	return n;
}
