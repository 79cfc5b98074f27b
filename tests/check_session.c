/*
 * check_session.c - unit tests of the session (src/session.c), the
 * front-end's curses-free attachment to a board: detach and attach again
 * (shm_nattch and the local copy), removal by us and by someone else, a
 * new board under the key, a header that stops validating, a drawer
 * without a slot claiming one once one frees, saving, the batching of
 * notifications, and view-only sessions; the undo history forgotten when
 * the session moves to a new board, and a clear taken back as one step.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cell.h"
#include "checkutil.h"
#include "cli.h"
#include "notify.h"
#include "session.h"
#include "text.h"
#include "undo.h"

static struct cli_opts opts;

/* Options naming the board under tu_key(n), 20x5, mode 0600. */
static struct cli_opts *
opts_for(int n)
{
	memset(&opts, 0, sizeof opts);
	cli_defaults(&opts);
	opts.addr.how = ADDR_BY_KEY;
	opts.addr.key = tu_key(n);
	opts.cols = 20;
	opts.rows = 5;
	return &opts;
}

static unsigned long
nattch_of(int shmid)
{
	struct shmid_ds ds;

	ck_assert_int_eq(shmctl(shmid, IPC_STAT, &ds), 0);
	return (unsigned long)ds.shm_nattch;
}

/* Open a drawing session on tu_key(n) with a slot. */
static void
open_drawer(struct session *s, int n)
{
	struct pzerr e;

	ck_assert_msg(session_open(s, opts_for(n), false, &e) == 0, "%s", e.msg);
	ck_assert(s->seg.created);
	ck_assert_int_eq(session_claim(s, &e), 0);
	ck_assert(s->have_slot);
}

START_TEST(test_open_and_notify_batches)
{
	struct session s;
	uint32_t gen;

	open_drawer(&s, 0);
	ck_assert(session_live(&s));
	ck_assert_int_eq(session_block(&s), SESSION_WRITABLE);
	ck_assert_uint_eq(session_author(&s), (unsigned)s.me.slot + 1);
	gen = notify_generation(&s.seg.board);
	board_draw(&s.seg.board, 1, 1, 'a', s.me.colour, session_author(&s));
	session_touched(&s);
	board_draw(&s.seg.board, 2, 1, 'b', s.me.colour, session_author(&s));
	session_touched(&s);
	ck_assert(session_publish(&s, 3, 1, 0));
	ck_assert(!session_publish(&s, 3, 1, 0));     /* nothing changed */
	ck_assert_uint_eq(notify_generation(&s.seg.board), gen);   /* not yet */
	session_notify(&s);
	ck_assert_uint_eq(notify_generation(&s.seg.board), gen + 1);  /* once for all */
	session_notify(&s);
	ck_assert_uint_eq(notify_generation(&s.seg.board), gen + 1);
	session_close(&s);
}
END_TEST

START_TEST(test_detach_attach)
{
	struct session s;
	struct pzerr e;
	int id;

	open_drawer(&s, 1);
	id = s.seg.shmid;
	board_draw(&s.seg.board, 4, 2, 'x', 1, 0);
	ck_assert_uint_eq(nattch_of(id), 1);
	ck_assert_int_eq(session_detach(&s, &e), 0);
	ck_assert(!s.attached);
	ck_assert(!s.have_slot);
	ck_assert(!session_live(&s));
	ck_assert_uint_eq(nattch_of(id), 0);
	ck_assert_int_eq(session_block(&s), SESSION_DETACHED);
	/* the copy still shows the drawing */
	ck_assert_ptr_nonnull(session_board(&s));
	ck_assert_uint_eq(cell_cp(board_get(session_board(&s), 4, 2)), 'x');
	ck_assert_int_eq(session_detach(&s, &e), 0);   /* twice is harmless */
	ck_assert_int_eq(session_attach(&s, &e), 0);
	ck_assert(s.attached);
	ck_assert(s.have_slot);
	ck_assert(s.stat_ok);                           /* sampled on the way back */
	ck_assert_uint_eq(nattch_of(id), 1);
	ck_assert_ptr_eq(session_board(&s), &s.seg.board);
	ck_assert_uint_eq(cell_cp(board_get(session_board(&s), 4, 2)), 'x');
	session_close(&s);
	shmctl(id, IPC_RMID, NULL);
}
END_TEST

