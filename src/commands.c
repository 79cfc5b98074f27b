/*
 * commands.c - the scriptable commands: info, dump, load, put, clear,
 * chmod, chown and rm. Each opens the board through the core library,
 * does one thing, reports failure as one line on stderr, and detaches.
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "client.h"
#include "notify.h"
#include "report.h"
#include "shminfo.h"
#include "strbuf.h"

#define CMD_FILE_MAX (256u << 20)

/* Open the board o names; prints the error and returns -1 on failure. */
static int
cmd_open(struct cli_opts *o, struct segment *s, bool create, bool readonly)
{
	struct segment_opts so = {
		.create = create, .readonly = readonly,
		.cols = o->cols, .rows = o->rows, .mode = o->mode,
	};
	struct pzerr e;

	if (segment_open(s, &o->addr, &so, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return -1;
	}
	if (create && !s->created && (o->size_given || o->mode_given))
		cli_error("note: the board exists already (%ux%u); -s and -m apply only when "
		    "creating one", s->board.cols, s->board.rows);
	return 0;
}

/* Detach; a board this command created is removed again on failure, announced on success. */
static void
cmd_close(struct cli_opts *o, struct segment *s, bool failed)
{
	if (failed && s->created)
		segment_remove(s->shmid, &o->log, NULL);
	else if (s->created)
		cli_error("created a %ux%u board at key 0x%08x (shmid %d, mode %04o)",
		    s->board.cols, s->board.rows, (unsigned)s->key, s->shmid,
		    (unsigned)o->mode);
	segment_detach(s, NULL);
}

/* Find the shmid o names; prints the error and returns -1 on failure. */
static int
cmd_find(struct cli_opts *o, int *shmid)
{
	struct pzerr e;

	if (segment_find(&o->addr, &o->log, shmid, &e) != 0) {
		cli_error("%s", e.msg);
		return -1;
	}
	return 0;
}

/* Refuse early when we are neither owner, creator nor root (as shmctl IPC_SET/RMID would). */
static int
cmd_owner_only(int shmid, const char *what)
{
	char who[64];
	struct shminfo_stat si;
	uid_t me = geteuid();

	if (me == 0 || shminfo_from_proc(shmid, 0, &si) != 0)
		return 0;
	if (me == si.ds.shm_perm.uid || me == si.ds.shm_perm.cuid)
		return 0;
	shminfo_user(si.ds.shm_perm.uid, who, sizeof who);
	if (si.ds.shm_perm.uid == 0)
		cli_error("shmid %d belongs to root: only root may %s it", shmid, what);
	else
		cli_error("shmid %d belongs to %s: only its owner or creator (or root) may %s "
		    "it; ask %s", shmid, who, what, who);
	return -1;
}

/* Make sure shmid is a pizarra board before changing it. */
static int
cmd_verify(struct cli_opts *o, int shmid)
{
	struct pzerr e;

	if (segment_verify(shmid, &o->addr, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return -1;
	}
	return 0;
}

/* pizarra info [--json] */
int
cmd_info(struct cli_opts *o)
{
	struct client_info clients[BOARD_SLOTS];
	struct report r;
	struct segment s;
	struct strbuf out;
	struct pzerr e;
	int shmid;

	if (cmd_find(o, &shmid) != 0)
		return EXIT_FAILURE;
	memset(&r, 0, sizeof r);
	r.si.shmid = shmid;
	if (segment_stat(shmid, &r.si.ds, &o->log, &e) != 0 && e.err != EACCES) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	if (segment_open_shmid(&s, shmid, &o->addr, true, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	r.addr = &o->addr;
	r.have_board = true;
	r.cols = s.board.cols;
	r.rows = s.board.rows;
	r.generation = notify_generation(&s.board);
	r.created = atomic_load_explicit(&s.board.hdr->created, memory_order_relaxed);
	r.slots = BOARD_SLOTS;
	r.nclients = client_list(&s.board, clients, BOARD_SLOTS);
	r.clients = clients;
	segment_detach(&s, NULL);
	strbuf_init(&out);
	if (o->json)
		report_format_json(&out, &r);
	else
		report_format_text(&out, &r);
	fwrite(strbuf_cstr(&out), 1, out.len, stdout);
	strbuf_free(&out);
	return EXIT_SUCCESS;
}

/* pizarra dump [--ansi] */
int
cmd_dump(struct cli_opts *o)
{
	struct segment s;
	struct strbuf out;
	int status = EXIT_SUCCESS;

	if (cmd_open(o, &s, false, true) != 0)
		return EXIT_FAILURE;
	strbuf_init(&out);
	if (board_dump(&s.board, &out, o->ansi) != 0) {
		cli_error("dump: out of memory");
		status = EXIT_FAILURE;
	} else {
		fwrite(strbuf_cstr(&out), 1, out.len, stdout);
	}
	strbuf_free(&out);
	cmd_close(o, &s, false);
	return status;
}

/* Read a whole file ("-" is standard input) into memory. */
static char *
cmd_read_file(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *buf = NULL, *p;
	size_t cap = 0, n;

	*len = 0;
	if (f == NULL) {
		cli_error("%s: %s; the board was not changed", path, strerror(errno));
		return NULL;
	}
	for (;;) {
		if (cap - *len < 65536) {
			cap = cap ? cap * 2 : 65536;
			if (cap > CMD_FILE_MAX + 65536) {
				cli_error("%s: larger than any board can hold; the board was not "
				    "changed", path);
				goto fail;
			}
			p = realloc(buf, cap);
			if (p == NULL) {
				cli_error("%s: out of memory", path);
				goto fail;
			}
			buf = p;
		}
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		cli_error("%s: %s; the board was not changed", path, strerror(errno));
		goto fail;
	}
	if (f != stdin)
		fclose(f);
	return buf;
fail:
	if (f != stdin)
		fclose(f);
	free(buf);
	return NULL;
}

/* pizarra load FILE */
int
cmd_load(struct cli_opts *o)
{
	const char *path = o->args[0];
	struct segment s;
	struct pzerr e;
	size_t len;
	char *text;
	int status = EXIT_SUCCESS;

	text = cmd_read_file(path, &len);
	if (text == NULL)
		return EXIT_FAILURE;
	if (board_check_text(text, len, BOARD_MAX_COLS, BOARD_MAX_ROWS, &e) != 0) {
		cli_error("%s: %s; the board was not changed", path, e.msg);
		free(text);
		return EXIT_FAILURE;
	}
	if (cmd_open(o, &s, true, false) != 0) {
		free(text);
		return EXIT_FAILURE;
	}
	if (board_load(&s.board, text, len, &e) != 0) {
		cli_error("%s: %s; the board was not changed", path, e.msg);
		status = EXIT_FAILURE;
	} else {
		notify_bump(&s.board);
	}
	cmd_close(o, &s, status != EXIT_SUCCESS);
	free(text);
	return status;
}

/* pizarra put COL ROW TEXT */
int
cmd_put(struct cli_opts *o)
{
	const char *text = o->args[2];
	unsigned long col, row;
	struct segment s;
	struct pzerr e;
	char *end;
	int status = EXIT_SUCCESS;

	errno = 0;
	col = strtoul(o->args[0], &end, 10);
	if (errno || *end || end == o->args[0] || o->args[0][0] == '-' || col > 0xFFFF) {
		cli_error("put: COL '%s' is not a column number (0-based) (try 'pizarra --help')",
		    o->args[0]);
		return EXIT_USAGE;
	}
	row = strtoul(o->args[1], &end, 10);
	if (errno || *end || end == o->args[1] || o->args[1][0] == '-' || row > 0xFFFF) {
		cli_error("put: ROW '%s' is not a row number (0-based) (try 'pizarra --help')",
		    o->args[1]);
		return EXIT_USAGE;
	}
	if (board_check_text(text, strlen(text), BOARD_MAX_COLS, BOARD_MAX_ROWS, &e) != 0) {
		cli_error("put: TEXT: %s; the board was not changed", e.msg);
		return EXIT_FAILURE;
	}
	if (cmd_open(o, &s, true, false) != 0)
		return EXIT_FAILURE;
	if (board_put(&s.board, (uint32_t)col, (uint32_t)row, text, strlen(text), 0, 0, &e) != 0) {
		cli_error("put: %s; the board was not changed", e.msg);
		status = EXIT_FAILURE;
	} else {
		notify_bump(&s.board);
	}
	cmd_close(o, &s, status != EXIT_SUCCESS);
	return status;
}

/* pizarra clear */
int
cmd_clear(struct cli_opts *o)
{
	struct segment s;
	struct pzerr e;
	int status = EXIT_SUCCESS;

	if (cmd_open(o, &s, false, false) != 0)
		return EXIT_FAILURE;
	if (board_clear(&s.board, &e) != 0) {
		cli_error("clear: %s", e.msg);
		status = EXIT_FAILURE;
	} else {
		notify_bump(&s.board);
	}
	cmd_close(o, &s, false);
	return status;
}

/* pizarra chmod MODE */
int
cmd_chmod(struct cli_opts *o)
{
	char before[10], after[10];
	struct shmid_ds ds;
	struct pzerr e;
	const char *why;
	mode_t mode;
	int shmid;

	if (cli_parse_mode(o->args[0], &mode, &why) != 0) {
		cli_error("chmod: '%s' %s (try 'pizarra --help')", o->args[0], why);
		return EXIT_USAGE;
	}
	if (cmd_find(o, &shmid) != 0 || cmd_owner_only(shmid, "change the mode of") != 0 ||
	    cmd_verify(o, shmid) != 0)
		return EXIT_FAILURE;
	if (segment_stat(shmid, &ds, &o->log, &e) != 0 ||
	    segment_chmod(shmid, mode, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	shminfo_rwx(ds.shm_perm.mode, before);
	shminfo_rwx(mode, after);
	printf("shmid %d: mode %04o (%s) -> %04o (%s)\n", shmid,
	    (unsigned)ds.shm_perm.mode & 0777, before, (unsigned)mode, after);
	return EXIT_SUCCESS;
}

/* Parse USER[:GROUP] (names or numbers). */
static int
cmd_parse_owner(const char *spec, uid_t *uid, gid_t *gid)
{
	char buf[256], *colon, *end;
	struct passwd *pw;
	struct group *gr;
	unsigned long v;

	if (strlen(spec) >= sizeof buf)
		return -1;
	strcpy(buf, spec);
	*uid = (uid_t)-1;
	*gid = (gid_t)-1;
	colon = strchr(buf, ':');
	if (colon != NULL)
		*colon++ = '\0';
	if (buf[0] != '\0') {
		if ((pw = getpwnam(buf)) != NULL) {
			*uid = pw->pw_uid;
		} else {
			v = strtoul(buf, &end, 10);
			if (*end != '\0' || buf[0] == '-')
				return -1;
			*uid = (uid_t)v;
		}
	}
	if (colon != NULL && colon[0] != '\0') {
		if ((gr = getgrnam(colon)) != NULL) {
			*gid = gr->gr_gid;
		} else {
			v = strtoul(colon, &end, 10);
			if (*end != '\0' || colon[0] == '-')
				return -1;
			*gid = (gid_t)v;
		}
	}
	return *uid == (uid_t)-1 && *gid == (gid_t)-1 ? -1 : 0;
}

/* pizarra chown USER[:GROUP] */
int
cmd_chown(struct cli_opts *o)
{
	char user[64], group[64];
	struct shmid_ds ds;
	struct pzerr e;
	uid_t uid;
	gid_t gid;
	int shmid;

	if (cmd_parse_owner(o->args[0], &uid, &gid) != 0) {
		cli_error("chown: '%s' is not a known USER[:GROUP] (try 'pizarra --help')",
		    o->args[0]);
		return EXIT_USAGE;
	}
	if (cmd_find(o, &shmid) != 0 || cmd_owner_only(shmid, "change the owner of") != 0 ||
	    cmd_verify(o, shmid) != 0)
		return EXIT_FAILURE;
	if (segment_chown(shmid, uid, gid, &o->log, &e) != 0 ||
	    segment_stat(shmid, &ds, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	printf("shmid %d: owner %s, group %s\n", shmid,
	    shminfo_user(ds.shm_perm.uid, user, sizeof user),
	    shminfo_group(ds.shm_perm.gid, group, sizeof group));
	return EXIT_SUCCESS;
}

/* pizarra rm */
int
cmd_rm(struct cli_opts *o)
{
	struct shmid_ds ds;
	struct pzerr e;
	int shmid;

	if (cmd_find(o, &shmid) != 0 || cmd_owner_only(shmid, "remove") != 0 ||
	    cmd_verify(o, shmid) != 0)
		return EXIT_FAILURE;
	if (segment_remove(shmid, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	if (shmctl(shmid, IPC_STAT, &ds) != 0) {
		trace_add(&o->log, 1, "shmctl(%d, IPC_STAT, &ds) = -1 %s", shmid,
		    trace_errname(errno));
		printf("shmid %d removed: no process was attached, so it is gone\n", shmid);
		return EXIT_SUCCESS;
	}
	trace_add(&o->log, 0, "shmctl(%d, IPC_STAT, &ds) = 0", shmid);
	printf("shmid %d marked for removal (SHM_DEST): its key is now 0x%08x; it lives on "
	    "while %lu process%s stay%s attached (they can keep drawing; reach it with -i %d) "
	    "and is destroyed at the last detach\n", shmid, (unsigned)ds.shm_perm.__key,
	    (unsigned long)ds.shm_nattch, ds.shm_nattch == 1 ? "" : "es",
	    ds.shm_nattch == 1 ? "s" : "", shmid);
	return EXIT_SUCCESS;
}
