/*
 * input.c - what keys and the mouse do: the bindings (one table, which the
 * key bar and the help screen are drawn from), the drawing tools (text,
 * brush, line, box, eraser), cursor movement, the one-line prompts and
 * confirmations, and the status line, key bar and overlays that go with
 * them. Every printable key draws; commands live on F-keys and Ctrl keys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "utf8.h"
#include "ui.h"

#define CTRL(c) ((c) & 0x1f)

enum input_action {
	ACT_HELP, ACT_COLOUR, ACT_TOOL, ACT_DETACH, ACT_MODE, ACT_SAVE,
	ACT_REMOVE, ACT_CLEAR, ACT_PANEL, ACT_QUIT, ACT_NONE
};

/* A command key: its F-key, Ctrl alternative, action and labels. */
struct input_binding {
	int fkey;
	int ctrl;
	enum input_action action;
	const char *label;
	const char *short_label;   /* for key bars under 81 columns */
	const char *help;
};

static const struct input_binding input_bindings[] = {
	{ KEY_F(1), CTRL('G'), ACT_HELP, "Help", "Help", "this help" },
	{ KEY_F(2), CTRL('K'), ACT_COLOUR, "Colour", "Col", "next colour for what you draw" },
	{ KEY_F(3), CTRL('T'), ACT_TOOL, "Tool", "Tool", "text, brush, line, box, eraser" },
	{ KEY_F(4), CTRL('D'), ACT_DETACH, "Detach", "Dtch", "shmdt / shmat again (the lesson)" },
	{ KEY_F(5), CTRL('P'), ACT_MODE, "Mode", "Mode", "shmctl IPC_SET: permission bits" },
	{ KEY_F(6), CTRL('S'), ACT_SAVE, "Save", "Save", "write the board to a text file" },
	{ KEY_F(7), CTRL('R'), ACT_REMOVE, "Remove", "Rm", "shmctl IPC_RMID (asks first)" },
	{ KEY_F(8), CTRL('E'), ACT_CLEAR, "Clear", "Clr", "empty the board (asks first)" },
	{ KEY_F(9), CTRL('B'), ACT_PANEL, "Panel", "Pnl", "sidebar: segment/clients/syscalls" },
	{ KEY_F(10), CTRL('Q'), ACT_QUIT, "Quit", "Quit", "detach and leave (also Ctrl-C)" },
};

#define INPUT_NBINDINGS (sizeof input_bindings / sizeof input_bindings[0])

static const char *const input_tool_names[TOOL_COUNT] = {
	[TOOL_TEXT] = "TEXT", [TOOL_BRUSH] = "BRUSH", [TOOL_LINE] = "LINE",
	[TOOL_BOX] = "BOX", [TOOL_ERASER] = "ERASER",
};

/* Line directions, as bits of a box-drawing character. */
enum { UP = 1, DOWN = 2, LEFT = 4, RIGHT = 8 };

/* The box-drawing character for each combination of directions. */
static const uint32_t input_box_of[16] = {
	0, 0x2502, 0x2502, 0x2502, 0x2500, 0x2518, 0x2510, 0x2524,
	0x2500, 0x2514, 0x250C, 0x251C, 0x2500, 0x2534, 0x252C, 0x253C,
};

/* The name of a tool. */
const char *
input_tool_name(enum ui_tool t)
{
	return (unsigned)t < TOOL_COUNT ? input_tool_names[t] : "?";
}

/* The directions a light box-drawing character already has (0 for others). */
static unsigned
input_box_bits(uint32_t cp)
{
	unsigned bits;

	for (bits = 1; bits < 16; bits++)
		if (input_box_of[bits] == cp)
			return bits == UP || bits == DOWN ? UP | DOWN :
			    bits == LEFT || bits == RIGHT ? LEFT | RIGHT : bits;
	return 0;
}

/* May this client write to the board now? Says why not. */
static bool
input_can_draw(struct ui *ui)
{
	if (ui->readonly)
		ui_message(ui, true, "view-only: attached SHM_RDONLY, drawing is refused "
		    "(run `pizarra draw` to draw)");
	else if (ui->distrust)
		ui_message(ui, true, "this board is no longer trusted: F6 saves it, F10 quits");
	else if (!ui->attached)
		ui_message(ui, true, "detached (shmdt): F4 attaches again to draw");
	else
		return true;
	return false;
}

