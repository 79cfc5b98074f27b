/*
 * check_utf8.c - unit tests of the utf8 module (utf8.h): strict RFC 3629
 * decoding of valid 1-4 byte sequences; rejection of overlong forms,
 * surrogates, code points above U+10FFFF, bytes that can never start a
 * sequence, stray continuation bytes and sequences truncated by the end of
 * the buffer (which must never be read past, checked against a guard page);
 * exhaustive agreement between decoding and encoding; encoding of invalid
 * code points; utf8_validate with the offset of the first bad sequence;
 * and utf8_escape (controls, invalid bytes, bidi and zero-width characters
 * spelled out, backslashes doubled, cut with "..." at a whole escape).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "checkutil.h"
#include "utf8.h"

/* Decode the whole of s (a C string) and return the result, storing the code point. */
static int
decode_str(const char *s, uint32_t *cp)
{
	return utf8_decode(s, strlen(s), cp);
}

/* Two pages, the second PROT_NONE: bytes placed at the end of the first touch the guard. */
static char *
guarded_page(size_t *pagesz)
{
	long ps = sysconf(_SC_PAGESIZE);
	char *p;

	ck_assert_int_gt(ps, 0);
	*pagesz = (size_t)ps;
	p = mmap(NULL, *pagesz * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert_ptr_ne(p, MAP_FAILED);
	ck_assert_int_eq(mprotect(p + *pagesz, *pagesz, PROT_NONE), 0);
	return p;
}

/* Copy n bytes to the very end of the guarded page and return where they start. */
static const char *
at_guard(char *page, size_t pagesz, const char *bytes, size_t n)
{
	char *dst = page + pagesz - n;

	memcpy(dst, bytes, n);
	return dst;
}

/* Every ASCII byte decodes to itself in one byte, NUL included. */
START_TEST(test_decode_ascii)
{
	uint32_t cp;
	char c;
	int i;

	for (i = 0; i < 0x80; i++) {
		c = (char)i;
		cp = 0xDEADBEEF;
		ck_assert_int_eq(utf8_decode(&c, 1, &cp), 1);
		ck_assert_uint_eq(cp, (uint32_t)i);
	}
}
END_TEST

/* Valid 2, 3 and 4 byte sequences, including the boundaries of each length. */
START_TEST(test_decode_multibyte)
{
	static const struct {
		const char *s;
		int n;
		uint32_t cp;
	} ok[] = {
		{ "\xC2\x80", 2, 0x80 },
		{ "\xC3\xB1", 2, 0xF1 },            /* ñ */
		{ "\xC3\xA1", 2, 0xE1 },            /* á */
		{ "\xDF\xBF", 2, 0x7FF },
		{ "\xE0\xA0\x80", 3, 0x800 },
		{ "\xE2\x82\xAC", 3, 0x20AC },      /* € */
		{ "\xE2\x94\x8C", 3, 0x250C },      /* ┌ */
		{ "\xE6\xBC\xA2", 3, 0x6F22 },      /* 漢 */
		{ "\xED\x9F\xBF", 3, 0xD7FF },      /* just below the surrogates */
		{ "\xEE\x80\x80", 3, 0xE000 },      /* just above them */
		{ "\xEF\xBF\xBD", 3, 0xFFFD },
		{ "\xEF\xBF\xBF", 3, 0xFFFF },
		{ "\xF0\x90\x80\x80", 4, 0x10000 },
		{ "\xF0\x9F\x98\x80", 4, 0x1F600 }, /* 😀 */
		{ "\xF4\x8F\xBF\xBF", 4, 0x10FFFF },
	};
	uint32_t cp;
	size_t i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		cp = 0;
		ck_assert_msg(decode_str(ok[i].s, &cp) == ok[i].n, "case %zu: wrong length", i);
		ck_assert_msg(cp == ok[i].cp, "case %zu: U+%04X, expected U+%04X", i,
		    (unsigned)cp, (unsigned)ok[i].cp);
	}
}
END_TEST

