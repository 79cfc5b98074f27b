/*
 * check_board.c - unit tests of the board model: geometry limits, header
 * validation that never writes, bounded cell access, wide characters,
 * dumps that never pass a control character through, clear leaving the
 * generation alone (the caller notifies), and copies in process memory
 * (board_copy, out of memory included, board_copy_cells between boards of
 * different sizes), and the geometry of a new board. Text written onto a
 * board (put, place, load) is check_text.c's, the scan on its own
 * check_textscan.c's, the lease check_lease.c's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "board.h"
#include "cell.h"
#include "checkutil.h"
#include "dump.h"
#include "notify.h"
#include "text.h"
#include "textscan.h"
#include "utf8.h"

START_TEST(test_geometry_limits)
{
	struct pzerr e;

	ck_assert_int_eq(board_check_geometry(80, 24, 0, &e), 0);
	ck_assert_int_eq(board_check_geometry(BOARD_MIN_COLS, BOARD_MIN_ROWS, 0, &e), 0);
	ck_assert_int_eq(board_check_geometry(BOARD_MIN_COLS - 1, 24, 0, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "too small"));
	ck_assert_int_eq(board_check_geometry(80, BOARD_MIN_ROWS - 1, 0, &e), -1);
	ck_assert_int_eq(board_check_geometry(BOARD_MAX_COLS + 1, 24, 0, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "too large"));
	ck_assert_int_eq(board_check_geometry(10000, 10000, 0, &e), -1);
	ck_assert_int_eq(board_check_geometry(2000, 1000, 0, &e), 0);
	ck_assert_int_eq(board_check_geometry(80, 24, board_size_for(80, 24) - 1, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "SHMMAX"));
	ck_assert_int_eq(board_check_geometry(80, 24, board_size_for(80, 24), &e), 0);
	ck_assert_uint_eq(board_size_for(80, 24), sizeof(struct board_header) + 80 * 24 * 8 + 24 * 4);
}
END_TEST

START_TEST(test_init_publishes)
{
	struct segment s;

	tu_private_board(&s, 40, 10);
	ck_assert_uint_eq(atomic_load(&s.board.hdr->magic), BOARD_MAGIC);
	ck_assert_uint_eq(atomic_load(&s.board.hdr->version), BOARD_VERSION);
	ck_assert_uint_eq(s.board.cols, 40);
	ck_assert_uint_eq(s.board.rows, 10);
	ck_assert_int_eq(board_wait_ready(s.base, s.size, 10), 0);
	ck_assert_int_eq(board_check(&s.board, NULL), 0);
}
END_TEST

START_TEST(test_wait_ready_times_out)
{
	static uint32_t zero[64];

	ck_assert_int_eq(board_wait_ready(zero, sizeof zero, 20), -1);
	ck_assert_int_eq(errno, ETIMEDOUT);
}
END_TEST

/* Open a copy of a header mutated by mutate(); returns board_open's result. */
static int
open_mutated(void (*mutate)(struct board_header *h), size_t segsz, struct pzerr *e)
{
	size_t size = board_size_for(20, 5);
	unsigned char *mem = calloc(1, size), *copy = malloc(size);
	struct board b;
	int r;

	ck_assert_int_eq(board_init(mem, size, 20, 5, e), 0);
	mutate((struct board_header *)mem);
	memcpy(copy, mem, size);
	r = board_open(&b, mem, segsz ? segsz : size, false, e);
	ck_assert_int_eq(memcmp(copy, mem, size), 0);
	free(mem);
	free(copy);
	return r;
}

/* Mutations a hostile or foreign writer could make. */
static void
bad_magic(struct board_header *h)
{
	atomic_store(&h->magic, 0xdeadbeef);
}

/* A version this pizarra does not read. */
static void
bad_version(struct board_header *h)
{
	atomic_store(&h->version, 7);
}

/* A slot count that is not BOARD_SLOTS. */
static void
bad_slots(struct board_header *h)
{
	atomic_store(&h->nslots, 1000);
}

/* A header size that is not the struct's. */
static void
bad_header_size(struct board_header *h)
{
	atomic_store(&h->header_size, 64);
}

/* More rows than the segment holds. */
static void
huge_rows(struct board_header *h)
{
	atomic_store(&h->rows, 9999);
}

/* No columns at all. */
static void
zero_cols(struct board_header *h)
{
	atomic_store(&h->cols, 0);
}

/* The header as published. */
static void
no_change(struct board_header *h)
{
	(void)h;
}

