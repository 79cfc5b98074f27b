/*
 * list.c - the segment list (see list.h): the columns table, the filter,
 * boards recognised through an attacher's memory, and `pizarra ls`. ls
 * reads /proc/sysvipc/shm and every /proc/PID/maps once, attaching
 * nothing; a command name is shown only while its pid is still the
 * process that was there (it started before the segment's time that
 * named it), so a reused pid never names a stranger.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "list.h"
#include "proc.h"
#include "shminfo.h"
#include "strbuf.h"

/* One column: heading, top's width, alignment, the field it sorts by. */
struct list_column {
	const char *heading;
	int width;
	bool right;
	int sort;
};

static const struct list_column list_columns[LIST_NCOLS] = {
	[LIST_KEY] = { "KEY", 10, false, SHMLIST_KEY },
	[LIST_ID] = { "ID", 8, true, SHMLIST_SHMID },
	[LIST_OWNER] = { "OWNER", 8, false, SHMLIST_UID },
	[LIST_PERMS] = { "PERMS", 9, false, SHMLIST_PERMS },
	[LIST_SIZE] = { "SIZE", 6, true, SHMLIST_SIZE },
	[LIST_NATTCH] = { "NATTCH", 6, true, SHMLIST_NATTCH },
	[LIST_STATUS] = { "STATUS", 6, false, SHMLIST_PERMS },
	[LIST_CPID] = { "CPID", 7, true, SHMLIST_CPID },
	[LIST_COMMAND] = { "COMMAND", 10, false, -1 },
	[LIST_LPID] = { "LPID", 7, true, SHMLIST_LPID },
	[LIST_LCOMMAND] = { "LCOMMAND", 10, false, -1 },
	[LIST_ATTACHED] = { "ATTACHED", 16, false, SHMLIST_NATTCH },
	[LIST_BOARD] = { "BOARD", 16, false, -1 },
};

const char *
list_heading(enum list_col c)
{
	return (unsigned)c < LIST_NCOLS ? list_columns[c].heading : "?";
}

int
list_width(enum list_col c)
{
	return (unsigned)c < LIST_NCOLS ? list_columns[c].width : 0;
}

bool
list_right(enum list_col c)
{
	return (unsigned)c < LIST_NCOLS && list_columns[c].right;
}

int
list_sort_field(enum list_col c)
{
	return (unsigned)c < LIST_NCOLS ? list_columns[c].sort : -1;
}

/* The boot time (seconds since the epoch), from /proc/stat's btime; 0 when unknown. */
static time_t
list_boot_time(void)
{
	static time_t boot;
	char line[256];
	long long v;
	FILE *f;

	if (boot != 0)
		return boot;
	f = fopen("/proc/stat", "re");
	if (f == NULL)
		return 0;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "btime %lld", &v) == 1 && v > 0)
			boot = (time_t)v;
	fclose(f);
	return boot;
}

/*
 * The command name of pid, when pid is still the process that was there at
 * time then (it started no later, to the second); "-" when it is gone or
 * the pid now belongs to a process that started afterwards.
 */
static const char *
list_comm(pid_t pid, time_t then, char *buf, size_t n)
{
	long tick = sysconf(_SC_CLK_TCK);
	time_t boot = list_boot_time();
	uint64_t start;

	snprintf(buf, n, "-");
	if (pid <= 0 || proc_start_time(pid, &start) != 0)
		return buf;
	if (tick > 0 && boot > 0 && then > 0 && boot + (time_t)(start / (uint64_t)tick) > then)
		return buf;
	return proc_name(pid, buf, n);
}

/* The attaches: "4242 lecture, 4250 pizarra", and how many the maps did not show. */
static const char *
list_attached(const struct list_row *r, char *buf, size_t n)
{
	char name[32];
	size_t i, len = 0;
	uint64_t nattch = r->seg->v[SHMLIST_NATTCH];

	buf[0] = '\0';
	for (i = 0; i < r->natt && len + 1 < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%d %s", i ? ", " : "",
		    (int)r->att[i].pid, proc_name(r->att[i].pid, name, sizeof name));
	if (nattch > r->natt && len + 1 < n)
		len += (size_t)snprintf(buf + len, n - len, "%s%llu unseen", len ? " +" : "",
		    (unsigned long long)(nattch - r->natt));
	if (len == 0)
		snprintf(buf, n, "-");
	return buf;
}

