/*
 * segment.c - creating, attaching, inspecting, changing, removing and
 * detaching the System V segment that holds a board (named as addr.c
 * resolves it). Every system call on the segment goes through here and is
 * recorded in the trace.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "access.h"
#include "segment.h"

#define SEGMENT_RETRIES 64

/* shmget with tracing. */
static int
segment_shmget(key_t key, size_t size, int flags, struct trace *t)
{
	char fl[64];
	int id, err;

	id = shmget(key, size, flags);
	err = errno;
	trace_shmget_flags(flags, fl, sizeof fl);
	if (id < 0)
		trace_add(t, 1, "shmget(0x%08x, %zu, %s) = -1 %s", (unsigned)key, size, fl,
		    trace_errname(err));
	else
		trace_add(t, 0, "shmget(0x%08x, %zu, %s) = %d", (unsigned)key, size, fl, id);
	errno = err;
	return id;
}

/* shmat with tracing; NULL (not (void *)-1) on failure. */
static void *
segment_shmat(int shmid, int flags, struct trace *t)
{
	char fl[32];
	void *p;
	int err;

	p = shmat(shmid, NULL, flags);
	err = errno;
	trace_shmat_flags(flags, fl, sizeof fl);
	if (p == (void *)-1) {
		trace_add(t, 1, "shmat(%d, NULL, %s) = -1 %s", shmid, fl, trace_errname(err));
		errno = err;
		return NULL;
	}
	trace_add(t, 0, "shmat(%d, NULL, %s) = %p", shmid, fl, p);
	return p;
}

/* shmdt with tracing. */
static int
segment_shmdt(void *base, struct trace *t)
{
	int r = shmdt(base), err = errno;

	if (r != 0)
		trace_add(t, 1, "shmdt(%p) = -1 %s", base, trace_errname(err));
	else
		trace_add(t, 0, "shmdt(%p) = 0", base);
	errno = err;
	return r;
}

/* shmctl(IPC_STAT) with tracing. */
int
segment_stat(int shmid, struct shmid_ds *ds, struct trace *t, struct pzerr *e)
{
	int err;

	if (shmctl(shmid, IPC_STAT, ds) == 0) {
		trace_add(t, 0, "shmctl(%d, IPC_STAT, &ds) = 0", shmid);
		return 0;
	}
	err = errno;
	trace_add(t, 1, "shmctl(%d, IPC_STAT, &ds) = -1 %s", shmid, trace_errname(err));
	/* TRANSLATORS: completes "only root may %s it"; see "remove" */
	return access_ctl_error(shmid, _("read the status of"), err, e);
}

/*
 * Attach shmid, wait up to ready_ms for its header, validate it. Sets
 * *gone when the segment disappeared under us (worth retrying by key).
 */
static int
segment_attach_id(struct segment *s, int shmid, bool readonly, int ready_ms, bool *gone,
		  struct pzerr *e)
{
	struct shmid_ds ds;
	struct pzerr why;
	void *base;
	int err;

	*gone = false;
	if (segment_stat(shmid, &ds, s->trace, &why) != 0) {
		if (why.err == EACCES)
			return access_denied(&s->addr, shmid, !readonly, e);
		if (why.err == EINVAL || why.err == EIDRM) {
			*gone = true;
			return access_gone(&s->addr, shmid, e);
		}
		return pzerr_set(e, why.err, "%s", why.msg);
	}
	if (ds.shm_segsz < sizeof(struct board_header)) {
		snprintf(s->not_board, sizeof s->not_board, _("%zu bytes is too small for a board"),
		    (size_t)ds.shm_segsz);
		return access_foreign(&s->addr, shmid, ds.shm_segsz, s->not_board, e);
	}
	base = segment_shmat(shmid, readonly ? SHM_RDONLY : 0, s->trace);
	if (base == NULL) {
		err = errno;
		if (err == EACCES)
			return access_denied(&s->addr, shmid, !readonly, e);
		if (err == EINVAL || err == EIDRM) {
			*gone = true;
			return access_gone(&s->addr, shmid, e);
		}
		return pzerr_set(e, err, "shmat(%d): %s", shmid, strerror(err));
	}
	if (board_wait_ready(base, ds.shm_segsz, ready_ms) != 0) {
		segment_shmdt(base, s->trace);
		snprintf(s->not_board, sizeof s->not_board, "%s", _("its header stayed empty "
		    "(not a pizarra board, or its creator died while creating it)"));
		return access_foreign(&s->addr, shmid, ds.shm_segsz, s->not_board, e);
	}
	if (board_open(&s->board, base, ds.shm_segsz, readonly, &why) != 0) {
		segment_shmdt(base, s->trace);
		snprintf(s->not_board, sizeof s->not_board, "%s", why.msg);
		return access_foreign(&s->addr, shmid, ds.shm_segsz, s->not_board, e);
	}
	s->shmid = shmid;
	s->base = base;
	s->size = ds.shm_segsz;
	s->readonly = readonly;
	return 0;
}

