/*
 * report.c - what `pizarra info` prints (see report.h): the segment's
 * shmid_ds field by field (shminfo's names and readable values), how its
 * key was derived, the board's header and the clients in its slots, as
 * aligned text or as one JSON object. The text is for people, in their
 * language (labels padded by display columns, not bytes); the JSON is for
 * programs, its keys never translated (show.c formats it in English).
 *
 * The JSON is written by hand rather than through a library: the fields are
 * fixed, numbers are printed as numbers (an st_ino with bit 63 set stays
 * unsigned), and every string that comes from outside (the key file's path,
 * a tty name) goes through strbuf_put_json, which escapes it.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "cell.h"
#include "report.h"
#include "utf8.h"

/* Append s and spaces to width display columns (at least none: s is never cut). */
static void
report_pad(struct strbuf *out, const char *s, int width)
{
	int cols = cell_columns(s);

	strbuf_puts(out, s);
	for (; cols < width; cols++)
		strbuf_puts(out, " ");
}

/* Append "  name<pad>value\n", name padded to 16 display columns. */
static void
report_line(struct strbuf *out, const char *name, const char *value)
{
	strbuf_puts(out, "  ");
	report_pad(out, name, 16);
	strbuf_printf(out, " %s\n", value);
}

/* Append "  " and the six cells of a table row, each but the last padded to its width. */
static void
report_row(struct strbuf *out, const char *const cells[6], const int width[5])
{
	int f;

	strbuf_puts(out, "  ");
	for (f = 0; f < 5; f++) {
		report_pad(out, cells[f], width[f]);
		strbuf_puts(out, " ");
	}
	strbuf_printf(out, "%s\n", cells[5]);
}

/* Append the ftok derivation of the key. */
static void
report_ftok_text(struct strbuf *out, const struct addr *a)
{
	char v[256];

	if (a == NULL || a->how != ADDR_BY_FTOK || !a->resolved) {
		/* TRANSLATORS: info's labels take at most 16 columns; section heads ("key") any */
		strbuf_printf(out, "%s\n", _("key"));
		report_line(out, _("named by"),
		    a != NULL && a->how == ADDR_BY_SHMID ? "shmid (-i)" : _("explicit key (-k)"));
		return;
	}
	strbuf_puts(out, "ftok\n");
	/* TRANSLATORS: ftok's first argument, at most 16 columns */
	report_line(out, _("path"), utf8_escape(a->path, v, sizeof v));
	snprintf(v, sizeof v, _("0x%llx (low 8 bits 0x%02x)"), (unsigned long long)a->dev,
	    (unsigned)(a->dev & 0xff));
	report_line(out, "st_dev", v);
	snprintf(v, sizeof v, _("%llu (low 16 bits 0x%04x)"), (unsigned long long)a->ino,
	    (unsigned)(a->ino & 0xffff));
	report_line(out, "st_ino", v);
	snprintf(v, sizeof v, "%d (0x%02x)", a->proj, (unsigned)a->proj);
	report_line(out, "proj_id", v);
	snprintf(v, sizeof v, "0x%02x << 24 | 0x%02x << 16 | 0x%04x = 0x%08x",
	    (unsigned)a->proj & 0xff, (unsigned)(a->dev & 0xff), (unsigned)(a->ino & 0xffff),
	    (unsigned)a->key);
	report_line(out, _("key"), v);
}

/* The options that name the board, for a hint ("" when not known). */
static const char *
report_opts(const struct report *r, char *buf, size_t n)
{
	buf[0] = '\0';
	return r->addr != NULL ? addr_options(r->addr, buf, n) : buf;
}

/* Append what systemd-logind will do to the board. */
static void
report_logind_text(struct strbuf *out, const struct report *r)
{
	const struct logind_ipc *l = r->logind;
	char v[PZERR_MSG_MAX + 256], user[64], opts[160];

	strbuf_puts(out, "systemd-logind\n");
	/* TRANSLATORS: a label of info, at most 16 columns */
	report_line(out, _("in use"), l->in_use ? _("yes (/run/systemd/system exists)") :
	    _("no (no /run/systemd/system): no logout removes the board"));
	if (l->from[0])
		snprintf(v, sizeof v, l->remove_ipc ? _("yes (set in %s)") : _("no (set in %s)"),
		    l->from);
	else
		snprintf(v, sizeof v, "%s", l->remove_ipc ? _("yes (systemd's default)") :
		    _("no (systemd's default)"));
	report_line(out, "RemoveIPC", v);
	shminfo_user(l->owner, user, sizeof user);
	snprintf(v, sizeof v, "%s (uid %u): %s", user, (unsigned)l->owner,
	    l->system_user ? _("a system user, whose segments logind never removes") :
	    l->lingering ? _("lingers (loginctl enable-linger): logind keeps the user, and its "
	    "segments, at logout") : _("not a system user (those are uid 0-999)"));
	/* TRANSLATORS: a label of info, at most 16 columns */
	report_line(out, _("owner"), v);
	if (l->removes) {
		report_opts(r, opts, sizeof opts);
		/* TRANSLATORS: a label of info, at most 16 columns */
		report_line(out, _("warning"), logind_warning(l, user, opts, v, sizeof v));
	}
}

