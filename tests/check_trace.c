/*
 * check_trace.c - unit tests of the trace module (trace.h): an empty log;
 * entries read back newest first with their failed flag, text and time;
 * NULL past the last entry and past the ring size; the ring wrapping after
 * more than TRACE_ENTRIES adds; long texts truncated inside the entry; a
 * NULL trace being a no-op; the spelling of shmget flags
 * ("IPC_CREAT|IPC_EXCL|0600", "0") and shmat flags ("SHM_RDONLY", "0"),
 * including small output buffers; and errno names ("EEXIST") with a
 * number for values that have no name.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <time.h>

#include "checkutil.h"
#include "trace.h"

/* The current CLOCK_REALTIME in milliseconds. */
static uint64_t
now_ms(void)
{
	struct timespec ts;

	ck_assert_int_eq(clock_gettime(CLOCK_REALTIME, &ts), 0);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Spell shmget flags into a roomy buffer and compare. */
static void
check_shmget(int flags, const char *want)
{
	char out[128];

	memset(out, 'Z', sizeof out);
	trace_shmget_flags(flags, out, (int)sizeof out);
	ck_assert_msg(strcmp(out, want) == 0, "shmget flags %#o: got \"%s\", expected \"%s\"",
	    (unsigned)flags, out, want);
}

/* Spell shmat flags into a roomy buffer and compare. */
static void
check_shmat(int flags, const char *want)
{
	char out[128];

	memset(out, 'Z', sizeof out);
	trace_shmat_flags(flags, out, (int)sizeof out);
	ck_assert_msg(strcmp(out, want) == 0, "shmat flags %#o: got \"%s\", expected \"%s\"",
	    (unsigned)flags, out, want);
}

/* A new log has no entries. */
START_TEST(test_empty)
{
	struct trace t;

	memset(&t, 0x5A, sizeof t);
	trace_init(&t);
	ck_assert_uint_eq(t.count, 0);
	ck_assert_ptr_null(trace_get(&t, 0));
	ck_assert_ptr_null(trace_get(&t, 1));
	ck_assert_ptr_null(trace_get(&t, TRACE_ENTRIES));
}
END_TEST

/* Entries come back newest first with their text, flag and a current time. */
START_TEST(test_order_newest_first)
{
	const struct trace_entry *en;
	uint64_t before, after;
	struct trace t;

	trace_init(&t);
	before = now_ms();
	trace_add(&t, 0, "shmget(0x%08x, %d, %s) = %d", 0x70010002u, 48832, "IPC_CREAT|IPC_EXCL|0600", 98307);
	trace_add(&t, 1, "shmat(%d, NULL, %s) = -1 %s", 98307, "0", "EACCES");
	trace_add(&t, 0, "third");
	after = now_ms();
	ck_assert_uint_eq(t.count, 3);

	en = trace_get(&t, 0);
	ck_assert_ptr_nonnull(en);
	ck_assert_str_eq(en->text, "third");
	ck_assert_int_eq(en->failed, 0);
	en = trace_get(&t, 1);
	ck_assert_ptr_nonnull(en);
	ck_assert_str_eq(en->text, "shmat(98307, NULL, 0) = -1 EACCES");
	ck_assert_int_ne(en->failed, 0);
	en = trace_get(&t, 2);
	ck_assert_ptr_nonnull(en);
	ck_assert_str_eq(en->text, "shmget(0x70010002, 48832, IPC_CREAT|IPC_EXCL|0600) = 98307");
	ck_assert_int_eq(en->failed, 0);
	ck_assert_uint_ge(en->when_ms, before);
	ck_assert_uint_le(en->when_ms, after);
	ck_assert_uint_le(en->when_ms, trace_get(&t, 0)->when_ms);

	ck_assert_ptr_null(trace_get(&t, 3));
	ck_assert_ptr_null(trace_get(&t, 4));
	ck_assert_ptr_null(trace_get(&t, TRACE_ENTRIES - 1));
	ck_assert_ptr_null(trace_get(&t, 0xFFFFFFFFu));
}
END_TEST

/* Exactly TRACE_ENTRIES entries are all kept. */
START_TEST(test_full_ring)
{
	const struct trace_entry *en;
	struct trace t;
	char want[32];
	unsigned i;

	trace_init(&t);
	for (i = 0; i < TRACE_ENTRIES; i++)
		trace_add(&t, (int)(i & 1), "entry %u", i);
	for (i = 0; i < TRACE_ENTRIES; i++) {
		en = trace_get(&t, i);
		ck_assert_ptr_nonnull(en);
		snprintf(want, sizeof want, "entry %u", TRACE_ENTRIES - 1 - i);
		ck_assert_str_eq(en->text, want);
		ck_assert_int_eq(en->failed, (int)((TRACE_ENTRIES - 1 - i) & 1));
	}
	ck_assert_ptr_null(trace_get(&t, TRACE_ENTRIES));
}
END_TEST

/* After more than TRACE_ENTRIES adds, the newest TRACE_ENTRIES remain, newest first. */
START_TEST(test_wrap_around)
{
	const struct trace_entry *en;
	unsigned total, i;
	struct trace t;
	char want[32];

	for (total = TRACE_ENTRIES + 1; total <= 5 * TRACE_ENTRIES + 7; total += TRACE_ENTRIES / 2 + 1) {
		trace_init(&t);
		for (i = 0; i < total; i++)
			trace_add(&t, i % 3 == 0, "entry %u", i);
		ck_assert_uint_eq(t.count, total);
		for (i = 0; i < TRACE_ENTRIES; i++) {
			en = trace_get(&t, i);
			ck_assert_ptr_nonnull(en);
			snprintf(want, sizeof want, "entry %u", total - 1 - i);
			ck_assert_msg(strcmp(en->text, want) == 0, "after %u adds, get(%u) = \"%s\", expected \"%s\"",
			    total, i, en->text, want);
			ck_assert_int_eq(en->failed != 0, (total - 1 - i) % 3 == 0);
		}
		ck_assert_ptr_null(trace_get(&t, TRACE_ENTRIES));
		ck_assert_ptr_null(trace_get(&t, total - 1));
	}
}
END_TEST

/* A text longer than an entry is cut, NUL-terminated, and the next entry is intact. */
START_TEST(test_long_text_truncated)
{
	const struct trace_entry *en;
	char big[3 * TRACE_TEXT];
	struct trace t;

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	trace_init(&t);
	trace_add(&t, 0, "%s", big);
	trace_add(&t, 1, "after");
	en = trace_get(&t, 1);
	ck_assert_ptr_nonnull(en);
	ck_assert_uint_eq(strlen(en->text), TRACE_TEXT - 1);
	ck_assert_int_eq(strncmp(en->text, big, TRACE_TEXT - 1), 0);
	en = trace_get(&t, 0);
	ck_assert_str_eq(en->text, "after");
	ck_assert_int_ne(en->failed, 0);
}
END_TEST

/* A NULL trace accepts adds and has no entries. */
START_TEST(test_null_trace)
{
	trace_add(NULL, 0, "nothing %d", 1);
	trace_add(NULL, 1, "%s", "still nothing");
	ck_assert_ptr_null(trace_get(NULL, 0));
	ck_assert_ptr_null(trace_get(NULL, 5));
}
END_TEST

/* shmget flags are spelled by name with the permission bits in octal. */
START_TEST(test_shmget_flags)
{
	check_shmget(IPC_CREAT | IPC_EXCL | 0600, "IPC_CREAT|IPC_EXCL|0600");
	check_shmget(0, "0");
	check_shmget(IPC_CREAT | 0644, "IPC_CREAT|0644");
	check_shmget(IPC_CREAT, "IPC_CREAT");
	check_shmget(IPC_EXCL, "IPC_EXCL");
	check_shmget(IPC_CREAT | IPC_EXCL, "IPC_CREAT|IPC_EXCL");
	check_shmget(0600, "0600");
	check_shmget(0400, "0400");
	check_shmget(0777, "0777");
	check_shmget(IPC_CREAT | IPC_EXCL | 0660, "IPC_CREAT|IPC_EXCL|0660");
}
END_TEST

/* shmat flags are spelled by name, "0" for none. */
START_TEST(test_shmat_flags)
{
	check_shmat(0, "0");
	check_shmat(SHM_RDONLY, "SHM_RDONLY");
	check_shmat(SHM_RND, "SHM_RND");
	check_shmat(SHM_RDONLY | SHM_RND, "SHM_RDONLY|SHM_RND");
	check_shmat(SHM_REMAP, "SHM_REMAP");
}
END_TEST

/* Small output buffers get a NUL-terminated prefix and nothing past their size. */
START_TEST(test_flags_small_buffer)
{
	char out[16];
	int sz;

	for (sz = 1; sz <= 12; sz++) {
		memset(out, 'Z', sizeof out);
		trace_shmget_flags(IPC_CREAT | IPC_EXCL | 0600, out, sz);
		ck_assert_uint_eq(strlen(out), (size_t)sz - 1);
		ck_assert_int_eq(strncmp(out, "IPC_CREAT|IPC_EXCL|0600", (size_t)sz - 1), 0);
		ck_assert_int_eq(out[sz], 'Z');
		memset(out, 'Z', sizeof out);
		trace_shmat_flags(SHM_RDONLY | SHM_RND, out, sz);
		ck_assert_uint_eq(strlen(out), (size_t)sz - 1);
		ck_assert_int_eq(strncmp(out, "SHM_RDONLY|SHM_RND", (size_t)sz - 1), 0);
		ck_assert_int_eq(out[sz], 'Z');
	}
}
END_TEST

/* Errno values of the segment calls are spelled by their symbolic names. */
START_TEST(test_errname_known)
{
	ck_assert_str_eq(trace_errname(EEXIST), "EEXIST");
	ck_assert_str_eq(trace_errname(ENOENT), "ENOENT");
	ck_assert_str_eq(trace_errname(EACCES), "EACCES");
	ck_assert_str_eq(trace_errname(EINVAL), "EINVAL");
	ck_assert_str_eq(trace_errname(ENOMEM), "ENOMEM");
	ck_assert_str_eq(trace_errname(ENOSPC), "ENOSPC");
	ck_assert_str_eq(trace_errname(EPERM), "EPERM");
	ck_assert_str_eq(trace_errname(EIDRM), "EIDRM");
}
END_TEST

/* Values with no name are spelled as their decimal number. */
START_TEST(test_errname_unknown)
{
	char want[16];
	const char *name;

	ck_assert_str_eq(trace_errname(98765), "98765");
	ck_assert_str_eq(trace_errname(-3), "-3");
	name = trace_errname(4095);
	snprintf(want, sizeof want, "%d", 4095);
	ck_assert_str_eq(name, want);
	ck_assert_str_eq(trace_errname(EEXIST), "EEXIST");
}
END_TEST

/* The trace suite. */
static Suite *
trace_suite(void)
{
	Suite *s = suite_create("trace");
	TCase *ring = tcase_create("ring");
	TCase *names = tcase_create("names");

	tcase_add_test(ring, test_empty);
	tcase_add_test(ring, test_order_newest_first);
	tcase_add_test(ring, test_full_ring);
	tcase_add_test(ring, test_wrap_around);
	tcase_add_test(ring, test_long_text_truncated);
	tcase_add_test(ring, test_null_trace);
	suite_add_tcase(s, ring);
	tcase_add_test(names, test_shmget_flags);
	tcase_add_test(names, test_shmat_flags);
	tcase_add_test(names, test_flags_small_buffer);
	tcase_add_test(names, test_errname_known);
	tcase_add_test(names, test_errname_unknown);
	suite_add_tcase(s, names);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(trace_suite());
}