/* Create a new segment under key and publish a board in it; -1 with errno EEXIST if taken. */
static int
segment_create(struct segment *s, const struct segment_opts *o, struct pzerr *e)
{
	size_t size = board_size_for(o->cols, o->rows);
	char name[64];
	void *base;
	int id, err;

	id = segment_shmget(s->key, size, IPC_CREAT | IPC_EXCL | (int)(o->mode & 0777), s->trace);
	if (id < 0) {
		err = errno;
		addr_name(&s->addr, name, sizeof name);
		if (err == EEXIST) {
			errno = EEXIST;
			return -1;
		}
		if (err == EINVAL)
			return pzerr_set(e, err, _("%s: the system refuses a segment of %zu bytes "
			    "(SHMMIN/SHMMAX); choose another size with -s"), name, size);
		if (err == ENOSPC)
			return pzerr_set(e, err, _("%s: the system's shared memory limits "
			    "(SHMMNI/SHMALL) are reached; see `ipcs -m -l`"), name);
		return pzerr_set(e, err, _("%s: cannot create a segment: %s"), name, strerror(err));
	}
	base = segment_shmat(id, 0, s->trace);
	if (base == NULL) {
		err = errno;
		segment_remove(id, s->trace, NULL);
		return pzerr_set(e, err, _("shmat(%d) of the board just created: %s"), id,
		    strerror(err));
	}
	if (board_init(base, size, o->cols, o->rows, e) != 0 ||
	    board_open(&s->board, base, size, false, e) != 0) {
		segment_shmdt(base, s->trace);
		segment_remove(id, s->trace, NULL);
		return -1;
	}
	s->shmid = id;
	s->base = base;
	s->size = size;
	s->readonly = false;
	s->created = true;
	return 0;
}

/* Open (create or attach) the board a names. */
int
segment_open(struct segment *s, const struct addr *a, const struct segment_opts *o,
	     struct trace *t, struct pzerr *e)
{
	bool gone;
	int i, id;

	memset(s, 0, sizeof *s);
	s->addr = *a;
	s->trace = t;
	s->shmid = -1;
	if (addr_resolve(&s->addr, t, e) != 0)
		return -1;
	if (s->addr.how == ADDR_BY_SHMID)
		return segment_attach_id(s, s->addr.shmid, o->readonly, SEGMENT_READY_MS, &gone, e);
	s->key = s->addr.key;
	if (s->key == IPC_PRIVATE)
		return pzerr_set(e, EINVAL, _("key 0 is IPC_PRIVATE and names no shared board; "
		    "use another key, or -i SHMID for an existing segment"));
	if (o->create && board_check_geometry(o->cols, o->rows, segment_shmmax(), e) != 0)
		return -1;
	for (i = 0; i < SEGMENT_RETRIES; i++) {
		if (o->create && !o->readonly) {
			if (segment_create(s, o, e) == 0)
				return 0;
			if (errno != EEXIST)
				return -1;
		}
		id = segment_shmget(s->key, 0, 0, t);
		if (id < 0) {
			if (errno == ENOENT && o->create && !o->readonly)
				continue;
			if (errno == ENOENT)
				return access_missing(&s->addr, e);
			return pzerr_set(e, errno, "shmget(0x%08x): %s", (unsigned)s->key,
			    strerror(errno));
		}
		if (segment_attach_id(s, id, o->readonly, SEGMENT_READY_MS, &gone, e) == 0)
			return 0;
		if (!gone)
			return -1;
	}
	return -1;
}

/* Attach a shmid found through a, naming it as a does. */
int
segment_open_shmid(struct segment *s, int shmid, const struct addr *a, bool readonly,
		   struct trace *t, struct pzerr *e)
{
	bool gone;

