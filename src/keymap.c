/*
 * keymap.c - the key tables and what is drawn from them. ncurses gives
 * function keys as KEY_CODE_YES codes and everything else as characters;
 * a row matches one or the other. The key bar's labels shrink below 81
 * columns so all ten keys fit an 80-column terminal. Labels and help lines
 * are messages (N_ in the tables, translated where drawn), measured and cut
 * in display columns, never bytes: "Guar." and "Ayuda" take 5 whatever
 * their bytes; a label that fills its width keeps a space from the next key.
 */
#include <stdio.h>
#include <string.h>

#include "cell.h"
#include "i18n.h"
#include "utf8.h"

#include "keymap.h"
#include "screen.h"
#include "selact.h"
#include "stroke.h"

#define CTRL(c) ((c) & 0x1f)

/*
 * TRANSLATORS: the key bar's labels. The long label is shown on terminals
 * of 81 columns and more, at most 6 columns (7 from 91 columns on, but 6
 * from 81 to 90); the short one at 80 columns and below, at most 5 columns
 * (a label is cut to fit, so keep it whole within that). A short label
 * that is the same word as the long one in English is written "short|Help":
 * translate only what follows the '|', and leave the '|' out. The long
 * label is also the help's, padded to 7 columns. The help line after it
 * (the last string of a row) at most 48 columns.
 */
static const struct keymap_binding keymap_commands[] = {
	{ KEY_F(1), CTRL('G'), N_("Help"), N_("short|Help"), NULL, NULL, N_("this help"), action_help, false },
	{ KEY_F(2), CTRL('K'), N_("Colour"), N_("Col"), NULL, NULL, N_("next colour for what you draw"),
	  action_colour, true },
	{ KEY_F(3), CTRL('T'), N_("Tool"), N_("short|Tool"), NULL, NULL,
	  N_("text, brush, line, box, eraser, fill, select"), stroke_tool, true },
	{ KEY_F(4), CTRL('D'), N_("Detach"), N_("Dtch"), N_("Attach"), N_("Atch"),
	  N_("shmdt / shmat again (the lesson)"), action_detach, false },
	{ KEY_F(5), CTRL('P'), N_("Mode"), N_("short|Mode"), NULL, NULL, N_("shmctl IPC_SET: permission bits"),
	  action_ask_chmod, false },
	{ KEY_F(6), CTRL('S'), N_("Save"), N_("short|Save"), NULL, NULL, N_("write the board to a text file"),
	  action_ask_save, false },
	{ KEY_F(7), CTRL('R'), N_("Remove"), N_("Rm"), NULL, NULL, N_("shmctl IPC_RMID (asks first)"),
	  action_ask_remove, false },
	{ KEY_F(8), CTRL('E'), N_("Clear"), N_("Clr"), NULL, NULL, N_("empty the board (asks first)"),
	  action_ask_clear, true },
	{ KEY_F(9), CTRL('B'), N_("Panel"), N_("Pnl"), NULL, NULL,
	  N_("sidebar: segment, clients or syscalls first; hidden"),
	  action_panel, false },
	{ KEY_F(10), CTRL('Q'), N_("Quit"), N_("short|Quit"), NULL, NULL, N_("detach and leave (also Ctrl-C)"),
	  action_quit, false },
	/* keys without an F-key: in the help, not in the key bar */
	{ 0, CTRL('W'), N_("Style"), N_("Style"), NULL, NULL,
	  N_("lines: single, double, heavy, rounded, ASCII"), stroke_style, true },
	{ 0, CTRL('A'), N_("Arrows"), N_("Arrows"), NULL, NULL,
	  N_("an arrow at the end of lines, or not"), stroke_arrows, true },
	{ 0, CTRL('O'), N_("Glyphs"), N_("Glyphs"), NULL, NULL,
	  N_("pick the brush: box pieces, blocks, symbols"), stroke_picker, true },
	{ 0, CTRL('Z'), N_("Undo"), N_("Undo"), NULL, NULL,
	  N_("take back your last stroke; others' work stays"), stroke_undo, true },
	{ 0, CTRL('Y'), N_("Redo"), N_("Redo"), NULL, NULL,
	  N_("do again what you took back"), stroke_redo, true },
	{ 0, CTRL('N'), N_("Paint"), N_("Paint"), NULL, NULL,
	  N_("the brush's colours, bold, underline, reverse"), stroke_colours, true },
	{ 0, CTRL('V'), N_("Paste"), N_("Paste"), NULL, NULL,
	  N_("paste what was copied: Enter or a click places"), selact_paste, true },
};

