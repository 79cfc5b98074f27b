/*
 * cli_parse.c - the values of options and operands (see cli_parse.h). A
 * number is read digit by digit, so that no value wraps and a sign, a
 * space or a stray character is refused (strtoul would take some); what is
 * wrong is said in the reader's language (i18n.h), with the value typed
 * escaped (utf8_escape), as every message shows a name.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>

#include "board.h"
#include "cli_parse.h"
#include "i18n.h"
#include "utf8.h"

/*
 * Digits only (after 0x when hex_ok): no sign, no space, never empty, and
 * no wrapping: a value that does not fit is out of range, however long.
 */
int
cli_parse_number(const char *s, bool hex_ok, uint64_t min, uint64_t max, uint64_t *out)
{
	unsigned base = 10, d;
	uint64_t v = 0;
	bool over = false;
	const char *p = s;

	if (hex_ok && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	if (*p == '\0')
		return CLI_NUM_BAD;
	for (; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			d = (unsigned)(*p - '0');
		else if (base == 16 && *p >= 'a' && *p <= 'f')
			d = (unsigned)(*p - 'a' + 10);
		else if (base == 16 && *p >= 'A' && *p <= 'F')
			d = (unsigned)(*p - 'A' + 10);
		else
			return CLI_NUM_BAD;
		if (v > (UINT64_MAX - d) / base)
			over = true;
		else
			v = v * base + d;
	}
	if (over || v < min || v > max)
		return CLI_NUM_RANGE;
	*out = v;
	return CLI_NUM_OK;
}

int
cli_parse_u32(const char *s, bool hex_ok, unsigned long max, uint32_t *out)
{
	uint64_t v;

	if (cli_parse_number(s, hex_ok, 0, max > 0xFFFFFFFFul ? 0xFFFFFFFFul : max, &v) != 0)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

int
cli_parse_mode(const char *s, mode_t *mode, const char **why)
{
	unsigned long v = 0;
	const char *p;

	/* TRANSLATORS: the mode's reasons follow "-m: '0999' " (the mode typed) */
	*why = _("is not an octal mode like 0600 or 0660");
	if (*s == '\0')
		return -1;
	for (p = s; *p != '\0'; p++) {
		if (*p < '0' || *p > '7')
			return -1;
		if (v <= 07777)
			v = v * 8 + (unsigned long)(*p - '0');
	}
	*why = _("has bits beyond 0777");
	if (v > 0777)
		return -1;
	*why = _("would lock out the board's owner: keep 0600 (owner read and write)");
	if ((v & 0600) != 0600)
		return -1;
	*why = _("gives the group write without read, which lets no one in it attach (shmat "
	    "needs read to attach for writing): 0660 lets the group draw, 0640 view");
	if ((v & 0060) == 0020)
		return -1;
	*why = _("gives others write without read, which lets none of them attach (shmat "
	    "needs read to attach for writing): 0666 lets everyone draw, 0644 view");
	if ((v & 0006) == 0002)
		return -1;
	*mode = (mode_t)v;
	return 0;
}

/* One side of USER[:GROUP]: a name the lookup knows, or a number 0..4294967294. */
static int
cli_parse_part(const char *s, bool group, uint64_t *v, char *why, size_t n)
{
	struct passwd *pw;
	struct group *gr;
	char q[128];
	int r;

	if (!group && (pw = getpwnam(s)) != NULL) {
		*v = pw->pw_uid;
		return 0;
	}
	if (group && (gr = getgrnam(s)) != NULL) {
		*v = gr->gr_gid;
		return 0;
	}
	utf8_escape(s, q, sizeof q);
	/* (uid_t)-1 is "no change" to the kernel: the largest id is one less */
	r = cli_parse_number(s, false, 0, 4294967294u, v);
	if (r == CLI_NUM_RANGE && group)
		snprintf(why, n, _("GROUP '%s' is out of range (group ids are 0-4294967294)"), q);
	else if (r == CLI_NUM_RANGE)
		snprintf(why, n, _("USER '%s' is out of range (user ids are 0-4294967294)"), q);
	else if (r != 0 && group)
		snprintf(why, n, _("GROUP '%s' is not a known group nor a number (0-4294967294)"), q);
	else if (r != 0)
		snprintf(why, n, _("USER '%s' is not a known user nor a number (0-4294967294)"), q);
	return r == 0 ? 0 : -1;
}

int
cli_parse_owner(const char *spec, uid_t *uid, gid_t *gid, char *why, size_t n)
{
	char buf[256], *colon, q[128];
	uint64_t v;

	*uid = (uid_t)-1;
	*gid = (gid_t)-1;
	if (strlen(spec) >= sizeof buf) {
		snprintf(why, n, _("'%s' is too long for USER[:GROUP]"), utf8_escape(spec, q, sizeof q));
		return -1;
	}
	strcpy(buf, spec);
	colon = strchr(buf, ':');
	if (colon != NULL)
		*colon++ = '\0';
	if (buf[0] != '\0') {
		if (cli_parse_part(buf, false, &v, why, n) != 0)
			return -1;
		*uid = (uid_t)v;
	}
	if (colon != NULL && colon[0] != '\0') {
		if (cli_parse_part(colon, true, &v, why, n) != 0)
			return -1;
		*gid = (gid_t)v;
	}
	if (*uid == (uid_t)-1 && *gid == (gid_t)-1) {
		snprintf(why, n, _("'%s' names neither a USER nor a GROUP"), utf8_escape(spec, q, sizeof q));
		return -1;
	}
	return 0;
}

/* Two numbers split at the first of a few separators (a size, a position). */
struct cli_pair {
	char buf[64];          /* the first number, then the second after its NUL */
	char *second;
	uint64_t v[2];
	int rc[2];             /* each number's CLI_NUM_* */
};

/*
 * Split s at the first of seps and parse both sides, the first within
 * lim[0]-lim[1], the second within lim[2]-lim[3]. -1 when s is too long,
 * has no separator or a side is no number (CLI_NUM_BAD); a side out of
 * range is the caller's to say (p->rc).
 */
static int
cli_parse_pair(const char *s, const char *seps, const uint64_t lim[4], struct cli_pair *p)
{
	if (strlen(s) >= sizeof p->buf)
		return -1;
	strcpy(p->buf, s);
	if ((p->second = strpbrk(p->buf, seps)) == NULL)
		return -1;
	*p->second++ = '\0';
	p->rc[0] = cli_parse_number(p->buf, false, lim[0], lim[1], &p->v[0]);
	p->rc[1] = cli_parse_number(p->second, false, lim[2], lim[3], &p->v[1]);
	return p->rc[0] == CLI_NUM_BAD || p->rc[1] == CLI_NUM_BAD ? -1 : 0;
}

/* COLSxROWS: both numbers in range, and their product too. */
int
cli_parse_size(const char *s, uint32_t *cols, uint32_t *rows, char *why, size_t n)
{
	static const uint64_t lim[4] = { BOARD_MIN_COLS, BOARD_MAX_COLS, BOARD_MIN_ROWS,
	    BOARD_MAX_ROWS };
	struct cli_pair p;
	char q[96];

	utf8_escape(s, q, sizeof q);
	snprintf(why, n, _("'%s' is not a size like 80x24 (COLSxROWS)"), q);
	if (cli_parse_pair(s, "xX", lim, &p) != 0)
		return -1;
	if (p.rc[0] == CLI_NUM_RANGE) {
		snprintf(why, n, _("'%s': %s columns is out of range (%u-%u)"), q, p.buf,
		    BOARD_MIN_COLS, BOARD_MAX_COLS);
		return -1;
	}
	if (p.rc[1] == CLI_NUM_RANGE) {
		snprintf(why, n, _("'%s': %s rows is out of range (%u-%u)"), q, p.second,
		    BOARD_MIN_ROWS, BOARD_MAX_ROWS);
		return -1;
	}
	if (p.v[0] * p.v[1] > BOARD_MAX_CELLS) {
		snprintf(why, n, _("'%s': %llu cells is out of range (at most %u)"), q,
		    (unsigned long long)(p.v[0] * p.v[1]), BOARD_MAX_CELLS);
		return -1;
	}
	*cols = (uint32_t)p.v[0];
	*rows = (uint32_t)p.v[1];
	return 0;
}

/* COL,ROW: two numbers 0-65535, as put takes them. */
int
cli_parse_at(const char *s, uint32_t *col, uint32_t *row, char *why, size_t n)
{
	static const uint64_t lim[4] = { 0, 0xFFFF, 0, 0xFFFF };
	struct cli_pair p;
	char q[96];

	utf8_escape(s, q, sizeof q);
	snprintf(why, n, _("'%s' is not a position like 10,3 (COL,ROW, counted from 0)"), q);
	if (cli_parse_pair(s, ",", lim, &p) != 0)
		return -1;
	if (p.rc[0] == CLI_NUM_RANGE || p.rc[1] == CLI_NUM_RANGE) {
		snprintf(why, n, _("'%s': %s is out of range (0-65535)"), q,
		    p.rc[0] == CLI_NUM_RANGE ? p.buf : p.second);
		return -1;
	}
	*col = (uint32_t)p.v[0];
	*row = (uint32_t)p.v[1];
	return 0;
}
