/*
 * soak.c - a long run of many clients on one board, to find what only time
 * shows: memory that grows, descriptors that leak, segments left behind,
 * cells lost between writers. Not part of `make check` (docs/security.md
 * says how to run it):
 *
 *   soak [-s SECONDS] [-w WRITERS] [-u UI_CLIENTS] [-p PIZARRA]
 *
 * for SECONDS (default 600) it runs, on a 256x80 board under a key of its
 * own (0xCF << 24 | pid):
 *   - WRITERS (default 16) library clients, each with a slot (claim,
 *     heartbeat, cursor, reap) drawing at random, 200 operations a second,
 *     in a 64x16 region of its own: characters narrow and wide, erasures,
 *     puts; each keeps its own copy of what it drew and checks the region
 *     against it every 5 s and at the end (a lost or changed cell fails);
 *   - 2 readers attached read-only, woken by every change, dumping the
 *     board (plain and coloured) and listing the clients;
 *   - clients that come and go, one every 100 ms (at most 8 at a time): they
 *     attach, claim a slot, scribble in rows 72-79, and leave after 0.2-2 s,
 *     one in five killed with SIGKILL instead (its slot must be reaped); one
 *     in ten also creates a board under a second key (0xCE << 24 | pid) and
 *     removes it;
 *   - UI_CLIENTS (default 2) real `pizarra` processes in ptys (TERM
 *     xterm-256color, 120x40), typing and moving along rows 64 and 68.
 * Every long-lived process (writers, readers, UI clients, this one) is
 * sampled every 5 s: VmRSS and the number of open descriptors must be the
 * same at the end as after warming up (RSS within 1 MiB). At the end the
 * writers verify their regions, the UI clients quit with F10 (status 0),
 * no slot is left in use, the board is removed, and no segment is left
 * under either key or created by any process of the run.
 * Exit status 0 when every check passed, 1 otherwise, 2 usage.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "board.h"
#include "cell.h"
#include "client.h"
#include "dump.h"
#include "notify.h"
#include "segment.h"
#include "text.h"

#define SOAK_COLS        256
#define SOAK_ROWS        80
#define SOAK_REGION_W    64
#define SOAK_REGION_H    16
#define SOAK_MAX_WRITERS 16
#define SOAK_MAX_UI      4
#define SOAK_MAX_CHURN   8
#define SOAK_SAMPLE_MS   5000
#define SOAK_RSS_SLACK   1024      /* kB an RSS may grow after warming up */

/* A long-lived process the run watches. */
struct soak_proc {
	char name[32];
	pid_t pid;
	int pty;                   /* UI clients: the pty master, else -1 */
	long rss_warm, rss_end, rss_max;   /* kB */
	int fds_warm, fds_end;
	int ui;                    /* UI clients: their number, else -1 */
	bool warm, placed;
	int status;                /* as waitpid reports it, -1 still running */
};

static struct soak_proc soak_procs[SOAK_MAX_WRITERS + 2 + SOAK_MAX_UI + 1];
static int soak_nprocs;
static volatile sig_atomic_t soak_stop;
static pid_t *soak_pids;           /* every process the run started */
static size_t soak_npids, soak_cappids;
static key_t soak_key, soak_key2;
static const char *soak_pizarra = "src/pizarra";

