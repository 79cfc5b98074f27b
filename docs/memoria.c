/*
 * memoria.c - the lecture's example (Memoria Compartida, Sistemas
 * Operativos, Práctica 3), corrected. It creates a segment for ten ints
 * with ftok + shmget(IPC_CREAT | IPC_EXCL), attaches it, stores 0..9,
 * waits for Enter, then detaches and removes the segment. A second run
 * with "set" changes one value from another process.
 *
 *   cc -o memoria memoria.c
 *   ./memoria                    create, fill, wait for Enter, remove
 *   ./memoria set 3 42           (in another terminal) buffer[3] = 42
 *   ./memoria [set I V] FILE ID  with another key file and project id
 *                                (default /bin/cat and 1300, the lecture's)
 *
 * What was wrong in the lecture's version, and is fixed here:
 *   - shmat returns (void *)-1 on failure, not NULL: the check
 *     `buffer == NULL` never caught an error;
 *   - the segment was never removed when anything failed after shmget
 *     (and with IPC_EXCL the next run then fails with EEXIST for ever),
 *     nor when the program was interrupted (Ctrl-C): here every way out
 *     removes it;
 *   - key was declared twice, as an int (ftok returns a key_t), `char c:`
 *     had a colon, `struct_shmid_ds` an underscore, and the program did
 *     not compile.
 *
 * See docs/teaching.md, "Exercise: your own segment, live".
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/types.h>

#define FILEKEY "/bin/cat"   /* for ftok */
#define KEY 1300             /* ftok keeps its low 8 bits: 1300 & 0xff = 20 */
#define MAXBUF 10

static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* Attach the existing segment and set buffer[i] = v: a second program writing. */
static int
set_value(key_t key, long i, long v)
{
	int id = shmget(key, 0, 0);   /* size 0: find the existing segment, whatever its size */
	int *buffer;

	if (id == -1) {
		fprintf(stderr, "shmget: %s (is ./memoria running?)\n", strerror(errno));
		return 1;
	}
	if (i < 0 || i >= MAXBUF) {
		fprintf(stderr, "index %ld: the buffer has %d ints (0..%d)\n", i, MAXBUF, MAXBUF - 1);
		return 1;
	}
	buffer = shmat(id, NULL, 0);
	if (buffer == (void *)-1) {
		perror("shmat");
		return 1;
	}
	buffer[i] = (int)v;
	printf("buffer[%ld] = %ld in shmid %d\n", i, v, id);
	if (shmdt(buffer) == -1)
		perror("shmdt");
	return 0;
}

int
main(int argc, char *argv[])
{
	const char *file = FILEKEY;
	int proj = KEY, id_zone, i, c, rc = 0, args = 1, removed = 0;
	struct sigaction sa;
	struct shmid_ds ds;
	int *buffer;
	key_t key;

	if (argc >= 4 && strcmp(argv[1], "set") == 0)
		args = 4;
	if (argc > args)
		file = argv[args];
	if (argc > args + 1)
		proj = atoi(argv[args + 1]);
	/* Key to shared memory */
	key = ftok(file, proj);
	if (key == (key_t)-1) {
		fprintf(stderr, "ftok(\"%s\", %d): %s\n", file, proj, strerror(errno));
		return 1;
	}
	if (args == 4)
		return set_value(key, strtol(argv[2], NULL, 10), strtol(argv[3], NULL, 10));

	/* We create the shared memory: exactly one process creates it (IPC_EXCL) */
	id_zone = shmget(key, sizeof(int) * MAXBUF, IPC_CREAT | IPC_EXCL | SHM_R | SHM_W);
	if (id_zone == -1) {
		fprintf(stderr, "shmget(0x%08x): %s%s\n", (unsigned)key, strerror(errno),
		    errno == EEXIST ? " (a segment has this key already: ipcs -m, ipcrm -M)" : "");
		return 1;
	}
	/* Every way out from here removes the segment: Ctrl-C and kill too */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	/* We link the zone to share; shmat returns (void *)-1 on failure, not NULL */
	buffer = shmat(id_zone, NULL, 0);
	if (buffer == (void *)-1) {
		perror("shmat");
		shmctl(id_zone, IPC_RMID, NULL);
		return 1;
	}
	printf("Pointer buffer shared memory: %p (key 0x%08x, shmid %d)\n", (void *)buffer,
	    (unsigned)key, id_zone);
	for (i = 0; i < MAXBUF; i++)
		buffer[i] = i;
	printf("buffer holds 0..%d; press Enter to detach and remove it\n", MAXBUF - 1);
	fflush(stdout);

	/* The daemon executes until a character (or a signal) comes */
	do
		c = getchar();
	while (c != EOF && c != '\n' && !interrupted);
	if (interrupted)
		rc = 130;
	printf("buffer:");
	for (i = 0; i < MAXBUF; i++)
		printf(" %d", buffer[i]);
	printf("\n");

	/* Was it marked for removal meanwhile (IPC_RMID from another process)? */
	if (shmctl(id_zone, IPC_STAT, &ds) == 0 && (ds.shm_perm.mode & SHM_DEST))
		removed = 1;
	/* Free the shared memory: 4a. detach, 4b. mark it for removal */
	if (shmdt(buffer) == -1) {
		perror("shmdt");
		rc = 1;
	}
	if (removed)
		printf("shmid %d was marked for removal already (dest): it went at our "
		    "detach\n", id_zone);
	else if (shmctl(id_zone, IPC_RMID, NULL) == -1) {
		perror("shmctl(IPC_RMID)");
		rc = 1;
	} else
		printf("shmid %d removed\n", id_zone);
	return rc;
}
