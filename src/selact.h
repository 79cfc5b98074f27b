/*
 * selact.h - the selection's actions on action.h's desk: the SELECT
 * tool's strokes (a drag marks a rectangle; a drag from inside it moves
 * it) and keys (Enter at two corners marks; arrows move it with what it
 * holds; c copies, x cuts, v pastes, f fills with the brush, Delete or
 * Backspace erases, Esc lets go), and the paste with its preview (Ctrl-V
 * with any tool: Enter or a click places it, the cursor keys move it, Esc
 * cancels). Every operation that writes is one undo step (history.h's
 * kinds). A copy also goes to the terminal's clipboard when osc52.h says
 * so. stroke.c hands these the keys and strokes while selact_on says.
 */
#ifndef PIZARRA_SELACT_H
#define PIZARRA_SELACT_H

#include <stdbool.h>
#include <stdint.h>

#include "action.h"

/* Do the selection's actions take the cursor keys, Enter, Esc and the mouse now? */
bool selact_on(const struct desk *d);

/* Ctrl-V: the clipboard shown at the cursor, to be placed. */
unsigned selact_paste(struct desk *d);

/* A cursor key (arrow: one of the four arrows) moving by (dc, dr). */
unsigned selact_walk(struct desk *d, long dc, long dr, bool arrow);

unsigned selact_enter(struct desk *d);
unsigned selact_escape(struct desk *d);
unsigned selact_type(struct desk *d, uint32_t cp);   /* the SELECT tool's letters */
unsigned selact_delete(struct desk *d);              /* Delete, Backspace */

/* The mouse, on board cells. */
unsigned selact_press(struct desk *d, uint32_t col, uint32_t row);
unsigned selact_drag(struct desk *d, uint32_t col, uint32_t row);
unsigned selact_release(struct desk *d, uint32_t col, uint32_t row);

/* Another tool was chosen: the selection goes (the clipboard stays). */
unsigned selact_tool_changed(struct desk *d);

#endif