/* Milliseconds on the monotonic clock. */
static uint64_t
soak_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Sleep for ms milliseconds (interrupted by a signal). */
static void
soak_sleep(unsigned ms)
{
	struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* A small per-process random generator (xorshift64). */
static uint64_t soak_rng_state;

/* Seed the generator from the pid and the clock. */
static void
soak_seed(void)
{
	soak_rng_state = (uint64_t)getpid() * 0x9E3779B97F4A7C15ull ^ soak_now() ^ 0xD1B54A32D192ED03ull;
	if (soak_rng_state == 0)
		soak_rng_state = 1;
}

/* A random number below n (n > 0). */
static uint32_t
soak_rand(uint32_t n)
{
	soak_rng_state ^= soak_rng_state << 13;
	soak_rng_state ^= soak_rng_state >> 7;
	soak_rng_state ^= soak_rng_state << 17;
	return (uint32_t)(soak_rng_state % n);
}

/* SIGTERM: finish up. */
static void
soak_on_term(int sig)
{
	(void)sig;
	soak_stop = 1;
}

/* Install the SIGTERM handler (no SA_RESTART, so sleeps end early). */
static void
soak_catch_term(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = soak_on_term;
	sigaction(SIGTERM, &sa, NULL);
}

/* Open the board under key: create it (create) or attach it. Exits on failure. */
static void
soak_open(struct segment *s, key_t key, bool create, bool readonly)
{
	struct segment_opts so = {
		.create = create, .readonly = readonly,
		.cols = SOAK_COLS, .rows = SOAK_ROWS, .mode = 0600,
	};
	struct addr a;
	struct pzerr e;

	addr_default(&a);
	a.how = ADDR_BY_KEY;
	a.key = key;
	if (segment_open(s, &a, &so, NULL, &e) != 0) {
		fprintf(stderr, "soak[%d]: %s\n", (int)getpid(), e.msg);
		_exit(3);
	}
}

/* ------------------------------------------------------------------ writers */

/* A writer's region and its own copy of what it drew there. */
struct soak_region {
	uint32_t x0, y0;
	uint64_t model[SOAK_REGION_H][SOAK_REGION_W];   /* contents, no write counters */
};

/* True when the model word is a wide character. */
static bool
soak_is_wide(uint64_t w)
{
	return cell_width(cell_cp(w)) == 2;
}

/* Apply board_draw's rules to the model (see board.h: wide characters stay whole). */
static void
soak_model_draw(struct soak_region *r, uint32_t c, uint32_t y, uint32_t cp, unsigned colour,
		unsigned author)
{
	uint64_t *m = r->model[y];
	int w = cp == 0 ? 1 : cell_width(cp);
	uint32_t last = c + (uint32_t)w - 1;

	if (c > 0 && cell_cp(m[c]) == CELL_CONT && soak_is_wide(m[c - 1]))
		m[c - 1] = CELL_EMPTY;
	if (last + 1 < SOAK_REGION_W && soak_is_wide(m[last]) && cell_cp(m[last + 1]) == CELL_CONT)
		m[last + 1] = CELL_EMPTY;
	if (cp == 0) {
		m[c] = CELL_EMPTY;
		return;
	}
	if (w == 2)
		m[c + 1] = cell_make(CELL_CONT, colour, author);
	m[c] = cell_make(cp, colour, author);
}

/* Compare the region with the model; print the differences. Returns how many. */
static int
soak_verify(const struct board *b, const struct soak_region *r, const char *who)
{
	uint32_t x, y;
	uint64_t got;
	int bad = 0;

	for (y = 0; y < SOAK_REGION_H; y++)
		for (x = 0; x < SOAK_REGION_W; x++) {
			got = cell_content(board_get(b, r->x0 + x, r->y0 + y));
			if (got != r->model[y][x]) {
				if (bad < 5)
					fprintf(stderr, "soak: %s: cell %u,%u is 0x%012llx, drew 0x%012llx\n",
					    who, r->x0 + x, r->y0 + y, (unsigned long long)got,
					    (unsigned long long)r->model[y][x]);
				bad++;
			}
		}
	return bad;
}

/* One writer: draw at random in region n until SIGTERM, checking as it goes. */
static int
soak_writer(int n)
{
	static const uint32_t cps[] = { 'a', 'z', 'Q', '#', 0xE9, 0x2500, 0x2588, 0x4E00,
	    0x1F600, 0, 0, ' ' };
	static struct soak_region r;
	struct client_info me;
	struct segment s;
	struct pzerr e;
	uint64_t next_beat, next_check;
	unsigned long ops = 0, checks = 0;
	unsigned colour, author;
	uint32_t x, y, cp;
	int bad = 0;
	char who[32];

	soak_seed();
	snprintf(who, sizeof who, "writer %d", n);
	soak_open(&s, soak_key, false, false);
	if (client_self(&me, &e) != 0 || client_claim(&s.board, &me, &e) != 0) {
		fprintf(stderr, "soak: %s: %s\n", who, e.msg);
		return 3;
	}
	author = (unsigned)me.slot + 1;
	r.x0 = (uint32_t)(n % 4) * SOAK_REGION_W;
	r.y0 = (uint32_t)(n / 4) * SOAK_REGION_H;
	for (y = 0; y < SOAK_REGION_H; y++)
		for (x = 0; x < SOAK_REGION_W; x++)
			r.model[y][x] = cell_content(board_get(&s.board, r.x0 + x, r.y0 + y));
	next_beat = soak_now() + 1000;
	next_check = soak_now() + 5000;
	while (!soak_stop && bad == 0) {
		x = 1 + soak_rand(SOAK_REGION_W - 3);
		y = soak_rand(SOAK_REGION_H);
		colour = soak_rand(16);
		if (soak_rand(8) == 0) {
			char text[8];
			int len = 1 + (int)soak_rand(6), i;

			if (x + (uint32_t)len > SOAK_REGION_W - 2)
				x = SOAK_REGION_W - 2 - (uint32_t)len;
			for (i = 0; i < len; i++)
				text[i] = (char)('a' + soak_rand(26));
			if (text_put(&s.board, r.x0 + x, r.y0 + y, text, (size_t)len, colour, author,
			    &e) != 0) {
				fprintf(stderr, "soak: %s: put: %s\n", who, e.msg);
				bad++;
			}
			notify_bump(&s.board);
			for (i = 0; i < len; i++)
				soak_model_draw(&r, x + (uint32_t)i, y, (unsigned char)text[i], colour,
				    author);
		} else {
			cp = cps[soak_rand(sizeof cps / sizeof cps[0])];
			if (board_draw(&s.board, r.x0 + x, r.y0 + y, cp, colour, author) < 0) {
				fprintf(stderr, "soak: %s: draw U+%04X at %u,%u refused\n", who, cp,
				    r.x0 + x, r.y0 + y);
				bad++;
			}
			soak_model_draw(&r, x, y, cp, colour, author);
			notify_bump(&s.board);
		}
		me.col = r.x0 + x;
		me.row = r.y0 + y;
		client_update(&s.board, &me);
		ops++;
		if (soak_now() >= next_beat) {
			if (client_heartbeat(&s.board, &me) != 0) {
				fprintf(stderr, "soak: %s: lost its slot\n", who);
				bad++;
			}
			client_reap(&s.board);
			next_beat = soak_now() + 1000;
		}
		if (soak_now() >= next_check) {
			bad += soak_verify(&s.board, &r, who);
			checks++;
			next_check = soak_now() + 5000;
		}
		soak_sleep(5);
	}
	bad += soak_verify(&s.board, &r, who);
	client_release(&s.board, &me);
	segment_detach(&s, NULL);
	printf("soak: %s (pid %d): %lu operations, %lu checks on the way, %s\n", who,
	    (int)getpid(), ops, checks + 1, bad ? "CELLS LOST OR CHANGED" : "every cell as drawn");
	fflush(stdout);
	return bad ? 1 : 0;
}

/* ------------------------------------------------------------------ readers */

/* One reader: wake on every change, dump, list the clients, until SIGTERM. */
static int
soak_reader(int n)
{
	static struct client_info list[BOARD_SLOTS];
	unsigned long dumps = 0;
	struct segment s;
	struct strbuf sb;
	uint32_t gen;

	soak_open(&s, soak_key, false, true);
	strbuf_init(&sb);
	gen = notify_generation(&s.board);
	while (!soak_stop) {
		notify_wait(&s.board, gen, 200);
		gen = notify_generation(&s.board);
		strbuf_reset(&sb);
		if (dump_text(&s.board, &sb, dumps % 2 == 1) != 0) {
			fprintf(stderr, "soak: reader %d: dump failed\n", n);
			return 1;
		}
		client_list(&s.board, list, BOARD_SLOTS);
		dumps++;
		soak_sleep(20);
	}
	strbuf_free(&sb);
	segment_detach(&s, NULL);
	printf("soak: reader %d (pid %d): %lu dumps\n", n, (int)getpid(), dumps);
	fflush(stdout);
	return 0;
}

/* ------------------------------------------------------------ come and go */

/* A passing client: claim, scribble in rows 72-79, leave (or be killed). */
static int
soak_churn(unsigned serial)
{
	uint64_t until;
	struct client_info me;
	struct segment s, other;
	struct pzerr e;

	soak_seed();
	until = soak_now() + 200 + soak_rand(1800);
	soak_open(&s, soak_key, false, false);
	if (client_self(&me, &e) != 0 || client_claim(&s.board, &me, &e) != 0) {
		fprintf(stderr, "soak: passing client: %s\n", e.msg);
		return 3;
	}
	if (serial % 10 == 0) {
		soak_open(&other, soak_key2, true, false);
		text_put(&other.board, 0, 0, "temporary", 9, 1, 0, NULL);
		notify_bump(&other.board);
		segment_remove(other.shmid, NULL, NULL);
		segment_detach(&other, NULL);
	}
	while (!soak_stop && soak_now() < until) {
		me.col = soak_rand(SOAK_COLS - 2);
		me.row = 72 + soak_rand(8);
		board_draw(&s.board, me.col, me.row, 'a' + soak_rand(26), me.colour,
		    (unsigned)me.slot + 1);
		client_update(&s.board, &me);
		notify_bump(&s.board);
		soak_sleep(10);
	}
	client_release(&s.board, &me);
	segment_detach(&s, NULL);
	return 0;
}

/* ---------------------------------------------------------------- parent */

/* Remember a pid the run started. */
static void
soak_add_pid(pid_t pid)
{
	pid_t *p;

	if (soak_npids == soak_cappids) {
		soak_cappids = soak_cappids ? soak_cappids * 2 : 1024;
		p = realloc(soak_pids, soak_cappids * sizeof *p);
		if (p == NULL) {
			perror("soak: realloc");
			exit(1);
		}
		soak_pids = p;
	}
	soak_pids[soak_npids++] = pid;
}

/* Fork a child running fn(arg); exits on failure. */
static pid_t
soak_spawn(int (*fn)(int), int arg)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("soak: fork");
		exit(1);
	}
	if (pid == 0) {
		soak_catch_term();
		_exit(fn(arg));
	}
	soak_add_pid(pid);
	return pid;
}

