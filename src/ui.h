/*
 * ui.h - the interactive board's state, shared by its parts: ui.c (the
 * event loop, attach/detach), screen.c (terminal set-up,
 * colours, layout, restoring the terminal), canvas.c (the board viewport
 * and presence cursors), sidebar.c (the segment's shmid_ds, clients and
 * syscall log, live) and input.c (keys, mouse, tools, prompts, key bar).
 */
#ifndef PIZARRA_UI_H
#define PIZARRA_UI_H

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "board.h"
#include "cli.h"
#include "client.h"
#include "segment.h"
#include "shminfo.h"

#define UI_TICK_MS        250      /* sidebar refresh: 4 times a second */
#define UI_FRAME_MS       2        /* remote changes closer than this share a frame */
#define UI_REAP_MS        1000     /* reap dead slots, heartbeat, header check */
#define UI_HIGHLIGHT_MS   1500     /* how long a changed field stays highlighted */
#define UI_MESSAGE_MS     4000     /* how long a status message stays */
#define UI_MIN_COLS       50
#define UI_MIN_LINES      12

/* Parts of the screen that need drawing. */
#define UI_DIRTY_CANVAS   1u
#define UI_DIRTY_SIDEBAR  2u
#define UI_DIRTY_STATUS   4u
#define UI_DIRTY_KEYBAR   8u
#define UI_DIRTY_ALL      15u

/* Colours by meaning (htop style): one table, mono fallbacks included. */
enum ui_colour {
	UC_NORMAL,
	UC_TITLE,          /* sidebar section titles */
	UC_NAME,           /* field names */
	UC_VALUE,          /* field values */
	UC_CHANGED,        /* a value that just changed */
	UC_KEY,            /* key bar: the key */
	UC_KEYLABEL,       /* key bar: what it does */
	UC_STATUS,         /* status line */
	UC_MESSAGE,        /* status message */
	UC_WARNING,        /* warnings and banners */
	UC_OUTSIDE,        /* canvas area beyond the board's edge */
	UC_DETACHED,       /* the canvas while detached or distrusted */
	UC_PLACEHOLDER,    /* a cell that cannot be shown */
	UC_SYSCALL_FAIL,   /* failed call in the syscall log */
	UC_COUNT
};

/* Drawing tools. */
enum ui_tool {
	TOOL_TEXT,
	TOOL_BRUSH,
	TOOL_LINE,
	TOOL_BOX,
	TOOL_ERASER,
	TOOL_COUNT
};

/* What the keyboard is doing: drawing, or answering something. */
enum ui_mode {
	MODE_DRAW,
	MODE_HELP,
	MODE_CONFIRM_CLEAR,
	MODE_CONFIRM_REMOVE,
	MODE_PROMPT_MODE,
	MODE_PROMPT_SAVE,
	MODE_ORPHAN,        /* the segment was removed by someone else: choose */
};

/* The whole interactive session. */
struct ui {
	struct cli_opts *opts;
	struct segment seg;
	bool readonly;             /* pizarra view */
	bool attached;             /* false after the detach lesson key */
	bool distrust;             /* the header stopped validating */
	char distrust_why[PZERR_MSG_MAX];
	bool we_removed;           /* IPC_RMID came from this process */
	bool orphan_seen;          /* removal by someone else already reported */
	int key_now_shmid;         /* shmid now under our key (-1 none, or ours) */
	struct board_copy snap;    /* local copy of the board while detached */
	bool have_snap;
	bool quit;
	bool changed;              /* the board or our slot changed: notify once */
	bool moved;                /* our cursor, colour or tool changed: notify presence */

	/* our slot and pen */
	struct client_info me;
	bool have_slot;
	enum ui_tool tool;
	uint32_t brush;            /* the brush character */
	uint32_t line_start;       /* column Enter returns to */
	bool anchor_set;           /* box tool: first corner chosen */
	uint32_t anchor_col, anchor_row;
	bool mouse_down;
	bool pen_valid;                /* line tool: the exact directions of the last cell drawn */
	uint32_t pen_col, pen_row;
	unsigned pen_bits;
	uint32_t last_col, last_row;   /* previous pen position while dragging */

	/* viewport and layout */
	uint32_t view_col, view_row;   /* board cell at the canvas's top left */
	int canvas_w, canvas_h, sidebar_w;
	bool sidebar_on;
	bool too_small;
	WINDOW *canvas, *sidebar, *status, *keybar;

