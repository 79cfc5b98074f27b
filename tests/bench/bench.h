/*
 * bench.h - what the parts of `make bench` share: the run's settings, the
 * result table (bench.c), the clock and sample statistics (stats.c), the
 * /proc counters (proc.c), the clean-up registry (cleanup.c), private
 * boards (keys.c), the tmux peer (tmux.c), the keystroke trial
 * (keystroke.c), the programs that only carry a key (floor.c) and one
 * entry point per measurement (keystroke.c, idle.c, storm.c, size.c,
 * lecture.c, fanout.c, firstframe.c). Terminal sessions are in pty.h, the
 * fan-out's groups of terminals in fanout.h.
 */
#ifndef PIZARRA_BENCH_H
#define PIZARRA_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "segment.h"

struct pty_session;

#define BENCH_TERM_COLS   120         /* every pty is 120x40 */
#define BENCH_TERM_ROWS   40
#define BENCH_READY_TEXT  "F10Quit"   /* a pizarra client has drawn its first screen */
#define BENCH_TMUX_READY  "[0] 0:"    /* a tmux client has drawn its status line */
#define BENCH_START_MS    10000       /* how long a client may take to draw its first screen */

/* The run's settings (command line). */
struct bench_config {
	const char *pizarra;     /* path of the pizarra program */
	const char *tmux;        /* path of tmux; NULL when there is none */
	const char *output;      /* the Markdown file to write */
	int keystrokes;          /* timed keystrokes per peer in #1 */
	int idle_s;              /* seconds of idleness in #3 */
	bool quick;              /* fewer trials everywhere: for trying the bench itself */
	unsigned stages;         /* bit n set: run measurement n (1..8) */
	int fanout[8];           /* #7: the numbers of terminals */
	int nfanout;
	int paces[4];            /* #7: ms between keys */
	int npaces;
	int fanout_keys;         /* #7: timed keystrokes per peer, N and pace */
};

/* What a table row concluded. */
enum bench_verdict {
	BENCH_PASS,
	BENCH_FAIL,
	BENCH_INFO,
	BENCH_SKIP,
};

/* bench.c: the result table and the notes under it. */
void bench_row(const char *what, const char *ours, const char *peer, const char *ratio,
	       const char *target, enum bench_verdict v);
void bench_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void bench_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void bench_ratio(char *buf, size_t n, double ours, double peer);
enum bench_verdict bench_verdict_of(bool ok);

/* stats.c: the clock and samples. */
struct samples {
	double *v;
	size_t n, cap;
};
uint64_t stats_now_ns(void);
void stats_sleep_ns(uint64_t ns);
void stats_init(struct samples *s);
void stats_add(struct samples *s, double x);
double stats_percentile(struct samples *s, double p);
void stats_free(struct samples *s);

/* proc.c: what the kernel counts for a process (all its threads summed). */
struct proc_counters {
	uint64_t cpu_ns;         /* /proc/PID/task/x/schedstat: time on a CPU */
	uint64_t cpu_ticks;      /* /proc/PID/stat utime + stime, in clock ticks */
	uint64_t vcsw;           /* voluntary_ctxt_switches: the process slept */
	uint64_t nvcsw;          /* nonvoluntary_ctxt_switches: it was preempted */
};
int proc_read(pid_t pid, struct proc_counters *c);
long proc_status_kb(pid_t pid, const char *field);
struct proc_fast {
	int sched, status;       /* /proc/PID/schedstat and status, kept open */
};
int proc_fast_open(struct proc_fast *f, pid_t pid);
int proc_fast_read(struct proc_fast *f, uint64_t *cpu_ns, uint64_t *vcsw);
void proc_fast_close(struct proc_fast *f);

/* cleanup.c: everything the bench made, undone on every way out. */
void cleanup_install(void);
void cleanup_child(void);
void cleanup_add_pid(pid_t pid, bool group, bool child);
void cleanup_drop_pid(pid_t pid);
void cleanup_add_key(key_t key);
void cleanup_drop_key(key_t key);
void cleanup_add_path(const char *path, bool dir);
void cleanup_now(void);
void cleanup_reap(pid_t pid, int timeout_ms);

/* keys.c: fresh boards under private keys. */
int keys_board_create(struct segment *s, uint32_t cols, uint32_t rows);
void keys_board_remove(struct segment *s);
int keys_board_attach(struct segment *s, key_t key);
int keys_sweep(void);

/* tmux.c: the peer, a private tmux server. */
struct tmux_server {
	char label[64];          /* -L label: the socket's name */
	char socket[4096];       /* the socket's path */
	pid_t pid;               /* the server process */
	pid_t pane_pid;          /* the pane's program (cat) */
	bool up;
};
int tmux_start(struct tmux_server *t, const char *tmux, const char *tag);
void tmux_stop(struct tmux_server *t, const char *tmux);
int tmux_sweep(const char *tmux);

/* keystroke.c: one key typed into a, timed until it shows in b. */
int keystroke_once(struct pty_session *a, struct pty_session *b, struct pty_session *const *all,
		   int nall, unsigned index, int quiet_ms, double *lat_ms, double *bytes);

/* floor.c: the programs that only carry a key (the bench runs itself as them). */
bool floor_wanted(int argc, char **argv);
int floor_main(int argc, char **argv);

/* The measurements, numbered as in the table. */
void keystroke_run(const struct bench_config *cfg);
void idle_run(const struct bench_config *cfg);
void storm_run(const struct bench_config *cfg);
void size_run(const struct bench_config *cfg);
void lecture_run(const struct bench_config *cfg);
void fanout_run(const struct bench_config *cfg);
void firstframe_run(const struct bench_config *cfg);

#endif
