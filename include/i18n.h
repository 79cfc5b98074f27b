/*
 * i18n.h - the words people read, in their language (GNU gettext, domain
 * PACKAGE). Every front-end file and the core's messages mark what they
 * show with _() where it is shown and N_() in static tables (a table is
 * initialised before any locale is known; the text is translated where it
 * is drawn, with _()). ngettext() (P_ here) chooses the plural for a count.
 * Machine output is never marked: info --json, dump, the names of system
 * calls, flags and errno values in the trace, the kernel's field names.
 *
 * Without NLS (configure --disable-nls) the macros leave the English text.
 */
#ifndef PIZARRA_I18N_H
#define PIZARRA_I18N_H

#include <stdbool.h>

#include <config.h>

#if defined ENABLE_NLS && ENABLE_NLS
#include <libintl.h>
#define _(s)          i18n_gettext(s)
#define P_(s, p, n)   ngettext((s), (p), (n))
#else
#define _(s)          ((const char *)(s))
#define P_(s, p, n)   ((n) == 1 ? (const char *)(s) : (const char *)(p))
#endif
#define N_(s)         s

/*
 * Take the user's locale, for the character set and for the language. On
 * a lab server that never generated the user's locale (ssh sends
 * LANG=es_ES.UTF-8, `locale -a` has only C.UTF-8), setlocale fails: the
 * character set then comes from C.UTF-8 and the language the user asked
 * for is kept in LANGUAGE (which gettext honours under C.UTF-8, not under
 * plain C), unless LANGUAGE says otherwise already. localedir is where the
 * catalogs are installed, unless PIZARRA_LOCALEDIR names another (the
 * build tree's, for tests). A locale that is missing and not UTF-8 gives
 * C (ASCII, English), as setlocale alone would. Never fails: English is
 * the fallback.
 */
void i18n_init(const char *localedir);

/*
 * gettext(msgid), remembered: a screen draws the same messages many times
 * a second, and each gettext call reads the environment and takes locks
 * before it finds its answer. The answer for a msgid (a string literal:
 * its address is the key) cannot change once i18n_init has run, so it is
 * kept per thread in a small table, and gettext is asked once per message.
 */
const char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));

/*
 * Machine output (info --json) is English in every language: between
 * i18n_machine(true) and i18n_machine(false) every message is its msgid
 * (plurals too), on this thread.
 */
void i18n_machine(bool on);

/* The language the messages are in now ("es", "en"...), for tests and --version. */
const char *i18n_language(void);

#endif
