/*
 * proc.c - what /proc and kill(2) say about other processes (see proc.h):
 * /proc/PID/stat for the state and the start time, /proc/PID/ns/pid for
 * the PID namespace, /proc/PID/comm for the name, /proc/PID/maps for the
 * segments a process has attached, and ttyname for a terminal's name.
 *
 * /proc/PID/stat and /proc/PID/comm are small and read with one read(2):
 * the kernel formats them at the read, so the fields seen belong together.
 * Maps can be long and are read line by line; only lines naming /SYSV
 * matter. A process that exits meanwhile just makes a read fail, which
 * means "unknown". The command name in /proc/PID/stat may contain spaces
 * and parentheses (a process chooses it), so fields are counted from the
 * last ')'.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proc.h"

/*
 * Read /proc/PID/stat: the state letter and the start time (field 22).
 * Returns 0, or -1 with errno when it cannot be read.
 */
static int
proc_read_stat(pid_t pid, char *state, uint64_t *start)
{
	char path[64], buf[1024], *p, *end;
	ssize_t n;
	int fd, field;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0) {
		errno = EIO;
		return -1;
	}
	buf[n] = '\0';
	p = strrchr(buf, ')');
	if (p == NULL || p[1] != ' ') {
		errno = EIO;
		return -1;
	}
	p += 2;
	*state = *p;
	for (field = 3; field < 22; field++) {
		p = strchr(p, ' ');
		if (p == NULL) {
			errno = EIO;
			return -1;
		}
		p++;
	}
	errno = 0;
	*start = strtoull(p, &end, 10);
	if (end == p || errno != 0) {
		errno = EIO;
		return -1;
	}
	return 0;
}

/* The start time of pid. */
int
proc_start_time(pid_t pid, uint64_t *start)
{
	char state;

	return proc_read_stat(pid, &state, start);
}

/* The state letter of pid, -1 when unknown. */
int
proc_state(pid_t pid)
{
	uint64_t start;
	char state;

	if (proc_read_stat(pid, &state, &start) != 0)
		return -1;
	return (unsigned char)state;
}

/* Does pid exist (as far as kill(pid, 0) can tell)? */
bool
proc_exists(pid_t pid)
{
	return !(kill(pid, 0) != 0 && errno == ESRCH);
}

/* Is pid alive and still the process that started at start? */
bool
proc_alive(pid_t pid, uint64_t start)
{
	uint64_t now_start;
	char state;

	if (!proc_exists(pid))
		return false;
	/* hidden or vanished between the two looks: kill said it exists */
	if (proc_read_stat(pid, &state, &now_start) != 0)
		return true;
	return state != 'Z' && state != 'X' && now_start == start;
}

/* The inode of /proc/PID/ns/pid ("self" when pid is 0), 0 when unknown. */
uint64_t
proc_pidns(pid_t pid)
{
	char path[64];
	struct stat st;

	if (pid == 0)
		snprintf(path, sizeof path, "/proc/self/ns/pid");
	else
		snprintf(path, sizeof path, "/proc/%d/ns/pid", (int)pid);
	if (stat(path, &st) != 0)
		return 0;
	return (uint64_t)st.st_ino;
}

/* The terminal on fd, without /dev/. */
const char *
proc_tty(int fd, char *buf, size_t n)
{
	char path[256];
	const char *name = path;

	if (n == 0)
		return buf;
	buf[0] = '\0';
	if (ttyname_r(fd, path, sizeof path) != 0)
		return buf;
	if (strncmp(name, "/dev/", 5) == 0)
		name += 5;
	snprintf(buf, n, "%s", name);
	return buf;
}

/* Does /proc/PID/maps show a mapping of shmid? */
static bool
proc_maps_has(const char *pid, int shmid)
{
	char path[64], line[512], *p;
	unsigned long long inode;
	bool found = false;
	FILE *f;
	int field;

	snprintf(path, sizeof path, "/proc/%s/maps", pid);
	f = fopen(path, "re");
	if (f == NULL)
		return false;
	/* "start-end perms offset dev inode path": skip four fields to the inode,
	 * which for a mapping of /SYSV<key> is the segment's shmid */
	while (!found && fgets(line, sizeof line, f) != NULL) {
		if (strstr(line, " /SYSV") == NULL)
			continue;
		p = line;
		for (field = 0; field < 4 && p != NULL; field++) {
			p = strchr(p, ' ');
			if (p != NULL)
				while (*p == ' ')
					p++;
		}
		if (p != NULL && sscanf(p, "%llu", &inode) == 1 && inode == (unsigned long long)shmid)
			found = true;
	}
	fclose(f);
	return found;
}

/* Find the processes that have shmid attached. */
int
proc_attached(int shmid, pid_t *out, int max)
{
	struct dirent *de;
	DIR *d = opendir("/proc");
	int n = 0;

	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		if (proc_maps_has(de->d_name, shmid)) {
			if (n < max)
				out[n] = (pid_t)atoi(de->d_name);
			n++;
		}
	}
	closedir(d);
	return n < max ? n : max;
}

/* The command name of pid. */
const char *
proc_name(pid_t pid, char *buf, size_t n)
{
	char path[64];
	ssize_t len;
	size_t i;
	int fd;

	if (n == 0)
		return buf;
	snprintf(buf, n, "?");
	snprintf(path, sizeof path, "/proc/%d/comm", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return buf;
	len = read(fd, buf, n - 1);
	close(fd);
	if (len <= 0) {
		snprintf(buf, n, "?");
		return buf;
	}
	buf[len] = '\0';
	for (i = 0; buf[i]; i++) {
		if (buf[i] == '\n') {
			buf[i] = '\0';
			break;
		}
		if (buf[i] < 0x20 || buf[i] > 0x7E)
			buf[i] = '?';
	}
	return buf;
}
