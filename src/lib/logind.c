/*
 * logind.c - what systemd-logind's RemoveIPC= will do to a user's
 * segments (see logind.h): logind.conf and its drop-ins read the way
 * systemd's conf-parser reads them (sections, comments, continuation
 * lines, booleans), the drop-in directories merged by name, and the
 * exemptions (system users, lingering users).
 */
#include <dirent.h>
#include <ctype.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "logind.h"

#define LOGIND_LINE_MAX   4096
#define LOGIND_DROPINS    256      /* more drop-ins than that are not read */

/* The drop-in directories, in systemd's order of precedence. */
static const char *const logind_dirs[] = {
	"/etc/systemd/logind.conf.d",
	"/run/systemd/logind.conf.d",
	"/usr/local/lib/systemd/logind.conf.d",
	"/usr/lib/systemd/logind.conf.d",
};

#define LOGIND_NDIRS (sizeof logind_dirs / sizeof logind_dirs[0])

/* A drop-in: its name and the directory it counts from. */
struct logind_dropin {
	char name[256];
	unsigned dir;
};

/* systemd's parse_boolean: 1 yes y true t on / 0 no n false f off, any case. */
static int
logind_boolean(const char *v, bool *out)
{
	static const char *const yes[] = { "1", "yes", "y", "true", "t", "on" };
	static const char *const no[] = { "0", "no", "n", "false", "f", "off" };
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = true;
			return 0;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = false;
			return 0;
		}
	}
	return -1;
}

