/*
 * proc.c - what the kernel counts for a process, read from /proc: CPU time
 * (schedstat in nanoseconds, and utime+stime in clock ticks), voluntary
 * and involuntary context switches summed over every thread, and sizes
 * from /proc/PID/status (VmRSS, RssShmem...); and a cheap way to read a
 * single-threaded process's CPU time and sleeps many times a second.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

/* Read a small /proc file into buf; -1 when it cannot be read. */
static int
proc_slurp(const char *path, char *buf, size_t n)
{
	FILE *f = fopen(path, "re");
	size_t got;

	if (f == NULL)
		return -1;
	got = fread(buf, 1, n - 1, f);
	buf[got] = '\0';
	fclose(f);
	return got > 0 ? 0 : -1;
}

/* The value after "name:" in a status file, or 0. */
static uint64_t
proc_field(const char *text, const char *name)
{
	const char *p = text;
	size_t len = strlen(name);

	while ((p = strstr(p, name)) != NULL) {
		if ((p == text || p[-1] == '\n') && p[len] == ':')
			return strtoull(p + len + 1, NULL, 10);
		p += len;
	}
	return 0;
}

/* Add one thread's counters (/proc/pid/task/tid) to c. */
static void
proc_add_task(pid_t pid, const char *tid, struct proc_counters *c)
{
	char path[512], dir[320], buf[4096];
	unsigned long long run = 0, ut = 0, st = 0;
	const char *p;

	snprintf(dir, sizeof dir, "/proc/%d/task/%.32s", (int)pid, tid);

	snprintf(path, sizeof path, "%s/schedstat", dir);
	if (proc_slurp(path, buf, sizeof buf) == 0 && sscanf(buf, "%llu", &run) == 1)
		c->cpu_ns += run;
	snprintf(path, sizeof path, "%s/stat", dir);
	if (proc_slurp(path, buf, sizeof buf) == 0 && (p = strrchr(buf, ')')) != NULL &&
	    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) == 2)
		c->cpu_ticks += ut + st;
	snprintf(path, sizeof path, "%s/status", dir);
	if (proc_slurp(path, buf, sizeof buf) == 0) {
		c->vcsw += proc_field(buf, "voluntary_ctxt_switches");
		c->nvcsw += proc_field(buf, "nonvoluntary_ctxt_switches");
	}
}

/* Sum the counters of every thread of pid; -1 when the process is gone. */
int
proc_read(pid_t pid, struct proc_counters *c)
{
	char path[64];
	struct dirent *de;
	DIR *d;

	memset(c, 0, sizeof *c);
	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	d = opendir(path);
	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		proc_add_task(pid, de->d_name, c);
	}
	closedir(d);
	return 0;
}

/* A size from /proc/PID/status in kB ("VmRSS", "RssShmem"...), -1 unknown. */
long
proc_status_kb(pid_t pid, const char *field)
{
	char path[64], buf[4096];

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if (proc_slurp(path, buf, sizeof buf) != 0 || strstr(buf, field) == NULL)
		return -1;
	return (long)proc_field(buf, field);
}

/*
 * The same counters read often and cheaply, for one process whose threads
 * are one (pizarra, tmux, cat and the floor programs are): its schedstat
 * and status files stay open and are read again with pread (seq_file
 * regenerates them at offset 0), about 20 us for both.
 */
int
proc_fast_open(struct proc_fast *f, pid_t pid)
{
	char path[64];

	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
	f->sched = open(path, O_RDONLY | O_CLOEXEC);
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	f->status = open(path, O_RDONLY | O_CLOEXEC);
	if (f->sched >= 0 && f->status >= 0)
		return 0;
	proc_fast_close(f);
	return -1;
}

/* CPU time (ns) and voluntary context switches now; -1 when the process is gone. */
int
proc_fast_read(struct proc_fast *f, uint64_t *cpu_ns, uint64_t *vcsw)
{
	char buf[4096];
	unsigned long long run;
	ssize_t n;

	if (f->sched < 0 || (n = pread(f->sched, buf, sizeof buf - 1, 0)) <= 0)
		return -1;
	buf[n] = '\0';
	if (sscanf(buf, "%llu", &run) != 1)
		return -1;
	*cpu_ns = run;
	if ((n = pread(f->status, buf, sizeof buf - 1, 0)) <= 0)
		return -1;
	buf[n] = '\0';
	*vcsw = proc_field(buf, "voluntary_ctxt_switches");
	return 0;
}

/* Close what proc_fast_open opened (safe on a closed one). */
void
proc_fast_close(struct proc_fast *f)
{
	if (f->sched >= 0)
		close(f->sched);
	if (f->status >= 0)
		close(f->status);
	f->sched = f->status = -1;
}
