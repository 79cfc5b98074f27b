/*
 * command.c - the command table and what is derived from it: lookup, the
 * operand and option checks (their messages name the commands that do
 * accept an option, read from the rows), and --help's command list. The
 * help texts are marked N_() in the table and translated where printed.
 */
#include <config.h>

#include <string.h>

#include "i18n.h"
#include "command.h"
#include "edit.h"
#include "list.h"
#include "owner.h"
#include "peek.h"
#include "show.h"
#include "top.h"
#include "ui.h"

/* draw and view: the interactive board. */
static int
command_draw(struct cli_opts *o)
{
	return ui_run(o, false);
}

static int
command_view(struct cli_opts *o)
{
	return ui_run(o, true);
}

/*
 * The help texts are translated where --help prints them (N_ here). A "\n"
 * starts a new line at column 22, so each line of one may take 58 columns.
 */
static const struct command command_table[] = {
	{ "draw", "", 0, 0, CLI_OPT_CREATE | CLI_OPT_FOLLOW, NULL,
	  N_("open the board to draw on (the default); creates it"), command_draw },
	{ "view", "", 0, 0, CLI_OPT_FOLLOW, NULL,
	  N_("open the board read-only (shmat SHM_RDONLY)"), command_view },
	{ "info", "", 0, 0, CLI_OPT_JSON, NULL,
	  N_("the segment's shmid_ds, the key's ftok derivation,\nthe board and its clients"),
	  show_info },
	{ "dump", "", 0, 0, CLI_OPT_ANSI | CLI_OPT_EXPORT, NULL,
	  N_("print the board as text; --ansi adds colours,\n"
	  "--html writes a web page, --svg a picture"), show_dump },
	{ "load", " FILE", 1, 1, CLI_OPT_CREATE | CLI_OPT_ANSI | CLI_OPT_AT, NULL,
	  N_("replace the board's content with a UTF-8 text file\n"
	  "(- reads standard input); creates the board; --ansi\n"
	  "reads colours, --at=COL,ROW places it as a block there"), edit_load },
	{ "put", " COL ROW TEXT", 3, 3, CLI_OPT_CREATE,
	  N_(" (quote TEXT that has spaces; options go before the operands)"),
	  N_("write TEXT at 0-based COL, ROW; creates the board"), edit_put },
	{ "clear", "", 0, 0, 0, NULL, N_("empty the board"), edit_clear },
	{ "chmod", " MODE", 1, 1, 0, NULL,
	  N_("set the permission bits (shmctl IPC_SET), e.g. 0660"), owner_chmod },
	{ "chown", " USER[:GROUP]", 1, 1, 0, NULL,
	  N_("give the board to another owner (shmctl IPC_SET)"), owner_chown },
	{ "rm", "", 0, 0, 0, NULL,
	  N_("mark the segment for removal (shmctl IPC_RMID); it\n"
	  "lives on until its last process detaches"), owner_rm },
	{ "ls", "", 0, 0, CLI_OPT_JSON | CLI_OPT_LIST, NULL,
	  N_("every shared-memory segment you can see, boards or not,\n"
	  "with its attached processes; attaches nothing"), list_run },
	{ "top", "", 0, 0, CLI_OPT_LIST, NULL,
	  N_("the same list, live, full screen; Enter opens a segment"), top_run },
	{ "peek", "", 0, 0, 0, NULL,
	  N_("any segment's bytes, live, read-only (shmat SHM_RDONLY)"), peek_run },
};

#define COMMAND_COUNT (sizeof command_table / sizeof command_table[0])

const struct command *
command_find(const char *name)
{
	size_t i;

	for (i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(command_table[i].name, name) == 0)
			return &command_table[i];
	return NULL;
}

/* "draw, load, put": the commands that accept option bit opt. */
static const char *
command_accepting(unsigned opt, char *buf, size_t n)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < COMMAND_COUNT && len < n; i++)
		if (command_table[i].options & opt)
			len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? ", " : "",
			    command_table[i].name);
	return buf;
}

