/*
 * paste.h - a bracketed paste being collected: the text between ESC [ 200 ~
 * and ESC [ 201 ~ (screen.c asks the terminal for the markers). ncurses
 * does not know them and passes them on as ESC and plain characters:
 * input.c sees the start marker and hands every key after it here, and
 * this file collects the text as UTF-8 and watches for the end marker.
 * Nothing in a paste is a key: one the terminal description decoded inside
 * it is kept as an ESC, and what is no character as a byte that is not
 * UTF-8, so that the paste is refused, never run. Only paste.c writes a
 * struct paste.
 */
#ifndef PIZARRA_PASTE_H
#define PIZARRA_PASTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

/* A paste larger than this is refused (a 1000x1000 block of 4-byte characters fits). */
#define PASTE_MAX (4u << 20)

/* A paste whose end marker has not come this long after its last byte never ends. */
#define PASTE_IDLE_MS 2000

struct paste {
	bool on;             /* a paste is under way */
	char *text;          /* its text so far (UTF-8; a control key as ESC), malloc'd */
	size_t len, cap;
	bool over;           /* it grew past PASTE_MAX: it will be refused */
	unsigned match;      /* bytes of the end marker ESC [ 2 0 1 ~ matched so far */
	uint64_t at;         /* when its last byte came */
};

/* The start marker came at now: a new paste, empty. */
void paste_start(struct paste *p, uint64_t now);

/* One key (wget_wch's return and character) of the paste at now; true when it ended it. */
bool paste_key(struct paste *p, int ret, wint_t ch, uint64_t now);

/* True when a paste is under way and nothing came for PASTE_IDLE_MS. */
bool paste_idle(const struct paste *p, uint64_t now);

/*
 * Append to line (len bytes of size, kept NUL-terminated) the characters
 * of the paste's first line that a cell can show, as many as fit.
 */
void paste_line(const struct paste *p, char *line, size_t *len, size_t size);

/* Forget the paste (its text freed; no paste is under way after it). */
void paste_free(struct paste *p);

#endif
