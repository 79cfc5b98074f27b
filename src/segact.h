/*
 * segact.h - what the owner of a listed segment may do to it from pizarra
 * top: remove it (shmctl IPC_RMID) or change its permission bits
 * (IPC_SET), and the checks before either. No curses, no state: each call
 * takes a row of segdata.h and writes the sentence a person reads (in
 * their language) into the caller's buffer; the caller shows it.
 */
#ifndef PIZARRA_SEGACT_H
#define PIZARRA_SEGACT_H

#include <stdbool.h>
#include <stddef.h>

#include "segdata.h"
#include "trace.h"

/*
 * May we act on row r as its owner (its owner, its creator or root, as the
 * kernel requires for IPC_SET and IPC_RMID)? When not, or when r is NULL,
 * say why in msg (for a removal when remove, else for a mode change).
 */
bool segact_owned(const struct segdata_row *r, bool remove, char *msg, size_t n);

/*
 * Is r marked for removal already (dest)? Then msg says so, and that it
 * goes at its last detach.
 */
bool segact_dest(const struct segdata_row *r, char *msg, size_t n);

/* IPC_RMID on shmid; returns false when it failed. msg says what happened. */
bool segact_remove(int shmid, struct trace *log, char *msg, size_t n);

/*
 * IPC_SET: give shmid the octal mode typed. A board (r says so) keeps the
 * rules of pizarra chmod (its owner keeps rw); any other segment takes any
 * mode 0000-0777. r may be NULL (the row went away meanwhile). Returns
 * false when the mode was refused or the call failed; msg says what
 * happened, with how many attached processes keep their access.
 */
bool segact_chmod(const struct segdata_row *r, int shmid, const char *typed, struct trace *log,
    char *msg, size_t n);

#endif
