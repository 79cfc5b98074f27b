/*
 * edit.c - load, put and clear from the command line. The text is checked
 * while it is read (a file stops being read at its first bad byte, or as
 * soon as it is larger than any board), the size of a board this command
 * may create is decided and checked against the text before any shmget,
 * and the core checks the text again against the real board before any
 * cell is written, so invalid input never changes anything. A board this
 * command created is removed again on failure only while no one else has
 * touched it (cli_close). load and clear hold the board's lease while they
 * write every cell (lease_take), so two of them never interleave,
 * and say so when the segment was removed meanwhile. load --ansi takes the
 * colours out of the text and --at places it as a block (import.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "edit.h"
#include "import.h"
#include "lease.h"
#include "notify.h"
#include "text.h"
#include "utf8.h"

#define EDIT_FILE_MAX (256u << 20)    /* no board's text is larger */
#define EDIT_CHUNK    65536u          /* read and check this much at a time */

/* A text read and scanned: its bytes (without a leading BOM) and its shape. */
struct edit_text {
	char *buf;             /* what was read */
	const char *text;      /* the text itself: buf, past a UTF-8 BOM */
	size_t len;            /* bytes of text */
	struct textscan sc;
};

/* "PATH: " with the path escaped, for messages. */
static const char *
edit_name(const char *path, char *buf, size_t n)
{
	char q[256];

	snprintf(buf, n, "%s", strcmp(path, "-") == 0 ? _("standard input") :
	    utf8_escape(path, q, sizeof q));
	return buf;
}

/* Stop reading when the text so far is larger than any board; says so. */
static int
edit_too_large(const char *name, const struct textscan *sc, size_t len)
{
	/* the scan's max_cols is BOARD_MAX_COLS: wide_line is a line wider than any board */
	if (sc->end > BOARD_MAX_COLS || sc->wide_line != 0) {
		cli_error(_("%s: line %u is more than %u columns wide, wider than any board; the "
		    "board was not changed"), name, sc->wide_line != 0 ? sc->wide_line :
		    sc->line + 1, BOARD_MAX_COLS);
		return -1;
	}
	if (sc->height > BOARD_MAX_ROWS) {
		cli_error(_("%s: more than %u lines, more than any board has rows; the board was "
		    "not changed"), name, BOARD_MAX_ROWS);
		return -1;
	}
	if (len > EDIT_FILE_MAX) {
		cli_error(_("%s: more than %u MiB, larger than any board can hold; the board was "
		    "not changed"), name, EDIT_FILE_MAX >> 20);
		return -1;
	}
	return 0;
}

/*
 * Read a whole file ("-" is standard input) into t, checking it as it
 * comes (unless raw: text with escapes, checked once they are taken out).
 * A UTF-8 BOM at the start is skipped. Says what is wrong and returns -1
 * at the first byte a board cannot hold, or as soon as it is larger than
 * any board.
 */
static int
edit_read_file(const char *path, bool raw, struct edit_text *t)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t cap = 0, len = 0, start = 0, walked = 0, n, used;
	char name[300], *p;
	struct pzerr e;
	bool eof = false;

	memset(t, 0, sizeof *t);
	textscan_init(&t->sc, BOARD_MAX_COLS);
	edit_name(path, name, sizeof name);
	if (f == NULL) {
		cli_error(_("%s: %s; the board was not changed"), name, strerror(errno));
		return -1;
	}
	while (!eof) {
		if (cap - len < EDIT_CHUNK) {
			cap = cap ? cap * 2 : 2 * EDIT_CHUNK;
			p = realloc(t->buf, cap);
			if (p == NULL) {
				cli_error(_("%s: out of memory"), name);
				goto fail;
			}
			t->buf = p;
		}
		n = fread(t->buf + len, 1, EDIT_CHUNK, f);
		len += n;
		eof = n == 0;
		if (eof && ferror(f)) {
			cli_error(_("%s: %s; the board was not changed"), name, strerror(errno));
			goto fail;
		}
		if (walked == 0 && start == 0 && len >= 3 && memcmp(t->buf, "\xEF\xBB\xBF", 3) == 0)
			start = walked = 3;
		if (!raw && textscan_feed(&t->sc, t->buf + walked, len - walked, eof, &used,
		    &e) != 0) {
			cli_error(_("%s: %s; the board was not changed"), name, e.msg);
			goto fail;
		}
		walked += raw ? 0 : used;
		if (edit_too_large(name, &t->sc, len - start) != 0)
			goto fail;
	}
	if (f != stdin)
		fclose(f);
	t->text = t->buf + start;
	t->len = len - start;
	return 0;
fail:
	if (f != stdin)
		fclose(f);
	free(t->buf);
	t->buf = NULL;
	return -1;
}

/*
 * Whether a board may be created by this command: no board under the key
 * now (-i never creates). -1 after saying why when the key file is bad.
 */
