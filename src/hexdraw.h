/*
 * hexdraw.h - the byte view's frame (hexview.h) drawn into a window: the
 * description of the element under the cursor, then the rows (offset,
 * elements, characters), changed bytes lit for a moment.
 */
#ifndef PIZARRA_HEXDRAW_H
#define PIZARRA_HEXDRAW_H

#include <stdint.h>

#include "boardmap.h"
#include "hexview.h"
#include "screen.h"

/*
 * Draw the frame hexview_update laid out into win: the description of the
 * element under the cursor (names, when not NULL, says the segment is that
 * board), then the rows.
 */
void hexdraw_view(const struct hexview *h, WINDOW *win, const struct boardmap *names,
    uint64_t now);

#endif