START_TEST(test_snapshot_is_a_copy)
{
	struct session s;
	struct segment other;
	struct segment_opts so = { .create = false };
	struct pzerr e;

	open_drawer(&s, 2);
	ck_assert_int_eq(session_detach(&s, &e), 0);
	ck_assert_int_eq(segment_open(&other, &opts.addr, &so, NULL, &e), 0);
	board_draw(&other.board, 0, 0, 'z', 1, 0);
	ck_assert_uint_eq(board_get(session_board(&s), 0, 0), 0);   /* ours did not move */
	ck_assert(session_board(&s)->readonly);
	ck_assert_int_eq(board_set(session_board(&s), 1, 1, 'q'), -1);
	segment_remove(other.shmid, NULL, NULL);
	segment_detach(&other, NULL);
	session_close(&s);
}
END_TEST

START_TEST(test_removal_by_others_then_new_board)
{
	struct session s, t;
	struct pzerr e;
	int old;

	open_drawer(&s, 3);
	old = s.seg.shmid;
	board_draw(&s.seg.board, 5, 3, 'k', 2, 0);
	session_sample(&s);
	ck_assert_uint_eq(session_tick(&s) & SESSION_ORPHANED, 0);
	ck_assert_int_eq(shmctl(old, IPC_RMID, NULL), 0);    /* someone else */
	session_sample(&s);
	ck_assert(session_tick(&s) & SESSION_ORPHANED);
	ck_assert_uint_eq(session_tick(&s) & SESSION_ORPHANED, 0);   /* asked once */
	ck_assert_int_eq(s.key_now_shmid, -1);
	/* another process starts a board under the key */
	ck_assert_int_eq(session_open(&t, opts_for(3), false, &e), 0);
	ck_assert(t.seg.created);
	ck_assert(session_tick(&s) & SESSION_KEY_MOVED);
	ck_assert_int_eq(s.key_now_shmid, t.seg.shmid);
	ck_assert_uint_eq(session_tick(&s) & SESSION_KEY_MOVED, 0);
	/* a new board is not made over it, and we are not moved there unasked */
	ck_assert_int_eq(session_replace(&s, &e), -1);
	ck_assert_int_eq(e.err, EEXIST);
	ck_assert_int_eq(s.seg.shmid, old);
	/* joining (after asking) moves us; the drawing is not copied onto their board */
	ck_assert_int_eq(session_join(&s, t.seg.shmid, &e), 0);
	ck_assert_int_eq(s.seg.shmid, t.seg.shmid);
	ck_assert(s.have_slot);
	ck_assert_int_eq(s.key_now_shmid, -1);
	ck_assert_uint_eq(board_get(&s.seg.board, 5, 3), 0);
	session_remove(&t, &e);
	session_close(&t);
	session_close(&s);
}
END_TEST

