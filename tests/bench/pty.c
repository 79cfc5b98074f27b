/*
 * pty.c - terminal sessions (see pty.h): forkpty with the bench's window
 * size and environment, non-blocking masters read with poll, the
 * escape-stripping screen text and the timed needle.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "pty.h"

#define PTY_MAX_SET   200     /* #7 runs 3 x 32 terminals and more at once */
#define PTY_READ_BUF  65536

enum { PTY_ESC_NONE, PTY_ESC_START, PTY_ESC_CSI, PTY_ESC_OSC, PTY_ESC_ONE };

/* Start argv under a new pty of the bench's size, in its own session. */
int
pty_spawn(struct pty_session *s, const char *name, const char *const argv[])
{
	struct winsize ws = { .ws_row = BENCH_TERM_ROWS, .ws_col = BENCH_TERM_COLS };
	int fd, flags;
	pid_t pid;

	memset(s, 0, sizeof *s);
	snprintf(s->name, sizeof s->name, "%s", name);
	s->fd = -1;
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		fprintf(stderr, "bench: forkpty for %s: %s\n", name, strerror(errno));
		return -1;
	}
	if (pid == 0) {
		cleanup_child();
		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		unsetenv("LINES");
		unsetenv("COLUMNS");
		unsetenv("TMUX");
		unsetenv("TMUX_PANE");
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	cleanup_add_pid(pid, true, true);
	flags = fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFL, flags | O_NONBLOCK);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	s->pid = pid;
	s->fd = fd;
	s->last_rx_ns = stats_now_ns();
	return 0;
}

/* Feed one byte of output to the screen-text filter. */
static void
pty_text_byte(struct pty_session *s, unsigned char c)
{
	switch (s->esc) {
	case PTY_ESC_START:
		s->esc = c == '[' ? PTY_ESC_CSI : c == ']' ? PTY_ESC_OSC :
		    (c == '(' || c == ')' || c == '#' || c == '%') ? PTY_ESC_ONE : PTY_ESC_NONE;
		return;
	case PTY_ESC_CSI:
		if (c >= 0x40 && c <= 0x7E)
			s->esc = PTY_ESC_NONE;
		return;
	case PTY_ESC_OSC:
		if (c == 0x07)
			s->esc = PTY_ESC_NONE;
		else if (c == 0x1B)
			s->esc = PTY_ESC_START;
		return;
	case PTY_ESC_ONE:
		s->esc = PTY_ESC_NONE;
		return;
	default:
		break;
	}
	if (c == 0x1B) {
		s->esc = PTY_ESC_START;
		return;
	}
	if (c < 0x20)
		return;
	if (s->text_n == sizeof s->text - 1) {
		memmove(s->text, s->text + sizeof s->text / 2, sizeof s->text / 2 - 1);
		s->text_n = sizeof s->text / 2 - 1;
	}
	s->text[s->text_n++] = (char)c;
	s->text[s->text_n] = '\0';
	if (s->want != NULL && !s->want_seen && c == (unsigned char)s->want[strlen(s->want) - 1] &&
	    strstr(s->text, s->want) != NULL)
		s->want_seen = true;
}

/* Look for the needle in newly read bytes (and across the previous read's end). */
static void
pty_needle(struct pty_session *s, const char *buf, size_t n, uint64_t now)
{
	char edge[2 * PTY_NEEDLE_MAX];
	size_t head, keep;

	if (s->needle_n == 0 || s->needle_ns != 0)
		return;
	head = n < s->needle_n - 1 ? n : s->needle_n - 1;
	memcpy(edge, s->carry, s->carry_n);
	memcpy(edge + s->carry_n, buf, head);
	if (memmem(edge, s->carry_n + head, s->needle, s->needle_n) != NULL ||
	    memmem(buf, n, s->needle, s->needle_n) != NULL) {
		s->needle_ns = now;
		return;
	}
	keep = s->needle_n - 1;
	if (n >= keep) {
		memcpy(s->carry, buf + n - keep, keep);
		s->carry_n = keep;
		return;
	}
	memcpy(edge, s->carry, s->carry_n);
	memcpy(edge + s->carry_n, buf, n);
	head = s->carry_n + n > keep ? s->carry_n + n - keep : 0;
	s->carry_n = s->carry_n + n - head;
	memcpy(s->carry, edge + head, s->carry_n);
}

/*
 * Answer what a program asks its terminal when it starts, as xterm does:
 * the primary device attributes (CSI c) and the background colour (OSC 11
 * ;?, here black). Without an answer pizarra waits 300 ms for one
 * (look_probe), which no real terminal makes it do. A query split across
 * two reads goes unanswered: programs write it in one write().
 */
static void
pty_answer(struct pty_session *s, const char *buf, size_t n)
{
	static const char da1[] = "\033[?64;1;2;6;9;15;18;21;22c";
	static const char bg[] = "\033]11;rgb:0000/0000/0000\033\\";
	ssize_t w;

	if (memmem(buf, n, "\033]11;?", 6) != NULL)
		w = write(s->fd, bg, sizeof bg - 1);
	if (memmem(buf, n, "\033[c", 3) != NULL || memmem(buf, n, "\033[0c", 4) != NULL)
		w = write(s->fd, da1, sizeof da1 - 1);
	(void)w;
}

