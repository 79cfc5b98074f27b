/*
 * ui.c - placeholder for the interactive board until the UI lands.
 */
#include <stdlib.h>

#include "cli.h"

/* The interactive board is not built yet. */
int
ui_run(struct cli_opts *o, bool readonly)
{
	(void)o;
	(void)readonly;
	cli_error("the interactive board is not available in this build yet");
	return EXIT_FAILURE;
}