START_TEST(test_replace_with_drawing_and_mode)
{
	struct session s;
	struct pzerr e;
	struct shmid_ds ds;
	struct history_result r;
	int old;

	opts_for(4)->mode = 0640;
	ck_assert_int_eq(session_open(&s, &opts, false, &e), 0);
	ck_assert_int_eq(session_claim(&s, &e), 0);
	old = s.seg.shmid;
	ck_assert_int_eq(undo_open(HISTORY_DEFAULT_BYTES), 0);
	undo_step(HISTORY_DRAW, UNDO_ONCE, 0);
	ck_assert_int_eq(undo_draw(&s.seg.board, 6, 4, 'w', 2, 0), 1);   /* a step on the old board */
	undo_end();
	opts.mode = 0600;                                /* not what the new board gets */
	session_sample(&s);
	ck_assert_int_eq(shmctl(old, IPC_RMID, NULL), 0);
	ck_assert_int_eq(session_join(&s, old, &e), -1);  /* nothing under the key to join */
	ck_assert_int_eq(session_replace(&s, &e), 0);
	ck_assert_int_ne(s.seg.shmid, old);
	ck_assert_uint_eq(cell_cp(board_get(&s.seg.board, 6, 4)), 'w');
	ck_assert_int_eq(shmctl(s.seg.shmid, IPC_STAT, &ds), 0);
	ck_assert_uint_eq(ds.shm_perm.mode & 0777, 0640);   /* the removed board's mode */
	ck_assert(s.have_slot);
	ck_assert_int_lt(shmctl(old, IPC_STAT, &(struct shmid_ds){ 0 }), 0);   /* the old one is gone */
	/* the history was of the old board: forgotten */
	ck_assert_int_eq(undo_undo(&s.seg.board, &r), -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_uint_eq(cell_cp(board_get(&s.seg.board, 6, 4)), 'w');
	/* a clear is one step, and its undo brings back every cell it emptied */
	undo_step(HISTORY_CLEAR, UNDO_ONCE, -1);
	ck_assert_int_eq(session_clear(&s, &e), 0);
	undo_end();
	ck_assert_uint_eq(cell_cp(board_get(&s.seg.board, 6, 4)), 0);
	ck_assert_int_eq(undo_undo(&s.seg.board, &r), 0);
	ck_assert_int_eq(r.kind, HISTORY_CLEAR);
	ck_assert_uint_eq(r.restored, 1);
	ck_assert_uint_eq(cell_cp(board_get(&s.seg.board, 6, 4)), 'w');
	undo_close();
	session_remove(&s, &e);
	session_close(&s);
}
END_TEST

START_TEST(test_we_removed)
{
	struct session s;
	struct pzerr e;

	open_drawer(&s, 5);
	ck_assert_int_eq(session_remove(&s, &e), 0);
	ck_assert(s.we_removed);
	session_sample(&s);
	ck_assert(s.stat_ok);
	ck_assert(shminfo_dest(&s.stat));
	ck_assert_uint_eq(session_tick(&s) & SESSION_ORPHANED, 0);   /* nobody to ask */
	ck_assert(session_live(&s));                                 /* drawing goes on */
	session_close(&s);
}
END_TEST

START_TEST(test_distrust_keeps_a_copy)
{
	struct session s;
	int id;

	open_drawer(&s, 6);
	id = s.seg.shmid;
	board_draw(&s.seg.board, 2, 2, 'd', 1, 0);
	atomic_store(&s.seg.board.hdr->cols, 9999);         /* a hostile writer */
	ck_assert(session_tick(&s) & SESSION_DISTRUST);
	ck_assert(s.distrust);
	ck_assert(!session_live(&s));
	ck_assert_int_eq(session_block(&s), SESSION_DISTRUSTED);
	ck_assert_str_ne(s.distrust_why, "");
	ck_assert_ptr_ne(session_board(&s), &s.seg.board);
	ck_assert_uint_eq(cell_cp(board_get(session_board(&s), 2, 2)), 'd');
	ck_assert_uint_eq(session_tick(&s) & SESSION_DISTRUST, 0);
	session_close(&s);
	shmctl(id, IPC_RMID, NULL);
}
END_TEST

/* Fill every free slot of b with a live-looking client: our own pid and start time. */
static int
fill_slots(const struct board *b, const struct client_info *me)
{
	int i, n = 0;

	for (i = 0; i < BOARD_SLOTS; i++) {
		struct board_slot *sl = &b->hdr->slots[i];

		if (atomic_load(&sl->owner) != 0)
			continue;
		atomic_store(&sl->start, me->start);
		atomic_store(&sl->pidns, me->pidns);
		atomic_store(&sl->heartbeat, client_now_ms());
		atomic_store(&sl->owner, (0xC0000000ull + (uint64_t)i) << 32 | 0x80000000ull |
		    (uint64_t)me->pid);
		n++;
	}
	return n;
}

START_TEST(test_claims_when_a_slot_frees)
{
	struct session s;
	struct pzerr e;
	int id;

	open_drawer(&s, 11);
	id = s.seg.shmid;
	ck_assert_int_eq(fill_slots(&s.seg.board, &s.me), BOARD_SLOTS - 1);
	/* our slot taken over, no other free: no slot, and none at the next ticks */
	atomic_store(&s.seg.board.hdr->slots[s.me.slot].owner, 0xC0000000ull << 32 |
	    0x80000000ull | (uint64_t)s.me.pid);
	ck_assert_uint_eq(session_tick(&s) & (SESSION_NO_SLOT | SESSION_CLAIMED), SESSION_NO_SLOT);
	ck_assert(!s.have_slot);
	ck_assert_str_ne(s.slot_why, "");
	ck_assert_uint_eq(session_author(&s), 0);
	ck_assert_uint_eq(session_tick(&s) & (SESSION_NO_SLOT | SESSION_CLAIMED), 0);
	ck_assert(!s.have_slot);
	/* a slot frees: the next tick claims it */
	atomic_store(&s.seg.board.hdr->slots[42].owner, 0);
	ck_assert_uint_eq(session_tick(&s) & (SESSION_NO_SLOT | SESSION_CLAIMED), SESSION_CLAIMED);
	ck_assert(s.have_slot);
	ck_assert_int_eq(s.me.slot, 42);
	ck_assert_uint_eq(session_author(&s), 43);
	ck_assert_uint_eq(session_tick(&s) & (SESSION_NO_SLOT | SESSION_CLAIMED), 0);
	session_close(&s);
	/* a drawer that starts on a full board gets a slot once one frees */
	ck_assert_msg(session_open(&s, opts_for(11), false, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(fill_slots(&s.seg.board, &s.me), 1);     /* the one we released */
	ck_assert_int_eq(session_claim(&s, &e), -1);
	ck_assert_int_eq(e.err, EAGAIN);
	ck_assert_uint_eq(session_tick(&s) & SESSION_CLAIMED, 0);
	atomic_store(&s.seg.board.hdr->slots[7].owner, 0);
	ck_assert(session_tick(&s) & SESSION_CLAIMED);
	ck_assert_int_eq(s.me.slot, 7);
	session_close(&s);
	shmctl(id, IPC_RMID, NULL);
}
END_TEST

/* The contents of path, or NULL. */
static char *
slurp(const char *path)
{
	static char buf[4096];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return NULL;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n < 0 ? 0 : n] = '\0';
	return buf;
}

/* How many entries dir has besides . and .. */
static int
entries(const char *dir)
{
	char cmd[128];
	FILE *p;
	int n = -1;

	snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
	p = popen(cmd, "r");
	if (p != NULL && fscanf(p, "%d", &n) != 1)
		n = -1;
	if (p != NULL)
		pclose(p);
	return n;
}

START_TEST(test_save)
{
	char dir[] = "/tmp/check_session.XXXXXX", path[64];
	struct session s;
	struct pzerr e;
	struct stat st;
	size_t bytes;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/board.txt", dir);
	open_drawer(&s, 7);
	text_put(&s.seg.board, 0, 1, "hola", 4, 0, 0, &e);
	ck_assert_int_eq(session_save(&s, path, false, &bytes, &e), 0);
	ck_assert_uint_eq(bytes, 6);
	ck_assert_str_eq(slurp(path), "\nhola\n");
	ck_assert_int_eq(entries(dir), 1);                 /* no temporary file left */
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0600);         /* a 0600 board: only its owner */
	/* an existing file is never replaced unasked */
	text_put(&s.seg.board, 0, 0, "new", 3, 0, 0, &e);
	ck_assert_int_eq(session_save(&s, path, false, &bytes, &e), -1);
	ck_assert_int_eq(e.err, EEXIST);
	ck_assert_str_eq(slurp(path), "\nhola\n");
	ck_assert_int_eq(entries(dir), 1);
	/* and replaced when asked */
	ck_assert_int_eq(session_save(&s, path, true, &bytes, &e), 0);
	ck_assert_str_eq(slurp(path), "new\nhola\n");
	ck_assert_int_eq(session_save(&s, "", false, &bytes, &e), -1);
	unlink(path);
	rmdir(dir);
	session_remove(&s, &e);
	session_close(&s);
}
END_TEST

/* F6: the file name's extension chooses the format (export_format_for). */
START_TEST(test_save_formats)
{
	static const struct {
		const char *name, *has;
	} want[] = {
		{ "b.txt", "<&\n" }, { "b", "<&\n" }, { "b.ans", "\033[31m<&\033[0m\n" },
		{ "b.HTML", "<span style=\"color:#cd0000\">&lt;&amp;</span>\n</pre>" },
		{ "b.svg", "fill=\"#cd0000\">&lt;&amp;</text>" },
	};
	char dir[] = "/tmp/check_session.XXXXXX", path[64];
	struct session s;
	struct pzerr e;
	size_t bytes, i;
	const char *got;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	open_drawer(&s, 12);
	ck_assert_int_eq(text_put(&s.seg.board, 0, 0, "<&", 2, 1, 0, &e), 0);
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, want[i].name);
		ck_assert_int_eq(session_save(&s, path, false, &bytes, &e), 0);
		got = slurp(path);
		ck_assert_msg(strstr(got, want[i].has) != NULL, "%s: %s", want[i].name, got);
		ck_assert_uint_eq(bytes, strlen(got));
		if (i < 2)
			ck_assert_str_eq(got, want[i].has);
		unlink(path);
	}
	ck_assert_int_eq(entries(dir), 0);
	rmdir(dir);
	session_remove(&s, &e);
	session_close(&s);
}
END_TEST

