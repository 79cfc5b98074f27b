/*
 * access.c - the access rules of a segment, as the kernel's ipcperms()
 * applies them (access.h): whose bits of the mode apply to this process,
 * what they let it do, the least mode that would let it do more; and the
 * explanations of a refusal (permission denied, a segment that is no
 * usable board, no board at all, one that is gone, a failed shmctl), each one line naming
 * the fix.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "access.h"
#include "shminfo.h"
#include "utf8.h"

/* Owner name and mode of shmid, from /proc (works without read permission). */
static void
access_owner(int shmid, char *who, size_t wn, unsigned *mode, uid_t *uid)
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
access_in_group(gid_t gid)
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
enum access_class {
	ACCESS_OWNER,    /* our euid is the owner's or the creator's: bits 0700 */
	ACCESS_GROUP,    /* the segment's group or creator's group is one of ours: 0070 */
	ACCESS_OTHER,    /* 0007 */
};

/* Which class the kernel puts us in for this segment (root aside). */
static enum access_class
access_class_of(const struct shminfo_stat *si)
{
	uid_t me = geteuid();

	if (me == si->ds.shm_perm.uid || me == si->ds.shm_perm.cuid)
		return ACCESS_OWNER;
	if (access_in_group(si->ds.shm_perm.gid) || access_in_group(si->ds.shm_perm.cgid))
		return ACCESS_GROUP;
	return ACCESS_OTHER;
}

/* The rwx bits of mode that apply to class, as owner bits (0400 read, 0200 write). */
static unsigned
access_class_bits(unsigned mode, enum access_class c)
{
	return c == ACCESS_OWNER ? mode & 0700 : c == ACCESS_GROUP ? (mode & 0070) << 3 :
	    (mode & 0007) << 6;
}

/* Can we read the segment with this owner and mode, as the kernel decides? */
static bool
access_may_read(const struct shminfo_stat *si)
{
	return geteuid() == 0 ||
	    (access_class_bits(si->ds.shm_perm.mode, access_class_of(si)) & 0400) != 0;
}

/*
 * The least mode that lets us (class c) view (write false) or draw: the
 * present mode with read (and write) added for our class, and for
 * everyone else also for the group, whose bits the kernel would give a
 * group member instead of the other bits.
 */
static unsigned
access_least_mode(unsigned mode, enum access_class c, bool write)
{
	unsigned need = write ? 06 : 04;

	mode &= 0777;
	if (c == ACCESS_OWNER)
		return mode | need << 6;
	if (c == ACCESS_GROUP)
		return mode | need << 3;
	return mode | need << 3 | need;
}

/* What the kernel lets us do to the segment si describes, and the least mode for more. */
unsigned
access_allowed(const struct shminfo_stat *si, bool write, unsigned *least, char *whom, size_t n)
{
	enum access_class c = access_class_of(si);
	char group[64];

	if (least != NULL)
		*least = access_least_mode(si->ds.shm_perm.mode, c, write);
	if (whom != NULL && n > 0) {
		shminfo_group(si->ds.shm_perm.gid, group, sizeof group);
		if (c == ACCESS_OWNER)
			snprintf(whom, n, "%s", _("its owner"));
		else if (c == ACCESS_GROUP)
			/* TRANSLATORS: whom a mode's bits apply to, shown in parentheses */
			snprintf(whom, n, _("group %s, which you are in"), group);
		else
			/* TRANSLATORS: whom a mode's bits apply to, shown in parentheses */
			snprintf(whom, n, _("everyone: you are not in group %s"), group);
	}
	if (geteuid() == 0)
		return 06;
	return (access_class_bits(si->ds.shm_perm.mode, c) >> 6) & 06;
}

/* Explain an EACCES on a board: whose it is and the least mode that would let us in. */
int
access_denied(const struct addr *a, int shmid, bool want_write, struct pzerr *e)
{
	char name[64], who[64], rwx[10], opts[160], group[64], whom[128];
	struct shminfo_stat si;
	enum access_class c;
	unsigned mode, draw, view;

	addr_name(a, name, sizeof name);
	addr_options(a, opts, sizeof opts);
	if (shminfo_from_proc(shmid, 0, &si) != 0)
		return pzerr_set(e, EACCES, _("%s (shmid %d): permission denied"), name, shmid);
	shminfo_user(si.ds.shm_perm.uid, who, sizeof who);
	mode = si.ds.shm_perm.mode & 0777;
	shminfo_rwx(mode, rwx);
	c = access_class_of(&si);
	draw = access_least_mode(mode, c, true);
	view = access_least_mode(mode, c, false);
	if (c == ACCESS_OWNER && want_write)
		return pzerr_set(e, EACCES,
		    _("%s (shmid %d) is yours, but mode %04o (%s) does not let its owner draw on it; "
		    "give yourself read and write again with `pizarra%s chmod %04o`"),
		    name, shmid, mode, rwx, opts, draw);
	if (c == ACCESS_OWNER)
		return pzerr_set(e, EACCES,
		    _("%s (shmid %d) is yours, but mode %04o (%s) does not let its owner read it; "
		    "give yourself read and write again with `pizarra%s chmod %04o`"),
		    name, shmid, mode, rwx, opts, draw);
	if (c == ACCESS_GROUP)
		snprintf(whom, sizeof whom, _("group %s, which you are in"),
		    shminfo_group(si.ds.shm_perm.gid, group, sizeof group));
	else
		snprintf(whom, sizeof whom, _("everyone: you are not in group %s"),
		    shminfo_group(si.ds.shm_perm.gid, group, sizeof group));
	if (want_write && access_may_read(&si))
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
int
access_foreign(const struct addr *a, int shmid, size_t size, const char *why,
	       struct pzerr *e)
{
	char name[64], who[64];
	unsigned mode;
	uid_t uid;

	addr_name(a, name, sizeof name);
	access_owner(shmid, who, sizeof who, &mode, &uid);
	return pzerr_set(e, EPROTO,
	    _("%s (shmid %d, owner %s, %zu bytes) is not a usable pizarra board: %s; "
	    "it was left untouched: remove it with `ipcrm -m %d` or use another key (-k, -p)"),
	    name, shmid, who, size, why, shmid);
}

/* Explain that no board exists under a key, with the command that makes one there. */
int
access_missing(const struct addr *a, struct pzerr *e)
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

/* Explain that a segment no longer exists. */
int
access_gone(const struct addr *a, int shmid, struct pzerr *e)
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
int
access_ctl_error(int shmid, const char *what, int err, struct pzerr *e)
{
	char who[64];
	unsigned mode;
	uid_t uid;

	if (err == EINVAL || err == EIDRM)
		return pzerr_set(e, err, _("no segment has shmid %d; see `ipcs -m`"), shmid);
	if (err == EPERM) {
		access_owner(shmid, who, sizeof who, &mode, &uid);
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
