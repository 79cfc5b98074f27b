/*
 * shmpeek.c - a segment's bytes, read-only (see shmpeek.h). The attach is
 * SHM_RDONLY and traced like every other system call on a segment; the
 * copy loads aligned 8-byte words atomically (shmat returns a page-aligned
 * address, so offsets decide alignment) and single bytes at the edges;
 * elements are formatted from the copy with memcpy, so any bytes, a
 * signalling NaN included, format without trapping.
 */
#include <errno.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/shm.h>

#include "i18n.h"
#include "access.h"
#include "shminfo.h"
#include "shmpeek.h"

static const struct {
	const char *name;
	unsigned size, width;
} shmpeek_formats[SHMPEEK_NFORMATS] = {
	[SHMPEEK_BYTES] = { "bytes", 1, 2 },
	[SHMPEEK_INT32] = { "int32", 4, 11 },
	[SHMPEEK_INT64] = { "int64", 8, 20 },
	[SHMPEEK_FLOAT] = { "float", 4, 13 },
	[SHMPEEK_DOUBLE] = { "double", 8, 13 },
	[SHMPEEK_CHARS] = { "chars", 1, 1 },
};

const char *
shmpeek_format_name(enum shmpeek_format f)
{
	return (unsigned)f < SHMPEEK_NFORMATS ? shmpeek_formats[f].name : "?";
}

unsigned
shmpeek_format_size(enum shmpeek_format f)
{
	return (unsigned)f < SHMPEEK_NFORMATS ? shmpeek_formats[f].size : 1;
}

unsigned
shmpeek_width(enum shmpeek_format f)
{
	return (unsigned)f < SHMPEEK_NFORMATS ? shmpeek_formats[f].width : 2;
}

char
shmpeek_char(unsigned char c)
{
	return c >= 0x20 && c <= 0x7E ? (char)c : '.';
}

int
shmpeek_find(struct addr *a, struct trace *t, int *shmid, struct pzerr *e)
{
	struct shminfo_stat si;
	char name[64];
	int id, err;

	if (addr_resolve(a, t, e) != 0)
		return -1;
	if (a->how == ADDR_BY_SHMID) {
		if (shminfo_from_proc(a->shmid, 0, &si) != 0)
			return pzerr_set(e, ENOENT, _("no segment has shmid %d; `pizarra ls` lists "
			    "them all"), a->shmid);
		*shmid = a->shmid;
		return 0;
	}
	addr_name(a, name, sizeof name);
	if (a->key == IPC_PRIVATE)
		return pzerr_set(e, EINVAL, _("key 0 is IPC_PRIVATE, which names no segment: name "
		    "one by its shmid (-i SHMID; `pizarra ls` lists them)"));
	id = segment_under_key(a->key);
	err = errno;
	if (id >= 0) {
		trace_add(t, 0, "shmget(0x%08x, 0, 0) = %d", (unsigned)a->key, id);
		*shmid = id;
		return 0;
	}
	trace_add(t, 1, "shmget(0x%08x, 0, 0) = -1 %s", (unsigned)a->key, trace_errname(err));
	if (err == ENOENT)
		return pzerr_set(e, ENOENT, _("no segment exists at %s; `pizarra ls` lists every "
		    "segment"), name);
	return pzerr_set(e, err, "shmget(0x%08x, 0, 0): %s", (unsigned)a->key, strerror(err));
}

/* Explain EACCES: whose it is, its mode, and the least mode that would let us read it. */
static int
shmpeek_denied(int shmid, const struct addr *a, struct pzerr *e)
{
	char name[64], who[64], rwx[10], whom[128];
	struct shminfo_stat si;
	unsigned least, mode;

	addr_name(a, name, sizeof name);
	if (a->how == ADDR_BY_SHMID)
		snprintf(name, sizeof name, "shmid %d", shmid);
	if (shminfo_from_proc(shmid, 0, &si) != 0)
		return pzerr_set(e, EACCES, _("%s: permission denied"), name);
	shminfo_user(si.ds.shm_perm.uid, who, sizeof who);
	mode = si.ds.shm_perm.mode & 0777;
	shminfo_rwx(mode, rwx);
	access_allowed(&si, false, &least, whom, sizeof whom);
	if (a->how != ADDR_BY_SHMID)
		snprintf(name + strlen(name), sizeof name - strlen(name), " (shmid %d)", shmid);
	if (strcmp(whom, _("its owner")) == 0)   /* access_allowed says it so */
		return pzerr_set(e, EACCES, _("%s is yours, but mode %04o (%s) does not let its owner "
		    "read it; give yourself read again with mode %04o (`pizarra top`, m on its row)"),
		    name, mode, rwx, least);
	return pzerr_set(e, EACCES, _("%s belongs to %s, mode %04o (%s): you may not read it; "
	    "%s can let you read it with mode %04o (%s), e.g. in `pizarra top` (m on its row)"),
	    name, who, mode, rwx, who, least, whom);
}

