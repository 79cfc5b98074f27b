/*
 * check_client.c - unit tests of the client registry: claiming distinct
 * slots and colours, releasing, losing a slot, reaping after kill -9 (also
 * before the zombie is waited for), pid reuse, foreign PID namespaces by
 * heartbeat, garbage slots, sanitised listing, telling a list unchanged
 * from its owner and colour words, a full table, and a claim
 * in progress beside another client's reaper. The /proc inspection the
 * reaper relies on is tested on its own in check_proc.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cell.h"
#include "checkutil.h"
#include "client.h"
#include "notify.h"

#define READY_BIT 0x80000000ull

/* Our identity, with a test tty name. */
static struct client_info
me_info(void)
{
	struct client_info me;
	struct pzerr e;

	ck_assert_int_eq(client_self(&me, &e), 0);
	snprintf(me.tty, sizeof me.tty, "pts/9");
	return me;
}

/* Is pid listed in b's slots? */
static bool
listed(const struct board *b, pid_t pid)
{
	struct client_info list[BOARD_SLOTS];
	int i, n = client_list(b, list, BOARD_SLOTS);

	for (i = 0; i < n; i++)
		if (list[i].pid == pid)
			return true;
	return false;
}

START_TEST(test_self)
{
	struct client_info me = me_info();

	ck_assert_int_eq(me.pid, getpid());
	ck_assert_uint_gt(me.start, 0);
	ck_assert_uint_gt(me.pidns, 0);
	ck_assert_int_eq(me.uid, getuid());
	ck_assert(client_alive(&me, client_now_ms()));
}
END_TEST

START_TEST(test_claim_list_release)
{
	struct client_info me = me_info(), other = me_info(), list[BOARD_SLOTS];
	struct segment s;
	struct pzerr e;
	uint32_t gen;

	tu_private_board(&s, 40, 10);
	me.col = 5;
	me.row = 6;
	ck_assert_int_eq(client_claim(&s.board, &me, &e), 0);
	ck_assert_int_ge(me.slot, 0);
	ck_assert_uint_gt(me.colour, 0);
	ck_assert_int_eq(client_claim(&s.board, &other, &e), 0);
	ck_assert_int_ne(other.slot, me.slot);
	ck_assert_uint_ne(other.colour, me.colour);
	ck_assert_int_eq(client_list(&s.board, list, BOARD_SLOTS), 2);
	ck_assert_int_eq(list[0].pid, getpid());
	ck_assert_str_eq(list[0].tty, "pts/9");
	ck_assert_uint_eq(list[0].col, 5);
	ck_assert_uint_eq(list[0].row, 6);
	gen = notify_generation(&s.board);
	me.col = 7;
	ck_assert(client_update(&s.board, &me));
	ck_assert(!client_update(&s.board, &me));
	ck_assert_uint_eq(notify_generation(&s.board), gen);
	ck_assert_int_eq(client_list(&s.board, list, BOARD_SLOTS), 2);
	ck_assert_uint_eq(list[0].col, 7);
	client_release(&s.board, &me);
	ck_assert_int_eq(client_list(&s.board, list, BOARD_SLOTS), 1);
	ck_assert_int_eq(list[0].slot, other.slot);
	ck_assert_int_eq(client_heartbeat(&s.board, &me), -1);
	ck_assert_int_eq(client_heartbeat(&s.board, &other), 0);
}
END_TEST

/*
 * client_list_same: a cursor move is the same list; a join, a leave, a new
 * claim in a listed slot (another owner word), a colour change or a garbage
 * colour word are not.
 */
