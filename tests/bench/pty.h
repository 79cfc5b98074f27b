/*
 * pty.h - terminal sessions for the bench: a program under its own pty
 * (forkpty, 120x40 set with TIOCSWINSZ before exec, TERM=xterm-256color,
 * LC_ALL=C.UTF-8), whose output the bench reads as a terminal would
 * (answering the device-attributes and background queries as xterm). Each
 * session counts the bytes it receives, remembers when the last ones came,
 * watches the screen text (escape sequences stripped) for a phrase, and
 * can time the arrival of one exact byte sequence (the needle).
 */
#ifndef PIZARRA_BENCH_PTY_H
#define PIZARRA_BENCH_PTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define PTY_TEXT_MAX    512     /* rolling window of screen text */
#define PTY_NEEDLE_MAX  8

/* One program under a pty. */
struct pty_session {
	char name[16];                  /* for messages */
	pid_t pid;
	int fd;                         /* the master; -1 once closed */
	bool eof;                       /* the slave side is gone (the program ended) */
	uint64_t bytes;                 /* received since the start */
	uint64_t last_rx_ns;            /* when bytes last came */
	uint64_t last_tx_ns;            /* when the bench last typed into it */

	/* screen text, escape sequences stripped */
	char text[PTY_TEXT_MAX];
	size_t text_n;
	int esc;                        /* the stripping state machine */
	const char *want;               /* phrase waited for, NULL none */
	bool want_seen;

	/* the needle: one byte sequence whose arrival is timed */
	char needle[PTY_NEEDLE_MAX];
	size_t needle_n;                /* 0: nothing expected */
	char carry[PTY_NEEDLE_MAX];     /* the last bytes of the previous read */
	size_t carry_n;
	uint64_t needle_ns;             /* when it arrived, 0 not yet */
};

/* Start argv[0] (a path) with argv under a new pty; 0 or -1. */
int pty_spawn(struct pty_session *s, const char *name, const char *const argv[]);

/* Read what every session has, waiting up to timeout_ms for the first bytes; bytes read. */
long pty_pump(struct pty_session *const *set, int n, int timeout_ms);

/* Pump until s's screen text contains text; 0, or -1 after timeout_ms or when s ended. */
int pty_wait_text(struct pty_session *const *set, int n, struct pty_session *s,
		  const char *text, int timeout_ms);

/*
 * Pump until no session received anything, and nothing was typed into any,
 * for quiet_ms; 0, or -1 after max_ms.
 */
int pty_settle(struct pty_session *const *set, int n, int quiet_ms, int max_ms);

/* Expect needle (len bytes) in s's output from now on. */
void pty_expect(struct pty_session *s, const char *needle, size_t len);

/* Write all of buf to s's master, as typed keys; 0 or -1. */
int pty_send(struct pty_session *s, const void *buf, size_t len);

/* End the program: send quit (if any), wait up to a second, then signals; close the master. */
void pty_stop(struct pty_session *const *set, int n, struct pty_session *s, const char *quit);

#endif
