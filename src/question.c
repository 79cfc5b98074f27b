/*
 * question.c - the questions' words (question_rows[]) and the keys that
 * answer them. A row has the question's wording (a fixed sentence and a
 * brief one, or a function that words it at the time, to fit the room
 * the status line leaves), its answers and its banner. A question takes
 * only the keys it names: each answer's English key, and the first letter
 * of its word in the language of the messages ("sí": s), unless that
 * letter is another answer's, so that a catalog that got it wrong costs
 * the translated key, never a wrong answer (question_answers_clash() says
 * so at start-up). The answers are returned, not run: input.c closes the
 * question and runs them.
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cell.h"
#include "i18n.h"
#include "question.h"
#include "screen.h"

#define ESC 27
#define ENTER '\r'

/* Writes the question into buf for room columns; typed is the prompt's text. */
typedef void (*question_asker)(const char *, const struct desk *, int, char *, size_t);

struct question_row {
	const char *text;              /* on the status line */
	const char *brief;             /* the same when the text does not fit */
	question_asker ask;            /* or worded at the time */
	const struct question_answer *answers;   /* the keys it takes, ending with key 0 */
	void (*banner)(const struct desk *, char *, size_t);
};

static void question_ask_save(const char *, const struct desk *, int, char *, size_t);
static void question_ask_overwrite(const char *, const struct desk *, int, char *, size_t);
static void question_ask_orphan(const char *, const struct desk *, int, char *, size_t);
static void question_ask_join(const char *, const struct desk *, int, char *, size_t);
static unsigned question_not_cleared(struct desk *);
static unsigned question_not_removed(struct desk *);
static unsigned question_not_joined(struct desk *);
static void question_orphan_banner(const struct desk *, char *, size_t);
static void question_join_banner(const struct desk *, char *, size_t);

/*
 * The answers' words: only the first letter of a translation matters (a
 * lower-case letter a-z, no accent): it is the key that gives the answer
 * in that language, beside the English key (y, n, k, s, o, r), which keeps
 * working. Within one question no two answers may start with one letter,
 * nor one with another answer's English key.
 */
/* TRANSLATORS: the answer yes to the y/n questions (clear, remove, join):
 * its first letter (a-z) answers yes, and must not be n; name it in the
 * questions: "(s/N)" for "sí" */
#define QUESTION_WORD_YES       N_("yes")
/* TRANSLATORS: the answer no to the y/n questions: its first letter (a-z)
 * answers no, and must not be y */
#define QUESTION_WORD_NO        N_("no")
/* TRANSLATORS: an answer to "the board was removed": keep your copy (k);
 * its first letter (a-z) is the key, not s nor n nor that of "save" or "new" */
#define QUESTION_WORD_KEEP      N_("keep")
/* TRANSLATORS: an answer to "the board was removed": save it to a file (s);
 * its first letter (a-z) is the key, not k nor n nor that of "keep" or "new" */
#define QUESTION_WORD_SAVE      N_("save")
/* TRANSLATORS: an answer to "the board was removed": a new board, or join
 * the one under the key (n); its first letter (a-z) is the key, not k nor s
 * nor that of "keep" or "save" */
#define QUESTION_WORD_NEW       N_("new")
/* TRANSLATORS: an answer to "the file exists": overwrite it (o); its first
 * letter (a-z) is the key, not r nor that of "rename" */
#define QUESTION_WORD_OVERWRITE N_("overwrite")
/* TRANSLATORS: an answer to "the file exists": type another name (r); its
 * first letter (a-z) is the key, not o nor that of "overwrite" */
#define QUESTION_WORD_RENAME    N_("rename")

