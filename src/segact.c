/*
 * segact.c - the owner's actions on a listed segment (see segact.h). The
 * owner check is the kernel's own rule (euid is the owner, the creator or
 * root), made before asking so that nobody is asked a question whose yes
 * would fail; the kernel checks again when the call is made. Every
 * sentence is one whole message, so a translation can order its words.
 */
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "segact.h"
#include "segment.h"
#include "shminfo.h"
#include "shmlist.h"

bool
segact_owned(const struct segdata_row *r, bool remove, char *msg, size_t n)
{
	uid_t me = geteuid();
	char who[64];

	if (r == NULL) {
		snprintf(msg, n, "%s", _("no segment is selected"));
		return false;
	}
	if (me == 0 || me == (uid_t)r->seg.v[SHMLIST_UID] || me == (uid_t)r->seg.v[SHMLIST_CUID])
		return true;
	snprintf(msg, n, remove ?
	    /* TRANSLATORS: %d is a shmid, %s its owner's user name (F7, IPC_RMID) */
	    _("shmid %d belongs to %s: only its owner or creator (or root) may remove it") :
	    /* TRANSLATORS: %d is a shmid, %s its owner's user name (F5, IPC_SET) */
	    _("shmid %d belongs to %s: only its owner or creator (or root) may change the mode "
	    "of it"), shmlist_shmid(&r->seg),
	    shminfo_user((uid_t)r->seg.v[SHMLIST_UID], who, sizeof who));
	return false;
}

bool
segact_dest(const struct segdata_row *r, char *msg, size_t n)
{
	if (!(r->seg.v[SHMLIST_PERMS] & 01000))
		return false;
	/* TRANSLATORS: top's status line (74 columns at 80x24, longer is cut) */
	snprintf(msg, n, _("shmid %d is marked for removal already (dest): it goes at its last "
	    "detach"), shmlist_shmid(&r->seg));
	return true;
}

bool
segact_remove(int shmid, struct trace *log, char *msg, size_t n)
{
	struct pzerr e;

	if (segment_remove(shmid, log, &e) != 0) {
		snprintf(msg, n, "%s", e.msg);
		return false;
	}
	/* TRANSLATORS: dest is the kernel's word (the STATUS column); keep it */
	snprintf(msg, n, _("IPC_RMID: shmid %d is marked dest, its key is 0x00000000; it goes at "
	    "its last detach"), shmid);
	return true;
}

/* An octal mode 0..0777 (digits 0-7 only, never wrapping); -1 when it is not one. */
static int
segact_octal(const char *s, mode_t *mode)
{
	unsigned v = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '7' || v > 0777)
			return -1;
		v = v * 8 + (unsigned)(*s - '0');
	}
	if (v > 0777)
		return -1;
	*mode = (mode_t)v;
	return 0;
}

bool
segact_chmod(const struct segdata_row *r, int shmid, const char *typed, struct trace *log,
    char *msg, size_t n)
{
	/* TRANSLATORS: said after "mode '999'" (see "mode '%s' %s") */
	const char *why = _("is not an octal mode 0000-0777");
	char note[160];
	struct pzerr e;
	mode_t mode;
	int bad;

	bad = r != NULL && r->board == LIST_BOARD_YES ? cli_parse_mode(typed, &mode, &why) :
	    segact_octal(typed, &mode);
	if (bad != 0) {
		/* TRANSLATORS: the mode typed, then why it is refused (cli_parse_mode's reason, or
		   "is not an octal mode 0000-0777") */
		snprintf(msg, n, _("mode '%s' %s"), typed, _(why));
		return false;
	}
	if (segment_chmod(shmid, mode, log, &e) != 0) {
		snprintf(msg, n, "%s", e.msg);
		return false;
	}
	cli_chmod_note(r != NULL ? (mode_t)r->seg.v[SHMLIST_PERMS] : 0, mode,
	    r != NULL ? (unsigned long)r->seg.v[SHMLIST_NATTCH] : 0, note, sizeof note);
	if (note[0] != '\0')
		/* TRANSLATORS: the last %s is a note on the processes still attached */
		snprintf(msg, n, _("IPC_SET: shmid %d has mode %04o now; %s"), shmid, (unsigned)mode,
		    note);
	else
		snprintf(msg, n, _("IPC_SET: shmid %d has mode %04o now"), shmid, (unsigned)mode);
	return true;
}