/* Draw one character at (col, row) in our colour; true when drawn. */
static bool
input_put(struct ui *ui, uint32_t col, uint32_t row, uint32_t cp)
{
	unsigned author = ui->have_slot ? (unsigned)ui->me.slot + 1 : 0;

	if (board_draw(&ui->seg.board, col, row, cp, ui->me.colour, author) <= 0)
		return false;
	ui->changed = true;
	return true;
}

/* The directions the line character at (col, row) has (exact for the pen's last cell). */
static unsigned
input_bits_at(const struct ui *ui, uint32_t col, uint32_t row)
{
	uint32_t cp = cell_cp(board_get(&ui->seg.board, col, row));

	if (ui->pen_valid && col == ui->pen_col && row == ui->pen_row &&
	    cp == input_box_of[ui->pen_bits])
		return ui->pen_bits;
	return input_box_bits(cp);
}

/*
 * Connect two neighbouring cells with a line. A lone direction is drawn as
 * a full line, which reads back as both ways; so the directions of the
 * pen's last cell are remembered exactly, and a stroke turns its corners
 * right (a corner, not a tee).
 */
static void
input_line_step(struct ui *ui, uint32_t c1, uint32_t r1, uint32_t c2, uint32_t r2)
{
	unsigned there = c2 > c1 ? RIGHT : c2 < c1 ? LEFT : r2 > r1 ? DOWN : UP;
	unsigned back = there == RIGHT ? LEFT : there == LEFT ? RIGHT : there == DOWN ? UP : DOWN;
	unsigned to;

	if (c1 == c2 && r1 == r2)
		return;
	input_put(ui, c1, r1, input_box_of[(input_bits_at(ui, c1, r1) | there) & 15]);
	to = (input_bits_at(ui, c2, r2) | back) & 15;
	input_put(ui, c2, r2, input_box_of[to]);
	ui->pen_valid = true;
	ui->pen_col = c2;
	ui->pen_row = r2;
	ui->pen_bits = to;
}

/* Draw the box with corners (c0, r0) and (c1, r1), joining lines it crosses. */
static void
input_box(struct ui *ui, uint32_t c0, uint32_t r0, uint32_t c1, uint32_t r1)
{
	uint32_t c, r;
	unsigned bits;

	for (r = r0; r <= r1; r++) {
		for (c = c0; c <= c1; c++) {
			if (r != r0 && r != r1 && c != c0 && c != c1)
				continue;
			bits = 0;
			if (r == r0 || r == r1)
				bits |= (c > c0 ? LEFT : 0) | (c < c1 ? RIGHT : 0);
			if (c == c0 || c == c1)
				bits |= (r > r0 ? UP : 0) | (r < r1 ? DOWN : 0);
			if (bits != 0)
				input_put(ui, c, r, input_box_of[(input_bits_at(ui, c, r) | bits) & 15]);
		}
	}
	ui->pen_valid = false;
}

/* Apply the current tool to a cell the pen arrives at from (pc, pr). */
static void
input_stroke(struct ui *ui, uint32_t pc, uint32_t pr, uint32_t col, uint32_t row)
{
	switch (ui->tool) {
	case TOOL_BRUSH:
		input_put(ui, pc, pr, ui->brush);
		input_put(ui, col, row, ui->brush);
		break;
	case TOOL_ERASER:
		input_put(ui, pc, pr, 0);
		input_put(ui, col, row, 0);
		break;
	case TOOL_LINE:
		input_line_step(ui, pc, pr, col, row);
		break;
	default:
		break;
	}
}

/* Move the cursor by (dc, dr), clamped to the board, using the tool on the way. */
static void
input_move(struct ui *ui, int dc, int dr)
{
	const struct board *b = ui_board(ui);
	long col, row;
	uint32_t pc = ui->me.col, pr = ui->me.row;
	bool paint;

	if (b == NULL)
		return;
	col = (long)ui->me.col + dc;
	row = (long)ui->me.row + dr;
	col = col < 0 ? 0 : col >= (long)b->cols ? (long)b->cols - 1 : col;
	row = row < 0 ? 0 : row >= (long)b->rows ? (long)b->rows - 1 : row;
	paint = ui->tool == TOOL_BRUSH || ui->tool == TOOL_ERASER || ui->tool == TOOL_LINE;
	if (paint && (col != pc || row != pr) && input_can_draw(ui)) {
		uint32_t c = pc, r = pr;

		while (c != (uint32_t)col || r != (uint32_t)row) {
			uint32_t nc = c, nr = r;

			if (c != (uint32_t)col)
				nc = c < (uint32_t)col ? c + 1 : c - 1;
			else
				nr = r < (uint32_t)row ? r + 1 : r - 1;
			input_stroke(ui, c, r, nc, nr);
			c = nc;
			r = nr;
		}
	}
	ui->me.col = (uint32_t)col;
	ui->me.row = (uint32_t)row;
	ui->line_start = ui->me.col;
	ui_publish_cursor(ui);
}

