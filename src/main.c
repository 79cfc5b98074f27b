/*
 * main.c - pizarra's command line: options, usage, and dispatch to the
 * scriptable commands (commands.c) or the interactive board (ui.c).
 * Exit status: 0 ok, 1 failure, 2 usage.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { OPT_JSON = 256, OPT_ANSI };

static const struct option main_longopts[] = {
	{ "key-file", required_argument, NULL, 'f' },
	{ "proj-id", required_argument, NULL, 'p' },
	{ "key", required_argument, NULL, 'k' },
	{ "id", required_argument, NULL, 'i' },
	{ "size", required_argument, NULL, 's' },
	{ "mode", required_argument, NULL, 'm' },
	{ "trace", no_argument, NULL, 't' },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "ansi", no_argument, NULL, OPT_ANSI },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* One command: its name, operand counts and handler. */
struct main_command {
	const char *name;
	int min_args, max_args;
	const char *operands;
	bool creates;
};

static const struct main_command main_commands[] = {
	{ "draw", 0, 0, "", true },
	{ "view", 0, 0, "", false },
	{ "info", 0, 0, "", false },
	{ "dump", 0, 0, "", false },
	{ "load", 1, 1, " FILE", true },
	{ "put", 3, 3, " COL ROW TEXT", true },
	{ "clear", 0, 0, "", false },
	{ "chmod", 1, 1, " MODE", false },
	{ "chown", 1, 1, " USER[:GROUP]", false },
	{ "rm", 0, 0, "", false },
};

