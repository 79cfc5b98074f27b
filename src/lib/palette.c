/*
 * palette.c - colours against a background. Luminance follows WCAG 2:
 * each sRGB channel is linearised (c/12.92 below 0.03928, else
 * ((c+0.055)/1.055)^2.4) and weighted 0.2126 R + 0.7152 G + 0.0722 B; the
 * contrast of two luminances is (L1 + 0.05) / (L2 + 0.05), the lighter on
 * top. The palette is xterm's default one (its XTerm-col.ad resources).
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "palette.h"

static const struct palette_rgb palette_xterm[16] = {
	{ 0x00, 0x00, 0x00 }, { 0xcd, 0x00, 0x00 }, { 0x00, 0xcd, 0x00 }, { 0xcd, 0xcd, 0x00 },
	{ 0x00, 0x00, 0xee }, { 0xcd, 0x00, 0xcd }, { 0x00, 0xcd, 0xcd }, { 0xe5, 0xe5, 0xe5 },
	{ 0x7f, 0x7f, 0x7f }, { 0xff, 0x00, 0x00 }, { 0x00, 0xff, 0x00 }, { 0xff, 0xff, 0x00 },
	{ 0x5c, 0x5c, 0xff }, { 0xff, 0x00, 0xff }, { 0x00, 0xff, 0xff }, { 0xff, 0xff, 0xff },
};

struct palette_rgb
palette_rgb(unsigned colour)
{
	return palette_xterm[colour & 15];
}

struct palette_rgb
palette_xterm_rgb(unsigned colour)
{
	static const uint8_t level[6] = { 0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff };
	struct palette_rgb c;
	unsigned n = colour & 0xFF, g;

	if (n < 16)
		return palette_xterm[n];
	if (n >= 232) {
		g = 8 + 10 * (n - 232);
		c.r = c.g = c.b = (uint8_t)g;
		return c;
	}
	n -= 16;
	c.r = level[n / 36];
	c.g = level[n / 6 % 6];
	c.b = level[n % 6];
	return c;
}

unsigned
palette_nearest(unsigned colour, unsigned count)
{
	struct palette_rgb want = palette_xterm_rgb(colour), have;
	unsigned i, best = 0;
	long d, best_d = -1;

	colour &= 0xFF;
	if (colour < count)
		return colour;
	if (count > 16)
		count = 16;
	for (i = 0; i < count; i++) {
		have = palette_xterm[i];
		d = (long)(want.r - have.r) * (want.r - have.r) +
		    (long)(want.g - have.g) * (want.g - have.g) +
		    (long)(want.b - have.b) * (want.b - have.b);
		if (best_d < 0 || d < best_d) {
			best = i;
			best_d = d;
		}
	}
	return best;
}

/* One channel, "RRRR" of 1..4 hex digits, scaled to 0..255; the end of it in *end. */
static int
palette_channel(const char *s, const char *limit, const char **end, uint8_t *out)
{
	unsigned long v = 0;
	int digits = 0;

	while (s < limit && isxdigit((unsigned char)*s) && digits < 4) {
		v = v * 16 + (unsigned long)(isdigit((unsigned char)*s) ? *s - '0' :
		    tolower((unsigned char)*s) - 'a' + 10);
		s++;
		digits++;
	}
	if (digits == 0)
		return -1;
	*out = (uint8_t)(v * 255 / ((1ul << (4 * digits)) - 1));
	*end = s;
	return 0;
}

int
palette_parse_osc11(const char *buf, size_t len, struct palette_rgb *bg)
{
	static const char intro[] = "\033]11;rgb:";
	const char *limit = buf + len, *p = buf, *q;
	uint8_t c[3];
	int i;

	while ((q = memchr(p, '\033', (size_t)(limit - p))) != NULL) {
		p = q + 1;
		if ((size_t)(limit - q) < sizeof intro - 1 || memcmp(q, intro, sizeof intro - 1) != 0)
			continue;
		q += sizeof intro - 1;
		for (i = 0; i < 3; i++) {
			if (palette_channel(q, limit, &q, &c[i]) != 0)
				break;
			if (i < 2 && (q >= limit || *q++ != '/'))
				break;
		}
		if (i < 3)
			continue;
		bg->r = c[0];
		bg->g = c[1];
		bg->b = c[2];
		return 0;
	}
	return -1;
}

int
palette_from_colorfgbg(const char *value, struct palette_rgb *bg)
{
	const char *last;
	char *end;
	long n;

	if (value == NULL || value[0] == '\0')
		return -1;
	last = strrchr(value, ';');
	last = last != NULL ? last + 1 : value;
	n = strtol(last, &end, 10);
	if (end == last || *end != '\0' || n < 0 || n > 15)
		return -1;
	*bg = palette_xterm[n];
	return 0;
}

/* The relative luminance of one colour. */
static double
palette_luminance(struct palette_rgb c)
{
	double ch[3] = { c.r / 255.0, c.g / 255.0, c.b / 255.0 };
	int i;

	for (i = 0; i < 3; i++)
		ch[i] = ch[i] <= 0.03928 ? ch[i] / 12.92 : pow((ch[i] + 0.055) / 1.055, 2.4);
	return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

double
palette_contrast(struct palette_rgb a, struct palette_rgb b)
{
	double la = palette_luminance(a), lb = palette_luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

bool
palette_reads_on(unsigned colour, struct palette_rgb bg)
{
	colour &= 15;
	return colour == 0 || palette_contrast(palette_xterm[colour], bg) >= PALETTE_MIN_CONTRAST;
}

/* Light when black text stands out on it more than white text does. */
bool
palette_is_light(struct palette_rgb bg)
{
	struct palette_rgb black = { 0, 0, 0 }, white = { 255, 255, 255 };

	return palette_contrast(black, bg) > palette_contrast(white, bg);
}