START_TEST(test_open_validates)
{
	struct pzerr e;

	ck_assert_int_eq(open_mutated(no_change, 0, &e), 0);
	ck_assert_int_eq(open_mutated(bad_magic, 0, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "not a pizarra board"));
	ck_assert_int_eq(open_mutated(bad_version, 0, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "version 7"));
	ck_assert_int_eq(open_mutated(bad_slots, 0, &e), -1);
	ck_assert_int_eq(open_mutated(bad_header_size, 0, &e), -1);
	ck_assert_int_eq(open_mutated(huge_rows, 0, &e), -1);
	ck_assert_int_eq(open_mutated(zero_cols, 0, &e), -1);
	ck_assert_int_eq(open_mutated(no_change, board_size_for(20, 5) - 4, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "needs"));
	ck_assert_int_eq(open_mutated(no_change, sizeof(struct board_header) - 1, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "too small"));
}
END_TEST

START_TEST(test_check_sees_changes)
{
	struct segment s;
	struct pzerr e;

	tu_private_board(&s, 40, 10);
	atomic_store(&s.board.hdr->cols, 4000);
	ck_assert_int_eq(board_check(&s.board, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "4000"));
	ck_assert_uint_eq(s.board.cols, 40);
	ck_assert_uint_eq(board_get(&s.board, 39, 9), CELL_EMPTY);
	ck_assert_uint_eq(board_get(&s.board, 40, 0), CELL_EMPTY);
	atomic_store(&s.board.hdr->cols, 40);
	atomic_store(&s.board.hdr->magic, 0);
	ck_assert_int_eq(board_check(&s.board, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "magic"));
}
END_TEST

START_TEST(test_get_set_bounds)
{
	struct segment s;

	tu_private_board(&s, 20, 5);
	ck_assert_int_eq(board_set(&s.board, 19, 4, 'a'), 0);
	ck_assert_uint_eq(board_get(&s.board, 19, 4), 'a');
	ck_assert_int_eq(board_set(&s.board, 20, 0, 'b'), -1);
	ck_assert_int_eq(board_set(&s.board, 0, 5, 'b'), -1);
	ck_assert_int_eq(board_set(&s.board, UINT32_MAX, UINT32_MAX, 'b'), -1);
	ck_assert_uint_eq(board_get(&s.board, 20, 0), CELL_EMPTY);
	ck_assert_uint_eq(board_get(&s.board, 0, 0), CELL_EMPTY);
	s.board.readonly = true;
	ck_assert_int_eq(board_set(&s.board, 0, 0, 'c'), -1);
	ck_assert_uint_eq(board_get(&s.board, 0, 0), CELL_EMPTY);
}
END_TEST

START_TEST(test_row_stamps)
{
	struct segment s;
	struct pzerr e;
	uint32_t before[5], r;

	tu_private_board(&s, 20, 5);
	for (r = 0; r < 5; r++)
		before[r] = board_row_stamp(&s.board, r);
	ck_assert_int_eq(text_put(&s.board, 0, 1, "a\nb", 3, 0, 0, &e), 0);
	ck_assert_uint_eq(board_row_stamp(&s.board, 0), before[0]);
	ck_assert_uint_ne(board_row_stamp(&s.board, 1), before[1]);
	ck_assert_uint_ne(board_row_stamp(&s.board, 2), before[2]);
	ck_assert_uint_eq(board_row_stamp(&s.board, 3), before[3]);
	for (r = 0; r < 5; r++)
		before[r] = board_row_stamp(&s.board, r);
	ck_assert_int_eq(board_clear(&s.board, &e), 0);
	for (r = 0; r < 5; r++)
		ck_assert_uint_ne(board_row_stamp(&s.board, r), before[r]);
	for (r = 0; r < 5; r++)
		before[r] = board_row_stamp(&s.board, r);
	ck_assert_int_eq(text_load(&s.board, "x", 1, &e), 0);
	for (r = 0; r < 5; r++)
		ck_assert_uint_ne(board_row_stamp(&s.board, r), before[r]);
	ck_assert_ptr_null(board_row(&s.board, 5));
	ck_assert_uint_eq(board_row_stamp(&s.board, 5), 0);
	ck_assert_uint_eq(cell_content(atomic_load(&board_row(&s.board, 0)[0])), 'x');
	/* cleared once, loaded once */
	ck_assert_uint_eq(cell_counter(atomic_load(&board_row(&s.board, 0)[0])), 2);
}
END_TEST