/* Type one printable character at the cursor. */
static void
input_type(struct ui *ui, uint32_t cp)
{
	const struct board *b = ui_board(ui);
	int w;

	if (b == NULL || !input_can_draw(ui))
		return;
	if (!cell_drawable(cp)) {
		ui_message(ui, true, "U+%04X cannot be drawn on a board", cp);
		return;
	}
	if (ui->tool == TOOL_BRUSH) {
		ui->brush = cp;
		input_put(ui, ui->me.col, ui->me.row, cp);
		ui_message(ui, false, "brush is now the character you typed");
		return;
	}
	w = board_draw(&ui->seg.board, ui->me.col, ui->me.row, cp, ui->me.colour,
	    ui->have_slot ? (unsigned)ui->me.slot + 1 : 0);
	ui->changed = true;
	if (w < 0) {
		ui_message(ui, true, "no room for a wide character at the board's edge");
		return;
	}
	if (ui->me.col + (uint32_t)w < b->cols)
		ui->me.col += (uint32_t)w;
	ui_publish_cursor(ui);
}

/* Backspace: step left (over a whole wide character) and erase. */
static void
input_backspace(struct ui *ui)
{
	const struct board *b = ui_board(ui);
	uint32_t col = ui->me.col;

	if (b == NULL || !input_can_draw(ui) || col == 0)
		return;
	col--;
	if (col > 0 && cell_cp(board_get(b, col, ui->me.row)) == CELL_CONT)
		col--;
	input_put(ui, col, ui->me.row, 0);
	ui->me.col = col;
	ui_publish_cursor(ui);
}

/* Enter: the box tool's corner, or the start column of the next line. */
static void
input_enter(struct ui *ui)
{
	const struct board *b = ui_board(ui);
	uint32_t c0, c1, r0, r1;

	if (b == NULL)
		return;
	if (ui->tool != TOOL_BOX) {
		if (ui->me.row + 1 < b->rows)
			ui->me.row++;
		ui->me.col = ui->line_start;
		ui_publish_cursor(ui);
		return;
	}
	if (!ui->anchor_set) {
		ui->anchor_set = true;
		ui->anchor_col = ui->me.col;
		ui->anchor_row = ui->me.row;
		ui_message(ui, false, "box: corner at %u,%u; move to the other corner, Enter draws, "
		    "Esc cancels", ui->me.col, ui->me.row);
		return;
	}
	ui->anchor_set = false;
	if (!input_can_draw(ui))
		return;
	c0 = ui->anchor_col < ui->me.col ? ui->anchor_col : ui->me.col;
	c1 = ui->anchor_col < ui->me.col ? ui->me.col : ui->anchor_col;
	r0 = ui->anchor_row < ui->me.row ? ui->anchor_row : ui->me.row;
	r1 = ui->anchor_row < ui->me.row ? ui->me.row : ui->anchor_row;
	input_box(ui, c0, r0, c1, r1);
	ui_publish_cursor(ui);
}

/* Pen arrives at (col, row) with the button held: paint the way from the last point. */
static void
input_drag(struct ui *ui, uint32_t col, uint32_t row)
{
	long dc = (long)col - (long)ui->me.col, dr = (long)row - (long)ui->me.row;
	enum ui_tool keep = ui->tool;

	if (ui->tool == TOOL_TEXT)
		ui->tool = TOOL_BRUSH;
	if (ui->tool == TOOL_BOX) {
		ui->me.col = col;
		ui->me.row = row;
		ui_publish_cursor(ui);
	} else {
		input_move(ui, (int)dc, (int)dr);
	}
	ui->tool = keep;
}