/* Adapter: a passing client with its serial number. */
static int
soak_churn_main(int serial)
{
	return soak_churn((unsigned)serial);
}

/* Watch a long-lived process. */
static struct soak_proc *
soak_watch(const char *name, pid_t pid, int pty)
{
	struct soak_proc *p = &soak_procs[soak_nprocs++];

	snprintf(p->name, sizeof p->name, "%s", name);
	p->pid = pid;
	p->pty = pty;
	p->ui = -1;
	p->status = -1;
	return p;
}

/* Start a UI client in a pty; returns its pid (the pty master in *master). */
static pid_t
soak_ui(int n, int *master)
{
	struct winsize ws = { .ws_row = 40, .ws_col = 120 };
	char key[16];
	pid_t pid;

	snprintf(key, sizeof key, "0x%08x", (unsigned)soak_key);
	fflush(stdout);
	pid = forkpty(master, NULL, NULL, &ws);
	if (pid < 0) {
		perror("soak: forkpty");
		exit(1);
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		execl(soak_pizarra, "pizarra", "-k", key, (char *)NULL);
		fprintf(stderr, "soak: exec %s: %s\n", soak_pizarra, strerror(errno));
		_exit(127);
	}
	(void)n;
	fcntl(*master, F_SETFL, fcntl(*master, F_GETFL) | O_NONBLOCK);
	soak_add_pid(pid);
	return pid;
}

