/*
 * cli.c - the command line's shared pieces: getopt over pizarra's options
 * (before the command and again after it, until the first operand), each
 * option's value through the parsers of cli_parse.h, the error and
 * usage-error lines, --version, --trace, and opening a board for a command
 * with its error printed. Which commands exist, and --help, are command.c's. What it says
 * is in the reader's language (i18n.h); the "pizarra: " prefix, the option
 * names and the trace lines are not translated.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "cell.h"
#include "cli.h"
#include "utf8.h"

enum { OPT_JSON = 256, OPT_ANSI, OPT_FOLLOW, OPT_BYTES, OPT_OWNER, OPT_HTML, OPT_SVG, OPT_AT };

static const struct option cli_longopts[] = {
	{ "key-file", required_argument, NULL, 'f' },
	{ "proj-id", required_argument, NULL, 'p' },
	{ "key", required_argument, NULL, 'k' },
	{ "id", required_argument, NULL, 'i' },
	{ "size", required_argument, NULL, 's' },
	{ "mode", required_argument, NULL, 'm' },
	{ "trace", no_argument, NULL, 't' },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "ansi", no_argument, NULL, OPT_ANSI },
	{ "html", no_argument, NULL, OPT_HTML },
	{ "svg", no_argument, NULL, OPT_SVG },
	{ "at", required_argument, NULL, OPT_AT },
	{ "follow", required_argument, NULL, OPT_FOLLOW },
	{ "bytes", no_argument, NULL, OPT_BYTES },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* Which ways of naming the board the options used. */
struct cli_naming {
	bool by_file, by_proj, by_key, by_id;
};

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

int
cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("pizarra: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	/* TRANSLATORS: ends every usage error; the command stays as it is */
	fprintf(stderr, " %s\n", _("(try 'pizarra --help')"));
	return EXIT_USAGE;
}

void
cli_defaults(struct cli_opts *o)
{
	addr_default(&o->addr);
	o->cols = BOARD_DEF_COLS;
	o->rows = BOARD_DEF_ROWS;
	o->mode = 0600;
	trace_init(&o->log);
}

int
cli_flush_stdout(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return EXIT_SUCCESS;
	cli_error(_("write error: %s"), strerror(errno));
	return EXIT_FAILURE;
}

/* Oldest first, so the listing reads in the order the calls were made. */
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

void
cli_help_options(FILE *f)
{
	/*
	 * TRANSLATORS: --help's options; every line at most 80 columns. Keep the
	 * options and their arguments (-f, --key-file=PATH, WHO) as they are, as
	 * the commands' operands (FILE, COL ROW TEXT) are. The explanations start
	 * in column 25.
	 */
	fprintf(f, _("Which board (default: ftok(\"%s\", %d), the same for every local user):\n"
	    "  -f, --key-file=PATH   the file ftok derives the key from\n"
	    "  -p, --proj-id=N       ftok's project id, 1-255 (default %d)\n"
	    "  -k, --key=KEY         an explicit key, decimal or 0x hexadecimal\n"
	    "  -i, --id=SHMID        an existing segment by shmid (also one already\n"
	    "                        marked for removal)\n"
	    "When creating (draw, load, put):\n"
	    "  -s, --size=COLSxROWS  board size (default %dx%d)\n"
	    "  -m, --mode=OCTAL      permission bits (default 0600: only you)\n"
	    "When drawing or viewing (draw, view):\n"
	    "      --follow=WHO      keep WHO's cursor in view: a process id, or a user\n"
	    "For ls and top (which -f, -p, -k and -i filter):\n"
	    "      --bytes           sizes in bytes, not 55.1K\n"
	    "      --owner=USER      only the segments USER owns\n"
	    "For dump and load:\n"
	    "      --ansi            dump: colours as SGR sequences; load: read them back\n"
	    "      --html            dump: a standalone HTML page (monospace, colours)\n"
	    "      --svg             dump: an SVG picture (text in a grid, colours)\n"
	    "      --at=COL,ROW      load: place the text as a block there, keeping the rest\n"
	    "Other:\n"
	    "  -t, --trace           print the system calls made on the segment\n"
	    "  -h, --help            display this help and exit\n"
	    "  -V, --version         output version information and exit\n"),
	    ADDR_DEFAULT_PATH, ADDR_DEFAULT_PROJ, ADDR_DEFAULT_PROJ,
	    BOARD_DEF_COLS, BOARD_DEF_ROWS);
}