int
shmpeek_attach(struct shmpeek *p, int shmid, const struct addr *a, struct trace *t,
	       struct pzerr *e)
{
	struct shmid_ds ds;
	void *base;
	int err;

	memset(p, 0, sizeof *p);
	p->shmid = shmid;
	p->trace = t;
	if (shmctl(shmid, IPC_STAT, &ds) != 0) {
		err = errno;
		trace_add(t, 1, "shmctl(%d, IPC_STAT, &ds) = -1 %s", shmid, trace_errname(err));
		if (err == EACCES)
			return shmpeek_denied(shmid, a, e);
		if (err == EINVAL || err == EIDRM)
			return pzerr_set(e, err, _("no segment has shmid %d any more; `pizarra ls` "
			    "lists them all"), shmid);
		return pzerr_set(e, err, "shmctl(%d, IPC_STAT): %s", shmid, strerror(err));
	}
	trace_add(t, 0, "shmctl(%d, IPC_STAT, &ds) = 0", shmid);
	base = shmat(shmid, NULL, SHM_RDONLY);
	if (base == (void *)-1) {
		err = errno;
		trace_add(t, 1, "shmat(%d, NULL, SHM_RDONLY) = -1 %s", shmid, trace_errname(err));
		if (err == EACCES)
			return shmpeek_denied(shmid, a, e);
		if (err == EINVAL || err == EIDRM)
			return pzerr_set(e, err, _("no segment has shmid %d any more; `pizarra ls` "
			    "lists them all"), shmid);
		return pzerr_set(e, err, "shmat(%d, NULL, SHM_RDONLY): %s", shmid, strerror(err));
	}
	trace_add(t, 0, "shmat(%d, NULL, SHM_RDONLY) = %p", shmid, base);
	p->base = base;
	p->size = ds.shm_segsz;
	return 0;
}

void
shmpeek_detach(struct shmpeek *p)
{
	int r;

	if (p->base == NULL)
		return;
	r = shmdt(p->base);
	if (r == 0)
		trace_add(p->trace, 0, "shmdt(%p) = 0", (const void *)p->base);
	else
		trace_add(p->trace, 1, "shmdt(%p) = -1 %s", (const void *)p->base,
		    trace_errname(errno));
	p->base = NULL;
}

size_t
shmpeek_copy(const struct shmpeek *p, uint64_t off, void *dst, size_t n)
{
	unsigned char *out = dst;
	size_t i = 0;

	if (p->base == NULL || off >= p->size)
		return 0;
	if (n > p->size - off)
		n = (size_t)(p->size - off);
	while (i < n) {
		size_t at = (size_t)off + i;

		if (at % 8 == 0 && n - i >= 8) {
			uint64_t w = atomic_load_explicit((const _Atomic uint64_t *)(p->base + at),
			    memory_order_relaxed);

			memcpy(out + i, &w, 8);
			i += 8;
		} else {
			out[i] = atomic_load_explicit((const _Atomic unsigned char *)(p->base + at),
			    memory_order_relaxed);
			i++;
		}
	}
	return n;
}

/* A float or double for people: %g with enough digits, never wider than width. */
static void
shmpeek_real(double v, unsigned width, char *buf, size_t n)
{
	int prec;

	if (isnan(v)) {
		snprintf(buf, n, "nan");
		return;
	}
	if (isinf(v)) {
		snprintf(buf, n, v < 0 ? "-inf" : "inf");
		return;
	}
	for (prec = 7; prec > 1; prec--)
		if (snprintf(buf, n, "%.*g", prec, v) <= (int)width)
			return;
	snprintf(buf, n, "%.1e", v);
}

const char *
shmpeek_element(enum shmpeek_format f, const unsigned char *bytes, size_t avail, char *buf,
		size_t n)
{
	unsigned size = shmpeek_format_size(f), w = shmpeek_width(f);
	int32_t i32;
	int64_t i64;
	float fl;
	double db;

	if (n == 0)
		return buf;
	if (avail < size) {
		memset(buf, '-', w < n ? w : n - 1);
		buf[w < n ? w : n - 1] = '\0';
		return buf;
	}
	switch (f) {
	case SHMPEEK_INT32:
		memcpy(&i32, bytes, 4);
		snprintf(buf, n, "%d", (int)i32);
		break;
	case SHMPEEK_INT64:
		memcpy(&i64, bytes, 8);
		snprintf(buf, n, "%lld", (long long)i64);
		break;
	case SHMPEEK_FLOAT:
		memcpy(&fl, bytes, 4);
		shmpeek_real(fl, w, buf, n);
		break;
	case SHMPEEK_DOUBLE:
		memcpy(&db, bytes, 8);
		shmpeek_real(db, w, buf, n);
		break;
	case SHMPEEK_CHARS:
		snprintf(buf, n, "%c", shmpeek_char(bytes[0]));
		break;
	default:
		snprintf(buf, n, "%02x", bytes[0]);
		break;
	}
	return buf;
}
