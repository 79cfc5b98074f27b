/*
 * bench.c - `make bench`: the command line, the order of the measurements,
 * and the one result table they fill: printed aligned on standard output
 * and written as Markdown (with the machine it ran on and the notes) to
 * the file --output names. Exit status 0 when every target passed, 1 when
 * one failed, 2 on a usage error.
 */
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

#define BENCH_ROWS_MAX   128
#define BENCH_NOTES_MAX  96
#define BENCH_STAGES     8
#define BENCH_CELL       96
#define BENCH_COLS       6

/* One row of the table. */
struct bench_line {
	char cell[BENCH_COLS][BENCH_CELL];
	enum bench_verdict verdict;
};

static struct bench_line bench_lines[BENCH_ROWS_MAX];
static int bench_nlines;
static char bench_notes[BENCH_NOTES_MAX][512];
static int bench_nnotes;
static const char *const bench_heads[BENCH_COLS] = {
	"what", "pizarra", "peer", "ratio", "target", "result"
};

/* Add a row to the table. */
void
bench_row(const char *what, const char *ours, const char *peer, const char *ratio,
	  const char *target, enum bench_verdict v)
{
	static const char *const words[] = { "PASS", "FAIL", "info", "SKIP" };
	const char *cells[BENCH_COLS] = { what, ours, peer, ratio, target, words[v] };
	struct bench_line *l;
	int i;

	if (bench_nlines == BENCH_ROWS_MAX)
		return;
	l = &bench_lines[bench_nlines++];
	for (i = 0; i < BENCH_COLS; i++)
		snprintf(l->cell[i], sizeof l->cell[i], "%s", cells[i]);
	l->verdict = v;
}