/* VmRSS of pid in kB, -1 when unknown. */
static long
soak_rss(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	f = fopen(path, "re");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* Open descriptors of pid, -1 when unknown. */
static int
soak_fds(pid_t pid)
{
	char path[64];
	struct dirent *de;
	int n = 0;
	DIR *d;

	snprintf(path, sizeof path, "/proc/%d/fd", (int)pid);
	d = opendir(path);
	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

/* Sample every watched process; the first sample after warming up is the baseline. */
static void
soak_sample(bool warm_now, bool final)
{
	int i;

	for (i = 0; i < soak_nprocs; i++) {
		struct soak_proc *p = &soak_procs[i];
		long rss = soak_rss(p->pid);
		int fds = soak_fds(p->pid);

		if (rss < 0 || p->status != -1)
			continue;
		if (rss > p->rss_max)
			p->rss_max = rss;
		if (warm_now && !p->warm) {
			p->warm = true;
			p->rss_warm = rss;
			p->fds_warm = fds;
		}
		if (final) {
			p->rss_end = rss;
			p->fds_end = fds;
		}
	}
}

/* Read and drop what the UI clients wrote to their terminals. */
static void
soak_drain(int timeout_ms)
{
	struct pollfd pfd[SOAK_MAX_UI];
	char buf[65536];
	int i, n = 0;

	for (i = 0; i < soak_nprocs; i++) {
		struct soak_proc *p = &soak_procs[i];

		if (p->pty >= 0 && p->status != -1) {
			close(p->pty);
			p->pty = -1;
		}
		if (p->pty >= 0 && n < SOAK_MAX_UI) {
			pfd[n].fd = p->pty;
			pfd[n].events = POLLIN;
			n++;
		}
	}
	if (n == 0) {
		soak_sleep((unsigned)timeout_ms);
		return;
	}
	if (poll(pfd, (nfds_t)n, timeout_ms) <= 0)
		return;
	for (i = 0; i < n; i++)
		if (pfd[i].revents & (POLLIN | POLLHUP))
			while (read(pfd[i].fd, buf, sizeof buf) > 0)
				;
}

/* Send keys to UI client i. */
static void
soak_keys(const struct soak_proc *p, const char *keys)
{
	ssize_t w = write(p->pty, keys, strlen(keys));

	(void)w;
}

/* The row of pid's cursor, from its slot (UINT32_MAX when it holds none). */
static uint32_t
soak_row_of(const struct board *b, pid_t pid)
{
	static struct client_info list[BOARD_SLOTS];
	int i, n = client_list(b, list, BOARD_SLOTS);

	for (i = 0; i < n; i++)
		if (list[i].pid == pid)
			return list[i].row;
	return UINT32_MAX;
}

/* True when pid holds a slot on the board. */
static bool
soak_has_slot(const struct board *b, pid_t pid)
{
	return soak_row_of(b, pid) != UINT32_MAX;
}

/* Reap finished children; watched ones get their status recorded. */
static void
soak_reap(int *churn_running, unsigned long *churn_done, unsigned long *churn_failed)
{
	int status, i;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		bool watched = false;

		for (i = 0; i < soak_nprocs; i++)
			if (soak_procs[i].pid == pid) {
				soak_procs[i].status = status;
				watched = true;
			}
		if (watched)
			continue;
		(*churn_running)--;
		(*churn_done)++;
		if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) &&
		    !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
			(*churn_failed)++;
			fprintf(stderr, "soak: passing client %d ended with status 0x%x\n", (int)pid,
			    (unsigned)status);
		}
	}
}

