/*
 * trace.h - a log of the system calls this process made on its segment.
 *
 * The segment module records every ftok, shmget, shmat, shmdt and shmctl
 * with its arguments spelled by name and its result, e.g.
 *   shmget(0x70010002, 48832, IPC_CREAT|IPC_EXCL|0600) = 98307
 *   shmget(0x70010002, 48832, IPC_CREAT|IPC_EXCL|0600) = -1 EEXIST
 * The sidebar shows the newest entries; the CLI prints them with --trace.
 */
#ifndef PIZARRA_TRACE_H
#define PIZARRA_TRACE_H

#include <stdint.h>

#define TRACE_ENTRIES 32
#define TRACE_TEXT    112

struct trace_entry {
	uint64_t when_ms;            /* CLOCK_REALTIME milliseconds */
	int failed;                  /* the call returned an error */
	char text[TRACE_TEXT];
};

struct trace {
	struct trace_entry ring[TRACE_ENTRIES];
	unsigned long count;         /* entries ever added */
};

/* Start an empty log. */
void trace_init(struct trace *t);

/* Add one entry (t may be NULL: then nothing happens). */
void trace_add(struct trace *t, int failed, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The i-th newest entry (0 = newest), NULL when there are fewer. */
const struct trace_entry *trace_get(const struct trace *t, unsigned i);

/* Spell shmget flags: "IPC_CREAT|IPC_EXCL|0600", "0". */
void trace_shmget_flags(int flags, char *out, int outsz);

/* Spell shmat flags: "0", "SHM_RDONLY". */
void trace_shmat_flags(int flags, char *out, int outsz);

/* Spell an errno value by its symbolic name ("EEXIST"), or its number. */
const char *trace_errname(int err);

#endif
