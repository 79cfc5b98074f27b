/*
 * shminfo.c - a segment's struct shmid_ds as a table of named fields, the
 * readable forms of its values (user and group names through a small
 * cache, rwx, clock times), and the /proc/sysvipc/shm reader. It knows
 * nothing of boards or clients; `pizarra info`'s report is report.c's.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "shminfo.h"

static const char *const shminfo_names[SHMINFO_NFIELDS] = {
	[SHMINFO_KEY] = "shm_perm.key",
	[SHMINFO_SHMID] = "shmid",
	[SHMINFO_UID] = "shm_perm.uid",
	[SHMINFO_GID] = "shm_perm.gid",
	[SHMINFO_CUID] = "shm_perm.cuid",
	[SHMINFO_CGID] = "shm_perm.cgid",
	[SHMINFO_MODE] = "shm_perm.mode",
	[SHMINFO_SEGSZ] = "shm_segsz",
	[SHMINFO_NATTCH] = "shm_nattch",
	[SHMINFO_CPID] = "shm_cpid",
	[SHMINFO_LPID] = "shm_lpid",
	[SHMINFO_ATIME] = "shm_atime",
	[SHMINFO_DTIME] = "shm_dtime",
	[SHMINFO_CTIME] = "shm_ctime",
	[SHMINFO_DEST] = "dest",
};

/* The kernel name of a field. */
const char *
shminfo_name(enum shminfo_field f)
{
	return (unsigned)f < SHMINFO_NFIELDS ? shminfo_names[f] : "?";
}

/* "rw-r--r--" for the permission bits. */
void
shminfo_rwx(mode_t mode, char out[10])
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	for (i = 0; i < 9; i++)
		out[i] = (mode & (0400u >> i)) ? rwx[i] : '-';
	out[9] = '\0';
}

/* A few recent id-to-name answers: the sidebar asks four times a second. */
struct shminfo_name_cache {
	unsigned id;
	bool group, used;
	char name[32];
};

static _Thread_local struct shminfo_name_cache shminfo_names_seen[8];
static _Thread_local unsigned shminfo_names_next;

/* Look id up in the cache; NULL when absent. */
static const char *
shminfo_cached(unsigned id, bool group)
{
	size_t i;

	for (i = 0; i < sizeof shminfo_names_seen / sizeof shminfo_names_seen[0]; i++)
		if (shminfo_names_seen[i].used && shminfo_names_seen[i].id == id &&
		    shminfo_names_seen[i].group == group)
			return shminfo_names_seen[i].name;
	return NULL;
}

/* Remember a name for id. */
static void
shminfo_remember(unsigned id, bool group, const char *name)
{
	struct shminfo_name_cache *c = &shminfo_names_seen[shminfo_names_next++ %
	    (sizeof shminfo_names_seen / sizeof shminfo_names_seen[0])];

	c->id = id;
	c->group = group;
	c->used = true;
	snprintf(c->name, sizeof c->name, "%s", name);
}

/* The name of a user (group false) or group id, or its number; cached. */
static const char *
shminfo_id_name(unsigned id, bool group, char *buf, size_t n)
{
	const char *hit = shminfo_cached(id, group);
	struct passwd pw, *pres = NULL;
	struct group gr, *gres = NULL;
	char tmp[1024];

	if (hit != NULL) {
		snprintf(buf, n, "%s", hit);
		return buf;
	}
	if (!group && getpwuid_r((uid_t)id, &pw, tmp, sizeof tmp, &pres) == 0 && pres != NULL)
		snprintf(buf, n, "%s", pw.pw_name);
	else if (group && getgrgid_r((gid_t)id, &gr, tmp, sizeof tmp, &gres) == 0 && gres != NULL)
		snprintf(buf, n, "%s", gr.gr_name);
	else
		snprintf(buf, n, "%u", id);
	shminfo_remember(id, group, buf);
	return buf;
}

/* User name or number. */
const char *
shminfo_user(uid_t uid, char *buf, size_t n)
{
	return shminfo_id_name((unsigned)uid, false, buf, n);
}

/* Group name or number. */
const char *
shminfo_group(gid_t gid, char *buf, size_t n)
{
	return shminfo_id_name((unsigned)gid, true, buf, n);
}

/* A time as "YYYY-MM-DD HH:MM:SS" (or "HH:MM:SS"), "never" for 0. */
void
shminfo_time(time_t t, bool long_form, char *out, size_t n)
{
	struct tm tm;

	if (t == 0 || localtime_r(&t, &tm) == NULL) {
		/* TRANSLATORS: a time that never was (shm_atime 0); 8 columns at most */
		snprintf(out, n, "%s", _("never"));
		return;
	}
	strftime(out, n, long_form ? "%Y-%m-%d %H:%M:%S" : "%H:%M:%S", &tm);
}

