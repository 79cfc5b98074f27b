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
#include "segment.h"
#include "shminfo.h"
#include "utf8.h"

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

/* Owner name and mode of shmid, from /proc (works without read permission). */
static void
segment_describe_owner(int shmid, char *who, size_t wn, unsigned *mode, uid_t *uid)
{
	struct shminfo_stat si;

	*mode = 0;
	*uid = (uid_t)-1;
	/* TRANSLATORS: who owns a segment, when /proc does not say */
	snprintf(who, wn, "%s", _("its owner"));
	if (shminfo_from_proc(shmid, 0, &si) != 0)
		return;
	*mode = si.ds.shm_perm.mode & 0777;
	*uid = si.ds.shm_perm.uid;
	shminfo_user(si.ds.shm_perm.uid, who, wn);
}

/* Is gid our effective group or one of our supplementary groups (the kernel's in_group_p)? */
static bool
segment_in_group(gid_t gid)
{
	gid_t *groups;
	bool in = false;
	int n, i;

	if (gid == getegid())
		return true;
	n = getgroups(0, NULL);
	if (n <= 0)
		return false;
	groups = malloc((size_t)n * sizeof *groups);
	if (groups == NULL)
		return false;
	n = getgroups(n, groups);
	for (i = 0; i < n && !in; i++)
		in = groups[i] == gid;
	free(groups);
	return in;
}

/* The permission classes of ipcperms(): whose bits of the mode apply to us. */
enum segment_class {
	SEGMENT_OWNER,    /* our euid is the owner's or the creator's: bits 0700 */
	SEGMENT_GROUP,    /* the segment's group or creator's group is one of ours: 0070 */
	SEGMENT_OTHER,    /* 0007 */
};

/* Which class the kernel puts us in for this segment (root aside). */
static enum segment_class
segment_class_of(const struct shminfo_stat *si)
{
	uid_t me = geteuid();

	if (me == si->ds.shm_perm.uid || me == si->ds.shm_perm.cuid)
		return SEGMENT_OWNER;
	if (segment_in_group(si->ds.shm_perm.gid) || segment_in_group(si->ds.shm_perm.cgid))
		return SEGMENT_GROUP;
	return SEGMENT_OTHER;
}

/* The rwx bits of mode that apply to class, as owner bits (0400 read, 0200 write). */
static unsigned
segment_class_bits(unsigned mode, enum segment_class c)
{
	return c == SEGMENT_OWNER ? mode & 0700 : c == SEGMENT_GROUP ? (mode & 0070) << 3 :
	    (mode & 0007) << 6;
}

/* Can we read the segment with this owner and mode, as the kernel decides? */
static bool
segment_may_read(const struct shminfo_stat *si)
{
	return geteuid() == 0 ||
	    (segment_class_bits(si->ds.shm_perm.mode, segment_class_of(si)) & 0400) != 0;
}

/*
 * The least mode that lets us (class c) view (write false) or draw: the
 * present mode with read (and write) added for our class, and for
 * everyone else also for the group, whose bits the kernel would give a
 * group member instead of the other bits.
 */
static unsigned
segment_least_mode(unsigned mode, enum segment_class c, bool write)
{
	unsigned need = write ? 06 : 04;

	mode &= 0777;
	if (c == SEGMENT_OWNER)
		return mode | need << 6;
	if (c == SEGMENT_GROUP)
		return mode | need << 3;
	return mode | need << 3 | need;
}

/* What the kernel lets us do to the segment si describes, and the least mode for more. */
unsigned
segment_access(const struct shminfo_stat *si, bool write, unsigned *least, char *whom, size_t n)
{
	enum segment_class c = segment_class_of(si);
	char group[64];

	if (least != NULL)
		*least = segment_least_mode(si->ds.shm_perm.mode, c, write);
	if (whom != NULL && n > 0) {
		shminfo_group(si->ds.shm_perm.gid, group, sizeof group);
		if (c == SEGMENT_OWNER)
			snprintf(whom, n, "%s", _("its owner"));
		else if (c == SEGMENT_GROUP)
			/* TRANSLATORS: whom a mode's bits apply to, shown in parentheses */
			snprintf(whom, n, _("group %s, which you are in"), group);
		else
			/* TRANSLATORS: whom a mode's bits apply to, shown in parentheses */
			snprintf(whom, n, _("everyone: you are not in group %s"), group);
	}
	if (geteuid() == 0)
		return 06;
	return (segment_class_bits(si->ds.shm_perm.mode, c) >> 6) & 06;
}

