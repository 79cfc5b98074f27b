/*
 * palette.h - the colours a cell can carry (cell.h: 0 is the terminal's
 * own colour, 1..255 the xterm colours) as terminals show them by
 * default, the nearest of 8 or 16 for a terminal with fewer, and whether
 * one can be read on a given background.
 *
 * Terminals do not say how they draw colour n; they do answer, most of
 * them, what their background is (OSC 11). So the judgement is made with
 * xterm's default palette against the real background, by the contrast
 * ratio of WCAG 2 (relative luminance of sRGB): a colour whose ratio is
 * below PALETTE_MIN_CONTRAST vanishes there (yellow, white and the bright
 * cyan and green on a white background; black and blue on a black one).
 * Colour 0, the terminal's own foreground, always reads.
 */
#ifndef PIZARRA_PALETTE_H
#define PIZARRA_PALETTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PALETTE_MIN_CONTRAST 2.5

struct palette_rgb {
	uint8_t r, g, b;
};

/* xterm's default RGB for colour 1..15 (0 gives black, for the terminal's foreground unknown). */
struct palette_rgb palette_rgb(unsigned colour);

/*
 * xterm's default RGB for any colour 0..255 (masked): 0..15 as
 * palette_rgb, 16..231 the 6x6x6 cube (levels 0, 95, 135, 175, 215, 255),
 * 232..255 the greys 8, 18, ... 238.
 */
struct palette_rgb palette_xterm_rgb(unsigned colour);

/*
 * The colour 0..count-1 (count 8 or 16) of xterm's default palette
 * nearest to xterm colour colour (0..255, masked), by distance in RGB:
 * colour itself when it is below count. For cells on a terminal with
 * fewer colours than they name: cell colour 16 (black) gives 0.
 */
unsigned palette_nearest(unsigned colour, unsigned count);

/*
 * Parse a terminal's answer to OSC 11 ("\e]11;rgb:RRRR/GGGG/BBBB" ended by
 * BEL or ST, 1 to 4 hex digits per channel) found anywhere in buf[0..len).
 * Returns 0 and fills *bg, or -1 when there is none.
 */
int palette_parse_osc11(const char *buf, size_t len, struct palette_rgb *bg);

/*
 * The background from $COLORFGBG ("15;0", "0;default;15": the last field
 * is the background's colour index), as rxvt and some others set it; -1
 * when it is unset or names no colour.
 */
int palette_from_colorfgbg(const char *value, struct palette_rgb *bg);

/* WCAG 2 contrast ratio of two colours, 1 (none) to 21 (black on white). */
double palette_contrast(struct palette_rgb a, struct palette_rgb b);

/* True when colour (0..15) reads on bg: 0 always, the others by contrast. */
bool palette_reads_on(unsigned colour, struct palette_rgb bg);

/* True when bg is a light background (dark text reads on it). */
bool palette_is_light(struct palette_rgb bg);

#endif
