/*
 * cli_parse.h - the values options and operands are given in: numbers
 * (digits only, range-checked, never wrapping), board sizes, permission
 * modes and owners. Nothing is printed: a failure is a code, or a
 * sentence in why, for the caller to report (cli.h, the UI's prompts).
 * The bottom of the front-end: no curses, no other front-end file.
 */
#ifndef PIZARRA_CLI_PARSE_H
#define PIZARRA_CLI_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* What cli_parse_number found. */
#define CLI_NUM_OK      0
#define CLI_NUM_BAD   (-1)   /* not a number: empty, a sign, a space, any other character */
#define CLI_NUM_RANGE (-2)   /* a number, but outside min..max (however many digits) */

/*
 * Parse an unsigned number: decimal digits only, or 0x and hex digits when
 * hex_ok; no sign, no space, never empty, never wrapping. Returns
 * CLI_NUM_OK with *out set, CLI_NUM_BAD or CLI_NUM_RANGE.
 */
int cli_parse_number(const char *s, bool hex_ok, uint64_t min, uint64_t max, uint64_t *out);

/* cli_parse_number from 0 to max (at most 0xFFFFFFFF): 0, or -1 for either failure. */
int cli_parse_u32(const char *s, bool hex_ok, unsigned long max, uint32_t *out);

/*
 * Check a permission mode for a board: octal digits only, at most 0777,
 * the owner's rw kept, and no class given write without read (shmat needs
 * read to attach for writing, so such a mode lets no one of that class
 * in). On failure *why completes "'MODE' ..." (a static string). The UI's
 * F5 prompt uses it too.
 */
int cli_parse_mode(const char *s, mode_t *mode, const char **why);

/*
 * Parse USER[:GROUP]: names, or numbers 0-4294967294 ((uid_t)-1 means "no
 * change" to the kernel, so it is refused); (uid_t)-1 / (gid_t)-1 for the
 * part not given. On failure why (n bytes) says which part is wrong and
 * how, naming the range.
 */
int cli_parse_owner(const char *spec, uid_t *uid, gid_t *gid, char *why, size_t n);

/*
 * Parse "COLSxROWS" within the board limits; on failure why (n bytes)
 * says what is wrong (malformed, or which part is out of which range).
 */
int cli_parse_size(const char *s, uint32_t *cols, uint32_t *rows, char *why, size_t n);

/*
 * Parse "COL,ROW" (a block's top left, 0-based): two numbers 0-65535.
 * On failure why (n bytes) says what is wrong.
 */
int cli_parse_at(const char *s, uint32_t *col, uint32_t *row, char *why, size_t n);

#endif
