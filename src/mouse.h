/*
 * mouse.h - a mouse event while drawing, read (getmouse) and done: a
 * press, a drag and a release as strokes on the board cells under them,
 * the wheel (buttons 4 and 5) as a pan of the view (with Shift or Ctrl,
 * sideways). Called by input.c only.
 */
#ifndef PIZARRA_MOUSE_H
#define PIZARRA_MOUSE_H

#include "action.h"

/* Read the pending mouse event and act on it; ACT_* bits (what to redraw). */
unsigned mouse_event(struct desk *d);

#endif
