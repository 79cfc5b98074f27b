/*
 * osc52.h - the terminal's clipboard by OSC 52 (ESC ] 52 ; c ; base64 BEL),
 * no curses: the base64 of a text, the sequence (refused above
 * OSC52_MAX_TEXT bytes, more than terminals take), and whether to send it
 * at all, which is decided once per process:
 *
 *   PIZARRA_CLIPBOARD=off     never;
 *   PIZARRA_CLIPBOARD=osc52   always: the user says the terminal takes it
 *                             (xterm with allowWindowOps, or
 *                             disallowedWindowOps without SetSelection;
 *                             kitty, foot, WezTerm...);
 *   unset, empty or auto      only inside tmux whose set-clipboard is "on"
 *                             (asked of tmux itself: "external", tmux's
 *                             default, ignores what programs send).
 *
 * A terminal that is not known to take it is sent nothing: an unknown OSC
 * is harmless to most terminals, but not to all (and xterm's default
 * refuses it anyway, so sending it blind would only look like it worked).
 */
#ifndef PIZARRA_OSC52_H
#define PIZARRA_OSC52_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

#define OSC52_MAX_TEXT 74994   /* 99992 bytes of base64: under tmux's and xterm's limits */

enum osc52_policy {
	OSC52_OFF,
	OSC52_ON,
	OSC52_ASK_TMUX,   /* inside tmux: on when its set-clipboard is "on" */
	OSC52_BAD         /* PIZARRA_CLIPBOARD holds something else: off, and say so */
};

/* Append the base64 (RFC 4648, with padding) of n bytes. */
void osc52_base64(const void *in, size_t n, struct strbuf *out);

/* Append the OSC 52 sequence that puts text in the clipboard; -1 (nothing added) when too long. */
int osc52_sequence(const char *text, size_t n, struct strbuf *out);

/* The policy for this setting (PIZARRA_CLIPBOARD, may be NULL) and $TMUX (may be NULL). */
enum osc52_policy osc52_policy(const char *setting, const char *tmux);

/*
 * Does the tmux we run in take OSC 52 from programs? Runs `tmux
 * show-options -gv set-clipboard` (at most OSC52_ASK_MS), true on "on".
 */
bool osc52_tmux_takes(void);

#define OSC52_ASK_MS 1000

/* Should a copy go to the terminal's clipboard? Decided on the first call, from the environment. */
bool osc52_wanted(enum osc52_policy *why);

#endif