/* Handle a mouse event: click moves, drag paints with the tool. */
static void
input_mouse(struct ui *ui)
{
	const struct board *b = ui_board(ui);
	MEVENT ev;
	uint32_t col, row;

	if (getmouse(&ev) != OK || b == NULL || ui->mode != MODE_DRAW)
		return;
	if (ev.x < 0 || ev.y < 0 || ev.x >= ui->canvas_w || ev.y >= ui->canvas_h) {
		if (ev.bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED))
			ui->mouse_down = false;
		return;
	}
	col = ui->view_col + (uint32_t)ev.x;
	row = ui->view_row + (uint32_t)ev.y;
	col = col >= b->cols ? b->cols - 1 : col;
	row = row >= b->rows ? b->rows - 1 : row;
	if (ev.bstate & BUTTON1_PRESSED) {
		ui->mouse_down = true;
		ui->me.col = col;
		ui->me.row = row;
		ui->line_start = col;
		if (ui->tool == TOOL_BOX) {
			ui->anchor_set = true;
			ui->anchor_col = col;
			ui->anchor_row = row;
		} else if (ui->tool == TOOL_BRUSH && input_can_draw(ui)) {
			input_put(ui, col, row, ui->brush);
		} else if (ui->tool == TOOL_ERASER && input_can_draw(ui)) {
			input_put(ui, col, row, 0);
		}
		ui_publish_cursor(ui);
	} else if (ev.bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED)) {
		if (ui->mouse_down && (col != ui->me.col || row != ui->me.row))
			input_drag(ui, col, row);
		ui->mouse_down = false;
		if (ui->tool == TOOL_BOX && ui->anchor_set &&
		    (ui->anchor_col != col || ui->anchor_row != row))
			input_enter(ui);
		else
			ui->anchor_set = false;
	} else if (ui->mouse_down && (ev.bstate & REPORT_MOUSE_POSITION)) {
		input_drag(ui, col, row);
	}
}

/* Start a one-line prompt. */
static void
input_prompt(struct ui *ui, enum ui_mode mode, const char *initial)
{
	ui->mode = mode;
	snprintf(ui->prompt, sizeof ui->prompt, "%s", initial);
	ui->prompt_len = strlen(ui->prompt);
}

/* Run a command key. */
static void
input_action(struct ui *ui, enum input_action a)
{
	char name[64];

	switch (a) {
	case ACT_HELP:
		ui->mode = MODE_HELP;
		break;
	case ACT_COLOUR:
		if (ui->readonly) {
			input_can_draw(ui);
			break;
		}
		ui->me.colour = ui->me.colour % 15 + 1;
		ui_publish_cursor(ui);
		ui_message(ui, false, "colour %u", ui->me.colour);
		break;
	case ACT_TOOL:
		ui->tool = (enum ui_tool)((ui->tool + 1) % TOOL_COUNT);
		ui->anchor_set = false;
		ui_message(ui, false, "tool: %s", input_tool_name(ui->tool));
		break;
	case ACT_DETACH:
		if (ui->attached)
			ui_detach(ui);
		else
			ui_attach(ui);
		break;
	case ACT_MODE:
		input_prompt(ui, MODE_PROMPT_MODE, "0660");
		break;
	case ACT_SAVE:
		snprintf(name, sizeof name, "pizarra-%d.txt", ui->seg.shmid);
		input_prompt(ui, MODE_PROMPT_SAVE, name);
		break;
	case ACT_REMOVE:
		ui->mode = MODE_CONFIRM_REMOVE;
		break;
	case ACT_CLEAR:
		if (input_can_draw(ui))
			ui->mode = MODE_CONFIRM_CLEAR;
		break;
	case ACT_PANEL:
		ui->sidebar_focus = (ui->sidebar_focus + 1) % 3;
		break;
	case ACT_QUIT:
		ui->quit = true;
		break;
	case ACT_NONE:
		break;
	}
}

