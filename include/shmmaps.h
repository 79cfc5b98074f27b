/*
 * shmmaps.h - who has which System V segment attached, for every segment
 * at once: one pass over /proc/PID/maps of every process, where an
 * attached segment shows as a mapping of "/SYSV<key, 8 hex digits>
 * (deleted)" whose inode is the shmid (the key in the name is the one the
 * segment was created with; it stays after IPC_RMID). Each attach is one
 * mapping, so a process that attached a segment twice is listed twice, as
 * shm_nattch counts it.
 *
 * Only processes we may inspect are seen: our own user's, or every one
 * for root; the others are counted (unreadable), never guessed. A process
 * that exits during the scan just drops out. Nothing here attaches
 * anything.
 *
 * shmmaps_read reads bytes of a segment through the memory of a process
 * that has it attached (/proc/PID/mem, which the kernel allows when we may
 * ptrace that process: our own processes, or root), so a segment's
 * header can be looked at without attaching it, without the observer
 * effect of shmat on shm_lpid, shm_atime and shm_nattch.
 */
#ifndef PIZARRA_SHMMAPS_H
#define PIZARRA_SHMMAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "pzerr.h"

/* One attach: a mapping of a segment in a process. */
struct shmmaps_att {
	int shmid;
	pid_t pid;
	uint32_t key;          /* from the mapping's name (the key at creation) */
	uint64_t start, end;   /* the mapping's addresses in that process */
	bool writable;         /* mapped rw (else SHM_RDONLY) */
};

/* Every attach found, sorted by shmid, then pid, then address. */
struct shmmaps {
	struct shmmaps_att *att;
	size_t n, cap;
	unsigned procs;        /* processes looked at */
	unsigned unreadable;   /* processes whose maps we may not read (other users') */
};

/* Empty m (no allocation). */
void shmmaps_init(struct shmmaps *m);

/* Free m's attaches; m is empty and reusable. */
void shmmaps_free(struct shmmaps *m);

/*
 * Scan every /proc/PID/maps under proc (NULL: "/proc") into m, replacing
 * its contents. -1 with e when proc cannot be listed (or memory runs out).
 */
int shmmaps_scan(struct shmmaps *m, const char *proc, struct pzerr *e);

/*
 * Add the SysV mappings of process pid from the text of its maps file
 * (len bytes), as shmmaps_scan does for each process; lines that do not
 * read are ignored. Call shmmaps_sort after the last one. -1 on ENOMEM.
 */
int shmmaps_parse(struct shmmaps *m, pid_t pid, const char *text, size_t len);

/* Sort m's attaches (shmid, pid, address), as shmmaps_scan leaves them. */
void shmmaps_sort(struct shmmaps *m);

/* How many attaches of shmid m has; *first points at the first (NULL when none). */
size_t shmmaps_of(const struct shmmaps *m, int shmid, const struct shmmaps_att **first);

/*
 * Read n bytes at offset off of the segment a maps, through the memory
 * of a's process (/proc/PID/mem under proc, NULL: "/proc"), never beyond
 * the mapping. Returns the bytes read, or -1 with errno (EACCES, EPERM:
 * we may not; ESRCH, EIO: the process or its mapping went away).
 */
ssize_t shmmaps_read(const struct shmmaps_att *a, const char *proc, uint64_t off, void *buf,
		     size_t n);

#endif