	memset(s, 0, sizeof *s);
	s->addr = *a;
	s->trace = t;
	s->shmid = -1;
	s->key = a->how == ADDR_BY_SHMID ? 0 : a->key;
	return segment_attach_id(s, shmid, readonly, SEGMENT_READY_MS, &gone, e);
}

/* Find the shmid an address names, without attaching. */
int
segment_find(struct addr *a, struct trace *t, int *shmid, struct pzerr *e)
{
	struct shmid_ds ds;
	struct pzerr why;
	int id;

	if (addr_resolve(a, t, e) != 0)
		return -1;
	if (a->how == ADDR_BY_SHMID) {
		if (segment_stat(a->shmid, &ds, t, &why) != 0 && why.err != EACCES)
			return access_gone(a, a->shmid, e);
		*shmid = a->shmid;
		return 0;
	}
	if (a->key == IPC_PRIVATE)
		return pzerr_set(e, EINVAL, _("key 0 is IPC_PRIVATE and names no shared board; "
		    "use -i SHMID for an existing segment"));
	id = segment_shmget(a->key, 0, 0, t);
	if (id < 0) {
		if (errno == ENOENT)
			return access_missing(a, e);
		return pzerr_set(e, errno, "shmget(0x%08x): %s", (unsigned)a->key,
		    strerror(errno));
	}
	*shmid = id;
	return 0;
}

/* The shmid under key now, untraced. */
int
segment_under_key(key_t key)
{
	/* shmget(IPC_PRIVATE, ...) would try to create a segment: refuse it here */
	if (key == IPC_PRIVATE) {
		errno = EINVAL;
		return -1;
	}
	return shmget(key, 0, 0);
}

/* Check that shmid holds a pizarra board, attaching read-only for a moment. */
int
segment_verify(int shmid, const struct addr *a, struct trace *t, struct pzerr *e)
{
	struct segment s;

	if (segment_open_shmid(&s, shmid, a, true, t, e) != 0)
		return -1;
	segment_shmdt(s.base, t);
	return 0;
}

/* IPC_SET the permission bits. */
int
segment_chmod(int shmid, mode_t mode, struct trace *t, struct pzerr *e)
{
	struct shmid_ds ds;
	int err;

	if (segment_stat(shmid, &ds, t, e) != 0)
		return -1;
	ds.shm_perm.mode = (ds.shm_perm.mode & ~0777u) | (mode & 0777);
	if (shmctl(shmid, IPC_SET, &ds) == 0) {
		trace_add(t, 0, "shmctl(%d, IPC_SET, {mode=0%o}) = 0", shmid, (unsigned)mode & 0777);
		return 0;
	}
	err = errno;
	trace_add(t, 1, "shmctl(%d, IPC_SET, {mode=0%o}) = -1 %s", shmid, (unsigned)mode & 0777,
	    trace_errname(err));
	/* TRANSLATORS: completes "only root may %s it"; see "remove" */
	return access_ctl_error(shmid, _("change the mode of"), err, e);
}

/* IPC_SET the owner. */
int
segment_chown(int shmid, uid_t uid, gid_t gid, struct trace *t, struct pzerr *e)
{
	struct shmid_ds ds;
	int err;

	if (segment_stat(shmid, &ds, t, e) != 0)
		return -1;
	if (uid != (uid_t)-1)
		ds.shm_perm.uid = uid;
	if (gid != (gid_t)-1)
		ds.shm_perm.gid = gid;
	if (shmctl(shmid, IPC_SET, &ds) == 0) {
		trace_add(t, 0, "shmctl(%d, IPC_SET, {uid=%u, gid=%u}) = 0", shmid,
		    (unsigned)ds.shm_perm.uid, (unsigned)ds.shm_perm.gid);
		return 0;
	}
	err = errno;
	trace_add(t, 1, "shmctl(%d, IPC_SET, {uid=%u, gid=%u}) = -1 %s", shmid,
	    (unsigned)ds.shm_perm.uid, (unsigned)ds.shm_perm.gid, trace_errname(err));
	/* TRANSLATORS: completes "only root may %s it"; see "remove" */
	return access_ctl_error(shmid, _("change the owner of"), err, e);
}