/* Read everything s has now; bytes read. */
static long
pty_read(struct pty_session *s, uint64_t now)
{
	static char buf[PTY_READ_BUF];
	long total = 0;
	ssize_t r;
	size_t i;

	while (s->fd >= 0 && !s->eof) {
		r = read(s->fd, buf, sizeof buf);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && errno == EAGAIN)
			break;
		if (r <= 0) {
			s->eof = true;
			break;
		}
		s->bytes += (uint64_t)r;
		s->last_rx_ns = now;
		total += r;
		pty_needle(s, buf, (size_t)r, now);
		pty_answer(s, buf, (size_t)r);
		for (i = 0; i < (size_t)r; i++)
			pty_text_byte(s, (unsigned char)buf[i]);
	}
	return total;
}

/* One poll over the set, then read every session that has bytes. */
long
pty_pump(struct pty_session *const *set, int n, int timeout_ms)
{
	struct pollfd pfd[PTY_MAX_SET];
	long total = 0;
	uint64_t now;
	int i, k = 0, r;

	for (i = 0; i < n && k < PTY_MAX_SET; i++) {
		pfd[k].fd = set[i]->fd >= 0 && !set[i]->eof ? set[i]->fd : -1;
		pfd[k].events = POLLIN;
		pfd[k++].revents = 0;
	}
	r = poll(pfd, (nfds_t)k, timeout_ms);
	now = stats_now_ns();
	if (r <= 0)
		return 0;
	for (i = 0; i < k; i++)
		if (pfd[i].revents != 0)
			total += pty_read(set[i], now);
	return total;
}

/* Pump until s shows text. */
int
pty_wait_text(struct pty_session *const *set, int n, struct pty_session *s, const char *text,
	      int timeout_ms)
{
	uint64_t end = stats_now_ns() + (uint64_t)timeout_ms * 1000000u, now;

	s->want = text;
	s->want_seen = strstr(s->text, text) != NULL;
	while (!s->want_seen && !s->eof && (now = stats_now_ns()) < end)
		pty_pump(set, n, (int)((end - now) / 1000000u) + 1);
	s->want = NULL;
	return s->want_seen ? 0 : -1;
}

/* Pump until every session was quiet (no output, no typing) for quiet_ms. */
int
pty_settle(struct pty_session *const *set, int n, int quiet_ms, int max_ms)
{
	uint64_t start = stats_now_ns(), quiet = (uint64_t)quiet_ms * 1000000u, now, last;
	int i;

	for (;;) {
		now = stats_now_ns();
		last = 0;
		for (i = 0; i < n; i++) {
			if (set[i]->last_rx_ns > last)
				last = set[i]->last_rx_ns;
			if (set[i]->last_tx_ns > last)
				last = set[i]->last_tx_ns;
		}
		if (now >= last + quiet)
			return 0;
		if (now - start >= (uint64_t)max_ms * 1000000u)
			return -1;
		pty_pump(set, n, (int)((last + quiet - now) / 1000000u) + 1);
	}
}

/* Arm the needle. */
void
pty_expect(struct pty_session *s, const char *needle, size_t len)
{
	if (len > PTY_NEEDLE_MAX)
		len = PTY_NEEDLE_MAX;
	memcpy(s->needle, needle, len);
	s->needle_n = len;
	s->carry_n = 0;
	s->needle_ns = 0;
}

/* Type bytes into the session (waiting while the pty's input queue is full). */
int
pty_send(struct pty_session *s, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t w;

	while (len > 0) {
		if (s->fd < 0 || s->eof)
			return -1;
		w = write(s->fd, p, len);
		if (w < 0 && (errno == EINTR || errno == EAGAIN)) {
			if (errno == EAGAIN)
				stats_sleep_ns(1000000);
			continue;
		}
		if (w < 0)
			return -1;
		p += w;
		len -= (size_t)w;
	}
	s->last_tx_ns = stats_now_ns();
	return 0;
}

/* Ask the program to quit with its key, then make sure it is gone, and close the master. */
void
pty_stop(struct pty_session *const *set, int n, struct pty_session *s, const char *quit)
{
	uint64_t end = stats_now_ns() + 1000000000u;
	int st;

	if (s->pid <= 0)
		return;
	if (quit != NULL && s->fd >= 0)
		pty_send(s, quit, strlen(quit));
	while (waitpid(s->pid, &st, WNOHANG) == 0) {
		if (stats_now_ns() >= end) {
			kill(-s->pid, SIGTERM);
			kill(s->pid, SIGTERM);
			cleanup_reap(s->pid, 1000);
			break;
		}
		if (pty_pump(set, n, 5) == 0 && s->eof)
			stats_sleep_ns(2000000);
	}
	cleanup_drop_pid(s->pid);
	s->pid = 0;
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
	s->eof = true;
}
