/*
 * addr.c - the name of a board (addr.h): the default one, its spelling in
 * messages and as command-line options (a key file quoted for a shell),
 * and ftok run for a name by key file, recorded in the trace.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "addr.h"
#include "utf8.h"

/* Fill a with the default board's name. */
void
addr_default(struct addr *a)
{
	memset(a, 0, sizeof *a);
	a->how = ADDR_BY_FTOK;
	snprintf(a->path, sizeof a->path, "%s", ADDR_DEFAULT_PATH);
	a->proj = ADDR_DEFAULT_PROJ;
	a->shmid = -1;
}

/* "key 0x70030002" or "shmid 98307". */
const char *
addr_name(const struct addr *a, char *buf, size_t n)
{
	char path[128];

	if (a->how == ADDR_BY_SHMID)
		snprintf(buf, n, "shmid %d", a->shmid);
	else if (a->how == ADDR_BY_FTOK && !a->resolved)
		snprintf(buf, n, "ftok(\"%s\", %d)", utf8_escape(a->path, path, sizeof path),
		    a->proj);
	else
		/* TRANSLATORS: a board named by its key, in messages ("no board exists at %s") */
		snprintf(buf, n, _("key 0x%08x"), (unsigned)a->key);
	return buf;
}

/* True when a shell takes s as one word as it is. */
static bool
addr_shell_plain(const char *s)
{
	if (*s == '\0' || *s == '~')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("_./,:+@%=-", *s) != NULL))
			return false;
	return true;
}

/* " -k 0x00001234", " -f PATH -p 113"...: the options that name a. */
const char *
addr_options(const struct addr *a, char *buf, size_t n)
{
	char path[256], quoted[600];
	size_t i, o = 0;
	int len = 0;

	if (n == 0)
		return buf;
	buf[0] = '\0';
	if (a->how == ADDR_BY_SHMID) {
		snprintf(buf, n, " -i %d", a->shmid);
		return buf;
	}
	if (a->how == ADDR_BY_KEY) {
		snprintf(buf, n, " -k 0x%08x", (unsigned)a->key);
		return buf;
	}
	if (strcmp(a->path, ADDR_DEFAULT_PATH) != 0) {
		utf8_escape(a->path, path, sizeof path);
		if (addr_shell_plain(path)) {
			snprintf(quoted, sizeof quoted, "%s", path);
		} else {
			quoted[o++] = '\'';
			for (i = 0; path[i] != '\0' && o + 6 < sizeof quoted; i++) {
				if (path[i] == '\'') {
					memcpy(quoted + o, "'\\''", 4);
					o += 4;
				} else {
					quoted[o++] = path[i];
				}
			}
			quoted[o++] = '\'';
			quoted[o] = '\0';
		}
		len = snprintf(buf, n, " -f %s", quoted);
	}
	if (a->proj != ADDR_DEFAULT_PROJ && len >= 0 && (size_t)len < n)
		snprintf(buf + len, n - (size_t)len, " -p %d", a->proj);
	return buf;
}

/* Run ftok for an address named by a key file. */
int
addr_resolve(struct addr *a, struct trace *t, struct pzerr *e)
{
	char path[160];
	struct stat st;
	key_t key;

	if (a->how != ADDR_BY_FTOK || a->resolved) {
		a->resolved = true;
		return 0;
	}
	if (a->proj < 1 || a->proj > 255)
		return pzerr_set(e, EINVAL, _("project id %d is out of range (1-255)"), a->proj);
	utf8_escape(a->path, path, sizeof path);
	if (stat(a->path, &st) != 0)
		return pzerr_set(e, errno, _("key file %s: %s; name an existing file with -f "
		    "or give a key with -k"), path, strerror(errno));
	key = ftok(a->path, a->proj);
	if (key == (key_t)-1) {
		int err = errno;

		trace_add(t, 1, "ftok(\"%s\", 0x%02x) = -1 %s", path, a->proj,
		    trace_errname(err));
		return pzerr_set(e, err, "ftok(\"%s\", %d): %s", path, a->proj, strerror(err));
	}
	trace_add(t, 0, "ftok(\"%s\", 0x%02x) = 0x%08x", path, a->proj, (unsigned)key);
	a->key = key;
	a->dev = st.st_dev;
	a->ino = st.st_ino;
	a->resolved = true;
	return 0;
}
