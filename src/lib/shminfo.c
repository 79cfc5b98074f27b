/*
 * shminfo.c - a segment's struct shmid_ds as a table of named fields, the
 * readable forms of its values, the /proc/sysvipc/shm reader, and the text
 * and JSON reports of `pizarra info`.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

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
static void
shminfo_time(time_t t, bool long_form, char *out, size_t n)
{
	struct tm tm;

	if (t == 0 || localtime_r(&t, &tm) == NULL) {
		snprintf(out, n, "never");
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
		    "yes (marked for removal at the last detach)" : "no");
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

/* Append "  name<pad>value\n". */
static void
shminfo_line(struct strbuf *out, const char *name, const char *value)
{
	strbuf_printf(out, "  %-16s %s\n", name, value);
}

/* Append the ftok derivation of the key. */
static void
shminfo_ftok_text(struct strbuf *out, const struct segment_addr *a)
{
	char v[256];

	if (a == NULL || a->how != SEGMENT_BY_FTOK || !a->resolved) {
		strbuf_printf(out, "key\n  %-16s %s\n", "named by",
		    a != NULL && a->how == SEGMENT_BY_SHMID ? "shmid (-i)" : "explicit key (-k)");
		return;
	}
	strbuf_puts(out, "ftok\n");
	shminfo_line(out, "path", a->path);
	snprintf(v, sizeof v, "0x%llx (low 8 bits 0x%02x)", (unsigned long long)a->dev,
	    (unsigned)(a->dev & 0xff));
	shminfo_line(out, "st_dev", v);
	snprintf(v, sizeof v, "%llu (low 16 bits 0x%04x)", (unsigned long long)a->ino,
	    (unsigned)(a->ino & 0xffff));
	shminfo_line(out, "st_ino", v);
	snprintf(v, sizeof v, "%d (0x%02x)", a->proj, (unsigned)a->proj);
	shminfo_line(out, "proj_id", v);
	snprintf(v, sizeof v, "0x%02x << 24 | 0x%02x << 16 | 0x%04x = 0x%08x",
	    (unsigned)a->proj & 0xff, (unsigned)(a->dev & 0xff), (unsigned)(a->ino & 0xffff),
	    (unsigned)a->key);
	shminfo_line(out, "key", v);
}

/* Append the report as aligned lines. */
void
shminfo_format_text(struct strbuf *out, const struct shminfo_report *r)
{
	char v[128], user[64], when[32];
	int f, i;

	strbuf_puts(out, "segment (shmctl IPC_STAT)\n");
	for (f = 0; f < SHMINFO_NFIELDS; f++) {
		shminfo_value(&r->si, (enum shminfo_field)f, true, v, sizeof v);
		shminfo_line(out, shminfo_name((enum shminfo_field)f), v);
	}
	shminfo_ftok_text(out, r->addr);
	if (!r->have_board)
		return;
	strbuf_puts(out, "board\n");
	snprintf(v, sizeof v, "%ux%u", r->cols, r->rows);
	shminfo_line(out, "geometry", v);
	snprintf(v, sizeof v, "%llu x 4 bytes", (unsigned long long)r->cols * r->rows);
	shminfo_line(out, "cells", v);
	snprintf(v, sizeof v, "%u", r->generation);
	shminfo_line(out, "generation", v);
	shminfo_time((time_t)r->created, true, when, sizeof when);
	shminfo_line(out, "created", when);
	snprintf(v, sizeof v, "%d of %u", r->nclients, r->slots);
	shminfo_line(out, "slots in use", v);
	strbuf_printf(out, "clients (%d in slots, shm_nattch %lu%s)\n", r->nclients,
	    (unsigned long)r->si.ds.shm_nattch,
	    (unsigned long)r->nclients != (unsigned long)r->si.ds.shm_nattch ?
	    "; the difference is viewers, other programs, or crashed clients not yet reaped" :
	    "");
	if (r->nclients > 0)
		strbuf_printf(out, "  %-4s %-8s %-12s %-8s %-6s %s\n", "slot", "pid", "user",
		    "tty", "colour", "cursor");
	for (i = 0; i < r->nclients; i++) {
		const struct client_info *c = &r->clients[i];

		strbuf_printf(out, "  %-4d %-8d %-12s %-8s %-6u %u,%u\n", c->slot, (int)c->pid,
		    shminfo_user(c->uid, user, sizeof user), c->tty[0] ? c->tty : "-",
		    c->colour, c->col, c->row);
	}
}

