/*
 * opener.h - pizarra top's Enter: open a segment in this terminal with
 * pizarra itself (fork and exec of /proc/self/exe), a board in draw, or in
 * view when we may only read it, any other segment in peek, and come back
 * when it ends, with the last line it wrote on its standard error (a
 * refusal, say) to show. The terminal is handed over for the while
 * (screen_leave, screen_return). No state of its own.
 */
#ifndef PIZARRA_OPENER_H
#define PIZARRA_OPENER_H

#include <stdbool.h>
#include <stddef.h>

#include "list.h"
#include "shminfo.h"

/*
 * Open shmid (si: its status; board: what is known of it being a board,
 * LIST_BOARD_UNKNOWN looks for a moment, read-only) and wait. said (n
 * bytes) gets what to tell the user afterwards; true when it is a failure.
 */
bool opener_open(int shmid, const struct shminfo_stat *si, enum list_board board, char *said,
		 size_t n);

#endif
