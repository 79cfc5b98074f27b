/*
 * strbuf.c - a growable byte buffer that remembers allocation failure.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"

/* Start an empty buffer. */
void
strbuf_init(struct strbuf *sb)
{
	sb->data = NULL;
	sb->len = 0;
	sb->cap = 0;
	sb->failed = 0;
}

/* Release the memory and leave an empty buffer. */
void
strbuf_free(struct strbuf *sb)
{
	free(sb->data);
	strbuf_init(sb);
}

/* Forget the contents, keep the memory. */
void
strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->failed = 0;
	if (sb->data != NULL)
		sb->data[0] = '\0';
}

/* Make room for need more bytes plus a NUL; 0 on success. */
static int
strbuf_grow(struct strbuf *sb, size_t need)
{
	size_t cap;
	char *p;

	if (sb->failed)
		return -1;
	if (need < sb->cap - sb->len && sb->data != NULL)
		return 0;
	cap = sb->cap ? sb->cap : 256;
	while (cap - sb->len <= need) {
		if (cap > ((size_t)-1) / 2) {
			sb->failed = 1;
			return -1;
		}
		cap *= 2;
	}
	p = realloc(sb->data, cap);
	if (p == NULL) {
		sb->failed = 1;
		return -1;
	}
	sb->data = p;
	sb->cap = cap;
	return 0;
}

/* Append len bytes. */
void
strbuf_add(struct strbuf *sb, const void *p, size_t len)
{
	if (strbuf_grow(sb, len) != 0)
		return;
	memcpy(sb->data + sb->len, p, len);
	sb->len += len;
	sb->data[sb->len] = '\0';
}

/* Append a C string. */
void
strbuf_puts(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

/* Append one byte. */
void
strbuf_putc(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

/* Append printf-formatted text. */
void
strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || strbuf_grow(sb, (size_t)n) != 0)
		return;
	va_start(ap, fmt);
	vsnprintf(sb->data + sb->len, sb->cap - sb->len, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

/* Append a code point as UTF-8, U+FFFD when invalid. */
void
strbuf_put_utf8(struct strbuf *sb, uint32_t cp)
{
	char out[4];
	int n = utf8_encode(cp, out);

	if (n == 0)
		n = utf8_encode(0xFFFD, out);
	strbuf_add(sb, out, (size_t)n);
}

/* Append s as a JSON string literal; invalid UTF-8 bytes become U+FFFD. */
void
strbuf_put_json(struct strbuf *sb, const char *s)
{
	size_t len = strlen(s), i = 0;
	uint32_t cp;
	int n;

	strbuf_putc(sb, '"');
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			strbuf_putc(sb, '\\');
			strbuf_putc(sb, (char)c);
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			strbuf_printf(sb, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			strbuf_putc(sb, (char)c);
			i++;
		} else if ((n = utf8_decode(s + i, len - i, &cp)) > 0) {
			if (cp >= 0x80 && cp <= 0x9f)
				strbuf_printf(sb, "\\u%04x", cp);
			else
				strbuf_add(sb, s + i, (size_t)n);
			i += (size_t)n;
		} else {
			strbuf_put_utf8(sb, 0xFFFD);
			i++;
		}
	}
	strbuf_putc(sb, '"');
}

/* The contents as a C string, never NULL. */
const char *
strbuf_cstr(struct strbuf *sb)
{
	return sb->data != NULL ? sb->data : "";
}