/* Explain an EACCES on a board: whose it is and the least mode that would let us in. */
static int
segment_denied(const struct addr *a, int shmid, bool want_write, struct pzerr *e)
{
	char name[64], who[64], rwx[10], opts[160], group[64], whom[128];
	struct shminfo_stat si;
	enum segment_class c;
	unsigned mode, draw, view;

	addr_name(a, name, sizeof name);
	addr_options(a, opts, sizeof opts);
	if (shminfo_from_proc(shmid, 0, &si) != 0)
		return pzerr_set(e, EACCES, _("%s (shmid %d): permission denied"), name, shmid);
	shminfo_user(si.ds.shm_perm.uid, who, sizeof who);
	mode = si.ds.shm_perm.mode & 0777;
	shminfo_rwx(mode, rwx);
	c = segment_class_of(&si);
	draw = segment_least_mode(mode, c, true);
	view = segment_least_mode(mode, c, false);
	if (c == SEGMENT_OWNER && want_write)
		return pzerr_set(e, EACCES,
		    _("%s (shmid %d) is yours, but mode %04o (%s) does not let its owner draw on it; "
		    "give yourself read and write again with `pizarra%s chmod %04o`"),
		    name, shmid, mode, rwx, opts, draw);
	if (c == SEGMENT_OWNER)
		return pzerr_set(e, EACCES,
		    _("%s (shmid %d) is yours, but mode %04o (%s) does not let its owner read it; "
		    "give yourself read and write again with `pizarra%s chmod %04o`"),
		    name, shmid, mode, rwx, opts, draw);
	if (c == SEGMENT_GROUP)
		snprintf(whom, sizeof whom, _("group %s, which you are in"),
		    shminfo_group(si.ds.shm_perm.gid, group, sizeof group));
	else
		snprintf(whom, sizeof whom, _("everyone: you are not in group %s"),
		    shminfo_group(si.ds.shm_perm.gid, group, sizeof group));
	if (want_write && segment_may_read(&si))
		return pzerr_set(e, EACCES,
		    _("%s (shmid %d) belongs to %s, mode %04o (%s): you can only view it "
		    "(`pizarra%s view`); %s can let you draw with `pizarra%s chmod %04o` (%s)"),
		    name, shmid, who, mode, rwx, opts, who, opts, draw, whom);
	if (want_write)
		return pzerr_set(e, EACCES,
		    _("%s (shmid %d) belongs to %s, mode %04o (%s): you may not attach it; "
		    "%s can let you draw with `pizarra%s chmod %04o` (%s), or only view with "
		    "`pizarra%s chmod %04o`"), name, shmid, who, mode, rwx, who, opts, draw, whom,
		    opts, view);
	return pzerr_set(e, EACCES,
	    _("%s (shmid %d) belongs to %s, mode %04o (%s): you may not attach it; "
	    "%s can let you view it with `pizarra%s chmod %04o` (%s), or draw with "
	    "`pizarra%s chmod %04o`"), name, shmid, who, mode, rwx, who, opts, view, whom,
	    opts, draw);
}

/* Refuse a segment that is not a (valid) pizarra board, saying how to proceed. */
static int
segment_foreign(const struct addr *a, int shmid, size_t size, const char *why,
		struct pzerr *e)
{
	char name[64], who[64];
	unsigned mode;
	uid_t uid;