/* Count the segments under key, and those created by a process of the run. */
static void
soak_segments(key_t key, int *under_key, int *ours)
{
	char line[512];
	long k, id, perms, size, cpid;
	FILE *f = fopen("/proc/sysvipc/shm", "re");
	size_t i;

	*under_key = *ours = 0;
	if (f == NULL)
		return;
	if (fgets(line, sizeof line, f) == NULL) {
		fclose(f);
		return;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "%ld %ld %lo %ld %ld", &k, &id, &perms, &size, &cpid) != 5)
			continue;
		if ((key_t)k == key)
			(*under_key)++;
		if (cpid == getpid())
			(*ours)++;
		for (i = 0; i < soak_npids; i++)
			if (soak_pids[i] == cpid)
				(*ours)++;
	}
	fclose(f);
}

/* Parse the options. */
static int
soak_options(int argc, char **argv, long *secs, int *writers, int *uis)
{
	int c;

	while ((c = getopt(argc, argv, "s:w:u:p:h")) != -1) {
		switch (c) {
		case 's':
			*secs = atol(optarg);
			break;
		case 'w':
			*writers = atoi(optarg);
			break;
		case 'u':
			*uis = atoi(optarg);
			break;
		case 'p':
			soak_pizarra = optarg;
			break;
		default:
			return -1;
		}
	}
	if (*secs < 10 || *writers < 1 || *writers > SOAK_MAX_WRITERS || *uis < 0 ||
	    *uis > SOAK_MAX_UI || optind != argc)
		return -1;
	return 0;
}

