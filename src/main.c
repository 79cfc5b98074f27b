/*
 * main.c - pizarra's entry point, the top of the front-end: parse the
 * command line (cli.c), look the command up and check it (command.c), run
 * it, print --trace, and turn what happened into the exit status
 * (0 ok, 1 failure, 2 usage).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "cli.h"
#include "command.h"

int
main(int argc, char **argv)
{
	static struct cli_opts o;
	const struct command *c;
	int status;

	i18n_init(LOCALEDIR);
	cli_defaults(&o);
	status = cli_parse(argc, argv, &o);
	if (status == CLI_HELP) {
		command_help(stdout);
		return cli_flush_stdout();
	}
	if (status != CLI_GO_ON)
		return status;
	c = command_find(o.command);
	status = command_check(c, &o);
	if (status != CLI_GO_ON)
		return status;
	status = c->run(&o);
	cli_print_trace(&o);
	if (fflush(stdout) != 0 && status == EXIT_SUCCESS) {
		cli_error(_("standard output: %s"), strerror(errno));
		status = EXIT_FAILURE;
	}
	return status;
}