/* session_save with files limited to 16 bytes (soft limit, lifted again at once). */
static void
limited_save(struct session *s, const char *path, bool overwrite, int *r, struct pzerr *e)
{
	struct rlimit lim, small;
	size_t bytes;

	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &lim), 0);
	small = lim;
	small.rlim_cur = 16;
	setrlimit(RLIMIT_FSIZE, &small);
	*r = session_save(s, path, overwrite, &bytes, e);
	setrlimit(RLIMIT_FSIZE, &lim);
}

START_TEST(test_save_mode_home_and_full_disk)
{
	char dir[] = "/tmp/check_session.XXXXXX", path[64];
	struct session s;
	struct pzerr e;
	struct stat st;
	size_t bytes;
	mode_t old;
	int r;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	open_drawer(&s, 10);
	ck_assert_int_eq(session_chmod(&s, 0664, &e), 0);
	session_sample(&s);
	old = umask(022);
	/* ~ is the home directory */
	setenv("HOME", dir, 1);
	ck_assert_int_eq(session_save(&s, "~/shared.txt", false, &bytes, &e), 0);
	snprintf(path, sizeof path, "%s/shared.txt", dir);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0644);   /* the board's read bits, not its write bits */
	unlink(path);
	/* a full disk (here a file-size limit) leaves nothing under the name; the
	 * limit is lifted before asserting, as Check itself writes to a file */
	ck_assert_int_eq(text_put(&s.seg.board, 0, 0, "twenty bytes of text", 20, 0, 0, &e), 0);
	limited_save(&s, path, false, &r, &e);
	ck_assert_int_eq(r, -1);
	ck_assert_int_eq(e.err, EFBIG);
	ck_assert_ptr_nonnull(strstr(e.msg, "nothing saved"));
	ck_assert_int_eq(entries(dir), 0);
	/* nor over an existing file: it keeps its old content */
	ck_assert_int_eq(session_save(&s, "~/shared.txt", false, &bytes, &e), 0);
	ck_assert_int_eq(text_put(&s.seg.board, 0, 1, "and a second line", 17, 0, 0, &e), 0);
	limited_save(&s, path, true, &r, &e);
	ck_assert_int_eq(r, -1);
	ck_assert_str_eq(slurp(path), "twenty bytes of text\n");
	ck_assert_int_eq(entries(dir), 1);
	/* a directory that does not exist */
	ck_assert_int_eq(session_save(&s, "/nonexistent/dir/x.txt", false, &bytes, &e), -1);
	ck_assert_int_eq(e.err, ENOENT);
	umask(old);
	unlink(path);
	rmdir(dir);
	session_remove(&s, &e);
	session_close(&s);
}
END_TEST

