/*
 * utf8.c - strict UTF-8 (RFC 3629) decoding, encoding and validation, and
 * the escaping of a string for a one-line message.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* Decode one code point; bytes used, or -1 when invalid. */
int
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	int n, i;

	if (len == 0)
		return -1;
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		return -1;
	}
	if ((size_t)n > len)
		return -1;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return n;
}

/* Encode cp; the length, or 0 when cp is not a Unicode scalar value. */
int
utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp <= 0x10FFFF) {
		out[0] = (char)(0xF0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F));
		return 4;
	}
	return 0;
}

/* Check a whole buffer; -1 with the offset of the first bad byte. */
int
utf8_validate(const char *s, size_t len, size_t *bad_off)
{
	size_t i = 0;
	uint32_t cp;
	int n;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n < 0) {
			if (bad_off != NULL)
				*bad_off = i;
			return -1;
		}
		i += (size_t)n;
	}
	return 0;
}

/* Characters that are invisible or reorder text: shown as \u{XXXX}. */
static bool
utf8_hidden(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0xAD || cp == 0x061C ||
	    (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
	    (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF ||
	    (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

/* The escaped form of the character at s[0..len): its bytes used, the text in piece. */
static int
utf8_piece(const char *s, size_t len, char piece[16])
{
	uint32_t cp;
	int m = utf8_decode(s, len, &cp);

	if (m < 0) {
		snprintf(piece, 16, "\\x%02X", (unsigned char)s[0]);
		return 1;
	}
	if (cp == '\\')
		strcpy(piece, "\\\\");
	else if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x1B)
		snprintf(piece, 16, "\\%c",
		    cp == '\n' ? 'n' : cp == '\r' ? 'r' : cp == '\t' ? 't' : 'e');
	else if (cp < 0x20 || cp == 0x7F)
		snprintf(piece, 16, "\\x%02X", (unsigned)cp);
	else if (utf8_hidden(cp))
		snprintf(piece, 16, "\\u{%04X}", (unsigned)cp);
	else {
		memcpy(piece, s, (size_t)m);
		piece[m] = '\0';
	}
	return m;
}

/* Escape s for a one-line message. */
const char *
utf8_escape(const char *s, char *buf, size_t n)
{
	size_t len = strlen(s), i, o = 0, k, total = 0;
	char piece[16];
	bool cut;

	if (n == 0)
		return buf;
	for (i = 0; i < len; total += strlen(piece))
		i += (size_t)utf8_piece(s + i, len - i, piece);
	cut = total >= n;
	for (i = 0; i < len;) {
		int m = utf8_piece(s + i, len - i, piece);

		k = strlen(piece);
		if (o + k + (cut ? 3 : 0) >= n)
			break;
		memcpy(buf + o, piece, k);
		o += k;
		i += (size_t)m;
	}
	if (cut && o + 3 < n) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
	return buf;
}