/* Decoding stops after one character: trailing bytes are not consumed. */
START_TEST(test_decode_one_character_only)
{
	uint32_t cp = 0;

	ck_assert_int_eq(decode_str("\xE2\x82\xAC" "abc", &cp), 3);
	ck_assert_uint_eq(cp, 0x20AC);
	ck_assert_int_eq(decode_str("a\xE2\x82\xAC", &cp), 1);
	ck_assert_uint_eq(cp, 'a');
	ck_assert_int_eq(decode_str("\xC3\xB1\xC3\xB1", &cp), 2);
	ck_assert_uint_eq(cp, 0xF1);
}
END_TEST

/* Overlong forms of any length are refused, including C0 80 and C1 BF. */
START_TEST(test_decode_overlong)
{
	static const char *const bad[] = {
		"\xC0\x80", "\xC0\xAF", "\xC1\xBF",
		"\xE0\x80\x80", "\xE0\x80\xAF", "\xE0\x9F\xBF",
		"\xF0\x80\x80\x80", "\xF0\x80\x80\xAF", "\xF0\x8F\xBF\xBF",
	};
	uint32_t cp;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(decode_str(bad[i], &cp) == -1, "overlong case %zu accepted", i);
}
END_TEST

/* UTF-16 surrogates U+D800..U+DFFF encoded as UTF-8 are refused. */
START_TEST(test_decode_surrogates)
{
	static const char *const bad[] = {
		"\xED\xA0\x80", "\xED\xAD\xBF", "\xED\xAE\x80", "\xED\xBF\xBF",
		"\xED\xA0\xBD\xED\xB8\x80",
	};
	uint32_t cp;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(decode_str(bad[i], &cp) == -1, "surrogate case %zu accepted", i);
}
END_TEST

/* Code points above U+10FFFF and lead bytes F5..FF are refused. */
START_TEST(test_decode_above_max)
{
	static const char *const bad[] = {
		"\xF4\x90\x80\x80", "\xF4\xBF\xBF\xBF", "\xF5\x80\x80\x80",
		"\xF7\xBF\xBF\xBF", "\xF8\x88\x80\x80\x80", "\xFC\x84\x80\x80\x80\x80",
	};
	uint32_t cp;
	char b[4];
	size_t i;
	int lead;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(decode_str(bad[i], &cp) == -1, "case %zu accepted", i);
	for (lead = 0xF5; lead <= 0xFF; lead++) {
		b[0] = (char)lead;
		b[1] = b[2] = b[3] = (char)0x80;
		ck_assert_msg(utf8_decode(b, 4, &cp) == -1, "lead 0x%02X accepted", lead);
	}
}
END_TEST

/* A continuation byte cannot start a sequence, and a lead byte needs continuations. */
START_TEST(test_decode_stray_continuation)
{
	uint32_t cp;
	char b[4];
	int c;

	for (c = 0x80; c <= 0xBF; c++) {
		b[0] = (char)c;
		b[1] = 'a';
		ck_assert_msg(utf8_decode(b, 2, &cp) == -1, "stray 0x%02X accepted", c);
		ck_assert_msg(utf8_decode(b, 1, &cp) == -1, "lone 0x%02X accepted", c);
	}
	ck_assert_int_eq(decode_str("\xC3" "a", &cp), -1);
	ck_assert_int_eq(decode_str("\xE2\x82" "a", &cp), -1);
	ck_assert_int_eq(decode_str("\xE2" "a\xAC", &cp), -1);
	ck_assert_int_eq(decode_str("\xF0\x9F\x98" "a", &cp), -1);
	ck_assert_int_eq(decode_str("\xC3\xC3\xB1", &cp), -1);
	ck_assert_int_eq(decode_str("\xE2\x82\xC3\xB1", &cp), -1);
}
END_TEST

/* An empty buffer is invalid. */
START_TEST(test_decode_empty)
{
	uint32_t cp;

	ck_assert_int_eq(utf8_decode("a", 0, &cp), -1);
	ck_assert_int_eq(utf8_decode("\xE2\x82\xAC", 0, &cp), -1);
}
END_TEST