START_TEST(test_draw_wide)
{
	struct segment s;
	struct board *b;

	tu_private_board(&s, 20, 5);
	b = &s.board;
	ck_assert_int_eq(board_draw(b, 3, 0, 0x6F22, 2, 1), 2);
	ck_assert_uint_eq(cell_cp(board_get(b, 3, 0)), 0x6F22);
	ck_assert_uint_eq(cell_cp(board_get(b, 4, 0)), CELL_CONT);
	ck_assert_uint_eq(cell_colour(board_get(b, 4, 0)), 2);
	ck_assert_int_eq(board_draw(b, 4, 0, 'a', 0, 0), 1);
	ck_assert_uint_eq(cell_content(board_get(b, 3, 0)), CELL_EMPTY);
	ck_assert_uint_eq(cell_content(board_get(b, 4, 0)), 'a');
	ck_assert_int_eq(board_draw(b, 6, 0, 0x6F22, 0, 0), 2);
	ck_assert_int_eq(board_draw(b, 6, 0, 'b', 0, 0), 1);
	ck_assert_uint_eq(cell_content(board_get(b, 7, 0)), CELL_EMPTY);
	ck_assert_int_eq(board_draw(b, 10, 0, 0x6F22, 0, 0), 2);
	ck_assert_int_eq(board_draw(b, 11, 0, 0, 0, 0), 1);
	ck_assert_uint_eq(cell_content(board_get(b, 10, 0)), CELL_EMPTY);
	ck_assert_uint_eq(cell_content(board_get(b, 11, 0)), CELL_EMPTY);
	ck_assert_int_eq(board_draw(b, 19, 1, 0x6F22, 0, 0), -1);
	ck_assert_uint_eq(cell_content(board_get(b, 19, 1)), CELL_EMPTY);
	ck_assert_int_eq(board_draw(b, 0, 2, 0x1B, 0, 0), -1);
	ck_assert_int_eq(board_draw(b, 0, 2, 0xD800, 0, 0), -1);
	ck_assert_uint_eq(cell_content(board_get(b, 0, 2)), CELL_EMPTY);
}
END_TEST

/* A new board is at least the default size and large enough, within the limits. */
START_TEST(test_geometry_for)
{
	struct pzerr e;
	uint32_t c, r;

	ck_assert_int_eq(board_geometry_for(0, 0, &c, &r, &e), 0);
	ck_assert_uint_eq(c, BOARD_DEF_COLS);
	ck_assert_uint_eq(r, BOARD_DEF_ROWS);
	ck_assert_int_eq(board_geometry_for(201, 3, &c, &r, &e), 0);
	ck_assert_uint_eq(c, 201);
	ck_assert_uint_eq(r, BOARD_DEF_ROWS);
	ck_assert_int_eq(board_geometry_for(10, 10000, &c, &r, &e), 0);
	ck_assert_uint_eq(c, BOARD_DEF_COLS);
	ck_assert_uint_eq(r, 10000);
	ck_assert_int_eq(board_geometry_for(10001, 1, &c, &r, &e), -1);
	ck_assert_int_eq(e.err, EFBIG);
	ck_assert_int_eq(board_geometry_for(1, 10001, &c, &r, &e), -1);
	ck_assert_int_eq(board_geometry_for(10000, 1678, &c, &r, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "16780000 cells"));
	ck_assert_int_eq(board_geometry_for(10000, 1677, &c, &r, &e), 0);
	ck_assert_int_eq(board_check_geometry(c, r, 0, &e), 0);
}
END_TEST

START_TEST(test_clear)
{
	struct segment s;
	struct pzerr e;
	char *out;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(text_load(&s.board, "abc\ndef", 7, &e), 0);
	ck_assert_uint_eq(notify_generation(&s.board), 0);
	notify_bump(&s.board);
	ck_assert_uint_eq(notify_generation(&s.board), 1);
	ck_assert_int_eq(board_clear(&s.board, &e), 0);
	ck_assert_uint_eq(notify_generation(&s.board), 1);
	notify_bump(&s.board);
	ck_assert_uint_eq(notify_generation(&s.board), 2);
	out = tu_dump_of(&s.board, false);
	ck_assert_str_eq(out, "");
	free(out);
}
END_TEST

START_TEST(test_dump_never_passes_controls)
{
	static const uint32_t hostile[] = {
		0x1B, 0x07, 0x00, 0x7F, 0x9B, 0x85, 0xD800, 0xDFFF, 0x110001, 0x1FFFFF,
		CELL_CONT, 0x0A, 0x0D, 0x08, 0x200E, 0x202E, 0x0301,
	};
	struct segment s;
	size_t i, len;
	char *out;
	uint32_t cp;
	int n;

	tu_private_board(&s, 20, 4);
	for (i = 0; i < sizeof hostile / sizeof hostile[0]; i++)
		board_set(&s.board, (uint32_t)i, 1, cell_make(hostile[i], (unsigned)i * 0x10F0Du, 127));
	board_set(&s.board, 19, 3, UINT64_MAX);
	board_set(&s.board, 18, 3, 0xFFFFFFFFu);
	for (int ansi = 0; ansi < 2; ansi++) {
		out = tu_dump_of(&s.board, ansi);
		len = strlen(out);
		ck_assert_int_eq(utf8_validate(out, len, NULL), 0);
		for (i = 0; i < len; i += (size_t)n) {
			n = utf8_decode(out + i, len - i, &cp);
			ck_assert_int_gt(n, 0);
			if (cp == 0x1B) {
				ck_assert(ansi);
				ck_assert_int_eq(out[i + 1], '[');
				continue;
			}
			ck_assert_msg(cp == '\n' || cp == 0xFFFD || (cp >= 0x20 && cp != 0x7F &&
			    !(cp >= 0x80 && cp < 0xA0)), "control U+%04X in dump", cp);
		}
		free(out);
	}
}
END_TEST