#define KEYMAP_NCOMMANDS (sizeof keymap_commands / sizeof keymap_commands[0])

/* A drawing key: a function-key code (special) or a character. */
struct keymap_key {
	bool special;
	wint_t key;
	action_fn run;
};

static const struct keymap_key keymap_keys[] = {
	{ true, KEY_LEFT, stroke_left }, { true, KEY_RIGHT, stroke_right },
	{ true, KEY_UP, stroke_up }, { true, KEY_DOWN, stroke_down },
	{ true, KEY_HOME, stroke_home }, { true, KEY_END, stroke_end },
	{ true, KEY_PPAGE, stroke_page_up }, { true, KEY_NPAGE, stroke_page_down },
	{ true, KEY_BACKSPACE, stroke_backspace }, { true, KEY_DC, stroke_delete },
	{ true, KEY_ENTER, stroke_enter },
	{ false, '\r', stroke_enter }, { false, '\n', stroke_enter },
	{ false, 127, stroke_backspace }, { false, 8, stroke_backspace },
	{ false, '\t', stroke_tab }, { false, 27, stroke_escape },
	{ false, CTRL('L'), action_redraw }, { true, KEY_F(12), action_suspend },
	{ false, CTRL('F'), action_follow_next },
	{ false, CTRL('X'), action_bytes },
};

/* The help's prose; the key lines under it come from keymap_commands. */
/*
 * TRANSLATORS: the help box's lines, each at most 68 columns (the box is
 * 72 wide at 80x24); keep the key names (F3, Ctrl-F, Esc, PgUp...) and the
 * system calls and field names (shmdt, shm_nattch, IPC_RMID...) as they are.
 */
static const char *const keymap_help_text[] = {
	N_("Type to draw: every printable key (q too) lands at the cursor."),
	N_("Arrows move, Enter goes to the next line, Backspace/Delete erase,"),
	N_("Home/End/PgUp/PgDn jump, mouse click moves, drag paints."),
	N_("Tools (F3): TEXT types; BRUSH paints its character as you move"),
	N_("(type a key to choose it); LINE draws box lines as you move;"),
	N_("BOX: Enter at two corners (or drag); ERASER clears as you move;"),
	N_("FILL: Enter or a click fills with the brush. Esc cancels a box."),
	N_("SELECT: drag or Enter twice; c copies, x cuts, v pastes, f fills."),
	N_("Ctrl-F follows the next person's cursor (moving your own stops it);"),
	N_("Ctrl-L redraws the screen, F12 suspends (fg resumes)."),
	N_("Ctrl-X shows the segment's bytes (header, your slot, the cells"),
	N_("around your cursor): type, and see your character at its offset."),
	"",
	N_("The lesson: the board is one System V segment. Each pizarra did"),
	N_("ftok -> shmget -> shmat; F4 does shmdt (watch shm_nattch drop in"),
	N_("every sidebar) and shmat again; F7 is shmctl(IPC_RMID): the segment"),
	N_("is marked dest, its key becomes 0x00000000, and it lives until the"),
	N_("last process detaches; F5 is shmctl(IPC_SET) of the mode bits."),
};

#define KEYMAP_NHELP (sizeof keymap_help_text / sizeof keymap_help_text[0])