START_TEST(test_view_only)
{
	struct session d, v;
	struct pzerr e;

	open_drawer(&d, 8);
	ck_assert_int_eq(session_open(&v, opts_for(8), true, &e), 0);
	ck_assert(!v.seg.created);
	ck_assert_int_eq(session_claim(&v, &e), 0);
	ck_assert(!v.have_slot);                         /* viewers hold no slot */
	ck_assert_int_eq(session_block(&v), SESSION_VIEW_ONLY);
	ck_assert_uint_eq(session_author(&v), 0);
	ck_assert(!session_publish(&v, 1, 1, 0));
	session_touched(&v);
	session_notify(&v);                              /* never writes */
	ck_assert_uint_eq(nattch_of(d.seg.shmid), 2);
	session_close(&v);
	session_remove(&d, &e);
	session_close(&d);
}
END_TEST

START_TEST(test_open_fails_cleanly)
{
	struct session s;
	struct pzerr e;
	struct cli_opts *o = opts_for(9);

	ck_assert_int_eq(session_open(&s, o, true, &e), -1);    /* a viewer creates nothing */
	ck_assert_int_eq(e.err, ENOENT);
	ck_assert_int_lt(shmget(tu_key(9), 0, 0), 0);
}
END_TEST

static Suite *
session_suite(void)
{
	Suite *s = suite_create("session");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_open_and_notify_batches);
	tcase_add_test(tc, test_detach_attach);
	tcase_add_test(tc, test_snapshot_is_a_copy);
	tcase_add_test(tc, test_removal_by_others_then_new_board);
	tcase_add_test(tc, test_replace_with_drawing_and_mode);
	tcase_add_test(tc, test_we_removed);
	tcase_add_test(tc, test_distrust_keeps_a_copy);
	tcase_add_test(tc, test_claims_when_a_slot_frees);
	tcase_add_test(tc, test_save);
	tcase_add_test(tc, test_save_mode_home_and_full_disk);
	tcase_add_test(tc, test_save_formats);
	tcase_add_test(tc, test_view_only);
	tcase_add_test(tc, test_open_fails_cleanly);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(session_suite());
}
