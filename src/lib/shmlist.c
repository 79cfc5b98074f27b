/*
 * shmlist.c - /proc/sysvipc/shm read as a table (see shmlist.h). The
 * heading line names the columns; each later line is split at blanks and
 * every value read as digits without wrapping. The file is read whole
 * first (the kernel builds it as it is read, one segment at a time), then
 * parsed, so a slow reader cannot see a row half-printed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "shmlist.h"

#define SHMLIST_MAX_BYTES (64u << 20)   /* a table larger than this is refused */

static const char *const shmlist_names[SHMLIST_NFIELDS] = {
	[SHMLIST_KEY] = "key", [SHMLIST_SHMID] = "shmid", [SHMLIST_PERMS] = "perms",
	[SHMLIST_SIZE] = "size", [SHMLIST_CPID] = "cpid", [SHMLIST_LPID] = "lpid",
	[SHMLIST_NATTCH] = "nattch", [SHMLIST_UID] = "uid", [SHMLIST_GID] = "gid",
	[SHMLIST_CUID] = "cuid", [SHMLIST_CGID] = "cgid", [SHMLIST_ATIME] = "atime",
	[SHMLIST_DTIME] = "dtime", [SHMLIST_CTIME] = "ctime", [SHMLIST_RSS] = "rss",
	[SHMLIST_SWAP] = "swap",
};

const char *
shmlist_name(enum shmlist_field f)
{
	return (unsigned)f < SHMLIST_NFIELDS ? shmlist_names[f] : "?";
}

void
shmlist_init(struct shmlist *l)
{
	memset(l, 0, sizeof *l);
}

void
shmlist_free(struct shmlist *l)
{
	free(l->seg);
	shmlist_init(l);
}

/* The field named by len bytes at w, or -1 for a column we do not know. */
static int
shmlist_column(const char *w, size_t len)
{
	int f;

	for (f = 0; f < SHMLIST_NFIELDS; f++)
		if (strlen(shmlist_names[f]) == len && memcmp(shmlist_names[f], w, len) == 0)
			return f;
	return -1;
}

/*
 * One value: digits in base (8 for perms, else 10), a '-' allowed only
 * when sign is set; at most max (for a negative value, its magnitude at
 * most max + 1, stored as its 32 bits: only key is signed). 0 or -1.
 */
static int
shmlist_value(const char *w, size_t len, unsigned base, bool sign, uint64_t max, uint64_t *out)
{
	bool neg = false;
	uint64_t v = 0, d;
	size_t i = 0;

	if (sign && len > 0 && w[0] == '-') {
		neg = true;
		i = 1;
	}
	if (i == len)
		return -1;
	for (; i < len; i++) {
		if (w[i] < '0' || w[i] >= (char)('0' + base))
			return -1;
		d = (uint64_t)(w[i] - '0');
		if (v > (UINT64_MAX - d) / base)
			return -1;
		v = v * base + d;
	}
	if (neg) {
		if (v > max + 1)
			return -1;
		*out = (uint64_t)(uint32_t)(-(int64_t)v);
		return 0;
	}
	if (v > max)
		return -1;
	*out = v;
	return 0;
}

/* Append a row; -1 when memory runs out. */
static int
shmlist_push(struct shmlist *l, const struct shmlist_seg *s)
{
	struct shmlist_seg *p;
	size_t cap;

	if (l->n == l->cap) {
		cap = l->cap ? l->cap * 2 : 64;
		p = realloc(l->seg, cap * sizeof *p);
		if (p == NULL)
			return -1;
		l->seg = p;
		l->cap = cap;
	}
	l->seg[l->n++] = *s;
	return 0;
}

/* Split a line at blanks into at most max words (start and length). */
static int
shmlist_words(const char *s, size_t len, const char **w, size_t *wl, int max)
{
	size_t i = 0, start;
	int n = 0;

	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == len)
			break;
		start = i;
		while (i < len && s[i] != ' ' && s[i] != '\t')
			i++;
		if (n == max)
			return max + 1;
		w[n] = s + start;
		wl[n++] = i - start;
	}
	return n;
}

#define SHMLIST_MAX_COLS 32

