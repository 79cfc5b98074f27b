/*
 * ui.c - the interactive board: opening the segment and claiming a slot,
 * the event loop (keys, board changes and the sidebar tick, all waited for
 * in one futex_waitv), and the actions on the segment itself: detach, attach, remove, chmod,
 * clear, save, and moving to a fresh board when ours was removed.
 */
#include <errno.h>
#include <sched.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cell.h"
#include "notify.h"
#include "strbuf.h"
#include "ui.h"

/* Milliseconds on the monotonic clock. */
uint64_t
ui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Show a message on the status line for a while. */
void
ui_message(struct ui *ui, bool warn, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	va_end(ap);
	ui->message_warn = warn;
	ui->message_until = ui_now_ms() + UI_MESSAGE_MS;
	ui->dirty |= UI_DIRTY_STATUS;
}

/* The board to show: the segment's, or the local copy while detached. */
const struct board *
ui_board(const struct ui *ui)
{
	if (ui->attached && !ui->distrust)
		return &ui->seg.board;
	return ui->have_snap ? &ui->snap.board : NULL;
}

/* Publish our cursor and colour in our slot (the loop notifies once per batch). */
void
ui_publish_cursor(struct ui *ui)
{
	canvas_follow_cursor(ui);
	if (ui->have_slot && ui->attached && !ui->distrust &&
	    client_update(&ui->seg.board, &ui->me))
		ui->changed = ui->moved = true;
}

/* Claim a slot (drawers only), keeping our colour if we had one. */
static void
ui_claim(struct ui *ui)
{
	struct pzerr e;

	ui->have_slot = false;
	if (ui->readonly)
		return;
	if (client_claim(&ui->seg.board, &ui->me, &e) == 0)
		ui->have_slot = true;
	else
		ui_message(ui, true, "no client slot (%s): drawing without presence", e.msg);
}

/* Copy the whole board into process memory (used while detached or distrusting). */
static void
ui_snapshot(struct ui *ui)
{
	board_copy_free(&ui->snap);
	ui->have_snap = board_copy(&ui->snap, &ui->seg.board, NULL) == 0;
}

