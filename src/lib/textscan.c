/*
 * textscan.c - the walk of a text as board lines (textscan.h): decoding,
 * grapheme clusters, tabs and newlines, the shape, the visitor, and the
 * messages that name the line and the column of a problem. Knows nothing
 * of boards: board.c draws through the visitor.
 */
#include <errno.h>
#include <string.h>

#include "i18n.h"
#include "cell.h"
#include "grapheme.h"
#include "textscan.h"
#include "utf8.h"

/* Start a scan; lines wider than max_cols are noted in wide_line. */
void
textscan_init(struct textscan *sc, uint32_t max_cols)
{
	memset(sc, 0, sizeof *sc);
	sc->max_cols = max_cols;
}

/* The line that just ended (at a newline or the end of the text). */
static void
textscan_line_end(struct textscan *sc)
{
	if (sc->end > sc->max_cols && sc->wide_line == 0) {
		sc->wide_line = sc->line + 1;
		sc->wide_width = sc->end;
	}
	if (sc->end > sc->width)
		sc->width = sc->end;
}

/*
 * True when s[0..len) is the start of a UTF-8 sequence cut by the end of
 * what has been read so far (more bytes may complete it).
 */
static bool
textscan_utf8_cut(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];
	size_t need = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 :
	    c >= 0xF0 && c <= 0xF4 ? 4 : 0;
	size_t i;

	if (need == 0 || len >= need)
		return false;
	for (i = 1; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return false;
	return true;
}

/*
 * Walk the next bytes of a text as board lines: check every character,
 * measure the shape, and (fn not NULL) call fn for every character that
 * fits in max_cols with its line and column. Tabs expand to the next
 * multiple of 8, \r before \n is dropped; a line's width ends at its last
 * character. Unless final, a character (or a \r) cut by the end of text is
 * left for the next call: *used says how many bytes were walked. Fails
 * only for bytes or characters a board cannot hold, naming the line and
 * the column within it.
 */
int
textscan_run(struct textscan *sc, const char *text, size_t len, bool final, size_t *used,
	     textscan_visit_fn fn, void *arg, struct pzerr *e)
{
	struct grapheme g;
	char why[PZERR_MSG_MAX];
	size_t i = 0;
	uint32_t cp;
	int n, w;

	*used = 0;
	while (i < len) {
		if (text[i] == '\n') {
			textscan_line_end(sc);
			sc->line++;
			sc->col = sc->end = 0;
			sc->line_byte = 0;
			i++;
			continue;
		}
		n = utf8_decode(text + i, len - i, &cp);
		if (n < 0 && !final && textscan_utf8_cut(text + i, len - i))
			break;
		if (n < 0) {
			*used = i;
			sc->done += i;
			return pzerr_set(e, EILSEQ, _("line %u, column %u: invalid UTF-8 "
			    "(byte 0x%02x, byte %zu of the line)"), sc->line + 1, sc->col + 1,
			    (unsigned char)text[i], sc->line_byte + 1);
		}
		if (cp == '\r' && i + 1 == len && !final)
			break;
		if (cp == '\r' && i + 1 < len && text[i + 1] == '\n') {
			i++;
			sc->line_byte++;
			continue;
		}
		if (cp == '\t') {
			/* saturate far beyond any board rather than wrap */
			sc->col = sc->col >= UINT32_MAX - 2 * TEXTSCAN_TAB ? UINT32_MAX - TEXTSCAN_TAB :
			    (sc->col / TEXTSCAN_TAB + 1) * TEXTSCAN_TAB;
			i++;
			sc->line_byte++;
			continue;
		}
		/*
		 * One grapheme cluster, one cell: its NFC, selectors dropped, or
		 * refused. Printable ASCII before ASCII is a cluster of its own
		 * (nothing ASCII extends a cluster), which spares most text the
		 * cluster machinery.
		 */
		if (cp >= 0x20 && cp < 0x7F &&
		    (i + 1 < len ? (unsigned char)text[i + 1] < 0x80 : final)) {
			n = 1;
			w = 1;
		} else {
			n = grapheme_next(text + i, len - i, final, &g);
			if (n == 0)
				break;
			if (g.verdict != GRAPHEME_CELL) {
				*used = i;
				sc->done += i;
				return pzerr_set(e, EILSEQ, _("line %u, column %u: %s"), sc->line + 1,
				    sc->col + 1, grapheme_why(&g, why, sizeof why));
			}
			cp = g.cp;
			w = cell_width(cp);
		}
		if (fn != NULL && sc->col + (uint32_t)w <= sc->max_cols)
			fn(sc->line, sc->col, cp, arg);
		/* a column count that would wrap is far beyond any board: saturate */
		sc->col = sc->col > UINT32_MAX - 2 ? UINT32_MAX - 2 : sc->col + (uint32_t)w;
		sc->end = sc->col;
		sc->height = sc->line + 1;
		i += (size_t)n;
		sc->line_byte += (size_t)n;
	}
	if (final && i == len)
		textscan_line_end(sc);
	*used = i;
	sc->done += i;
	return 0;
}

/* Scan the next bytes of a text (no board). */
int
textscan_feed(struct textscan *sc, const char *text, size_t len, bool final, size_t *used,
	      struct pzerr *e)
{
	return textscan_run(sc, text, len, final, used, NULL, NULL, e);
}

/* The whole of a text at once, its shape in shape. */
int
textscan_walk(const char *text, size_t len, uint32_t max_cols, struct textscan_shape *shape,
	      textscan_visit_fn fn, void *arg, struct pzerr *e)
{
	struct textscan sc;
	size_t used;
	int r;

	textscan_init(&sc, max_cols);
	r = textscan_run(&sc, text, len, true, &used, fn, arg, e);
	shape->lines = sc.height;
	shape->wide_line = sc.wide_line;
	shape->wide_width = sc.wide_width;
	return r;
}

/* Validate text against a geometry without a board. */
int
textscan_check(const char *text, size_t len, uint32_t max_cols, uint32_t max_rows,
	       struct pzerr *e)
{
	struct textscan_shape sh;

	if (textscan_walk(text, len, max_cols, &sh, NULL, NULL, e) != 0)
		return -1;
	if (sh.wide_line != 0)
		return pzerr_set(e, EFBIG, _("line %u is %u columns wide; at most %u fit"),
		    sh.wide_line, sh.wide_width, max_cols);
	if (sh.lines > max_rows)
		return pzerr_set(e, EFBIG, _("the text has %u lines; at most %u fit"), sh.lines,
		    max_rows);
	return 0;
}
