/*
 * check_strbuf.c - unit tests of the strbuf module (strbuf.h): an empty
 * buffer and strbuf_cstr on it; growth across many appends of every kind
 * (add, puts, putc, printf) with the contents and NUL termination checked;
 * embedded NUL bytes; strbuf_put_utf8 for 1-4 byte characters and U+FFFD
 * for invalid code points; strbuf_put_json escaping of quotes, backslash,
 * C0 controls, DEL and C1 characters as \u00XX, and invalid or truncated
 * UTF-8 bytes as U+FFFD; reset keeping the memory, free leaving a reusable
 * empty buffer; and the failed flag ignoring later appends.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "checkutil.h"
#include "strbuf.h"

/* Assert the buffer holds exactly the n bytes at want and is NUL-terminated. */
static void
check_contents(struct strbuf *sb, const char *want, size_t n)
{
	ck_assert_int_eq(sb->failed, 0);
	ck_assert_uint_eq(sb->len, n);
	ck_assert_uint_gt(sb->cap, sb->len);
	ck_assert_ptr_nonnull(sb->data);
	ck_assert_mem_eq(sb->data, want, n);
	ck_assert_int_eq(sb->data[n], '\0');
}

/* JSON-encode s into a fresh buffer and compare with want. */
static void
check_json(const char *s, const char *want)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_put_json(&sb, s);
	ck_assert_msg(strcmp(strbuf_cstr(&sb), want) == 0, "json of \"%s\": got %s, expected %s",
	    s, strbuf_cstr(&sb), want);
	ck_assert_uint_eq(sb.len, strlen(want));
	strbuf_free(&sb);
}

/* A new buffer is empty, holds no memory, and reads as "". */
START_TEST(test_init_empty)
{
	struct strbuf sb;
	const char *s;

	memset(&sb, 0xA5, sizeof sb);
	strbuf_init(&sb);
	ck_assert_ptr_null(sb.data);
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_uint_eq(sb.cap, 0);
	ck_assert_int_eq(sb.failed, 0);
	s = strbuf_cstr(&sb);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "");
	strbuf_free(&sb);
	ck_assert_ptr_null(sb.data);
}
END_TEST

/* Appending nothing leaves a valid empty C string. */
START_TEST(test_empty_appends)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_puts(&sb, "");
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_str_eq(strbuf_cstr(&sb), "");
	strbuf_add(&sb, "xyz", 0);
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_str_eq(strbuf_cstr(&sb), "");
	strbuf_printf(&sb, "%s", "");
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_str_eq(strbuf_cstr(&sb), "");
	strbuf_free(&sb);
}
END_TEST

/* Each kind of append adds exactly its bytes, in order. */
START_TEST(test_append_kinds)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_puts(&sb, "ab");
	strbuf_putc(&sb, 'c');
	strbuf_add(&sb, "defXYZ", 3);
	strbuf_printf(&sb, "%d-%s-%05.1f|%x", 42, "g", 3.14159, 255u);
	check_contents(&sb, "abcdef42-g-003.1|ff", 19);
	ck_assert_str_eq(strbuf_cstr(&sb), "abcdef42-g-003.1|ff");
	strbuf_free(&sb);
}
END_TEST

/* Bytes after a NUL are kept: the length, not strlen, is the contents. */
START_TEST(test_embedded_nul)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_add(&sb, "a\0b", 3);
	strbuf_putc(&sb, '\0');
	strbuf_putc(&sb, 'c');
	check_contents(&sb, "a\0b\0c", 5);
	strbuf_free(&sb);
}
END_TEST

/* Thousands of single-byte appends grow the buffer and keep every byte. */
START_TEST(test_growth_putc)
{
	struct strbuf sb;
	size_t i, n = 100000;
	char *want = malloc(n);

	ck_assert_ptr_nonnull(want);
	strbuf_init(&sb);
	for (i = 0; i < n; i++) {
		want[i] = (char)('a' + i % 26);
		strbuf_putc(&sb, want[i]);
		if (sb.len != i + 1 || sb.cap <= sb.len || sb.data[i + 1] != '\0')
			ck_abort_msg("after %zu bytes: len %zu, cap %zu", i + 1, sb.len, sb.cap);
	}
	check_contents(&sb, want, n);
	strbuf_free(&sb);
	free(want);
}
END_TEST

/* Appends of every size across many reallocations keep earlier contents intact. */
START_TEST(test_growth_mixed_sizes)
{
	struct strbuf sb;
	size_t total = 0, chunk, k;
	char block[1500];
	char *want = malloc(1500 * 600);

	ck_assert_ptr_nonnull(want);
	strbuf_init(&sb);
	for (chunk = 0; chunk < 600; chunk++) {
		size_t n = (chunk * 37) % sizeof block;

		for (k = 0; k < n; k++)
			block[k] = (char)(' ' + (chunk + k) % 95);
		strbuf_add(&sb, block, n);
		memcpy(want + total, block, n);
		total += n;
		ck_assert_uint_eq(sb.len, total);
	}
	check_contents(&sb, want, total);
	ck_assert_uint_eq(strlen(strbuf_cstr(&sb)), total);
	strbuf_free(&sb);
	free(want);
}
END_TEST

