/*
 * check_logind.c - unit tests of the logind module on fake trees: systemd's
 * default (RemoveIPC=yes), RemoveIPC=no in logind.conf, drop-ins that
 * override it (read by name across /etc, /run, /usr/local/lib and
 * /usr/lib, the first directory masking the others, an empty one masking
 * too), the [Login] section only, comments, continuation lines, booleans
 * in any spelling and values systemd ignores, system users (uid 0 and up
 * to 999) and lingering users exempt, no systemd at all, and the warning's
 * wording with its two ways out.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checkutil.h"
#include "logind.h"

static char root[256];

/* Make a fresh fake root with systemd in use (ROOT/run/systemd/system). */
static void
tree(bool systemd)
{
	char cmd[512];

	snprintf(root, sizeof root, "/tmp/pizarra-logind.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
	if (systemd) {
		snprintf(cmd, sizeof cmd, "mkdir -p '%s/run/systemd/system'", root);
		ck_assert_int_eq(system(cmd), 0);
	}
}

/* Remove the fake root. */
static void
untree(void)
{
	char cmd[512];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	ck_assert_int_eq(system(cmd), 0);
}

/* Write ROOT/rel with text (its directories made). */
static void
put(const char *rel, const char *text)
{
	char path[512], cmd[1024], *slash;
	FILE *f;

	snprintf(path, sizeof path, "%s%s", root, rel);
	slash = strrchr(path, '/');
	*slash = '\0';
	snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
	ck_assert_int_eq(system(cmd), 0);
	*slash = '/';
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

/* Remove ROOT/rel. */
static void
unput(const char *rel)
{
	char path[512];

	snprintf(path, sizeof path, "%s%s", root, rel);
	ck_assert_int_eq(unlink(path), 0);
}

/* The verdict for uid under the fake root. */
static struct logind_ipc
verdict(uid_t uid)
{
	struct logind_ipc v;

	logind_check(root, uid, &v);
	return v;
}

START_TEST(test_default_removes)
{
	struct logind_ipc v;

	tree(true);
	v = verdict(1000);
	ck_assert(v.in_use);
	ck_assert(v.remove_ipc);
	ck_assert_str_eq(v.from, "");
	ck_assert(!v.system_user);
	ck_assert(v.removes);
	/* a logind.conf with everything commented out, as Debian ships it */
	put("/etc/systemd/logind.conf", "[Login]\n#RemoveIPC=no\n;RemoveIPC=no\n");
	v = verdict(1000);
	ck_assert(v.removes);
	ck_assert_str_eq(v.from, "");
	untree();
}
END_TEST

START_TEST(test_no_in_logind_conf)
{
	struct logind_ipc v;

	tree(true);
	put("/etc/systemd/logind.conf", "# comment\n[Login]\n  RemoveIPC = no  \n");
	v = verdict(1000);
	ck_assert(!v.remove_ipc);
	ck_assert(!v.removes);
	ck_assert_str_eq(v.from, "/etc/systemd/logind.conf");
	/* only the [Login] section counts */
	put("/etc/systemd/logind.conf", "[Other]\nRemoveIPC=no\n[Login]\nKillUserProcesses=no\n");
	v = verdict(1000);
	ck_assert(v.removes);
	/* booleans in every spelling systemd takes; anything else is ignored */
	put("/etc/systemd/logind.conf", "[Login]\nRemoveIPC=OFF\n");
	ck_assert(!verdict(1000).remove_ipc);
	put("/etc/systemd/logind.conf", "[Login]\nRemoveIPC=0\n");
	ck_assert(!verdict(1000).remove_ipc);
	put("/etc/systemd/logind.conf", "[Login]\nRemoveIPC=f\n");
	ck_assert(!verdict(1000).remove_ipc);
	put("/etc/systemd/logind.conf", "[Login]\nRemoveIPC=no\nRemoveIPC=maybe\n");
	ck_assert(!verdict(1000).remove_ipc);
	put("/etc/systemd/logind.conf", "[Login]\nRemoveIPC=no\nRemoveIPC=True\n");
	ck_assert(verdict(1000).remove_ipc);
	/* a continued line is one line */
	put("/etc/systemd/logind.conf", "[Login]\nKillExcludeUsers=root \\\nRemoveIPC=no\n");
	ck_assert(verdict(1000).remove_ipc);
	untree();
}
END_TEST

START_TEST(test_dropins_override)
{
	struct logind_ipc v;

	tree(true);
	put("/etc/systemd/logind.conf", "[Login]\nRemoveIPC=yes\n");
	put("/usr/lib/systemd/logind.conf.d/50-vendor.conf", "[Login]\nRemoveIPC=no\n");
	v = verdict(1000);
	ck_assert(!v.remove_ipc);
	ck_assert_str_eq(v.from, "/usr/lib/systemd/logind.conf.d/50-vendor.conf");
	/* read by name across directories: 60 in /run comes after 50 in /usr/lib */
	put("/run/systemd/logind.conf.d/60-later.conf", "[Login]\nRemoveIPC=yes\n");
	v = verdict(1000);
	ck_assert(v.remove_ipc);
	ck_assert_str_eq(v.from, "/run/systemd/logind.conf.d/60-later.conf");
	/* the same name in /etc masks /run's */
	put("/etc/systemd/logind.conf.d/60-later.conf", "[Login]\nRemoveIPC=no\n");
	v = verdict(1000);
	ck_assert(!v.remove_ipc);
	ck_assert_str_eq(v.from, "/etc/systemd/logind.conf.d/60-later.conf");
	/* an empty one masks too: /run's yes is gone, 50-vendor's no stands */
	put("/etc/systemd/logind.conf.d/60-later.conf", "");
	v = verdict(1000);
	ck_assert(!v.remove_ipc);
	ck_assert_str_eq(v.from, "/usr/lib/systemd/logind.conf.d/50-vendor.conf");
	/* without /etc's, /run's counts again */
	unput("/etc/systemd/logind.conf.d/60-later.conf");
	v = verdict(1000);
	ck_assert(v.remove_ipc);
	ck_assert_str_eq(v.from, "/run/systemd/logind.conf.d/60-later.conf");
	put("/run/systemd/logind.conf.d/60-later.conf", "# nothing\n");
	ck_assert(!verdict(1000).remove_ipc);
	/* only *.conf files are drop-ins */
	put("/etc/systemd/logind.conf.d/90-x.conf.bak", "[Login]\nRemoveIPC=yes\n");
	ck_assert(!verdict(1000).remove_ipc);
	put("/usr/local/lib/systemd/logind.conf.d/99-local.conf", "[Login]\nRemoveIPC=yes\n");
	ck_assert(verdict(1000).remove_ipc);
	untree();
}
END_TEST

START_TEST(test_system_and_lingering_users)
{
	struct passwd *pw = getpwuid(65534);
	struct logind_ipc v;
	char rel[300];

	tree(true);
	v = verdict(0);
	ck_assert(v.system_user);
	ck_assert(!v.removes);
	ck_assert(verdict(LOGIND_SYS_UID_MAX).system_user);
	ck_assert(!verdict(LOGIND_SYS_UID_MAX).removes);
	ck_assert(verdict(LOGIND_SYS_UID_MAX + 1).removes);
	if (pw != NULL) {
		ck_assert(verdict(65534).removes);
		snprintf(rel, sizeof rel, "/var/lib/systemd/linger/%s", pw->pw_name);
		put(rel, "");
		v = verdict(65534);
		ck_assert(v.lingering);
		ck_assert(!v.removes);
	}
	untree();
}
END_TEST

START_TEST(test_no_systemd)
{
	struct logind_ipc v;

	tree(false);
	put("/etc/systemd/logind.conf", "[Login]\nRemoveIPC=yes\n");
	v = verdict(1000);
	ck_assert(!v.in_use);
	ck_assert(v.remove_ipc);
	ck_assert(!v.removes);
	/* a file, not a directory, is no systemd either */
	put("/run/systemd/system", "");
	ck_assert(!verdict(1000).in_use);
	untree();
}
END_TEST

START_TEST(test_warning)
{
	struct logind_ipc v;
	char buf[600];

	tree(true);
	v = verdict(1000);
	logind_warning(&v, "alice", " -k 0x00001234", buf, sizeof buf);
	ck_assert_str_eq(buf, "systemd-logind removes this board when alice's last login "
	    "session ends if no process has it attached then (RemoveIPC=yes, systemd's "
	    "default); to keep it, put RemoveIPC=no under [Login] in a drop-in such as "
	    "/etc/systemd/logind.conf.d/pizarra.conf and run `systemctl restart "
	    "systemd-logind`, or give the board to a system user (uid 999 at most, such as "
	    "root) with `pizarra -k 0x00001234 chown root`");
	put("/etc/systemd/logind.conf", "[Login]\nRemoveIPC=yes\n");
	v = verdict(1000);
	logind_warning(&v, "alice", "", buf, sizeof buf);
	ck_assert_ptr_nonnull(strstr(buf, "(RemoveIPC=yes, set in /etc/systemd/logind.conf)"));
	ck_assert_ptr_nonnull(strstr(buf, "`pizarra chown root`"));
	v = verdict(0);
	ck_assert_str_eq(logind_warning(&v, "root", "", buf, sizeof buf), "");
	logind_check("/", 1000, &v);    /* the real system: whatever it says, no crash */
	untree();
}
END_TEST

/* The logind suite. */
static Suite *
logind_suite(void)
{
	Suite *s = suite_create("logind");
	TCase *tc = tcase_create("fake trees");

	tcase_add_test(tc, test_default_removes);
	tcase_add_test(tc, test_no_in_logind_conf);
	tcase_add_test(tc, test_dropins_override);
	tcase_add_test(tc, test_system_and_lingering_users);
	tcase_add_test(tc, test_no_systemd);
	tcase_add_test(tc, test_warning);
	tcase_set_timeout(tc, 20);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(logind_suite());
}
