/*
 * opener.c - top's Enter (see opener.h). The program runs with the same
 * terminal as its standard input and output; its standard error goes to
 * a memory file (memfd), read after it exits, so a refusal it printed is
 * not lost under top's screen. Its exit status says the rest. What it
 * says back is translated (i18n.h); the commands in it are not.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
#include "access.h"
#include "opener.h"
#include "screen.h"
#include "segment.h"

/* Is shmid a board? A read-only look (attach, validate, detach), untraced. */
static enum list_board
opener_look(int shmid)
{
	struct addr a;
	struct segment s;
	struct pzerr e;

	addr_default(&a);
	a.how = ADDR_BY_SHMID;
	a.shmid = shmid;
	if (segment_open_shmid(&s, shmid, &a, true, NULL, &e) != 0)
		return LIST_BOARD_NO;
	segment_detach(&s, NULL);
	return LIST_BOARD_YES;
}

/* The last non-empty line of text (changed in place). */
static const char *
opener_last_line(char *text)
{
	char *nl;

	while ((nl = strrchr(text, '\n')) != NULL && nl[1] == '\0')
		*nl = '\0';
	nl = strrchr(text, '\n');
	return nl != NULL ? nl + 1 : text;
}

/*
 * Run argv in this terminal (handed over by screen_leave, taken back
 * after), its standard error in a memfd, of which the last n - 1 bytes
 * are left in err. Returns the child's pid (its wait status in *status),
 * or -1 with errno's value in *spawn_err.
 */
static pid_t
opener_spawn(char *argv[], int *status, char *err, size_t n, int *spawn_err)
{
	int fd = memfd_create("pizarra-top-stderr", MFD_CLOEXEC);
	ssize_t got = 0;
	pid_t pid;

	screen_leave();
	pid = fork();
	if (pid == 0) {
		if (fd >= 0)
			dup2(fd, STDERR_FILENO);
		signal(SIGTSTP, SIG_DFL);
		execv("/proc/self/exe", argv);
		_exit(127);
	}
	if (pid < 0)
		*spawn_err = errno;
	while (pid > 0 && waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
	screen_return();
	if (fd >= 0) {
		/* its last lines: what it said last is what it ended with */
		off_t end = lseek(fd, 0, SEEK_END);
		off_t from = end > (off_t)n - 1 ? end - (off_t)n + 1 : 0;

		got = end > 0 ? pread(fd, err, n - 1, from) : 0;
		close(fd);
	}
	err[got > 0 ? got : 0] = '\0';
	return pid;
}

bool
opener_open(int shmid, const struct shminfo_stat *si, enum list_board board, char *said,
	    size_t n)
{
	char id[16], err[PZERR_MSG_MAX + 64];
	const char *cmd, *line;
	char *argv[5];
	int status = 0, spawn_err = 0;
	pid_t pid;

	if (board == LIST_BOARD_UNKNOWN)
		board = opener_look(shmid);
	cmd = board != LIST_BOARD_YES ? "peek" :
	    access_allowed(si, true, NULL, NULL, 0) & 02 ? "draw" : "view";
	snprintf(id, sizeof id, "%d", shmid);
	argv[0] = (char *)"pizarra";
	argv[1] = (char *)"-i";
	argv[2] = id;
	argv[3] = (char *)cmd;
	argv[4] = NULL;
	pid = opener_spawn(argv, &status, err, sizeof err, &spawn_err);
	line = opener_last_line(err);
	if (pid < 0) {
		/* TRANSLATORS: %s is the system's reason (strerror) */
		snprintf(said, n, _("cannot start pizarra: %s"), strerror(spawn_err));
		return true;
	}
	if (line[0] != '\0') {
		snprintf(said, n, "%s", line);
		return !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		/* TRANSLATORS: top's status line: the command it ran (pizarra -i SHMID draw, view or
		   peek: keep it) ended with a failure */
		snprintf(said, n, _("pizarra -i %d %s ended with status %d"), shmid, cmd,
		    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
		return true;
	}
	/* TRANSLATORS: top's status line after the command it ran (pizarra -i SHMID draw, view
	   or peek: keep it) ended well */
	snprintf(said, n, _("back from pizarra -i %d %s"), shmid, cmd);
	return false;
}
