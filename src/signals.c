/*
 * signals.c - the signals (see signals.h). A handler does only what is
 * async-signal-safe: it stores a sig_atomic_t, bumps an atomic word (the
 * loop sleeps on it with futex_waitv, beside the board's word), or calls
 * the restore it was given and dies; ncurses' SIGWINCH handler is chained,
 * so that it still notes the new size.
 */
#include <signal.h>
#include <string.h>

#include "signals.h"

static volatile sig_atomic_t signals_got;
static _Atomic uint32_t signals_input;         /* bumped by SIGIO, SIGWINCH, leave signals */
static struct sigaction signals_curses_winch;  /* ncurses' own SIGWINCH handler */
static void (*signals_restore)(void);          /* puts the terminal back (async-signal-safe) */

/* The word the event loop sleeps on besides the board: it changes when input may wait. */
_Atomic uint32_t *
signals_word(void)
{
	return &signals_input;
}

/* SIGIO: the terminal has input; wake the event loop. */
static void
signals_on_io(int sig)
{
	(void)sig;
	atomic_fetch_add(&signals_input, 1);
}

/* SIGWINCH: wake the event loop, then let ncurses note the new size. */
static void
signals_on_winch(int sig, siginfo_t *info, void *ctx)
{
	atomic_fetch_add(&signals_input, 1);
	if (signals_curses_winch.sa_flags & SA_SIGINFO) {
		if (signals_curses_winch.sa_sigaction != NULL)
			signals_curses_winch.sa_sigaction(sig, info, ctx);
	} else if (signals_curses_winch.sa_handler != SIG_DFL &&
	    signals_curses_winch.sa_handler != SIG_IGN) {
		signals_curses_winch.sa_handler(sig);
	}
}

/* Wake the loop on SIGIO (the terminal has input) and SIGWINCH, chained to ncurses'. */
void
signals_watch(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = signals_on_io;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGIO, &sa, NULL);
	sa.sa_sigaction = signals_on_winch;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	if (sigaction(SIGWINCH, &sa, &signals_curses_winch) != 0)
		memset(&signals_curses_winch, 0, sizeof signals_curses_winch);
}

/*
 * Every signal whose default action ends the process (all but KILL and STOP,
 * which cannot be caught; SIGIO is the input's, SIGWINCH the resize's) is
 * one of two kinds here:
 *
 * - a request to leave, from someone else or from a limit: the handler only
 *   records it and wakes the loop, which ends as F10 does (our slot
 *   released, shmdt, the terminal given back by screen_end, status 0). The
 *   program is intact, so the whole way out can run.
 * - the program itself failed (a fault, abort(), a trap, a forbidden system
 *   call): its state may be half-changed (inside malloc, inside ncurses), so
 *   the handler only puts the terminal back with async-signal-safe calls and
 *   dies of the same signal, so that the exit status and a core dump tell
 *   what happened; the others reap the slot within a second, as after
 *   kill -9. Such a handler returning to a faulting instruction would fault
 *   again, for ever, which is why these never try to go on.
 *
 * The real-time signals SIGRTMIN..SIGRTMAX are requests to leave. Signals
 * 32 and 33 are glibc's own (thread cancellation, setxid): sigaction
 * refuses them, so they keep their default action (docs/security.md).
 */
static const int signals_leave_sigs[] = {
	SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
	SIGXCPU, SIGXFSZ, SIGPIPE,
#ifdef SIGPWR
	SIGPWR,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
};
static const int signals_fatal_sigs[] = {
	SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS,
};

/* The program failed: put the terminal back, then die of the same signal. */
static void
signals_fatal(int sig)
{
	signals_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* A request to leave: the event loop quits cleanly. */
static void
signals_on_signal(int sig)
{
	signals_got = sig;
	atomic_fetch_add(&signals_input, 1);
}

/* Install the handlers that always give the terminal back. */
void
signals_install(void (*restore)(void))
{
	struct sigaction sa;
	size_t i;
	int sig;

	signals_restore = restore;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = signals_on_signal;
	sa.sa_flags = SA_RESTART;
	for (i = 0; i < sizeof signals_leave_sigs / sizeof signals_leave_sigs[0]; i++)
		sigaction(signals_leave_sigs[i], &sa, NULL);
	for (sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		sigaction(sig, &sa, NULL);
	sa.sa_handler = signals_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof signals_fatal_sigs / sizeof signals_fatal_sigs[0]; i++)
		sigaction(signals_fatal_sigs[i], &sa, NULL);
}

/* True once a request to leave arrived. */
bool
signals_leave_asked(void)
{
	return signals_got != 0;
}