/* Add a note, printed under the table. */
void
bench_note(const char *fmt, ...)
{
	va_list ap;

	if (bench_nnotes == BENCH_NOTES_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(bench_notes[bench_nnotes++], sizeof bench_notes[0], fmt, ap);
	va_end(ap);
}

/* Say on standard error what the bench is doing. */
void
bench_progress(const char *fmt, ...)
{
	va_list ap;

	fputs("bench: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Format ours / peer as "0.42 x", or "-" when it means nothing. */
void
bench_ratio(char *buf, size_t n, double ours, double peer)
{
	if (isnan(ours) || isnan(peer) || peer <= 0)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%.2f x", ours / peer);
}

/* PASS or FAIL. */
enum bench_verdict
bench_verdict_of(bool ok)
{
	return ok ? BENCH_PASS : BENCH_FAIL;
}

/* Display width of a UTF-8 string (code points, as every cell here is narrow). */
static int
bench_width(const char *s)
{
	int w = 0;

	for (; *s; s++)
		w += ((unsigned char)*s & 0xC0) != 0x80;
	return w;
}

/* Print one row aligned to widths. */
static void
bench_print_row(FILE *f, const char *const *cells, const int *widths)
{
	int i;

	for (i = 0; i < BENCH_COLS; i++)
		fprintf(f, "%s%s%*s", i ? "  " : "", cells[i],
		    i + 1 < BENCH_COLS ? widths[i] - bench_width(cells[i]) : 0, "");
	fputc('\n', f);
}

/* Print the table aligned, then the notes. */
static void
bench_print(FILE *f)
{
	int widths[BENCH_COLS], i, r, total = 0;
	const char *cells[BENCH_COLS];

	for (i = 0; i < BENCH_COLS; i++) {
		widths[i] = bench_width(bench_heads[i]);
		for (r = 0; r < bench_nlines; r++)
			if (bench_width(bench_lines[r].cell[i]) > widths[i])
				widths[i] = bench_width(bench_lines[r].cell[i]);
		total += widths[i] + 2;
	}
	bench_print_row(f, bench_heads, widths);
	for (i = 0; i < total - 2; i++)
		fputc('-', f);
	fputc('\n', f);
	for (r = 0; r < bench_nlines; r++) {
		for (i = 0; i < BENCH_COLS; i++)
			cells[i] = bench_lines[r].cell[i];
		bench_print_row(f, cells, widths);
	}
	for (i = 0; i < bench_nnotes; i++)
		fprintf(f, "%s%s\n", i ? "" : "\n", bench_notes[i]);
}

/* Write the machine, the table and the notes as Markdown; 0 or -1. */
static int
bench_markdown(const char *path, const char *machine, const char *when)
{
	FILE *f = fopen(path, "w");
	int i, r;

	if (f == NULL)
		return -1;
	fprintf(f, "# pizarra bench\n\n%s  \n%s\n\n", machine, when);
	fputs("|", f);
	for (i = 0; i < BENCH_COLS; i++)
		fprintf(f, " %s |", bench_heads[i]);
	fputs("\n|", f);
	for (i = 0; i < BENCH_COLS; i++)
		fputs(i == 0 ? " :--- |" : " ---: |", f);
	fputc('\n', f);
	for (r = 0; r < bench_nlines; r++) {
		fputs("|", f);
		for (i = 0; i < BENCH_COLS; i++)
			fprintf(f, i == BENCH_COLS - 1 && bench_lines[r].verdict <= BENCH_FAIL ?
			    " **%s** |" : " %s |", bench_lines[r].cell[i]);
		fputc('\n', f);
	}
	if (bench_nnotes > 0)
		fputs("\nNotes:\n\n", f);
	for (i = 0; i < bench_nnotes; i++)
		fprintf(f, "- %s\n", bench_notes[i]);
	return fclose(f) == 0 ? 0 : -1;
}

/* One line about the machine: CPUs, model, kernel. */
static void
bench_machine(char *buf, size_t n)
{
	char line[512], model[256] = "unknown CPU";
	struct utsname u;
	FILE *f = fopen("/proc/cpuinfo", "re");
	char *p;

	while (f != NULL && fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "model name", 10) == 0 && (p = strchr(line, ':')) != NULL) {
			snprintf(model, sizeof model, "%s", p + 2);
			model[strcspn(model, "\n")] = '\0';
			break;
		}
	if (f != NULL)
		fclose(f);
	if (uname(&u) != 0)
		snprintf(u.release, sizeof u.release, "unknown");
	snprintf(buf, n, "machine: %ld CPUs (nproc), %s, Linux %s",
	    sysconf(_SC_NPROCESSORS_ONLN), model, u.release);
}

/* Print the usage. */
static void
bench_usage(FILE *f)
{
	fputs("Usage: bench --pizarra PATH [--tmux PATH] [--output FILE] [--quick]\n"
	    "             [--keystrokes N] [--only LIST] [--fanout LIST] [--paces LIST]\n"
	    "             [--fanout-keys N]\n"
	    "Measure pizarra against a tmux shared session (see docs/performance.md).\n"
	    "  --pizarra PATH    the pizarra program to measure\n"
	    "  --tmux PATH       tmux for the peer (default: none, peer columns n/a)\n"
	    "  --output FILE     write the table as Markdown to FILE\n"
	    "  --keystrokes N    timed keystrokes per peer in #1 (default 400)\n"
	    "  --quick           fewer trials: for trying the bench, not for figures\n"
	    "  --only LIST       run only these measurements, e.g. 1,3 (1-8)\n"
	    "  --fanout LIST     #7's numbers of terminals (default 2,8,32; 2-64)\n"
	    "  --paces LIST      #7's ms between keys (default 20,100)\n"
	    "  --fanout-keys N   #7's timed keystrokes per peer, N and pace (default 150)\n", f);
}

/* Parse "1,3,5" into stage bits; 0 on error. */
static unsigned
bench_stages(const char *s)
{
	unsigned bits = 0;
	char *end;
	long n;

	while (*s) {
		n = strtol(s, &end, 10);
		if (end == s || n < 1 || n > BENCH_STAGES)
			return 0;
		bits |= 1u << n;
		s = *end == ',' ? end + 1 : end;
		if (*end != ',' && *end != '\0')
			return 0;
	}
	return bits;
}

/* Parse "2,8,32" into out (at most max numbers, each lo..hi); how many, or -1. */
static int
bench_list(const char *s, int *out, int max, long lo, long hi)
{
	char *end;
	long n;
	int k = 0;

	while (*s) {
		n = strtol(s, &end, 10);
		if (end == s || n < lo || n > hi || k == max || (*end != ',' && *end != '\0'))
			return -1;
		out[k++] = (int)n;
		s = *end == ',' ? end + 1 : end;
	}
	return k > 0 ? k : -1;
}

/* Parse the command line into cfg; 0 or -1. */
static int
bench_options(int argc, char **argv, struct bench_config *cfg)
{
	static const struct option opts[] = {
		{ "pizarra", required_argument, NULL, 'p' },
		{ "tmux", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "keystrokes", required_argument, NULL, 'k' },
		{ "quick", no_argument, NULL, 'q' },
		{ "only", required_argument, NULL, 'n' },
		{ "fanout", required_argument, NULL, 'f' },
		{ "paces", required_argument, NULL, 'a' },
		{ "fanout-keys", required_argument, NULL, 'K' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'p': cfg->pizarra = optarg; break;
		case 't': cfg->tmux = *optarg ? optarg : NULL; break;
		case 'o': cfg->output = optarg; break;
		case 'k': cfg->keystrokes = atoi(optarg); break;
		case 'q': cfg->quick = true; break;
		case 'n': cfg->stages = bench_stages(optarg); break;
		case 'f': cfg->nfanout = bench_list(optarg, cfg->fanout, 8, 2, 64); break;
		case 'a': cfg->npaces = bench_list(optarg, cfg->paces, 4, 1, 10000); break;
		case 'K': cfg->fanout_keys = atoi(optarg); break;
		case 'h': bench_usage(stdout); exit(0);
		default: return -1;
		}
	}
	if (optind != argc || cfg->pizarra == NULL || cfg->stages == 0 || cfg->keystrokes < 1 ||
	    cfg->nfanout < 1 || cfg->npaces < 1 || cfg->fanout_keys < 1)
		return -1;
	if (access(cfg->pizarra, X_OK) != 0) {
		fprintf(stderr, "bench: %s is not an executable program\n", cfg->pizarra);
		return -1;
	}
	if (cfg->tmux != NULL && access(cfg->tmux, X_OK) != 0) {
		fprintf(stderr, "bench: tmux %s is not executable: no peer\n", cfg->tmux);
		cfg->tmux = NULL;
	}
	return 0;
}

/* Run the measurements the configuration asks for, in the table's order. */
static void
bench_stages_run(const struct bench_config *cfg)
{
	if (cfg->stages & (1u << 1 | 1u << 2))
		keystroke_run(cfg);
	if (cfg->stages & 1u << 3)
		idle_run(cfg);
	if (cfg->stages & 1u << 4)
		storm_run(cfg);
	if (cfg->stages & 1u << 5)
		size_run(cfg);
	if (cfg->stages & 1u << 6)
		lecture_run(cfg);
	if (cfg->stages & 1u << 7)
		fanout_run(cfg);
	if (cfg->stages & 1u << 8)
		firstframe_run(cfg);
}

/* Run the measurements, print the table, write the Markdown. */
int
main(int argc, char **argv)
{
	struct bench_config cfg = { .keystrokes = 400, .idle_s = 10, .stages = 0x1FE,
	    .fanout = { 2, 8, 32 }, .nfanout = 3, .paces = { 20, 100 }, .npaces = 2,
	    .fanout_keys = 150 };
	char machine[512], when[128];
	time_t now = time(NULL);
	uint64_t t0 = stats_now_ns();
	int r, failed = 0;

	if (floor_wanted(argc, argv))
		return floor_main(argc, argv);
	if (bench_options(argc, argv, &cfg) != 0) {
		bench_usage(stderr);
		return 2;
	}
	if (cfg.quick) {
		cfg.keystrokes = cfg.keystrokes < 60 ? cfg.keystrokes : 60;
		cfg.idle_s = 3;
		cfg.fanout_keys = cfg.fanout_keys < 30 ? cfg.fanout_keys : 30;
	}
	unsetenv("TMUX");
	unsetenv("TMUX_PANE");
	setenv("LC_ALL", "C.UTF-8", 1);
	cleanup_install();
	r = keys_sweep() + (cfg.tmux != NULL ? tmux_sweep(cfg.tmux) : 0);
	if (r > 0)
		bench_progress("removed %d segment(s) or tmux server(s) left by killed runs", r);
	bench_machine(machine, sizeof machine);
	strftime(when, sizeof when, "date: %Y-%m-%d %H:%M:%S %Z", localtime(&now));
	bench_stages_run(&cfg);
	cleanup_now();
	bench_note("the whole run took %.0f s%s", (double)(stats_now_ns() - t0) / 1e9,
	    cfg.quick ? " (--quick: too few trials to quote)" : "");
	printf("%s\n%s\n\n", machine, when);
	bench_print(stdout);
	if (cfg.output != NULL) {
		if (bench_markdown(cfg.output, machine, when) != 0)
			fprintf(stderr, "bench: cannot write %s\n", cfg.output);
		else
			printf("\nMarkdown: %s\n", cfg.output);
	}
	for (r = 0; r < bench_nlines; r++)
		failed |= bench_lines[r].verdict == BENCH_FAIL;
	return failed;
}