/* The columns that are not one of the kernel's fields: commands, attaches, the board. */
static void
list_cell_found(const struct list_row *r, enum list_col c, char *buf, size_t n)
{
	const uint64_t *v = r->seg->v;
	time_t lp = (time_t)(v[SHMLIST_ATIME] > v[SHMLIST_DTIME] ? v[SHMLIST_ATIME] :
	    v[SHMLIST_DTIME]);

	switch (c) {
	case LIST_COMMAND:
		/* the creator started before the segment was made (its ctime, or the IPC_SET after) */
		list_comm((pid_t)v[SHMLIST_CPID], (time_t)v[SHMLIST_CTIME], buf, n);
		break;
	case LIST_LCOMMAND:
		list_comm((pid_t)v[SHMLIST_LPID], lp, buf, n);
		break;
	case LIST_ATTACHED:
		list_attached(r, buf, n);
		break;
	case LIST_BOARD:
		if (r->board == LIST_BOARD_YES)
			snprintf(buf, n, "%ux%u %d client%s", r->map.cols, r->map.rows,
			    r->map.nclients, r->map.nclients == 1 ? "" : "s");
		else
			snprintf(buf, n, "%s", r->board == LIST_BOARD_NO ? "-" : "?");
		break;
	default:
		snprintf(buf, n, "?");
		break;
	}
}

const char *
list_cell(const struct list_row *r, enum list_col c, bool bytes, char *buf, size_t n)
{
	const struct shmlist_seg *s = r->seg;
	const uint64_t *v = s->v;
	char rwx[10];

	switch (c) {
	case LIST_KEY:
		snprintf(buf, n, "0x%08x", (unsigned)(uint32_t)v[SHMLIST_KEY]);
		break;
	case LIST_ID:
		snprintf(buf, n, "%d", shmlist_shmid(s));
		break;
	case LIST_OWNER:
		shminfo_user((uid_t)v[SHMLIST_UID], buf, n);
		break;
	case LIST_PERMS:
		shminfo_rwx((mode_t)v[SHMLIST_PERMS], rwx);
		snprintf(buf, n, "%s", rwx);
		break;
	case LIST_SIZE:
		if (bytes)
			snprintf(buf, n, "%llu", (unsigned long long)v[SHMLIST_SIZE]);
		else
			shmlist_size_human(v[SHMLIST_SIZE], buf, n);
		break;
	case LIST_NATTCH:
		snprintf(buf, n, "%llu", (unsigned long long)v[SHMLIST_NATTCH]);
		break;
	case LIST_STATUS:
		shmlist_status(v[SHMLIST_PERMS], buf, n);
		if (buf[0] == '\0')
			snprintf(buf, n, "-");
		break;
	case LIST_CPID:
		snprintf(buf, n, "%llu", (unsigned long long)v[SHMLIST_CPID]);
		break;
	case LIST_LPID:
		snprintf(buf, n, "%llu", (unsigned long long)v[SHMLIST_LPID]);
		break;
	default:
		list_cell_found(r, c, buf, n);
		break;
	}
	return buf;
}

bool
list_match(const struct cli_opts *o, const struct shmlist_seg *s)
{
	if (o->owner_given && (uid_t)s->v[SHMLIST_UID] != o->owner)
		return false;
	if (!o->named)
		return true;
	if (o->addr.how == ADDR_BY_SHMID)
		return shmlist_shmid(s) == o->addr.shmid;
	return shmlist_key(s) == o->addr.key;
}

void
list_board_of(struct list_row *r, const struct shmlist_seg *s, const struct shmmaps_att *att,
	      size_t natt)
{
	unsigned char *hdr;
	size_t i, need = sizeof(struct board_header);
	ssize_t got;

	r->seg = s;
	r->att = att;
	r->natt = natt;
	r->board = LIST_BOARD_UNKNOWN;
	if (s->v[SHMLIST_SIZE] < need) {
		r->board = LIST_BOARD_NO;
		return;
	}
	hdr = malloc(need);
	if (hdr == NULL)
		return;
	for (i = 0; i < natt && r->board == LIST_BOARD_UNKNOWN; i++) {
		uint32_t magic;

		/* the magic first: most segments are not boards, and 4 bytes say so */
		if (shmmaps_read(&att[i], NULL, 0, &magic, sizeof magic) != (ssize_t)sizeof magic)
			continue;
		if (magic != BOARD_MAGIC) {
			r->board = LIST_BOARD_NO;
			break;
		}
		got = shmmaps_read(&att[i], NULL, 0, hdr, need);
		if (got != (ssize_t)need)
			continue;
		r->board = boardmap_recognise(hdr, need, s->v[SHMLIST_SIZE], &r->map, NULL) == 0 ?
		    LIST_BOARD_YES : LIST_BOARD_NO;
	}
	free(hdr);
}

