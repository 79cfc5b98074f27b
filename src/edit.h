/*
 * edit.h - the commands that change a board's cells from a script: load
 * (replace the board with a text file), put (write text at a position) and
 * clear. Input is checked whole before the board is touched; each returns
 * the exit status and has printed any error.
 */
#ifndef PIZARRA_EDIT_H
#define PIZARRA_EDIT_H

#include "cli.h"

/* pizarra load FILE */
int edit_load(struct cli_opts *o);

/* pizarra put COL ROW TEXT */
int edit_put(struct cli_opts *o);

/* pizarra clear */
int edit_clear(struct cli_opts *o);

#endif
