/*
 * foreign.c - the shell tests' maker of foreign segments (segments that
 * are no boards, as students' programs make them), for pizarra ls, top and
 * peek (tests/lib/foreign.sh runs it). Built by `make check`; no test
 * itself. Every subcommand prints what the test needs on standard output
 * and says what went wrong on standard error.
 *
 *   foreign ints KEY N [MODE]       shmget(KEY, 4 * N, IPC_CREAT|IPC_EXCL|MODE,
 *                                   default 0600) holding the ints 0..N-1,
 *                                   as the lecture's example does; KEY 0 is
 *                                   IPC_PRIVATE; prints the shmid
 *   foreign random KEY SIZE SEED [MODE]  SIZE pseudo-random bytes (xorshift
 *                                   from SEED); prints the shmid
 *   foreign many N SIZE [UID]       N IPC_PRIVATE segments of SIZE bytes (one
 *                                   shmid a line), given to UID when given
 *   foreign set32 SHMID INDEX VALUE store int32 VALUE at index INDEX, as a
 *                                   second program of the exercise would
 *   foreign sum SHMID               FNV-1a (64 bits) of every byte, read-only
 *   foreign chown SHMID UID         shmctl(IPC_SET) of the owner (a test's own
 *                                   uid, for pizarra top --owner UID)
 *   foreign holdas NAME SHMID rw|ro name this process NAME (prctl: any bytes,
 *                                   escapes too, as a program may), attach
 *                                   SHMID, say "attached SHMID", stay
 *                                   attached until standard input ends
 *   foreign usage MS PID...         for each PID, the CPU time (ms) and the
 *                                   voluntary context switches (its sleeps;
 *                                   preemptions are left out) over the next
 *                                   MS ms: "pid PID: cpu N ms, switches N"
 *
 * Exit status: 0 done, 1 failure, 2 usage.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

static int
foreign_usage(void)
{
	fputs("usage: foreign ints KEY N [MODE] | random KEY SIZE SEED [MODE] | many N SIZE [UID]\n"
	    "       foreign set32 SHMID INDEX VALUE | sum SHMID | chown SHMID UID\n"
	    "       foreign holdas NAME SHMID rw|ro\n"
	    "       foreign usage MS PID...\n", stderr);
	return 2;
}

/* A number (decimal, or 0x hex, or 0 octal) up to max; exits 2 when it is not one. */
static unsigned long long
foreign_num(const char *s, unsigned long long max)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno != 0 || *end != '\0' || end == s || s[0] == '-' || v > max) {
		fprintf(stderr, "foreign: '%s' is not a number up to %llu\n", s, max);
		exit(2);
	}
	return v;
}

/* Create a segment of size bytes under key (0: IPC_PRIVATE) and attach it read-write. */
static unsigned char *
foreign_make(const char *key, size_t size, const char *modearg, int *id)
{
	int mode = modearg != NULL ? (int)foreign_num(modearg, 0777) : 0600;
	void *p;

	*id = shmget((key_t)(uint32_t)foreign_num(key, 0xFFFFFFFFull), size,
	    IPC_CREAT | IPC_EXCL | mode);
	if (*id < 0) {
		fprintf(stderr, "foreign: shmget(%s, %zu): %s\n", key, size, strerror(errno));
		exit(1);
	}
	p = shmat(*id, NULL, 0);
	if (p == (void *)-1) {
		fprintf(stderr, "foreign: shmat(%d): %s\n", *id, strerror(errno));
		shmctl(*id, IPC_RMID, NULL);
		exit(1);
	}
	return p;
}

static int
foreign_ints(const char *key, const char *narg, const char *mode)
{
	size_t n = (size_t)foreign_num(narg, 1u << 24), i;
	int32_t *v;
	int id;

	v = (int32_t *)foreign_make(key, n * sizeof *v, mode, &id);
	for (i = 0; i < n; i++)
		v[i] = (int32_t)i;
	shmdt(v);
	printf("%d\n", id);
	return 0;
}

