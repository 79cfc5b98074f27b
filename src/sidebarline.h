/*
 * sidebarline.h - the text of one client's line in the sidebar's CLIENTS
 * section, no curses: the pid, the user and the terminal, then "you" for
 * our own slot, each separated by at least one space whatever the
 * terminal's name is ("pts/105 you", never "pts/105you").
 */
#ifndef PIZARRA_SIDEBARLINE_H
#define PIZARRA_SIDEBARLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "client.h"

/* Write c's line into out (n bytes, NUL-terminated, cut to fit); mine: it is ours. */
void sidebarline_client(char *out, size_t n, const struct client_info *c, bool mine);

#endif