const struct keymap_binding *
keymap_command(int ret, wint_t ch)
{
	size_t i;

	for (i = 0; i < KEYMAP_NCOMMANDS; i++)
		if ((ret == KEY_CODE_YES && keymap_commands[i].fkey != 0 &&
		     (int)ch == keymap_commands[i].fkey) ||
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

/* A label in the language of the messages; "short|Help" untranslated is "Help". */
static const char *
keymap_label(const char *msgid)
{
	const char *t = _(msgid), *bar = strchr(t, '|');

	return bar != NULL ? bar + 1 : t;
}

/* True when the catalog has a translation for the label (gettext gives the msgid itself when not). */
static bool
keymap_translated(const char *msgid)
{
	return _(msgid) != msgid;
}

/* text cut to its first width columns (whole characters) and padded with spaces to width. */
static void
keymap_pad(char *buf, size_t n, const char *text, int width)
{
	size_t len = 0;
	int cols = 0, w;
	uint32_t cp;
	int k;

	while (text[len] != '\0' && (k = utf8_decode(text + len, strlen(text + len), &cp)) > 0) {
		w = cell_width(cp);
		if (cols + w > width || len + (size_t)k + 1 > n)
			break;
		cols += w;
		len += (size_t)k;
	}
	memcpy(buf, text, len);
	while (cols++ < width && len + 1 < n)
		buf[len++] = ' ';
	buf[len] = '\0';
}

/* Add text cut to room columns (whole characters, no ellipsis: the bar's last label). */
static void
keymap_add_cut(WINDOW *win, const char *text, int room)
{
	char buf[64];

	if (room <= 0)
		return;
	keymap_pad(buf, sizeof buf, text, cell_columns(text) < room ? cell_columns(text) : room);
	waddstr(win, buf);
}

void
keymap_draw_bar(bool attached, bool viewer)
{
	WINDOW *win = screen_window(SCREEN_KEYBAR);
	int width = (COLS - 21) / 10, spare;
	bool narrow = COLS < 81;
	char label[64];
	size_t i;

	width = width > 7 ? 7 : width < 2 ? 2 : width;
	/* the columns the keys leave free: the room for spaces after full labels */
	spare = COLS - 21 - 10 * width;
	werase(win);
	wmove(win, 0, 0);
	for (i = 0; i < KEYMAP_NCOMMANDS; i++) {
		const struct keymap_binding *b = &keymap_commands[i];
		const char *l = narrow ? b->short_label : b->label;

		if ((viewer && b->drawer_only) || b->fkey == 0)
			continue;
		if (!attached && b->detached_label != NULL)
			l = narrow ? b->detached_short : b->detached_label;
		if (COLS - getcurx(win) < 4)
			break;
		wattrset(win, screen_attr(LOOK_KEY));
		wprintw(win, "F%d", b->fkey - KEY_F0);
		keymap_pad(label, sizeof label, keymap_label(l), width);
		wattrset(win, screen_attr(LOOK_KEYLABEL));
		keymap_add_cut(win, label, COLS - getcurx(win));
		/* a translated label that takes all its width (Spanish "Ayuda")
		 * keeps a space from the next key while the bar has columns to
		 * spare (at 80 columns, 9: one after each but the last); the
		 * English bar is drawn as it always was */
		if (keymap_translated(l) && cell_columns(keymap_label(l)) >= width &&
		    i + 1 < KEYMAP_NCOMMANDS && keymap_commands[i + 1].fkey != 0 && spare > 0 &&
		    getcurx(win) > 0 && getcurx(win) < COLS - 1) {
			wattrset(win, A_NORMAL);
			waddch(win, ' ');
			spare--;
		}
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

	char label[64];

	if (i < (int)KEYMAP_NHELP) {
		snprintf(buf, n, "%s", keymap_help_text[i][0] != '\0' ? _(keymap_help_text[i]) : "");
		return;
	}
	b = &keymap_commands[i - (int)KEYMAP_NHELP];
	keymap_pad(label, sizeof label, _(b->label), cell_columns(_(b->label)) > 7 ?
	    cell_columns(_(b->label)) : 7);
	if (b->fkey == 0)
		snprintf(buf, n, "    Ctrl-%c  %s %s", b->ctrl + '@', label, _(b->help));
	else
		snprintf(buf, n, "F%-2d Ctrl-%c  %s %s", b->fkey - KEY_F0, b->ctrl + '@', label,
		    _(b->help));
}

void
keymap_draw_help(int top)
{
	int h = keymap_help_height(), w = 72, y0, x0, i, page = keymap_help_page();
	int lines = keymap_help_lines();
	bool scrolls = page < lines;
	char line[256];
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
	/* TRANSLATORS: the help box's title, at most 68 columns */
	screen_put_fit(win, scrolls ? _(" pizarra help (arrows, PgUp, PgDn scroll; other keys "
	    "close) ") : _(" pizarra help (any key closes) "), w - 4);
	wattrset(win, A_NORMAL);
	for (i = 0; i < page && top + i < lines; i++) {
		keymap_help_line(top + i, line, sizeof line);
		wmove(win, i + 1, 2);
		screen_put_fit(win, line, w - 4);
	}
	if (scrolls) {
		wattrset(win, screen_attr(LOOK_KEY));
		wmove(win, h - 2, 2);
		/* TRANSLATORS: the help box's last line when it scrolls, at most 68 columns */
		screen_put_fit(win, top + page < lines ? _("-- more below: Down or PgDn --") :
		    _("-- the end: Up or PgUp goes back --"), w - 4);
		wattrset(win, A_NORMAL);
	}
	wnoutrefresh(win);
	delwin(win);
}