/* Print "pizarra: message" on stderr. */
void
cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("pizarra: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Print the system calls made, oldest first, when --trace was given. */
void
cli_print_trace(const struct cli_opts *o)
{
	const struct trace_entry *en;
	unsigned i;

	if (!o->trace)
		return;
	for (i = TRACE_ENTRIES; i-- > 0;)
		if ((en = trace_get(&o->log, i)) != NULL)
			fprintf(stderr, "pizarra: trace: %s\n", en->text);
}

/* Report a usage error and return the usage exit status. */
static int __attribute__((format(printf, 1, 2)))
main_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("pizarra: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" (try 'pizarra --help')\n", stderr);
	return EXIT_USAGE;
}

/* Flush --help or --version; a write error is a failure with a message. */
static int
main_flush_stdout(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return EXIT_SUCCESS;
	cli_error("write error: %s", strerror(errno));
	return EXIT_FAILURE;
}

/* Print --help. */
static void
main_help(void)
{
	printf("Usage: pizarra [OPTION]... [COMMAND [ARG]...]\n"
	    "A whiteboard in one System V shared-memory segment: every terminal that\n"
	    "opens the same board draws on the same cells, live.\n"
	    "\n"
	    "Commands:\n"
	    "  draw                open the board to draw on (the default); creates it\n"
	    "  view                open the board read-only (shmat SHM_RDONLY)\n"
	    "  info [--json]       the segment's shmid_ds, the key's ftok derivation,\n"
	    "                      the board and its clients\n"
	    "  dump [--ansi]       print the board as text; --ansi adds colours\n"
	    "  load FILE           replace the board's content with a UTF-8 text file\n"
	    "                      (- reads standard input); creates the board\n"
	    "  put COL ROW TEXT    write TEXT at 0-based COL, ROW; creates the board\n"
	    "  clear               empty the board\n"
	    "  chmod MODE          set the permission bits (shmctl IPC_SET), e.g. 0660\n"
	    "  chown USER[:GROUP]  give the board to another owner (shmctl IPC_SET)\n"
	    "  rm                  mark the segment for removal (shmctl IPC_RMID); it\n"
	    "                      lives on until its last process detaches\n"
	    "\n"
	    "Which board (default: ftok(\"%s\", %d), the same for every local user):\n"
	    "  -f, --key-file=PATH   the file ftok derives the key from\n"
	    "  -p, --proj-id=N       ftok's project id, 1-255 (default %d)\n"
	    "  -k, --key=KEY         an explicit key, decimal or 0x hexadecimal\n"
	    "  -i, --id=SHMID        an existing segment by shmid (also one already\n"
	    "                        marked for removal)\n"
	    "When creating (draw, load, put):\n"
	    "  -s, --size=COLSxROWS  board size (default %dx%d)\n"
	    "  -m, --mode=OCTAL      permission bits (default 0600: only you)\n"
	    "Other:\n"
	    "  -t, --trace           print the system calls made on the segment\n"
	    "  -h, --help            display this help and exit\n"
	    "  -V, --version         output version information and exit\n"
	    "\n"
	    "Exit status: 0 ok, 1 failure, 2 usage error.\n"
	    "Two terminals, one board:  pizarra   (in each; draw in one, see it in both)\n"
	    "Report bugs to: %s\n",
	    SEGMENT_DEFAULT_PATH, SEGMENT_DEFAULT_PROJ, SEGMENT_DEFAULT_PROJ,
	    BOARD_DEF_COLS, BOARD_DEF_ROWS, PACKAGE_BUGREPORT);
}

/* Print --version. */
static void
main_version(void)
{
	printf("pizarra %s\n"
	    "Copyright (C) 2026 the pizarra developers.\n"
	    "License MIT: <https://opensource.org/licenses/MIT>.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n", PACKAGE_VERSION);
}

/* Parse an unsigned number (base 10, or 16 with 0x when hex_ok) up to max. */
static int
main_parse_u32(const char *s, bool hex_ok, unsigned long max, uint32_t *out)
{
	unsigned long v;
	char *end;
	int base = 10;

	if (hex_ok && (strncmp(s, "0x", 2) == 0 || strncmp(s, "0X", 2) == 0)) {
		base = 16;
		s += 2;
	}
	if (base == 16 ? !isxdigit((unsigned char)*s) : !isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoul(s, &end, base);
	if (errno != 0 || *end != '\0' || end == s || v > max)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

/* Check a permission mode: octal, at most 0777, keeping the owner's rw. */
int
cli_parse_mode(const char *s, mode_t *mode, const char **why)
{
	unsigned long v;
	char *end;

	*why = "is not an octal mode like 0600 or 0660";
	if (*s < '0' || *s > '7')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 8);
	if (errno != 0 || *end != '\0')
		return -1;
	*why = "has bits beyond 0777";
	if (v > 0777)
		return -1;
	*why = "would lock out the board's owner: keep 0600 (owner read and write)";
	if ((v & 0600) != 0600)
		return -1;
	*mode = (mode_t)v;
	return 0;
}

/* Parse "COLSxROWS". */
static int
main_parse_size(const char *s, uint32_t *cols, uint32_t *rows)
{
	char buf[64], *x;

	if (strlen(s) >= sizeof buf)
		return -1;
	strcpy(buf, s);
	x = strpbrk(buf, "xX");
	if (x == NULL)
		return -1;
	*x = '\0';
	if (main_parse_u32(buf, false, 0xFFFFFFFFul, cols) != 0 ||
	    main_parse_u32(x + 1, false, 0xFFFFFFFFul, rows) != 0)
		return -1;
	return 0;
}

/* Which ways of naming the board the options used. */
struct main_naming {
	bool by_file, by_proj, by_key, by_id;
};

/* Say what is wrong with the option getopt just refused. */
static int
main_bad_option(int c, const char *arg)
{
	const char *eq = strchr(arg, '=');

	if (strncmp(arg, "--", 2) == 0) {
		int len = eq != NULL ? (int)(eq - arg) : (int)strlen(arg);

		if (c == ':')
			return main_usage_error("%.*s: needs an argument", len, arg);
		if (eq != NULL && optopt != 0)
			return main_usage_error("%.*s: takes no argument", len, arg);
		return main_usage_error("%.*s: unknown option", len, arg);
	}
	if (c == ':')
		return main_usage_error("-%c: needs an argument", isprint(optopt) ? optopt : '?');
	if (isprint(optopt))
		return main_usage_error("-%c: unknown option", optopt);
	return main_usage_error("%s: unknown option", arg);
}

/* Apply one option; returns -1 to go on, or an exit status. */
static int
main_option(int c, struct cli_opts *o, struct main_naming *n, char **argv)
{
	const char *why;
	uint32_t v;

	switch (c) {
	case 'f':
		if (strlen(optarg) >= sizeof o->addr.path || optarg[0] == '\0')
			return main_usage_error("-f: key file name '%s' is empty or too long", optarg);
		strcpy(o->addr.path, optarg);
		n->by_file = true;
		return -1;
	case 'p':
		if (main_parse_u32(optarg, true, 0xFFFFFFFFul, &v) != 0)
			return main_usage_error("-p: '%s' is not a project id (a number 1-255)",
			    optarg);
		if (v == 0 || v > 255)
			return main_usage_error("-p: project id '%s' is out of range (1-255)", optarg);
		o->addr.proj = (int)v;
		n->by_proj = true;
		return -1;
	case 'k':
		if (main_parse_u32(optarg, true, 0xFFFFFFFFul, &v) != 0)
			return main_usage_error("-k: '%s' is not a key (decimal, or 0x followed by "
			    "up to 8 hex digits)", optarg);
		o->addr.key = (key_t)v;
		n->by_key = true;
		return -1;
	case 'i':
		if (main_parse_u32(optarg, false, 0x7FFFFFFF, &v) != 0)
			return main_usage_error("-i: '%s' is not a shmid (a number from `ipcs -m`)",
			    optarg);
		o->addr.shmid = (int)v;
		n->by_id = true;
		return -1;
	case 's':
		if (main_parse_size(optarg, &o->cols, &o->rows) != 0)
			return main_usage_error("-s: '%s' is not a size like 80x24", optarg);
		o->size_given = true;
		return -1;
	case 'm':
		if (cli_parse_mode(optarg, &o->mode, &why) != 0)
			return main_usage_error("-m: '%s' %s", optarg, why);
		o->mode_given = true;
		return -1;
	case 't':
		o->trace = true;
		return -1;
	case OPT_JSON:
		o->json = true;
		return -1;
	case OPT_ANSI:
		o->ansi = true;
		return -1;
	case 'h':
		main_help();
		return main_flush_stdout();
	case 'V':
		main_version();
		return main_flush_stdout();
	default:
		return main_bad_option(c, argv[optind - 1]);
	}
}

/* Run getopt over argv (argv[0] is skipped) until the first operand. */
static int
main_options(int argc, char **argv, struct cli_opts *o, struct main_naming *n)
{
	int c, status;

	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, "+:f:p:k:i:s:m:thV", main_longopts, NULL)) != -1)
		if ((status = main_option(c, o, n, argv)) >= 0)
			return status;
	return -1;
}