/* Parse one data row with the columns of the heading; false when it does not read. */
static bool
shmlist_row(const char *line, size_t len, const int *col, int ncols, struct shmlist_seg *s)
{
	const char *w[SHMLIST_MAX_COLS];
	size_t wl[SHMLIST_MAX_COLS];
	uint64_t max;
	int i, n = shmlist_words(line, len, w, wl, SHMLIST_MAX_COLS);

	if (n != ncols)
		return false;
	memset(s, 0, sizeof *s);
	for (i = 0; i < n; i++) {
		int f = col[i];

		if (f < 0)
			continue;
		max = f == SHMLIST_KEY || f == SHMLIST_SHMID ? 0x7FFFFFFF : UINT64_MAX;
		if (f == SHMLIST_CPID || f == SHMLIST_LPID || f == SHMLIST_UID ||
		    f == SHMLIST_GID || f == SHMLIST_CUID || f == SHMLIST_CGID)
			max = 0xFFFFFFFF;
		if (shmlist_value(w[i], wl[i], f == SHMLIST_PERMS ? 8 : 10, f == SHMLIST_KEY, max,
		    &s->v[f]) != 0)
			return false;
	}
	return true;
}

int
shmlist_parse(struct shmlist *l, const char *text, size_t len, struct pzerr *e)
{
	const char *w[SHMLIST_MAX_COLS], *p = text, *end = text + len, *nl;
	size_t wl[SHMLIST_MAX_COLS];
	int col[SHMLIST_MAX_COLS], ncols, i, f;
	struct shmlist_seg s;
	bool heading = true;

	l->n = 0;
	l->skipped = 0;
	memset(l->have, 0, sizeof l->have);
	ncols = 0;
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (heading) {
			ncols = shmlist_words(p, (size_t)(nl - p), w, wl, SHMLIST_MAX_COLS);
			if (ncols > SHMLIST_MAX_COLS)
				ncols = 0;
			for (i = 0; i < ncols; i++) {
				col[i] = f = shmlist_column(w[i], wl[i]);
				if (f >= 0) {
					if (l->have[f])
						col[i] = -1;
					l->have[f] = true;
				}
			}
			if (!l->have[SHMLIST_KEY] || !l->have[SHMLIST_SHMID] || !l->have[SHMLIST_PERMS]
			    || !l->have[SHMLIST_SIZE])
				return pzerr_set(e, EPROTO, _("%s: the heading line does not name the "
				    "columns key, shmid, perms and size"), SHMLIST_PATH);
			heading = false;
			continue;
		}
		if (nl == p)
			continue;
		if (!shmlist_row(p, (size_t)(nl - p), col, ncols, &s)) {
			l->skipped++;
			continue;
		}
		if (shmlist_push(l, &s) != 0)
			return pzerr_set(e, ENOMEM, _("%s: out of memory"), SHMLIST_PATH);
	}
	if (heading)
		return pzerr_set(e, EPROTO, _("%s is empty: no heading line"), SHMLIST_PATH);
	return 0;
}