/* ------------------------------------------------------------------- ls */

/* Print the rows as aligned columns under a heading line. */
static void
list_text(const struct list_row *rows, size_t n, bool bytes)
{
	static char cell[LIST_NCOLS][512];
	int width[LIST_NCOLS], c, w;
	size_t i;

	for (c = 0; c < LIST_NCOLS; c++)
		width[c] = (int)strlen(list_columns[c].heading);
	for (i = 0; i < n; i++)
		for (c = 0; c < LIST_NCOLS; c++) {
			w = (int)strlen(list_cell(&rows[i], (enum list_col)c, bytes, cell[0],
			    sizeof cell[0]));
			if (w > width[c])
				width[c] = w;
		}
	for (c = 0; c + 1 < LIST_NCOLS; c++)
		printf(list_columns[c].right ? "%*s " : "%-*s ", width[c], list_columns[c].heading);
	printf("%s\n", list_columns[LIST_NCOLS - 1].heading);
	for (i = 0; i < n; i++) {
		for (c = 0; c < LIST_NCOLS; c++)
			list_cell(&rows[i], (enum list_col)c, bytes, cell[c], sizeof cell[c]);
		for (c = 0; c + 1 < LIST_NCOLS; c++)
			printf(list_columns[c].right ? "%*s " : "%-*s ", width[c], cell[c]);
		printf("%s\n", cell[LIST_NCOLS - 1]);
	}
}

/* One segment as a JSON object: the kernel's fields, then what pizarra adds. */
static void
list_json_row(struct strbuf *out, const struct list_row *r, const struct shmlist *l)
{
	const uint64_t *v = r->seg->v;
	char buf[512], name[32];
	size_t i;
	int f;

	strbuf_putc(out, '{');
	for (f = 0; f < SHMLIST_NFIELDS; f++) {
		if (!l->have[f])
			continue;
		if (f == SHMLIST_KEY)
			strbuf_printf(out, "\"key\":%d", (int)(int32_t)(uint32_t)v[f]);
		else
			strbuf_printf(out, ",\"%s\":%llu", shmlist_name((enum shmlist_field)f),
			    (unsigned long long)v[f]);
	}
	strbuf_printf(out, ",\"key_hex\":\"0x%08x\",\"mode\":\"%04o\",\"owner\":",
	    (unsigned)(uint32_t)v[SHMLIST_KEY], (unsigned)(v[SHMLIST_PERMS] & 0777));
	strbuf_put_json(out, shminfo_user((uid_t)v[SHMLIST_UID], name, sizeof name));
	strbuf_puts(out, ",\"group\":");
	strbuf_put_json(out, shminfo_group((gid_t)v[SHMLIST_GID], name, sizeof name));
	strbuf_printf(out, ",\"dest\":%s,\"status\":[", (v[SHMLIST_PERMS] & 01000) ? "true" : "false");
	shmlist_status(v[SHMLIST_PERMS], buf, sizeof buf);
	for (i = 0; buf[i] != '\0';) {
		size_t len = strcspn(buf + i, ",");

		strbuf_printf(out, "%s\"%.*s\"", i ? "," : "", (int)len, buf + i);
		i += len + (buf[i + len] == ',');
	}
	strbuf_puts(out, "],\"cpid_command\":");
	strbuf_put_json(out, list_cell(r, LIST_COMMAND, false, buf, sizeof buf));
	strbuf_puts(out, ",\"lpid_command\":");
	strbuf_put_json(out, list_cell(r, LIST_LCOMMAND, false, buf, sizeof buf));
	strbuf_puts(out, ",\"attached\":[");
	for (i = 0; i < r->natt; i++) {
		strbuf_printf(out, "%s{\"pid\":%d,\"command\":", i ? "," : "", (int)r->att[i].pid);
		strbuf_put_json(out, proc_name(r->att[i].pid, name, sizeof name));
		strbuf_printf(out, ",\"address\":\"0x%llx\",\"writable\":%s}",
		    (unsigned long long)r->att[i].start, r->att[i].writable ? "true" : "false");
	}
	strbuf_puts(out, "],\"board\":");
	if (r->board == LIST_BOARD_YES)
		strbuf_printf(out, "{\"cols\":%u,\"rows\":%u,\"generation\":%u,\"created\":%llu,"
		    "\"clients\":%d}", r->map.cols, r->map.rows, r->map.generation,
		    (unsigned long long)r->map.created, r->map.nclients);
	else
		strbuf_puts(out, r->board == LIST_BOARD_NO ? "false" : "null");
	strbuf_putc(out, '}');
}