/* Edit the prompt line with one key; Enter submits, Esc cancels. */
static void
input_prompt_key(struct ui *ui, int ret, wint_t ch)
{
	char utf[4];
	int n;

	if (ret == OK && ch == 27) {
		ui->mode = MODE_DRAW;
		ui_message(ui, false, "cancelled");
	} else if ((ret == OK && (ch == '\r' || ch == '\n')) || (ret == KEY_CODE_YES && ch == KEY_ENTER)) {
		enum ui_mode m = ui->mode;

		ui->mode = MODE_DRAW;
		if (m == MODE_PROMPT_MODE)
			ui_chmod(ui, ui->prompt);
		else
			ui_save(ui, ui->prompt);
	} else if ((ret == KEY_CODE_YES && ch == KEY_BACKSPACE) ||
	    (ret == OK && (ch == 127 || ch == 8))) {
		while (ui->prompt_len > 0 &&
		    ((unsigned char)ui->prompt[--ui->prompt_len] & 0xC0) == 0x80)
			;
		ui->prompt[ui->prompt_len] = '\0';
	} else if (ret == OK && ch >= 0x20 && cell_drawable((uint32_t)ch)) {
		n = utf8_encode((uint32_t)ch, utf);
		if (n > 0 && ui->prompt_len + (size_t)n < sizeof ui->prompt) {
			memcpy(ui->prompt + ui->prompt_len, utf, (size_t)n);
			ui->prompt_len += (size_t)n;
			ui->prompt[ui->prompt_len] = '\0';
		}
	}
}

/* Answer a yes/no question or the orphan menu. */
static void
input_answer(struct ui *ui, int ret, wint_t ch)
{
	enum ui_mode m = ui->mode;
	bool yes = ret == OK && (ch == 'y' || ch == 'Y');

	ui->mode = MODE_DRAW;
	if (m == MODE_CONFIRM_CLEAR) {
		if (yes)
			ui_clear(ui);
		else
			ui_message(ui, false, "not cleared");
	} else if (m == MODE_CONFIRM_REMOVE) {
		if (yes)
			ui_remove(ui);
		else
			ui_message(ui, false, "not removed");
	} else if (m == MODE_ORPHAN) {
		if (ret == OK && (ch == 's' || ch == 'S'))
			input_action(ui, ACT_SAVE);
		else if (ret == OK && (ch == 'n' || ch == 'N'))
			ui_switch_to_new(ui);
		else
			ui_message(ui, false, "drawing on the orphaned segment (shmid %d)",
			    ui->seg.shmid);
	}
}

/* The command bound to a key, if any. */
static enum input_action
input_bound(int ret, wint_t ch)
{
	size_t i;

	if (ret == OK && ch == CTRL('C'))
		return ACT_QUIT;
	for (i = 0; i < INPUT_NBINDINGS; i++)
		if ((ret == KEY_CODE_YES && (int)ch == input_bindings[i].fkey) ||
		    (ret == OK && (int)ch == input_bindings[i].ctrl))
			return input_bindings[i].action;
	return ACT_NONE;
}

/* Handle one key while drawing. */
static void
input_draw_key(struct ui *ui, int ret, wint_t ch)
{
	enum input_action a = input_bound(ret, ch);

	if (a != ACT_NONE) {
		input_action(ui, a);
		return;
	}
	if (ret == KEY_CODE_YES) {
		switch (ch) {
		case KEY_LEFT: input_move(ui, -1, 0); break;
		case KEY_RIGHT: input_move(ui, 1, 0); break;
		case KEY_UP: input_move(ui, 0, -1); break;
		case KEY_DOWN: input_move(ui, 0, 1); break;
		case KEY_HOME: input_move(ui, -(int)ui->me.col, 0); break;
		case KEY_END: input_move(ui, BOARD_MAX_COLS, 0); break;
		case KEY_PPAGE: input_move(ui, 0, -(ui->canvas_h > 1 ? ui->canvas_h - 1 : 1)); break;
		case KEY_NPAGE: input_move(ui, 0, ui->canvas_h > 1 ? ui->canvas_h - 1 : 1); break;
		case KEY_BACKSPACE: input_backspace(ui); break;
		case KEY_DC:
			if (input_can_draw(ui))
				input_put(ui, ui->me.col, ui->me.row, 0);
			break;
		case KEY_ENTER: input_enter(ui); break;
		case KEY_MOUSE: input_mouse(ui); break;
		default: break;
		}
		return;
	}
	switch (ch) {
	case '\r':
	case '\n':
		input_enter(ui);
		return;
	case 127:
	case 8:
		input_backspace(ui);
		return;
	case '\t':
		input_move(ui, 8 - (int)(ui->me.col % 8), 0);
		return;
	case 27:
		if (ui->anchor_set)
			ui_message(ui, false, "box cancelled");
		ui->anchor_set = false;
		return;
	case CTRL('L'):
		clearok(curscr, TRUE);
		canvas_invalidate(ui);
		return;
	case CTRL('Z'):
		screen_suspend(ui);
		return;
	default:
		break;
	}
	if (ch >= 0x20)
		input_type(ui, (uint32_t)ch);
}