int
shmlist_read(struct shmlist *l, const char *path, struct pzerr *e)
{
	const char *where = path != NULL ? path : SHMLIST_PATH;
	size_t len = 0, cap = 0;
	char *buf = NULL, *p;
	ssize_t r;
	int fd, rc, err;

	fd = open(where, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return pzerr_set(e, errno, _("%s: %s (System V IPC needs /proc)"), where,
		    strerror(errno));
	for (;;) {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 16384;
			if (cap > SHMLIST_MAX_BYTES || (p = realloc(buf, cap)) == NULL) {
				free(buf);
				close(fd);
				return pzerr_set(e, ENOMEM, _("%s: more than %u MiB, or out of memory"),
				    where, SHMLIST_MAX_BYTES >> 20);
			}
			buf = p;
		}
		r = read(fd, buf + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err = errno;
			free(buf);
			close(fd);
			return pzerr_set(e, err, "%s: %s", where, strerror(err));
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	rc = shmlist_parse(l, buf != NULL ? buf : "", len, e);
	free(buf);
	return rc;
}

const struct shmlist_seg *
shmlist_find(const struct shmlist *l, int shmid)
{
	size_t i;

	if (shmid < 0)
		return NULL;
	for (i = 0; i < l->n; i++)
		if (l->seg[i].v[SHMLIST_SHMID] == (uint64_t)shmid)
			return &l->seg[i];
	return NULL;
}

key_t
shmlist_key(const struct shmlist_seg *s)
{
	return (key_t)(uint32_t)s->v[SHMLIST_KEY];
}

int
shmlist_shmid(const struct shmlist_seg *s)
{
	return (int)s->v[SHMLIST_SHMID];
}

unsigned
shmlist_differs(const struct shmlist_seg *a, const struct shmlist_seg *b)
{
	unsigned bits = 0;
	int f;

	for (f = 0; f < SHMLIST_NFIELDS; f++)
		if (a->v[f] != b->v[f])
			bits |= 1u << f;
	return bits;
}

/* qsort has no context argument: the sort is one call at a time. */
static _Thread_local enum shmlist_field shmlist_by;
static _Thread_local bool shmlist_desc;

/* The order of field shmlist_by (the key as key_t, signed as ipcs and the kernel have it). */
static int
shmlist_cmp(const void *pa, const void *pb)
{
	const struct shmlist_seg *a = pa, *b = pb;
	uint64_t x = a->v[shmlist_by], y = b->v[shmlist_by];
	int r;

	if (shmlist_by == SHMLIST_KEY)
		r = (int32_t)(uint32_t)x < (int32_t)(uint32_t)y ? -1 :
		    (int32_t)(uint32_t)x > (int32_t)(uint32_t)y;
	else
		r = x < y ? -1 : x > y;
	if (shmlist_desc)
		r = -r;
	if (r == 0)
		r = a->v[SHMLIST_SHMID] < b->v[SHMLIST_SHMID] ? -1 :
		    a->v[SHMLIST_SHMID] > b->v[SHMLIST_SHMID];
	return r;
}

void
shmlist_sort(struct shmlist *l, enum shmlist_field f, bool descending)
{
	if ((unsigned)f >= SHMLIST_NFIELDS || l->n < 2)
		return;
	shmlist_by = f;
	shmlist_desc = descending;
	qsort(l->seg, l->n, sizeof l->seg[0], shmlist_cmp);
}

const char *
shmlist_status(uint64_t perms, char *buf, size_t n)
{
	static const struct { uint64_t bit; const char *word; } words[] = {
		{ 01000, "dest" }, { 02000, "locked" }, { 04000, "hugetlb" }, { 010000, "noreserve" },
	};
	size_t i, len = 0;

	if (n == 0)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if ((perms & words[i].bit) && len < n)
			len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? "," : "",
			    words[i].word);
	return buf;
}

const char *
shmlist_size_human(uint64_t bytes, char *buf, size_t n)
{
	static const char units[] = "KMGTPE";
	uint64_t whole = bytes, rest = 0;
	unsigned tenth;
	int u = -1;

	if (bytes < 1024) {
		snprintf(buf, n, "%lluB", (unsigned long long)bytes);
		return buf;
	}
	while (whole >= 1024 && u < 5) {
		rest = whole % 1024;
		whole /= 1024;
		u++;
	}
	/* one decimal, rounded half up; 1023.96K rounds to 1M */
	tenth = (unsigned)((rest * 10 + 512) / 1024);
	if (tenth == 10) {
		whole++;
		tenth = 0;
	}
	if (whole == 1024 && u < 5) {
		whole = 1;
		u++;
	}
	if (tenth == 0)
		snprintf(buf, n, "%llu%c", (unsigned long long)whole, units[u]);
	else
		snprintf(buf, n, "%llu.%u%c", (unsigned long long)whole, tenth, units[u]);
	return buf;
}

void
shmlist_to_stat(const struct shmlist_seg *s, struct shminfo_stat *si)
{
	memset(si, 0, sizeof *si);
	si->shmid = shmlist_shmid(s);
	si->ds.shm_perm.__key = shmlist_key(s);
	si->ds.shm_perm.mode = (unsigned short)s->v[SHMLIST_PERMS];
	si->ds.shm_perm.uid = (uid_t)s->v[SHMLIST_UID];
	si->ds.shm_perm.gid = (gid_t)s->v[SHMLIST_GID];
	si->ds.shm_perm.cuid = (uid_t)s->v[SHMLIST_CUID];
	si->ds.shm_perm.cgid = (gid_t)s->v[SHMLIST_CGID];
	si->ds.shm_segsz = (size_t)s->v[SHMLIST_SIZE];
	si->ds.shm_cpid = (pid_t)s->v[SHMLIST_CPID];
	si->ds.shm_lpid = (pid_t)s->v[SHMLIST_LPID];
	si->ds.shm_nattch = (shmatt_t)s->v[SHMLIST_NATTCH];
	si->ds.shm_atime = (time_t)s->v[SHMLIST_ATIME];
	si->ds.shm_dtime = (time_t)s->v[SHMLIST_DTIME];
	si->ds.shm_ctime = (time_t)s->v[SHMLIST_CTIME];
}
