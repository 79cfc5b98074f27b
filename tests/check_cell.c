/*
 * check_cell.c - unit tests of the cell module (cell.h): packing a 64-bit
 * cell word with cell_make and cell_style and reading every field back
 * (code point, foreground, background, attributes, author, write counter),
 * including the masking of out-of-range parts; cell_next's counter bump
 * and its wrap; cell_width for
 * ASCII, Latin letters, the euro sign, box drawing, CJK and emoji (wide),
 * and 0 for controls (C0, DEL, C1), surrogates, values above U+10FFFF,
 * unassigned and combining characters and CELL_CONT; cell_drawable; and
 * that the widths are the same whatever the process or thread locale is,
 * and that cell_width leaves the caller's locale as it was. The widths
 * that changed when utf8proc replaced glibc's wcwidth (Unicode 15.0) have
 * cases of their own, and no two characters a cell may hold ever join
 * into one grapheme (utf8proc's UAX #29 breaks, with its state).
 */
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "cell.h"
#include "checkutil.h"

/* A code point and the columns it must take (0 when it cannot be placed). */
struct width_case {
	uint32_t cp;
	int width;
};

/* The widths the contract gives, one case per kind of character. */
static const struct width_case width_cases[] = {
	{ ' ', 1 }, { 'A', 1 }, { 'z', 1 }, { '0', 1 }, { '~', 1 },
	{ 0xA0, 1 },        /* no-break space: the first printable after C1 */
	{ 0xF1, 1 },        /* ñ */
	{ 0xE1, 1 },        /* á */
	{ 0xD1, 1 },        /* Ñ */
	{ 0x20AC, 1 },      /* € */
	{ 0x250C, 1 },      /* ┌ */
	{ 0x2500, 1 },      /* ─ */
	{ 0x2588, 1 },      /* █ */
	{ 0x03B1, 1 },      /* α */
	{ 0x0416, 1 },      /* Ж */
	{ 0xFFFD, 1 },      /* replacement character */
	{ 0x6F22, 2 },      /* 漢 */
	{ 0x4E00, 2 },      /* 一 */
	{ 0x3042, 2 },      /* あ */
	{ 0xAC00, 2 },      /* 가 */
	{ 0xFF21, 2 },      /* fullwidth A */
	{ 0x1F600, 2 },     /* 😀 */
	{ 0x1F389, 2 },     /* 🎉 */
	{ 0x20000, 2 },     /* CJK extension B */
	{ 0x00, 0 }, { 0x01, 0 }, { 0x07, 0 }, { 0x08, 0 }, { 0x09, 0 }, { 0x0A, 0 },
	{ 0x0D, 0 }, { 0x1B, 0 }, { 0x1F, 0 },
	{ 0x7F, 0 },        /* DEL */
	{ 0x80, 0 }, { 0x85, 0 }, { 0x8D, 0 }, { 0x9B, 0 }, { 0x9F, 0 },
	{ 0xD800, 0 }, { 0xDBFF, 0 }, { 0xDC00, 0 }, { 0xDFFF, 0 },
	{ 0x110000, 0 },    /* CELL_CONT */
	{ 0x110001, 0 }, { 0x1FFFFF, 0 }, { 0x200000, 0 }, { 0xFFFFFFFF, 0 },
	{ 0x0301, 0 },      /* combining acute accent */
	{ 0x0300, 0 },      /* combining grave accent */
	{ 0x20DD, 0 },      /* combining enclosing circle */
	{ 0x200B, 0 },      /* zero width space */
	{ 0xFE0F, 0 },      /* variation selector 16 */
	{ 0x0378, 0 },      /* unassigned */
	{ 0xFFFF, 0 },      /* noncharacter */
	{ 0x10FFFF, 0 },    /* noncharacter */
	/* what utf8proc (Unicode 15.0) changed from glibc 2.36's wcwidth */
	{ 0x31350, 2 },     /* CJK extension H, new in Unicode 15.0 (glibc: unassigned) */
	{ 0x1FAE8, 2 },     /* shaking face, an emoji new in Unicode 15.0 */
	{ 0x4DC0, 1 },      /* Yijing hexagram: East Asian Width N (glibc: 2) */
	{ 0x3248, 1 },      /* circled number ten on black square: EAW A (glibc: 2) */
	{ 0x0903, 0 },      /* Devanagari visarga, a spacing mark (Mc) */
	{ 0x0E33, 0 },      /* Thai sara am: a spacing mark in UAX #29 */
	{ 0xFF9E, 0 },      /* halfwidth katakana voiced sound mark: Extend */
	{ 0x00AD, 0 },      /* soft hyphen, a format character */
	{ 0x0600, 0 },      /* Arabic number sign, prepended to what follows */
	{ 0x0D4E, 0 },      /* Malayalam dot reph, a letter prepended to what follows */
	{ 0x1F3FD, 0 },     /* emoji modifier (skin tone): it modifies the emoji before it */
	{ 0x1F1EA, 0 },     /* regional indicator E: half a flag */
	{ 0x1100, 0 },      /* Hangul choseong kiyeok: begins a syllable */
	{ 0x1161, 0 },      /* Hangul jungseong a: joins the syllable before it */
	{ 0x200D, 0 },      /* zero width joiner */
	{ 0xFE0E, 0 },      /* variation selector 15 */
	/* and what stays */
	{ 0xAC00, 2 },      /* Hangul syllable ga */
	{ 0x2764, 1 },      /* heavy black heart: text presentation, EAW N */
	{ 0xE000, 1 },      /* private use */
};

