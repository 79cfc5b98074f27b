/*
 * proc.h - other processes as the kernel shows them: whether a pid is
 * alive and still the process it was (its start time, /proc/PID/stat field
 * 22, changes when the pid is reused), its state, its PID namespace, its
 * command name, the name of a terminal, and which processes have a System
 * V segment attached (/proc/PID/maps).
 *
 * Everything read from /proc is another process's business and may vanish
 * between two reads: every function here is total, a process that cannot
 * be inspected gives "unknown" (-1 with errno, 0, or "?"), never garbage.
 * Processes of other users are visible only as far as the kernel allows
 * (kill(pid, 0) gives EPERM for them, which means alive; their maps are
 * unreadable except to root). This module knows nothing of boards: the
 * client slot protocol (client.h) is built on it.
 */
#ifndef PIZARRA_PROC_H
#define PIZARRA_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * The start time of pid (/proc/PID/stat field 22: clock ticks after boot).
 * Returns 0, or -1 with errno (ENOENT: no such process; EIO: unreadable).
 */
int proc_start_time(pid_t pid, uint64_t *start);

/*
 * The state letter of pid (/proc/PID/stat field 3: 'R', 'S', 'D', 'T',
 * 'Z' zombie, 'X' dead...), or -1 with errno when it cannot be read.
 */
int proc_state(pid_t pid);

/* True unless kill(pid, 0) says ESRCH (EPERM, another user's process, is alive). pid must be > 0. */
bool proc_exists(pid_t pid);

/*
 * True when pid is alive and still the process that started at start: it
 * exists (proc_exists) and, when /proc/PID/stat can be read, it is not a
 * zombie or dead ('Z', 'X') and its start time is start. A process that
 * exists but whose /proc entry cannot be read is taken as alive.
 */
bool proc_alive(pid_t pid, uint64_t start);

/* The inode of /proc/PID/ns/pid (pid 0: our own), 0 when unknown. */
uint64_t proc_pidns(pid_t pid);

/*
 * The name of the terminal open on fd without "/dev/" ("pts/3", "tty1"),
 * at most n - 1 bytes, into buf; "" when fd is not a terminal. Returns buf.
 */
const char *proc_tty(int fd, char *buf, size_t n);

/*
 * Find the processes that have shmid attached, from /proc/PID/maps (a SysV
 * mapping shows as /SYSV<key> with the shmid as its inode). Only processes
 * we may inspect are seen: our own user's, or all for root. Stores up to
 * max pids in out and returns how many it stored.
 */
int proc_attached(int shmid, pid_t *out, int max);

/* The command name of pid (/proc/PID/comm, printable ASCII, others as '?'), "?" when unknown. */
const char *proc_name(pid_t pid, char *buf, size_t n);

#endif
