/*
 * segment.c - naming, creating, attaching, inspecting, changing, removing
 * and detaching the System V segment that holds a board. Every system call
 * on the segment goes through here and is recorded in the trace.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "segment.h"
#include "shminfo.h"

#define SEGMENT_RETRIES 64

/* Fill a with the default board's name. */
void
segment_addr_default(struct segment_addr *a)
{
	memset(a, 0, sizeof *a);
	a->how = SEGMENT_BY_FTOK;
	snprintf(a->path, sizeof a->path, "%s", SEGMENT_DEFAULT_PATH);
	a->proj = SEGMENT_DEFAULT_PROJ;
	a->shmid = -1;
}

/* "key 0x70030002" or "shmid 98307". */
const char *
segment_addr_name(const struct segment_addr *a, char *buf, size_t n)
{
	if (a->how == SEGMENT_BY_SHMID)
		snprintf(buf, n, "shmid %d", a->shmid);
	else if (a->how == SEGMENT_BY_FTOK && !a->resolved)
		snprintf(buf, n, "ftok(\"%s\", %d)", a->path, a->proj);
	else
		snprintf(buf, n, "key 0x%08x", (unsigned)a->key);
	return buf;
}

/* Run ftok for an address named by a key file. */
int
segment_resolve(struct segment_addr *a, struct trace *t, struct pzerr *e)
{
	struct stat st;
	key_t key;

	if (a->how != SEGMENT_BY_FTOK || a->resolved) {
		a->resolved = true;
		return 0;
	}
	if (a->proj < 1 || a->proj > 255)
		return pzerr_set(e, EINVAL, "project id %d is out of range (1-255)", a->proj);
	if (stat(a->path, &st) != 0)
		return pzerr_set(e, errno, "key file %s: %s; name an existing file with -f "
		    "or give a key with -k", a->path, strerror(errno));
	key = ftok(a->path, a->proj);
	if (key == (key_t)-1) {
		int err = errno;

		trace_add(t, 1, "ftok(\"%s\", 0x%02x) = -1 %s", a->path, a->proj,
		    trace_errname(err));
		return pzerr_set(e, err, "ftok(\"%s\", %d): %s", a->path, a->proj, strerror(err));
	}
	trace_add(t, 0, "ftok(\"%s\", 0x%02x) = 0x%08x", a->path, a->proj, (unsigned)key);
	a->key = key;
	a->dev = st.st_dev;
	a->ino = st.st_ino;
	a->resolved = true;
	return 0;
}

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

/* Owner name and mode of shmid, from /proc (works without read permission). */
static void
segment_describe_owner(int shmid, char *who, size_t wn, unsigned *mode, uid_t *uid)
{
	struct shminfo_stat si;

	*mode = 0;
	*uid = (uid_t)-1;
	snprintf(who, wn, "its owner");
	if (shminfo_from_proc(shmid, 0, &si) != 0)
		return;
	*mode = si.ds.shm_perm.mode & 0777;
	*uid = si.ds.shm_perm.uid;
	shminfo_user(si.ds.shm_perm.uid, who, wn);
}

/* Can uid/gid (our credentials) read the segment with this owner and mode? */
static bool
segment_may_read(const struct shminfo_stat *si)
{
	uid_t me = geteuid();
	unsigned mode = si->ds.shm_perm.mode;

	if (me == 0)
		return true;
	if (me == si->ds.shm_perm.uid || me == si->ds.shm_perm.cuid)
		return mode & 0400;
	if (getegid() == si->ds.shm_perm.gid || getegid() == si->ds.shm_perm.cgid)
		return mode & 0040;
	return mode & 0004;
}

/* Explain an EACCES on a board: whose it is and how the owner can share it. */
static int
segment_denied(const struct segment_addr *a, int shmid, bool want_write, struct pzerr *e)
{
	char name[64], who[64], rwx[10];
	struct shminfo_stat si;

	segment_addr_name(a, name, sizeof name);
	if (shminfo_from_proc(shmid, 0, &si) != 0)
		return pzerr_set(e, EACCES, "%s (shmid %d): permission denied", name, shmid);
	shminfo_user(si.ds.shm_perm.uid, who, sizeof who);
	shminfo_rwx(si.ds.shm_perm.mode, rwx);
	if (want_write && segment_may_read(&si))
		return pzerr_set(e, EACCES,
		    "%s (shmid %d) belongs to %s, mode %04o (%s): you can only view it "
		    "(pizarra view); %s can let others draw with `pizarra chmod 0666`",
		    name, shmid, who, si.ds.shm_perm.mode & 0777, rwx, who);
	return pzerr_set(e, EACCES,
	    "%s (shmid %d) belongs to %s, mode %04o (%s): you may not attach it; "
	    "%s can share it with `pizarra chmod 0660` (group) or `pizarra chmod 0666` (everyone)",
	    name, shmid, who, si.ds.shm_perm.mode & 0777, rwx, who);
}

