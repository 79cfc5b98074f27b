/*
 * grapheme.h - text as terminals show it: grapheme clusters (UAX #29
 * extended clusters, as utf8proc breaks them) and the one code point a
 * board cell holds for each.
 *
 * A cell holds one code point, and a terminal shows a cluster (a letter
 * and its accents, an emoji and its variation selector, a flag, a ZWJ
 * sequence) as one character. So every cluster of text becomes one cell
 * or is refused, and the rules are the same wherever text enters (typing,
 * put, load, paste):
 *
 *   - a cluster of one code point is kept as it is when a cell may hold
 *     it (cell_drawable), refused otherwise;
 *   - from a longer cluster the variation selectors (U+FE00..U+FE0F,
 *     U+E0100..U+E01EF) are dropped: they choose a glyph (emoji or text
 *     presentation, a variant form), and a terminal draws the character
 *     without them at the width the cell has; what is left is composed
 *     (NFC, utf8proc_normalize_utf32), and kept when that is one code
 *     point a cell may hold (e + U+0301 is U+00E9, a Hangul leading
 *     consonant and its vowel are one syllable);
 *   - anything else (an emoji ZWJ sequence, a flag, an emoji with a skin
 *     tone, a keycap, a letter with a mark that has no precomposed form)
 *     is refused, and grapheme_why says why.
 *
 * No curses, no printing, no locale: utf8proc's tables only.
 */
#ifndef PIZARRA_GRAPHEME_H
#define PIZARRA_GRAPHEME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GRAPHEME_MAX 32        /* code points of a cluster looked at; a longer one is refused */

enum grapheme_verdict {
	GRAPHEME_CELL,         /* one cell holds it: cp */
	GRAPHEME_UNDRAWABLE,   /* one code point a cell may not hold (a control, unassigned...) */
	GRAPHEME_ALONE,        /* a mark, selector or joiner with nothing before it to join */
	GRAPHEME_SEQUENCE,     /* several code points that do not compose into one */
	GRAPHEME_TOO_LONG,     /* more than GRAPHEME_MAX code points */
};

/* One cluster: its code points as written, and what a cell holds for it. */
struct grapheme {
	uint32_t cps[GRAPHEME_MAX];
	unsigned n;                    /* code points in cps */
	bool more;                     /* the cluster had more than GRAPHEME_MAX */
	int32_t state;                 /* utf8proc's break state after cps[n - 1] */
	size_t len;                    /* bytes of the text it took (grapheme_next) */
	enum grapheme_verdict verdict; /* set by grapheme_judge */
	uint32_t cp;                   /* the cell's code point (GRAPHEME_CELL), else 0 */
};

/* Start an empty cluster. */
void grapheme_init(struct grapheme *g);

/*
 * Add cp to the cluster if it continues it (no grapheme break between the
 * last code point and cp, with utf8proc's state). Returns true when it
 * was added (or counted in more), false when cp starts a new cluster (g
 * unchanged). An empty cluster takes any cp.
 */
bool grapheme_add(struct grapheme *g, uint32_t cp);

/* Decide what a cell holds for the cluster: sets verdict and cp. */
void grapheme_judge(struct grapheme *g);

/*
 * Read the cluster that starts at s[0..len) and judge it. Returns the bytes
 * it takes (> 0, also in g->len); 0 when !final and it may go on past
 * len (call again with more text); -1 when s does not start with valid
 * UTF-8 (or len is 0). A byte that is not valid UTF-8 after the first
 * code point ends the cluster, as a newline, a tab or any control does.
 */
int grapheme_next(const char *s, size_t len, bool final, struct grapheme *g);

/* True when cp is a variation selector (U+FE00..U+FE0F, U+E0100..U+E01EF). */
bool grapheme_selector(uint32_t cp);

/*
 * Why the cluster cannot be one cell, as one line for a message: "U+1F469
 * U+200D U+1F4BB is 3 code points that cannot share a cell: an emoji ZWJ
 * sequence; a cell holds one character, so write its parts apart". Empty
 * for GRAPHEME_CELL. Returns buf.
 */
const char *grapheme_why(const struct grapheme *g, char *buf, size_t n);

#endif
