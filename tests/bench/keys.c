/*
 * keys.c - private boards for the bench: a key no segment uses yet
 * (0xB0 in the top byte, the bench's pid and a counter below, so runs in
 * parallel never meet each other or the test suites' 0xD0/0xE0 keys), a
 * fresh board created under it through the core library and registered
 * for removal, and attaching to such a board from a forked process. A run
 * killed outright (SIGKILL) cannot clean up: the next run removes the 0xB0
 * segments nobody is attached to whose creator is gone.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

#define KEYS_TRIES 200

/* Create a fresh cols x rows board under a new private key; 0 or -1 (message printed). */
int
keys_board_create(struct segment *s, uint32_t cols, uint32_t rows)
{
	static unsigned counter;
	struct segment_opts o = { .create = true, .cols = cols, .rows = rows, .mode = 0600 };
	struct addr a;
	struct pzerr e;
	int i;

	for (i = 0; i < KEYS_TRIES; i++) {
		memset(&a, 0, sizeof a);
		a.how = ADDR_BY_KEY;
		a.key = (key_t)(0xB0000000u | ((unsigned)getpid() & 0xFFFFu) << 8 | (counter++ & 0xFFu));
		if (shmget(a.key, 0, 0) >= 0 || errno != ENOENT)
			continue;
		cleanup_add_key(a.key);
		if (segment_open(s, &a, &o, NULL, &e) != 0) {
			fprintf(stderr, "bench: cannot create a %ux%u board: %s\n", cols, rows, e.msg);
			return -1;
		}
		if (s->created)
			return 0;
		segment_detach(s, NULL);
		cleanup_drop_key(a.key);
	}
	fprintf(stderr, "bench: no free key for a board\n");
	return -1;
}

/* Detach from a board and remove it now (IPC_RMID by key). */
void
keys_board_remove(struct segment *s)
{
	key_t key = s->key;
	int id = s->shmid;

	segment_detach(s, NULL);
	if (id >= 0)
		segment_remove(id, NULL, NULL);
	cleanup_drop_key(key);
}

/* Attach (read-write) to the board under key, as another client would; 0 or -1. */
int
keys_board_attach(struct segment *s, key_t key)
{
	struct segment_opts o = { .create = false };
	struct addr a;
	struct pzerr e;

	memset(&a, 0, sizeof a);
	a.how = ADDR_BY_KEY;
	a.key = key;
	if (segment_open(s, &a, &o, NULL, &e) != 0) {
		fprintf(stderr, "bench: cannot attach key 0x%08x: %s\n", (unsigned)key, e.msg);
		return -1;
	}
	return 0;
}

/* Remove what killed runs left: 0xB0 segments with no attachment and a dead creator; how many. */
int
keys_sweep(void)
{
	struct shmid_ds ds;
	struct shm_info info;
	int i, max, id, n = 0;

	max = shmctl(0, SHM_INFO, (struct shmid_ds *)(void *)&info);
	for (i = 0; i <= max; i++) {
		id = shmctl(i, SHM_STAT, &ds);
		if (id < 0 || ((unsigned)ds.shm_perm.__key >> 24) != 0xB0u || ds.shm_nattch != 0)
			continue;
		if (kill(ds.shm_cpid, 0) == 0 || errno != ESRCH)
			continue;
		if (shmctl(id, IPC_RMID, NULL) == 0)
			n++;
	}
	return n;
}