static const struct question_answer question_clear_answers[] = {
	{ 'y', QUESTION_WORD_YES, action_clear, NULL, 0 },
	{ 'n', QUESTION_WORD_NO, question_not_cleared, NULL, 0 },
	{ ESC, NULL, question_not_cleared, NULL, 0 },
	{ ENTER, NULL, question_not_cleared, NULL, 0 },
	{ 0, NULL, NULL, NULL, 0 },
};
static const struct question_answer question_remove_answers[] = {
	{ 'y', QUESTION_WORD_YES, action_remove, NULL, 0 },
	{ 'n', QUESTION_WORD_NO, question_not_removed, NULL, 0 },
	{ ESC, NULL, question_not_removed, NULL, 0 },
	{ ENTER, NULL, question_not_removed, NULL, 0 },
	{ 0, NULL, NULL, NULL, 0 },
};
static const struct question_answer question_orphan_answers[] = {
	{ 'k', QUESTION_WORD_KEEP, action_keep_orphan, NULL, 0 },
	{ ESC, NULL, action_keep_orphan, NULL, 0 },
	{ 's', QUESTION_WORD_SAVE, action_ask_save, NULL, 0 },
	{ 'n', QUESTION_WORD_NEW, action_new_board, NULL, 0 },
	{ 0, NULL, NULL, NULL, 0 },
};
static const struct question_answer question_join_answers[] = {
	{ 'y', QUESTION_WORD_YES, action_join, NULL, 0 },
	{ 'n', QUESTION_WORD_NO, question_not_joined, NULL, 0 },
	{ ESC, NULL, question_not_joined, NULL, 0 },
	{ ENTER, NULL, question_not_joined, NULL, 0 },
	{ 0, NULL, NULL, NULL, 0 },
};
static const struct question_answer question_overwrite_answers[] = {
	{ 'o', QUESTION_WORD_OVERWRITE, NULL, action_overwrite, 0 },
	{ 'r', QUESTION_WORD_RENAME, NULL, NULL, ACT_ASK_SAVE },
	{ ESC, NULL, action_cancelled, NULL, 0 }, { 0, NULL, NULL, NULL, 0 },
};

static const struct question_row question_rows[QUESTION_COUNT] = {
	[QUESTION_CHMOD] = {
		/* TRANSLATORS: a prompt on the status line, at most 60 columns (the
		 * octal answer follows it at 80); the brief one at most 30 */
		.text = N_("Permission bits (shmctl IPC_SET), e.g. 0660 group, 0666 all: "),
		.brief = N_("Mode (IPC_SET), e.g. 0660: "),
	},
	[QUESTION_SAVE] = { .ask = question_ask_save },
	[QUESTION_OVERWRITE] = {
		.ask = question_ask_overwrite, .answers = question_overwrite_answers,
	},
	[QUESTION_CLEAR] = {
		/* TRANSLATORS: a question on the status line, at most 79 columns; name
		 * your own keys for "yes" and "no" ((s/N) in Spanish); the brief one,
		 * shown on narrow terminals, at most 40 */
		.text = N_("Clear the whole board for everyone? (y/N) "),
		.brief = N_("Clear the board for all? (y/N) "),
		.answers = question_clear_answers,
	},
	[QUESTION_REMOVE] = {
		/* TRANSLATORS: a question on the status line, at most 79 columns; your
		 * keys for "yes" and "no"; the brief one at most 40 */
		.text = N_("IPC_RMID: mark the segment for removal? It lives until the last "
		    "detach (y/N) "),
		.brief = N_("IPC_RMID: remove the segment? (y/N) "),
		.answers = question_remove_answers,
	},
	[QUESTION_ORPHAN] = {
		.ask = question_ask_orphan, .answers = question_orphan_answers,
		.banner = question_orphan_banner,
	},
	[QUESTION_JOIN] = {
		.ask = question_ask_join, .answers = question_join_answers,
		.banner = question_join_banner,
	},
};

/* Format into buf the first of the wordings that fits room columns (the last one anyway). */
static void
question_first_fit(char *buf, size_t n, int room, const char *const *forms, int nforms, ...)
{
	va_list ap;
	int i;

	for (i = 0; i < nforms; i++) {
		va_start(ap, nforms);
		vsnprintf(buf, n, _(forms[i]), ap);
		va_end(ap);
		if (cell_columns(buf) <= room)
			return;
	}
}