/* True when SHM_DEST is set. */
bool
shminfo_dest(const struct shminfo_stat *si)
{
	return (si->ds.shm_perm.mode & SHM_DEST) != 0;
}

/* Format one field for people. */
void
shminfo_value(const struct shminfo_stat *si, enum shminfo_field f, bool long_times,
	      char *out, size_t n)
{
	const struct shmid_ds *ds = &si->ds;
	char name[64], rwx[10];

	switch (f) {
	case SHMINFO_KEY:
		snprintf(out, n, "0x%08x", (unsigned)ds->shm_perm.__key);
		break;
	case SHMINFO_SHMID:
		snprintf(out, n, "%d", si->shmid);
		break;
	case SHMINFO_UID:
		snprintf(out, n, "%u (%s)", (unsigned)ds->shm_perm.uid,
		    shminfo_user(ds->shm_perm.uid, name, sizeof name));
		break;
	case SHMINFO_GID:
		snprintf(out, n, "%u (%s)", (unsigned)ds->shm_perm.gid,
		    shminfo_group(ds->shm_perm.gid, name, sizeof name));
		break;
	case SHMINFO_CUID:
		snprintf(out, n, "%u (%s)", (unsigned)ds->shm_perm.cuid,
		    shminfo_user(ds->shm_perm.cuid, name, sizeof name));
		break;
	case SHMINFO_CGID:
		snprintf(out, n, "%u (%s)", (unsigned)ds->shm_perm.cgid,
		    shminfo_group(ds->shm_perm.cgid, name, sizeof name));
		break;
	case SHMINFO_MODE:
		shminfo_rwx(ds->shm_perm.mode, rwx);
		snprintf(out, n, "%04o %s", (unsigned)ds->shm_perm.mode & 0777, rwx);
		break;
	case SHMINFO_SEGSZ:
		snprintf(out, n, "%zu", (size_t)ds->shm_segsz);
		break;
	case SHMINFO_NATTCH:
		snprintf(out, n, "%lu", (unsigned long)ds->shm_nattch);
		break;
	case SHMINFO_CPID:
		snprintf(out, n, "%d", (int)ds->shm_cpid);
		break;
	case SHMINFO_LPID:
		snprintf(out, n, "%d", (int)ds->shm_lpid);
		break;
	case SHMINFO_ATIME:
		shminfo_time(ds->shm_atime, long_times, out, n);
		break;
	case SHMINFO_DTIME:
		shminfo_time(ds->shm_dtime, long_times, out, n);
		break;
	case SHMINFO_CTIME:
		shminfo_time(ds->shm_ctime, long_times, out, n);
		break;
	case SHMINFO_DEST:
		snprintf(out, n, "%s", shminfo_dest(si) ?
		    _("yes (marked for removal at the last detach)") : _("no"));
		break;
	default:
		snprintf(out, n, "?");
		break;
	}
}

/* Read the /proc/sysvipc/shm row for shmid (>= 0) or key. */
int
shminfo_from_proc(int shmid, key_t key, struct shminfo_stat *out)
{
	long long k, id, perms, size, cpid, lpid, nattch, uid, gid, cuid, cgid, at, dt, ct;
	char line[512];
	FILE *f = fopen("/proc/sysvipc/shm", "re");
	int found = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "%lld %lld %llo %lld %lld %lld %lld %lld %lld %lld %lld %lld %lld %lld",
		    &k, &id, &perms, &size, &cpid, &lpid, &nattch, &uid, &gid, &cuid, &cgid,
		    &at, &dt, &ct) != 14)
			continue;
		if (shmid >= 0 ? id != shmid : (key_t)k != key)
			continue;
		memset(out, 0, sizeof *out);
		out->shmid = (int)id;
		out->ds.shm_perm.__key = (key_t)k;
		out->ds.shm_perm.mode = (unsigned short)perms;
		out->ds.shm_perm.uid = (uid_t)uid;
		out->ds.shm_perm.gid = (gid_t)gid;
		out->ds.shm_perm.cuid = (uid_t)cuid;
		out->ds.shm_perm.cgid = (gid_t)cgid;
		out->ds.shm_segsz = (size_t)size;
		out->ds.shm_cpid = (pid_t)cpid;
		out->ds.shm_lpid = (pid_t)lpid;
		out->ds.shm_nattch = (shmatt_t)nattch;
		out->ds.shm_atime = (time_t)at;
		out->ds.shm_dtime = (time_t)dt;
		out->ds.shm_ctime = (time_t)ct;
		found = 0;
		break;
	}
	fclose(f);
	return found;
}
