/*
 * access.h - what the kernel lets this process do to a segment, and why
 * not: the rules of its ipcperms() (owner or creator first, then the
 * segment's or the creator's group among our groups, then everyone else;
 * root may do everything), the least mode that would let us do more, and
 * the one-line explanations of a refusal that name the fix (whose the
 * segment is, the chmod its owner can run, ipcrm for a segment that is no
 * board). The segment's lifecycle (segment.h) refuses; this module says
 * why. Reads /proc/sysvipc/shm (shminfo.h), which works without read
 * permission; never attaches.
 */
#ifndef PIZARRA_ACCESS_H
#define PIZARRA_ACCESS_H

#include <stdbool.h>
#include <stddef.h>

#include "addr.h"
#include "pzerr.h"
#include "shminfo.h"

/*
 * What the kernel lets this process do to the segment si describes, as
 * its ipcperms() decides (owner or creator first, then the segment's or
 * the creator's group among our effective and supplementary groups, then
 * everyone else; root may do everything): 04 read, 02 write. *least (when
 * not NULL) gets the least mode that would let us read (write false) or
 * read and write it, and whom (n bytes, when not NULL) says whose bits
 * those are: "its owner", "group staff, which you are in", "everyone: you
 * are not in group staff". For messages about segments that are not
 * boards; a board's refusals are segment_open's, explained by the functions
 * below.
 */
unsigned access_allowed(const struct shminfo_stat *si, bool write, unsigned *least, char *whom,
			size_t n);

/*
 * Explain an EACCES on the board a names (shmid): whose it is, its mode,
 * and the least mode that would let us view it or (want_write) draw on
 * it, as the `pizarra chmod` its owner can run (with the options that
 * name the board, addr_options). Fills e (EACCES) and returns -1.
 */
int access_denied(const struct addr *a, int shmid, bool want_write, struct pzerr *e);

/*
 * Refuse a segment (shmid, size bytes) that is not a usable pizarra board,
 * why saying what is wrong with it: whose it is, that it was left
 * untouched, and how to proceed (ipcrm -m, another key). Fills e (EPROTO)
 * and returns -1.
 */
int access_foreign(const struct addr *a, int shmid, size_t size, const char *why,
		   struct pzerr *e);

/*
 * Explain that no board exists where a names one (ENOENT), with the
 * pizarra command that creates one there (the options of addr_options;
 * for a key file, also the ftok call that gave the key). Fills e and
 * returns -1.
 */
int access_missing(const struct addr *a, struct pzerr *e);

/*
 * Explain that shmid (found through a) no longer exists: "no segment has
 * shmid N" when a names the shmid, else that it was removed meanwhile.
 * Fills e (EIDRM) and returns -1.
 */
int access_gone(const struct addr *a, int shmid, struct pzerr *e);

/*
 * Explain a failed shmctl on shmid with errno err. what is a whole verb
 * phrase that takes the segment as its object ("remove", "change the mode
 * of"), translated by the caller; the messages end it with "it" (Spanish:
 * "ese segmento"). EPERM names the owner (only root, or only its owner or
 * creator, may do it). Fills e (err) and returns -1.
 */
int access_ctl_error(int shmid, const char *what, int err, struct pzerr *e);

#endif
