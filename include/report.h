/*
 * report.h - the report of `pizarra info`: a segment's kernel status
 * (shminfo.h's fields, under their kernel names), how it was named (the
 * ftok derivation of its key: path, st_dev, st_ino, project id and the
 * arithmetic that gives the key), the board's geometry, generation and
 * creation time, and the clients in its slots (client.h, already
 * sanitised), as aligned text for people or as one JSON object for
 * programs. The caller gathers the facts; this module only formats them,
 * and never touches a segment.
 */
#ifndef PIZARRA_REPORT_H
#define PIZARRA_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "client.h"
#include "segment.h"
#include "shminfo.h"
#include "strbuf.h"

/* Everything `pizarra info` reports. */
struct report {
	struct shminfo_stat si;
	const struct segment_addr *addr;   /* how it was named (ftok derivation); may be NULL */
	bool have_board;                   /* the board, slots and clients sections */
	uint32_t cols, rows, generation, slots;
	uint64_t created;                  /* seconds since the epoch */
	const struct client_info *clients;
	int nclients;
};

/*
 * Append the report as aligned "  name  value" lines under section titles:
 * the segment's fields, then "ftok" (a resolved SEGMENT_BY_FTOK address)
 * or "key" (how it was named otherwise), then with a board "board" and
 * "clients" (one row per client, and why the count may differ from
 * shm_nattch).
 */
void report_format_text(struct strbuf *out, const struct report *r);

/*
 * Append the report as one JSON object and a newline: the fields under
 * their kernel names, an "ftok" object for a resolved SEGMENT_BY_FTOK
 * address, and with a board a "board" object and a "clients" array.
 * Strings are escaped, so the object stays valid whatever they hold.
 */
void report_format_json(struct strbuf *out, const struct report *r);

#endif