/* The working directory, ~ for the home directory, its left cut to fit room columns. */
static void
question_dir(char *buf, size_t n, int room)
{
	char cwd[PATH_MAX];
	const char *home = getenv("HOME"), *p = cwd;
	size_t hl = home != NULL ? strlen(home) : 0;

	if (getcwd(cwd, sizeof cwd) == NULL)
		snprintf(cwd, sizeof cwd, ".");
	if (hl > 1 && strncmp(cwd, home, hl) == 0 && (cwd[hl] == '/' || cwd[hl] == '\0'))
		p = cwd + hl;
	if (snprintf(buf, n, "%s%s%s", p != cwd ? "~" : "", p,
	    strcmp(cwd, "/") == 0 ? "" : "/") >= (int)n)
		snprintf(buf, n, "./");
	if (room < 4 || cell_columns(buf) <= room)
		return;
	p = buf;
	while (*p != '\0' && cell_columns(p) > room - 1)
		p++;
	while ((*p & 0xC0) == 0x80)
		p++;
	memmove(buf + strlen(screen_utf8() ? "\u2026" : "<"), p, strlen(p) + 1);
	memcpy(buf, screen_utf8() ? "\u2026" : "<", strlen(screen_utf8() ? "\u2026" : "<"));
}

static void
question_ask_save(const char *typed, const struct desk *d, int room, char *buf, size_t n)
{
	char dir[PATH_MAX];

	(void)typed;
	(void)d;
	question_dir(dir, sizeof dir, INT_MAX);
	/* TRANSLATORS: the prompt for a file name, %s the working directory
	 * (the file name typed follows); the brief one when the long does not
	 * fit: its directory is cut to fit */
	snprintf(buf, n, _("Save the board as text in %s: "), dir);
	if (cell_columns(buf) <= room)
		return;
	snprintf(buf, n, _("Save in %s: "), "");
	question_dir(dir, sizeof dir, room - cell_columns(buf));
	snprintf(buf, n, _("Save in %s: "), dir);
}

static void
question_ask_overwrite(const char *typed, const struct desk *d, int room, char *buf, size_t n)
{
	/* TRANSLATORS: the file named exists; name your keys for "overwrite"
	 * and "rename". Three lengths, the first that fits is shown: the
	 * first at most 79 columns with the name, the second at most 60 with
	 * the name cut to 20 bytes, the last at most 40 */
	static const char *const forms[] = {
		N_("%s exists: o overwrite, r another name, Esc cancel "),
		N_("%.20s exists: o overwrite, r rename "), N_("exists: o overwrite, r rename "),
	};
	const char *slash = strrchr(typed, '/');

	(void)d;
	question_first_fit(buf, n, room, forms, 3, slash != NULL ? slash + 1 : typed);
}

static void
question_ask_orphan(const char *typed, const struct desk *d, int room, char *buf, size_t n)
{
	/* TRANSLATORS: the board was removed; name your keys for "keep",
	 * "save" and "new" (the banner above says the same). Three lengths
	 * each, the first that fits is shown: at most 79 columns, at most 55,
	 * at most 40 */
	static const char *const gone[] = {
		N_("shmid %d is gone: k keep your copy, s save it, n new board under the key "),
		N_("shmid %d is gone: k keep copy, s save, n new "), N_("Gone: k keep, s save, n new "),
	};
	static const char *const removed_new[] = {
		N_("Board removed by someone else: k keep, s save to a file, n new board under the key "),
		N_("Removed by someone else: k keep, s save, n new "),
		N_("Removed: k keep, s save, n new "),
	};
	static const char *const removed_join[] = {
		N_("Board removed by someone else: k keep, s save to a file, n join the board under "
		"the key "),
		N_("Removed by someone else: k keep, s save, n join "),
		N_("Removed: k keep, s save, n join "),
	};
	const struct session *s = d->session;

	(void)typed;
	if (s->gone)
		question_first_fit(buf, n, room, gone, 3, s->seg.shmid);
	else
		question_first_fit(buf, n, room, s->key_now_shmid >= 0 ? removed_join : removed_new, 3);
}

