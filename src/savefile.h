/*
 * savefile.h - a board written to a file for the interactive board's F6
 * (through session_save), no curses: the format the name's extension
 * names, written whole or not at all.
 */
#ifndef PIZARRA_SAVEFILE_H
#define PIZARRA_SAVEFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "board.h"
#include "pzerr.h"

/*
 * Write b to path ("~" and "~user" expand; relative to the working
 * directory) in the format export_format_for names: into a temporary file
 * beside it, then renamed over the name. The file's mode is 0600 plus
 * board_mode's read bits for the group and others, less the umask. An
 * existing file is replaced only when overwrite is set, else -1 with
 * EEXIST. No board or an empty path: -1 with EINVAL, "nothing saved".
 * *bytes gets the size written (0 on failure).
 */
int savefile_write(const struct board *b, const char *path, mode_t board_mode, bool overwrite,
		   size_t *bytes, struct pzerr *e);

#endif