START_TEST(test_list_same)
{
	struct client_info me = me_info(), other = me_info(), list[BOARD_SLOTS];
	struct segment s;
	struct pzerr e;
	int n;

	tu_private_board(&s, 40, 10);
	n = client_list(&s.board, list, BOARD_SLOTS);
	ck_assert(client_list_same(&s.board, list, n));
	ck_assert_int_eq(client_claim(&s.board, &me, &e), 0);
	ck_assert(!client_list_same(&s.board, list, n));
	n = client_list(&s.board, list, BOARD_SLOTS);
	ck_assert(client_list_same(&s.board, list, n));
	me.col = 9;
	client_update(&s.board, &me);
	ck_assert(client_list_same(&s.board, list, n));
	ck_assert_int_eq(client_claim(&s.board, &other, &e), 0);
	ck_assert(!client_list_same(&s.board, list, n));
	n = client_list(&s.board, list, BOARD_SLOTS);
	ck_assert_int_eq(n, 2);
	other.colour = other.colour % 15 + 1;
	client_update(&s.board, &other);
	ck_assert(!client_list_same(&s.board, list, n));
	n = client_list(&s.board, list, BOARD_SLOTS);
	/* colour 0 is listed as 7: a slot saying 0 is the same as one saying 7 */
	atomic_store(&s.board.hdr->slots[other.slot].attr, 0);
	ck_assert_int_eq(client_list_same(&s.board, list, n), other.colour == 7);
	atomic_store(&s.board.hdr->slots[other.slot].attr, 7);
	n = client_list(&s.board, list, BOARD_SLOTS);
	atomic_store(&s.board.hdr->slots[other.slot].attr, 0);
	ck_assert(client_list_same(&s.board, list, n));
	/* the same pid claiming the slot again is another owner word (a new tag) */
	client_release(&s.board, &other);
	ck_assert(!client_list_same(&s.board, list, n));
	ck_assert_int_eq(client_claim(&s.board, &other, &e), 0);
	ck_assert_int_eq(other.slot, list[1].slot);
	ck_assert(!client_list_same(&s.board, list, n));
	/* a listed client's slot emptied, and a longer list than the board's */
	n = client_list(&s.board, list, BOARD_SLOTS);
	client_release(&s.board, &me);
	ck_assert(!client_list_same(&s.board, list, n));
	ck_assert(!client_list_same(&s.board, list + 1, n));
	ck_assert(client_list_same(&s.board, list + 1, n - 1));
}
END_TEST

/* A selection published goes round whole, up to CLIENT_SEL_MAX a side, and goes away. */
START_TEST(test_selection_round_trip)
{
	struct client_info me = me_info(), list[BOARD_SLOTS];
	struct segment s;
	struct pzerr e;

	tu_private_board(&s, 2000, 1500);
	ck_assert_int_eq(client_claim(&s.board, &me, &e), 0);
	ck_assert_int_eq(client_list(&s.board, list, BOARD_SLOTS), 1);
	ck_assert(!list[0].sel.on);
	me.sel = (struct client_sel){ true, 3, 4, 1026, 1027 };
	ck_assert(client_update(&s.board, &me));
	ck_assert(!client_update(&s.board, &me));
	ck_assert_int_eq(client_list(&s.board, list, BOARD_SLOTS), 1);
	ck_assert(list[0].sel.on);
	ck_assert_uint_eq(list[0].sel.c0, 3);
	ck_assert_uint_eq(list[0].sel.r0, 4);
	ck_assert_uint_eq(list[0].sel.c1, 1026);
	ck_assert_uint_eq(list[0].sel.r1, 1027);
	me.sel = (struct client_sel){ true, 1999, 1499, 1999, 1499 };
	ck_assert(client_update(&s.board, &me));
	client_list(&s.board, list, BOARD_SLOTS);
	ck_assert_uint_eq(list[0].sel.c1 - list[0].sel.c0 + list[0].sel.r1 - list[0].sel.r0, 0);
	ck_assert_uint_eq(list[0].sel.c0, 1999);
	/* colour and tool are untouched by it */
	ck_assert_uint_eq(list[0].colour, me.colour);
	me.sel.on = false;
	ck_assert(client_update(&s.board, &me));
	client_list(&s.board, list, BOARD_SLOTS);
	ck_assert(!list[0].sel.on);
	client_release(&s.board, &me);
}
END_TEST

/* Whatever the words hold, a selection read is inside the board or none. */
START_TEST(test_selection_garbage)
{
	static const uint32_t words[] = { 0xFFFFFFFFu, 0x3FFF3FFFu, 0xC000C000u, 0x00090027u,
	    0x00000000u, 0x7FFF0005u };
	struct client_info me = me_info(), list[BOARD_SLOTS];
	struct board_slot *sl;
	struct segment s;
	struct pzerr e;
	size_t i, a;

	tu_private_board(&s, 40, 10);
	ck_assert_int_eq(client_claim(&s.board, &me, &e), 0);
	sl = &s.board.hdr->slots[me.slot];
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		for (a = 0; a < 3; a++) {
			atomic_store(&sl->reserved, words[i]);
			atomic_store(&sl->attr, a == 0 ? 0xFFFFFFFFu : a == 1 ? 0x10u : 0xFF00FF13u);
			ck_assert_int_eq(client_list(&s.board, list, BOARD_SLOTS), 1);
			if (!list[0].sel.on)
				continue;
			ck_assert_uint_le(list[0].sel.c0, list[0].sel.c1);
			ck_assert_uint_le(list[0].sel.r0, list[0].sel.r1);
			ck_assert_uint_lt(list[0].sel.c1, 40);
			ck_assert_uint_lt(list[0].sel.r1, 10);
		}
	/* a corner on the board, a size beyond it: cut at the edges */
	atomic_store(&sl->reserved, 0xC003C009u);
	atomic_store(&sl->attr, 0xFFFF0013u);
	client_list(&s.board, list, BOARD_SLOTS);
	ck_assert(list[0].sel.on);
	ck_assert_uint_eq(list[0].sel.c0, 9);
	ck_assert_uint_eq(list[0].sel.r0, 3);
	ck_assert_uint_eq(list[0].sel.c1, 39);
	ck_assert_uint_eq(list[0].sel.r1, 9);
	/* the corner off the board: none */
	atomic_store(&sl->reserved, 0x00270009u);
	client_list(&s.board, list, BOARD_SLOTS);
	ck_assert(!list[0].sel.on);
}
END_TEST