/* Appends that exactly fill the capacity, then one more byte, stay terminated. */
START_TEST(test_growth_exact_boundaries)
{
	struct strbuf sb;
	char big[4096];
	size_t cap, fill;

	memset(big, 'q', sizeof big);
	strbuf_init(&sb);
	strbuf_putc(&sb, 'q');
	cap = sb.cap;
	ck_assert_uint_gt(cap, 1);
	fill = cap - sb.len - 1;
	strbuf_add(&sb, big, fill);
	check_contents(&sb, big, cap - 1);
	strbuf_putc(&sb, 'q');
	check_contents(&sb, big, cap);
	strbuf_free(&sb);

	strbuf_init(&sb);
	strbuf_add(&sb, big, sizeof big);
	check_contents(&sb, big, sizeof big);
	strbuf_free(&sb);
}
END_TEST

/* printf output longer than the free space (and than any initial size) is complete. */
START_TEST(test_printf_growth)
{
	struct strbuf sb;
	char *want, *arg;
	size_t i, n = 5000;

	arg = malloc(n + 1);
	want = malloc(n + 64);
	ck_assert_ptr_nonnull(arg);
	ck_assert_ptr_nonnull(want);
	for (i = 0; i < n; i++)
		arg[i] = (char)('A' + i % 26);
	arg[n] = '\0';
	strbuf_init(&sb);
	strbuf_puts(&sb, "head:");
	strbuf_printf(&sb, "[%s]%d", arg, -7);
	snprintf(want, n + 64, "head:[%s]%d", arg, -7);
	check_contents(&sb, want, strlen(want));
	strbuf_free(&sb);
	free(arg);
	free(want);
}
END_TEST

/* Many printf appends one after another accumulate exactly. */
START_TEST(test_printf_many)
{
	struct strbuf sb, want;
	int i;

	strbuf_init(&sb);
	strbuf_init(&want);
	for (i = 0; i < 20000; i++) {
		char tmp[32];
		int n = snprintf(tmp, sizeof tmp, "%d,", i);

		strbuf_printf(&sb, "%d,", i);
		strbuf_add(&want, tmp, (size_t)n);
	}
	check_contents(&sb, want.data, want.len);
	ck_assert_str_eq(strbuf_cstr(&sb), strbuf_cstr(&want));
	strbuf_free(&sb);
	strbuf_free(&want);
}
END_TEST

/* put_utf8 writes 1-4 byte encodings. */
START_TEST(test_put_utf8_valid)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_put_utf8(&sb, 'A');
	strbuf_put_utf8(&sb, 0xF1);
	strbuf_put_utf8(&sb, 0x20AC);
	strbuf_put_utf8(&sb, 0x6F22);
	strbuf_put_utf8(&sb, 0x1F600);
	strbuf_put_utf8(&sb, 0x10FFFF);
	check_contents(&sb, "A\xC3\xB1\xE2\x82\xAC\xE6\xBC\xA2\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF", 17);
	strbuf_free(&sb);
}
END_TEST

/* put_utf8 writes U+FFFD for surrogates, values above U+10FFFF and CELL_CONT-like words. */
START_TEST(test_put_utf8_invalid)
{
	static const uint32_t bad[] = { 0xD800, 0xDFFF, 0x110000, 0x1FFFFF, 0xFFFFFFFF };
	struct strbuf sb;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		strbuf_init(&sb);
		strbuf_putc(&sb, '<');
		strbuf_put_utf8(&sb, bad[i]);
		strbuf_putc(&sb, '>');
		ck_assert_msg(strcmp(strbuf_cstr(&sb), "<\xEF\xBF\xBD>") == 0,
		    "0x%X not replaced by U+FFFD", (unsigned)bad[i]);
		strbuf_free(&sb);
	}
}
END_TEST

/* put_utf8 of NUL appends one zero byte. */
START_TEST(test_put_utf8_nul)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_put_utf8(&sb, 0);
	check_contents(&sb, "", 1);
	strbuf_free(&sb);
}
END_TEST

/* Plain text, the empty string and valid non-ASCII text pass through inside quotes. */
START_TEST(test_json_plain)
{
	check_json("", "\"\"");
	check_json("hello, world", "\"hello, world\"");
	check_json("a/b'c", "\"a/b'c\"");
	check_json("\xC3\xB1\xE2\x82\xAC\xE6\xBC\xA2\xF0\x9F\x98\x80", "\"\xC3\xB1\xE2\x82\xAC\xE6\xBC\xA2\xF0\x9F\x98\x80\"");
	check_json("\xC2\xA0", "\"\xC2\xA0\"");
}
END_TEST