/* len is the end: valid bytes lying just beyond it must not complete a sequence. */
START_TEST(test_decode_truncated_by_len)
{
	static const char seq4[] = "\xF0\x9F\x98\x80";
	static const char seq3[] = "\xE2\x82\xAC";
	static const char seq2[] = "\xC3\xB1";
	uint32_t cp;
	size_t n;

	for (n = 1; n < 4; n++)
		ck_assert_msg(utf8_decode(seq4, n, &cp) == -1, "4-byte cut at %zu accepted", n);
	for (n = 1; n < 3; n++)
		ck_assert_msg(utf8_decode(seq3, n, &cp) == -1, "3-byte cut at %zu accepted", n);
	ck_assert_int_eq(utf8_decode(seq2, 1, &cp), -1);
}
END_TEST

/* Truncated sequences ending at a PROT_NONE page are refused without touching it. */
START_TEST(test_decode_never_reads_past_len)
{
	static const char *const cut[] = {
		"\xC3", "\xE2", "\xE2\x82", "\xF0", "\xF0\x9F", "\xF0\x9F\x98",
		"\xF4\x8F\xBF", "\xED\xA0", "\xE0\x80", "\xF4\x90",
	};
	size_t pagesz, i;
	char *page = guarded_page(&pagesz);
	const char *p;
	uint32_t cp;

	for (i = 0; i < sizeof cut / sizeof cut[0]; i++) {
		p = at_guard(page, pagesz, cut[i], strlen(cut[i]));
		ck_assert_msg(utf8_decode(p, strlen(cut[i]), &cp) == -1, "cut case %zu accepted", i);
	}
	p = at_guard(page, pagesz, "\xF0\x9F\x98\x80", 4);
	ck_assert_int_eq(utf8_decode(p, 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x1F600);
	p = at_guard(page, pagesz, "ab\xE2\x82", 4);
	ck_assert_int_eq(utf8_validate(p, 4, &i), -1);
	ck_assert_uint_eq(i, 2);
	ck_assert_int_eq(munmap(page, pagesz * 2), 0);
}
END_TEST

/* Exhaustively over all 3-byte inputs: accepted counts per length and exact round trips. */
START_TEST(test_decode_exhaustive_short)
{
	unsigned long count[5] = { 0 };
	unsigned char b[3];
	char enc[4];
	uint32_t cp, v;
	int n;

	for (v = 0; v < (1u << 24); v++) {
		b[0] = (unsigned char)(v >> 16);
		b[1] = (unsigned char)(v >> 8);
		b[2] = (unsigned char)v;
		n = utf8_decode((const char *)b, 3, &cp);
		if (n < 0) {
			count[0]++;
			continue;
		}
		if (n > 3)
			ck_abort_msg("3 bytes decode to %d bytes", n);
		count[n]++;
		if (utf8_encode(cp, enc) != n || memcmp(enc, b, (size_t)n) != 0)
			ck_abort_msg("bytes %02X %02X %02X decode to U+%04X which encodes differently",
			    b[0], b[1], b[2], (unsigned)cp);
	}
	ck_assert_uint_eq(count[1], 128ul * 65536);
	ck_assert_uint_eq(count[2], 1920ul * 256);
	ck_assert_uint_eq(count[3], 0x10000ul - 0x800 - 0x800);
	ck_assert_uint_eq(count[4], 0);
}
END_TEST

/* Over all F0..F4 lead bytes with continuations: exactly the supplementary planes decode. */
START_TEST(test_decode_exhaustive_four)
{
	unsigned long accepted = 0;
	unsigned char b[4];
	char enc[4];
	uint32_t cp, v;
	int lead, n;

	for (lead = 0xF0; lead <= 0xF4; lead++) {
		for (v = 0; v < 64u * 64 * 64; v++) {
			b[0] = (unsigned char)lead;
			b[1] = (unsigned char)(0x80 | (v >> 12));
			b[2] = (unsigned char)(0x80 | ((v >> 6) & 0x3F));
			b[3] = (unsigned char)(0x80 | (v & 0x3F));
			n = utf8_decode((const char *)b, 4, &cp);
			if (n < 0)
				continue;
			if (n != 4 || cp < 0x10000 || cp > 0x10FFFF || utf8_encode(cp, enc) != 4 ||
			    memcmp(enc, b, 4) != 0)
				ck_abort_msg("bytes %02X %02X %02X %02X: length %d, U+%04X, no round trip",
				    b[0], b[1], b[2], b[3], n, (unsigned)cp);
			accepted++;
		}
	}
	ck_assert_uint_eq(accepted, 0x100000ul);
}
END_TEST

/* Every Unicode scalar value encodes to its expected length and decodes back. */
START_TEST(test_encode_decode_round_trip)
{
	char out[4];
	uint32_t cp, back;
	int n, want;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		n = utf8_encode(cp, out);
		if (n != want)
			ck_abort_msg("U+%04X encodes to %d bytes, expected %d", (unsigned)cp, n, want);
		back = 0xFFFFFFFF;
		if (utf8_decode(out, (size_t)n, &back) != n || back != cp)
			ck_abort_msg("U+%04X does not round trip", (unsigned)cp);
		if (utf8_validate(out, (size_t)n, NULL) != 0)
			ck_abort_msg("U+%04X encoding does not validate", (unsigned)cp);
	}
}
END_TEST