/* Print --version. */
static void
cli_version(void)
{
	printf("pizarra %s\n", PACKAGE_VERSION);
	/* TRANSLATORS: --version; keep the license's name and address */
	printf(_("Copyright (C) 2026 the pizarra developers.\n"
	    "License MIT: <https://opensource.org/licenses/MIT>.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n"
	    "Characters: Unicode %s widths and graphemes, from utf8proc %s.\n"),
	    cell_unicode_version(), cell_utf8proc_version());
}

/* What a chmod cannot take from the processes attached now. */
const char *
cli_chmod_note(mode_t before, mode_t after, unsigned long attached, char *buf, size_t n)
{
	if (n == 0)
		return buf;
	buf[0] = '\0';
	if (attached == 0 || (before & 0777 & ~(after & 0777)) == 0)
		return buf;
	snprintf(buf, n, P_("%lu process is attached and keeps its access until it detaches",
	    "%lu processes are attached and keep their access until they detach", attached),
	    attached);
	return buf;
}

/* Say what is wrong with the option getopt just refused. */
static int
cli_bad_option(int c, const char *arg)
{
	const char *eq = strchr(arg, '=');

	if (strncmp(arg, "--", 2) == 0) {
		int len = eq != NULL ? (int)(eq - arg) : (int)strlen(arg);

		if (c == ':')
			return cli_usage_error(_("%.*s: needs an argument"), len, arg);
		if (eq != NULL && optopt != 0)
			return cli_usage_error(_("%.*s: takes no argument"), len, arg);
		return cli_usage_error(_("%.*s: unknown option"), len, arg);
	}
	if (c == ':')
		return cli_usage_error(_("-%c: needs an argument"), isprint(optopt) ? optopt : '?');
	if (isprint(optopt))
		return cli_usage_error(_("-%c: unknown option"), optopt);
	return cli_usage_error(_("%s: unknown option"), arg);
}

/* The options that name the board: -f, -p, -k, -i. */
static int
cli_naming_option(int c, struct cli_opts *o, struct cli_naming *n)
{
	char q[128];
	uint64_t v;
	int r;

	utf8_escape(optarg, q, sizeof q);
	switch (c) {
	case 'f':
		if (strlen(optarg) >= sizeof o->addr.path || optarg[0] == '\0')
			return cli_usage_error(_("-f: key file name '%s' is empty or too long "
			    "(at most %zu bytes)"), q, sizeof o->addr.path - 1);
		strcpy(o->addr.path, optarg);
		n->by_file = true;
		return CLI_GO_ON;
	case 'p':
		r = cli_parse_number(optarg, true, 1, 255, &v);
		if (r == CLI_NUM_BAD)
			return cli_usage_error(_("-p: '%s' is not a project id (a number 1-255)"), q);
		if (r == CLI_NUM_RANGE)
			return cli_usage_error(_("-p: project id '%s' is out of range (1-255)"), q);
		o->addr.proj = (int)v;
		n->by_proj = true;
		return CLI_GO_ON;
	case 'k':
		r = cli_parse_number(optarg, true, 0, 0xFFFFFFFFu, &v);
		if (r == CLI_NUM_BAD)
			return cli_usage_error(_("-k: '%s' is not a key (decimal 0-4294967295, or 0x "
			    "followed by up to 8 hex digits)"), q);
		if (r == CLI_NUM_RANGE)
			return cli_usage_error(_("-k: key '%s' is out of range (0-4294967295, "
			    "0x0-0xffffffff)"), q);
		o->addr.key = (key_t)(uint32_t)v;
		n->by_key = true;
		return CLI_GO_ON;
	default: /* 'i' */
		r = cli_parse_number(optarg, false, 0, 0x7FFFFFFF, &v);
		if (r == CLI_NUM_BAD)
			return cli_usage_error(_("-i: '%s' is not a shmid (a number 0-2147483647, "
			    "from `ipcs -m`)"), q);
		if (r == CLI_NUM_RANGE)
			return cli_usage_error(_("-i: shmid '%s' is out of range (0-2147483647)"), q);
		o->addr.shmid = (int)v;
		n->by_id = true;
		return CLI_GO_ON;
	}
}

