/*
 * keymap.c - the key tables and what is drawn from them. ncurses gives
 * function keys as KEY_CODE_YES codes and everything else as characters;
 * a row matches one or the other. The key bar's labels shrink below 81
 * columns so all ten keys fit an 80-column terminal.
 */
#include <stdio.h>

#include "keymap.h"
#include "screen.h"

#define CTRL(c) ((c) & 0x1f)

static const struct keymap_binding keymap_commands[] = {
	{ KEY_F(1), CTRL('G'), "Help", "Help", NULL, NULL, "this help", action_help, false },
	{ KEY_F(2), CTRL('K'), "Colour", "Col", NULL, NULL, "next colour for what you draw",
	  action_colour, true },
	{ KEY_F(3), CTRL('T'), "Tool", "Tool", NULL, NULL, "text, brush, line, box, eraser",
	  action_tool, true },
	{ KEY_F(4), CTRL('D'), "Detach", "Dtch", "Attach", "Atch",
	  "shmdt / shmat again (the lesson)", action_detach, false },
	{ KEY_F(5), CTRL('P'), "Mode", "Mode", NULL, NULL, "shmctl IPC_SET: permission bits",
	  action_ask_chmod, false },
	{ KEY_F(6), CTRL('S'), "Save", "Save", NULL, NULL, "write the board to a text file",
	  action_ask_save, false },
	{ KEY_F(7), CTRL('R'), "Remove", "Rm", NULL, NULL, "shmctl IPC_RMID (asks first)",
	  action_ask_remove, false },
	{ KEY_F(8), CTRL('E'), "Clear", "Clr", NULL, NULL, "empty the board (asks first)",
	  action_ask_clear, true },
	{ KEY_F(9), CTRL('B'), "Panel", "Pnl", NULL, NULL,
	  "sidebar: segment, clients or syscalls first; hidden",
	  action_panel, false },
	{ KEY_F(10), CTRL('Q'), "Quit", "Quit", NULL, NULL, "detach and leave (also Ctrl-C)",
	  action_quit, false },
};

#define KEYMAP_NCOMMANDS (sizeof keymap_commands / sizeof keymap_commands[0])

/* A drawing key: a function-key code (special) or a character. */
struct keymap_key {
	bool special;
	wint_t key;
	action_fn run;
};

static const struct keymap_key keymap_keys[] = {
	{ true, KEY_LEFT, action_left }, { true, KEY_RIGHT, action_right },
	{ true, KEY_UP, action_up }, { true, KEY_DOWN, action_down },
	{ true, KEY_HOME, action_home }, { true, KEY_END, action_end },
	{ true, KEY_PPAGE, action_page_up }, { true, KEY_NPAGE, action_page_down },
	{ true, KEY_BACKSPACE, action_backspace }, { true, KEY_DC, action_delete },
	{ true, KEY_ENTER, action_enter },
	{ false, '\r', action_enter }, { false, '\n', action_enter },
	{ false, 127, action_backspace }, { false, 8, action_backspace },
	{ false, '\t', action_tab }, { false, 27, action_escape },
	{ false, CTRL('L'), action_redraw }, { false, CTRL('Z'), action_suspend },
	{ false, CTRL('F'), action_follow_next },
	{ false, CTRL('X'), action_bytes },
};

/* The help's prose; the key lines under it come from keymap_commands. */
static const char *const keymap_help_text[] = {
	"Type to draw: every printable key (q too) lands at the cursor.",
	"Arrows move, Enter goes to the next line, Backspace/Delete erase,",
	"Home/End/PgUp/PgDn jump, mouse click moves, drag paints.",
	"Tools (F3): TEXT types; BRUSH paints its character as you move",
	"(type a key to choose it); LINE draws box lines as you move;",
	"BOX: Enter at one corner, Enter at the other (or drag);",
	"ERASER clears as you move. Esc cancels a box or a prompt.",
	"Ctrl-F follows the next person's cursor (moving your own stops it);",
	"Ctrl-L redraws the screen, Ctrl-Z suspends (fg resumes).",
	"Ctrl-X shows the segment's bytes (header, your slot, the cells",
	"around your cursor): type, and see your character at its offset.",
	"",
	"The lesson: the board is one System V segment. Each pizarra did",
	"ftok -> shmget -> shmat; F4 does shmdt (watch shm_nattch drop in",
	"every sidebar) and shmat again; F7 is shmctl(IPC_RMID): the segment",
	"is marked dest, its key becomes 0x00000000, and it lives until the",
	"last process detaches; F5 is shmctl(IPC_SET) of the mode bits.",
	"",
};

#define KEYMAP_NHELP (sizeof keymap_help_text / sizeof keymap_help_text[0])