/* Handle one key (or mouse event) in whatever mode the UI is in. */
static void
input_dispatch(struct ui *ui, int ret, wint_t ch)
{
	if (input_bound(ret, ch) == ACT_QUIT) {
		ui->quit = true;
		return;
	}
	switch (ui->mode) {
	case MODE_HELP:
		if (ret == KEY_CODE_YES && ch == KEY_MOUSE) {
			MEVENT ev;

			getmouse(&ev);
			if (!(ev.bstate & BUTTON1_PRESSED))
				return;
		}
		ui->mode = MODE_DRAW;
		break;
	case MODE_PROMPT_MODE:
	case MODE_PROMPT_SAVE:
		input_prompt_key(ui, ret, ch);
		break;
	case MODE_ORPHAN:
		if (input_bound(ret, ch) != ACT_NONE) {
			ui->mode = MODE_DRAW;
			input_action(ui, input_bound(ret, ch));
			break;
		}
		/* fall through */
	case MODE_CONFIRM_CLEAR:
	case MODE_CONFIRM_REMOVE:
		if (ret == KEY_CODE_YES && ch == KEY_MOUSE) {
			MEVENT ev;

			getmouse(&ev);
			return;
		}
		input_answer(ui, ret, ch);
		break;
	default:
		input_draw_key(ui, ret, ch);
		break;
	}
}

/*
 * Take one key from the terminal. An escape sequence the terminal
 * description does not know (a wrong TERM) arrives as ESC and plain
 * characters: it is swallowed here instead of being drawn on the board.
 * A lone ESC is delivered when the batch of input ends (input_flush).
 */
void
input_key(struct ui *ui, int ret, wint_t ch)
{
	if (ret == OK && ui->esc_state == 1) {
		if (ch == '[' || ch == 'O') {
			ui->esc_state = ch == '[' ? 2 : 3;
			return;
		}
		ui->esc_state = 0;
		input_dispatch(ui, OK, 27);
	} else if (ret == OK && ui->esc_state == 2) {
		if (ch >= 0x20 && ch <= 0x3F)
			return;
		ui->esc_state = 0;
		if (ch >= 0x40 && ch <= 0x7E)
			return;
	} else if (ret == OK && ui->esc_state == 3) {
		ui->esc_state = 0;
		return;
	} else if (ui->esc_state == 1) {
		ui->esc_state = 0;
		input_dispatch(ui, OK, 27);
	} else {
		ui->esc_state = 0;
	}
	if (ret == OK && ch == 27) {
		ui->esc_state = 1;
		return;
	}
	input_dispatch(ui, ret, ch);
}

/* The batch of input ended: a pending ESC was the Esc key itself. */
void
input_flush(struct ui *ui)
{
	if (ui->esc_state == 1)
		input_dispatch(ui, OK, 27);
	ui->esc_state = 0;
}