START_TEST(test_lost_slot_detected)
{
	struct client_info me = me_info();
	struct segment s;
	struct pzerr e;

	tu_private_board(&s, 40, 10);
	ck_assert_int_eq(client_claim(&s.board, &me, &e), 0);
	atomic_store(&s.board.hdr->slots[me.slot].owner, 12345);
	ck_assert_int_eq(client_heartbeat(&s.board, &me), -1);
	client_release(&s.board, &me);
	ck_assert_uint_eq(atomic_load(&s.board.hdr->slots[me.slot].owner), 12345);
}
END_TEST

/* Fork a child that claims a slot on b and waits; returns its pid once claimed. */
static pid_t
spawn_client(const struct board *b)
{
	int fds[2];
	pid_t pid;
	char c;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct client_info me;
		struct pzerr e;

		close(fds[0]);
		if (client_self(&me, &e) != 0 || client_claim(b, &me, &e) != 0)
			_exit(1);
		if (write(fds[1], "k", 1) != 1)
			_exit(2);
		for (;;)
			pause();
	}
	close(fds[1]);
	ck_assert_int_eq(read(fds[0], &c, 1), 1);
	close(fds[0]);
	return pid;
}

START_TEST(test_reap_after_kill9)
{
	struct segment s;
	pid_t pid;
	int status;

	tu_private_board(&s, 40, 10);
	pid = spawn_client(&s.board);
	ck_assert(listed(&s.board, pid));
	ck_assert_int_eq(client_reap(&s.board), 0);
	ck_assert_int_eq(kill(pid, SIGKILL), 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_int_eq(client_reap(&s.board), 1);
	ck_assert(!listed(&s.board, pid));
}
END_TEST

/*
 * client_reap_seen: a slot first seen is asked about; a slot whose heartbeat
 * moved since the last look is taken as alive without /proc (even when its
 * process is dead: a moved heartbeat is the proof); once the heartbeat
 * stands still the dead process is found; client_reap asks in any case.
 */
START_TEST(test_reap_seen)
{
	struct client_seen seen;
	struct segment s;
	pid_t dead, alive;
	int slot;

	memset(&seen, 0, sizeof seen);
	tu_private_board(&s, 40, 10);
	dead = spawn_client(&s.board);
	ck_assert_int_eq(kill(dead, SIGKILL), 0);
	ck_assert_int_eq(waitpid(dead, NULL, 0), dead);
	ck_assert_int_eq(client_reap_seen(&s.board, &seen), 1);    /* never seen: asked */
	ck_assert(!listed(&s.board, dead));

	alive = spawn_client(&s.board);
	dead = spawn_client(&s.board);
	ck_assert_int_eq(client_reap_seen(&s.board, &seen), 0);
	for (slot = 0; slot < BOARD_SLOTS; slot++)
		if ((pid_t)(atomic_load(&s.board.hdr->slots[slot].owner) & 0x7FFFFFFF) == dead)
			break;
	ck_assert_int_lt(slot, BOARD_SLOTS);
	ck_assert_int_eq(kill(dead, SIGKILL), 0);
	ck_assert_int_eq(waitpid(dead, NULL, 0), dead);
	atomic_fetch_add(&s.board.hdr->slots[slot].heartbeat, 1);
	ck_assert_int_eq(client_reap_seen(&s.board, &seen), 0);    /* moved: trusted */
	ck_assert(listed(&s.board, dead));
	ck_assert_int_eq(client_reap_seen(&s.board, &seen), 1);    /* still: asked */
	ck_assert(!listed(&s.board, dead));
	ck_assert(listed(&s.board, alive));

	dead = spawn_client(&s.board);
	ck_assert_int_eq(client_reap_seen(&s.board, &seen), 0);
	for (slot = 0; slot < BOARD_SLOTS; slot++)
		if ((pid_t)(atomic_load(&s.board.hdr->slots[slot].owner) & 0x7FFFFFFF) == dead)
			break;
	ck_assert_int_eq(kill(dead, SIGKILL), 0);
	ck_assert_int_eq(waitpid(dead, NULL, 0), dead);
	atomic_fetch_add(&s.board.hdr->slots[slot].heartbeat, 1);
	ck_assert_int_eq(client_reap(&s.board), 1);                /* the full look asks */
	kill(alive, SIGKILL);
	waitpid(alive, NULL, 0);
}
END_TEST

/* Has the process become a zombie (or gone)? */
static bool
is_zombie(void *arg)
{
	char path[64], buf[512], *p;
	FILE *f;
	bool z = true;

	snprintf(path, sizeof path, "/proc/%d/stat", *(pid_t *)arg);
	f = fopen(path, "r");
	if (f == NULL)
		return true;
	if (fgets(buf, sizeof buf, f) != NULL && (p = strrchr(buf, ')')) != NULL)
		z = p[2] == 'Z';
	fclose(f);
	return z;
}

START_TEST(test_reap_zombie)
{
	struct segment s;
	pid_t pid;

	tu_private_board(&s, 40, 10);
	pid = spawn_client(&s.board);
	ck_assert_int_eq(kill(pid, SIGKILL), 0);
	ck_assert(tu_poll(is_zombie, &pid, 2000));
	ck_assert_int_eq(client_reap(&s.board), 1);
	ck_assert(!listed(&s.board, pid));
	waitpid(pid, NULL, 0);
}
END_TEST

START_TEST(test_stopped_client_kept)
{
	struct segment s;
	pid_t pid;

	tu_private_board(&s, 40, 10);
	pid = spawn_client(&s.board);
	ck_assert_int_eq(kill(pid, SIGSTOP), 0);
	ck_assert_int_eq(client_reap(&s.board), 0);
	ck_assert(listed(&s.board, pid));
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}
END_TEST

START_TEST(test_pid_reuse)
{
	struct client_info me = me_info();
	struct segment s;
	struct pzerr e;

	tu_private_board(&s, 40, 10);
	ck_assert_int_eq(client_claim(&s.board, &me, &e), 0);
	ck_assert_int_eq(client_reap(&s.board), 0);
	atomic_store(&s.board.hdr->slots[me.slot].start, me.start + 1);
	ck_assert_int_eq(client_reap(&s.board), 1);
	ck_assert(!listed(&s.board, getpid()));
}
END_TEST

START_TEST(test_foreign_namespace_heartbeat)
{
	struct client_info me = me_info(), other = me_info();
	struct segment s;
	struct pzerr e;

	tu_private_board(&s, 40, 10);
	ck_assert_int_eq(client_claim(&s.board, &me, &e), 0);
	ck_assert_int_eq(client_claim(&s.board, &other, &e), 0);
	atomic_store(&s.board.hdr->slots[me.slot].pidns, 1);
	atomic_store(&s.board.hdr->slots[other.slot].pidns, 1);
	atomic_store(&s.board.hdr->slots[other.slot].heartbeat,
	    client_now_ms() - CLIENT_STALE_MS - 1000);
	ck_assert_int_eq(client_reap(&s.board), 1);
	ck_assert_int_eq(client_heartbeat(&s.board, &me), 0);
	ck_assert_int_eq(client_heartbeat(&s.board, &other), -1);
	atomic_store(&s.board.hdr->slots[me.slot].heartbeat, client_now_ms() + 3600000);
	ck_assert_int_eq(client_reap(&s.board), 1);
}
END_TEST

START_TEST(test_garbage_slots)
{
	struct client_info list[BOARD_SLOTS];
	struct board_slot *sl;
	struct segment s;
	int i, n;

	tu_private_board(&s, 40, 10);
	sl = s.board.hdr->slots;
	atomic_store(&sl[0].owner, READY_BIT);
	atomic_store(&sl[1].owner, READY_BIT | 0x7FFFFFFF);
	atomic_store(&sl[2].owner, 5ull << 32 | 0x7FFFFFF0);
	atomic_store(&sl[3].owner, ~0ull);
	atomic_store(&sl[4].owner, READY_BIT | 1);
	atomic_store(&sl[4].start, 1);
	for (i = 5; i < BOARD_SLOTS; i++) {
		atomic_store(&sl[i].owner, READY_BIT | (uint64_t)getpid());
		atomic_store(&sl[i].pidns, me_info().pidns);
		atomic_store(&sl[i].start, me_info().start);
		atomic_store(&sl[i].cursor, 0xFFFFFFFFu);
		atomic_store(&sl[i].attr, 0);
		atomic_store(&sl[i].tty[0], 0x071B4142u);
	}
	n = client_list(&s.board, list, BOARD_SLOTS);
	for (i = 0; i < n; i++) {
		ck_assert_int_gt(list[i].pid, 0);
		ck_assert_uint_ge(list[i].colour, 1);
		ck_assert_uint_le(list[i].colour, 15);
		ck_assert_uint_lt(list[i].col, 40);
		ck_assert_uint_lt(list[i].row, 10);
		for (char *p = list[i].tty; *p; p++)
			ck_assert(*p > 0x20 && *p < 0x7F);
	}
	ck_assert_str_eq(list[n - 1].tty, "BA??");
	ck_assert_int_eq(client_reap(&s.board), 5);
	ck_assert_int_eq(client_list(&s.board, list, BOARD_SLOTS), BOARD_SLOTS - 5);
}
END_TEST

START_TEST(test_full_table)
{
	struct client_info me = me_info();
	struct segment s;
	struct pzerr e;
	int i;

	tu_private_board(&s, 40, 10);
	for (i = 0; i < BOARD_SLOTS; i++) {
		me.colour = 0;
		ck_assert_int_eq(client_claim(&s.board, &me, &e), 0);
	}
	ck_assert_int_eq(client_claim(&s.board, &me, &e), -1);
	ck_assert_int_eq(e.err, EAGAIN);
	s.board.readonly = true;
	ck_assert_int_eq(client_claim(&s.board, &me, &e), -1);
	ck_assert_int_eq(e.err, EROFS);
}
END_TEST

/*
 * A claim in progress beside another client's reaper: slot 0 is free with
 * the long-stale heartbeat a reaped client leaves behind, and a child reaps
 * without pause while we claim and release slot 0 400,000 times (about a
 * second). Every claim must keep slot 0: a reaper that took the half-made
 * claim for an abandoned one would push us to slot 1. Without the fresh
 * heartbeat written before the owner word, 10 to 60 claims moved here.
 */
START_TEST(test_claim_beside_reaper)
{
	struct client_info me = me_info();
	_Atomic uint32_t *stop;
	struct segment s;
	struct pzerr e;
	int i, moved = 0, status;
	pid_t pid;

	tu_private_board(&s, 40, 10);
	stop = mmap(NULL, sizeof *stop, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ck_assert_ptr_ne(stop, MAP_FAILED);
	atomic_init(stop, 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		while (atomic_load(stop) == 0)
			client_reap(&s.board);
		_exit(0);
	}
	for (i = 0; i < 400000; i++) {
		atomic_store(&s.board.hdr->slots[0].heartbeat, 0);
		me.colour = 1;
		ck_assert_int_eq(client_claim(&s.board, &me, &e), 0);
		moved += me.slot != 0;
		client_release(&s.board, &me);
	}
	atomic_store(stop, 1);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_int_eq(moved, 0);
}
END_TEST

/* The client suite. */
static Suite *
client_suite(void)
{
	Suite *s = suite_create("client");
	TCase *tc = tcase_create("registry");

	tcase_set_timeout(tc, 60);     /* the reaper race runs for a second, more under sanitizers */
	tcase_add_test(tc, test_self);
	tcase_add_test(tc, test_claim_list_release);
	tcase_add_test(tc, test_list_same);
	tcase_add_test(tc, test_selection_round_trip);
	tcase_add_test(tc, test_selection_garbage);
	tcase_add_test(tc, test_lost_slot_detected);
	tcase_add_test(tc, test_reap_after_kill9);
	tcase_add_test(tc, test_reap_seen);
	tcase_add_test(tc, test_reap_zombie);
	tcase_add_test(tc, test_stopped_client_kept);
	tcase_add_test(tc, test_pid_reuse);
	tcase_add_test(tc, test_foreign_namespace_heartbeat);
	tcase_add_test(tc, test_garbage_slots);
	tcase_add_test(tc, test_full_table);
	tcase_add_test(tc, test_claim_beside_reaper);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(client_suite());
}