/* Append the report as aligned lines. */
void
report_format_text(struct strbuf *out, const struct report *r)
{
	char v[128], user[64], when[32], cell[6][72];
	const char *head[6], *row[6];
	int width[5] = { 4, 8, 12, 8, 6 };
	int f, i;

	strbuf_printf(out, "%s\n", _("segment (shmctl IPC_STAT)"));
	for (f = 0; f < SHMINFO_NFIELDS; f++) {
		shminfo_value(&r->si, (enum shminfo_field)f, true, v, sizeof v);
		report_line(out, shminfo_name((enum shminfo_field)f), v);
	}
	report_ftok_text(out, r->addr);
	if (!r->have_board) {
		if (r->not_board != NULL) {
			strbuf_printf(out, "%s\n", _("board"));
			/* TRANSLATORS: a label of info (no board: why), at most 16 columns */
			report_line(out, _("none"), r->not_board);
		}
		if (r->logind != NULL)
			report_logind_text(out, r);
		return;
	}
	strbuf_printf(out, "%s\n", _("board"));
	snprintf(v, sizeof v, "%ux%u", r->cols, r->rows);
	/* TRANSLATORS: the labels of info's board, at most 16 columns each */
	report_line(out, _("geometry"), v);
	snprintf(v, sizeof v, _("%llu x 8 bytes"), (unsigned long long)r->cols * r->rows);
	report_line(out, _("cells"), v);
	snprintf(v, sizeof v, "%u", r->generation);
	report_line(out, _("generation"), v);
	shminfo_time((time_t)r->created, true, when, sizeof when);
	report_line(out, _("created"), when);
	snprintf(v, sizeof v, _("%d of %u"), r->nclients, r->slots);
	report_line(out, _("slots in use"), v);
	/*
	 * TRANSLATORS: the count is shm_nattch, the processes attached (Spanish:
	 * "procesos unidos"); the last %s is empty or the next message
	 */
	strbuf_printf(out, P_("clients (%d in slots, shm_nattch %lu%s)\n",
	    "clients (%d in slots, shm_nattch %lu%s)\n", (unsigned long)r->si.ds.shm_nattch),
	    r->nclients, (unsigned long)r->si.ds.shm_nattch,
	    (unsigned long)r->nclients != (unsigned long)r->si.ds.shm_nattch ?
	    _("; the difference is viewers, other programs, or crashed clients not yet reaped") :
	    "");
	/*
	 * TRANSLATORS: the heads of info's table of clients; a column is 4, 8,
	 * 12, 8 and 6 display columns wide, or as wide as a longer head
	 */
	head[0] = _("slot");
	head[1] = "pid";
	head[2] = _("user");
	head[3] = "tty";
	head[4] = _("colour");
	head[5] = _("cursor");
	for (f = 0; f < 5; f++)
		if (cell_columns(head[f]) > width[f])
			width[f] = cell_columns(head[f]);
	if (r->nclients > 0)
		report_row(out, head, width);
	for (i = 0; i < r->nclients; i++) {
		const struct client_info *c = &r->clients[i];

		snprintf(cell[0], sizeof cell[0], "%d", c->slot);
		snprintf(cell[1], sizeof cell[1], "%d", (int)c->pid);
		snprintf(cell[2], sizeof cell[2], "%s", shminfo_user(c->uid, user, sizeof user));
		snprintf(cell[3], sizeof cell[3], "%s", c->tty[0] ? c->tty : "-");
		snprintf(cell[4], sizeof cell[4], "%u", c->colour);
		snprintf(cell[5], sizeof cell[5], "%u,%u", c->col, c->row);
		for (f = 0; f < 6; f++)
			row[f] = cell[f];
		report_row(out, row, width);
	}
	if (r->logind != NULL)
		report_logind_text(out, r);
}

