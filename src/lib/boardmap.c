/*
 * boardmap.c - a board's layout by offset (see boardmap.h). Recognising
 * runs board_open itself on the copy (so the rules are the ones every
 * attach uses) and reads the slots with client_list, which sanitises them;
 * the copy holds the header only, and nothing past it is ever read. Names
 * come from one table of the header's fields and the slot's, built with
 * offsetof, so they follow struct board_header.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "boardmap.h"

/* A named field of a struct, by offset and size. */
struct boardmap_field {
	const char *name;
	size_t off, size;
};

#define BM_FIELD(type, f) { #f, offsetof(type, f), sizeof(((type *)0)->f) }

static const struct boardmap_field boardmap_header[] = {
	BM_FIELD(struct board_header, magic), BM_FIELD(struct board_header, version),
	BM_FIELD(struct board_header, header_size), BM_FIELD(struct board_header, cols),
	BM_FIELD(struct board_header, rows), BM_FIELD(struct board_header, nslots),
	BM_FIELD(struct board_header, generation), BM_FIELD(struct board_header, slot_tag),
	BM_FIELD(struct board_header, created), BM_FIELD(struct board_header, presence),
	BM_FIELD(struct board_header, lease_wake), BM_FIELD(struct board_header, lease),
	BM_FIELD(struct board_header, reserved),
};

static const struct boardmap_field boardmap_slot[] = {
	BM_FIELD(struct board_slot, owner), BM_FIELD(struct board_slot, start),
	BM_FIELD(struct board_slot, heartbeat), BM_FIELD(struct board_slot, pidns),
	BM_FIELD(struct board_slot, uid), BM_FIELD(struct board_slot, cursor),
	BM_FIELD(struct board_slot, attr), BM_FIELD(struct board_slot, tty),
	BM_FIELD(struct board_slot, reserved),
};

#undef BM_FIELD

int
boardmap_recognise(const void *bytes, size_t n, uint64_t segsz, struct boardmap *m,
		   struct pzerr *e)
{
	struct client_info clients[BOARD_SLOTS];
	struct board_header *copy;
	struct board b;

	memset(m, 0, sizeof *m);
	if (n < sizeof(struct board_header))
		return pzerr_set(e, EPROTO, _("%zu bytes are fewer than a board's header (%zu)"), n,
		    sizeof(struct board_header));
	if (segsz > SIZE_MAX)
		return pzerr_set(e, EPROTO, _("%llu bytes is larger than this process can address"),
		    (unsigned long long)segsz);
	/* an aligned copy of our own: the fields are read as the atomics they are */
	copy = malloc(sizeof *copy);
	if (copy == NULL)
		return pzerr_set(e, ENOMEM, _("out of memory"));
	memcpy(copy, bytes, sizeof *copy);
	if (board_open(&b, copy, (size_t)segsz, true, e) != 0) {
		free(copy);
		return -1;
	}
	boardmap_of(&b, m);
	m->nclients = client_list(&b, clients, BOARD_SLOTS);
	free(copy);
	return 0;
}

void
boardmap_of(const struct board *b, struct boardmap *m)
{
	memset(m, 0, sizeof *m);
	m->cols = b->cols;
	m->rows = b->rows;
	m->generation = atomic_load_explicit(&b->hdr->generation, memory_order_relaxed);
	m->created = atomic_load_explicit(&b->hdr->created, memory_order_relaxed);
	m->segsz = b->segsz;
	m->nclients = -1;
}

/* Look off up in a table of fields; the field's index, or -1. */
static int
boardmap_lookup(const struct boardmap_field *t, size_t nt, uint64_t off)
{
	size_t i;

	for (i = 0; i < nt; i++)
		if (off >= t[i].off && off < t[i].off + t[i].size)
			return (int)i;
	return -1;
}

/* Record a field's start and size for the caller. */
static void
boardmap_span(uint64_t *start, unsigned *len, uint64_t s, uint64_t l)
{
	if (start != NULL)
		*start = s;
	if (len != NULL)
		*len = (unsigned)l;
}

const char *
boardmap_name(const struct boardmap *m, uint64_t off, char *buf, size_t n, uint64_t *start,
	      unsigned *len)
{
	const uint64_t hsize = sizeof(struct board_header), slots = offsetof(struct board_header,
	    slots), ssize = sizeof(struct board_slot);
	uint64_t cells = (uint64_t)m->cols * m->rows, at;
	int i;

	if (off < slots) {
		i = boardmap_lookup(boardmap_header, sizeof boardmap_header /
		    sizeof boardmap_header[0], off);
		if (i >= 0) {
			boardmap_span(start, len, boardmap_header[i].off, boardmap_header[i].size);
			snprintf(buf, n, "%s", boardmap_header[i].name);
			return buf;
		}
	} else if (off < hsize) {
		uint64_t k = (off - slots) / ssize, in = (off - slots) % ssize;

		i = boardmap_lookup(boardmap_slot, sizeof boardmap_slot / sizeof boardmap_slot[0], in);
		if (i >= 0) {
			boardmap_span(start, len, slots + k * ssize + boardmap_slot[i].off,
			    boardmap_slot[i].size);
			snprintf(buf, n, "slots[%llu].%s", (unsigned long long)k, boardmap_slot[i].name);
			return buf;
		}
	} else if (m->cols > 0 && off < hsize + 8 * cells) {
		/* 8 bytes a cell (cell.h) */
		at = (off - hsize) / 8;
		boardmap_span(start, len, hsize + at * 8, 8);
		snprintf(buf, n, "cells[%llu][%llu] (col %llu, row %llu)",
		    (unsigned long long)(at / m->cols), (unsigned long long)(at % m->cols),
		    (unsigned long long)(at % m->cols), (unsigned long long)(at / m->cols));
		return buf;
	} else if (m->cols > 0 && off < hsize + 8 * cells + 4 * (uint64_t)m->rows) {
		at = (off - hsize - 8 * cells) / 4;
		boardmap_span(start, len, hsize + 8 * cells + at * 4, 4);
		snprintf(buf, n, "row_stamps[%llu]", (unsigned long long)at);
		return buf;
	}
	boardmap_span(start, len, off, 1);
	snprintf(buf, n, "%s", off < hsize ? _("padding") : _("after the board"));
	return buf;
}

uint64_t
boardmap_cell_offset(const struct boardmap *m, uint32_t col, uint32_t row)
{
	return sizeof(struct board_header) + 8 * ((uint64_t)row * m->cols + col);
}