/* Stop the long-lived processes and wait for them (UI clients with F10). */
static void
soak_finish(void)
{
	uint64_t deadline = soak_now() + 15000;
	bool left;
	int i, status;

	for (i = 0; i < soak_nprocs; i++) {
		if (soak_procs[i].pid == getpid() || soak_procs[i].status != -1)
			continue;
		if (soak_procs[i].pty >= 0)
			soak_keys(&soak_procs[i], "\033[21~");
		else
			kill(soak_procs[i].pid, SIGTERM);
	}
	do {
		left = false;
		soak_drain(50);
		for (i = 0; i < soak_nprocs; i++) {
			struct soak_proc *p = &soak_procs[i];

			if (p->pid == getpid() || p->status != -1)
				continue;
			if (waitpid(p->pid, &status, WNOHANG) == p->pid)
				p->status = status;
			else
				left = true;
		}
	} while (left && soak_now() < deadline);
	for (i = 0; i < soak_nprocs; i++) {
		struct soak_proc *p = &soak_procs[i];

		if (p->pid != getpid() && p->status == -1) {
			fprintf(stderr, "soak: %s (pid %d) did not finish: SIGKILL\n", p->name,
			    (int)p->pid);
			kill(p->pid, SIGKILL);
			waitpid(p->pid, &p->status, 0);
			p->status = -2;
		}
	}
	while (waitpid(-1, &status, 0) > 0)
		;
}

