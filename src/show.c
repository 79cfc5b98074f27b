/*
 * show.c - info and dump. info gathers its report from IPC_STAT (which may
 * be refused while /proc still tells) and a read-only attach, then lets the
 * core format it; dump attaches read-only and prints board_dump's text.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "notify.h"
#include "report.h"
#include "show.h"
#include "strbuf.h"

int
show_info(struct cli_opts *o)
{
	struct client_info clients[BOARD_SLOTS];
	struct report r;
	struct segment s;
	struct strbuf out;
	struct pzerr e;
	int shmid;

	if (cli_find(o, &shmid) != 0)
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

int
show_dump(struct cli_opts *o)
{
	struct segment s;
	struct strbuf out;
	int status = EXIT_SUCCESS;

	if (cli_open(o, &s, false, true) != 0)
		return EXIT_FAILURE;
	strbuf_init(&out);
	if (board_dump(&s.board, &out, o->ansi) != 0) {
		cli_error("dump: out of memory");
		status = EXIT_FAILURE;
	} else {
		fwrite(strbuf_cstr(&out), 1, out.len, stdout);
	}
	strbuf_free(&out);
	cli_close(o, &s, false);
	return status;
}