/* Known encodings byte for byte. */
START_TEST(test_encode_known)
{
	char out[4];

	ck_assert_int_eq(utf8_encode(0, out), 1);
	ck_assert_int_eq(out[0], 0);
	ck_assert_int_eq(utf8_encode('A', out), 1);
	ck_assert_mem_eq(out, "A", 1);
	ck_assert_int_eq(utf8_encode(0xF1, out), 2);
	ck_assert_mem_eq(out, "\xC3\xB1", 2);
	ck_assert_int_eq(utf8_encode(0x20AC, out), 3);
	ck_assert_mem_eq(out, "\xE2\x82\xAC", 3);
	ck_assert_int_eq(utf8_encode(0x250C, out), 3);
	ck_assert_mem_eq(out, "\xE2\x94\x8C", 3);
	ck_assert_int_eq(utf8_encode(0x1F600, out), 4);
	ck_assert_mem_eq(out, "\xF0\x9F\x98\x80", 4);
	ck_assert_int_eq(utf8_encode(0x10FFFF, out), 4);
	ck_assert_mem_eq(out, "\xF4\x8F\xBF\xBF", 4);
}
END_TEST

/* Surrogates and anything above U+10FFFF encode to nothing. */
START_TEST(test_encode_invalid)
{
	static const uint32_t bad[] = {
		0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x110000, 0x1FFFFF, 0x200000,
		0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
	};
	char out[4];
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(utf8_encode(bad[i], out) == 0, "0x%X encoded", (unsigned)bad[i]);
}
END_TEST

/* Valid text (mixed lengths, empty) validates; bad_off is left alone on success. */
START_TEST(test_validate_ok)
{
	static const char text[] = "a\xC3\xB1\xE2\x82\xAC\xE6\xBC\xA2\xF0\x9F\x98\x80z";
	size_t off = 12345;

	ck_assert_int_eq(utf8_validate(text, strlen(text), &off), 0);
	ck_assert_uint_eq(off, 12345);
	ck_assert_int_eq(utf8_validate("", 0, &off), 0);
	ck_assert_int_eq(utf8_validate(text, strlen(text), NULL), 0);
	ck_assert_int_eq(utf8_validate("a\0b", 3, &off), 0);
}
END_TEST

/* The offset reported is that of the first bad sequence's first byte. */
START_TEST(test_validate_bad_offset)
{
	static const struct {
		const char *s;
		size_t off;
	} bad[] = {
		{ "\x80", 0 },
		{ "abc\xFF" "def", 3 },
		{ "\xC3\xB1\xC0\x80", 2 },
		{ "\xE2\x82\xAC" "x\xED\xA0\x80", 4 },
		{ "ab\xF4\x90\x80\x80", 2 },
		{ "\xF0\x9F\x98\x80\xF0\x9F\x98", 4 },
		{ "abc\xE2\x82", 3 },
		{ "\xC3\xB1\xB1", 2 },
		{ "ok\xC3" "x\xFF", 2 },
	};
	size_t i, off;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		off = 999;
		ck_assert_msg(utf8_validate(bad[i].s, strlen(bad[i].s), &off) == -1,
		    "case %zu validated", i);
		ck_assert_msg(off == bad[i].off, "case %zu: offset %zu, expected %zu", i, off,
		    bad[i].off);
	}
	ck_assert_int_eq(utf8_validate("\xFF", 1, NULL), -1);
}
END_TEST

