/*
 * savefile.c - a board written to a file, no curses (see savefile.h): the
 * name's "~" expanded, the text made by export_write, written into a
 * temporary file beside the name and renamed over it (or linked, when the
 * name must be free), so a full disk, a file-size limit or a kill never
 * leaves a partial file under the name. It owns nothing; session_save
 * calls it with the board to show and the board's mode.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "export.h"
#include "savefile.h"
#include "strbuf.h"

/* path with "~" or "~user" at its start expanded, into out. */
static int
savefile_expand(const char *path, char *out, size_t n, struct pzerr *e)
{
	const char *rest = path, *home = NULL;
	char user[256];
	struct passwd *pw;
	size_t len;

	if (path[0] != '~') {
		if (snprintf(out, n, "%s", path) >= (int)n)
			return pzerr_set(e, ENAMETOOLONG, _("%s: name too long"), path);
		return 0;
	}
	rest = path + 1 + strcspn(path + 1, "/");
	len = (size_t)(rest - path - 1);
	if (len == 0) {
		home = getenv("HOME");
		if ((home == NULL || home[0] == '\0') && (pw = getpwuid(getuid())) != NULL)
			home = pw->pw_dir;
	} else if (len < sizeof user) {
		memcpy(user, path + 1, len);
		user[len] = '\0';
		if ((pw = getpwnam(user)) != NULL)
			home = pw->pw_dir;
	}
	if (home == NULL)
		return pzerr_set(e, ENOENT, _("%.*s: no such user, nothing saved"), (int)len + 1, path);
	if (snprintf(out, n, "%s%s", home, rest) >= (int)n)
		return pzerr_set(e, ENAMETOOLONG, _("%s: name too long"), path);
	return 0;
}

/* Write all of buf to fd; a file-size limit is an error (EFBIG), not a signal. */
static int
savefile_write_all(int fd, const char *buf, size_t len)
{
	struct sigaction ign, old;
	ssize_t w = 0;
	size_t off = 0;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGXFSZ, &ign, &old);
	while (off < len && (w = write(fd, buf + off, len - off)) > 0)
		off += (size_t)w;
	sigaction(SIGXFSZ, &old, NULL);
	if (off == len)
		return 0;
	if (w == 0)
		errno = ENOSPC;
	return -1;
}

/* Give the finished temporary file its name: replacing, or only when the name is free. */
static int
savefile_publish(const char *tmp, const char *path, bool overwrite)
{
	if (overwrite)
		return rename(tmp, path);
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	/* a file system without RENAME_NOREPLACE: link() refuses an existing name too */
	if (link(tmp, path) != 0)
		return -1;
	unlink(tmp);
	return 0;
}

int
savefile_write(const struct board *b, const char *path, mode_t board_mode, bool overwrite,
	       size_t *bytes, struct pzerr *e)
{
	char full[PATH_MAX], tmp[PATH_MAX + 32], dir[PATH_MAX];
	struct strbuf sb;
	mode_t mask;
	int fd, err;

	*bytes = 0;
	if (b == NULL || path[0] == '\0')
		return pzerr_set(e, EINVAL, _("nothing saved"));
	if (savefile_expand(path, full, sizeof full, e) != 0)
		return -1;
	memcpy(dir, full, sizeof dir);
	snprintf(tmp, sizeof tmp, "%s/.pizarra-save.XXXXXX", dirname(dir));
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return pzerr_set(e, errno, _("%s: %s; nothing saved"), full, strerror(errno));
	mask = umask(0);
	umask(mask);
	strbuf_init(&sb);
	if (export_write(b, export_format_for(full), &sb) != 0) {
		err = ENOMEM;
		close(fd);
		goto fail;
	}
	if (fchmod(fd, (0600 | (board_mode & 0044)) & ~mask) != 0 ||
	    savefile_write_all(fd, sb.data, sb.len) != 0 || fsync(fd) != 0) {
		err = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) != 0 || savefile_publish(tmp, full, overwrite) != 0) {
		err = errno;
		goto fail;
	}
	*bytes = sb.len;
	strbuf_free(&sb);
	return 0;
fail:
	unlink(tmp);
	strbuf_free(&sb);
	if (err == EEXIST)
		return pzerr_set(e, EEXIST, _("%s exists"), full);
	return pzerr_set(e, err, _("%s: %s; nothing saved"), full, strerror(err));
}