START_TEST(test_dump_ansi_colours)
{
	struct segment s;
	struct pzerr e;
	char *out;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(text_put(&s.board, 0, 0, "ab", 2, 1, 0, &e), 0);
	ck_assert_int_eq(text_put(&s.board, 2, 0, "c", 1, 12, 0, &e), 0);
	ck_assert_int_eq(text_put(&s.board, 0, 1, "plain", 5, 0, 0, &e), 0);
	out = tu_dump_of(&s.board, true);
	ck_assert_str_eq(out, "\033[31mab\033[94mc\033[0m\nplain\n");
	free(out);
	out = tu_dump_of(&s.board, false);
	ck_assert_str_eq(out, "abc\nplain\n");
	free(out);
}
END_TEST

START_TEST(test_dump_trims)
{
	struct segment s;
	char *out;

	tu_private_board(&s, 20, 6);
	board_set(&s.board, 0, 0, 'a');
	board_set(&s.board, 5, 0, ' ');
	board_set(&s.board, 3, 2, 'b');
	out = tu_dump_of(&s.board, false);
	ck_assert_str_eq(out, "a\n\n   b\n");
	free(out);
}
END_TEST

START_TEST(test_copy)
{
	const char *text = "copy 漢字 me\n  second";
	struct board_copy c;
	struct segment s;
	struct pzerr e;
	uint64_t *before;
	uint32_t r;
	char *a, *b;

	tu_private_board(&s, 20, 5);
	ck_assert_int_eq(text_put(&s.board, 1, 1, text, strlen(text), 3, 2, &e), 0);
	notify_bump(&s.board);
	ck_assert_uint_ne(board_row_stamp(&s.board, 1), 0);
	ck_assert_int_eq(board_copy(&c, &s.board, &e), 0);
	ck_assert(c.board.readonly);
	ck_assert_uint_eq(c.board.cols, 20);
	ck_assert_uint_eq(c.board.rows, 5);
	ck_assert_uint_eq(c.board.segsz, 0);
	ck_assert_ptr_eq(c.board.hdr, &c.hdr);
	ck_assert_ptr_ne(c.board.cells, s.board.cells);
	ck_assert_uint_eq(atomic_load(&c.hdr.magic), 0);
	ck_assert_uint_eq(notify_generation(&c.board), 0);
	for (r = 0; r < 5; r++)
		ck_assert_uint_eq(board_row_stamp(&c.board, r), 0);
	before = tu_snapshot(&s.board);
	ck_assert(tu_same_cells(&c.board, before));
	a = tu_dump_of(&s.board, true);
	b = tu_dump_of(&c.board, true);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	ck_assert_int_eq(board_set(&c.board, 0, 0, 'x'), -1);
	ck_assert_int_eq(text_put(&c.board, 0, 0, "x", 1, 0, 0, &e), -1);
	ck_assert_int_eq(e.err, EROFS);
	ck_assert_int_eq(board_clear(&c.board, &e), -1);
	ck_assert_int_eq(notify_bump(&c.board), 0);
	ck_assert(tu_same_cells(&c.board, before));
	ck_assert_int_eq(board_set(&s.board, 1, 1, 'X'), 0);
	ck_assert_uint_eq(cell_cp(board_get(&c.board, 1, 1)), 'c');
	ck_assert_uint_eq(cell_colour(board_get(&c.board, 1, 1)), 3);
	ck_assert_uint_eq(cell_author(board_get(&c.board, 1, 1)), 2);
	board_copy_free(&c);
	ck_assert_ptr_null(c.board.cells);
	ck_assert_uint_eq(c.board.cols, 0);
	ck_assert_uint_eq(board_get(&c.board, 1, 1), CELL_EMPTY);
	board_copy_free(&c);
	free(before);
}
END_TEST

