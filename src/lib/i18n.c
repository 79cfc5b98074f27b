/*
 * i18n.c - the locale and the message catalog. The language a user asked
 * for is read the way gettext reads it (LANGUAGE, then LC_ALL,
 * LC_MESSAGES, LANG); only when the locale itself is missing does this
 * file step in, keeping the language and taking the character set from
 * C.UTF-8.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"

/* The first of LC_ALL, LC_MESSAGES, LANG that is set and not empty. */
static const char *
i18n_wanted(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v;
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if ((v = getenv(vars[i])) != NULL && v[0] != '\0')
			return v;
	return NULL;
}

/* Does the locale name ask for UTF-8 ("es_ES.UTF-8", "es_ES.utf8@euro")? */
static int
i18n_wants_utf8(const char *name)
{
	const char *dot = strchr(name, '.');

	return dot != NULL && (strncasecmp(dot + 1, "UTF-8", 5) == 0 ||
	    strncasecmp(dot + 1, "utf8", 4) == 0);
}

void
i18n_init(const char *localedir)
{
	const char *want = i18n_wanted(), *lang = getenv("LANGUAGE"), *dir;
	char keep[64];
	size_t n;

	if (setlocale(LC_ALL, "") == NULL) {
		/*
		 * The locale was never generated here. A UTF-8 one is stood in
		 * for by C.UTF-8 (the terminal speaks UTF-8; gettext honours
		 * LANGUAGE there), with the language kept in LANGUAGE; any other
		 * falls to C, ASCII and English, as setlocale alone would.
		 */
		if (want == NULL || !i18n_wants_utf8(want) ||
		    setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "C");
		else if ((lang == NULL || lang[0] == '\0') &&
		    strcmp(want, "C") != 0 && strcmp(want, "POSIX") != 0) {
			n = strcspn(want, ".@");
			if (n > 0 && n < sizeof keep) {
				memcpy(keep, want, n);
				keep[n] = '\0';
				setenv("LANGUAGE", keep, 1);
			}
		}
	}
#if defined ENABLE_NLS && ENABLE_NLS
	/* the catalogs of a build tree, for make check and for running uninstalled */
	if ((dir = getenv("PIZARRA_LOCALEDIR")) != NULL && dir[0] != '\0')
		localedir = dir;
	bindtextdomain(PACKAGE, localedir);
	textdomain(PACKAGE);
#else
	(void)localedir;
	(void)dir;
#endif
}

/* Messages remembered per thread: more slots than the catalog has messages. */
#define I18N_SLOTS 2048
#define I18N_PROBES 8

static _Thread_local bool i18n_msgids;   /* i18n_machine: msgids only */

void
i18n_machine(bool on)
{
	i18n_msgids = on;
#if defined ENABLE_NLS && ENABLE_NLS
	/* plurals (ngettext) through a domain without a catalog */
	textdomain(on ? PACKAGE "-machine" : PACKAGE);
#endif
}

const char *
i18n_gettext(const char *msgid)
{
#if defined ENABLE_NLS && ENABLE_NLS
	static _Thread_local struct { const char *id, *text; } slot[I18N_SLOTS];
	/* Fibonacci hashing of the address: literals sit 8 or 16 bytes apart */
	size_t i = (size_t)(((uint64_t)(uintptr_t)msgid * 0x9E3779B97F4A7C15ull) >> 53) % I18N_SLOTS;
	int n;

	if (i18n_msgids)
		return msgid;
	for (n = 0; n < I18N_PROBES; n++, i = (i + 1) % I18N_SLOTS) {
		if (slot[i].id == msgid)
			return slot[i].text;
		if (slot[i].id == NULL) {
			slot[i].text = gettext(msgid);
			slot[i].id = msgid;
			return slot[i].text;
		}
	}
	return gettext(msgid);   /* a crowded neighbourhood: asked each time, still right */
#else
	return msgid;
#endif
}

const char *
i18n_language(void)
{
	/* TRANSLATORS: the code of the language of this catalog, e.g. "es"; "en" in English */
	return _("en");
}