/* Check every entry of width_cases, and that cell_drawable agrees with it. */
static void
check_width_table(const char *where)
{
	size_t i;

	for (i = 0; i < sizeof width_cases / sizeof width_cases[0]; i++) {
		uint32_t cp = width_cases[i].cp;
		int w = cell_width(cp);

		ck_assert_msg(w == width_cases[i].width, "%s: cell_width(U+%04X) = %d, expected %d",
		    where, (unsigned)cp, w, width_cases[i].width);
		ck_assert_msg(cell_drawable(cp) == (width_cases[i].width > 0),
		    "%s: cell_drawable(U+%04X) disagrees with its width", where, (unsigned)cp);
	}
}

/* A thread body that checks the whole width table. */
static void *
width_thread(void *arg)
{
	check_width_table(arg);
	return NULL;
}

/* Each field reads back what was put in, over their whole ranges. */
START_TEST(test_make_round_trip)
{
	static const uint32_t cps[] = { 0, 'A', 0xF1, 0x20AC, 0x6F22, 0x1F600, 0x10FFFF, CELL_CONT };
	unsigned fg, bg, attrs, author;
	uint64_t c;
	size_t i;

	for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		for (fg = 0; fg < CELL_COLOURS_MAX; fg += 5) {
			for (author = 0; author < CELL_AUTHORS; author++) {
				c = cell_make(cps[i], fg, author);
				ck_assert_uint_eq(cell_cp(c), cps[i]);
				ck_assert_uint_eq(cell_fg(c), fg);
				ck_assert_uint_eq(cell_colour(c), fg);
				ck_assert_uint_eq(cell_bg(c), 0);
				ck_assert_uint_eq(cell_attrs(c), 0);
				ck_assert_uint_eq(cell_author(c), author);
				ck_assert_uint_eq(cell_counter(c), 0);
			}
		}
		/* every foreground with some backgrounds, and every background with some
		   foregrounds (below): each bit of each field, without a million asserts
		   (under ASan those took longer than Check's timeout) */
		for (fg = 0; fg < CELL_COLOURS_MAX; fg++)
			for (bg = 0; bg < CELL_COLOURS_MAX; bg += 51)
				for (attrs = 0; attrs <= CELL_ATTRS; attrs += 5) {
					c = cell_make(cps[i], cell_style(fg, bg, attrs), 127);
					ck_assert_uint_eq(cell_cp(c), cps[i]);
					ck_assert_uint_eq(cell_fg(c), fg);
					ck_assert_uint_eq(cell_bg(c), bg);
					ck_assert_uint_eq(cell_attrs(c), attrs);
					ck_assert_uint_eq(cell_style_of(c), cell_style(fg, bg, attrs));
					ck_assert_uint_eq(cell_author(c), 127);
				}
		for (bg = 0; bg < CELL_COLOURS_MAX; bg++)
			for (fg = 0; fg < CELL_COLOURS_MAX; fg += 51)
				for (attrs = 0; attrs <= CELL_ATTRS; attrs++) {
					c = cell_make(cps[i], cell_style(fg, bg, attrs), 1);
					ck_assert_uint_eq(cell_fg(c), fg);
					ck_assert_uint_eq(cell_bg(c), bg);
					ck_assert_uint_eq(cell_attrs(c), attrs);
					ck_assert_uint_eq(cell_cp(c), cps[i]);
				}
	}
}
END_TEST

