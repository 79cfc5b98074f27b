/*
 * shmpeek.h - any segment's bytes, read-only: find the segment a key, a
 * key file or a shmid names (a segment marked for removal too, by
 * shmid), attach it with SHM_RDONLY (a store through that mapping would
 * fault, so nothing can be written, on a board either), copy ranges of it
 * into process memory bounded by the kernel's shm_segsz, and read the
 * copy as bytes, 32- or 64-bit integers, floats or characters.
 *
 * The segment's bytes are another process's business and change under
 * us: they are read as aligned 8-byte atomic loads where possible and
 * single-byte atomic loads at the edges, so a value is never torn within
 * its word, and a copy is only a copy: everything shown is formatted from
 * it, and no byte of it ever goes to a terminal as it is (characters are
 * printable ASCII or '.'). A refusal explains itself the way a board's
 * does: whose the segment is, its mode and the least mode that would let
 * us read it.
 */
#ifndef PIZARRA_SHMPEEK_H
#define PIZARRA_SHMPEEK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "pzerr.h"
#include "segment.h"
#include "trace.h"

/* A read-only attach of a segment. */
struct shmpeek {
	int shmid;
	const unsigned char *base;   /* what shmat returned; NULL when detached */
	size_t size;                 /* shm_segsz at attach (the kernel's, never the segment's) */
	struct trace *trace;         /* may be NULL */
};

/* How the bytes are read. */
enum shmpeek_format {
	SHMPEEK_BYTES,     /* hexadecimal bytes and their characters */
	SHMPEEK_INT32,     /* native-endian int32_t, signed decimal */
	SHMPEEK_INT64,     /* native-endian int64_t */
	SHMPEEK_FLOAT,     /* float (32 bits) */
	SHMPEEK_DOUBLE,    /* double (64 bits) */
	SHMPEEK_CHARS,     /* characters only: printable ASCII, others '.' */
	SHMPEEK_NFORMATS
};

/* The format's name ("bytes", "int32", "int64", "float", "double", "chars"). */
const char *shmpeek_format_name(enum shmpeek_format f);

/* The bytes one element of f takes (1 for bytes and chars). */
unsigned shmpeek_format_size(enum shmpeek_format f);

/*
 * Find the shmid a names, without attaching: for a key, shmget(key, 0, 0)
 * (ENOENT: "no segment exists at key ...", with `pizarra ls`); for a
 * shmid, that it exists (in /proc/sysvipc/shm, which needs no permission).
 */
int shmpeek_find(struct addr *a, struct trace *t, int *shmid, struct pzerr *e);

/*
 * Attach shmid read-only (SHM_RDONLY) into p; a names it in messages.
 * EACCES is explained: whose it is, its mode, the least mode that lets
 * us read it. Works on a segment marked for removal while it lives.
 */
int shmpeek_attach(struct shmpeek *p, int shmid, const struct addr *a,
		   struct trace *t, struct pzerr *e);

/* shmdt (traced); p is detached. */
void shmpeek_detach(struct shmpeek *p);

/*
 * Copy n bytes from offset off into dst, never beyond the segment's size:
 * returns the bytes copied (0 at or beyond the end).
 */
size_t shmpeek_copy(const struct shmpeek *p, uint64_t off, void *dst, size_t n);

/*
 * One element of f from bytes[0..avail) as text in buf (n bytes), no
 * wider than shmpeek_width(f): hex digits ("4f"), a number ("-12",
 * "1.5e+07", "nan"), or a character ("A", '.' for anything not printable
 * ASCII). An element the bytes do not fill (the segment ends inside it) is
 * "--" for a byte and a row of '-' for the others. Returns buf.
 */
const char *shmpeek_element(enum shmpeek_format f, const unsigned char *bytes, size_t avail,
			    char *buf, size_t n);

/* The columns one element of f takes when shown (2 for a byte, 11 for an int32...). */
unsigned shmpeek_width(enum shmpeek_format f);

/* The character shown for byte c: itself when printable ASCII (0x20..0x7E), else '.'. */
char shmpeek_char(unsigned char c);

#endif
