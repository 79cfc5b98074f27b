/*
 * sidebarline.c - one client's line in the sidebar (sidebarline.h): "pid
 * user tty", the pid and the user padded to their columns, the terminal's
 * name as it is (cut to 7 bytes) and, for our own slot, a space and "you".
 * The terminal is not padded: a name of 7 characters ("pts/105") would
 * otherwise run into "you". At most 7 + 1 + 8 + 1 + 7 + 1 + 4 = 29 columns
 * with a 4-column "you".
 */
#include <stdio.h>

#include "i18n.h"
#include "shminfo.h"
#include "sidebarline.h"

void
sidebarline_client(char *out, size_t n, const struct client_info *c, bool mine)
{
	char user[32];

	if (n == 0)
		return;
	/* TRANSLATORS: after our own client in the sidebar, at most 4 columns */
	snprintf(out, n, "%-7d %-8.8s %.7s%s%s", (int)c->pid,
	    shminfo_user(c->uid, user, sizeof user), c->tty[0] ? c->tty : "-",
	    mine ? " " : "", mine ? _("you") : "");
}