/* The status line: tool, colour, position, board; or the prompt or question. */
void
input_draw_status(struct ui *ui)
{
	const struct board *b = ui_board(ui);
	char left[200];
	const char *q = NULL;
	int x;

	werase(ui->status);
	switch (ui->mode) {
	case MODE_PROMPT_MODE:
		q = "Permission bits (shmctl IPC_SET), e.g. 0660 group, 0666 all: ";
		break;
	case MODE_PROMPT_SAVE:
		q = "Save the board as text to: ";
		break;
	case MODE_CONFIRM_CLEAR:
		q = "Clear the whole board for everyone? (y/N) ";
		break;
	case MODE_CONFIRM_REMOVE:
		q = "IPC_RMID: mark the segment for removal? It lives until the last detach (y/N) ";
		break;
	case MODE_ORPHAN:
		q = "Board removed by someone else: k keep, s save to a file, n new board under the key ";
		break;
	default:
		break;
	}
	if (q != NULL) {
		wattrset(ui->status, screen_attr(ui, UC_WARNING));
		mvwaddnstr(ui->status, 0, 0, q, COLS);
		wattrset(ui->status, A_NORMAL);
		if (ui->mode == MODE_PROMPT_MODE || ui->mode == MODE_PROMPT_SAVE)
			waddnstr(ui->status, ui->prompt, COLS - (int)strlen(q) - 1);
		wnoutrefresh(ui->status);
		return;
	}
	snprintf(left, sizeof left, " %s%s ", ui->readonly ? "VIEW-ONLY " : "",
	    input_tool_name(ui->tool));
	wattrset(ui->status, screen_attr(ui, UC_TITLE));
	mvwaddnstr(ui->status, 0, 0, left, COLS);
	wattrset(ui->status, screen_ink(ui, ui->me.colour, false) | A_BOLD);
	waddnstr(ui->status, ui->utf8 ? " \u25A0" : " #", -1);
	x = getcurx(ui->status);
	if (b != NULL)
		snprintf(left, sizeof left, " %u,%u on %ux%u%s%s", ui->me.col, ui->me.row,
		    b->cols, b->rows, ui->attached ? "" : "  DETACHED",
		    ui->tool == TOOL_BRUSH ? "  brush " : "");
	else
		snprintf(left, sizeof left, " no board");
	wattrset(ui->status, screen_attr(ui, UC_STATUS));
	mvwaddnstr(ui->status, 0, x, left, COLS - x);
	if (ui->tool == TOOL_BRUSH && b != NULL) {
		cchar_t cc;
		wchar_t wc[2] = { (wchar_t)(ui->utf8 || ui->brush < 0x80 ? ui->brush : '#'), 0 };

		setcchar(&cc, wc, A_BOLD, 0, NULL);
		wadd_wch(ui->status, &cc);
	}
	if (ui->key_now_shmid >= 0) {
		snprintf(left, sizeof left, "  ORPHAN: key 0x%08x now names another board "
		    "(shmid %d); F6 saves this one", (unsigned)ui->seg.key, ui->key_now_shmid);
		wattrset(ui->status, screen_attr(ui, UC_WARNING));
		waddnstr(ui->status, left, COLS - getcurx(ui->status));
	} else if (ui->message[0] != '\0' && ui_now_ms() < ui->message_until) {
		x = getcurx(ui->status) + 2;
		wattrset(ui->status, screen_attr(ui, ui->message_warn ? UC_WARNING : UC_MESSAGE));
		if (x < COLS)
			mvwaddnstr(ui->status, 0, x, ui->message, COLS - x);
	}
	wattrset(ui->status, A_NORMAL);
	wnoutrefresh(ui->status);
}

/* The key bar at the bottom, htop style. */
void
input_draw_keybar(struct ui *ui)
{
	int width = (COLS - 21) / 10, room;
	char label[16];
	size_t i;

	width = width > 7 ? 7 : width < 2 ? 2 : width;
	werase(ui->keybar);
	wmove(ui->keybar, 0, 0);
	for (i = 0; i < INPUT_NBINDINGS; i++) {
		bool narrow = COLS < 81;
		const char *l = narrow ? input_bindings[i].short_label : input_bindings[i].label;

		if (input_bindings[i].action == ACT_DETACH && !ui->attached)
			l = narrow ? "Atch" : "Attach";
		room = COLS - getcurx(ui->keybar);
		if (room < 4)
			break;
		wattrset(ui->keybar, screen_attr(ui, UC_KEY));
		wprintw(ui->keybar, "F%zu", i + 1);
		snprintf(label, sizeof label, "%-*.*s", width, width, l);
		wattrset(ui->keybar, screen_attr(ui, UC_KEYLABEL));
		waddnstr(ui->keybar, label, COLS - getcurx(ui->keybar));
		if (getcurx(ui->keybar) == 0)
			break;
	}
	wattrset(ui->keybar, A_NORMAL);
	wnoutrefresh(ui->keybar);
}

