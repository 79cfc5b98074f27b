/*
 * keymap.h - the command keys as one table: each row is an F-key, its
 * Ctrl alternative, its labels and help line, and the action it runs. The
 * same rows drive dispatch, the key bar and the help box, so they cannot
 * disagree. Beside it, the drawing keys (arrows, Enter, Backspace...) as a
 * second table of key and action.
 */
#ifndef PIZARRA_KEYMAP_H
#define PIZARRA_KEYMAP_H

#include <stdbool.h>
#include <wchar.h>

#include "action.h"

struct keymap_binding {
	int fkey;                     /* KEY_F(n); 0: a Ctrl key alone (the help has it, not the bar) */
	int ctrl;                     /* its Ctrl alternative */
	const char *label;            /* key bar, 81 columns and more */
	const char *short_label;      /* key bar, narrower */
	const char *detached_label;   /* instead, while detached (NULL: the same) */
	const char *detached_short;
	const char *help;             /* the help box's line */
	action_fn run;
	bool drawer_only;             /* nothing a viewer can do: not in its key bar */
};

/* The command bound to a key (an F-key or its Ctrl alternative; ^C quits), or NULL. */
const struct keymap_binding *keymap_command(int ret, wint_t ch);

/* True when the key quits, whatever the screen is doing. */
bool keymap_quits(int ret, wint_t ch);

/* The drawing key's action (arrows, Enter, Backspace, Tab, Esc...), or NULL. */
action_fn keymap_drawing(int ret, wint_t ch);

/* The key bar at the bottom, htop style; a viewer's leaves out what it cannot do. */
void keymap_draw_bar(bool attached, bool viewer);

/* The help's lines, and how many the box shows at a time on this terminal. */
int keymap_help_lines(void);
int keymap_help_page(void);

/*
 * The help box over the canvas, from line top on (clamped); when it does
 * not all fit, the box says how to scroll and that there is more.
 */
void keymap_draw_help(int top);

#endif
