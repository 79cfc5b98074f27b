/*
 * bytesview.c - the board's byte view (see bytesview.h): three bands of
 * the segment, each under a title, laid out by hexview; the scrolling one
 * follows the cell under our cursor. A struct shmpeek over our mapping
 * (its base and the kernel's size) is all hexview needs to read it.
 * The titles are translated (i18n.h); the field names in them are the
 * board's struct members and stay.
 */
#include <stdio.h>

#include "boardmap.h"
#include "bytesview.h"
#include "hexdraw.h"
#include "i18n.h"
#include "notify.h"
#include "screen.h"

bool
bytesview_toggle(struct bytesview *bv, const struct session *s)
{
	bv->on = !bv->on;
	if (bv->on) {
		hexview_reset(&bv->view, s->seg.size, SHMPEEK_BYTES);
		hexview_cursor_len(&bv->view, (unsigned)sizeof(uint64_t));
	}
	return bv->on;
}

bool
bytesview_behind(const struct bytesview *bv, const struct board *b)
{
	return b != NULL && notify_generation(b) != bv->gen;
}

uint32_t
bytesview_gen(const struct bytesview *bv)
{
	return bv->gen;
}

void
bytesview_draw(struct bytesview *bv, const struct session *s, uint32_t col, uint32_t row,
	       uint64_t now)
{
	WINDOW *win = screen_window(SCREEN_CANVAS);
	struct shmpeek mapping = { s->seg.shmid, s->seg.base, s->seg.size, NULL };
	struct hexview_band band[2];
	struct boardmap m;
	int n = 0;

	if (win == NULL)
		return;
	if (!session_live(s)) {
		werase(win);
		mvwaddnstr(win, 0, 0, s->attached ?
		    /* TRANSLATORS: the byte view (Ctrl-X) when it may not read the board: at
		       most 48 columns (the canvas at 80x24) */
		    _("this board is not trusted: its bytes are not read") :
		    /* TRANSLATORS: the byte view (Ctrl-X) while detached: at most 48 columns;
		       F4 is the key that attaches (keep it) */
		    _("detached (shmdt): no segment is mapped; F4 attaches again"), -1);
		wnoutrefresh(win);
		return;
	}
	if (bv->view.size != s->seg.size) {
		hexview_reset(&bv->view, s->seg.size, SHMPEEK_BYTES);
		hexview_cursor_len(&bv->view, (unsigned)sizeof(uint64_t));
	}
	boardmap_of(&s->seg.board, &m);
	bv->gen = notify_generation(&s->seg.board);
	band[n] = (struct hexview_band){ 0, 64, "" };
	/* TRANSLATORS: a title of the byte view (Ctrl-X): the board's header, then the names of
	   its fields (keep them); cut at the canvas's width (48 columns at 80x24) */
	snprintf(band[n].title, sizeof band[n].title, "%s", _("header: magic, version, "
	    "header_size, cols, rows, nslots, generation..."));
	n++;
	if (s->have_slot) {
		band[n] = (struct hexview_band){ 64 + 64 * (uint64_t)s->me.slot, 64, "" };
		/* TRANSLATORS: a title of the byte view: our slot (plaza) in the board's
		   registry, slots[%d] and the field names are the struct's (keep them) */
		snprintf(band[n].title, sizeof band[n].title, _("slots[%d]: yours (owner, start, "
		    "heartbeat, pidns, uid, cursor...)"), s->me.slot);
		n++;
	}
	/* TRANSLATORS: a title of the byte view, above the cells that scroll */
	hexview_bands(&bv->view, band, n, _("cells around your cursor (8 bytes each)"));
	hexview_jump(&bv->view, boardmap_cell_offset(&m, col, row));
	hexview_update(&bv->view, &mapping, getmaxx(win), getmaxy(win), now);
	hexdraw_view(&bv->view, win, &m, now);
}

void
bytesview_free(struct bytesview *bv)
{
	hexview_free(&bv->view);
}