/* Strip leading and trailing white space in place. */
static char *
logind_strip(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

/* One line of a file (continuations already joined): a section, a comment, or KEY=VALUE. */
static void
logind_line(char *line, bool *in_login, const char *shown, struct logind_ipc *out)
{
	char *s = logind_strip(line), *eq;
	bool v;

	if (*s == '\0' || *s == '#' || *s == ';')
		return;
	if (*s == '[') {
		*in_login = strcmp(s, "[Login]") == 0;
		return;
	}
	eq = strchr(s, '=');
	if (!*in_login || eq == NULL)
		return;
	*eq = '\0';
	if (strcmp(logind_strip(s), "RemoveIPC") != 0)
		return;
	if (logind_boolean(logind_strip(eq + 1), &v) != 0)
		return;                         /* systemd ignores it (and logs) */
	out->remove_ipc = v;
	snprintf(out->from, sizeof out->from, "%s", shown);
}

/* Read one configuration file; shown is its name on the real system. */
static void
logind_file(const char *path, const char *shown, struct logind_ipc *out)
{
	char buf[LOGIND_LINE_MAX], line[LOGIND_LINE_MAX];
	bool in_login = false;
	size_t len = 0, n;
	FILE *f;

	f = fopen(path, "re");
	if (f == NULL)
		return;
	line[0] = '\0';
	while (fgets(buf, sizeof buf, f) != NULL) {
		n = strcspn(buf, "\n");
		buf[n] = '\0';
		/* a line ending in a backslash goes on on the next one */
		if (n > 0 && buf[n - 1] == '\\') {
			buf[n - 1] = ' ';
			if (len + n < sizeof line) {
				memcpy(line + len, buf, n + 1);
				len += n;
			}
			continue;
		}
		if (len + n < sizeof line)
			memcpy(line + len, buf, n + 1);
		logind_line(line, &in_login, shown, out);
		len = 0;
		line[0] = '\0';
	}
	if (len > 0)
		logind_line(line, &in_login, shown, out);
	fclose(f);
}

/* Order drop-ins by name. */
static int
logind_by_name(const void *a, const void *b)
{
	return strcmp(((const struct logind_dropin *)a)->name,
	    ((const struct logind_dropin *)b)->name);
}

/* Gather the drop-ins: each name once, from the first directory that has it. */
static size_t
logind_gather(const char *root, struct logind_dropin *d, size_t max)
{
	char path[4096];
	struct dirent *de;
	size_t n = 0, i, len;
	unsigned dir;
	DIR *dp;

	for (dir = 0; dir < LOGIND_NDIRS; dir++) {
		snprintf(path, sizeof path, "%s%s", root, logind_dirs[dir]);
		dp = opendir(path);
		if (dp == NULL)
			continue;
		while ((de = readdir(dp)) != NULL && n < max) {
			len = strlen(de->d_name);
			if (len <= 5 || strcmp(de->d_name + len - 5, ".conf") != 0 ||
			    len >= sizeof d->name)
				continue;
			for (i = 0; i < n && strcmp(d[i].name, de->d_name) != 0; i++)
				;
			if (i < n)
				continue;               /* masked by an earlier directory */
			memcpy(d[n].name, de->d_name, len + 1);
			d[n].dir = dir;
			n++;
		}
		closedir(dp);
	}
	qsort(d, n, sizeof *d, logind_by_name);
	return n;
}

/* Is the owner lingering (loginctl enable-linger)? */
static bool
logind_lingers(const char *root, uid_t owner)
{
	struct passwd *pw = getpwuid(owner);
	char path[4096];

	if (pw == NULL || strchr(pw->pw_name, '/') != NULL)
		return false;
	snprintf(path, sizeof path, "%s/var/lib/systemd/linger/%s", root, pw->pw_name);
	return access(path, F_OK) == 0;
}

/* What logind does to owner's segments under root. */
void
logind_check(const char *root, uid_t owner, struct logind_ipc *out)
{
	char path[4096], shown[4096];
	struct logind_dropin *d;
	struct stat st;
	size_t n, i;

	memset(out, 0, sizeof *out);
	if (strcmp(root, "/") == 0)
		root = "";
	out->owner = owner;
	out->remove_ipc = true;
	snprintf(path, sizeof path, "%s/run/systemd/system", root);
	out->in_use = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	snprintf(path, sizeof path, "%s/etc/systemd/logind.conf", root);
	logind_file(path, "/etc/systemd/logind.conf", out);
	d = calloc(LOGIND_DROPINS, sizeof *d);
	if (d != NULL) {
		n = logind_gather(root, d, LOGIND_DROPINS);
		for (i = 0; i < n; i++) {
			snprintf(shown, sizeof shown, "%s/%s", logind_dirs[d[i].dir], d[i].name);
			snprintf(path, sizeof path, "%s%s", root, shown);
			logind_file(path, shown, out);
		}
		free(d);
	}
	out->system_user = owner <= LOGIND_SYS_UID_MAX;
	/* no user database lookup for nobody: (uid_t)-1 is in no passwd file, so
	 * the lookup went through every NSS module (loading libnss_systemd) at
	 * every start, before the first frame */
	out->lingering = owner != (uid_t)-1 && logind_lingers(root, owner);
	out->removes = out->in_use && out->remove_ipc && !out->system_user && !out->lingering;
}

/* The warning and its two ways out. */
const char *
logind_warning(const struct logind_ipc *v, const char *who, const char *opts, char *buf,
	       size_t n)
{
	if (n == 0)
		return buf;
	buf[0] = '\0';
	if (!v->removes)
		return buf;
	if (v->from[0])
		snprintf(buf, n, _("systemd-logind removes this board when %s's last login session "
		    "ends if no process has it attached then (RemoveIPC=yes, set in %s); to keep it, "
		    "put RemoveIPC=no under [Login] in a drop-in such as %s and run `systemctl "
		    "restart systemd-logind`, or give the board to a system user (uid %u at most, "
		    "such as root) with `pizarra%s chown root`"), who, v->from, LOGIND_DROPIN,
		    LOGIND_SYS_UID_MAX, opts);
	else
		snprintf(buf, n, _("systemd-logind removes this board when %s's last login session "
		    "ends if no process has it attached then (RemoveIPC=yes, systemd's default); to "
		    "keep it, put RemoveIPC=no under [Login] in a drop-in such as %s and run "
		    "`systemctl restart systemd-logind`, or give the board to a system user (uid %u "
		    "at most, such as root) with `pizarra%s chown root`"), who, LOGIND_DROPIN,
		    LOGIND_SYS_UID_MAX, opts);
	return buf;
}