/* board_copy reports running out of memory as a pzerr and leaves an empty copy. */
START_TEST(test_copy_out_of_memory)
{
#if defined(__SANITIZE_ADDRESS__)
	/* AddressSanitizer aborts on a failed allocation instead of returning NULL */
	return;
#else
	struct board_copy c;
	struct rlimit rl, low;
	struct segment s;
	struct pzerr e;
	unsigned long pages = 0;
	FILE *f;

	tu_private_board(&s, 2000, 2000);
	f = fopen("/proc/self/statm", "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fscanf(f, "%lu", &pages), 1);
	fclose(f);
	ck_assert_int_eq(getrlimit(RLIMIT_AS, &rl), 0);
	low = rl;
	low.rlim_cur = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + (4u << 20);
	ck_assert_int_eq(setrlimit(RLIMIT_AS, &low), 0);
	memset(&c, 0x5A, sizeof c);
	ck_assert_int_eq(board_copy(&c, &s.board, &e), -1);
	ck_assert_int_eq(setrlimit(RLIMIT_AS, &rl), 0);
	ck_assert_int_eq(e.err, ENOMEM);
	ck_assert_ptr_nonnull(strstr(e.msg, "2000x2000"));
	ck_assert_ptr_null(c.board.cells);
	ck_assert_uint_eq(c.board.cols, 0);
	board_copy_free(&c);
#endif
}
END_TEST

START_TEST(test_copy_cells)
{
	struct segment small, big;
	struct board_copy c;
	struct pzerr e;
	uint32_t stamps[5], r, col, gen;
	uint64_t *before;

	tu_private_board(&small, 20, 5);
	tu_private_board(&big, 30, 4);
	ck_assert_int_eq(text_put(&small.board, 0, 0, "abcdefghijklmnopqr漢\n1\n2\n3\nrow four", 36,
	    4, 0, &e), 0);
	ck_assert_int_eq(text_put(&big.board, 25, 0, "keep", 4, 0, 0, &e), 0);
	gen = notify_generation(&big.board);
	for (r = 0; r < 4; r++)
		stamps[r] = board_row_stamp(&big.board, r);
	board_copy_cells(&big.board, &small.board);
	for (r = 0; r < 4; r++) {
		for (col = 0; col < 20; col++) {
			/* the content as it is; the counter moves on from big's own */
			ck_assert_uint_eq(board_get(&big.board, col, r) & ~CELL_COUNTER_MASK,
			    board_get(&small.board, col, r) & ~CELL_COUNTER_MASK);
			ck_assert_uint_eq(cell_counter(board_get(&big.board, col, r)), 1);
		}
		ck_assert_uint_ne(board_row_stamp(&big.board, r), stamps[r]);
	}
	ck_assert_uint_eq(cell_cp(board_get(&big.board, 18, 0)), 0x6F22);
	ck_assert_uint_eq(cell_cp(board_get(&big.board, 19, 0)), CELL_CONT);
	ck_assert_uint_eq(cell_cp(board_get(&big.board, 20, 0)), 0);
	ck_assert_uint_eq(cell_cp(board_get(&big.board, 25, 0)), 'k');
	ck_assert_uint_eq(notify_generation(&big.board), gen);

	/* the other way: only the shared 20x4 region of the small board changes */
	ck_assert_int_eq(text_put(&big.board, 0, 0, "ZZ", 2, 0, 0, &e), 0);
	board_copy_cells(&small.board, &big.board);
	ck_assert_uint_eq(cell_cp(board_get(&small.board, 0, 0)), 'Z');
	ck_assert_uint_eq(cell_cp(board_get(&small.board, 2, 0)), 'c');
	ck_assert_uint_eq(cell_cp(board_get(&small.board, 0, 4)), 'r');

	/* from a copy in process memory into a segment */
	ck_assert_int_eq(board_copy(&c, &small.board, &e), 0);
	ck_assert_int_eq(board_clear(&big.board, &e), 0);
	board_copy_cells(&big.board, &c.board);
	for (r = 0; r < 4; r++)
		for (col = 0; col < 20; col++)
			ck_assert_uint_eq(board_get(&big.board, col, r) & ~CELL_COUNTER_MASK,
			    board_get(&c.board, col, r) & ~CELL_COUNTER_MASK);

	/* into a read-only board (a copy, or a viewer's): nothing is stored */
	before = tu_snapshot(&c.board);
	board_copy_cells(&c.board, &big.board);
	ck_assert(tu_same_cells(&c.board, before));
	ck_assert_uint_eq(board_row_stamp(&c.board, 0), 0);
	free(before);
	ck_assert_int_eq(board_clear(&big.board, &e), 0);
	before = tu_snapshot(&big.board);
	for (r = 0; r < 4; r++)
		stamps[r] = board_row_stamp(&big.board, r);
	big.board.readonly = true;
	board_copy_cells(&big.board, &small.board);
	ck_assert(tu_same_cells(&big.board, before));
	for (r = 0; r < 4; r++)
		ck_assert_uint_eq(board_row_stamp(&big.board, r), stamps[r]);
	free(before);
	board_copy_free(&c);
}
END_TEST

/* A board of layout version 1 (32-bit cells), or of a newer one, is refused saying which. */
static void
old_version(struct board_header *h)
{
	atomic_store(&h->version, 1);
}

static void
newer_version(struct board_header *h)
{
	atomic_store(&h->version, BOARD_VERSION + 1);
}

static void
garbage_version(struct board_header *h)
{
	atomic_store(&h->version, 0xdeadbeef);
}

START_TEST(test_open_refuses_other_versions)
{
	size_t v1size = sizeof(struct board_header) + (20 + 1) * 5 * 4;
	struct pzerr e;

	ck_assert_uint_eq(BOARD_VERSION, 2);
	ck_assert_int_eq(open_mutated(old_version, 0, &e), -1);
	ck_assert_int_eq(e.err, EPROTO);
	ck_assert_str_eq(e.msg, "it was made by an older pizarra (board layout version 1; this "
	    "one reads version 2, with 64-bit cells): that pizarra can still dump it");
	ck_assert_int_eq(open_mutated(newer_version, 0, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "a newer pizarra (board layout version 3"));
	ck_assert_int_eq(open_mutated(garbage_version, 0, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "corrupt pizarra header (layout version 3735928559"));
	/* the size of a version 1 segment of the same geometry is too small now */
	ck_assert_uint_lt(v1size, board_size_for(20, 5));
	ck_assert_int_eq(open_mutated(no_change, v1size, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "needs"));
	ck_assert_int_eq(open_mutated(no_change, board_size_for(20, 5) - 1, &e), -1);
	ck_assert_int_eq(open_mutated(no_change, board_size_for(20, 5), &e), 0);
	ck_assert_uint_eq(board_size_for(20, 5), sizeof(struct board_header) + 20 * 5 * 8 + 5 * 4);
}
END_TEST

/* Every writer bumps the cell's write counter; board_set stores words as they are. */
START_TEST(test_write_counter)
{
	struct segment s;
	struct pzerr e;
	struct board *b;
	uint64_t before, after;

	tu_private_board(&s, 20, 5);
	b = &s.board;
	ck_assert_int_eq(board_draw(b, 1, 1, 'x', 3, 2), 1);
	ck_assert_uint_eq(board_get(b, 1, 1), cell_make('x', 3, 2) | 1ull << CELL_COUNTER_SHIFT);
	/* the same character again: the same content, another word */
	ck_assert_int_eq(board_draw(b, 1, 1, 'x', 3, 2), 1);
	ck_assert_uint_eq(cell_counter(board_get(b, 1, 1)), 2);
	ck_assert_uint_eq(cell_content(board_get(b, 1, 1)), cell_make('x', 3, 2));
	ck_assert_int_eq(text_put(b, 1, 1, "y", 1, 0, 0, &e), 0);
	ck_assert_uint_eq(cell_counter(board_get(b, 1, 1)), 3);
	ck_assert_int_eq(board_draw(b, 1, 1, 0, 0, 0), 1);
	ck_assert_uint_eq(cell_cp(board_get(b, 1, 1)), 0);
	ck_assert_uint_eq(cell_content(board_get(b, 1, 1)), CELL_EMPTY);
	ck_assert_uint_eq(cell_counter(board_get(b, 1, 1)), 4);
	ck_assert_int_eq(board_clear(b, &e), 0);
	ck_assert_uint_eq(cell_counter(board_get(b, 1, 1)), 5);
	ck_assert_uint_eq(cell_counter(board_get(b, 0, 0)), 1);
	ck_assert_int_eq(text_load(b, "\n z", 3, &e), 0);
	ck_assert_uint_eq(board_get(b, 1, 1), 'z' | 6ull << CELL_COUNTER_SHIFT);
	ck_assert_uint_eq(cell_counter(board_get(b, 0, 0)), 2);
	/* the counter wraps */
	ck_assert_int_eq(board_set(b, 2, 2, cell_make('w', 0, 0) | CELL_COUNTER_MASK), 0);
	ck_assert_uint_eq(cell_counter(board_get(b, 2, 2)), 65535);
	ck_assert_int_eq(board_write(b, 2, 2, cell_make('v', 1, 1), &before, &after), 0);
	ck_assert_uint_eq(before, cell_make('w', 0, 0) | CELL_COUNTER_MASK);
	ck_assert_uint_eq(after, cell_make('v', 1, 1));
	ck_assert_uint_eq(board_get(b, 2, 2), after);
	/* a counter in the value is not stored: the old word's is */
	ck_assert_int_eq(board_write(b, 2, 2, cell_make('u', 1, 1) | CELL_COUNTER_MASK, NULL,
	    &after), 0);
	ck_assert_uint_eq(after, cell_make('u', 1, 1) | 1ull << CELL_COUNTER_SHIFT);
	ck_assert_int_eq(board_write(b, 20, 0, 'a', &before, &after), -1);
	b->readonly = true;
	ck_assert_int_eq(board_write(b, 0, 0, 'a', NULL, NULL), -1);
	ck_assert_uint_eq(cell_counter(board_get(b, 0, 0)), 2);
}
END_TEST

/* board_draw_log says what each draw changed, wide halves it cut included. */
START_TEST(test_draw_log)
{
	struct board_change log[BOARD_DRAW_CHANGES];
	struct segment s;
	struct board *b;
	size_t n = 99, i;

	tu_private_board(&s, 20, 5);
	b = &s.board;
	ck_assert_int_eq(board_draw_log(b, 2, 0, 0x6F22, 4, 3, log, &n), 2);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(log[0].col, 3);
	ck_assert_uint_eq(log[0].before, CELL_EMPTY);
	ck_assert_uint_eq(log[0].after, cell_make(CELL_CONT, 4, 3) | 1ull << CELL_COUNTER_SHIFT);
	ck_assert_uint_eq(log[1].col, 2);
	ck_assert_uint_eq(log[1].after, board_get(b, 2, 0));
	ck_assert_int_eq(board_draw_log(b, 4, 0, 0x6F22, 5, 3, log, &n), 2);
	/* a wide character over the right half of another: 4 cells change */
	ck_assert_int_eq(board_draw_log(b, 3, 0, 0x6F22, 6, 4, log, &n), 2);
	ck_assert_uint_eq(n, 4);
	ck_assert_uint_eq(log[0].col, 2);
	ck_assert_uint_eq(cell_cp(log[0].before), 0x6F22);
	ck_assert_uint_eq(cell_content(log[0].after), CELL_EMPTY);
	ck_assert_uint_eq(log[1].col, 5);
	ck_assert_uint_eq(cell_cp(log[1].before), CELL_CONT);
	ck_assert_uint_eq(log[2].col, 4);
	ck_assert_uint_eq(log[3].col, 3);
	for (i = 0; i < n; i++) {
		ck_assert_uint_eq(log[i].row, 0);
		ck_assert_uint_eq(board_get(b, log[i].col, 0), log[i].after);
		ck_assert_uint_eq(cell_counter(log[i].after), cell_counter(log[i].before) + 1);
	}
	ck_assert_int_eq(board_draw_log(b, 19, 0, 0x6F22, 0, 0, log, &n), -1);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(board_draw_log(b, 0, 1, 'q', 0, 0, NULL, NULL), 1);
}
END_TEST

/* CAS of one cell: it stores only over exactly the word expected. */
START_TEST(test_cas_cell)
{
	struct segment s;
	struct board *b;
	uint64_t mine, undo, w;
	uint32_t stamp;

	tu_private_board(&s, 20, 5);
	b = &s.board;
	ck_assert_int_eq(board_draw(b, 5, 2, 'p', 1, 9), 1);
	undo = board_get(b, 5, 2);
	ck_assert_int_eq(board_write(b, 5, 2, cell_make('m', 2, 3), NULL, &mine), 0);
	/* nobody changed it: the undo lands, with the counter moving on */
	stamp = board_row_stamp(b, 2);
	ck_assert(board_cas_cell(b, 5, 2, mine, cell_next(mine, undo)));
	ck_assert_uint_ne(board_row_stamp(b, 2), stamp);
	ck_assert_uint_eq(cell_content(board_get(b, 5, 2)), cell_make('p', 1, 9));
	ck_assert_uint_eq(cell_counter(board_get(b, 5, 2)), 3);
	/* the ABA case: someone wrote the very same content again since */
	ck_assert_int_eq(board_write(b, 5, 2, cell_make('m', 2, 3), NULL, &mine), 0);
	ck_assert_int_eq(board_draw(b, 5, 2, 'o', 4, 4), 1);
	ck_assert_int_eq(board_draw(b, 5, 2, 'm', 2, 3), 1);
	w = board_get(b, 5, 2);
	ck_assert_uint_eq(cell_content(w), cell_content(mine));
	stamp = board_row_stamp(b, 2);
	ck_assert(!board_cas_cell(b, 5, 2, mine, cell_next(mine, undo)));
	ck_assert_uint_eq(board_get(b, 5, 2), w);
	ck_assert_uint_eq(board_row_stamp(b, 2), stamp);
	ck_assert(board_cas_cell(b, 5, 2, w, 'k'));
	ck_assert_uint_eq(board_get(b, 5, 2), 'k');
	ck_assert(!board_cas_cell(b, 20, 2, CELL_EMPTY, 'k'));
	ck_assert(!board_cas_cell(b, 0, 5, CELL_EMPTY, 'k'));
	ck_assert(!board_cas_cell(b, UINT32_MAX, UINT32_MAX, CELL_EMPTY, 'k'));
	b->readonly = true;
	ck_assert(!board_cas_cell(b, 5, 2, 'k', 'j'));
	ck_assert_uint_eq(board_get(b, 5, 2), 'k');
}
END_TEST

#define CAS_ROUNDS 20000

/* Add one to the code point at (0, 0) by CAS, retrying; the failures. */
static unsigned long
cas_increments(const struct board *b, int rounds)
{
	unsigned long failed = 0;
	uint64_t w;
	int i;

	for (i = 0; i < rounds; i++) {
		do {
			w = board_get(b, 0, 0);
		} while (!board_cas_cell(b, 0, 0, w, cell_next(w, cell_make(cell_cp(w) + 1, 0, 0))) &&
		    ++failed);
	}
	return failed;
}

/* Under a concurrent writer: a CAS over a word read before its write fails, and none is lost. */
START_TEST(test_cas_concurrent_writer)
{
	struct segment s;
	struct board *b;
	int go[2], done[2], status;
	uint64_t seen, theirs;
	char c = 0;
	pid_t pid;

	tu_private_board(&s, 20, 5);
	b = &s.board;
	ck_assert_int_eq(pipe(go), 0);
	ck_assert_int_eq(pipe(done), 0);
	ck_assert_int_eq(board_draw(b, 3, 3, 'a', 0, 1), 1);
	seen = board_get(b, 3, 3);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		/* the other writer: one write when told, then increments against ours */
		if (read(go[0], &c, 1) != 1 || board_draw(b, 3, 3, 'b', 0, 2) != 1 ||
		    write(done[1], &c, 1) != 1 || read(go[0], &c, 1) != 1)
			_exit(1);
		cas_increments(b, CAS_ROUNDS);
		_exit(0);
	}
	ck_assert_int_eq(write(go[1], &c, 1), 1);
	ck_assert_int_eq(read(done[0], &c, 1), 1);
	theirs = board_get(b, 3, 3);
	ck_assert_uint_eq(cell_cp(theirs), 'b');
	ck_assert(!board_cas_cell(b, 3, 3, seen, cell_next(seen, CELL_EMPTY)));
	ck_assert_uint_eq(board_get(b, 3, 3), theirs);
	ck_assert(board_cas_cell(b, 3, 3, theirs, cell_next(theirs, CELL_EMPTY)));
	/* both increment the same cell: every increment lands exactly once */
	ck_assert(board_cas_cell(b, 0, 0, CELL_EMPTY, 0x100));
	ck_assert_int_eq(write(go[1], &c, 1), 1);
	cas_increments(b, CAS_ROUNDS);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_uint_eq(cell_cp(board_get(b, 0, 0)), 0x100 + 2 * CAS_ROUNDS);
	ck_assert_uint_eq(cell_counter(board_get(b, 0, 0)), 2 * CAS_ROUNDS % CELL_COUNTERS);
}
END_TEST

