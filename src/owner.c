/*
 * owner.c - chmod, chown and rm. The kernel would refuse a non-owner with
 * a bare EPERM; asking /proc/sysvipc/shm first lets the message say whose
 * board it is. The segment is verified to be a pizarra board before any
 * shmctl changes it, so a foreign segment is never touched. chmod says
 * what it cannot do: processes attached keep their access until they
 * detach (cli_chmod_note).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "i18n.h"
#include "owner.h"
#include "shminfo.h"
#include "utf8.h"

/* Refuse early when we are neither owner, creator nor root (as shmctl IPC_SET/RMID would). */
static int
owner_only(int shmid, const char *what)
{
	char who[64];
	struct shminfo_stat si;
	uid_t me = geteuid();

	if (me == 0 || shminfo_from_proc(shmid, 0, &si) != 0)
		return 0;
	if (me == si.ds.shm_perm.uid || me == si.ds.shm_perm.cuid)
		return 0;
	shminfo_user(si.ds.shm_perm.uid, who, sizeof who);
	if (si.ds.shm_perm.uid == 0)
		cli_error(_("shmid %d belongs to root: only root may %s it"), shmid, what);
	else
		cli_error(_("shmid %d belongs to %s: only its owner or creator (or root) may %s "
		    "it; ask %s"), shmid, who, what, who);
	return -1;
}

/* Find the board o names, check that we may act on it and that it is a board. */
static int
owner_target(struct cli_opts *o, const char *what, int *shmid)
{
	struct pzerr e;

	if (cli_find(o, shmid) != 0 || owner_only(*shmid, what) != 0)
		return -1;
	if (segment_verify(*shmid, &o->addr, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return -1;
	}
	return 0;
}

int
owner_chmod(struct cli_opts *o)
{
	char before[10], after[10], q[128], note[128];
	struct shmid_ds ds;
	struct pzerr e;
	const char *why;
	mode_t mode;
	int shmid;

	if (cli_parse_mode(o->args[0], &mode, &why) != 0)
		return cli_usage_error(_("chmod: MODE '%s' %s"), utf8_escape(o->args[0], q, sizeof q),
		    why);
	if (owner_target(o, _("change the mode of"), &shmid) != 0)
		return EXIT_FAILURE;
	if (segment_stat(shmid, &ds, &o->log, &e) != 0 ||
	    segment_chmod(shmid, mode, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	shminfo_rwx(ds.shm_perm.mode, before);
	shminfo_rwx(mode, after);
	/* we are not attached (segment_verify detached): shm_nattch is everyone else */
	cli_chmod_note(ds.shm_perm.mode, mode, (unsigned long)ds.shm_nattch, note, sizeof note);
	printf(_("shmid %d: mode %04o (%s) -> %04o (%s)%s%s\n"), shmid,
	    (unsigned)ds.shm_perm.mode & 0777, before, (unsigned)mode, after,
	    note[0] ? "; " : "", note);
	return EXIT_SUCCESS;
}

int
owner_chown(struct cli_opts *o)
{
	char user[64], group[64], why[256];
	struct shmid_ds ds;
	struct pzerr e;
	uid_t uid;
	gid_t gid;
	int shmid;

	if (cli_parse_owner(o->args[0], &uid, &gid, why, sizeof why) != 0)
		return cli_usage_error(_("chown: %s"), why);
	if (owner_target(o, _("change the owner of"), &shmid) != 0)
		return EXIT_FAILURE;
	if (segment_chown(shmid, uid, gid, &o->log, &e) != 0 ||
	    segment_stat(shmid, &ds, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	printf(_("shmid %d: owner %s, group %s\n"), shmid,
	    shminfo_user(ds.shm_perm.uid, user, sizeof user),
	    shminfo_group(ds.shm_perm.gid, group, sizeof group));
	return EXIT_SUCCESS;
}

int
owner_rm(struct cli_opts *o)
{
	struct shmid_ds ds;
	struct pzerr e;
	int shmid;

	if (owner_target(o, _("remove"), &shmid) != 0)
		return EXIT_FAILURE;
	if (segment_remove(shmid, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	/* stat after the removal: it is gone, or lives on as dest while attached */
	if (segment_stat(shmid, &ds, &o->log, NULL) != 0) {
		printf(_("shmid %d removed: no process was attached, so it is gone\n"), shmid);
		return EXIT_SUCCESS;
	}
	printf(P_("shmid %d marked for removal (SHM_DEST): its key is now 0x%08x; it lives on "
	    "while %lu process stays attached (they can keep drawing; reach it with -i %d) "
	    "and is destroyed at the last detach\n",
	    "shmid %d marked for removal (SHM_DEST): its key is now 0x%08x; it lives on "
	    "while %lu processes stay attached (they can keep drawing; reach it with -i %d) "
	    "and is destroyed at the last detach\n", (unsigned long)ds.shm_nattch),
	    shmid, (unsigned)ds.shm_perm.__key, (unsigned long)ds.shm_nattch, shmid);
	return EXIT_SUCCESS;
}
