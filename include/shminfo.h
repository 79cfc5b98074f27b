/*
 * shminfo.h - formatting of a segment's struct shmid_ds for people and
 * programs: one table of fields under their kernel names, shared by
 * `pizarra info`, `info --json` and the sidebar, plus the lookups that make
 * them readable (user and group names, mode as rwx, clock times) and the
 * /proc/sysvipc/shm reader used when IPC_STAT is not permitted. It knows
 * nothing of boards, clients or how a segment was named: the `info`
 * report that puts those together is report.h's.
 */
#ifndef PIZARRA_SHMINFO_H
#define PIZARRA_SHMINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <time.h>

enum shminfo_field {
	SHMINFO_KEY,        /* shm_perm.key */
	SHMINFO_SHMID,
	SHMINFO_UID,        /* shm_perm.uid */
	SHMINFO_GID,        /* shm_perm.gid */
	SHMINFO_CUID,       /* shm_perm.cuid */
	SHMINFO_CGID,       /* shm_perm.cgid */
	SHMINFO_MODE,       /* shm_perm.mode */
	SHMINFO_SEGSZ,      /* shm_segsz */
	SHMINFO_NATTCH,     /* shm_nattch */
	SHMINFO_CPID,       /* shm_cpid */
	SHMINFO_LPID,       /* shm_lpid */
	SHMINFO_ATIME,      /* shm_atime */
	SHMINFO_DTIME,      /* shm_dtime */
	SHMINFO_CTIME,      /* shm_ctime */
	SHMINFO_DEST,       /* SHM_DEST bit of the mode */
	SHMINFO_NFIELDS
};

#define SHMINFO_VALUE_MAX 64

/* A segment's kernel status, from IPC_STAT or /proc/sysvipc/shm. */
struct shminfo_stat {
	int shmid;
	struct shmid_ds ds;
};

/* The kernel name of field f ("shm_perm.key", "shm_nattch", "dest"...). */
const char *shminfo_name(enum shminfo_field f);

/* Format field f for people ("0x70030002", "1000 (alice)", "0600 rw-------", "15:48:03"). */
void shminfo_value(const struct shminfo_stat *si, enum shminfo_field f, bool long_times,
		   char *out, size_t n);

/* True when the segment is marked for destruction (SHM_DEST). */
bool shminfo_dest(const struct shminfo_stat *si);

/* "rw-r--r--" for the low nine bits of mode. */
void shminfo_rwx(mode_t mode, char out[10]);

/* The user name for uid, or its number. */
const char *shminfo_user(uid_t uid, char *buf, size_t n);

/* The group name for gid, or its number. */
const char *shminfo_group(gid_t gid, char *buf, size_t n);

/* A clock time as "YYYY-MM-DD HH:MM:SS" (long_form) or "HH:MM:SS", local time; "never" for 0. */
void shminfo_time(time_t t, bool long_form, char *out, size_t n);

/* Read /proc/sysvipc/shm: the segment with this shmid (shmid >= 0) or key. */
int shminfo_from_proc(int shmid, key_t key, struct shminfo_stat *out);

#endif
