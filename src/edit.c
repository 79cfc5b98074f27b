/*
 * edit.c - load, put and clear from the command line. The text is read
 * and checked against the largest board before the board is opened, and
 * checked again against the real board by the core before any cell is
 * written, so invalid input never changes anything.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "notify.h"
#include "utf8.h"

#define EDIT_FILE_MAX (256u << 20)

/* Read a whole file ("-" is standard input) into memory. */
static char *
edit_read_file(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *buf = NULL, *p;
	size_t cap = 0, n;

	*len = 0;
	if (f == NULL) {
		cli_error("%s: %s; the board was not changed", path, strerror(errno));
		return NULL;
	}
	for (;;) {
		if (cap - *len < 65536) {
			cap = cap ? cap * 2 : 65536;
			if (cap > EDIT_FILE_MAX + 65536) {
				cli_error("%s: larger than any board can hold; the board was not "
				    "changed", path);
				goto fail;
			}
			p = realloc(buf, cap);
			if (p == NULL) {
				cli_error("%s: out of memory", path);
				goto fail;
			}
			buf = p;
		}
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		cli_error("%s: %s; the board was not changed", path, strerror(errno));
		goto fail;
	}
	if (f != stdin)
		fclose(f);
	return buf;
fail:
	if (f != stdin)
		fclose(f);
	free(buf);
	return NULL;
}

int
edit_load(struct cli_opts *o)
{
	const char *path = o->args[0];
	struct segment s;
	struct pzerr e;
	size_t len;
	char *text;
	int status = EXIT_SUCCESS;

	text = edit_read_file(path, &len);
	if (text == NULL)
		return EXIT_FAILURE;
	if (board_check_text(text, len, BOARD_MAX_COLS, BOARD_MAX_ROWS, &e) != 0) {
		cli_error("%s: %s; the board was not changed", path, e.msg);
		free(text);
		return EXIT_FAILURE;
	}
	if (cli_open(o, &s, true, false) != 0) {
		free(text);
		return EXIT_FAILURE;
	}
	if (board_load(&s.board, text, len, &e) != 0) {
		cli_error("%s: %s; the board was not changed", path, e.msg);
		status = EXIT_FAILURE;
	} else {
		notify_bump(&s.board);
	}
	cli_close(o, &s, status != EXIT_SUCCESS);
	free(text);
	return status;
}

/*
 * A 0-based coordinate operand (WHAT is "COL" or "ROW"): digits only, at
 * most 65535 (what a cursor can hold). 0, or EXIT_USAGE after saying why.
 */
static int
edit_coordinate(const char *what, const char *s, uint32_t *v)
{
	const char *noun = what[0] == 'C' ? "column" : "row";
	uint64_t n;
	char q[128];
	int r = cli_parse_number(s, false, 0, 0xFFFF, &n);

	if (r == CLI_NUM_OK) {
		*v = (uint32_t)n;
		return 0;
	}
	utf8_escape(s, q, sizeof q);
	if (r == CLI_NUM_RANGE)
		return cli_usage_error("put: %s '%s' is out of range (0-65535)", what, q);
	return cli_usage_error("put: %s '%s' is not a %s number (0-65535)", what, q, noun);
}

int
edit_put(struct cli_opts *o)
{
	const char *text = o->args[2];
	uint32_t col, row;
	struct segment s;
	struct pzerr e;
	int status = EXIT_SUCCESS;

	if (edit_coordinate("COL", o->args[0], &col) != 0 ||
	    edit_coordinate("ROW", o->args[1], &row) != 0)
		return EXIT_USAGE;
	if (board_check_text(text, strlen(text), BOARD_MAX_COLS, BOARD_MAX_ROWS, &e) != 0) {
		cli_error("put: TEXT: %s; the board was not changed", e.msg);
		return EXIT_FAILURE;
	}
	if (cli_open(o, &s, true, false) != 0)
		return EXIT_FAILURE;
	if (board_put(&s.board, col, row, text, strlen(text), 0, 0, &e) != 0) {
		cli_error("put: %s; the board was not changed", e.msg);
		status = EXIT_FAILURE;
	} else {
		notify_bump(&s.board);
	}
	cli_close(o, &s, status != EXIT_SUCCESS);
	return status;
}

int
edit_clear(struct cli_opts *o)
{
	struct segment s;
	struct pzerr e;
	int status = EXIT_SUCCESS;

	if (cli_open(o, &s, false, false) != 0)
		return EXIT_FAILURE;
	if (board_clear(&s.board, &e) != 0) {
		cli_error("clear: %s", e.msg);
		status = EXIT_FAILURE;
	} else {
		notify_bump(&s.board);
	}
	cli_close(o, &s, false);
	return status;
}