/*
 * Parse argv into o: options, the command, the command's options, then its
 * operands (so `put 0 0 -x` writes "-x"). Returns -1 to go on, or an exit status.
 */
static int
main_parse(int argc, char **argv, struct cli_opts *o)
{
	struct main_naming n = { false, false, false, false };
	int status, cmd;

	if ((status = main_options(argc, argv, o, &n)) >= 0)
		return status;
	cmd = optind;
	o->command = cmd < argc ? argv[cmd] : "draw";
	o->args = argv + argc;
	o->nargs = 0;
	if (cmd < argc) {
		if ((status = main_options(argc - cmd, argv + cmd, o, &n)) >= 0)
			return status;
		o->args = argv + cmd + optind;
		o->nargs = argc - cmd - optind;
	}
	if ((n.by_key + n.by_id + (n.by_file || n.by_proj)) > 1)
		return main_usage_error("choose one way to name the board: -f/-p, -k or -i");
	if (n.by_key)
		o->addr.how = SEGMENT_BY_KEY;
	if (n.by_id)
		o->addr.how = SEGMENT_BY_SHMID;
	return -1;
}

/* Check the command and its operands; returns -1 to go on or an exit status. */
static int
main_check(const struct cli_opts *o)
{
	size_t i;

	for (i = 0; i < sizeof main_commands / sizeof main_commands[0]; i++) {
		const struct main_command *mc = &main_commands[i];

		if (strcmp(mc->name, o->command) != 0)
			continue;
		if (o->nargs < mc->min_args || o->nargs > mc->max_args)
			return main_usage_error("%s: expects%s%s", mc->name,
			    mc->operands[0] ? mc->operands : " no operands",
			    o->nargs > mc->max_args && strcmp(mc->name, "put") == 0 ?
			    " (quote TEXT that has spaces; options go before the operands)" : "");
		if ((o->size_given || o->mode_given) && !mc->creates)
			return main_usage_error("%s: -s and -m only apply when creating a board "
			    "(draw, load, put)", mc->name);
		if (o->json && strcmp(mc->name, "info") != 0)
			return main_usage_error("--json only applies to info");
		if (o->ansi && strcmp(mc->name, "dump") != 0)
			return main_usage_error("--ansi only applies to dump");
		return -1;
	}
	return main_usage_error("%s: unknown command", o->command);
}

/* Run the parsed command. */
static int
main_dispatch(struct cli_opts *o)
{
	const char *c = o->command;

	if (strcmp(c, "draw") == 0)
		return ui_run(o, false);
	if (strcmp(c, "view") == 0)
		return ui_run(o, true);
	if (strcmp(c, "info") == 0)
		return cmd_info(o);
	if (strcmp(c, "dump") == 0)
		return cmd_dump(o);
	if (strcmp(c, "load") == 0)
		return cmd_load(o);
	if (strcmp(c, "put") == 0)
		return cmd_put(o);
	if (strcmp(c, "clear") == 0)
		return cmd_clear(o);
	if (strcmp(c, "chmod") == 0)
		return cmd_chmod(o);
	if (strcmp(c, "chown") == 0)
		return cmd_chown(o);
	return cmd_rm(o);
}

/* Entry point. */
int
main(int argc, char **argv)
{
	static struct cli_opts o;
	int status;

	setlocale(LC_ALL, "");
	segment_addr_default(&o.addr);
	o.cols = BOARD_DEF_COLS;
	o.rows = BOARD_DEF_ROWS;
	o.mode = 0600;
	trace_init(&o.log);
	status = main_parse(argc, argv, &o);
	if (status >= 0)
		return status;
	status = main_check(&o);
	if (status >= 0)
		return status;
	status = main_dispatch(&o);
	cli_print_trace(&o);
	if (fflush(stdout) != 0 && status == EXIT_SUCCESS) {
		cli_error("standard output: %s", strerror(errno));
		status = EXIT_FAILURE;
	}
	return status;
}
