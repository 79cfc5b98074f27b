/*
 * signals.h - the signals of an interactive command: the word that wakes
 * its event loop (terminal input, a resize, a request to leave), whether
 * a request to leave arrived, and the handlers that always give the
 * terminal back. Signal state is one per process, so it lives in
 * signals.c; screen.c installs it with its own way of putting the
 * terminal back, and hands the answers on (screen.h).
 */
#ifndef PIZARRA_SIGNALS_H
#define PIZARRA_SIGNALS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

/*
 * Handle every signal whose default action ends the process (but KILL
 * and STOP, and glibc's 32 and 33): the requests to leave are recorded
 * and wake the loop; on a failure restore (async-signal-safe) puts the
 * terminal back before the process dies of the signal.
 */
void signals_install(void (*restore)(void));

/* SIGIO and SIGWINCH bump the word; ncurses' own SIGWINCH handler runs after. */
void signals_watch(void);

/* True once a request to leave arrived. */
bool signals_leave_asked(void);

/* The word SIGIO, SIGWINCH and the requests to leave bump. */
_Atomic uint32_t *signals_word(void);

#endif