/* The help screen over the canvas. */
static void
input_draw_help(struct ui *ui)
{
	static const char *const lines[] = {
		"Type to draw: every printable key (q too) lands at the cursor.",
		"Arrows move, Enter goes to the next line, Backspace/Delete erase,",
		"Home/End/PgUp/PgDn jump, mouse click moves, drag paints.",
		"Tools (F3): TEXT types; BRUSH paints its character as you move",
		"(type a key to choose it); LINE draws box lines as you move;",
		"BOX: Enter at one corner, Enter at the other (or drag);",
		"ERASER clears as you move. Esc cancels a box or a prompt.",
		"Ctrl-L redraws the screen, Ctrl-Z suspends (fg resumes).",
		"",
		"The lesson: the board is one System V segment. Each pizarra did",
		"ftok -> shmget -> shmat; F4 does shmdt (watch shm_nattch drop in",
		"every sidebar) and shmat again; F7 is shmctl(IPC_RMID): the segment",
		"is marked dest, its key becomes 0x00000000, and it lives until the",
		"last process detaches; F5 is shmctl(IPC_SET) of the mode bits.",
		"",
	};
	int h = (int)(sizeof lines / sizeof lines[0]) + (int)INPUT_NBINDINGS + 4;
	int w = 72, y0, x0, i;
	WINDOW *win;

	if (w > COLS - 2)
		w = COLS - 2;
	if (h > LINES - 2)
		h = LINES - 2;
	y0 = (LINES - 2 - h) / 2;
	x0 = (COLS - w) / 2;
	win = newwin(h, w, y0 < 0 ? 0 : y0, x0 < 0 ? 0 : x0);
	if (win == NULL)
		return;
	werase(win);
	box(win, 0, 0);
	wattrset(win, screen_attr(ui, UC_TITLE));
	mvwaddnstr(win, 0, 2, " pizarra help (any key closes) ", w - 4);
	wattrset(win, A_NORMAL);
	for (i = 0; i < (int)(sizeof lines / sizeof lines[0]) && i + 1 < h - 1; i++)
		mvwaddnstr(win, i + 1, 2, lines[i], w - 4);
	for (size_t k = 0; k < INPUT_NBINDINGS && i + 1 < h - 1; k++, i++) {
		char line[128];

		snprintf(line, sizeof line, "F%-2zu Ctrl-%c  %-7s %s", k + 1,
		    input_bindings[k].ctrl + '@', input_bindings[k].label, input_bindings[k].help);
		mvwaddnstr(win, i + 1, 2, line, w - 4);
	}
	wnoutrefresh(win);
	delwin(win);
}

/* A banner across the top of the canvas, the text wrapped at spaces. */
static void
input_draw_banner(struct ui *ui, const char *text)
{
	int width = ui->canvas_w - 2, rows = 0, len;
	const char *p = text, *cut;
	WINDOW *win;

	if (width < 10)
		return;
	win = newwin(ui->canvas_h < 4 ? ui->canvas_h : 4, ui->canvas_w, 0, 0);
	if (win == NULL)
		return;
	wbkgd(win, ' ' | screen_attr(ui, UC_WARNING));
	werase(win);
	while (*p != '\0' && rows < getmaxy(win)) {
		len = (int)strlen(p);
		if (len > width) {
			for (cut = p + width; cut > p && *cut != ' '; cut--)
				;
			len = cut > p ? (int)(cut - p) : width;
		}
		mvwaddnstr(win, rows++, 1, p, len);
		p += len;
		while (*p == ' ')
			p++;
	}
	wresize(win, rows > 0 ? rows : 1, ui->canvas_w);
	wnoutrefresh(win);
	delwin(win);
	canvas_invalidate(ui);
}

/* Overlays: the help screen, or a banner about the board's state. */
void
input_draw_overlay(struct ui *ui)
{
	char text[PZERR_MSG_MAX + 128];

	if (ui->mode == MODE_HELP) {
		input_draw_help(ui);
	} else if (ui->mode == MODE_ORPHAN) {
		snprintf(text, sizeof text, "shmid %d was removed by someone else (IPC_RMID): "
		    "its key is now 0x00000000 and it lives only while processes stay attached. "
		    "k: keep %s it   s: save it to a file   n: %s", ui->seg.shmid,
		    ui->readonly ? "viewing" : "drawing on",
		    ui->readonly ? "view the board now under the key" :
		    "continue on a new board under the key, with this drawing");
		input_draw_banner(ui, text);
	} else if (ui->distrust) {
		snprintf(text, sizeof text, "Stopped trusting this board: %s. F6 saves what "
		    "you see, F10 quits.", ui->distrust_why);
		input_draw_banner(ui, text);
	}
}
