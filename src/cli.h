/*
 * cli.h - what the command line asked for, and the helpers every command
 * shares: parsing options, reporting errors the one way pizarra reports
 * them ("pizarra: what: why" on stderr), the --trace listing, and opening
 * a board with the error printed. The options' values (numbers, sizes,
 * modes, owners) are cli_parse.h's, included here for every command. It
 * knows no curses and no front-end file but cli_parse.
 */
#ifndef PIZARRA_CLI_H
#define PIZARRA_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "cli_parse.h"
#include "segment.h"
#include "trace.h"

#define EXIT_USAGE 2

/* What cli_parse found besides an exit status. */
#define CLI_GO_ON    (-1)    /* parsed: run o->command */
#define CLI_HELP     (-2)    /* --help: print the usage and exit 0 */

/* Options a command accepts (struct command's flags, cli_opts' given ones). */
#define CLI_OPT_JSON     1u   /* --json */
#define CLI_OPT_ANSI     2u   /* --ansi */
#define CLI_OPT_CREATE   4u   /* -s and -m: the command may create the board */
#define CLI_OPT_FOLLOW   8u   /* --follow: an interactive board */
#define CLI_OPT_LIST    16u   /* --bytes and --owner: the segment list (ls, top) */
#define CLI_OPT_EXPORT  32u   /* --html and --svg: the board written as a page or a picture */
#define CLI_OPT_AT      64u   /* --at COL,ROW: a text placed as a block */

struct cli_opts {
	struct addr addr;    /* which board */
	uint32_t cols, rows;         /* -s, when creating */
	mode_t mode;                 /* -m, when creating */
	bool size_given, mode_given;
	bool json, ansi, trace;      /* --json, --ansi, --trace */
	bool html, svg;              /* --html, --svg (dump) */
	bool at_given;               /* --at COL,ROW (load): at_col, at_row */
	uint32_t at_col, at_row;
	bool follow_given;           /* --follow PID|USER */
	bool follow_by_uid;          /* ... a user (follow_uid) rather than a process (follow_pid) */
	pid_t follow_pid;
	uid_t follow_uid;
	bool bytes;                  /* --bytes: sizes in bytes (ls, top) */
	bool owner_given;            /* --owner: only this user's segments (ls, top) */
	uid_t owner;
	bool named;                  /* -f, -p, -k or -i was given (ls and top filter by it) */
	const char *command;         /* "draw", "info"... */
	char **args;                 /* the command's operands */
	int nargs;
	struct trace log;            /* system calls made on the segment */
};

/* Print "pizarra: " and a formatted message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The same with " (try 'pizarra --help')"; returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Fill o with the defaults: the default board, its size, mode 0600. */
void cli_defaults(struct cli_opts *o);

/*
 * Parse argv into o: options, the command, the command's own options, then
 * its operands (so `put 0 0 -x` writes "-x"). Returns CLI_GO_ON, CLI_HELP,
 * or an exit status (--version printed, or a usage error reported).
 */
int cli_parse(int argc, char **argv, struct cli_opts *o);

/* Print the options part of --help. */
void cli_help_options(FILE *f);

/* Flush standard output; a write error is reported: EXIT_SUCCESS or EXIT_FAILURE. */
int cli_flush_stdout(void);

/* Print the trace to stderr when --trace was given. */
void cli_print_trace(const struct cli_opts *o);

/*
 * What a chmod from mode before to mode after cannot do to the processes
 * attached now: the kernel checks permissions only at shmat, so they keep
 * the access they attached with until they detach. attached counts them
 * (shm_nattch, less one when the caller is attached itself, as the UI is).
 * "" when no permission bit was taken away or nobody is attached;
 * otherwise "1 process is attached and keeps its access until it
 * detaches", "3 processes are attached and keep their access until they
 * detach". Returns buf. The UI's F5 answer uses it too.
 */
const char *cli_chmod_note(mode_t before, mode_t after, unsigned long attached, char *buf,
			   size_t n);

/*
 * Open the board o names (create it when asked, read-only when asked);
 * prints the error and returns -1 on failure. A note says when -s or -m
 * could not apply because the board existed.
 */
int cli_open(struct cli_opts *o, struct segment *s, bool create, bool readonly);

/*
 * Detach s. A board this command created is removed again when the
 * command failed, but only while no one else has touched it
 * (segment_remove_untouched; a note says so when it stays), and announced
 * on stderr when the command succeeded.
 */
void cli_close(struct cli_opts *o, struct segment *s, bool failed);

/* Where logind's files are read: PIZARRA_LOGIND_ROOT (a fake tree, for tests), or "/". */
const char *cli_logind_root(void);

/* Find the shmid o names without attaching; prints the error and returns -1 on failure. */
int cli_find(struct cli_opts *o, int *shmid);

#endif