/* Quotes and backslashes are escaped with a backslash. */
START_TEST(test_json_quotes_backslash)
{
	check_json("\"", "\"\\\"\"");
	check_json("\\", "\"\\\\\"");
	check_json("say \"hi\" \\o/", "\"say \\\"hi\\\" \\\\o/\"");
	check_json("\\\"", "\"\\\\\\\"\"");
}
END_TEST

/* Every C0 control character and DEL becomes a six-character \u00XX escape. */
START_TEST(test_json_controls)
{
	char in[2], want[16], got[16];
	struct strbuf sb;
	int c;

	for (c = 1; c < 0x80; c++) {
		if (c >= 0x20 && c != 0x7F)
			continue;
		in[0] = (char)c;
		in[1] = '\0';
		snprintf(want, sizeof want, "\"\\u%04x\"", (unsigned)c);
		strbuf_init(&sb);
		strbuf_put_json(&sb, in);
		snprintf(got, sizeof got, "%s", strbuf_cstr(&sb));
		strbuf_free(&sb);
		ck_assert_msg(strcasecmp(got, want) == 0, "0x%02x: got %s, expected %s", (unsigned)c,
		    got, want);
	}
	check_json("a\nb\tc\r", "\"a\\u000ab\\u0009c\\u000d\"");
	check_json("\x1b[0m", "\"\\u001b[0m\"");
	check_json("\x7f", "\"\\u007f\"");
}
END_TEST

/* C1 characters U+0080..U+009F (valid UTF-8) are escaped as \u00XX, U+00A0 is not. */
START_TEST(test_json_c1)
{
	char in[3], want[16], got[16];
	struct strbuf sb;
	unsigned c;

	for (c = 0x80; c <= 0x9F; c++) {
		in[0] = (char)(0xC0 | (c >> 6));
		in[1] = (char)(0x80 | (c & 0x3F));
		in[2] = '\0';
		snprintf(want, sizeof want, "\"\\u%04x\"", c);
		strbuf_init(&sb);
		strbuf_put_json(&sb, in);
		snprintf(got, sizeof got, "%s", strbuf_cstr(&sb));
		strbuf_free(&sb);
		ck_assert_msg(strcasecmp(got, want) == 0, "U+%04X: got %s, expected %s", c, got, want);
	}
	check_json("x\xC2\x85y", "\"x\\u0085y\"");
}
END_TEST