/* IPC_RMID: mark for destruction at the last detach. */
int
segment_remove(int shmid, struct trace *t, struct pzerr *e)
{
	int err;

	if (shmctl(shmid, IPC_RMID, NULL) == 0) {
		trace_add(t, 0, "shmctl(%d, IPC_RMID, NULL) = 0", shmid);
		return 0;
	}
	err = errno;
	trace_add(t, 1, "shmctl(%d, IPC_RMID, NULL) = -1 %s", shmid, trace_errname(err));
	/*
	 * TRANSLATORS: a verb phrase that takes the segment as its object, in
	 * "only root may %s it", "permission denied to %s it", "cannot %s it"
	 */
	return access_ctl_error(shmid, _("remove"), err, e);
}

/* Has anyone but us touched the board we created? Says who in e. */
static bool
segment_touched(const struct segment *s, const struct shmid_ds *ds, uint32_t our_generation,
		struct pzerr *e)
{
	const struct board *b = &s->board;
	uint32_t gen, i;
	char name[64];

	addr_name(&s->addr, name, sizeof name);
	if (ds->shm_nattch != 1) {
		pzerr_set(e, EBUSY, P_("%s (shmid %d): %lu other process attached it meanwhile",
		    "%s (shmid %d): %lu other processes attached it meanwhile",
		    (unsigned long)ds->shm_nattch - 1), name, s->shmid,
		    (unsigned long)ds->shm_nattch - 1);
		return true;
	}
	gen = atomic_load_explicit(&b->hdr->generation, memory_order_acquire);
	if (gen != our_generation) {
		pzerr_set(e, EBUSY, _("%s (shmid %d): someone changed it meanwhile (generation %u)"),
		    name, s->shmid, gen);
		return true;
	}
	for (i = 0; i < b->rows; i++)
		if (board_row_stamp(b, i) != 0) {
			pzerr_set(e, EBUSY, _("%s (shmid %d): someone wrote on row %u meanwhile"),
			    name, s->shmid, i);
			return true;
		}
	if (atomic_load_explicit(&b->hdr->lease, memory_order_acquire) != 0) {
		pzerr_set(e, EBUSY, _("%s (shmid %d): process %d holds its lease"), name, s->shmid,
		    (int)(atomic_load_explicit(&b->hdr->lease, memory_order_relaxed) >> 32));
		return true;
	}
	for (i = 0; i < BOARD_SLOTS; i++)
		if (atomic_load_explicit(&b->hdr->slots[i].owner, memory_order_acquire) != 0) {
			pzerr_set(e, EBUSY, _("%s (shmid %d): a client took slot %u meanwhile"),
			    name, s->shmid, i);
			return true;
		}
	return false;
}

/* IPC_RMID a board we created, unless someone else touched it. */
int
segment_remove_untouched(struct segment *s, uint32_t our_generation, struct trace *t,
			 struct pzerr *e)
{
	struct shmid_ds ds;

	if (!s->created || s->base == NULL)
		return pzerr_set(e, EINVAL, _("shmid %d was not created by this process, or is "
		    "not attached: it is not ours to remove"), s->shmid);
	if (segment_stat(s->shmid, &ds, t, e) != 0)
		return -1;
	if (ds.shm_perm.mode & SHM_DEST) {
		pzerr_set(e, EIDRM, _("shmid %d was removed by someone else meanwhile"), s->shmid);
		return 1;
	}
	if (segment_touched(s, &ds, our_generation, e))
		return 1;
	return segment_remove(s->shmid, t, e);
}

/* shmdt the board. */
int
segment_detach(struct segment *s, struct pzerr *e)
{
	if (s->base == NULL)
		return 0;
	if (segment_shmdt(s->base, s->trace) != 0)
		return pzerr_set(e, errno, "shmdt(%p): %s", s->base, strerror(errno));
	s->base = NULL;
	memset(&s->board, 0, sizeof s->board);
	return 0;
}

/* shmat again by shmid and re-validate. */
int
segment_attach(struct segment *s, bool readonly, struct pzerr *e)
{
	struct addr keep = s->addr;
	bool gone;
	int r;

	if (s->base != NULL)
		return 0;
	s->addr.how = ADDR_BY_SHMID;
	s->addr.shmid = s->shmid;
	r = segment_attach_id(s, s->shmid, readonly, 0, &gone, e);
	s->addr = keep;
	return r;
}

/* The kernel's SHMMAX in bytes, 0 when unknown. */
uint64_t
segment_shmmax(void)
{
	unsigned long long v = 0;
	FILE *f = fopen("/proc/sys/kernel/shmmax", "re");

	if (f == NULL)
		return 0;
	if (fscanf(f, "%llu", &v) != 1)
		v = 0;
	fclose(f);
	return v;
}