/* The whole listing as JSON: one segment object per line inside "segments". */
static int
list_json(const struct list_row *rows, size_t n, const struct shmlist *l,
	  const struct shmmaps *m)
{
	struct strbuf out;
	size_t i;
	int rc = 0;

	strbuf_init(&out);
	strbuf_puts(&out, "{\"segments\":[");
	for (i = 0; i < n; i++) {
		strbuf_puts(&out, i ? ",\n" : "\n");
		list_json_row(&out, &rows[i], l);
	}
	strbuf_printf(&out, "%s],\"count\":%zu,\"skipped_rows\":%zu,\"processes\":%u,"
	    "\"unreadable_processes\":%u}\n", n ? "\n" : "", n, l->skipped, m->procs,
	    m->unreadable);
	if (out.failed) {
		cli_error(_("ls: out of memory"));
		rc = -1;
	} else {
		fwrite(strbuf_cstr(&out), 1, out.len, stdout);
	}
	strbuf_free(&out);
	return rc;
}

/*
 * Print the rows ls found, as text or JSON, and the notes after them: a
 * filter that matched nothing, attaches not shown, rows that did not read.
 */
static int
list_print(const struct cli_opts *o, const struct list_row *rows, size_t n,
	   const struct shmlist *l, const struct shmmaps *m)
{
	int status = EXIT_SUCCESS;
	size_t i;

	if (o->named && n == 0) {
		char name[64];

		/* a filter that matches nothing is a failure, as lsipc -i has it */
		cli_error(_("no segment matches %s; `pizarra ls` lists them all"),
		    addr_name(&o->addr, name, sizeof name));
		status = EXIT_FAILURE;
	} else if (o->json) {
		if (list_json(rows, n, l, m) != 0)
			status = EXIT_FAILURE;
	} else {
		list_text(rows, n, o->bytes);
		for (i = 0; i < n && rows[i].seg->v[SHMLIST_NATTCH] <= rows[i].natt; i++)
			;
		if (i < n && m->unreadable > 0)
			cli_error(P_("note: attaches by %u process of other users are counted in "
			    "NATTCH but not shown (only root may read their maps)",
			    "note: attaches by %u processes of other users are counted in "
			    "NATTCH but not shown (only root may read their maps)", m->unreadable),
			    m->unreadable);
	}
	if (l->skipped > 0)
		cli_error(P_("note: %zu row of %s did not read and is left out",
		    "note: %zu rows of %s did not read and are left out", l->skipped), l->skipped,
		    SHMLIST_PATH);
	return status;
}

int
list_run(struct cli_opts *o)
{
	struct list_row *rows;
	const struct shmmaps_att *att;
	struct shmlist l;
	struct shmmaps m;
	struct pzerr e;
	size_t i, n = 0, natt;
	int status = EXIT_SUCCESS;

	if (o->named && addr_resolve(&o->addr, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	shmlist_init(&l);
	shmmaps_init(&m);
	if (shmlist_read(&l, NULL, &e) != 0 || shmmaps_scan(&m, NULL, &e) != 0) {
		cli_error("ls: %s", e.msg);
		shmlist_free(&l);
		shmmaps_free(&m);
		return EXIT_FAILURE;
	}
	shmlist_sort(&l, SHMLIST_SHMID, false);
	rows = calloc(l.n ? l.n : 1, sizeof *rows);
	if (rows == NULL) {
		cli_error(_("ls: out of memory"));
		status = EXIT_FAILURE;
		goto out;
	}
	for (i = 0; i < l.n; i++) {
		if (!list_match(o, &l.seg[i]))
			continue;
		natt = shmmaps_of(&m, shmlist_shmid(&l.seg[i]), &att);
		list_board_of(&rows[n++], &l.seg[i], att, natt);
	}
	status = list_print(o, rows, n, &l, &m);
out:
	free(rows);
	shmlist_free(&l);
	shmmaps_free(&m);
	return status;
}