/* Append ,"name":number. */
static void
report_json_num(struct strbuf *out, const char *name, long long v)
{
	strbuf_putc(out, ',');
	strbuf_put_json(out, name);
	strbuf_printf(out, ":%lld", v);
}

/* Append ,"name":"string". */
static void
report_json_str(struct strbuf *out, const char *name, const char *v)
{
	strbuf_putc(out, ',');
	strbuf_put_json(out, name);
	strbuf_putc(out, ':');
	strbuf_put_json(out, v);
}

/* Append ,"logind":{...}. */
static void
report_logind_json(struct strbuf *out, const struct report *r)
{
	const struct logind_ipc *l = r->logind;
	char v[PZERR_MSG_MAX + 256], user[64], opts[160];

	strbuf_printf(out, ",\"logind\":{\"in_use\":%s,\"remove_ipc\":%s",
	    l->in_use ? "true" : "false", l->remove_ipc ? "true" : "false");
	report_json_str(out, "remove_ipc_from", l->from);
	strbuf_printf(out, ",\"system_user\":%s,\"lingering\":%s,\"removes_board\":%s",
	    l->system_user ? "true" : "false", l->lingering ? "true" : "false",
	    l->removes ? "true" : "false");
	shminfo_user(l->owner, user, sizeof user);
	report_opts(r, opts, sizeof opts);
	report_json_str(out, "warning", logind_warning(l, user, opts, v, sizeof v));
	strbuf_putc(out, '}');
}

/* Append the report as one JSON object. */
void
report_format_json(struct strbuf *out, const struct report *r)
{
	const struct shmid_ds *ds = &r->si.ds;
	const struct addr *a = r->addr;
	char v[64], name[64];
	int i;

	snprintf(v, sizeof v, "0x%08x", (unsigned)ds->shm_perm.__key);
	strbuf_puts(out, "{\"shm_perm.key\":");
	strbuf_put_json(out, v);
	report_json_num(out, "shmid", r->si.shmid);
	report_json_num(out, "shm_perm.uid", ds->shm_perm.uid);
	report_json_str(out, "shm_perm.uid_name", shminfo_user(ds->shm_perm.uid, name, sizeof name));
	report_json_num(out, "shm_perm.gid", ds->shm_perm.gid);
	report_json_str(out, "shm_perm.gid_name", shminfo_group(ds->shm_perm.gid, name, sizeof name));
	report_json_num(out, "shm_perm.cuid", ds->shm_perm.cuid);
	report_json_num(out, "shm_perm.cgid", ds->shm_perm.cgid);
	snprintf(v, sizeof v, "%04o", (unsigned)ds->shm_perm.mode & 0777);
	report_json_str(out, "shm_perm.mode", v);
	report_json_num(out, "shm_segsz", (long long)ds->shm_segsz);
	report_json_num(out, "shm_nattch", (long long)ds->shm_nattch);
	report_json_num(out, "shm_cpid", ds->shm_cpid);
	report_json_num(out, "shm_lpid", ds->shm_lpid);
	report_json_num(out, "shm_atime", (long long)ds->shm_atime);
	report_json_num(out, "shm_dtime", (long long)ds->shm_dtime);
	report_json_num(out, "shm_ctime", (long long)ds->shm_ctime);
	strbuf_printf(out, ",\"dest\":%s", shminfo_dest(&r->si) ? "true" : "false");
	if (a != NULL && a->how == ADDR_BY_FTOK && a->resolved) {
		strbuf_puts(out, ",\"ftok\":{\"path\":");
		strbuf_put_json(out, a->path);
		strbuf_printf(out, ",\"st_dev\":%llu,\"st_ino\":%llu",
		    (unsigned long long)a->dev, (unsigned long long)a->ino);
		report_json_num(out, "proj_id", a->proj);
		snprintf(v, sizeof v, "0x%08x", (unsigned)a->key);
		report_json_str(out, "key", v);
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
			report_json_num(out, "pid", c->pid);
			report_json_num(out, "uid", c->uid);
			report_json_str(out, "user", shminfo_user(c->uid, name, sizeof name));
			report_json_str(out, "tty", c->tty);
			report_json_num(out, "colour", c->colour);
			report_json_num(out, "col", c->col);
			report_json_num(out, "row", c->row);
			strbuf_putc(out, '}');
		}
		strbuf_putc(out, ']');
	}
	if (!r->have_board && r->not_board != NULL) {
		strbuf_puts(out, ",\"board\":null");
		report_json_str(out, "not_board", r->not_board);
	}
	if (r->logind != NULL)
		report_logind_json(out, r);
	strbuf_puts(out, "}\n");
}
