/*
 * ui.h - the interactive board (pizarra draw and view): it owns the
 * pieces of the screen and the session, runs the event loop and decides
 * the order in which things are drawn.
 */
#ifndef PIZARRA_UI_H
#define PIZARRA_UI_H

#include <stdbool.h>

#include "cli.h"

/* Run the interactive board on the board o names; returns the exit status. */
int ui_run(struct cli_opts *o, bool readonly);

#endif
