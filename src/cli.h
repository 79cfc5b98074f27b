/*
 * cli.h - what the command line asked for, shared by main.c (which parses
 * it), commands.c (the scriptable commands) and the interactive UI.
 */
#ifndef PIZARRA_CLI_H
#define PIZARRA_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "segment.h"
#include "trace.h"

#define EXIT_USAGE 2

struct cli_opts {
	struct segment_addr addr;    /* which board */
	uint32_t cols, rows;         /* -s, when creating */
	mode_t mode;                 /* -m, when creating */
	bool size_given, mode_given;
	bool json, ansi, trace;      /* --json, --ansi, --trace */
	const char *command;         /* "draw", "info"... */
	char **args;                 /* the command's operands */
	int nargs;
	struct trace log;            /* system calls made on the segment */
};

/* Print "pizarra: " and a formatted message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print the trace to stderr when --trace was given. */
void cli_print_trace(const struct cli_opts *o);

/* Check a permission mode for a board: octal, at most 0777, owner rw. */
int cli_parse_mode(const char *s, mode_t *mode, const char **why);

/* The scriptable commands; each returns the process exit status. */
int cmd_info(struct cli_opts *o);
int cmd_dump(struct cli_opts *o);
int cmd_load(struct cli_opts *o);
int cmd_put(struct cli_opts *o);
int cmd_clear(struct cli_opts *o);
int cmd_chmod(struct cli_opts *o);
int cmd_chown(struct cli_opts *o);
int cmd_rm(struct cli_opts *o);

/* The interactive board (ui.c): draw, or view when readonly. */
int ui_run(struct cli_opts *o, bool readonly);

#endif
