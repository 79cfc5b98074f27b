/*
 * check_addr.c - unit tests of how a board is named (addr.h): ftok naming
 * (key, device and inode recorded and traced, a missing key file or a bad
 * project id refused), the default board's name, and the name spelled in
 * messages and as the options of a hint.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <unistd.h>

#include "addr.h"
#include "checkutil.h"

START_TEST(test_ftok_naming)
{
	char path[] = "/tmp/pizarra-check-XXXXXX";
	struct addr a;
	struct trace t;
	struct pzerr e;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	close(fd);
	trace_init(&t);
	addr_default(&a);
	snprintf(a.path, sizeof a.path, "%s", path);
	a.proj = 7;
	ck_assert_int_eq(addr_resolve(&a, &t, &e), 0);
	ck_assert_int_eq(a.key, ftok(path, 7));
	ck_assert_uint_eq((a.key >> 24) & 0xff, 7);
	ck_assert_uint_eq(a.key & 0xffff, a.ino & 0xffff);
	ck_assert(tu_trace_has(&t, "ftok(\""));
	unlink(path);
	addr_default(&a);
	snprintf(a.path, sizeof a.path, "%s", path);
	ck_assert_int_eq(addr_resolve(&a, NULL, &e), -1);
	ck_assert_int_eq(e.err, ENOENT);
	ck_assert_ptr_nonnull(strstr(e.msg, path));
	addr_default(&a);
	a.proj = 256;
	ck_assert_int_eq(addr_resolve(&a, NULL, &e), -1);
}
END_TEST

START_TEST(test_default_address)
{
	struct addr a;
	struct pzerr e;
	char name[64];

	addr_default(&a);
	ck_assert_int_eq(a.how, ADDR_BY_FTOK);
	ck_assert_str_eq(a.path, ADDR_DEFAULT_PATH);
	ck_assert_int_eq(a.proj, ADDR_DEFAULT_PROJ);
	ck_assert_int_eq(addr_resolve(&a, NULL, &e), 0);
	ck_assert_int_eq(a.key, ftok(ADDR_DEFAULT_PATH, ADDR_DEFAULT_PROJ));
	addr_name(&a, name, sizeof name);
	ck_assert_ptr_nonnull(strstr(name, "key 0x"));
}
END_TEST

/* A hint names the board with the options that named it, never the default board. */
START_TEST(test_addr_options)
{
	struct addr a;
	char buf[256];

	addr_default(&a);
	ck_assert_str_eq(addr_options(&a, buf, sizeof buf), "");
	a.proj = 113;
	ck_assert_str_eq(addr_options(&a, buf, sizeof buf), " -p 113");
	snprintf(a.path, sizeof a.path, "/home/ana/key");
	ck_assert_str_eq(addr_options(&a, buf, sizeof buf), " -f /home/ana/key -p 113");
	a.proj = ADDR_DEFAULT_PROJ;
	snprintf(a.path, sizeof a.path, "/tmp/it's here");
	ck_assert_str_eq(addr_options(&a, buf, sizeof buf), " -f '/tmp/it'\\''s here'");
	snprintf(a.path, sizeof a.path, "/tmp/a\033]0;x\007");
	ck_assert_str_eq(addr_options(&a, buf, sizeof buf), " -f '/tmp/a\\e]0;x\\x07'");
	a.resolved = false;
	ck_assert_str_eq(addr_name(&a, buf, sizeof buf), "ftok(\"/tmp/a\\e]0;x\\x07\", 112)");
	a.how = ADDR_BY_KEY;
	a.key = 0x1234;
	ck_assert_str_eq(addr_options(&a, buf, sizeof buf), " -k 0x00001234");
	a.how = ADDR_BY_SHMID;
	a.shmid = 98307;
	ck_assert_str_eq(addr_options(&a, buf, sizeof buf), " -i 98307");
	ck_assert_str_eq(addr_options(&a, buf, 6), " -i 9");
}
END_TEST

/* The addr suite. */
static Suite *
addr_suite(void)
{
	Suite *s = suite_create("addr");
	TCase *tc = tcase_create("naming");

	tcase_add_test(tc, test_ftok_naming);
	tcase_add_test(tc, test_default_address);
	tcase_add_test(tc, test_addr_options);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(addr_suite());
}
