/*
 * command.h - pizarra's commands as one table: each row names a command,
 * its operands, the options it accepts, its --help lines and its handler.
 * main.c looks the command up, checks it and runs it; --help is printed
 * from the same rows, so a new command is one new row.
 */
#ifndef PIZARRA_COMMAND_H
#define PIZARRA_COMMAND_H

#include <stdio.h>

#include "cli.h"

struct command {
	const char *name;
	const char *operands;          /* " COL ROW TEXT", "" for none */
	int min_args, max_args;
	unsigned options;              /* CLI_OPT_*: what it accepts */
	const char *too_many;          /* added to the usage error for too many operands */
	const char *help;              /* --help text, lines separated by \n */
	int (*run)(struct cli_opts *o);  /* returns the exit status */
};

/* The command named name, or NULL. */
const struct command *command_find(const char *name);

/*
 * Check o's operands and options against c: CLI_GO_ON, or EXIT_USAGE
 * after reporting what is wrong (an unknown command when c is NULL).
 */
int command_check(const struct command *c, const struct cli_opts *o);

/* Print --help: usage, the commands from the table, the options. */
void command_help(FILE *f);

#endif