/* The documented bit layout: cp 0..20, fg 21..28, bg 29..36, attributes 37..40, author 41..47, counter 48..63. */
START_TEST(test_make_layout)
{
	ck_assert_uint_eq(sizeof(cell_make(0, 0, 0)), 8);
	ck_assert_uint_eq(cell_make(0, 0, 0), CELL_EMPTY);
	ck_assert_uint_eq(cell_make('A', 0, 0), 0x41u);
	/* version 1's colours 0..15 keep their numbers */
	ck_assert_uint_eq(cell_make(0, 1, 0), 1ull << 21);
	ck_assert_uint_eq(cell_make(0, 15, 0), 0xFull << 21);
	ck_assert_uint_eq(cell_make(0, 255, 0), 0xFFull << 21);
	ck_assert_uint_eq(cell_make(0, cell_style(0, 1, 0), 0), 1ull << 29);
	ck_assert_uint_eq(cell_make(0, cell_style(0, 255, 0), 0), 0xFFull << 29);
	ck_assert_uint_eq(cell_make(0, cell_style(0, 0, CELL_BOLD), 0), 1ull << 37);
	ck_assert_uint_eq(cell_make(0, cell_style(0, 0, CELL_UNDERLINE), 0), 2ull << 37);
	ck_assert_uint_eq(cell_make(0, cell_style(0, 0, CELL_REVERSE), 0), 4ull << 37);
	ck_assert_uint_eq(cell_make(0, cell_style(0, 0, CELL_ITALIC), 0), 8ull << 37);
	ck_assert_uint_eq(cell_make(0, 0, 1), 1ull << 41);
	ck_assert_uint_eq(cell_make(0, 0, 127), 0x7Full << 41);
	ck_assert_uint_eq(cell_make(0x1FFFFF, cell_style(255, 255, 15), 127), 0x0000FFFFFFFFFFFFull);
	ck_assert_uint_eq(cell_make(0x20AC, 3, 5), 0x20ACull | 3ull << 21 | 5ull << 41);
	ck_assert_uint_eq(CELL_COUNTER_MASK, 0xFFFF000000000000ull);
	ck_assert_uint_eq(cell_counter(0x0001000000000000ull), 1);
	ck_assert_uint_eq(cell_counter(UINT64_MAX), 65535);
	ck_assert_uint_eq(cell_style(1, 2, 3), 1u | 2u << 8 | 3u << 16);
	ck_assert_uint_eq(CELL_BLACK, 16);
}
END_TEST

/* Out-of-range parts are masked and never spill into the neighbouring fields. */
START_TEST(test_make_masks)
{
	uint64_t c;

	c = cell_make(0xFFFFFFFF, 0, 0);
	ck_assert_uint_eq(c, CELL_CP_MASK);
	ck_assert_uint_eq(cell_colour(c), 0);
	ck_assert_uint_eq(cell_author(c), 0);

	c = cell_make(0x200041, 2, 3);
	ck_assert_uint_eq(cell_cp(c), 0x41);
	ck_assert_uint_eq(cell_colour(c), 2);
	ck_assert_uint_eq(cell_author(c), 3);

	/* a style past its 20 bits */
	c = cell_make('x', 0xFFFFFFFF, 0);
	ck_assert_uint_eq(cell_fg(c), 255);
	ck_assert_uint_eq(cell_bg(c), 255);
	ck_assert_uint_eq(cell_attrs(c), 15);
	ck_assert_uint_eq(cell_author(c), 0);
	ck_assert_uint_eq(cell_counter(c), 0);
	ck_assert_uint_eq(cell_cp(c), 'x');
	ck_assert_uint_eq(cell_style(0x1FF, 0x1FE, 0xF1), 0xFFu | 0xFEu << 8 | 1u << 16);

	c = cell_make('x', 1, 128);
	ck_assert_uint_eq(cell_author(c), 0);
	ck_assert_uint_eq(cell_colour(c), 1);

	c = cell_make('x', 1, 0xFFFFFFFF);
	ck_assert_uint_eq(cell_author(c), 127);
	ck_assert_uint_eq(cell_colour(c), 1);
	ck_assert_uint_eq(cell_counter(c), 0);
	ck_assert_uint_eq(cell_cp(c), 'x');
}
END_TEST