const struct keymap_binding *
keymap_command(int ret, wint_t ch)
{
	size_t i;

	for (i = 0; i < KEYMAP_NCOMMANDS; i++)
		if ((ret == KEY_CODE_YES && (int)ch == keymap_commands[i].fkey) ||
		    (ret == OK && (int)ch == keymap_commands[i].ctrl) ||
		    (ret == OK && ch == CTRL('C') && keymap_commands[i].run == action_quit))
			return &keymap_commands[i];
	return NULL;
}

bool
keymap_quits(int ret, wint_t ch)
{
	const struct keymap_binding *b = keymap_command(ret, ch);

	return b != NULL && b->run == action_quit;
}

action_fn
keymap_drawing(int ret, wint_t ch)
{
	size_t i;

	for (i = 0; i < sizeof keymap_keys / sizeof keymap_keys[0]; i++)
		if (keymap_keys[i].key == ch && keymap_keys[i].special == (ret == KEY_CODE_YES))
			return keymap_keys[i].run;
	return NULL;
}

void
keymap_draw_bar(bool attached, bool viewer)
{
	WINDOW *win = screen_window(SCREEN_KEYBAR);
	int width = (COLS - 21) / 10;
	bool narrow = COLS < 81;
	char label[16];
	size_t i;

	width = width > 7 ? 7 : width < 2 ? 2 : width;
	werase(win);
	wmove(win, 0, 0);
	for (i = 0; i < KEYMAP_NCOMMANDS; i++) {
		const struct keymap_binding *b = &keymap_commands[i];
		const char *l = narrow ? b->short_label : b->label;

		if (viewer && b->drawer_only)
			continue;
		if (!attached && b->detached_label != NULL)
			l = narrow ? b->detached_short : b->detached_label;
		if (COLS - getcurx(win) < 4)
			break;
		wattrset(win, screen_attr(LOOK_KEY));
		wprintw(win, "F%d", b->fkey - KEY_F0);
		snprintf(label, sizeof label, "%-*.*s", width, width, l);
		wattrset(win, screen_attr(LOOK_KEYLABEL));
		waddnstr(win, label, COLS - getcurx(win));
		if (getcurx(win) == 0)
			break;
	}
	wattrset(win, A_NORMAL);
	wnoutrefresh(win);
}

int
keymap_help_lines(void)
{
	return (int)(KEYMAP_NHELP + KEYMAP_NCOMMANDS);
}

/* The box's height: the lines, two borders and a blank line, within the screen. */
static int
keymap_help_height(void)
{
	int h = keymap_help_lines() + 3;

	return h > LINES - 2 ? LINES - 2 : h;
}

int
keymap_help_page(void)
{
	int rows = keymap_help_height() - 2;

	return rows < keymap_help_lines() ? rows - 1 : rows;
}

/* Line i of the help: the prose, then one line per command key. */
static void
keymap_help_line(int i, char *buf, size_t n)
{
	const struct keymap_binding *b;

	if (i < (int)KEYMAP_NHELP) {
		snprintf(buf, n, "%s", keymap_help_text[i]);
		return;
	}
	b = &keymap_commands[i - (int)KEYMAP_NHELP];
	snprintf(buf, n, "F%-2d Ctrl-%c  %-7s %s", b->fkey - KEY_F0, b->ctrl + '@', b->label,
	    b->help);
}

void
keymap_draw_help(int top)
{
	int h = keymap_help_height(), w = 72, y0, x0, i, page = keymap_help_page();
	int lines = keymap_help_lines();
	bool scrolls = page < lines;
	char line[128];
	WINDOW *win;

	if (w > COLS - 2)
		w = COLS - 2;
	if (top > lines - page)
		top = lines - page;
	if (top < 0)
		top = 0;
	y0 = (LINES - 2 - h) / 2;
	x0 = (COLS - w) / 2;
	win = newwin(h, w, y0 < 0 ? 0 : y0, x0 < 0 ? 0 : x0);
	if (win == NULL)
		return;
	werase(win);
	box(win, 0, 0);
	wattrset(win, screen_attr(LOOK_TITLE));
	wmove(win, 0, 2);
	screen_put_fit(win, scrolls ? " pizarra help (arrows, PgUp, PgDn scroll; other keys "
	    "close) " : " pizarra help (any key closes) ", w - 4);
	wattrset(win, A_NORMAL);
	for (i = 0; i < page && top + i < lines; i++) {
		keymap_help_line(top + i, line, sizeof line);
		wmove(win, i + 1, 2);
		screen_put_fit(win, line, w - 4);
	}
	if (scrolls) {
		wattrset(win, screen_attr(LOOK_KEY));
		wmove(win, h - 2, 2);
		screen_put_fit(win, top + page < lines ? "-- more below: Down or PgDn --" :
		    "-- the end: Up or PgUp goes back --", w - 4);
		wattrset(win, A_NORMAL);
	}
	wnoutrefresh(win);
	delwin(win);
}
