/*
 * shmmaps.c - the attaches of every segment, from /proc/PID/maps (see
 * shmmaps.h). A maps line is "start-end perms offset dev inode path"; only
 * lines whose path is "/SYSV" and eight hex digits, then " (deleted)",
 * are SysV attaches, and their inode column is the shmid. Each maps file
 * is read whole into one reused buffer, then parsed: the kernel formats
 * it as it is read, and a few reads are cheaper than a line at a time.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "shmmaps.h"

#define SHMMAPS_MAX_FILE (64u << 20)   /* a maps file larger than this is read in part */

void
shmmaps_init(struct shmmaps *m)
{
	memset(m, 0, sizeof *m);
}

void
shmmaps_free(struct shmmaps *m)
{
	free(m->att);
	shmmaps_init(m);
}

/* Read hex digits at *p (at least one, at most 16) into *v; advance *p. */
static bool
shmmaps_hex(const char **p, const char *end, uint64_t *v, int max_digits)
{
	int n = 0, d;

	*v = 0;
	while (*p < end && n < max_digits && isxdigit((unsigned char)**p)) {
		d = isdigit((unsigned char)**p) ? **p - '0' : (tolower((unsigned char)**p) - 'a' + 10);
		*v = *v << 4 | (uint64_t)d;
		(*p)++;
		n++;
	}
	return n > 0 && (*p == end || !isxdigit((unsigned char)**p));
}

/* Skip one word and the blanks after it. */
static void
shmmaps_skip(const char **p, const char *end)
{
	while (*p < end && **p != ' ')
		(*p)++;
	while (*p < end && **p == ' ')
		(*p)++;
}

/* One maps line: true with a filled in when it is a SysV attach. */
static bool
shmmaps_line(const char *p, const char *end, pid_t pid, struct shmmaps_att *a)
{
	static const char deleted[] = " (deleted)";
	uint64_t start, stop, inode = 0, key;
	const char *perms;
	int digits = 0;

	if (!shmmaps_hex(&p, end, &start, 16) || p == end || *p++ != '-' ||
	    !shmmaps_hex(&p, end, &stop, 16) || p == end || *p != ' ' || stop <= start)
		return false;
	while (p < end && *p == ' ')
		p++;
	perms = p;
	if (end - p < 4)
		return false;
	shmmaps_skip(&p, end);      /* perms */
	shmmaps_skip(&p, end);      /* offset */
	shmmaps_skip(&p, end);      /* device */
	while (p < end && isdigit((unsigned char)*p) && digits < 11) {
		inode = inode * 10 + (uint64_t)(*p++ - '0');
		digits++;
	}
	if (digits == 0 || p == end || *p != ' ' || inode > 0x7FFFFFFF)
		return false;
	while (p < end && *p == ' ')
		p++;
	if (end - p < 5 || memcmp(p, "/SYSV", 5) != 0)
		return false;
	p += 5;
	if (end - p < 8 || !shmmaps_hex(&p, p + 8, &key, 8))
		return false;
	if ((size_t)(end - p) != sizeof deleted - 1 || memcmp(p, deleted, sizeof deleted - 1) != 0)
		return false;
	a->shmid = (int)inode;
	a->pid = pid;
	a->key = (uint32_t)key;
	a->start = start;
	a->end = stop;
	a->writable = perms[1] == 'w';
	return true;
}

int
shmmaps_parse(struct shmmaps *m, pid_t pid, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl;
	struct shmmaps_att a, *grown;
	size_t cap;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		/* most lines are not SysV: look for the name before reading the fields */
		if (memmem(p, (size_t)(nl - p), " /SYSV", 6) == NULL || !shmmaps_line(p, nl, pid, &a))
			continue;
		if (m->n == m->cap) {
			cap = m->cap ? m->cap * 2 : 64;
			grown = realloc(m->att, cap * sizeof *grown);
			if (grown == NULL)
				return -1;
			m->att = grown;
			m->cap = cap;
		}
		m->att[m->n++] = a;
	}
	return 0;
}

/* The order of attaches: shmid, pid, address. */
static int
shmmaps_cmp(const void *pa, const void *pb)
{
	const struct shmmaps_att *a = pa, *b = pb;

	if (a->shmid != b->shmid)
		return a->shmid < b->shmid ? -1 : 1;
	if (a->pid != b->pid)
		return a->pid < b->pid ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

void
shmmaps_sort(struct shmmaps *m)
{
	if (m->n > 1)
		qsort(m->att, m->n, sizeof m->att[0], shmmaps_cmp);
}

/* Read a whole file into *buf (grown as needed); its length, or -1. */
static ssize_t
shmmaps_slurp(const char *path, char **buf, size_t *cap)
{
	size_t len = 0;
	ssize_t r;
	char *p;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	for (;;) {
		if (*cap - len < 4096) {
			if (*cap >= SHMMAPS_MAX_FILE)
				break;
			p = realloc(*buf, *cap ? *cap * 2 : 65536);
			if (p == NULL)
				break;
			*buf = p;
			*cap = *cap ? *cap * 2 : 65536;
		}
		r = read(fd, *buf + len, *cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			close(fd);
			return len > 0 ? (ssize_t)len : -1;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	return (ssize_t)len;
}

int
shmmaps_scan(struct shmmaps *m, const char *proc, struct pzerr *e)
{
	const char *root = proc != NULL ? proc : "/proc";
	char path[4200], *buf = NULL;
	struct dirent *de;
	size_t cap = 0;
	ssize_t len;
	long pid;
	char *end;
	DIR *d;
	int rc = 0;

	m->n = 0;
	m->procs = m->unreadable = 0;
	d = opendir(root);
	if (d == NULL)
		return pzerr_set(e, errno, "%s: %s", root, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		errno = 0;
		pid = strtol(de->d_name, &end, 10);
		if (*end != '\0' || errno != 0 || pid <= 0 || pid > 0x7FFFFFFF)
			continue;
		snprintf(path, sizeof path, "%s/%ld/maps", root, pid);
		m->procs++;
		len = shmmaps_slurp(path, &buf, &cap);
		if (len < 0) {
			if (errno == EACCES || errno == EPERM)
				m->unreadable++;
			continue;
		}
		if (shmmaps_parse(m, (pid_t)pid, buf, (size_t)len) != 0) {
			rc = pzerr_set(e, ENOMEM, _("%s: out of memory"), root);
			break;
		}
	}
	closedir(d);
	free(buf);
	shmmaps_sort(m);
	return rc;
}

size_t
shmmaps_of(const struct shmmaps *m, int shmid, const struct shmmaps_att **first)
{
	size_t lo = 0, hi = m->n, n = 0;

	*first = NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->att[mid].shmid < shmid)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo + n < m->n && m->att[lo + n].shmid == shmid)
		n++;
	if (n > 0)
		*first = &m->att[lo];
	return n;
}

ssize_t
shmmaps_read(const struct shmmaps_att *a, const char *proc, uint64_t off, void *buf, size_t n)
{
	char path[4200];
	ssize_t r;
	int fd, err;

	if (off >= a->end - a->start)
		return 0;
	if (n > a->end - a->start - off)
		n = (size_t)(a->end - a->start - off);
	snprintf(path, sizeof path, "%s/%d/mem", proc != NULL ? proc : "/proc", (int)a->pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	do
		r = pread(fd, buf, n, (off_t)(a->start + off));
	while (r < 0 && errno == EINTR);
	err = errno;
	close(fd);
	errno = err;
	return r;
}