int
command_check(const struct command *c, const struct cli_opts *o)
{
	char which[128];

	if (c == NULL)
		return cli_usage_error(_("%s: unknown command"), o->command);
	if ((o->nargs < c->min_args || o->nargs > c->max_args) && !c->operands[0])
		return cli_usage_error(_("%s: expects no operands"), c->name);
	if (o->nargs < c->min_args || o->nargs > c->max_args)
		/* TRANSLATORS: the operands (" COL ROW TEXT") follow "expects" as they are */
		return cli_usage_error(_("%s: expects%s%s"), c->name, c->operands,
		    o->nargs > c->max_args && c->too_many != NULL ? _(c->too_many) : "");
	if ((o->size_given || o->mode_given) && !(c->options & CLI_OPT_CREATE))
		return cli_usage_error(_("%s: -s and -m only apply when creating a board (%s)"),
		    c->name, command_accepting(CLI_OPT_CREATE, which, sizeof which));
	if (o->json && !(c->options & CLI_OPT_JSON))
		return cli_usage_error(_("--json only applies to %s"),
		    command_accepting(CLI_OPT_JSON, which, sizeof which));
	if (o->ansi && !(c->options & CLI_OPT_ANSI))
		return cli_usage_error(_("--ansi only applies to %s"),
		    command_accepting(CLI_OPT_ANSI, which, sizeof which));
	if ((o->html || o->svg) && !(c->options & CLI_OPT_EXPORT))
		return cli_usage_error(_("%s only applies to %s"), o->html ? "--html" : "--svg",
		    command_accepting(CLI_OPT_EXPORT, which, sizeof which));
	if (o->at_given && !(c->options & CLI_OPT_AT))
		return cli_usage_error(_("%s only applies to %s"), "--at",
		    command_accepting(CLI_OPT_AT, which, sizeof which));
	if (o->ansi + o->html + o->svg > 1)
		return cli_usage_error(_("%s: --ansi, --html and --svg are three formats: give one"),
		    c->name);
	if (o->follow_given && !(c->options & CLI_OPT_FOLLOW))
		return cli_usage_error(_("--follow only applies to %s"),
		    command_accepting(CLI_OPT_FOLLOW, which, sizeof which));
	if ((o->bytes || o->owner_given) && !(c->options & CLI_OPT_LIST))
		return cli_usage_error(_("%s only applies to %s"), o->bytes ? "--bytes" : "--owner",
		    command_accepting(CLI_OPT_LIST, which, sizeof which));
	return CLI_GO_ON;
}

/* One row of the command list: synopsis in 18 columns, help lines beside it. */
static void
command_help_row(FILE *f, const struct command *c)
{
	char synopsis[64];
	const char *line = _(c->help), *nl;

	snprintf(synopsis, sizeof synopsis, "%s%s%s%s", c->name,
	    c->options & CLI_OPT_JSON ? " [--json]" : "",
	    c->options & CLI_OPT_ANSI ? " [--ansi]" : "", c->operands);
	fprintf(f, "  %-18s  ", synopsis);
	while ((nl = strchr(line, '\n')) != NULL) {
		fprintf(f, "%.*s\n%22s", (int)(nl - line), line, "");
		line = nl + 1;
	}
	fprintf(f, "%s\n", line);
}

void
command_help(FILE *f)
{
	size_t i;

	/* TRANSLATORS: --help; every line at most 80 columns */
	fputs(_("Usage: pizarra [OPTION]... [COMMAND [ARG]...]\n"
	    "A whiteboard in one System V shared-memory segment: every terminal that\n"
	    "opens the same board draws on the same cells, live.\n"
	    "\n"
	    "Commands:\n"), f);
	for (i = 0; i < COMMAND_COUNT; i++)
		command_help_row(f, &command_table[i]);
	fputc('\n', f);
	cli_help_options(f);
	fputc('\n', f);
	/* TRANSLATORS: --help's end; every line at most 80 columns */
	fprintf(f, _("Exit status: 0 ok, 1 failure, 2 usage error.\n"
	    "Two terminals, one board:  pizarra   (in each; draw in one, see it in both)\n"
	    "Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}