	addr_name(a, name, sizeof name);
	segment_describe_owner(shmid, who, sizeof who, &mode, &uid);
	return pzerr_set(e, EPROTO,
	    _("%s (shmid %d, owner %s, %zu bytes) is not a usable pizarra board: %s; "
	    "it was left untouched: remove it with `ipcrm -m %d` or use another key (-k, -p)"),
	    name, shmid, who, size, why, shmid);
}

/* Explain that a segment no longer exists. */
static int
segment_gone(const struct addr *a, int shmid, struct pzerr *e)
{
	char name[64];

	addr_name(a, name, sizeof name);
	if (a->how == ADDR_BY_SHMID)
		return pzerr_set(e, EIDRM, _("no segment has shmid %d; see `ipcs -m`"), shmid);
	return pzerr_set(e, EIDRM, _("%s: shmid %d was removed meanwhile; try again"), name, shmid);
}

/*
 * Explain a failed shmctl. what is a whole verb phrase that takes the
 * segment as its object ("remove", "change the mode of"), translated by the
 * caller; the messages end it with "it" (Spanish: "ese segmento").
 */
static int
segment_ctl_error(int shmid, const char *what, int err, struct pzerr *e)
{
	char who[64];
	unsigned mode;
	uid_t uid;

	if (err == EINVAL || err == EIDRM)
		return pzerr_set(e, err, _("no segment has shmid %d; see `ipcs -m`"), shmid);
	if (err == EPERM) {
		segment_describe_owner(shmid, who, sizeof who, &mode, &uid);
		if (uid == 0)
			return pzerr_set(e, err, _("shmid %d belongs to root: only root may %s it"),
			    shmid, what);
		return pzerr_set(e, err, _("shmid %d belongs to %s: only its owner or creator "
		    "(or root) may %s it"), shmid, who, what);
	}
	if (err == EACCES)
		return pzerr_set(e, err, _("shmid %d: permission denied to %s it"), shmid, what);
	return pzerr_set(e, err, _("shmid %d: cannot %s it: %s"), shmid, what, strerror(err));
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
	return segment_ctl_error(shmid, _("read the status of"), err, e);
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
		snprintf(s->not_board, sizeof s->not_board, _("%zu bytes is too small for a board"),
		    (size_t)ds.shm_segsz);
		return segment_foreign(&s->addr, shmid, ds.shm_segsz, s->not_board, e);
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
		snprintf(s->not_board, sizeof s->not_board, "%s", _("its header stayed empty "
		    "(not a pizarra board, or its creator died while creating it)"));
		return segment_foreign(&s->addr, shmid, ds.shm_segsz, s->not_board, e);
	}
	if (board_open(&s->board, base, ds.shm_segsz, readonly, &why) != 0) {
		segment_shmdt(base, s->trace);
		snprintf(s->not_board, sizeof s->not_board, "%s", why.msg);
		return segment_foreign(&s->addr, shmid, ds.shm_segsz, s->not_board, e);
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

/* Explain that no board exists under a key, with the command that makes one there. */
static int
segment_missing(const struct addr *a, struct pzerr *e)
{
	char name[64], opts[160], path[128];

	addr_name(a, name, sizeof name);
	addr_options(a, opts, sizeof opts);
	if (a->how == ADDR_BY_FTOK)
		return pzerr_set(e, ENOENT, _("no board exists at %s (ftok(\"%s\", %d)); "
		    "`pizarra%s` creates one"), name, utf8_escape(a->path, path, sizeof path),
		    a->proj, opts);
	return pzerr_set(e, ENOENT, _("no board exists at %s; `pizarra%s` creates one"), name, opts);
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
			return segment_gone(a, a->shmid, e);
		*shmid = a->shmid;
		return 0;
	}
	if (a->key == IPC_PRIVATE)
		return pzerr_set(e, EINVAL, _("key 0 is IPC_PRIVATE and names no shared board; "
		    "use -i SHMID for an existing segment"));
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
	return segment_ctl_error(shmid, _("change the mode of"), err, e);
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
	return segment_ctl_error(shmid, _("change the owner of"), err, e);
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
	return segment_ctl_error(shmid, _("remove"), err, e);
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