	/* terminal capabilities */
	bool utf8;
	bool colour;
	int pair_of[UC_COUNT];
	attr_t attr_of[UC_COUNT];

	/* sync with the segment */
	uint32_t drawn_gen;            /* generation the canvas shows */
	uint32_t drawn_presence;       /* the board's presence word the canvas shows */
	uint64_t frame_at;             /* when the canvas was last drawn (ms) */
	unsigned burst;                /* frames in a row, each within UI_FRAME_MS of the last */
	uint32_t input_drained;        /* input word value when keys were last read */
	unsigned dirty;                /* UI_DIRTY_* parts to redraw */
	uint64_t *shadow;              /* what each canvas cell shows: cell | presence << 32 */
	uint8_t *presence;             /* other cursors per canvas cell: colour | 0x10 */
	uint32_t marks[BOARD_SLOTS];   /* the cells of presence that are set */
	uint8_t mark_val[BOARD_SLOTS]; /* and their values */
	int nmarks;
	uint8_t *row_moved;            /* per canvas row: a presence cursor came or went */
	size_t shadow_n;
	uint32_t *row_seen;            /* board row stamps as last drawn */
	uint32_t row_seen_n;
	bool full_check;               /* rescan every visible row on the next frame */
	bool full_redraw;

	/* the sidebar's samples */
	struct shminfo_stat stat;
	bool stat_ok;
	char values[SHMINFO_NFIELDS][SHMINFO_VALUE_MAX];
	uint64_t changed_at[SHMINFO_NFIELDS];
	struct client_info clients[BOARD_SLOTS];
	int nclients;
	pid_t others[16];              /* attached processes without a slot */
	int nothers;
	unsigned long scan_nattch;     /* shm_nattch at the last /proc scan */
	int scan_nclients;             /* slots in use at the last /proc scan */
	uint64_t scan_at;              /* when that scan ran */
	unsigned long trace_seen;      /* syscall log entries the sidebar shows */
	uint32_t checked_gen;          /* generation at the last full canvas check */
	int sidebar_focus;             /* which section gets the room when short */
	uint64_t next_tick, next_reap;

	/* modal state */
	enum ui_mode mode;
	int esc_state;                 /* 1 after ESC, 2 in a CSI, 3 in an SS3 sequence */
	bool overlay_drawn;            /* the last frame had the help box or a banner */
	char prompt[256];
	size_t prompt_len;
	char message[256];
	bool message_warn;
	uint64_t message_until;
};

/* ui.c */
uint64_t ui_now_ms(void);
void ui_message(struct ui *ui, bool warn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const struct board *ui_board(const struct ui *ui);
int ui_detach(struct ui *ui);
int ui_attach(struct ui *ui);
int ui_remove(struct ui *ui);
int ui_chmod(struct ui *ui, const char *mode);
int ui_save(struct ui *ui, const char *path);
int ui_clear(struct ui *ui);
int ui_switch_to_new(struct ui *ui);
void ui_publish_cursor(struct ui *ui);

/* screen.c */
int screen_check(void);
int screen_init(struct ui *ui);
void screen_end(struct ui *ui);
void screen_layout(struct ui *ui);
attr_t screen_attr(const struct ui *ui, enum ui_colour c);
attr_t screen_ink(const struct ui *ui, unsigned colour, bool cursor);
void screen_install_signals(void);
bool screen_signalled(void);
_Atomic uint32_t *screen_input_word(void);
void screen_too_small(struct ui *ui);
void screen_suspend(struct ui *ui);

/* canvas.c */
void canvas_follow_cursor(struct ui *ui);
void canvas_draw(struct ui *ui);
void canvas_place_cursor(struct ui *ui);
void canvas_invalidate(struct ui *ui);

/* sidebar.c */
bool sidebar_sample(struct ui *ui, bool slow);
void sidebar_draw(struct ui *ui);

/* input.c */
void input_key(struct ui *ui, int ret, wint_t ch);
void input_flush(struct ui *ui);
void input_draw_status(struct ui *ui);
void input_draw_keybar(struct ui *ui);
void input_draw_overlay(struct ui *ui);
const char *input_tool_name(enum ui_tool t);

#endif