/* Append ,"name":number. */
static void
shminfo_json_num(struct strbuf *out, const char *name, long long v)
{
	strbuf_putc(out, ',');
	strbuf_put_json(out, name);
	strbuf_printf(out, ":%lld", v);
}

/* Append ,"name":"string". */
static void
shminfo_json_str(struct strbuf *out, const char *name, const char *v)
{
	strbuf_putc(out, ',');
	strbuf_put_json(out, name);
	strbuf_putc(out, ':');
	strbuf_put_json(out, v);
}

/* Append the report as one JSON object. */
void
shminfo_format_json(struct strbuf *out, const struct shminfo_report *r)
{
	const struct shmid_ds *ds = &r->si.ds;
	const struct segment_addr *a = r->addr;
	char v[64], name[64];
	int i;

	snprintf(v, sizeof v, "0x%08x", (unsigned)ds->shm_perm.__key);
	strbuf_puts(out, "{\"shm_perm.key\":");
	strbuf_put_json(out, v);
	shminfo_json_num(out, "shmid", r->si.shmid);
	shminfo_json_num(out, "shm_perm.uid", ds->shm_perm.uid);
	shminfo_json_str(out, "shm_perm.uid_name", shminfo_user(ds->shm_perm.uid, name, sizeof name));
	shminfo_json_num(out, "shm_perm.gid", ds->shm_perm.gid);
	shminfo_json_str(out, "shm_perm.gid_name", shminfo_group(ds->shm_perm.gid, name, sizeof name));
	shminfo_json_num(out, "shm_perm.cuid", ds->shm_perm.cuid);
	shminfo_json_num(out, "shm_perm.cgid", ds->shm_perm.cgid);
	snprintf(v, sizeof v, "%04o", (unsigned)ds->shm_perm.mode & 0777);
	shminfo_json_str(out, "shm_perm.mode", v);
	shminfo_json_num(out, "shm_segsz", (long long)ds->shm_segsz);
	shminfo_json_num(out, "shm_nattch", (long long)ds->shm_nattch);
	shminfo_json_num(out, "shm_cpid", ds->shm_cpid);
	shminfo_json_num(out, "shm_lpid", ds->shm_lpid);
	shminfo_json_num(out, "shm_atime", (long long)ds->shm_atime);
	shminfo_json_num(out, "shm_dtime", (long long)ds->shm_dtime);
	shminfo_json_num(out, "shm_ctime", (long long)ds->shm_ctime);
	strbuf_printf(out, ",\"dest\":%s", shminfo_dest(&r->si) ? "true" : "false");
	if (a != NULL && a->how == SEGMENT_BY_FTOK && a->resolved) {
		strbuf_puts(out, ",\"ftok\":{\"path\":");
		strbuf_put_json(out, a->path);
		strbuf_printf(out, ",\"st_dev\":%llu,\"st_ino\":%llu",
		    (unsigned long long)a->dev, (unsigned long long)a->ino);
		shminfo_json_num(out, "proj_id", a->proj);
		snprintf(v, sizeof v, "0x%08x", (unsigned)a->key);
		shminfo_json_str(out, "key", v);
		strbuf_putc(out, '}');
	}
	if (r->have_board) {
		strbuf_printf(out, ",\"board\":{\"cols\":%u,\"rows\":%u,\"generation\":%u,"
		    "\"created\":%llu,\"slots\":%u}", r->cols, r->rows, r->generation,
		    (unsigned long long)r->created, r->slots);
		strbuf_puts(out, ",\"clients\":[");
		for (i = 0; i < r->nclients; i++) {
			const struct client_info *c = &r->clients[i];

			strbuf_printf(out, "%s{\"slot\":%d", i ? "," : "", c->slot);
			shminfo_json_num(out, "pid", c->pid);
			shminfo_json_num(out, "uid", c->uid);
			shminfo_json_str(out, "user", shminfo_user(c->uid, name, sizeof name));
			shminfo_json_str(out, "tty", c->tty);
			shminfo_json_num(out, "colour", c->colour);
			shminfo_json_num(out, "col", c->col);
			shminfo_json_num(out, "row", c->row);
			strbuf_putc(out, '}');
		}
		strbuf_putc(out, ']');
	}
	strbuf_puts(out, "}\n");
}