/* Who owns the board under the key, and its mode; "?" when it cannot be read. */
static void
question_key_owner(const struct desk *d, char *who, size_t n, unsigned *mode)
{
	struct shminfo_stat si;

	snprintf(who, n, "?");
	*mode = 0;
	if (session_key_board(d->session, &si) != 0)
		return;
	shminfo_user(si.ds.shm_perm.uid, who, n);
	*mode = si.ds.shm_perm.mode & 0777;
}

static void
question_ask_join(const char *typed, const struct desk *d, int room, char *buf, size_t n)
{
	/* TRANSLATORS: %s is the user who owns the board under the key; your
	 * keys for "yes" and "no". Three lengths each, the first that fits is
	 * shown: at most 79 columns, at most 55, at most 40 */
	static const char *const join[] = {
		N_("Join %s's board (shmid %d, mode %04o)? Your drawing is not copied (y/N) "),
		N_("Join %.12s's board (shmid %d, %04o)? (y/N) "), N_("Join %.8s's board %d? (y/N) "),
	};
	static const char *const view[] = {
		N_("View %s's board (shmid %d, mode %04o)? (y/N) "),
		N_("View %.12s's board (shmid %d, %04o)? (y/N) "), N_("View %.8s's board %d? (y/N) "),
	};
	char who[64];
	unsigned mode;

	(void)typed;
	question_key_owner(d, who, sizeof who, &mode);
	question_first_fit(buf, n, room, d->session->readonly ? view : join, 3, who,
	    d->session->key_now_shmid, mode);
}

static unsigned
question_not_cleared(struct desk *d)
{
	/* TRANSLATORS: status line, after "no" to clearing the board */
	return action_declined(d, _("not cleared"));
}

static unsigned
question_not_removed(struct desk *d)
{
	/* TRANSLATORS: status line, after "no" to removing the segment */
	return action_declined(d, _("not removed"));
}

static unsigned
question_not_joined(struct desk *d)
{
	/* TRANSLATORS: status line, at most 79 columns */
	status_message(d->status, false, _("not moved: still on shmid %d, the removed board"),
	    d->session->seg.shmid);
	return 0;
}

static void
question_orphan_banner(const struct desk *d, char *buf, size_t n)
{
	const struct session *s = d->session;
	bool ro = s->readonly;
	const char *then;

	/* TRANSLATORS: the banner's last line, after your key for "new" (the
	 * banner is wrapped to the canvas, at most 7 rows at 80x24) */
	if (s->key_now_shmid >= 0)
		then = ro ? _("view the board now under the key (asks first, says whose)") :
		    _("join the board now under the key (asks first, says whose; your drawing "
		    "is not copied there)");
	else
		then = ro ? _("view the board now under the key, once there is one") :
		    _("a new board under the key, with this drawing");
	/* TRANSLATORS: a banner across the canvas (wrapped at spaces, a new line
	 * at each \n, at most 7 rows of 46 columns at 80x24); one line per answer,
	 * each starting with your key for "keep", "save" and "new"; %s is the
	 * last line's text */
	if (s->gone)
		snprintf(buf, n, _("shmid %d was removed while you were detached (IPC_RMID) and is "
		    "gone: what you see is your copy.\nk  keep the copy\ns  save it to a file\n"
		    "n  %s"), s->seg.shmid, then);
	else if (ro)
		snprintf(buf, n, _("shmid %d was removed by someone else (IPC_RMID): its key is now "
		    "0x00000000 and it lives only while processes stay attached.\nk  keep viewing it\n"
		    "s  save it to a file\nn  %s"), s->seg.shmid, then);
	else
		snprintf(buf, n, _("shmid %d was removed by someone else (IPC_RMID): its key is now "
		    "0x00000000 and it lives only while processes stay attached.\nk  keep drawing on "
		    "it\ns  save it to a file\nn  %s"), s->seg.shmid, then);
}

