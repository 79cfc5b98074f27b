/*
 * grapheme.c - grapheme clusters (utf8proc's UAX #29 breaks, with their
 * state) and what one cell holds for each: the code point itself, or the
 * NFC composition of a longer cluster without its variation selectors,
 * when that is one code point a cell may hold; otherwise a refusal that
 * says why.
 */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "i18n.h"
#include "cell.h"
#include "grapheme.h"
#include "utf8.h"

#define GRAPHEME_SHOWN 6       /* code points a message spells out */

void
grapheme_init(struct grapheme *g)
{
	/* cps[0..n) is all that is read: no need to clear the array */
	g->n = 0;
	g->more = false;
	g->state = 0;
	g->len = 0;
	g->verdict = GRAPHEME_CELL;
	g->cp = 0;
}

bool
grapheme_selector(uint32_t cp)
{
	return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

/* utf8proc's grapheme break class of cp (any value: out of range is Other). */
static int
grapheme_class(uint32_t cp)
{
	return cp <= 0x10FFFF ? utf8proc_get_property((utf8proc_int32_t)cp)->boundclass :
	    UTF8PROC_BOUNDCLASS_OTHER;
}

/* True for a C0 or C1 control or DEL: a cluster of its own, always. */
static bool
grapheme_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

bool
grapheme_add(struct grapheme *g, uint32_t cp)
{
	utf8proc_int32_t st;
	uint32_t last;

	if (g->n == 0) {
		g->cps[0] = cp;
		g->n = 1;
		g->state = 0;
		return true;
	}
	last = g->cps[g->n - 1];
	st = g->state;
	if (grapheme_control(last) || grapheme_control(cp) || cp > 0x10FFFF ||
	    last > 0x10FFFF ||
	    utf8proc_grapheme_break_stateful((utf8proc_int32_t)last, (utf8proc_int32_t)cp, &st))
		return false;
	g->state = st;
	if (g->n < GRAPHEME_MAX) {
		g->cps[g->n++] = cp;
	} else {
		/* keep the last code point for the next break, count the rest */
		g->cps[GRAPHEME_MAX - 1] = cp;
		g->more = true;
	}
	return true;
}

/* True when cp joins the character before it (a mark, a selector, ZWJ...). */
static bool
grapheme_joins_before(uint32_t cp)
{
	int c = grapheme_class(cp);
	utf8proc_category_t cat = cp <= 0x10FFFF ?
	    utf8proc_category((utf8proc_int32_t)cp) : UTF8PROC_CATEGORY_CN;

	return c == UTF8PROC_BOUNDCLASS_EXTEND || c == UTF8PROC_BOUNDCLASS_ZWJ ||
	    c == UTF8PROC_BOUNDCLASS_SPACINGMARK || c == UTF8PROC_BOUNDCLASS_V ||
	    c == UTF8PROC_BOUNDCLASS_T || cat == UTF8PROC_CATEGORY_MN ||
	    cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME;
}

/*
 * NFC of cps[0..n) into out (cap entries): its length, or -1 when it does
 * not fit. The code points are valid scalar values (they were decoded).
 */
static long
grapheme_nfc(const uint32_t *cps, unsigned n, utf8proc_int32_t *out, long cap)
{
	utf8proc_uint8_t bytes[GRAPHEME_MAX * 4];
	utf8proc_ssize_t len = 0, k;
	unsigned i;

	for (i = 0; i < n; i++)
		len += utf8_encode(cps[i], (char *)bytes + len);
	k = utf8proc_decompose(bytes, len, out, cap, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	if (k < 0 || k > cap)
		return -1;
	k = utf8proc_normalize_utf32(out, k, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	return k < 0 ? -1 : (long)k;
}

void
grapheme_judge(struct grapheme *g)
{
	uint32_t keep[GRAPHEME_MAX];
	utf8proc_int32_t nfc[GRAPHEME_MAX * 4];
	unsigned i, k = 0;
	long m;

	g->cp = 0;
	if (g->more) {
		g->verdict = GRAPHEME_TOO_LONG;
		return;
	}
	if (g->n == 1) {
		if (cell_drawable(g->cps[0])) {
			g->cp = g->cps[0];
			g->verdict = GRAPHEME_CELL;
		} else {
			g->verdict = grapheme_joins_before(g->cps[0]) ? GRAPHEME_ALONE :
			    GRAPHEME_UNDRAWABLE;
		}
		return;
	}
	for (i = 0; i < g->n; i++)
		if (!grapheme_selector(g->cps[i]))
			keep[k++] = g->cps[i];
	m = k > 0 && !grapheme_joins_before(keep[0]) ?
	    grapheme_nfc(keep, k, nfc, (long)(sizeof nfc / sizeof nfc[0])) : -1;
	if (m == 1 && cell_drawable((uint32_t)nfc[0])) {
		g->cp = (uint32_t)nfc[0];
		g->verdict = GRAPHEME_CELL;
		return;
	}
	g->verdict = k == 0 || grapheme_joins_before(keep[0]) ? GRAPHEME_ALONE :
	    GRAPHEME_SEQUENCE;
}

int
grapheme_next(const char *s, size_t len, bool final, struct grapheme *g)
{
	size_t i = 0;
	uint32_t cp;
	int n;

	grapheme_init(g);
	if (len == 0 || (n = utf8_decode(s, len, &cp)) < 0)
		return -1;
	grapheme_add(g, cp);
	i = (size_t)n;
	while (i < len && !g->more) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n < 0) {
			/* a character cut by the end of what was read may go on */
			if (!final && len - i < 4) {
				size_t need = ((unsigned char)s[i] & 0xE0) == 0xC0 ? 2 :
				    ((unsigned char)s[i] & 0xF0) == 0xE0 ? 3 :
				    ((unsigned char)s[i] & 0xF8) == 0xF0 ? 4 : 0;
				size_t j;

				for (j = i + 1; j < len && ((unsigned char)s[j] & 0xC0) == 0x80; j++)
					;
				if (need > len - i && j == len)
					return 0;
			}
			break;
		}
		if (!grapheme_add(g, cp))
			break;
		i += (size_t)n;
	}
	if (i == len && !final && !g->more && !grapheme_control(g->cps[g->n - 1]))
		return 0;
	g->len = i;
	grapheme_judge(g);
	return (int)i;
}

/* What a lone code point a cell may not hold is, for a message; NULL for the plain kinds. */
static const char *
grapheme_kind(uint32_t cp)
{
	int c = grapheme_class(cp);

	if (grapheme_selector(cp))
		return _("a variation selector with no character before it");
	if (cp >= 0x1F3FB && cp <= 0x1F3FF)
		return _("an emoji modifier (skin tone) with no emoji before it");
	if (cp == 0x200D)
		return _("a zero width joiner with nothing before it to join");
	if (c == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR)
		return _("a regional indicator: half of a flag, and a cell holds no flag");
	if (c == UTF8PROC_BOUNDCLASS_L)
		return _("a Hangul leading consonant: type it with its vowel, which makes one "
		    "syllable");
	if (c == UTF8PROC_BOUNDCLASS_PREPEND)
		return _("a prepended mark: it joins the character after it");
	if (grapheme_joins_before(cp))
		return _("a combining mark with no character before it");
	return NULL;
}

/* Why a cluster of several code points is not one cell. */
static const char *
grapheme_reason(const struct grapheme *g)
{
	unsigned i, ri = 0;
	bool zwj = false, pict = false, mod = false, tag = false, keycap = false;
	bool jamo = false, prepend = false;

	for (i = 0; i < g->n; i++) {
		uint32_t cp = g->cps[i];
		int c = grapheme_class(cp);

		zwj |= cp == 0x200D;
		pict |= c == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC;
		mod |= cp >= 0x1F3FB && cp <= 0x1F3FF;
		tag |= cp >= 0xE0020 && cp <= 0xE007F;
		keycap |= cp == 0x20E3;
		ri += c == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR;
		jamo |= c == UTF8PROC_BOUNDCLASS_L || c == UTF8PROC_BOUNDCLASS_V ||
		    c == UTF8PROC_BOUNDCLASS_T || c == UTF8PROC_BOUNDCLASS_LV ||
		    c == UTF8PROC_BOUNDCLASS_LVT;
		prepend |= c == UTF8PROC_BOUNDCLASS_PREPEND;
	}
	if (zwj && pict)
		return _("an emoji ZWJ sequence; a cell holds one character, so write its parts "
		    "apart (without U+200D)");
	if (ri >= 2)
		return _("a flag (two regional indicators); a cell holds one character");
	if (tag)
		return _("the flag of a region (an emoji tag sequence); a cell holds one character");
	if (mod)
		return _("an emoji with a skin tone; without the modifier it fits a cell");
	if (keycap)
		return _("a keycap (a character and U+20E3); a cell holds one character");
	if (zwj)
		return _("characters joined by U+200D (zero width joiner)");
	if (jamo)
		return _("Hangul jamo that do not compose into one syllable");
	if (prepend)
		return _("a prepended mark and the character it joins");
	return _("a character and marks that have no precomposed form (NFC)");
}

const char *
grapheme_why(const struct grapheme *g, char *buf, size_t n)
{
	char list[GRAPHEME_SHOWN * 10 + 8];
	const char *kind;
	unsigned i, shown = g->n < GRAPHEME_SHOWN ? g->n : GRAPHEME_SHOWN;
	size_t o = 0;

	if (n == 0)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < shown; i++)
		o += (size_t)snprintf(list + o, sizeof list - o, "%sU+%04X", i ? " " : "",
		    (unsigned)g->cps[i]);
	if (g->more || g->n > shown)
		snprintf(list + o, sizeof list - o, " ...");
	switch (g->verdict) {
	case GRAPHEME_CELL:
		break;
	case GRAPHEME_UNDRAWABLE:
	case GRAPHEME_ALONE:
		if (g->n == 1) {
			kind = grapheme_kind(g->cps[0]);
			snprintf(buf, n, _("%s cannot be drawn on a board (%s)"), list,
			    kind != NULL ? kind : _("a control, zero-width or unassigned character"));
		} else {
			snprintf(buf, n, _("%s cannot be drawn on a board (marks, selectors or "
			    "joiners with no character before them)"), list);
		}
		break;
	case GRAPHEME_SEQUENCE:
		snprintf(buf, n, _("%s is %u code points that cannot share a cell: %s"), list, g->n,
		    grapheme_reason(g));
		break;
	case GRAPHEME_TOO_LONG:
		snprintf(buf, n, _("%s is more than %d code points that cannot share a cell: a "
		    "character with that many marks is not one a cell can hold"), list,
		    GRAPHEME_MAX);
		break;
	}
	return buf;
}
