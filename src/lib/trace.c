/*
 * trace.c - the ring of system calls this process made on its segment,
 * and the spelling of their flags and errors by name.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <time.h>

#include "trace.h"

/* Start an empty log. */
void
trace_init(struct trace *t)
{
	memset(t, 0, sizeof *t);
}

/* Add one formatted entry. */
void
trace_add(struct trace *t, int failed, const char *fmt, ...)
{
	struct trace_entry *en;
	struct timespec ts;
	va_list ap;

	if (t == NULL)
		return;
	en = &t->ring[t->count % TRACE_ENTRIES];
	clock_gettime(CLOCK_REALTIME, &ts);
	en->when_ms = (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
	en->failed = failed;
	va_start(ap, fmt);
	vsnprintf(en->text, sizeof en->text, fmt, ap);
	va_end(ap);
	t->count++;
}

/* The i-th newest entry, or NULL. */
const struct trace_entry *
trace_get(const struct trace *t, unsigned i)
{
	if (t == NULL || i >= t->count || i >= TRACE_ENTRIES)
		return NULL;
	return &t->ring[(t->count - 1 - i) % TRACE_ENTRIES];
}

/* Append "|name" or "name" to out. */
static void
trace_join(char *out, int outsz, const char *name)
{
	size_t len = strlen(out);

	snprintf(out + len, (size_t)outsz - len, "%s%s", len ? "|" : "", name);
}

/* Spell shmget flags by name, permission bits in octal. */
void
trace_shmget_flags(int flags, char *out, int outsz)
{
	char mode[8];

	out[0] = '\0';
	if (flags & IPC_CREAT)
		trace_join(out, outsz, "IPC_CREAT");
	if (flags & IPC_EXCL)
		trace_join(out, outsz, "IPC_EXCL");
	if ((flags & 0777) || out[0] == '\0') {
		snprintf(mode, sizeof mode, (flags & 0777) ? "0%o" : "%o", flags & 0777);
		trace_join(out, outsz, mode);
	}
}

/* Spell shmat flags by name. */
void
trace_shmat_flags(int flags, char *out, int outsz)
{
	out[0] = '\0';
	if (flags & SHM_RDONLY)
		trace_join(out, outsz, "SHM_RDONLY");
	if (flags & SHM_RND)
		trace_join(out, outsz, "SHM_RND");
	if (flags & SHM_REMAP)
		trace_join(out, outsz, "SHM_REMAP");
	if (out[0] == '\0')
		snprintf(out, (size_t)outsz, "0");
}

/* The symbolic name of an errno value. */
const char *
trace_errname(int err)
{
	static _Thread_local char num[16];
	const char *name = strerrorname_np(err);

	if (name != NULL)
		return name;
	snprintf(num, sizeof num, "%d", err);
	return num;
}