static int
edit_may_create(struct cli_opts *o, bool *create)
{
	struct pzerr e;

	*create = false;
	if (o->addr.how == ADDR_BY_SHMID)
		return 0;
	if (addr_resolve(&o->addr, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return -1;
	}
	*create = o->addr.key != IPC_PRIVATE && segment_under_key(o->addr.key) < 0;
	return 0;
}

/*
 * Decide the size of the board this command would create for content
 * that needs need_cols x need_rows: -s must hold it (refused here, before
 * any shmget, when it does not), otherwise at least the default size and
 * large enough. A board that exists already decides for itself (the core
 * checks the content against it). what names the content in messages.
 * 0, or -1 said.
 */
static int
edit_decide_size(struct cli_opts *o, const char *what, uint32_t need_cols, uint32_t need_rows)
{
	struct pzerr e;
	bool create;

	if (edit_may_create(o, &create) != 0)
		return -1;
	if (o->size_given) {
		if (create && (need_cols > o->cols || need_rows > o->rows)) {
			cli_error(_("%s needs a %ux%u board, but -s asks for %ux%u; no board was "
			    "created (give -s a larger size, or leave it out)"), what,
			    need_cols > o->cols ? need_cols : o->cols,
			    need_rows > o->rows ? need_rows : o->rows, o->cols, o->rows);
			return -1;
		}
		return 0;
	}
	/* also for a board that exists now, in case it is gone by the time we open it */
	if (board_geometry_for(need_cols, need_rows, &o->cols, &o->rows, &e) != 0 && create) {
		cli_error(_("%s: %s; no board was created"), what, e.msg);
		return -1;
	}
	return 0;
}

/* Is the segment marked for removal (or gone)? From IPC_STAT. */
static bool
edit_dest(struct cli_opts *o, const struct segment *s)
{
	struct shmid_ds ds;

	return segment_stat(s->shmid, &ds, &o->log, NULL) != 0 ||
	    (ds.shm_perm.mode & SHM_DEST) != 0;
}

/* What a whole-board operation needs: its name, the lease, what the segment was at the start. */
struct edit_whole {
	const char *doing;     /* "loading", "clearing", translated where it is said */
	uint64_t lease;        /* our lease word */
	bool dest_before;      /* already marked for removal when we opened it (-i) */
};

/*
 * Begin a whole-board operation on s: take the lease (waiting for a live
 * holder, LEASE_WAIT_MS at most). 0, or -1 said.
 */
static int
edit_whole_begin(struct cli_opts *o, struct segment *s, struct edit_whole *w)
{
	struct pzerr e;
	char name[64];

	w->dest_before = edit_dest(o, s);
	if (lease_take(&s->board, LEASE_WAIT_MS, &w->lease, &e) != 0) {
		cli_error("%s (shmid %d): %s", addr_name(&s->addr, name, sizeof name),
		    s->shmid, e.msg);
		return -1;
	}
	return 0;
}

/*
 * End it: give the lease back and say what went wrong meanwhile (someone
 * removed the segment, or took the lease over). 0, or -1 said.
 */
static int
edit_whole_end(struct cli_opts *o, struct segment *s, struct edit_whole *w)
{
	bool removed = !w->dest_before && edit_dest(o, s);
	bool lost = lease_give(&s->board, w->lease) != 0;
	char name[64];

	addr_name(&s->addr, name, sizeof name);
	if (removed) {
		cli_error(_("%s (shmid %d): the board was removed while %s (IPC_RMID by someone "
		    "else): what was written went into the removed segment, which disappears at "
		    "its last detach; run the command again for a new board"), name, s->shmid,
		    _(w->doing));
		return -1;
	}
	if (lost) {
		cli_error(_("%s (shmid %d): the board's lease was taken over while %s (this process "
		    "was thought dead): another load or clear may have mixed with this one; run "
		    "the command again"), name, s->shmid, _(w->doing));
		return -1;
	}
	return 0;
}

/*
 * The text of load --ansi or --at as the import takes it: with --ansi the
 * colours taken out, then the characters checked and measured into
 * t->sc. 0, or -1 said.
 */
static int
edit_import(struct cli_opts *o, const char *name, struct edit_text *t, struct import_text *it)
{
	struct pzerr e;

	if (!o->ansi) {
		import_plain(it, t->text, t->len);
		return 0;
	}
	if (import_ansi(it, t->text, t->len, &e) != 0 ||
	    import_shape(it, BOARD_MAX_COLS, &t->sc, &e) != 0) {
		cli_error(_("%s: %s; the board was not changed"), name, e.msg);
		import_free(it);
		return -1;
	}
	if (edit_too_large(name, &t->sc, it->len) != 0) {
		import_free(it);
		return -1;
	}
	return 0;
}

/* Write the text on the open board s, holding the lease: the exit status, said. */
static int
edit_load_board(struct cli_opts *o, struct segment *s, const char *name, const struct edit_text *t,
		const struct import_text *it)
{
	/* TRANSLATORS: completes "the board was removed while %s" */
	struct edit_whole w = { N_("loading"), 0, false };
	int status = EXIT_SUCCESS, r;
	struct pzerr e;

	if (edit_whole_begin(o, s, &w) != 0)
		return EXIT_FAILURE;
	if (o->at_given)
		r = import_place(&s->board, o->at_col, o->at_row, it, &e);
	else if (o->ansi)
		r = import_load(&s->board, it, &e);
	else
		r = text_load(&s->board, t->text, t->len, &e);
	if (r != 0) {
		cli_error(_("%s: %s; the board was not changed"), name, e.msg);
		status = EXIT_FAILURE;
	} else {
		notify_bump(&s->board);
	}
	if (edit_whole_end(o, s, &w) != 0)
		status = EXIT_FAILURE;
	return status;
}

int
edit_load(struct cli_opts *o)
{
	const char *path = o->args[0];
	uint32_t need_cols, need_rows;
	struct import_text it;
	struct edit_text t;
	struct segment s;
	char name[300];
	int status = EXIT_FAILURE;

	edit_name(path, name, sizeof name);
	if (edit_read_file(path, o->ansi, &t) != 0)
		return EXIT_FAILURE;
	if (edit_import(o, name, &t, &it) != 0) {
		free(t.buf);
		return EXIT_FAILURE;
	}
	/* a block needs the cell at COL,ROW even when it draws nothing, as put does */
	need_cols = !o->at_given ? t.sc.width : o->at_col + (t.sc.width > 1 ? t.sc.width : 1);
	need_rows = !o->at_given ? t.sc.height : o->at_row + (t.sc.height > 1 ? t.sc.height : 1);
	if (edit_decide_size(o, name, need_cols, need_rows) == 0 && cli_open(o, &s, true, false) == 0) {
		status = edit_load_board(o, &s, name, &t, &it);
		cli_close(o, &s, status != EXIT_SUCCESS);
	}
	import_free(&it);
	free(t.buf);
	return status;
}

/*
 * A 0-based coordinate operand (WHAT is "COL" or "ROW"): digits only, at
 * most 65535 (what a cursor can hold). 0, or EXIT_USAGE after saying why.
 */
static int
edit_coordinate(const char *what, const char *s, uint32_t *v)
{
	uint64_t n;
	char q[128];
	int r = cli_parse_number(s, false, 0, 0xFFFF, &n);

	if (r == CLI_NUM_OK) {
		*v = (uint32_t)n;
		return 0;
	}
	utf8_escape(s, q, sizeof q);
	if (r == CLI_NUM_RANGE)
		return cli_usage_error(_("put: %s '%s' is out of range (0-65535)"), what, q);
	if (what[0] == 'C')
		return cli_usage_error(_("put: %s '%s' is not a column number (0-65535)"), what, q);
	return cli_usage_error(_("put: %s '%s' is not a row number (0-65535)"), what, q);
}

int
edit_put(struct cli_opts *o)
{
	const char *text = o->args[2];
	uint32_t col, row, need_cols, need_rows;
	struct textscan sc;
	struct segment s;
	struct pzerr e;
	size_t used;
	int status = EXIT_SUCCESS;

	if (edit_coordinate("COL", o->args[0], &col) != 0 ||
	    edit_coordinate("ROW", o->args[1], &row) != 0)
		return EXIT_USAGE;
	textscan_init(&sc, BOARD_MAX_COLS);
	if (textscan_feed(&sc, text, strlen(text), true, &used, &e) != 0) {
		cli_error(_("put: TEXT: %s; the board was not changed"), e.msg);
		return EXIT_FAILURE;
	}
	/* the cell at COL, ROW must exist even for a text that draws nothing */
	need_cols = col + (sc.width > 1 ? sc.width : 1);
	need_rows = row + (sc.height > 1 ? sc.height : 1);
	if (edit_decide_size(o, _("put: the text at that position"), need_cols, need_rows) != 0)
		return EXIT_FAILURE;
	if (cli_open(o, &s, true, false) != 0)
		return EXIT_FAILURE;
	if (text_put(&s.board, col, row, text, strlen(text), 0, 0, &e) != 0) {
		cli_error(_("put: %s; the board was not changed"), e.msg);
		status = EXIT_FAILURE;
	} else {
		notify_bump(&s.board);
	}
	cli_close(o, &s, status != EXIT_SUCCESS);
	return status;
}

int
edit_clear(struct cli_opts *o)
{
	/* TRANSLATORS: completes "the board was removed while %s" */
	struct edit_whole w = { N_("clearing"), 0, false };
	struct segment s;
	struct pzerr e;
	int status = EXIT_SUCCESS;

	if (cli_open(o, &s, false, false) != 0)
		return EXIT_FAILURE;
	if (edit_whole_begin(o, &s, &w) != 0) {
		status = EXIT_FAILURE;
	} else {
		if (board_clear(&s.board, &e) != 0) {
			cli_error("clear: %s", e.msg);
			status = EXIT_FAILURE;
		} else {
			notify_bump(&s.board);
		}
		if (edit_whole_end(o, &s, &w) != 0)
			status = EXIT_FAILURE;
	}
	cli_close(o, &s, false);
	return status;
}