/* shmdt: leave the segment; the canvas greys out. */
int
ui_detach(struct ui *ui)
{
	struct pzerr e;

	if (!ui->attached)
		return 0;
	ui_snapshot(ui);
	if (ui->have_slot)
		client_release(&ui->seg.board, &ui->me);
	ui->have_slot = false;
	if (segment_detach(&ui->seg, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return -1;
	}
	ui->attached = false;
	ui->dirty = UI_DIRTY_ALL;
	canvas_invalidate(ui);
	ui_message(ui, false, "shmdt: detached; shm_nattch dropped for everyone. F4 attaches again");
	return 0;
}

/* shmat again by shmid; works on a segment marked for removal while it lives. */
int
ui_attach(struct ui *ui)
{
	struct pzerr e;

	if (ui->attached)
		return 0;
	if (segment_attach(&ui->seg, ui->readonly, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return -1;
	}
	ui->attached = true;
	ui->distrust = false;
	ui->dirty = UI_DIRTY_ALL;
	ui_claim(ui);
	canvas_invalidate(ui);
	canvas_follow_cursor(ui);
	ui->scan_nattch = (unsigned long)-1;
	sidebar_sample(ui, true);
	ui_message(ui, false, "shmat: attached again at %p", ui->seg.base);
	return 0;
}

/* shmctl(IPC_RMID) from this process. */
int
ui_remove(struct ui *ui)
{
	struct pzerr e;

	if (segment_remove(ui->seg.shmid, &ui->opts->log, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return -1;
	}
	ui->we_removed = true;
	ui_message(ui, false, "IPC_RMID: key is now 0x00000000 (dest); the segment lives until "
	    "its last detach, drawing goes on");
	return 0;
}

/* shmctl(IPC_SET) of the permission bits. */
int
ui_chmod(struct ui *ui, const char *text)
{
	const char *why;
	struct pzerr e;
	mode_t mode;

	if (cli_parse_mode(text, &mode, &why) != 0) {
		ui_message(ui, true, "mode '%s' %s", text, why);
		return -1;
	}
	if (segment_chmod(ui->seg.shmid, mode, &ui->opts->log, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return -1;
	}
	ui_message(ui, false, "IPC_SET: mode is now %04o", (unsigned)mode);
	return 0;
}

/* Empty the board (after the user confirmed). */
int
ui_clear(struct ui *ui)
{
	struct pzerr e;

	if (board_clear(&ui->seg.board, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return -1;
	}
	notify_bump(&ui->seg.board);
	ui_message(ui, false, "board cleared");
	return 0;
}

/* Write the board (or our copy of it) to a new text file. */
int
ui_save(struct ui *ui, const char *path)
{
	const struct board *b = ui_board(ui);
	struct strbuf sb;
	ssize_t w = 0;
	size_t off = 0;
	int fd;

	if (b == NULL || path[0] == '\0') {
		ui_message(ui, true, "nothing saved");
		return -1;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0) {
		ui_message(ui, true, "%s: %s%s", path, strerror(errno),
		    errno == EEXIST ? " (choose another name; nothing is overwritten)" : "");
		return -1;
	}
	strbuf_init(&sb);
	board_dump(b, &sb, false);
	while (off < sb.len && (w = write(fd, sb.data + off, sb.len - off)) > 0)
		off += (size_t)w;
	strbuf_free(&sb);
	if (close(fd) != 0 || w < 0) {
		ui_message(ui, true, "%s: %s", path, strerror(errno));
		return -1;
	}
	ui_message(ui, false, "saved %zu bytes to %s", off, path);
	return 0;
}

/*
 * Leave an orphaned segment for the board now under our key: a drawer
 * creates it if there is none and copies its drawing over; a viewer only
 * follows a board someone else started.
 */
int
ui_switch_to_new(struct ui *ui)
{
	struct segment_opts so = {
		.create = !ui->readonly, .readonly = ui->readonly,
		.cols = ui->seg.board.cols, .rows = ui->seg.board.rows, .mode = ui->opts->mode,
	};
	const struct board *old = ui_board(ui);
	struct segment fresh;
	struct pzerr e;

	if (ui->seg.addr.how == SEGMENT_BY_SHMID) {
		ui_message(ui, true, "this board was opened by shmid (-i): there is no key to "
		    "move to");
		return -1;
	}
	if (segment_open(&fresh, &ui->seg.addr, &so, &ui->opts->log, &e) != 0) {
		ui_message(ui, true, "%s", e.msg);
		return -1;
	}
	if (fresh.created && old != NULL) {
		board_copy_cells(&fresh.board, old);
		notify_bump(&fresh.board);
	}
	if (ui->have_slot && ui->attached)
		client_release(&ui->seg.board, &ui->me);
	ui->have_slot = false;
	if (ui->attached)
		segment_detach(&ui->seg, NULL);
	ui->seg = fresh;
	ui->attached = true;
	ui->distrust = ui->we_removed = ui->orphan_seen = ui->stat_ok = false;
	memset(ui->values, 0, sizeof ui->values);
	ui->key_now_shmid = -1;
	ui->dirty = UI_DIRTY_ALL;
	ui_claim(ui);
	canvas_invalidate(ui);
	canvas_follow_cursor(ui);
	ui_message(ui, false, fresh.created ? "new board shmid %d under the key, with your drawing" :
	    "moved to the board now under the key (shmid %d)", fresh.shmid);
	return 0;
}

/* Once a second: heartbeat, reaping, header check, removal by others. */
static void
ui_slow_tick(struct ui *ui)
{
	const struct board *b = &ui->seg.board;
	struct pzerr e;
	int id;

	if (ui->attached && !ui->distrust) {
		if (board_check(b, &e) != 0) {
			ui_snapshot(ui);
			ui->distrust = true;
			snprintf(ui->distrust_why, sizeof ui->distrust_why, "%s", e.msg);
			canvas_invalidate(ui);
		} else if (!ui->readonly) {
			client_reap(b);
			if (ui->have_slot && client_heartbeat(b, &ui->me) != 0) {
				ui_claim(ui);
				if (ui->have_slot)
					ui_message(ui, true, "our slot was taken over; claimed slot %d",
					    ui->me.slot);
			}
		}
	}
	if (ui->stat_ok && shminfo_dest(&ui->stat) && !ui->we_removed && !ui->orphan_seen &&
	    ui->attached) {
		ui->orphan_seen = true;
		ui->mode = MODE_ORPHAN;
	}
	id = -1;
	if (ui->seg.key != 0 && ui->stat_ok && shminfo_dest(&ui->stat)) {
		id = segment_under_key(ui->seg.key);
		if (id == ui->seg.shmid)
			id = -1;
	}
	if (id != ui->key_now_shmid)
		ui->dirty |= UI_DIRTY_STATUS;
	ui->key_now_shmid = id < 0 ? -1 : id;
}

/* True when the board changed since the canvas last drew it. */
static bool
ui_board_moved(const struct ui *ui)
{
	return ui->attached && !ui->distrust && notify_generation(&ui->seg.board) != ui->drawn_gen;
}

/* Draw what is dirty: sidebar, status, key bar, canvas, overlays; then the cursor. */
static void
ui_render(struct ui *ui)
{
	bool overlay = ui->mode != MODE_DRAW || ui->distrust;

	if (ui->overlay_drawn && !overlay) {
		canvas_invalidate(ui);
		ui->dirty = UI_DIRTY_ALL;
	}
	ui->overlay_drawn = overlay;
	if (ui_board_moved(ui))
		ui->dirty |= UI_DIRTY_CANVAS;
	if (ui->dirty == 0)
		return;
	if (ui->too_small) {
		screen_too_small(ui);
		doupdate();
		ui->dirty = 0;
		return;
	}
	if (overlay)
		ui->dirty = UI_DIRTY_ALL;
	if (ui->dirty & UI_DIRTY_SIDEBAR)
		sidebar_draw(ui);
	if (ui->dirty & UI_DIRTY_STATUS)
		input_draw_status(ui);
	if (ui->dirty & UI_DIRTY_KEYBAR)
		input_draw_keybar(ui);
	if (ui->dirty & UI_DIRTY_CANVAS) {
		uint64_t now = ui_now_ms();

		canvas_draw(ui);
		ui->burst = now < ui->frame_at + UI_FRAME_MS ? ui->burst + 1 : 0;
		ui->frame_at = now;
	}
	input_draw_overlay(ui);
	if (ui->mode == MODE_PROMPT_MODE || ui->mode == MODE_PROMPT_SAVE ||
	    ui->mode == MODE_CONFIRM_CLEAR || ui->mode == MODE_CONFIRM_REMOVE ||
	    ui->mode == MODE_ORPHAN) {
		curs_set(1);
		setsyx(LINES - 2, getcurx(ui->status));
	} else if (ui->mode == MODE_HELP) {
		curs_set(0);
	} else {
		canvas_place_cursor(ui);
	}
	doupdate();
	ui->dirty = 0;
}

/* Read and handle every pending key. */
static void
ui_read_keys(struct ui *ui)
{
	wint_t ch;
	int ret;

	while ((ret = wget_wch(stdscr, &ch)) != ERR) {
		ui->dirty |= ret == KEY_CODE_YES || ch < 0x20 ? UI_DIRTY_ALL :
		    UI_DIRTY_STATUS | UI_DIRTY_CANVAS;
		if (ret == KEY_CODE_YES && ch == KEY_RESIZE) {
			screen_layout(ui);
			ui->dirty = UI_DIRTY_ALL;
			continue;
		}
		if (ui->too_small) {
			if ((ret == KEY_CODE_YES && ch == KEY_F(10)) ||
			    (ret == OK && (ch == ('Q' & 0x1f) || ch == ('C' & 0x1f))))
				ui->quit = true;
			continue;
		}
		input_key(ui, ret, ch);
	}
	input_flush(ui);
}

/* The sidebar tick: sample four times a second, the slow checks once a second. */
static void
ui_tick(struct ui *ui, uint64_t now)
{
	bool slow = now >= ui->next_reap;
	uint32_t gen;

	if (sidebar_sample(ui, slow))
		ui->dirty |= UI_DIRTY_SIDEBAR;
	if (slow) {
		ui_slow_tick(ui);
		ui->next_reap = now + UI_REAP_MS;
		/* rescan every visible row once a second, in case a writer did not stamp them */
		gen = ui->attached && !ui->distrust ? notify_generation(&ui->seg.board) : 0;
		if (gen != ui->checked_gen) {
			ui->checked_gen = gen;
			ui->full_check = true;
			ui->dirty |= UI_DIRTY_CANVAS;
		}
	}
	ui->next_tick = now + UI_TICK_MS;
	if (ui->message_until != 0 && now >= ui->message_until) {
		ui->message_until = 0;
		ui->dirty |= UI_DIRTY_STATUS;
	}
}

/*
 * The event loop. It sleeps in one futex_waitv on the board's generation
 * and on the input word that SIGIO (terminal input), SIGWINCH and the quit
 * signals bump, until the next sidebar tick: a remote change wakes it
 * directly, with no thread and no polling. Once frames come in a burst
 * (each within UI_FRAME_MS of the last), further remote changes wait for
 * the next frame, so a storm of writers costs at most one frame per
 * UI_FRAME_MS; an isolated change, every key, and every other person's
 * cursor move (the presence word) is drawn at once.
 */
static void
ui_loop(struct ui *ui)
{
	_Atomic uint32_t *input = screen_input_word();
	uint32_t seen;
	uint64_t now;

	ui->dirty = UI_DIRTY_ALL;
	ui->input_drained = atomic_load(input) - 1;
	while (!ui->quit && !screen_signalled()) {
		seen = atomic_load(input);
		if (seen != ui->input_drained) {
			ui_read_keys(ui);
			ui->input_drained = seen;
		}
		/* after waking the others, let them run before drawing our own echo;
		 * only clients pacing a storm sleep on presence, so it can wait for that */
		if (ui->changed && ui->attached && !ui->distrust && !ui->readonly) {
			if (notify_bump(&ui->seg.board) > 0)
				sched_yield();
			if (ui->moved)
				notify_presence(&ui->seg.board);
		}
		ui->changed = ui->moved = false;
		now = ui_now_ms();
		if (now >= ui->next_tick)
			ui_tick(ui, now);
		if (ui->dirty == 0 && ui->burst >= 2 && ui_board_moved(ui) &&
		    now < ui->frame_at + UI_FRAME_MS &&
		    notify_presence_seen(&ui->seg.board) == ui->drawn_presence) {
			/* a storm of cell changes: gather them for one frame; our keys and
			 * other people's cursor moves still wake us at once */
			notify_wait_presence(&ui->seg.board, ui->drawn_presence, input, seen,
			    (int)(ui->frame_at + UI_FRAME_MS - now));
			continue;
		}
		ui_render(ui);
		if (ui->quit)
			break;
		now = ui_now_ms();
		notify_wait_any(ui->attached && !ui->distrust ? &ui->seg.board : NULL,
		    ui->drawn_gen, input, seen,
		    ui->next_tick > now ? (int)(ui->next_tick - now) : 0);
	}
}

/* Run the interactive board; returns the exit status. */
int
ui_run(struct cli_opts *o, bool readonly)
{
	struct segment_opts so = {
		.create = !readonly, .readonly = readonly,
		.cols = o->cols, .rows = o->rows, .mode = o->mode,
	};
	static struct ui ui;
	struct pzerr e;

	ui.opts = o;
	ui.readonly = readonly;
	ui.key_now_shmid = -1;
	ui.brush = 0x2588;
	if (client_self(&ui.me, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	if (screen_check() != 0)
		return EXIT_FAILURE;
	if (segment_open(&ui.seg, &o->addr, &so, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	ui.attached = true;
	screen_install_signals();
	if (screen_init(&ui) != 0) {
		if (ui.seg.created)
			segment_remove(ui.seg.shmid, &o->log, NULL);
		segment_detach(&ui.seg, NULL);
		return EXIT_FAILURE;
	}
	if (!ui.utf8)
		ui.brush = '#';
	ui_claim(&ui);
	ui_publish_cursor(&ui);
	if (ui.seg.created)
		ui_message(&ui, false, "created a %ux%u board at key 0x%08x (shmid %d)",
		    ui.seg.board.cols, ui.seg.board.rows, (unsigned)ui.seg.key, ui.seg.shmid);
	else if (readonly)
		ui_message(&ui, false, "view-only: attached SHM_RDONLY");
	else if (o->size_given || o->mode_given)
		ui_message(&ui, false, "the board exists already (%ux%u); -s and -m apply only when "
		    "creating one", ui.seg.board.cols, ui.seg.board.rows);
	ui_loop(&ui);
	if (ui.have_slot && ui.attached)
		client_release(&ui.seg.board, &ui.me);
	if (ui.attached)
		segment_detach(&ui.seg, NULL);
	screen_end(&ui);
	free(ui.shadow);
	free(ui.presence);
	free(ui.row_moved);
	free(ui.row_seen);
	board_copy_free(&ui.snap);
	return EXIT_SUCCESS;
}