/* The accessors are total: any 64-bit word yields in-range parts and rebuilds from them. */
START_TEST(test_accessors_total)
{
	static const uint64_t words[] = {
		UINT64_MAX, 0x8000000000000000ull, 0xFFFFFFFFull, 0x01E00000ull,
		0xFE000000ull, 0x001FFFFFull, 0x0000FFFFFFFFFFFFull, 0x123456789ABCDEF0ull,
	};
	uint64_t w;
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		w = words[i];
		ck_assert_uint_le(cell_cp(w), CELL_CP_MASK);
		ck_assert_uint_lt(cell_fg(w), CELL_COLOURS_MAX);
		ck_assert_uint_lt(cell_bg(w), CELL_COLOURS_MAX);
		ck_assert_uint_le(cell_attrs(w), CELL_ATTRS);
		ck_assert_uint_lt(cell_author(w), CELL_AUTHORS);
		ck_assert_uint_lt(cell_counter(w), CELL_COUNTERS);
		ck_assert_uint_eq(cell_make(cell_cp(w), cell_style_of(w), cell_author(w)),
		    cell_content(w));
		ck_assert_uint_eq(cell_content(w) | (uint64_t)cell_counter(w) << CELL_COUNTER_SHIFT, w);
	}
	ck_assert_uint_eq(cell_author(UINT64_MAX), 127);
	ck_assert_uint_eq(cell_colour(UINT64_MAX), 255);
	ck_assert_uint_eq(cell_cp(UINT64_MAX), 0x1FFFFF);
	ck_assert_uint_eq(cell_content(UINT64_MAX), 0x0000FFFFFFFFFFFFull);
}
END_TEST

/* cell_next: the new content with the old counter plus one, wrapping. */
START_TEST(test_next_bumps_counter)
{
	uint64_t old = cell_make('a', 3, 4), v = cell_make('b', cell_style(5, 6, 1), 7), n;
	unsigned k;

	n = cell_next(old, v);
	ck_assert_uint_eq(cell_content(n), v);
	ck_assert_uint_eq(cell_counter(n), 1);
	n = cell_next(n, v);
	ck_assert_uint_eq(cell_counter(n), 2);
	/* the counter of the value given is ignored */
	ck_assert_uint_eq(cell_next(old, v | CELL_COUNTER_MASK), v | 1ull << CELL_COUNTER_SHIFT);
	/* writing the same value back still changes the word */
	ck_assert_uint_ne(cell_next(n, cell_content(n)), n);
	ck_assert_uint_eq(cell_next(v | CELL_COUNTER_MASK, old), old);
	ck_assert_uint_eq(cell_next(UINT64_MAX, CELL_EMPTY), CELL_EMPTY);
	/* 65536 writes to come back to a word */
	for (n = old, k = 0; k < CELL_COUNTERS; k++) {
		n = cell_next(n, old);
		ck_assert(k == CELL_COUNTERS - 1 || n != old);
	}
	ck_assert_uint_eq(n, old);
}
END_TEST

/* Widths in the locale the program starts with (no setlocale call). */
START_TEST(test_width_default_locale)
{
	check_width_table("startup locale");
}
END_TEST

/* Widths are the same when the process locale is "C" before the first call. */
START_TEST(test_width_c_locale)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C"));
	check_width_table("C locale");
}
END_TEST

/* Widths stay the same when the process locale changes between calls. */
START_TEST(test_width_locale_switch)
{
	check_width_table("before setlocale");
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C"));
	check_width_table("C locale");
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "POSIX"));
	check_width_table("POSIX locale");
	if (setlocale(LC_ALL, "C.UTF-8") != NULL)
		check_width_table("C.UTF-8 locale");
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C"));
	check_width_table("C locale again");
}
END_TEST

/* A thread-local "C" locale set by the caller does not change the widths. */
START_TEST(test_width_thread_locale)
{
	locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);

	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(uselocale(c));
	check_width_table("uselocale C");
	uselocale(LC_GLOBAL_LOCALE);
	freelocale(c);
}
END_TEST

