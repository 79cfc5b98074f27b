/*
 * pzerr.h - the error report every core function fills on failure.
 *
 * Core functions return -1 (or NULL) and, when given a struct pzerr, store
 * the errno value and one complete line of text ("what: why; how to fix")
 * without the "pizarra: " prefix and without a newline. The front-end adds
 * the prefix and prints it; the core never prints.
 */
#ifndef PIZARRA_PZERR_H
#define PIZARRA_PZERR_H

#include <stddef.h>

#define PZERR_MSG_MAX 512

struct pzerr {
	int err;                  /* errno value, 0 when none */
	char msg[PZERR_MSG_MAX];  /* one line, no trailing newline */
};

/* Record err and a printf-formatted message in e (e may be NULL); returns -1. */
int pzerr_set(struct pzerr *e, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reset e to "no error". */
void pzerr_clear(struct pzerr *e);

#endif