/* Refuse a segment that is not a (valid) pizarra board, saying how to proceed. */
static int
segment_foreign(const struct segment_addr *a, int shmid, size_t size, const char *why,
		struct pzerr *e)
{
	char name[64], who[64];
	unsigned mode;
	uid_t uid;

	segment_addr_name(a, name, sizeof name);
	segment_describe_owner(shmid, who, sizeof who, &mode, &uid);
	return pzerr_set(e, EPROTO,
	    "%s (shmid %d, owner %s, %zu bytes) is not a usable pizarra board: %s; "
	    "it was left untouched: remove it with `ipcrm -m %d` or use another key (-k, -p)",
	    name, shmid, who, size, why, shmid);
}

/* Explain that a segment no longer exists. */
static int
segment_gone(const struct segment_addr *a, int shmid, struct pzerr *e)
{
	char name[64];

	segment_addr_name(a, name, sizeof name);
	if (a->how == SEGMENT_BY_SHMID)
		return pzerr_set(e, EIDRM, "shmid %d does not exist (it was removed and "
		    "its last process detached); see `ipcs -m`", shmid);
	return pzerr_set(e, EIDRM, "%s: shmid %d was removed meanwhile; try again", name, shmid);
}

/* Explain a failed shmctl. */
static int
segment_ctl_error(int shmid, const char *what, int err, struct pzerr *e)
{
	char who[64];
	unsigned mode;
	uid_t uid;

	if (err == EINVAL || err == EIDRM)
		return pzerr_set(e, err, "shmid %d does not exist (any more); see `ipcs -m`", shmid);
	if (err == EPERM) {
		segment_describe_owner(shmid, who, sizeof who, &mode, &uid);
		if (uid == 0)
			return pzerr_set(e, err, "shmid %d belongs to root: only root may %s it",
			    shmid, what);
		return pzerr_set(e, err, "shmid %d belongs to %s: only its owner or creator "
		    "(or root) may %s it", shmid, who, what);
	}
	if (err == EACCES)
		return pzerr_set(e, err, "shmid %d: permission denied to %s it", shmid, what);
	return pzerr_set(e, err, "shmid %d: cannot %s it: %s", shmid, what, strerror(err));
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
	return segment_ctl_error(shmid, "read the status of", err, e);
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
			return segment_denied(&s->addr, shmid, !readonly, e);
		if (why.err == EINVAL || why.err == EIDRM) {
			*gone = true;
			return segment_gone(&s->addr, shmid, e);
		}
		return pzerr_set(e, why.err, "%s", why.msg);
	}
	if (ds.shm_segsz < sizeof(struct board_header)) {
		snprintf(why.msg, sizeof why.msg, "%zu bytes is too small for a board",
		    (size_t)ds.shm_segsz);
		return segment_foreign(&s->addr, shmid, ds.shm_segsz, why.msg, e);
	}
	base = segment_shmat(shmid, readonly ? SHM_RDONLY : 0, s->trace);
	if (base == NULL) {
		err = errno;
		if (err == EACCES)
			return segment_denied(&s->addr, shmid, !readonly, e);
		if (err == EINVAL || err == EIDRM) {
			*gone = true;
			return segment_gone(&s->addr, shmid, e);
		}
		return pzerr_set(e, err, "shmat(%d): %s", shmid, strerror(err));
	}
	if (board_wait_ready(base, ds.shm_segsz, ready_ms) != 0) {
		segment_shmdt(base, s->trace);
		return segment_foreign(&s->addr, shmid, ds.shm_segsz,
		    "its header stayed empty (not a pizarra board, or its creator died "
		    "while creating it)", e);
	}
	if (board_open(&s->board, base, ds.shm_segsz, readonly, &why) != 0) {
		segment_shmdt(base, s->trace);
		return segment_foreign(&s->addr, shmid, ds.shm_segsz, why.msg, e);
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
		segment_addr_name(&s->addr, name, sizeof name);
		if (err == EEXIST) {
			errno = EEXIST;
			return -1;
		}
		if (err == EINVAL)
			return pzerr_set(e, err, "%s: the system refuses a segment of %zu bytes "
			    "(SHMMIN/SHMMAX); choose another size with -s", name, size);
		if (err == ENOSPC)
			return pzerr_set(e, err, "%s: the system's shared memory limits "
			    "(SHMMNI/SHMALL) are reached; see `ipcs -m -l`", name);
		return pzerr_set(e, err, "%s: cannot create a segment: %s", name, strerror(err));
	}
	base = segment_shmat(id, 0, s->trace);
	if (base == NULL) {
		err = errno;
		segment_remove(id, s->trace, NULL);
		return pzerr_set(e, err, "shmat(%d) of the board just created: %s", id,
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

/* Explain that no board exists under a key. */
static int
segment_missing(const struct segment_addr *a, struct pzerr *e)
{
	char name[64];

	segment_addr_name(a, name, sizeof name);
	if (a->how == SEGMENT_BY_FTOK)
		return pzerr_set(e, ENOENT, "no board exists at %s (ftok(\"%s\", %d)); "
		    "`pizarra` or `pizarra put` creates one", name, a->path, a->proj);
	return pzerr_set(e, ENOENT, "no board exists at %s; `pizarra` or `pizarra put` "
	    "creates one", name);
}

/* Open (create or attach) the board a names. */
int
segment_open(struct segment *s, const struct segment_addr *a, const struct segment_opts *o,
	     struct trace *t, struct pzerr *e)
{
	bool gone;
	int i, id;

	memset(s, 0, sizeof *s);
	s->addr = *a;
	s->trace = t;
	s->shmid = -1;
	if (segment_resolve(&s->addr, t, e) != 0)
		return -1;
	if (s->addr.how == SEGMENT_BY_SHMID)
		return segment_attach_id(s, s->addr.shmid, o->readonly, SEGMENT_READY_MS, &gone, e);
	s->key = s->addr.key;
	if (s->key == IPC_PRIVATE)
		return pzerr_set(e, EINVAL, "key 0 is IPC_PRIVATE and names no shared board; "
		    "use another key, or -i SHMID for an existing segment");
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
				return segment_missing(&s->addr, e);
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
segment_open_shmid(struct segment *s, int shmid, const struct segment_addr *a, bool readonly,
		   struct trace *t, struct pzerr *e)
{
	bool gone;

	memset(s, 0, sizeof *s);
	s->addr = *a;
	s->trace = t;
	s->shmid = -1;
	s->key = a->how == SEGMENT_BY_SHMID ? 0 : a->key;
	return segment_attach_id(s, shmid, readonly, SEGMENT_READY_MS, &gone, e);
}

/* Find the shmid an address names, without attaching. */
int
segment_find(struct segment_addr *a, struct trace *t, int *shmid, struct pzerr *e)
{
	struct shmid_ds ds;
	struct pzerr why;
	int id;

	if (segment_resolve(a, t, e) != 0)
		return -1;
	if (a->how == SEGMENT_BY_SHMID) {
		if (segment_stat(a->shmid, &ds, t, &why) != 0 && why.err != EACCES)
			return segment_gone(a, a->shmid, e);
		*shmid = a->shmid;
		return 0;
	}
	if (a->key == IPC_PRIVATE)
		return pzerr_set(e, EINVAL, "key 0 is IPC_PRIVATE and names no shared board; "
		    "use -i SHMID for an existing segment");
	id = segment_shmget(a->key, 0, 0, t);
	if (id < 0) {
		if (errno == ENOENT)
			return segment_missing(a, e);
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
segment_verify(int shmid, const struct segment_addr *a, struct trace *t, struct pzerr *e)
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
	return segment_ctl_error(shmid, "change the mode of", err, e);
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
	return segment_ctl_error(shmid, "change the owner of", err, e);
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
	return segment_ctl_error(shmid, "remove", err, e);
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
	struct segment_addr keep = s->addr;
	bool gone;
	int r;

	if (s->base != NULL)
		return 0;
	s->addr.how = SEGMENT_BY_SHMID;
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
