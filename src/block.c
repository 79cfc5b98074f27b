/*
 * block.c - a paste as a block (see block.h). The text is checked and
 * placed by the board in one pass (text_place_log writes nothing when
 * any of it is refused), its changes recorded for undo (undo_log); the pen
 * only learns where its cursor goes and what to say: how many characters
 * on how many lines, and what fell outside.
 */
#include <stdio.h>

#include "block.h"
#include "board.h"
#include "i18n.h"
#include "pzerr.h"
#include "text.h"
#include "undo.h"

unsigned
block_paste(struct pen *p, const struct pen_paper *pp, const char *text, size_t len)
{
	const struct board *b = pp->view;
	struct text_placed out;
	struct pzerr e;
	char drop[96] = "", chars[48], lines[48];

	if (b == NULL)
		return 0;
	if (pp->ink == NULL)
		return PEN_REFUSED;
	typing_forget(&p->typed);
	if (len == 0)
		return pen_note(p, false, _("the paste was empty"));
	if (text_place_log(pp->ink, p->col, p->row, text, len, pp->colour, pp->author, &out,
	    undo_log, NULL, &e) != 0)
		return pen_note(p, true, _("paste refused, nothing placed: %s"), e.msg);
	if (out.dropped > 0)
		/* TRANSLATORS: the end of "pasted ... at col,row": characters that
		 * fell outside the board */
		snprintf(drop, sizeof drop, P_("; %u outside the board was dropped",
		    "; %u outside the board were dropped", out.dropped), out.dropped);
	/* TRANSLATORS: how much a paste placed: "%u characters" and "%u lines"
	 * are put into "pasted %s on %s at %u,%u%s" (the cursor's column,row,
	 * then what was dropped) */
	snprintf(chars, sizeof chars, P_("%u character", "%u characters", out.cells), out.cells);
	snprintf(lines, sizeof lines, P_("%u line", "%u lines", out.height), out.height);
	pen_note(p, out.dropped > 0, _("pasted %s on %s at %u,%u%s"), chars, lines, p->col,
	    p->row, drop);
	p->line_start = p->col;
	p->at_edge = out.end_col >= b->cols;
	p->col = p->at_edge ? b->cols - 1 : out.end_col;
	p->row = out.end_row >= b->rows ? b->rows - 1 : out.end_row;
	return (out.cells > 0 ? PEN_CELLS : 0) | PEN_CURSOR | PEN_NOTE;
}