/* --owner USER: a user name or number, as chown takes it (no group). */
static int
cli_owner_option(struct cli_opts *o)
{
	char why[256], q[128];
	uid_t uid;
	gid_t gid;

	if (strchr(optarg, ':') != NULL || cli_parse_owner(optarg, &uid, &gid, why, sizeof why) != 0 ||
	    uid == (uid_t)-1)
		return cli_usage_error(_("--owner: '%s' is not a user name nor a uid (0-4294967294)"),
		    utf8_escape(optarg, q, sizeof q));
	o->owner = uid;
	o->owner_given = true;
	return CLI_GO_ON;
}

/* --follow PID|USER: digits are a process id, anything else a user's name. */
static int
cli_follow(struct cli_opts *o, const char *who)
{
	struct passwd *pw;
	uint64_t v;
	char q[128];

	o->follow_given = true;
	if (cli_parse_number(who, false, 1, 4194304, &v) == CLI_NUM_OK) {
		o->follow_by_uid = false;
		o->follow_pid = (pid_t)v;
		return CLI_GO_ON;
	}
	if (who[0] != '\0' && (pw = getpwnam(who)) != NULL) {
		o->follow_by_uid = true;
		o->follow_uid = pw->pw_uid;
		return CLI_GO_ON;
	}
	return cli_usage_error(_("--follow: '%s' is neither a process id (1-4194304) nor a user "
	    "of this system"), utf8_escape(who, q, sizeof q));
}

/* --html and --svg (what dump writes), --at COL,ROW (where load places). */
static int
cli_export_option(int c, struct cli_opts *o)
{
	char msg[256];

	if (c == OPT_HTML) {
		o->html = true;
	} else if (c == OPT_SVG) {
		o->svg = true;
	} else {
		if (cli_parse_at(optarg, &o->at_col, &o->at_row, msg, sizeof msg) != 0)
			return cli_usage_error("--at: %s", msg);
		o->at_given = true;
	}
	return CLI_GO_ON;
}

/* Apply one option; CLI_GO_ON, CLI_HELP or an exit status. */
static int
cli_option(int c, struct cli_opts *o, struct cli_naming *n, char **argv)
{
	const char *why;
	char msg[256], q[128];

	switch (c) {
	case 'f': case 'p': case 'k': case 'i':
		return cli_naming_option(c, o, n);
	case 's':
		if (cli_parse_size(optarg, &o->cols, &o->rows, msg, sizeof msg) != 0)
			return cli_usage_error("-s: %s", msg);
		o->size_given = true;
		return CLI_GO_ON;
	case 'm':
		if (cli_parse_mode(optarg, &o->mode, &why) != 0)
			return cli_usage_error(_("-m: '%s' %s"), utf8_escape(optarg, q, sizeof q), why);
		o->mode_given = true;
		return CLI_GO_ON;
	case 't':
		o->trace = true;
		return CLI_GO_ON;
	case OPT_JSON:
		o->json = true;
		return CLI_GO_ON;
	case OPT_ANSI:
		o->ansi = true;
		return CLI_GO_ON;
	case OPT_HTML: case OPT_SVG: case OPT_AT:
		return cli_export_option(c, o);
	case OPT_FOLLOW:
		return cli_follow(o, optarg);
	case OPT_BYTES:
		o->bytes = true;
		return CLI_GO_ON;
	case OPT_OWNER:
		return cli_owner_option(o);
	case 'h':
		return CLI_HELP;
	case 'V':
		cli_version();
		return cli_flush_stdout();
	default:
		return cli_bad_option(c, argv[optind - 1]);
	}
}