/* dump --ansi: 256 colours, backgrounds and attributes; a blank with a background is no blank. */
START_TEST(test_dump_ansi_styles)
{
	struct segment s;
	struct pzerr e;
	char *out;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(text_put(&s.board, 0, 0, "a", 1, cell_style(200, 0, 0), 0, &e), 0);
	ck_assert_int_eq(text_put(&s.board, 1, 0, "b", 1, cell_style(1, 4, CELL_BOLD), 0, &e), 0);
	ck_assert_int_eq(text_put(&s.board, 2, 0, "c", 1, cell_style(0, 0, CELL_UNDERLINE |
	    CELL_REVERSE | CELL_ITALIC), 0, &e), 0);
	ck_assert_int_eq(text_put(&s.board, 3, 0, "d", 1, cell_style(0, 0, 0), 0, &e), 0);
	ck_assert_int_eq(text_put(&s.board, 0, 1, "e  ", 3, cell_style(9, 234, 0), 0, &e), 0);
	ck_assert_int_eq(text_put(&s.board, 0, 2, "f", 1, cell_style(CELL_BLACK, 15, 0), 0, &e), 0);
	ck_assert_int_eq(text_put(&s.board, 1, 2, "g", 1, cell_style(0, 15, 0), 0, &e), 0);
	out = tu_dump_of(&s.board, true);
	ck_assert_str_eq(out, "\033[38;5;200ma\033[1;31;44mb\033[0;3;4;7mc\033[0md\n"
	    "\033[91;48;5;234me  \033[0m\n"
	    "\033[38;5;16;107mf\033[39;107mg\033[0m\n");
	free(out);
	/* the spaces with a background are kept; plain, the same text */
	out = tu_dump_of(&s.board, false);
	ck_assert_str_eq(out, "abcd\ne  \nfg\n");
	free(out);
}
END_TEST

