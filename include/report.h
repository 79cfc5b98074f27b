/*
 * report.h - the report of `pizarra info`: a segment's kernel status
 * (shminfo.h's fields, under their kernel names), how it was named (the
 * ftok derivation of its key: path, st_dev, st_ino, project id and the
 * arithmetic that gives the key), the board's geometry, generation and
 * creation time, and the clients in its slots (client.h, already
 * sanitised), whether systemd-logind will remove it (logind.h), as
 * aligned text for people or as one JSON object for programs. The caller
 * gathers the facts; this module only formats them, and never touches a
 * segment.
 */
#ifndef PIZARRA_REPORT_H
#define PIZARRA_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "client.h"
#include "logind.h"
#include "segment.h"
#include "shminfo.h"
#include "strbuf.h"

/* Everything `pizarra info` reports. */
struct report {
	struct shminfo_stat si;
	const struct addr *addr;   /* how it was named (ftok derivation); may be NULL */
	bool have_board;                   /* the board, slots and clients sections */
	uint32_t cols, rows, generation, slots;
	uint64_t created;                  /* seconds since the epoch */
	const struct client_info *clients;
	int nclients;
	const struct logind_ipc *logind;   /* what logind does to the owner's segments; may be NULL */
	const char *not_board;             /* why the segment is not a board (have_board false); may be NULL */
};

/*
 * Append the report as aligned "  name  value" lines under section titles:
 * the segment's fields, then "ftok" (a resolved ADDR_BY_FTOK address)
 * or "key" (how it was named otherwise), then with a board "board" and
 * "clients" (one row per client, and why the count may differ from
 * shm_nattch), or without one, when not_board says why, "board" with that
 * reason; then with logind "systemd-logind" (in use, RemoveIPC= and where
 * it was set, the owner's exemption, and the warning with its fix when
 * logind will remove the board).
 */
void report_format_text(struct strbuf *out, const struct report *r);

/*
 * Append the report as one JSON object and a newline: the fields under
 * their kernel names, an "ftok" object for a resolved ADDR_BY_FTOK
 * address, with a board a "board" object and a "clients" array (without
 * one, "board": null and "not_board": the reason, when not_board is set),
 * and with logind a "logind" object (in_use, remove_ipc, remove_ipc_from,
 * system_user, lingering, removes_board, warning). Strings are escaped,
 * so the object stays valid whatever they hold.
 */
void report_format_json(struct strbuf *out, const struct report *r);

#endif
