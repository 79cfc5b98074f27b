/*
 * show.h - the commands that only read a board: info (the segment's
 * shmid_ds, the key's derivation, the board and its clients, as text or
 * JSON) and dump (the board as UTF-8 text, optionally with colours).
 * Each returns the exit status and has printed any error.
 */
#ifndef PIZARRA_SHOW_H
#define PIZARRA_SHOW_H

#include "cli.h"

/* pizarra info [--json] */
int show_info(struct cli_opts *o);

/* pizarra dump [--ansi] */
int show_dump(struct cli_opts *o);

#endif