/* The length bounds validation: bad bytes beyond len are ignored, a cut sequence is not. */
START_TEST(test_validate_respects_len)
{
	size_t off = 0;

	ck_assert_int_eq(utf8_validate("abc\xFF", 3, &off), 0);
	ck_assert_int_eq(utf8_validate("\xE2\x82\xAC", 2, &off), -1);
	ck_assert_uint_eq(off, 0);
}
END_TEST

/* Escape s into a buffer of n bytes and compare with want. */
static void
escape_is(const char *s, size_t n, const char *want)
{
	char buf[128];

	ck_assert_uint_le(n, sizeof buf);
	memset(buf, 'Z', sizeof buf);
	ck_assert_ptr_eq(utf8_escape(s, buf, n), buf);
	ck_assert_str_eq(buf, want);
	ck_assert_uint_lt(strlen(buf), n);
}

/* Printable text is unchanged; what a terminal acts on or hides is spelled out. */
START_TEST(test_escape)
{
	escape_is("/tmp/plain file ñ 漢.txt", 64, "/tmp/plain file ñ 漢.txt");
	escape_is("a\nb\tc\rd\033[2J", 64, "a\\nb\\tc\\rd\\e[2J");
	escape_is("bell\007 del\177 nul-less\001", 64, "bell\\x07 del\\x7F nul-less\\x01");
	escape_is("back\\slash", 64, "back\\\\slash");
	escape_is("latin1 \xf1 \xff", 64, "latin1 \\xF1 \\xFF");
	escape_is("csi \xc2\x9b", 64, "csi \\u{009B}");
	escape_is("rlo \xe2\x80\xae txt", 64, "rlo \\u{202E} txt");
	escape_is("\xef\xbb\xbf" "bom zw\xe2\x80\x8b", 64, "\\u{FEFF}bom zw\\u{200B}");
}
END_TEST

/* A result that does not fit ends in "..." after a whole escape or character. */
START_TEST(test_escape_cut)
{
	char buf[8];

	escape_is("abcdefg", 8, "abcdefg");
	escape_is("abcdefgh", 8, "abcd...");
	escape_is("ab\033cdefgh", 8, "ab\\e...");
	escape_is("ab\033\033cdefgh", 8, "ab\\e...");
	escape_is("漢字漢字", 8, "漢...");
	escape_is("abc", 1, "");
	escape_is("abcdef", 4, "...");
	ck_assert_ptr_eq(utf8_escape("x", buf, 0), buf);
}
END_TEST

/* The utf8 suite. */
static Suite *
utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *dec = tcase_create("decode");
	TCase *enc = tcase_create("encode");
	TCase *val = tcase_create("validate");

	tcase_add_test(dec, test_decode_ascii);
	tcase_add_test(dec, test_decode_multibyte);
	tcase_add_test(dec, test_decode_one_character_only);
	tcase_add_test(dec, test_decode_overlong);
	tcase_add_test(dec, test_decode_surrogates);
	tcase_add_test(dec, test_decode_above_max);
	tcase_add_test(dec, test_decode_stray_continuation);
	tcase_add_test(dec, test_decode_empty);
	tcase_add_test(dec, test_decode_truncated_by_len);
	tcase_add_test(dec, test_decode_never_reads_past_len);
	tcase_add_test(dec, test_decode_exhaustive_short);
	tcase_add_test(dec, test_decode_exhaustive_four);
	tcase_set_timeout(dec, 30);
	suite_add_tcase(s, dec);
	tcase_add_test(enc, test_encode_decode_round_trip);
	tcase_add_test(enc, test_encode_known);
	tcase_add_test(enc, test_encode_invalid);
	tcase_set_timeout(enc, 30);
	suite_add_tcase(s, enc);
	tcase_add_test(val, test_validate_ok);
	tcase_add_test(val, test_validate_bad_offset);
	tcase_add_test(val, test_validate_respects_len);
	tcase_add_test(val, test_escape);
	tcase_add_test(val, test_escape_cut);
	suite_add_tcase(s, val);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(utf8_suite());
}
