/*
 * shmlist.h - every System V shared-memory segment of our IPC namespace,
 * as the kernel lists them in /proc/sysvipc/shm: one row per segment,
 * each field under the name of its column (key, shmid, perms, size, cpid,
 * lpid, nattch, uid, gid, cuid, cgid, atime, dtime, ctime, rss, swap).
 * Reading the table attaches nothing, so it changes no segment's
 * shm_lpid, shm_atime or shm_nattch (no observer effect), and it lists
 * segments we may not read too.
 *
 * The table is the kernel's text, read as text we do not trust: columns
 * are found by the names in its heading line (a kernel with more, fewer or
 * reordered columns still reads), every value must be digits (and a sign
 * for key, the only signed column), and a value that does not fit its
 * field (64 bits; 32 for key and shmid) makes the row skipped and counted,
 * never wrapped. Without a heading line the table is refused (EPROTO).
 *
 * Values are kept as the kernel means them: key as its 32 bits (the
 * kernel prints the signed int, shmlist_key gives the key_t back), perms
 * as the whole mode (permission bits and SHM_DEST 01000, SHM_LOCKED
 * 02000), times in seconds since the epoch, rss and swap in bytes.
 * Nothing here formats for people beyond the size and the status words,
 * and nothing prints.
 */
#ifndef PIZARRA_SHMLIST_H
#define PIZARRA_SHMLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "pzerr.h"
#include "shminfo.h"

#define SHMLIST_PATH "/proc/sysvipc/shm"

/* The columns of /proc/sysvipc/shm, in the kernel's order. */
enum shmlist_field {
	SHMLIST_KEY,
	SHMLIST_SHMID,
	SHMLIST_PERMS,
	SHMLIST_SIZE,
	SHMLIST_CPID,
	SHMLIST_LPID,
	SHMLIST_NATTCH,
	SHMLIST_UID,
	SHMLIST_GID,
	SHMLIST_CUID,
	SHMLIST_CGID,
	SHMLIST_ATIME,
	SHMLIST_DTIME,
	SHMLIST_CTIME,
	SHMLIST_RSS,
	SHMLIST_SWAP,
	SHMLIST_NFIELDS
};

/* One segment: v[f] is field f (key as its unsigned 32 bits). */
struct shmlist_seg {
	uint64_t v[SHMLIST_NFIELDS];
};

/* The table: segments in the kernel's order until shmlist_sort. */
struct shmlist {
	struct shmlist_seg *seg;
	size_t n, cap;
	bool have[SHMLIST_NFIELDS];   /* the heading had this column (rss and swap: Linux 4.x on) */
	size_t skipped;               /* rows that did not read (malformed, or a value out of range) */
};

/* The column's name in /proc/sysvipc/shm ("key", "shmid", "perms"...); "?" out of range. */
const char *shmlist_name(enum shmlist_field f);

/* Empty l (no allocation). */
void shmlist_init(struct shmlist *l);

/* Free l's rows; l is empty and reusable. */
void shmlist_free(struct shmlist *l);

/*
 * Read the table at path (NULL: SHMLIST_PATH) into l, replacing its rows.
 * -1 with e when the file cannot be read or has no heading line.
 */
int shmlist_read(struct shmlist *l, const char *path, struct pzerr *e);

/* The same from text already read (len bytes, not NUL-terminated). */
int shmlist_parse(struct shmlist *l, const char *text, size_t len, struct pzerr *e);

/* The row of shmid, or NULL. */
const struct shmlist_seg *shmlist_find(const struct shmlist *l, int shmid);

/* The key as a key_t (what shmget takes), and the shmid. */
key_t shmlist_key(const struct shmlist_seg *s);
int shmlist_shmid(const struct shmlist_seg *s);

/* Bit f set for every field f in which a and b differ. */
unsigned shmlist_differs(const struct shmlist_seg *a, const struct shmlist_seg *b);

/*
 * Sort l's rows by field f (ascending, or descending), ties by shmid, so
 * the order of equal rows never flickers between two samples.
 */
void shmlist_sort(struct shmlist *l, enum shmlist_field f, bool descending);

/*
 * The status words of a mode, as lsipc's STATUS column names them:
 * "dest" (SHM_DEST: marked for removal), "locked" (SHM_LOCKED),
 * "hugetlb", "noreserve", separated by commas; "" when none. Returns buf.
 */
const char *shmlist_status(uint64_t perms, char *buf, size_t n);

/*
 * A size for people, as lsipc prints it: bytes below 1 KiB ("40B"), else
 * one decimal and K, M, G, T, P or E in powers of 1024 ("55.1K"), the
 * decimal left out when it is 0 ("4K"). Returns buf.
 */
const char *shmlist_size_human(uint64_t bytes, char *buf, size_t n);

/* The row as a struct shminfo_stat, for shminfo's field names and readable values. */
void shmlist_to_stat(const struct shmlist_seg *s, struct shminfo_stat *si);

#endif
