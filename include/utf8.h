/*
 * utf8.h - strict UTF-8 decoding and encoding.
 *
 * Strict means RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF. Decoding never reads past the end it is given.
 *
 * utf8_escape makes any string (a file name, say) safe to put in a
 * one-line message: what a terminal would act on or hide is spelled out.
 */
#ifndef PIZARRA_UTF8_H
#define PIZARRA_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode one code point from s[0..len). Returns the number of bytes used
 * (1-4) and stores the code point in *cp, or returns -1 when the bytes are
 * not valid UTF-8 (or len is 0); *cp is then undefined.
 */
int utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp into out (at least 4 bytes); returns the length, 0 if cp is invalid. */
int utf8_encode(uint32_t cp, char out[4]);

/*
 * Check that s[0..len) is entirely valid UTF-8. Returns 0, or -1 with the
 * byte offset of the first bad sequence in *bad_off.
 */
int utf8_validate(const char *s, size_t len, size_t *bad_off);

/*
 * Copy the C string s into buf (n bytes, always NUL-terminated when n > 0)
 * for a one-line message: printable characters as they are; a backslash
 * as \\; \n, \r, \t, \e for those controls; any other C0 control, DEL
 * and every byte that is not valid UTF-8 as \xHH (one per byte); C1
 * controls, and the invisible characters that reorder or hide text
 * (zero-width, bidi controls, line and paragraph separators, BOM) as
 * \u{XXXX}. What does not fit is cut at a whole escape or character and
 * marked with "...". Returns buf.
 */
const char *utf8_escape(const char *s, char *buf, size_t n);

#endif
