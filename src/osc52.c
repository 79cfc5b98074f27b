/*
 * osc52.c - OSC 52 for the terminal's clipboard (osc52.h says when it is
 * sent). It owns one file-static answer: whether this process sends it,
 * decided at the first copy. Asking tmux runs the tmux client with its
 * output on a pipe, read with a deadline, so a tmux that hangs costs at
 * most OSC52_ASK_MS once, and its child is always reaped.
 */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "osc52.h"

extern char **environ;

static const char osc52_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void
osc52_base64(const void *in, size_t n, struct strbuf *out)
{
	const unsigned char *p = in;
	char q[4];
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		q[0] = osc52_alphabet[p[i] >> 2];
		q[1] = osc52_alphabet[(p[i] & 3) << 4 | p[i + 1] >> 4];
		q[2] = osc52_alphabet[(p[i + 1] & 15) << 2 | p[i + 2] >> 6];
		q[3] = osc52_alphabet[p[i + 2] & 63];
		strbuf_add(out, q, 4);
	}
	if (i < n) {
		q[0] = osc52_alphabet[p[i] >> 2];
		q[1] = osc52_alphabet[(p[i] & 3) << 4 | (i + 1 < n ? p[i + 1] >> 4 : 0)];
		q[2] = i + 1 < n ? osc52_alphabet[(p[i + 1] & 15) << 2] : '=';
		q[3] = '=';
		strbuf_add(out, q, 4);
	}
}

int
osc52_sequence(const char *text, size_t n, struct strbuf *out)
{
	if (n > OSC52_MAX_TEXT)
		return -1;
	strbuf_puts(out, "\033]52;c;");
	osc52_base64(text, n, out);
	strbuf_putc(out, '\a');
	return 0;
}

enum osc52_policy
osc52_policy(const char *setting, const char *tmux)
{
	if (setting != NULL && strcmp(setting, "off") == 0)
		return OSC52_OFF;
	if (setting != NULL && strcmp(setting, "osc52") == 0)
		return OSC52_ON;
	if (setting != NULL && setting[0] != '\0' && strcmp(setting, "auto") != 0)
		return OSC52_BAD;
	return tmux != NULL && tmux[0] != '\0' ? OSC52_ASK_TMUX : OSC52_OFF;
}

/* Milliseconds on the monotonic clock. */
static long long
osc52_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Read what fd gives until its end, n - 1 bytes or the deadline; NUL-terminated. */
static void
osc52_read(int fd, char *buf, size_t n)
{
	long long end = osc52_now() + OSC52_ASK_MS;
	struct pollfd p = { fd, POLLIN, 0 };
	size_t len = 0;
	ssize_t k;

	while (len + 1 < n && osc52_now() < end) {
		if (poll(&p, 1, (int)(end - osc52_now())) <= 0)
			break;
		k = read(fd, buf + len, n - 1 - len);
		if (k <= 0)
			break;
		len += (size_t)k;
	}
	buf[len] = '\0';
}

bool
osc52_tmux_takes(void)
{
	static char a0[] = "tmux", a1[] = "show-options", a2[] = "-gv", a3[] = "set-clipboard";
	char *argv[] = { a0, a1, a2, a3, NULL };
	posix_spawn_file_actions_t fa;
	char out[64];
	int pipefd[2], status;
	pid_t pid;

	if (pipe2(pipefd, O_CLOEXEC) != 0)
		return false;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	if (posix_spawnp(&pid, "tmux", &fa, NULL, argv, environ) != 0)
		pid = -1;
	posix_spawn_file_actions_destroy(&fa);
	close(pipefd[1]);
	out[0] = '\0';
	if (pid > 0)
		osc52_read(pipefd[0], out, sizeof out);
	close(pipefd[0]);
	if (pid <= 0)
		return false;
	if (waitpid(pid, &status, WNOHANG) == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	return strcmp(out, "on\n") == 0 || strcmp(out, "on") == 0;
}

bool
osc52_wanted(enum osc52_policy *why)
{
	static int answer = -1;
	static enum osc52_policy policy;

	if (answer < 0) {
		policy = osc52_policy(getenv("PIZARRA_CLIPBOARD"), getenv("TMUX"));
		answer = policy == OSC52_ON || (policy == OSC52_ASK_TMUX && osc52_tmux_takes());
	}
	if (why != NULL)
		*why = policy;
	return answer == 1;
}
