/*
 * logind.h - whether the system itself will remove a board: systemd-logind
 * with RemoveIPC=yes (its default) removes the System V segments owned by
 * a user (shm_perm.uid) that nobody has attached when that user's last
 * login session ends, unless the user is a system user (uid 0 up to
 * LOGIND_SYS_UID_MAX) or lingers (loginctl enable-linger: logind keeps the
 * user, and cleans nothing up, while it lingers).
 *
 * Everything is read under a root directory, "/" for the real system and
 * a fake tree in the tests: logind is in use when ROOT/run/systemd/system
 * exists (systemd is PID 1); RemoveIPC= comes from
 * ROOT/etc/systemd/logind.conf and then the drop-ins logind.conf.d/NAME.conf
 * in ROOT/etc/systemd, ROOT/run/systemd, ROOT/usr/local/lib/systemd and
 * ROOT/usr/lib/systemd, as systemd reads them: of drop-ins with the same
 * NAME only the first of those directories counts (an empty one, or one
 * linked to /dev/null, masks the others), all of them are read in the
 * order of NAME, and a later assignment in the [Login] section wins; a
 * value that is not a boolean is ignored, as systemd ignores it. A file
 * that cannot be read counts as absent. This module never fails, never
 * prints, and knows nothing of boards or segments.
 */
#ifndef PIZARRA_LOGIND_H
#define PIZARRA_LOGIND_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define LOGIND_SYS_UID_MAX 999      /* systemd's SYSTEM_UID_MAX, as Debian builds it */
#define LOGIND_DROPIN "/etc/systemd/logind.conf.d/pizarra.conf"   /* where the fix goes */

/* What logind will do to segments owned by one user. */
struct logind_ipc {
	bool in_use;            /* ROOT/run/systemd/system exists */
	bool remove_ipc;        /* the effective RemoveIPC= (true unless set to no) */
	char from[160];         /* the file that set it last, as the system names it
	                           ("/etc/systemd/logind.conf"); "" for systemd's default */
	uid_t owner;
	bool system_user;       /* owner <= LOGIND_SYS_UID_MAX: never cleaned up */
	bool lingering;         /* ROOT/var/lib/systemd/linger/NAME exists for the owner */
	bool removes;           /* the verdict: in_use, remove_ipc, and neither of those */
};

/*
 * Find out what logind does to the segments of owner on the system under
 * root ("/" for this one). Fills *out; never fails. Owner (uid_t)-1 is
 * nobody yet (a board before its first IPC_STAT): the files are read, no
 * user is looked up, and it neither lingers nor is a system user.
 */
void logind_check(const char *root, uid_t owner, struct logind_ipc *out);

/*
 * One line for people when v->removes (otherwise ""), without a trailing
 * period: what will happen, and the two ways out: RemoveIPC=no in a
 * drop-in and `systemctl restart systemd-logind`, or giving the board to a
 * system user with `pizarra OPTS chown USER` (opts: the options that name
 * the board, with a leading space, or ""). who names the owner. Returns buf.
 */
const char *logind_warning(const struct logind_ipc *v, const char *who, const char *opts,
			   char *buf, size_t n);

#endif