/* Each byte that does not start a valid sequence becomes one U+FFFD; text around it survives. */
START_TEST(test_json_invalid_utf8)
{
	check_json("\xFF", "\"\xEF\xBF\xBD\"");
	check_json("a\x80z", "\"a\xEF\xBF\xBDz\"");
	check_json("\xC0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
	check_json("\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
	check_json("\xF4\x90\x80\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
	check_json("ok\xE2\x82", "\"ok\xEF\xBF\xBD\xEF\xBF\xBD\"");
	check_json("\xE2\x82\"", "\"\xEF\xBF\xBD\xEF\xBF\xBD\\\"\"");
	check_json("\xC3\xB1\xFE\xC3\xB1", "\"\xC3\xB1\xEF\xBF\xBD\xC3\xB1\"");
}
END_TEST

/* put_json appends to existing contents and repeated calls concatenate. */
START_TEST(test_json_appends)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_putc(&sb, '{');
	strbuf_put_json(&sb, "k\"");
	strbuf_putc(&sb, ':');
	strbuf_put_json(&sb, "v\n");
	strbuf_putc(&sb, '}');
	ck_assert_str_eq(strbuf_cstr(&sb), "{\"k\\\"\":\"v\\u000a\"}");
	strbuf_free(&sb);
}
END_TEST

/* A long string full of characters to escape comes out complete. */
START_TEST(test_json_long)
{
	struct strbuf sb, want;
	char *in;
	size_t i, n = 3000;

	in = malloc(n + 1);
	ck_assert_ptr_nonnull(in);
	strbuf_init(&want);
	strbuf_putc(&want, '"');
	for (i = 0; i < n; i++) {
		switch (i % 3) {
		case 0:
			in[i] = '"';
			strbuf_puts(&want, "\\\"");
			break;
		case 1:
			in[i] = '\x01';
			strbuf_puts(&want, "\\u0001");
			break;
		default:
			in[i] = 'x';
			strbuf_putc(&want, 'x');
			break;
		}
	}
	in[n] = '\0';
	strbuf_putc(&want, '"');
	strbuf_init(&sb);
	strbuf_put_json(&sb, in);
	check_contents(&sb, want.data, want.len);
	strbuf_free(&sb);
	strbuf_free(&want);
	free(in);
}
END_TEST

/* reset empties the buffer, keeps its memory, and it can be filled again. */
START_TEST(test_reset)
{
	struct strbuf sb;
	char *data;
	size_t cap;

	strbuf_init(&sb);
	strbuf_reset(&sb);
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_str_eq(strbuf_cstr(&sb), "");
	strbuf_puts(&sb, "some text that will be forgotten");
	data = sb.data;
	cap = sb.cap;
	strbuf_reset(&sb);
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_ptr_eq(sb.data, data);
	ck_assert_uint_eq(sb.cap, cap);
	ck_assert_str_eq(strbuf_cstr(&sb), "");
	strbuf_puts(&sb, "new");
	check_contents(&sb, "new", 3);
	ck_assert_ptr_eq(sb.data, data);
	strbuf_free(&sb);
}
END_TEST

/* free releases the memory and leaves an empty buffer that can be used again. */
START_TEST(test_free_reuse)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_puts(&sb, "first life");
	strbuf_free(&sb);
	ck_assert_ptr_null(sb.data);
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_uint_eq(sb.cap, 0);
	ck_assert_str_eq(strbuf_cstr(&sb), "");
	strbuf_free(&sb);
	strbuf_printf(&sb, "second %s", "life");
	check_contents(&sb, "second life", 11);
	strbuf_free(&sb);
}
END_TEST

/* An append no memory can hold sets failed, and later appends are ignored. */
START_TEST(test_failed_impossible_size)
{
	struct strbuf sb;
	char byte = 'x';

	strbuf_init(&sb);
	strbuf_puts(&sb, "kept");
	strbuf_add(&sb, &byte, SIZE_MAX - 8);
	ck_assert_int_eq(sb.failed, 1);
	ck_assert_uint_eq(sb.len, 4);
	ck_assert_str_eq(strbuf_cstr(&sb), "kept");
	strbuf_puts(&sb, "more");
	strbuf_putc(&sb, '!');
	strbuf_printf(&sb, "%d", 1);
	strbuf_put_utf8(&sb, 0x20AC);
	strbuf_put_json(&sb, "j");
	ck_assert_int_eq(sb.failed, 1);
	ck_assert_uint_eq(sb.len, 4);
	ck_assert_str_eq(strbuf_cstr(&sb), "kept");
	strbuf_free(&sb);
	ck_assert_int_eq(sb.failed, 0);
}
END_TEST

/* A buffer that has failed ignores appends even when there would be room. */
START_TEST(test_failed_sticky)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_puts(&sb, "abc");
	sb.failed = 1;
	strbuf_puts(&sb, "def");
	strbuf_printf(&sb, "%s", "ghi");
	strbuf_putc(&sb, 'j');
	ck_assert_uint_eq(sb.len, 3);
	ck_assert_str_eq(strbuf_cstr(&sb), "abc");
	strbuf_free(&sb);
}
END_TEST

/* The strbuf suite. */
static Suite *
strbuf_suite(void)
{
	Suite *s = suite_create("strbuf");
	TCase *basic = tcase_create("basic");
	TCase *utf8 = tcase_create("utf8");
	TCase *json = tcase_create("json");
	TCase *life = tcase_create("lifecycle");

	tcase_add_test(basic, test_init_empty);
	tcase_add_test(basic, test_empty_appends);
	tcase_add_test(basic, test_append_kinds);
	tcase_add_test(basic, test_embedded_nul);
	tcase_add_test(basic, test_growth_putc);
	tcase_add_test(basic, test_growth_mixed_sizes);
	tcase_add_test(basic, test_growth_exact_boundaries);
	tcase_add_test(basic, test_printf_growth);
	tcase_add_test(basic, test_printf_many);
	suite_add_tcase(s, basic);
	tcase_add_test(utf8, test_put_utf8_valid);
	tcase_add_test(utf8, test_put_utf8_invalid);
	tcase_add_test(utf8, test_put_utf8_nul);
	suite_add_tcase(s, utf8);
	tcase_add_test(json, test_json_plain);
	tcase_add_test(json, test_json_quotes_backslash);
	tcase_add_test(json, test_json_controls);
	tcase_add_test(json, test_json_c1);
	tcase_add_test(json, test_json_invalid_utf8);
	tcase_add_test(json, test_json_appends);
	tcase_add_test(json, test_json_long);
	suite_add_tcase(s, json);
	tcase_add_test(life, test_reset);
	tcase_add_test(life, test_free_reuse);
	tcase_add_test(life, test_failed_impossible_size);
	tcase_add_test(life, test_failed_sticky);
	suite_add_tcase(s, life);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(strbuf_suite());
}