/* cell_width restores the caller's thread locale, global or thread-local. */
START_TEST(test_width_keeps_caller_locale)
{
	locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);

	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(cell_width(0x6F22), 2);
	ck_assert_ptr_eq(uselocale((locale_t)0), LC_GLOBAL_LOCALE);
	uselocale(c);
	ck_assert_int_eq(cell_width(0x1F600), 2);
	ck_assert_ptr_eq(uselocale((locale_t)0), c);
	ck_assert_str_eq(setlocale(LC_CTYPE, NULL), "C");
	uselocale(LC_GLOBAL_LOCALE);
	freelocale(c);
}
END_TEST

/* Several threads under a "C" process locale get the same widths at once. */
START_TEST(test_width_threads)
{
	pthread_t th[4];
	char where[] = "thread";
	int i;

	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C"));
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_create(&th[i], NULL, width_thread, where), 0);
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_join(th[i], NULL), 0);
}
END_TEST

/* Every C0 control, DEL and C1 control is 0 wide and not drawable. */
START_TEST(test_width_all_controls)
{
	uint32_t cp;

	for (cp = 0; cp < 0x20; cp++) {
		ck_assert_int_eq(cell_width(cp), 0);
		ck_assert(!cell_drawable(cp));
	}
	for (cp = 0x7F; cp < 0xA0; cp++) {
		ck_assert_int_eq(cell_width(cp), 0);
		ck_assert(!cell_drawable(cp));
	}
}
END_TEST

/* Every printable ASCII character is 1 wide and drawable. */
START_TEST(test_width_all_printable_ascii)
{
	uint32_t cp;

	for (cp = 0x20; cp < 0x7F; cp++) {
		ck_assert_int_eq(cell_width(cp), 1);
		ck_assert(cell_drawable(cp));
	}
}
END_TEST

/* Every surrogate and a sweep above U+10FFFF is 0 wide. */
START_TEST(test_width_surrogates_and_beyond)
{
	uint32_t cp;

	for (cp = 0xD800; cp <= 0xDFFF; cp++)
		ck_assert_int_eq(cell_width(cp), 0);
	for (cp = 0x110000; cp < 0x120000; cp += 0x101)
		ck_assert_int_eq(cell_width(cp), 0);
	for (cp = 0x200000; cp != 0; cp <<= 1)
		ck_assert_int_eq(cell_width(cp | 0x41), 0);
}
END_TEST

/* Over all code points, a width is always 0, 1 or 2 and drawable means nonzero. */
START_TEST(test_width_range)
{
	uint32_t cp;
	int w;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		w = cell_width(cp);
		if (w < 0 || w > 2)
			ck_abort_msg("cell_width(U+%04X) = %d", (unsigned)cp, w);
		if (cell_drawable(cp) != (w > 0))
			ck_abort_msg("cell_drawable(U+%04X) disagrees with width %d", (unsigned)cp, w);
	}
}
END_TEST

/* CELL_CONT, the right half of a wide character, is never drawable itself. */
START_TEST(test_cont_not_drawable)
{
	ck_assert_int_eq(cell_width(CELL_CONT), 0);
	ck_assert(!cell_drawable(CELL_CONT));
	ck_assert_uint_eq(cell_cp(cell_make(CELL_CONT, 7, 9)), CELL_CONT);
	ck_assert(!cell_drawable(cell_cp(cell_make(CELL_CONT, 7, 9))));
	ck_assert(!cell_drawable(CELL_EMPTY));
}
END_TEST

/*
 * No two characters a cell may hold join into one grapheme, so cells side
 * by side (in a dump, on a terminal) always read as one grapheme each: the
 * grapheme break classes of the drawable code points, and a break between
 * every two of them (one of each class, with utf8proc's state).
 */
START_TEST(test_drawable_never_join)
{
	uint32_t rep[32] = { 0 }, cp;
	int a, c;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (!cell_drawable(cp))
			continue;
		c = utf8proc_get_property((utf8proc_int32_t)cp)->boundclass;
		ck_assert_msg(c == UTF8PROC_BOUNDCLASS_OTHER || c == UTF8PROC_BOUNDCLASS_LV ||
		    c == UTF8PROC_BOUNDCLASS_LVT || c == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC,
		    "U+%04X is drawable with grapheme break class %d", (unsigned)cp, c);
		if (rep[c] == 0)
			rep[c] = cp;
	}
	for (a = 0; a < 32; a++) {
		for (c = 0; c < 32; c++) {
			utf8proc_int32_t st = 0;

			if (rep[a] == 0 || rep[c] == 0)
				continue;
			ck_assert_msg(utf8proc_grapheme_break_stateful((utf8proc_int32_t)rep[a],
			    (utf8proc_int32_t)rep[c], &st), "U+%04X and U+%04X make one grapheme",
			    (unsigned)rep[a], (unsigned)rep[c]);
		}
	}
}
END_TEST