static int
foreign_random(const char *key, const char *sizearg, const char *seedarg, const char *mode)
{
	size_t size = (size_t)foreign_num(sizearg, 1u << 30), i;
	uint64_t x = foreign_num(seedarg, UINT64_MAX) | 1;
	unsigned char *p;
	int id;

	p = foreign_make(key, size, mode, &id);
	for (i = 0; i < size; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		p[i] = (unsigned char)(x >> 24);
	}
	shmdt(p);
	printf("%d\n", id);
	return 0;
}

static int
foreign_many(const char *narg, const char *sizearg, const char *uidarg)
{
	unsigned long n = (unsigned long)foreign_num(narg, 4096), i;
	size_t size = (size_t)foreign_num(sizearg, 1u << 20);
	struct shmid_ds ds;
	int id;

	for (i = 0; i < n; i++) {
		id = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);
		if (id < 0) {
			fprintf(stderr, "foreign: shmget(IPC_PRIVATE, %zu), number %lu: %s\n", size,
			    i + 1, strerror(errno));
			return 1;
		}
		printf("%d\n", id);
		if (uidarg == NULL)
			continue;
		if (shmctl(id, IPC_STAT, &ds) == 0) {
			ds.shm_perm.uid = (uid_t)foreign_num(uidarg, 0xFFFFFFFEull);
			if (shmctl(id, IPC_SET, &ds) == 0)
				continue;
		}
		fprintf(stderr, "foreign: shmctl(%d): %s\n", id, strerror(errno));
		return 1;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

/* Attach shmid (read-only or not); exits 1 on failure. */
static void *
foreign_attach(const char *idarg, bool readonly, size_t *size)
{
	int id = (int)foreign_num(idarg, 0x7FFFFFFF);
	struct shmid_ds ds;
	void *p;

	if (shmctl(id, IPC_STAT, &ds) != 0) {
		fprintf(stderr, "foreign: shmctl(%d, IPC_STAT): %s\n", id, strerror(errno));
		exit(1);
	}
	p = shmat(id, NULL, readonly ? SHM_RDONLY : 0);
	if (p == (void *)-1) {
		fprintf(stderr, "foreign: shmat(%d): %s\n", id, strerror(errno));
		exit(1);
	}
	*size = ds.shm_segsz;
	return p;
}

static int
foreign_set32(const char *idarg, const char *indexarg, const char *valarg)
{
	size_t size, i = (size_t)foreign_num(indexarg, 1u << 28);
	uint32_t v = (uint32_t)foreign_num(valarg, 0xFFFFFFFFull);
	_Atomic uint32_t *p = foreign_attach(idarg, false, &size);

	if ((i + 1) * 4 > size) {
		fprintf(stderr, "foreign: index %zu is beyond the segment (%zu bytes)\n", i, size);
		shmdt((void *)p);
		return 1;
	}
	atomic_store_explicit(&p[i], v, memory_order_relaxed);
	shmdt((void *)p);
	return 0;
}

static int
foreign_sum(const char *idarg)
{
	size_t size, i;
	const _Atomic unsigned char *p = foreign_attach(idarg, true, &size);
	uint64_t h = 0xcbf29ce484222325ull;

	for (i = 0; i < size; i++) {
		h ^= atomic_load_explicit(&p[i], memory_order_relaxed);
		h *= 0x100000001b3ull;
	}
	shmdt((const void *)p);
	printf("%016llx %zu\n", (unsigned long long)h, size);
	return 0;
}

static int
foreign_chown(const char *idarg, const char *uidarg)
{
	int id = (int)foreign_num(idarg, 0x7FFFFFFF);
	struct shmid_ds ds;

	if (shmctl(id, IPC_STAT, &ds) != 0) {
		fprintf(stderr, "foreign: shmctl(%d, IPC_STAT): %s\n", id, strerror(errno));
		return 1;
	}
	ds.shm_perm.uid = (uid_t)foreign_num(uidarg, 0xFFFFFFFEull);
	if (shmctl(id, IPC_SET, &ds) != 0) {
		fprintf(stderr, "foreign: shmctl(%d, IPC_SET): %s\n", id, strerror(errno));
		return 1;
	}
	return 0;
}

static int
foreign_holdas(const char *name, const char *idarg, const char *how)
{
	char buf[64];
	size_t size;
	ssize_t r;
	void *p;

	if (strcmp(how, "rw") != 0 && strcmp(how, "ro") != 0)
		return foreign_usage();
	prctl(PR_SET_NAME, name, 0, 0, 0);
	p = foreign_attach(idarg, strcmp(how, "ro") == 0, &size);
	printf("attached %s\n", idarg);
	fflush(stdout);
	while ((r = read(STDIN_FILENO, buf, sizeof buf)) != 0)
		if (r < 0 && errno != EINTR)
			break;
	shmdt(p);
	printf("detached %s\n", idarg);
	return 0;
}

/* CPU time (ms) and context switches of pid, from /proc/PID/stat and /proc/PID/status. */
static bool
foreign_used(pid_t pid, unsigned long long *cpu, unsigned long long *sw)
{
	char path[64], line[1024], *p;
	unsigned long long ut, st, v;
	long tick = sysconf(_SC_CLK_TCK);
	FILE *f;
	int i;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return false;
	p = fgets(line, sizeof line, f);
	fclose(f);
	if (p == NULL || (p = strrchr(line, ')')) == NULL)
		return false;
	for (i = 2; i < 14 && p != NULL; i++)
		p = strchr(p + 1, ' ');
	if (p == NULL || sscanf(p, " %llu %llu", &ut, &st) != 2)
		return false;
	*cpu = (ut + st) * 1000 / (unsigned long long)(tick > 0 ? tick : 100);
	*sw = 0;
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return false;
	while (fgets(line, sizeof line, f) != NULL)
		/* the sleeps only: a preemption (nonvoluntary) is the machine's load, not ours */
		if (sscanf(line, "voluntary_ctxt_switches: %llu", &v) == 1)
			*sw += v;
	fclose(f);
	return true;
}

static int
foreign_usage_of(const char *msarg, int n, char **pids)
{
	unsigned long long ms = foreign_num(msarg, 3600000), c0[32], s0[32], c1, s1;
	struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000 };
	int i, rc = 0;

	if (n < 1 || n > 32)
		return foreign_usage();
	for (i = 0; i < n; i++)
		if (!foreign_used((pid_t)foreign_num(pids[i], 0x7FFFFFFF), &c0[i], &s0[i])) {
			fprintf(stderr, "foreign: pid %s: cannot read /proc\n", pids[i]);
			return 1;
		}
	nanosleep(&ts, NULL);
	for (i = 0; i < n; i++) {
		if (!foreign_used((pid_t)foreign_num(pids[i], 0x7FFFFFFF), &c1, &s1)) {
			fprintf(stderr, "foreign: pid %s went away\n", pids[i]);
			rc = 1;
			continue;
		}
		printf("pid %s: cpu %llu ms, switches %llu over %llu ms\n", pids[i], c1 - c0[i],
		    s1 - s0[i], ms);
	}
	return rc;
}

