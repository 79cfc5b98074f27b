/*
 * frame.h - what pizarra top and peek share around their own view: a
 * key table's rows (an F-key, up to three other keys, the key bar's label,
 * the help line, the action), looked up, drawn as the key bar and as the
 * help box; keys read through an escape filter (a sequence the terminal
 * description does not know is swallowed, a lone ESC is a key); and the
 * status line with a message that stays for a while. Only frame.c writes
 * a struct frame.
 *
 * The tables hold English (N_()); frame.c translates each label and help
 * line where it draws them (_()), and lays them out by display columns
 * (cell_columns), not bytes, so "Añadir" takes six columns as "Insert".
 */
#ifndef PIZARRA_FRAME_H
#define PIZARRA_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "pzerr.h"

#define FRAME_MESSAGE_MS 5000
#define FRAME_CODE       0x1000000   /* a frame_key keys[] entry that is a KEY_* code */

/* One key of a table; run gets the program's own state. */
struct frame_key {
	int fkey;                  /* n for F-key n, 0 for none */
	int keys[3];               /* characters, or FRAME_CODE | KEY_* codes; 0 ends */
	const char *label;         /* the key bar's (N_()), NULL: not on the bar */
	const char *help;          /* the help box's line (N_()), NULL: not in the help */
	void (*run)(void *ctx);
};

struct frame {
	char message[PZERR_MSG_MAX + 64];
	bool warn;
	uint64_t until;            /* when the message goes (ms), 0 none */
	int esc;                   /* 1 after ESC, 2 inside a CSI or SS3 sequence */
};

/* Milliseconds on the monotonic clock. */
uint64_t frame_now(void);

/* Say something on the status line for FRAME_MESSAGE_MS. */
void frame_say(struct frame *f, bool warn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The message's time is up at now: true when it just went (redraw). */
bool frame_expire(struct frame *f, uint64_t now);

/* The row of keys (n of them) a key is bound to, or NULL. */
const struct frame_key *frame_lookup(const struct frame_key *keys, size_t n, int ret, wint_t ch);

/* True for the keys that quit in every mode: F10, Ctrl-Q, Ctrl-C. */
bool frame_quits(int ret, wint_t ch);

/*
 * The key of an answer in the language of the messages: the first letter
 * (a-z) of its word's translation (word, e.g. _("yes")), as the board's
 * questions do (input.c). 0 when there is none, or when it is the other
 * answer's key (other, translated, or its English key other_english), so
 * a catalog that got it wrong costs the translated key, never a wrong
 * answer. The English key answers beside it.
 */
int frame_answer_letter(const char *word, const char *other, int other_english);

/*
 * Read every pending key and hand each to key(ctx, ret, ch), past the
 * escape filter; a resize lays the screen out again first and is handed
 * over as KEY_RESIZE.
 */
void frame_read_keys(struct frame *f, void (*key)(void *ctx, int ret, wint_t ch), void *ctx);

/* The status line: the title (" TOP "), then text, then the message while it lasts. */
void frame_draw_status(const struct frame *f, const char *title, const char *text, uint64_t now);

/*
 * The key bar: the rows that have a label, F-key first, each label
 * translated and padded to 7 columns (a longer one gets one space after).
 */
void frame_draw_keybar(const struct frame_key *keys, size_t n);

/*
 * The help box over the view: a title, the prose (lines separated by
 * '\n', as translated: a translation may wrap its own lines), then a line
 * per key with a help line. Title and prose are shown as given (the caller
 * translates them); the keys' labels and help lines are translated here.
 */
void frame_draw_help(const char *title, const char *prose, const struct frame_key *keys,
		     size_t n);

#endif
