/*
 * addr.h - how a user names a board, and what the name resolves to: the
 * key file and project id of ftok (the default: ftok("/", 'p')), an
 * explicit key, or a shmid (which reaches removed segments too); the name
 * spelled for messages ("key 0x70030002") and as the command-line options
 * that name the same board again (" -k 0x00001234"), for hints that show a
 * pizarra command. Resolving runs ftok (recorded in the trace); finding,
 * creating and attaching the segment are segment.h's.
 */
#ifndef PIZARRA_ADDR_H
#define PIZARRA_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/ipc.h>
#include <sys/types.h>

#include "pzerr.h"
#include "trace.h"

#define ADDR_DEFAULT_PATH     "/"
#define ADDR_DEFAULT_PROJ     0x70          /* 'p' */

enum addr_how {
	ADDR_BY_FTOK,        /* ftok(path, proj) */
	ADDR_BY_KEY,         /* an explicit key */
	ADDR_BY_SHMID,       /* an existing shmid (reaches removed segments too) */
};

/* How the user named the board, and what naming it resolved to. */
struct addr {
	enum addr_how how;
	char path[4096];     /* BY_FTOK: the key file */
	int proj;            /* BY_FTOK: project id 1..255 */
	key_t key;           /* BY_KEY, or the result of ftok */
	int shmid;           /* BY_SHMID */
	dev_t dev;           /* BY_FTOK after addr_resolve: st_dev of path */
	ino_t ino;           /* BY_FTOK after addr_resolve: st_ino of path */
	bool resolved;
};

/* Fill a with the default board's name: ftok(ADDR_DEFAULT_PATH, ADDR_DEFAULT_PROJ). */
void addr_default(struct addr *a);

/*
 * Describe a for messages: "key 0x70030002", "shmid 98307", or before
 * addr_resolve 'ftok("/path", 112)' (the path escaped, utf8_escape).
 */
const char *addr_name(const struct addr *a, char *buf, size_t n);

/*
 * The options that name a the way the user named it, for a hint that
 * shows a pizarra command: "" for the default board, otherwise with a
 * leading space " -k 0x00001234", " -i 98307", " -p 113", " -f PATH -p 113"
 * (PATH quoted for a shell when it needs it, control characters escaped),
 * so that "`pizarra%s chmod 0660`" acts on the same board. Returns buf.
 */
const char *addr_options(const struct addr *a, char *buf, size_t n);

/* For BY_FTOK, run ftok and record key, device and inode. Others: nothing to do. */
int addr_resolve(struct addr *a, struct trace *t, struct pzerr *e);

#endif