/* Run the soak. */
int
main(int argc, char **argv)
{
	long secs = 600;
	int writers = 16, uis = 2, i, churn_running = 0, under, ours, failures = 0;
	int under2, ours2;
	unsigned long churn_done = 0, churn_failed = 0, churn_killed = 0;
	uint64_t start, end, warm_at, next_sample, next_churn, next_keys;
	struct segment s;
	unsigned serial = 0;

	if (soak_options(argc, argv, &secs, &writers, &uis) != 0) {
		fprintf(stderr, "usage: soak [-s SECONDS (>= 10)] [-w WRITERS (1-%d)] "
		    "[-u UI_CLIENTS (0-%d)] [-p PIZARRA]\n", SOAK_MAX_WRITERS, SOAK_MAX_UI);
		return 2;
	}
	if (uis > 0 && access(soak_pizarra, X_OK) != 0) {
		fprintf(stderr, "soak: %s: %s (give the binary with -p, or -u 0)\n", soak_pizarra,
		    strerror(errno));
		return 2;
	}
	soak_seed();
	signal(SIGPIPE, SIG_IGN);
	soak_key = (key_t)(0xCFu << 24 | ((unsigned)getpid() & 0xFFFFFF));
	soak_key2 = (key_t)(0xCEu << 24 | ((unsigned)getpid() & 0xFFFFFF));
	soak_open(&s, soak_key, true, false);
	printf("soak: %ld s, %d writers, 2 readers, clients coming and going, %d UI clients; "
	    "board 0x%08x (shmid %d)\n", secs, writers, uis, (unsigned)soak_key, s.shmid);
	soak_watch("soak (this process)", getpid(), -1);
	for (i = 0; i < writers; i++) {
		char name[32];

		snprintf(name, sizeof name, "writer %d", i);
		soak_watch(name, soak_spawn(soak_writer, i), -1);
	}
	soak_watch("reader 0", soak_spawn(soak_reader, 0), -1);
	soak_watch("reader 1", soak_spawn(soak_reader, 1), -1);
	for (i = 0; i < uis; i++) {
		char name[32];
		int master;
		pid_t pid = soak_ui(i, &master);

		snprintf(name, sizeof name, "pizarra UI %d", i);
		soak_watch(name, pid, master)->ui = i;
	}
	start = soak_now();
	end = start + (uint64_t)secs * 1000;
	warm_at = start + (uint64_t)(secs / 5 < 30 ? secs / 5 : 30) * 1000;
	next_sample = start + SOAK_SAMPLE_MS;
	next_churn = start;
	next_keys = start + 1000;
	while (soak_now() < end) {
		uint64_t now;

		soak_drain(20);
		soak_reap(&churn_running, &churn_done, &churn_failed);
		now = soak_now();
		if (now >= next_churn && churn_running < SOAK_MAX_CHURN) {
			pid_t pid = soak_spawn(soak_churn_main, (int)serial++);

			churn_running++;
			if (soak_rand(5) == 0) {
				soak_sleep(50 + soak_rand(100));
				kill(pid, SIGKILL);
				churn_killed++;
			}
			next_churn = now + 100;
		}
		if (now >= next_keys) {
			/* Arrows as the keypad sends them in application mode (smkx). */
			static const char *const keys[] = { "\033OC", "\033OD", "x", "y", "\033OC\033OC" };

			for (i = 0; i < soak_nprocs; i++) {
				struct soak_proc *p = &soak_procs[i];

				if (p->pty < 0)
					continue;
				if (!p->placed) {
					int k;

					/* Once it holds a slot (it is drawing), down to its own
					 * row: 64, 68 (72, 76). */
					if (!soak_has_slot(&s.board, p->pid))
						continue;
					for (k = 0; k < 64 + 4 * p->ui; k++)
						soak_keys(p, "\033OB");
					p->placed = true;
				} else if (soak_row_of(&s.board, p->pid) == 64 + 4 * (uint32_t)p->ui) {
					soak_keys(p, keys[soak_rand(5)]);
				}
			}
			next_keys = now + 100;
		}
		if (now >= next_sample) {
			soak_sample(now >= warm_at, false);
			next_sample = now + SOAK_SAMPLE_MS;
		}
	}
	soak_sample(true, true);
	end = soak_now() + 5000;
	while (churn_running > 0 && soak_now() < end) {
		soak_drain(20);
		soak_reap(&churn_running, &churn_done, &churn_failed);
	}
	soak_finish();

	printf("\n%-22s %7s %9s %9s %9s %6s %6s  %s\n", "process", "pid", "RSS warm", "RSS end",
	    "RSS max", "fds", "fds", "verdict");
	for (i = 0; i < soak_nprocs; i++) {
		struct soak_proc *p = &soak_procs[i];
		bool self = p->pid == getpid();
		bool ok_exit = self || (p->status >= 0 && WIFEXITED(p->status) &&
		    WEXITSTATUS(p->status) == 0);
		bool ok_mem = p->rss_end - p->rss_warm <= SOAK_RSS_SLACK;
		bool ok_fds = p->fds_end == p->fds_warm;

		printf("%-22s %7d %6ld kB %6ld kB %6ld kB %6d %6d  %s%s%s\n", p->name, (int)p->pid,
		    p->rss_warm, p->rss_end, p->rss_max, p->fds_warm, p->fds_end,
		    ok_exit ? "" : "EXIT STATUS WRONG ", ok_mem ? "" : "MEMORY GREW ",
		    ok_fds ? "ok" : "DESCRIPTORS LEAKED");
		if (!ok_exit || !ok_mem || !ok_fds)
			failures++;
	}
	printf("passing clients: %lu came and went (%lu killed with SIGKILL), %lu failed\n",
	    churn_done, churn_killed, churn_failed);
	if (churn_failed > 0)
		failures++;
	if (uis > 0) {
		uint32_t x, y;
		int drawn = 0;

		for (y = 64; y < 72; y++)
			for (x = 0; x < SOAK_COLS; x++)
				drawn += cell_cp(board_get(&s.board, x, y)) != 0;
		printf("UI clients: %d cells drawn in rows 64-71\n", drawn);
		if (drawn == 0)
			failures++;
	}
	i = client_reap(&s.board);
	{
		static struct client_info list[BOARD_SLOTS];
		int left = client_list(&s.board, list, BOARD_SLOTS);

		printf("slots: %d reaped at the end, %d still in use\n", i, left);
		if (left != 0)
			failures++;
	}
	segment_remove(s.shmid, NULL, NULL);
	segment_detach(&s, NULL);
	soak_segments(soak_key, &under, &ours);
	soak_segments(soak_key2, &under2, &ours2);
	printf("segments: %d under 0x%08x, %d under 0x%08x, %d created by this run left\n",
	    under, (unsigned)soak_key, under2, (unsigned)soak_key2, ours);
	if (under != 0 || under2 != 0 || ours != 0)
		failures++;
	printf("soak: %s\n", failures ? "FAILED" : "passed");
	free(soak_pids);
	return failures ? 1 : 0;
}