int
main(int argc, char **argv)
{
	const char *c = argc > 1 ? argv[1] : "";

	if (strcmp(c, "ints") == 0 && (argc == 4 || argc == 5))
		return foreign_ints(argv[2], argv[3], argc == 5 ? argv[4] : NULL);
	if (strcmp(c, "random") == 0 && (argc == 5 || argc == 6))
		return foreign_random(argv[2], argv[3], argv[4], argc == 6 ? argv[5] : NULL);
	if (strcmp(c, "many") == 0 && (argc == 4 || argc == 5))
		return foreign_many(argv[2], argv[3], argc == 5 ? argv[4] : NULL);
	if (strcmp(c, "set32") == 0 && argc == 5)
		return foreign_set32(argv[2], argv[3], argv[4]);
	if (strcmp(c, "sum") == 0 && argc == 3)
		return foreign_sum(argv[2]);
	if (strcmp(c, "chown") == 0 && argc == 4)
		return foreign_chown(argv[2], argv[3]);
	if (strcmp(c, "holdas") == 0 && argc == 5)
		return foreign_holdas(argv[2], argv[3], argv[4]);
	if (strcmp(c, "usage") == 0 && argc >= 4)
		return foreign_usage_of(argv[2], argc - 3, argv + 3);
	return foreign_usage();
}
