/*
 * floor.c - the kernel's floor under measurement 1: programs that do
 * nothing but carry the key, timed by the same trials as pizarra and tmux.
 * The bench runs itself as them:
 *
 *   bench --floor-typist KEY   sleeps in read() on its terminal; each key it
 *                              gets goes into cell (0,0) of the board under
 *                              KEY (board_draw, notify_bump), as pizarra's
 *                              typing client does
 *   bench --floor-drawer KEY   sleeps in notify_wait on the same board; on a
 *                              change it writes a cursor move and the cell's
 *                              character to its terminal in one write(), as
 *                              pizarra's other client does
 *   bench --floor-relay PTS    one process: reads its terminal and writes the
 *                              key straight into the terminal PTS, the floor
 *                              of any design where one process serves both
 *                              terminals (tmux's server)
 *   bench --floor-sink         the terminal the relay writes into: sits idle
 *
 * No drawing model and no ncurses: what is left is the kernel's hand-off
 * (a pty, a wake-up, a futex, a pty), so no pizarra can be faster than the
 * typist-drawer pair on the same machine in the same run.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "bench.h"
#include "board.h"
#include "cell.h"
#include "notify.h"
#include "utf8.h"

#define FLOOR_QUIT  0x11      /* ^Q ends the typist and the relay */

/* Put the terminal on stdin in raw mode and say we are ready; 0 or -1. */
static int
floor_ready(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		cfmakeraw(&t);
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
	}
	return write(STDOUT_FILENO, BENCH_READY_TEXT, strlen(BENCH_READY_TEXT)) < 0 ? -1 : 0;
}

/* Attach to the board under key text (as a drawing client); 0 or -1. */
static int
floor_attach(struct segment *s, const char *text)
{
	char *end;
	unsigned long key = strtoul(text, &end, 0);

	if (*end != '\0' || key == 0)
		return -1;
	return keys_board_attach(s, (key_t)key);
}

/* Write a cursor move to a place that changes with n, then the UTF-8 bytes, in one write(). */
static int
floor_show(int fd, unsigned n, const char *bytes, size_t len)
{
	char out[64];
	int k = snprintf(out, sizeof out, "\033[%u;%uH", 2 + n % 30, 2 + n * 7 % 100);

	if (len > sizeof out - (size_t)k)
		len = sizeof out - (size_t)k;
	memcpy(out + k, bytes, len);
	return write(fd, out, (size_t)k + len) < 0 ? -1 : 0;
}

/* The typist: every key read from the terminal goes into the board and wakes its sleepers. */
static int
floor_typist(const char *key)
{
	struct segment s;
	char buf[64];
	uint32_t cp;
	ssize_t n;
	int used;

	if (floor_attach(&s, key) != 0 || floor_ready() != 0)
		return 1;
	while ((n = read(STDIN_FILENO, buf, sizeof buf)) > 0) {
		if (memchr(buf, FLOOR_QUIT, (size_t)n) != NULL)
			break;
		used = utf8_decode(buf, (size_t)n, &cp);
		if (used <= 0)
			continue;
		board_draw(&s.board, 0, 0, cp, 1, 1);
		notify_bump(&s.board);
	}
	segment_detach(&s, NULL);
	return 0;
}

/* The drawer: every change of the board puts cell (0,0) on the terminal. */
static int
floor_drawer(const char *key)
{
	struct segment s;
	uint32_t seen;
	char bytes[4];
	unsigned n = 0;
	int len;

	if (floor_attach(&s, key) != 0 || floor_ready() != 0)
		return 1;
	seen = notify_generation(&s.board);
	for (;;) {
		if (notify_wait(&s.board, seen, -1) != 0 && errno != EINTR)
			break;
		seen = notify_generation(&s.board);
		len = utf8_encode(cell_cp(board_get(&s.board, 0, 0)), bytes);
		if (len > 0 && floor_show(STDOUT_FILENO, n++, bytes, (size_t)len) != 0)
			break;
	}
	segment_detach(&s, NULL);
	return 0;
}

/* The relay: one process copying keys from its terminal into another. */
static int
floor_relay(const char *pts)
{
	int out = open(pts, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	unsigned k = 0;
	char buf[64];
	ssize_t n;

	if (out < 0 || floor_ready() != 0)
		return 1;
	while ((n = read(STDIN_FILENO, buf, sizeof buf)) > 0) {
		if (memchr(buf, FLOOR_QUIT, (size_t)n) != NULL)
			break;
		if (floor_show(out, k++, buf, (size_t)n) != 0)
			break;
	}
	close(out);
	return 0;
}

/* The sink: a terminal that only receives. */
static int
floor_sink(void)
{
	char buf[64];
	ssize_t n;

	if (floor_ready() != 0)
		return 1;
	while ((n = read(STDIN_FILENO, buf, sizeof buf)) > 0)
		if (memchr(buf, FLOOR_QUIT, (size_t)n) != NULL)
			break;
	return 0;
}

/* True when argv asks for one of the floor programs. */
bool
floor_wanted(int argc, char **argv)
{
	return argc >= 2 && strncmp(argv[1], "--floor-", 8) == 0;
}

/* Run the floor program argv names; its exit status. */
int
floor_main(int argc, char **argv)
{
	if (strcmp(argv[1], "--floor-typist") == 0 && argc == 3)
		return floor_typist(argv[2]);
	if (strcmp(argv[1], "--floor-drawer") == 0 && argc == 3)
		return floor_drawer(argv[2]);
	if (strcmp(argv[1], "--floor-relay") == 0 && argc == 3)
		return floor_relay(argv[2]);
	if (strcmp(argv[1], "--floor-sink") == 0 && argc == 2)
		return floor_sink();
	fprintf(stderr, "bench: unknown floor program %s\n", argv[1]);
	return 2;
}