/* The board suite. */
static Suite *
board_suite(void)
{
	Suite *s = suite_create("board");
	TCase *tc = tcase_create("model");

	tcase_add_test(tc, test_geometry_limits);
	tcase_add_test(tc, test_init_publishes);
	tcase_add_test(tc, test_wait_ready_times_out);
	tcase_add_test(tc, test_open_validates);
	tcase_add_test(tc, test_check_sees_changes);
	tcase_add_test(tc, test_get_set_bounds);
	tcase_add_test(tc, test_row_stamps);
	tcase_add_test(tc, test_draw_wide);
	tcase_add_test(tc, test_geometry_for);
	tcase_add_test(tc, test_clear);
	tcase_add_test(tc, test_dump_never_passes_controls);
	tcase_add_test(tc, test_dump_ansi_colours);
	tcase_add_test(tc, test_dump_trims);
	tcase_add_test(tc, test_copy);
	tcase_add_test(tc, test_copy_out_of_memory);
	tcase_add_test(tc, test_copy_cells);
	tcase_add_test(tc, test_open_refuses_other_versions);
	tcase_add_test(tc, test_write_counter);
	tcase_add_test(tc, test_draw_log);
	tcase_add_test(tc, test_cas_cell);
	tcase_add_test(tc, test_cas_concurrent_writer);
	tcase_add_test(tc, test_dump_ansi_styles);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(board_suite());
}