static void
question_join_banner(const struct desk *d, char *buf, size_t n)
{
	const struct session *s = d->session;
	char who[64];
	unsigned mode;

	question_key_owner(d, who, sizeof who, &mode);
	/* TRANSLATORS: a banner across the canvas (wrapped at spaces, at most
	 * 7 rows of 46 columns at 80x24); %s is the owner's user name; name
	 * your keys for "yes" and "no" */
	if (s->readonly)
		snprintf(buf, n, _("key 0x%08x now names shmid %d, %s's board (mode %04o). y: view "
		    "it instead of the removed board   n: stay"), (unsigned)s->seg.key,
		    s->key_now_shmid, who, mode);
	else
		snprintf(buf, n, _("key 0x%08x now names shmid %d, %s's board (mode %04o). y: move "
		    "onto it: what you type lands on their board, and your drawing is not copied "
		    "there (n, then F6, saves it first)   n: stay on the removed board"),
		    (unsigned)s->seg.key, s->key_now_shmid, who, mode);
}

/* The key as a question's answers name it: a lower-case letter, ESC or ENTER; 0 for others. */
static int
question_key(int ret, wint_t ch)
{
	if (ret == KEY_CODE_YES)
		return ch == KEY_ENTER ? ENTER : 0;
	if (ch == '\r' || ch == '\n')
		return ENTER;
	if (ch == ESC)
		return ESC;
	return ch < 0x80 && isalpha((int)ch) ? tolower((int)ch) : 0;
}

/* The first letter of the answer's word in the language of the messages (a-z), or 0. */
static int
question_word_key(const struct question_answer *a)
{
	const char *w = a->word != NULL ? _(a->word) : "";

	return *w >= 'a' && *w <= 'z' ? *w : *w >= 'A' && *w <= 'Z' ? *w - 'A' + 'a' : 0;
}

/*
 * The key that gives answer a in the language of the messages, beside its
 * English key: 0 when there is none, or when it is a key another answer of
 * the same question has (in English or translated), so that a catalog
 * that got it wrong costs the translated key, never a wrong answer.
 */
static int
question_local_key(const struct question_answer *answers, const struct question_answer *a)
{
	int k = question_word_key(a);
	const struct question_answer *o;

	if (k == 0 || k == a->key)
		return 0;
	for (o = answers; o->key != 0; o++)
		if (o != a && (o->key == k || question_word_key(o) == k))
			return 0;
	return k;
}

int
question_answers_clash(char *why, size_t n)
{
	const struct question_answer *a, *o;
	int q, clashes = 0, k;

	for (q = 0; q < QUESTION_COUNT; q++)
		for (a = question_rows[q].answers; a != NULL && a->key != 0; a++) {
			if ((k = question_word_key(a)) == 0 || k == a->key)
				continue;
			for (o = question_rows[q].answers; o->key != 0; o++)
				if (o != a && (o->key == k || question_word_key(o) == k)) {
					if (clashes++ == 0)
						/* TRANSLATORS: which answers clash: the
						 * English word, its translation, the letter,
						 * the other answer's English word */
						snprintf(why, n, _("\"%s\" as \"%s\" takes %c, "
						    "the key of \"%s\""), a->word, _(a->word), k,
						    o->word != NULL ? o->word : "Esc");
					break;
				}
		}
	return clashes;
}

void
question_text(enum question q, const char *typed, const struct desk *d, int room, char *buf,
	      size_t n)
{
	const struct question_row *r = &question_rows[q];

	if (r->ask != NULL)
		r->ask(typed, d, room, buf, n);
	else if (r->text != NULL)
		snprintf(buf, n, "%s", cell_columns(_(r->text)) <= room || r->brief == NULL ?
		    _(r->text) : _(r->brief));
	else if (n > 0)
		buf[0] = '\0';
}

const struct question_answer *
question_answer(enum question q, int ret, wint_t ch)
{
	const struct question_answer *answers = question_rows[q].answers, *a = answers;
	int key = question_key(ret, ch);

	for (; key != 0 && a != NULL && a->key != 0; a++)
		if (a->key == key || question_local_key(answers, a) == key)
			return a;
	return NULL;
}

bool
question_banner(enum question q, const struct desk *d, char *buf, size_t n)
{
	if (question_rows[q].banner == NULL)
		return false;
	question_rows[q].banner(d, buf, n);
	return true;
}