/* True for "-" followed by a digit: a negative number, which no option looks like. */
static bool
cli_negative(const char *arg)
{
	return arg[0] == '-' && isdigit((unsigned char)arg[1]);
}

/*
 * Run getopt over argv (argv[0] is skipped) until the first operand. After
 * the command (operands true), a negative number is an operand too, so
 * that `put -1 0 x` is refused as a column, not as an unknown option -1.
 */
static int
cli_options(int argc, char **argv, struct cli_opts *o, struct cli_naming *n, bool operands)
{
	int c, status, at = -1, word;

	opterr = 0;
	optind = 0;    /* 0, not 1: glibc starts afresh (optind 0 means word 1) */
	for (;;) {
		/* at a new word (not inside a cluster like -tk5): stop at a negative number */
		word = optind == 0 ? 1 : optind;
		if (operands && word != at && word < argc && cli_negative(argv[word])) {
			optind = word;
			break;
		}
		at = word;
		c = getopt_long(argc, argv, "+:f:p:k:i:s:m:thV", cli_longopts, NULL);
		if (c == -1)
			break;
		if ((status = cli_option(c, o, n, argv)) != CLI_GO_ON)
			return status;
	}
	return CLI_GO_ON;
}

int
cli_parse(int argc, char **argv, struct cli_opts *o)
{
	struct cli_naming n = { false, false, false, false };
	int status, cmd;

	if ((status = cli_options(argc, argv, o, &n, false)) != CLI_GO_ON)
		return status;
	cmd = optind;
	o->command = cmd < argc ? argv[cmd] : "draw";
	o->args = argv + argc;
	o->nargs = 0;
	if (cmd < argc) {
		if ((status = cli_options(argc - cmd, argv + cmd, o, &n, true)) != CLI_GO_ON)
			return status;
		o->args = argv + cmd + optind;
		o->nargs = argc - cmd - optind;
	}
	if ((n.by_key + n.by_id + (n.by_file || n.by_proj)) > 1)
		return cli_usage_error(_("choose one way to name the board: -f/-p, -k or -i"));
	o->named = n.by_key || n.by_id || n.by_file || n.by_proj;
	if (n.by_key)
		o->addr.how = ADDR_BY_KEY;
	if (n.by_id)
		o->addr.how = ADDR_BY_SHMID;
	return CLI_GO_ON;
}

int
cli_open(struct cli_opts *o, struct segment *s, bool create, bool readonly)
{
	struct segment_opts so = {
		.create = create, .readonly = readonly,
		.cols = o->cols, .rows = o->rows, .mode = o->mode,
	};
	struct pzerr e;

	if (segment_open(s, &o->addr, &so, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return -1;
	}
	if (create && !s->created && (o->size_given || o->mode_given))
		cli_error(_("note: the board exists already (%ux%u); -s and -m apply only when "
		    "creating one"), s->board.cols, s->board.rows);
	return 0;
}

void
cli_close(struct cli_opts *o, struct segment *s, bool failed)
{
	struct pzerr e;

	if (failed && s->created) {
		/* only while no one else attached it, wrote on it or took a slot */
		if (segment_remove_untouched(s, 0, &o->log, &e) == 1)
			cli_error(_("note: %s; the board this command created stays"), e.msg);
	} else if (s->created)
		cli_error(_("created a %ux%u board at key 0x%08x (shmid %d, mode %04o)"),
		    s->board.cols, s->board.rows, (unsigned)s->key, s->shmid,
		    (unsigned)o->mode);
	segment_detach(s, NULL);
}

int
cli_find(struct cli_opts *o, int *shmid)
{
	struct pzerr e;

	if (segment_find(&o->addr, &o->log, shmid, &e) != 0) {
		cli_error("%s", e.msg);
		return -1;
	}
	return 0;
}

const char *
cli_logind_root(void)
{
	const char *root = getenv("PIZARRA_LOGIND_ROOT");

	return root != NULL && root[0] != '\0' ? root : "/";
}
