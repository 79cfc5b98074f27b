/*
 * undo.c - this process's undo history and the runs its steps are made of
 * (undo.h). It owns the one struct history of the client, the run the
 * open step belongs to (its kind of run, its tool, when its last key
 * came) and whether a step was dropped for its size. The rule of undo
 * itself is the core's (history.c).
 */
#include <errno.h>
#include <time.h>

#include "undo.h"

static struct history *undo_history;
static size_t undo_bytes;
static struct {
	enum undo_run how;
	int tool;
	uint64_t last_ms;        /* CLOCK_MONOTONIC, the run's last key */
	bool dropped;            /* a step was too large since undo_dropped was asked */
} undo_now;

int
undo_open(size_t bytes)
{
	undo_close();
	undo_history = history_new(bytes);
	if (undo_history == NULL)
		return -1;
	undo_bytes = bytes;
	return 0;
}

void
undo_close(void)
{
	history_free(undo_history);
	undo_history = NULL;
}

void
undo_reset(void)
{
	history_reset(undo_history);
}

static uint64_t
undo_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

void
undo_step(enum history_kind kind, enum undo_run how, int tool)
{
	enum history_kind open;
	uint64_t now = how == UNDO_TYPING ? undo_ms() : 0;

	if (undo_history == NULL)
		return;
	if (how != UNDO_ONCE && history_is_open(undo_history, &open) && open == kind &&
	    undo_now.how == how && undo_now.tool == tool &&
	    (how != UNDO_TYPING || now - undo_now.last_ms < UNDO_PAUSE_MS)) {
		undo_now.last_ms = now;
		return;   /* the same run goes on */
	}
	history_begin(undo_history, kind);
	undo_now.how = how;
	undo_now.tool = tool;
	undo_now.last_ms = now;
}

void
undo_end(void)
{
	history_end(undo_history);
}

void
undo_log(void *arg, const struct board_change *c, size_t n)
{
	(void)arg;
	if (undo_history == NULL)
		return;
	/* every change, even one that looks the same (its counter moved): a
	 * step's chain of writes to a cell must be whole to be taken back */
	if (history_add(undo_history, c, n) != 0 && errno == EFBIG)
		undo_now.dropped = true;
}

int
undo_draw(const struct board *b, uint32_t col, uint32_t row, uint32_t cp, unsigned colour,
	  unsigned author)
{
	struct board_change log[BOARD_DRAW_CHANGES];
	size_t n;
	int w;

	if (undo_history == NULL)
		return board_draw(b, col, row, cp, colour, author);
	w = board_draw_log(b, col, row, cp, colour, author, log, &n);
	undo_log(NULL, log, n);
	return w;
}

bool
undo_dropped(void)
{
	bool d = undo_now.dropped;

	undo_now.dropped = false;
	return d;
}

size_t
undo_budget(void)
{
	return undo_bytes;
}

int
undo_undo(const struct board *b, struct history_result *r)
{
	if (undo_history == NULL) {
		errno = ENOENT;
		return -1;
	}
	return history_undo(undo_history, b, r);
}

int
undo_redo(const struct board *b, struct history_result *r)
{
	if (undo_history == NULL) {
		errno = ENOENT;
		return -1;
	}
	return history_redo(undo_history, b, r);
}
