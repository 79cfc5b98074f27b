/*
 * show.c - info and dump. info gathers its report from IPC_STAT (which may
 * be refused while /proc still tells), a read-only attach and what
 * systemd-logind will do to the owner's segments (logind.h, under "/" or
 * PIZARRA_LOGIND_ROOT), then lets the core format it; a segment named by
 * -i that is no board still gets its shmid_ds, and why it is not one.
 * dump attaches read-only and prints the board in the format asked for
 * (export.h: text, ANSI, HTML or SVG).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "i18n.h"
#include "client.h"
#include "export.h"
#include "logind.h"
#include "notify.h"
#include "report.h"
#include "show.h"
#include "strbuf.h"

/*
 * info --json is machine output, English in every language: the reasons
 * it carries (not_board, the logind warning) are formatted under
 * i18n_machine, so that every _() gives its msgid. Errors for people are
 * said in their language.
 */
static void
show_machine(bool on)
{
	i18n_machine(on);
}

/* Print the report, as text or JSON. */
static void
show_report(const struct cli_opts *o, const struct report *r)
{
	struct strbuf out;

	strbuf_init(&out);
	if (o->json) {
		show_machine(true);
		report_format_json(&out, r);
		show_machine(false);
	} else
		report_format_text(&out, r);
	fwrite(strbuf_cstr(&out), 1, out.len, stdout);
	strbuf_free(&out);
}

/*
 * The report of a segment named by -i that is no board: its shmid_ds, and
 * why it is not a board (with `ipcrm -m ID` when it is ours to remove).
 */
static int
show_not_board(struct cli_opts *o, struct report *r, const char *why)
{
	char text[PZERR_MSG_MAX + 200], who[64];
	const struct ipc_perm *p = &r->si.ds.shm_perm;
	uid_t me = geteuid();

	show_machine(o->json);
	if (me == p->uid || me == p->cuid)
		snprintf(text, sizeof text, _("not a pizarra board: %s; it was left untouched; it "
		    "is yours: `ipcrm -m %d` removes it if nothing needs it"), why, r->si.shmid);
	else
		snprintf(text, sizeof text, _("not a pizarra board: %s; it was left untouched; it "
		    "belongs to %s"), why, shminfo_user(p->uid, who, sizeof who));
	show_machine(false);
	r->addr = &o->addr;
	r->not_board = text;
	show_report(o, r);
	return EXIT_SUCCESS;
}

int
show_info(struct cli_opts *o)
{
	struct client_info clients[BOARD_SLOTS];
	struct logind_ipc logind;
	struct report r;
	struct segment s;
	struct pzerr e;
	bool stat_ok;
	int shmid, rc;

	if (cli_find(o, &shmid) != 0)
		return EXIT_FAILURE;
	memset(&r, 0, sizeof r);
	r.si.shmid = shmid;
	stat_ok = segment_stat(shmid, &r.si.ds, &o->log, &e) == 0;
	if (!stat_ok && e.err != EACCES) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	if (stat_ok) {
		logind_check(cli_logind_root(), r.si.ds.shm_perm.uid, &logind);
		r.logind = &logind;
	}
	/* in JSON, why it is no board goes into the object: in English */
	show_machine(o->json);
	rc = segment_open_shmid(&s, shmid, &o->addr, true, &o->log, &e);
	show_machine(false);
	if (rc != 0) {
		if (e.err == EPROTO && stat_ok && o->addr.how == ADDR_BY_SHMID)
			return show_not_board(o, &r, s.not_board);
		if (o->json) {
			/* the error is for people: open again (traced apart) for their words */
			struct trace scratch;
			struct pzerr again;

			trace_init(&scratch);
			if (segment_open_shmid(&s, shmid, &o->addr, true, &scratch, &again) == 0)
				segment_detach(&s, NULL);   /* there meanwhile: say the first */
			else
				e = again;
		}
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
	show_report(o, &r);
	return EXIT_SUCCESS;
}

int
show_dump(struct cli_opts *o)
{
	struct segment s;
	struct strbuf out;
	int status = EXIT_SUCCESS;

	if (cli_open(o, &s, false, true) != 0)
		return EXIT_FAILURE;
	strbuf_init(&out);
	if (export_write(&s.board, o->html ? EXPORT_HTML : o->svg ? EXPORT_SVG :
	    o->ansi ? EXPORT_ANSI : EXPORT_TEXT, &out) != 0) {
		cli_error(_("dump: out of memory"));
		status = EXIT_FAILURE;
	} else {
		fwrite(strbuf_cstr(&out), 1, out.len, stdout);
	}
	strbuf_free(&out);
	cli_close(o, &s, false);
	return status;
}
