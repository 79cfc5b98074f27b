/*
 * strbuf.h - a growable byte buffer for text the core builds (dumps, JSON).
 *
 * Appends never fail silently: when memory runs out the buffer remembers it
 * (failed = 1) and later appends are ignored, so callers check once at the end.
 */
#ifndef PIZARRA_STRBUF_H
#define PIZARRA_STRBUF_H

#include <stddef.h>
#include <stdint.h>

struct strbuf {
	char *data;     /* NUL-terminated when len > 0 or after strbuf_cstr */
	size_t len;
	size_t cap;
	int failed;     /* an allocation failed; contents are incomplete */
};

/* Start an empty buffer (no allocation until the first append). */
void strbuf_init(struct strbuf *sb);

/* Release the memory; the buffer is empty and reusable afterwards. */
void strbuf_free(struct strbuf *sb);

/* Forget the contents but keep the memory. */
void strbuf_reset(struct strbuf *sb);

/* Append len bytes. */
void strbuf_add(struct strbuf *sb, const void *p, size_t len);

/* Append a NUL-terminated string. */
void strbuf_puts(struct strbuf *sb, const char *s);

/* Append one byte. */
void strbuf_putc(struct strbuf *sb, char c);

/* Append printf-formatted text. */
void strbuf_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Append a code point as UTF-8 (invalid ones as U+FFFD). */
void strbuf_put_utf8(struct strbuf *sb, uint32_t cp);

/* Append s as a JSON string literal, quotes included. */
void strbuf_put_json(struct strbuf *sb, const char *s);

/* Return the contents as a C string ("" when empty); never NULL. */
const char *strbuf_cstr(struct strbuf *sb);

#endif