/* The Unicode version is utf8proc's, 15.0 or later. */
START_TEST(test_unicode_version)
{
	int major = atoi(cell_unicode_version());

	ck_assert_int_ge(major, 15);
	ck_assert_str_eq(cell_unicode_version(), utf8proc_unicode_version());
	ck_assert_str_eq(cell_utf8proc_version(), utf8proc_version());
}
END_TEST

/* cell_columns counts what a terminal shows, marks a cell cannot hold alone included. */
START_TEST(test_columns)
{
	ck_assert_int_eq(cell_columns(""), 0);
	ck_assert_int_eq(cell_columns("abc"), 3);
	ck_assert_int_eq(cell_columns("\xe6\xbc\xa2x"), 3);            /* 漢x */
	ck_assert_int_eq(cell_columns("e\xcc\x81"), 1);                 /* e + U+0301 */
	ck_assert_int_eq(cell_columns("\xe0\xb8\x81\xe0\xb8\xb3"), 2);  /* Thai ko kai, sara am */
	ck_assert_int_eq(cell_columns("a\x1b[1m"), 4);                   /* ESC counts nothing */
	ck_assert_int_eq(cell_columns("\xff"), 1);                       /* an invalid byte: 1 */
}
END_TEST

/* cell_fit: the bytes that fit in N columns, cut at a whole character. */
START_TEST(test_fit)
{
	int used = -1;

	ck_assert_int_eq(cell_fit("abc", 2, &used), 2);
	ck_assert_int_eq(used, 2);
	ck_assert_int_eq(cell_fit("\xc3\xb1" "and\xc3\xba", 3, &used), 4);     /* ñan: 4 bytes, 3 columns */
	ck_assert_int_eq(used, 3);
	ck_assert_int_eq(cell_fit("\xe6\xbc\xa2\xe5\xad\x97", 3, &used), 3); /* 漢 fits, 字 would not */
	ck_assert_int_eq(used, 2);
	ck_assert_int_eq(cell_fit("e\xcc\x81x", 1, &used), 3);      /* é keeps its accent */
	ck_assert_int_eq(used, 1);
	ck_assert_int_eq(cell_fit("\xffz", 1, &used), 1);            /* an invalid byte: 1 column */
	ck_assert_int_eq(cell_fit("abc", 0, NULL), 0);
	ck_assert_int_eq(cell_fit("abc", 10, &used), 3);
	ck_assert_int_eq(used, 3);
}
END_TEST

/* The cell suite. */
static Suite *
cell_suite(void)
{
	Suite *s = suite_create("cell");
	TCase *word = tcase_create("word");
	TCase *width = tcase_create("width");

	tcase_add_test(word, test_make_round_trip);
	tcase_add_test(word, test_make_layout);
	tcase_add_test(word, test_make_masks);
	tcase_add_test(word, test_accessors_total);
	tcase_add_test(word, test_next_bumps_counter);
	/* the round trip's tens of thousands of asserts took more than Check's
	 * 4 s under ASan, three tests at a time, in CI */
	tcase_set_timeout(word, 30);
	suite_add_tcase(s, word);
	tcase_add_test(width, test_width_default_locale);
	tcase_add_test(width, test_width_c_locale);
	tcase_add_test(width, test_width_locale_switch);
	tcase_add_test(width, test_width_thread_locale);
	tcase_add_test(width, test_width_keeps_caller_locale);
	tcase_add_test(width, test_width_threads);
	tcase_add_test(width, test_width_all_controls);
	tcase_add_test(width, test_width_all_printable_ascii);
	tcase_add_test(width, test_width_surrogates_and_beyond);
	tcase_add_test(width, test_width_range);
	tcase_add_test(width, test_cont_not_drawable);
	tcase_add_test(width, test_drawable_never_join);
	tcase_add_test(width, test_columns);
	tcase_add_test(width, test_fit);
	tcase_add_test(width, test_unicode_version);
	tcase_set_timeout(width, 60);
	suite_add_tcase(s, width);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(cell_suite());
}
