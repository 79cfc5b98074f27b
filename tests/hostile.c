/*
 * hostile.c - the C helper of the shell tests (tests/lib/helper.sh runs
 * it): every shell test that needs a segment made, read or written by a
 * process other than pizarra uses this one program, built by `make check`
 * (a check program, not a test).
 *
 * Segments by shmid, as any other process sees them:
 *
 *   hostile create KEY SIZE [MODE]   shmget(IPC_CREAT|IPC_EXCL|MODE, default
 *                                    0600): a zero-filled segment that is no
 *                                    board; print its shmid
 *   hostile read SHMID               the segment's bytes on standard output
 *   hostile write SHMID [OFFSET]     standard input into the segment at OFFSET
 *   hostile poke32 SHMID OFFSET VALUE  store a native 32-bit word
 *   hostile poke64 SHMID OFFSET VALUE  store a native 64-bit word (a cell)
 *   hostile nattch SHMID             print shm_nattch
 *   hostile waitnattch SHMID N MS    poll shm_nattch until it is N, for at
 *                                    most MS ms (exit 1 and say so if not)
 *   hostile hold SHMID               attach SHMID read-only, say "attached
 *                                    SHMID", stay attached until standard
 *                                    input ends, detach, say "detached SHMID"
 *   hostile storm SHMID RATE MS [PID]...  change the board RATE times a second
 *                                    for MS ms, by shmid (so a segment marked
 *                                    for removal, or one whose header no
 *                                    longer validates, works too): one cell
 *                                    of row 20, its row stamp, the generation
 *                                    and a FUTEX_WAKE each time; for each
 *                                    PID (at most 16), print the CPU time
 *                                    and context switches it used meanwhile
 *                                    (/proc/PID/stat, /proc/PID/status)
 *
 * A hostile writer: it attaches to a live board by key the way any process
 * with write permission can (segment_open, read-write) and does what a
 * careless or malicious writer could:
 *
 *   hostile cells KEY CATEGORY ROW   write one row of cells no terminal may
 *                                    be sent as they are: C0 (ESC, BEL, BS,
 *                                    CR, LF...), C1, DEL, an OSC title and a
 *                                    CSI clear-screen spelled cell by cell,
 *                                    surrogates, code points above U+10FFFF,
 *                                    zero-width and bidi controls, raw words
 *                                    with every colour and author bit set...
 *                                    (`hostile categories` lists them), after
 *                                    a plain label; then notify.
 *   hostile expect CATEGORY ROW      what `pizarra dump` must print for that
 *                                    row (ROW empty lines first)
 *   hostile header KEY FIELD VALUE   store VALUE in a header field (magic,
 *                                    version, header_size, cols, rows,
 *                                    nslots, generation) of an attached
 *                                    board, then notify
 *   hostile slots KEY free|all|alive|takeover|release
 *                                    garbage in every free (or every) client
 *                                    slot: pid 0, huge pids, dead and live
 *                                    pids, other users' uids, control and
 *                                    non-ASCII bytes in the tty, cursor
 *                                    0xFFFFFFFF, every attribute bit...;
 *                                    alive: every free slot looks like a
 *                                    live client (pid 1, its start time);
 *                                    takeover: every slot does, the live
 *                                    clients' own included; release: free
 *                                    every slot of pid 1 (no pizarra is
 *                                    init), as its owner would, and notify
 *   hostile selslot KEY RESERVED ATTR
 *                                    one free slot as a live-looking client
 *                                    (pid 1, its start time) whose reserved
 *                                    and attr words are these (hex): the
 *                                    selection it carries (client.h);
 *                                    released by `hostile slots KEY release`
 *   hostile lease KEY hold|dead|reused|garbage|show
 *                                    the board's lease (lease_take):
 *                                    hold takes it as this process, says
 *                                    "leased SHMID", holds it until
 *                                    standard input ends, gives it back and
 *                                    says "given SHMID"; dead stores the word
 *                                    of a process that exited; reused pid 1
 *                                    with another start time; garbage all
 *                                    bits set; show prints "free" or "held by
 *                                    PID"
 *   hostile foreign KEY SIZE         create a segment that is no board (every
 *                                    byte 0xAB) under KEY; print its shmid
 *   hostile rm KEY                   shmctl(IPC_RMID), as `ipcrm -m` does
 *   hostile shmid KEY                print the shmid under KEY
 *   hostile raw KEY                  the segment's bytes on standard output
 *                                    (seeds for the fuzzer, tests/fuzz)
 *
 * and checks the bytes a client sent to its terminal (tests/lib/panes.sh
 * records them with tmux pipe-pane):
 *
 *   hostile rawcheck term|dump|ansi FILE
 *       term: UTF-8 where no C1 code point, no BEL and no C0 control but
 *             BS, HT, LF, CR, SO, SI appears, and every ESC starts a
 *             sequence ncurses uses (CSI, ESC ( / ESC ) charsets, ESC = /
 *             ESC > keypad, ESC 7 / 8 / M / D / E); never OSC (but the
 *             background query OSC 11 "?" exactly, and OSC 52 ; c ; with
 *             nothing but base64 before its BEL), DCS, APC...
 *       dump: UTF-8 with no control character but LF, no ESC at all
 *       ansi: as dump, but ESC [ digits/semicolons m (SGR) is allowed
 *       Exits 0 when clean, 1 (and says where) when not.
 *   hostile modes FILE
 *       the DEC private modes (CSI ? n h / l) as the stream leaves them,
 *       one "N h|l" line per mode that was ever set or reset.
 *
 * Exit status: 0 done, 1 failure, 2 usage.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "board.h"
#include "cell.h"
#include "client.h"
#include "futex.h"
#include "lease.h"
#include "notify.h"
#include "segment.h"
#include "utf8.h"

/* The one OSC a client may send: it asks the terminal for its background. */
#define HOSTILE_BG_QUERY "\033]11;?\033\\"

#define HOSTILE_LABEL_W 6       /* the label takes columns 0..5 */
#define HOSTILE_MAX_WORDS 40
#define FFFD "\xef\xbf\xbd"

/* One hostile cell word and what a dump must show for it. */
struct hostile_word {
	uint64_t word;
	const char *shows;
};

/* A named row of hostile words. */
struct hostile_category {
	const char *name;
	const char *what;
	struct hostile_word words[HOSTILE_MAX_WORDS];
	int n;
};

#define P(w) { (w), FFFD }               /* must become a placeholder */
#define C(ch, s) { (ch), (s) }           /* a plain character, shown as itself */

static const struct hostile_category hostile_categories[] = {
	{ "c0", "every C0 control U+0001..U+001F (BEL, BS, HT, LF, CR, ESC...)", {
		P(0x01), P(0x02), P(0x03), P(0x04), P(0x05), P(0x06), P(0x07), P(0x08),
		P(0x09), P(0x0A), P(0x0B), P(0x0C), P(0x0D), P(0x0E), P(0x0F), P(0x10),
		P(0x11), P(0x12), P(0x13), P(0x14), P(0x15), P(0x16), P(0x17), P(0x18),
		P(0x19), P(0x1A), P(0x1B), P(0x1C), P(0x1D), P(0x1E), P(0x1F) }, 31 },
	{ "c1", "every C1 control U+0080..U+009F (CSI 0x9B, OSC 0x9D, ST 0x9C...)", {
		P(0x80), P(0x81), P(0x82), P(0x83), P(0x84), P(0x85), P(0x86), P(0x87),
		P(0x88), P(0x89), P(0x8A), P(0x8B), P(0x8C), P(0x8D), P(0x8E), P(0x8F),
		P(0x90), P(0x91), P(0x92), P(0x93), P(0x94), P(0x95), P(0x96), P(0x97),
		P(0x98), P(0x99), P(0x9A), P(0x9B), P(0x9C), P(0x9D), P(0x9E), P(0x9F) }, 32 },
	{ "del", "DEL between two letters", { C('a', "a"), P(0x7F), C('b', "b") }, 3 },
	{ "osc", "ESC ] 0 ; P W N D BEL: an OSC window-title sequence, one cell each", {
		P(0x1B), C(']', "]"), C('0', "0"), C(';', ";"), C('P', "P"), C('W', "W"),
		C('N', "N"), C('D', "D"), P(0x07) }, 9 },
	{ "csi", "ESC [ 2 J, ESC [ H, ESC c, C1 CSI 2 J: clear screen, home, reset", {
		P(0x1B), C('[', "["), C('2', "2"), C('J', "J"), P(0x1B), C('[', "["),
		C('H', "H"), P(0x1B), C('c', "c"), P(0x9B), C('2', "2"), C('J', "J") }, 12 },
	{ "dcs", "ESC P q ESC \\ and ESC k P W N D ESC \\: DCS and screen's title", {
		P(0x1B), C('P', "P"), C('q', "q"), P(0x1B), C('\\', "\\"), P(0x1B),
		C('k', "k"), C('P', "P"), C('W', "W"), C('N', "N"), C('D', "D"), P(0x1B),
		C('\\', "\\") }, 13 },
	{ "sur", "UTF-16 surrogates U+D800, U+DBFF, U+DC00, U+DFFF", {
		P(0xD800), P(0xDBFF), P(0xDC00), P(0xDFFF) }, 4 },
	{ "above", "above U+10FFFF (the cell's 21 bits allow up to 0x1FFFFF), U+10FFFF, U+FFFE", {
		P(0x110001), P(0x110041), P(0x11FFFF), P(0x120000), P(0x1FFFFE), P(0x1FFFFF),
		P(0x10FFFF), P(0xFFFE) }, 8 },
	{ "fmt", "zero-width, bidi and separator characters (ZWSP, LRM, RLO, LRI, BOM...)", {
		P(0x200B), P(0x200E), P(0x202E), P(0x2066), P(0xFEFF), P(0x0301), P(0x2028),
		P(0x2029), P(0xE0001) }, 9 },
	{ "word", "raw words: all bits set, letters with every colour, attribute, author, counter", {
		P(0xFFFFFFFFFFFFFFFFull), C(0xFFFFFFFFFFE00041ull, "A"), P(0x800000000000001Bull),
		P(0x0000001FE000009Bull), C(0x0000FE0000000042ull, "B"), P(0x00000000001FFFFFull),
		C(0x00001FFFFFE00043ull, "C"), P(0xFFFFFFFFFFFFFF9Bull), P(0xFFFFFFFFu),
		C(0xFFE00044u, "D"), C(0xFFFF000000000045ull, "E") }, 11 },
	{ "wide", "a wide character without its right half, an orphan right half", {
		P(0x4E00), C('x', "x"), C(CELL_CONT, " "), C('y', "y"),
		C(0x4E00, "\xe4\xb8\x80"), C(CELL_CONT, ""), C('z', "z") }, 7 },
};

#undef P
#undef C

#define HOSTILE_NCATEGORIES (sizeof hostile_categories / sizeof hostile_categories[0])

/* Print the usage and return the usage status. */
static int
hostile_usage(void)
{
	fputs("usage: hostile create KEY SIZE [MODE] | read SHMID | write SHMID [OFFSET]\n"
	    "       hostile poke32|poke64 SHMID OFFSET VALUE | nattch SHMID | waitnattch SHMID N MS\n"
	    "       hostile hold SHMID | storm SHMID RATE MS [PID]...\n"
	    "       hostile cells KEY CATEGORY ROW | expect CATEGORY ROW | categories\n"
	    "       hostile header KEY FIELD VALUE | slots KEY free|all|alive|takeover|release\n"
	    "       hostile selslot KEY RESERVED ATTR\n"
	    "       hostile lease KEY hold|dead|reused|garbage|show\n"
	    "       hostile foreign KEY SIZE | rm KEY | shmid KEY | raw KEY\n"
	    "       hostile rawcheck term|dump|ansi FILE | modes FILE\n", stderr);
	return 2;
}

/* Parse a number (decimal or 0x hex) up to max; exits 2 when it is not one. */
static unsigned long long
hostile_num(const char *s, unsigned long long max)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno != 0 || *end != '\0' || end == s || s[0] == '-' || v > max) {
		fprintf(stderr, "hostile: '%s' is not a number up to %llu\n", s, max);
		exit(2);
	}
	return v;
}

/* The category called name, or NULL. */
static const struct hostile_category *
hostile_category(const char *name)
{
	size_t i;

	for (i = 0; i < HOSTILE_NCATEGORIES; i++)
		if (strcmp(hostile_categories[i].name, name) == 0)
			return &hostile_categories[i];
	return NULL;
}

/* Open the board under key read-write, as any writer would; exits 1 on failure. */
static void
hostile_open(struct segment *s, const char *key)
{
	struct segment_opts so = { .create = false, .readonly = false };
	struct addr a;
	struct pzerr e;

	addr_default(&a);
	a.how = ADDR_BY_KEY;
	a.key = (key_t)(uint32_t)hostile_num(key, 0xFFFFFFFFull);
	if (segment_open(s, &a, &so, NULL, &e) != 0) {
		fprintf(stderr, "hostile: %s\n", e.msg);
		exit(1);
	}
}

/* Attach the segment under key without validating it (for a header already broken). */
static struct board_header *
hostile_raw_attach(const char *key, size_t *size)
{
	struct shmid_ds ds;
	void *p;
	int id;

	id = shmget((key_t)(uint32_t)hostile_num(key, 0xFFFFFFFFull), 0, 0);
	if (id < 0 || shmctl(id, IPC_STAT, &ds) != 0) {
		fprintf(stderr, "hostile: no segment under %s: %s\n", key, strerror(errno));
		exit(1);
	}
	if (ds.shm_segsz < sizeof(struct board_header)) {
		fprintf(stderr, "hostile: shmid %d is too small for a board header\n", id);
		exit(1);
	}
	p = shmat(id, NULL, 0);
	if (p == (void *)-1) {
		fprintf(stderr, "hostile: shmat(%d): %s\n", id, strerror(errno));
		exit(1);
	}
	*size = ds.shm_segsz;
	return p;
}

/* Write the label of a row (plain letters, colour 0, author 0). */
static void
hostile_label(const struct board *b, const char *name, uint32_t row)
{
	uint32_t c;

	for (c = 0; name[c] != '\0' && c < HOSTILE_LABEL_W - 1; c++)
		board_set(b, c, row, cell_make((unsigned char)name[c], 0, 0));
}

/* hostile cells KEY CATEGORY ROW */
static int
hostile_cells(const char *key, const char *name, const char *rowarg)
{
	const struct hostile_category *cat = hostile_category(name);
	struct segment s;
	uint32_t row;
	int i;

	if (cat == NULL) {
		fprintf(stderr, "hostile: unknown category '%s' (see hostile categories)\n", name);
		return 2;
	}
	hostile_open(&s, key);
	row = (uint32_t)hostile_num(rowarg, 0xFFFF);
	if (row >= s.board.rows || HOSTILE_LABEL_W + (uint32_t)cat->n > s.board.cols) {
		fprintf(stderr, "hostile: row %u does not fit on the %ux%u board\n", row,
		    s.board.cols, s.board.rows);
		segment_detach(&s, NULL);
		return 1;
	}
	hostile_label(&s.board, cat->name, row);
	for (i = 0; i < cat->n; i++)
		board_set(&s.board, HOSTILE_LABEL_W + (uint32_t)i, row, cat->words[i].word);
	notify_bump(&s.board);
	printf("wrote %d hostile cells (%s) at row %u of shmid %d\n", cat->n, cat->name, row,
	    s.shmid);
	segment_detach(&s, NULL);
	return 0;
}

/* hostile expect CATEGORY ROW: the dump of a board with only that row. */
static int
hostile_expect(const char *name, const char *rowarg)
{
	const struct hostile_category *cat = hostile_category(name);
	unsigned long long row, r;
	int i;

	if (cat == NULL) {
		fprintf(stderr, "hostile: unknown category '%s'\n", name);
		return 2;
	}
	row = hostile_num(rowarg, 0xFFFF);
	for (r = 0; r < row; r++)
		putchar('\n');
	printf("%-*s", HOSTILE_LABEL_W, cat->name);
	for (i = 0; i < cat->n; i++)
		fputs(cat->words[i].shows, stdout);
	putchar('\n');
	return fflush(stdout) == 0 ? 0 : 1;
}

/* hostile categories: one "name  description" line each. */
static int
hostile_list(void)
{
	size_t i;

	for (i = 0; i < HOSTILE_NCATEGORIES; i++)
		printf("%-6s %s\n", hostile_categories[i].name, hostile_categories[i].what);
	return 0;
}

/* The header field called name, or NULL. */
static _Atomic uint32_t *
hostile_field(struct board_header *h, const char *name)
{
	if (strcmp(name, "magic") == 0)
		return &h->magic;
	if (strcmp(name, "version") == 0)
		return &h->version;
	if (strcmp(name, "header_size") == 0)
		return &h->header_size;
	if (strcmp(name, "cols") == 0)
		return &h->cols;
	if (strcmp(name, "rows") == 0)
		return &h->rows;
	if (strcmp(name, "nslots") == 0)
		return &h->nslots;
	if (strcmp(name, "generation") == 0)
		return &h->generation;
	return NULL;
}

/* hostile header KEY FIELD VALUE */
static int
hostile_header(const char *key, const char *field, const char *valarg)
{
	struct segment_opts so = { .create = false, .readonly = false };
	uint32_t v = (uint32_t)hostile_num(valarg, 0xFFFFFFFFull);
	struct addr a;
	struct board_header *h;
	_Atomic uint32_t *w;
	struct segment s;
	struct pzerr e;
	bool raw = false;
	size_t size;

	/* A writer attaches a valid board; a header broken already is poked raw. */
	addr_default(&a);
	a.how = ADDR_BY_KEY;
	a.key = (key_t)(uint32_t)hostile_num(key, 0xFFFFFFFFull);
	if (segment_open(&s, &a, &so, NULL, &e) == 0) {
		h = s.board.hdr;
	} else {
		h = hostile_raw_attach(key, &size);
		raw = true;
	}
	w = hostile_field(h, field);
	if (w == NULL) {
		fprintf(stderr, "hostile: unknown header field '%s'\n", field);
		return 2;
	}
	printf("%s: 0x%08x -> 0x%08x%s\n", field, (unsigned)atomic_load(w), (unsigned)v,
	    raw ? " (the header did not validate already)" : "");
	atomic_store(w, v);
	atomic_fetch_add(&h->generation, 1);
	futex_wake(&h->generation);
	if (raw)
		shmdt(h);
	else
		segment_detach(&s, NULL);
	return 0;
}

/* The start time of pid 1 (field 22 of /proc/1/stat), 0 when unknown. */
static uint64_t
hostile_start_of(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long long v = 0;
	FILE *f;
	int field;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	f = fopen(path, "re");
	if (f == NULL)
		return 0;
	if (fgets(buf, sizeof buf, f) == NULL) {
		fclose(f);
		return 0;
	}
	fclose(f);
	p = strrchr(buf, ')');
	for (field = 2; p != NULL && field < 22; field++) {
		p = strchr(p + 1, ' ');
	}
	if (p != NULL)
		v = strtoull(p + 1, NULL, 10);
	return v;
}

/* What one garbage slot holds. */
struct hostile_slot {
	uint64_t owner, start, heartbeat, pidns;
	uint32_t uid, cursor, attr, reserved;
	unsigned char tty[16];
};

/* Fill slot i's garbage: a different way of being wrong for each i. */
static void
hostile_garbage(int i, struct hostile_slot *g, uint64_t now, uint64_t my_ns)
{
	static const uint32_t uids[] = { 0, 1, 1000, 65534, 0xFFFFFFFFu, 0x7FFFFFFFu };
	static const unsigned char ttys[][16] = {
		"\x1b]0;PWND\x07", "\x9b\x32J\xff\xfe\x80", "pts/\x1b[2J",
		"\xc3\xa9\xe2\x80\xae\xf0\x9f\x92\xa9", "tty\x7f\x01\x02\x03\x04",
		"\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b",
	};
	uint64_t tag = 0xF0000000ull + (uint64_t)i;

	memset(g, 0, sizeof *g);
	g->uid = uids[i % 6];
	memcpy(g->tty, ttys[i % 6], sizeof g->tty);
	g->cursor = 0xFFFFFFFFu;
	g->attr = 0xFFFFFFFFu;
	g->start = 0xFFFFFFFFFFFFFFFFull;
	g->heartbeat = now;
	g->pidns = my_ns;
	g->reserved = 0xFFFFFFFFu;
	switch (i % 8) {
	case 0:     /* ready, pid 0 */
		g->owner = tag << 32 | 0x80000000ull;
		break;
	case 1:     /* ready, pid 0x7FFFFFFF: above any pid_max */
		g->owner = tag << 32 | 0xFFFFFFFFull;
		break;
	case 2:     /* every bit set */
		g->owner = UINT64_MAX;
		g->heartbeat = UINT64_MAX;
		break;
	case 3:     /* ready, pid 1 alive but started at another time: pid reuse */
		g->owner = tag << 32 | 0x80000000ull | 1;
		g->start = 12345;
		break;
	case 4:     /* claim never finished (no ready bit), pid gone */
		g->owner = tag << 32 | 0x7FFFFFF0ull;
		g->heartbeat = 0;
		break;
	case 5:     /* another PID namespace, heartbeat far in the future */
		g->owner = tag << 32 | 0x80000000ull | 4242;
		g->pidns = 0xDEADBEEFull;
		g->heartbeat = UINT64_MAX - 5;
		break;
	case 6:     /* claim never finished, pid 1 alive, heartbeat stale */
		g->owner = tag << 32 | 1;
		g->heartbeat = 0;
		break;
	default:    /* ready, pid 0x7FFFFFFE, the cursor below the board */
		g->owner = tag << 32 | 0x80000000ull | 0x7FFFFFFEull;
		g->cursor = 0xFFFF0000u;
		g->attr = 0;
		break;
	}
	if (i == 5) {       /* looks alive: pid 1 with its real start time, another user */
		g->owner = tag << 32 | 0x80000000ull | 1;
		g->start = hostile_start_of(1);
		g->pidns = my_ns;
		g->heartbeat = now;
		g->uid = 65534;
	} else if (i == 6) { /* another namespace, fresh heartbeat: alive for a while */
		g->owner = tag << 32 | 0x80000000ull | 4243;
		g->pidns = 0xDEADBEEFull;
		g->heartbeat = now - (CLIENT_STALE_MS - 3000);
		g->uid = 0xFFFFFFFFu;
	}
}

/* Store garbage g into slot s, the owner word last as a claim would. */
static void
hostile_store_slot(struct board_slot *s, const struct hostile_slot *g)
{
	int k;

	atomic_store(&s->start, g->start);
	atomic_store(&s->heartbeat, g->heartbeat);
	atomic_store(&s->pidns, g->pidns);
	atomic_store(&s->uid, g->uid);
	atomic_store(&s->cursor, g->cursor);
	atomic_store(&s->attr, g->attr);
	atomic_store(&s->reserved, g->reserved);
	for (k = 0; k < 4; k++)
		atomic_store(&s->tty[k], (uint32_t)g->tty[4 * k] | (uint32_t)g->tty[4 * k + 1] << 8 |
		    (uint32_t)g->tty[4 * k + 2] << 16 | (uint32_t)g->tty[4 * k + 3] << 24);
	atomic_store(&s->owner, g->owner);
}

/* The inode of our PID namespace. */
static uint64_t
hostile_my_ns(void)
{
	struct client_info me;
	struct pzerr e;

	if (client_self(&me, &e) != 0)
		return 0;
	return me.pidns;
}

/* hostile slots KEY release: free every slot whose owner is pid 1. */
static int
hostile_release(const char *key)
{
	struct segment s;
	uint64_t owner;
	int i, n = 0;

	hostile_open(&s, key);
	for (i = 0; i < BOARD_SLOTS; i++) {
		_Atomic uint64_t *w = &s.board.hdr->slots[i].owner;

		owner = atomic_load(w);
		if (owner != 0 && (owner & 0x7FFFFFFFull) == 1 &&
		    atomic_compare_exchange_strong(w, &owner, 0))
			n++;
	}
	notify_bump(&s.board);
	printf("released %d slots of pid 1 in shmid %d\n", n, s.shmid);
	segment_detach(&s, NULL);
	return 0;
}

/* hostile slots KEY free|all|alive|takeover|release */
static int
hostile_slots(const char *key, const char *which)
{
	uint64_t now = client_now_ms(), ns = hostile_my_ns(), start1 = hostile_start_of(1);
	struct hostile_slot g;
	struct segment s;
	bool all, alive;
	int i, n = 0, live = 0;

	if (strcmp(which, "release") == 0)
		return hostile_release(key);
	if (strcmp(which, "all") != 0 && strcmp(which, "free") != 0 &&
	    strcmp(which, "alive") != 0 && strcmp(which, "takeover") != 0)
		return hostile_usage();
	all = strcmp(which, "all") == 0 || strcmp(which, "takeover") == 0;
	alive = strcmp(which, "alive") == 0 || strcmp(which, "takeover") == 0;
	hostile_open(&s, key);
	for (i = 0; i < BOARD_SLOTS; i++) {
		struct board_slot *sl = &s.board.hdr->slots[i];

		if (!all && atomic_load(&sl->owner) != 0) {
			live++;
			continue;
		}
		hostile_garbage(i, &g, now, ns);
		if (alive) {
			g.owner = (0xE0000000ull + (uint64_t)i) << 32 | 0x80000000ull | 1;
			g.start = start1;
			g.pidns = ns;
		}
		hostile_store_slot(sl, &g);
		n++;
	}
	notify_bump(&s.board);
	printf("garbage in %d slots of shmid %d (%d in use left alone)\n", n, s.shmid, live);
	if (alive)
		printf("every one of them looks like a live client (pid 1)\n");
	else
		printf("alive-looking: slot 5 (pid 1, uid 65534), slot 6 (another pid "
		    "namespace, stale in 3 s)\n");
	segment_detach(&s, NULL);
	return 0;
}

/* hostile selslot KEY RESERVED ATTR: a live-looking slot carrying these words. */
static int
hostile_selslot(const char *key, const char *reserved, const char *attr)
{
	struct hostile_slot g;
	struct segment s;
	int i;

	hostile_open(&s, key);
	for (i = 0; i < BOARD_SLOTS && atomic_load(&s.board.hdr->slots[i].owner) != 0; i++)
		;
	if (i == BOARD_SLOTS) {
		fprintf(stderr, "hostile: no free slot in shmid %d\n", s.shmid);
		return 1;
	}
	hostile_garbage(5, &g, client_now_ms(), hostile_my_ns());
	g.owner = (0xD0000000ull + (uint64_t)i) << 32 | 0x80000000ull | 1;
	g.reserved = (uint32_t)strtoul(reserved, NULL, 16);
	g.attr = (uint32_t)strtoul(attr, NULL, 16);
	g.cursor = 0;
	hostile_store_slot(&s.board.hdr->slots[i], &g);
	notify_presence(&s.board);
	notify_bump(&s.board);
	printf("slot %d of shmid %d: reserved 0x%08x attr 0x%08x\n", i, s.shmid, g.reserved,
	    g.attr);
	segment_detach(&s, NULL);
	return 0;
}

/* hostile foreign KEY SIZE: a segment full of 0xAB under KEY. */
static int
hostile_foreign(const char *key, const char *sizearg)
{
	size_t size = (size_t)hostile_num(sizearg, 1ull << 30);
	void *p;
	int id;

	id = shmget((key_t)(uint32_t)hostile_num(key, 0xFFFFFFFFull), size,
	    IPC_CREAT | IPC_EXCL | 0600);
	if (id < 0) {
		fprintf(stderr, "hostile: shmget(%s, %zu): %s\n", key, size, strerror(errno));
		return 1;
	}
	p = shmat(id, NULL, 0);
	if (p == (void *)-1) {
		fprintf(stderr, "hostile: shmat(%d): %s\n", id, strerror(errno));
		return 1;
	}
	memset(p, 0xAB, size);
	shmdt(p);
	printf("%d\n", id);
	return 0;
}

/* hostile rm KEY: shmctl(IPC_RMID) like ipcrm -m. */
static int
hostile_rm(const char *key)
{
	int id = shmget((key_t)(uint32_t)hostile_num(key, 0xFFFFFFFFull), 0, 0);

	if (id < 0 || shmctl(id, IPC_RMID, NULL) != 0) {
		fprintf(stderr, "hostile: cannot remove the segment under %s: %s\n", key,
		    strerror(errno));
		return 1;
	}
	printf("removed shmid %d\n", id);
	return 0;
}

/* hostile shmid KEY */
static int
hostile_shmid(const char *key)
{
	int id = shmget((key_t)(uint32_t)hostile_num(key, 0xFFFFFFFFull), 0, 0);

	if (id < 0) {
		fprintf(stderr, "hostile: no segment under %s: %s\n", key, strerror(errno));
		return 1;
	}
	printf("%d\n", id);
	return 0;
}

/* hostile raw KEY: write the segment's bytes to stdout. */
static int
hostile_raw(const char *key)
{
	struct board_header *h;
	size_t size;
	int ok;

	h = hostile_raw_attach(key, &size);
	ok = fwrite(h, 1, size, stdout) == size && fflush(stdout) == 0;
	shmdt(h);
	return ok ? 0 : 1;
}

/* hostile create KEY SIZE [MODE]: a fresh zero-filled segment that is no board. */
static int
hostile_create(const char *key, const char *sizearg, const char *modearg)
{
	size_t size = (size_t)hostile_num(sizearg, 1ull << 30);
	int mode = modearg != NULL ? (int)hostile_num(modearg, 0777) : 0600;
	int id;

	id = shmget((key_t)(uint32_t)hostile_num(key, 0xFFFFFFFFull), size,
	    IPC_CREAT | IPC_EXCL | mode);
	if (id < 0) {
		fprintf(stderr, "hostile: shmget(%s, %zu): %s\n", key, size, strerror(errno));
		return 1;
	}
	printf("%d\n", id);
	return 0;
}

/* IPC_STAT of the shmid in idarg; exits 1 on failure. */
static int
hostile_stat(const char *idarg, struct shmid_ds *ds)
{
	int id = (int)hostile_num(idarg, 0x7FFFFFFF);

	if (shmctl(id, IPC_STAT, ds) != 0) {
		fprintf(stderr, "hostile: shmctl(%d, IPC_STAT): %s\n", id, strerror(errno));
		exit(1);
	}
	return id;
}

/* Attach the shmid in idarg (read-only or not); exits 1 on failure. */
static unsigned char *
hostile_attach_id(const char *idarg, bool readonly, size_t *size)
{
	struct shmid_ds ds;
	int id = hostile_stat(idarg, &ds);
	void *p;

	p = shmat(id, NULL, readonly ? SHM_RDONLY : 0);
	if (p == (void *)-1) {
		fprintf(stderr, "hostile: shmat(%d): %s\n", id, strerror(errno));
		exit(1);
	}
	*size = ds.shm_segsz;
	return p;
}

/* hostile read SHMID: the segment's bytes on stdout. */
static int
hostile_read(const char *idarg)
{
	size_t size;
	unsigned char *p = hostile_attach_id(idarg, true, &size);
	int ok = fwrite(p, 1, size, stdout) == size && fflush(stdout) == 0;

	if (!ok)
		fprintf(stderr, "hostile: write: %s\n", strerror(errno));
	shmdt(p);
	return ok ? 0 : 1;
}

/* hostile write SHMID [OFFSET]: stdin into the segment from OFFSET on. */
static int
hostile_write(const char *idarg, const char *offarg)
{
	size_t size, n = offarg != NULL ? (size_t)hostile_num(offarg, 1ull << 30) : 0;
	unsigned char *p = hostile_attach_id(idarg, false, &size);
	int c;

	for (; (c = getchar()) != EOF; n++) {
		if (n >= size) {
			fprintf(stderr, "hostile: input larger than the segment\n");
			shmdt(p);
			return 1;
		}
		p[n] = (unsigned char)c;
	}
	shmdt(p);
	return 0;
}

/* hostile poke32 SHMID OFFSET VALUE: one native 32-bit word. */
static int
hostile_poke32(const char *idarg, const char *offarg, const char *valarg)
{
	size_t size, off = (size_t)hostile_num(offarg, 1ull << 30);
	uint32_t v = (uint32_t)hostile_num(valarg, 0xFFFFFFFFull);
	unsigned char *p = hostile_attach_id(idarg, false, &size);

	if (off % 4 != 0 || off + 4 > size) {
		fprintf(stderr, "hostile: bad offset %zu\n", off);
		shmdt(p);
		return 1;
	}
	memcpy(p + off, &v, sizeof v);
	shmdt(p);
	return 0;
}

/* hostile poke64 SHMID OFFSET VALUE: one native 64-bit word, as a cell is. */
static int
hostile_poke64(const char *idarg, const char *offarg, const char *valarg)
{
	size_t size, off = (size_t)hostile_num(offarg, 1ull << 30);
	uint64_t v = (uint64_t)hostile_num(valarg, UINT64_MAX);
	unsigned char *p = hostile_attach_id(idarg, false, &size);

	if (off % 8 != 0 || off + 8 > size) {
		fprintf(stderr, "hostile: bad offset %zu\n", off);
		shmdt(p);
		return 1;
	}
	memcpy(p + off, &v, sizeof v);
	shmdt(p);
	return 0;
}

/* hostile nattch SHMID */
static int
hostile_nattch(const char *idarg)
{
	struct shmid_ds ds;

	hostile_stat(idarg, &ds);
	printf("%lu\n", (unsigned long)ds.shm_nattch);
	return 0;
}

/* hostile waitnattch SHMID N MS: poll shm_nattch every ms until N, for at most MS ms. */
static int
hostile_waitnattch(const char *idarg, const char *narg, const char *msarg)
{
	struct timespec ms = { 0, 1000000 }, now, end;
	unsigned long long want = hostile_num(narg, 0xFFFFFFFFull);
	unsigned long long limit = hostile_num(msarg, 3600000);
	struct shmid_ds ds;
	int id;

	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += (time_t)(limit / 1000);
	end.tv_nsec += (long)(limit % 1000) * 1000000;
	if (end.tv_nsec >= 1000000000) {
		end.tv_sec++;
		end.tv_nsec -= 1000000000;
	}
	for (;;) {
		id = hostile_stat(idarg, &ds);
		if (ds.shm_nattch == want)
			return 0;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec > end.tv_sec ||
		    (now.tv_sec == end.tv_sec && now.tv_nsec >= end.tv_nsec)) {
			fprintf(stderr, "hostile: shmid %d: shm_nattch is %lu, not %llu, after %llu ms\n",
			    id, (unsigned long)ds.shm_nattch, want, limit);
			return 1;
		}
		nanosleep(&ms, NULL);
	}
}

/* hostile hold SHMID: keep a segment attached until stdin ends. */
static int
hostile_hold(const char *idarg)
{
	int id = (int)hostile_num(idarg, 0x7FFFFFFF);
	char buf[64];
	ssize_t r;
	void *p;

	p = shmat(id, NULL, SHM_RDONLY);
	if (p == (void *)-1) {
		fprintf(stderr, "hostile: shmat(%d): %s\n", id, strerror(errno));
		return 1;
	}
	printf("attached %d\n", id);
	fflush(stdout);
	while ((r = read(STDIN_FILENO, buf, sizeof buf)) != 0)
		if (r < 0 && errno != EINTR)
			break;
	if (shmdt(p) != 0) {
		fprintf(stderr, "hostile: shmdt: %s\n", strerror(errno));
		return 1;
	}
	printf("detached %d\n", id);
	return 0;
}

/* What /proc says a process used so far: CPU time and context switches. */
struct hostile_usage {
	unsigned long long cpu_ms, voluntary, involuntary;
	bool ok;
};

/* Read pid's utime + stime (/proc/PID/stat fields 14, 15) and its switches. */
static struct hostile_usage
hostile_usage_of(pid_t pid)
{
	struct hostile_usage u = { 0, 0, 0, false };
	unsigned long long ut = 0, st = 0;
	char path[64], buf[1024], *p;
	long tck = sysconf(_SC_CLK_TCK);
	int field, got = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	f = fopen(path, "re");
	if (f == NULL)
		return u;
	p = fgets(buf, sizeof buf, f) != NULL ? strrchr(buf, ')') : NULL;
	fclose(f);
	/* after ") " comes field 3 */
	for (field = 3; p != NULL && field <= 15; field++) {
		p = strchr(p + 1, ' ');
		if (p != NULL && field == 14)
			ut = strtoull(p + 1, NULL, 10);
		if (p != NULL && field == 15)
			st = strtoull(p + 1, NULL, 10);
	}
	if (p == NULL || tck <= 0)
		return u;
	u.cpu_ms = (ut + st) * 1000 / (unsigned long long)tck;
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	f = fopen(path, "re");
	if (f == NULL)
		return u;
	while (fgets(buf, sizeof buf, f) != NULL) {
		if (sscanf(buf, "voluntary_ctxt_switches: %llu", &u.voluntary) == 1)
			got++;
		if (sscanf(buf, "nonvoluntary_ctxt_switches: %llu", &u.involuntary) == 1)
			got++;
	}
	fclose(f);
	u.ok = got == 2;
	return u;
}

/* ts += ns */
static void
hostile_ts_add(struct timespec *ts, long long ns)
{
	ns += ts->tv_nsec;
	ts->tv_sec += (time_t)(ns / 1000000000);
	ts->tv_nsec = (long)(ns % 1000000000);
}

#define HOSTILE_STORM_PIDS 16

/* hostile storm SHMID RATE MS [PID]...: RATE changes a second for MS ms. */
static int
hostile_storm(const char *idarg, const char *ratearg, const char *msarg, int npids,
	      char **pidargs)
{
	unsigned long long rate = hostile_num(ratearg, 100000), ms = hostile_num(msarg, 600000);
	struct hostile_usage before[HOSTILE_STORM_PIDS], after;
	pid_t pids[HOSTILE_STORM_PIDS];
	int i, status = 0;
	_Atomic uint64_t *cell = NULL;
	_Atomic uint32_t *stamp = NULL;
	unsigned long long n, changes, k;
	struct board_header *h;
	struct timespec at;
	uint32_t cols, rows;
	size_t size;

	if (rate == 0 || npids > HOSTILE_STORM_PIDS)
		return hostile_usage();
	for (i = 0; i < npids; i++)
		pids[i] = (pid_t)hostile_num(pidargs[i], 0x7FFFFFFF);
	h = (struct board_header *)(void *)hostile_attach_id(idarg, false, &size);
	/* the geometry as the header says it, if it fits the segment: row 20's
	 * first ten cells and its stamp; otherwise only the generation moves */
	cols = atomic_load(&h->cols);
	rows = atomic_load(&h->rows);
	if (cols >= 10 && cols <= BOARD_MAX_COLS && rows > 20 && rows <= BOARD_MAX_ROWS &&
	    board_size_for(cols, rows) <= size) {
		cell = (_Atomic uint64_t *)(void *)((unsigned char *)h +
		    sizeof(struct board_header)) + 20 * (size_t)cols;
		stamp = (_Atomic uint32_t *)(void *)((unsigned char *)h +
		    sizeof(struct board_header) + 8 * (size_t)cols * rows) + 20;
	}
	changes = rate * ms / 1000;
	for (i = 0; i < npids; i++)
		before[i] = hostile_usage_of(pids[i]);
	clock_gettime(CLOCK_MONOTONIC, &at);
	for (n = 0; n < changes; n++) {
		if (cell != NULL) {
			k = n % 10;
			atomic_store_explicit(&cell[k], cell_make((uint32_t)('a' + n % 26), 0, 0),
			    memory_order_relaxed);
			atomic_fetch_add_explicit(stamp, 1, memory_order_release);
		}
		atomic_fetch_add_explicit(&h->generation, 1, memory_order_release);
		futex_wake(&h->generation);
		hostile_ts_add(&at, 1000000000ll / (long long)rate);
		while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, NULL) == EINTR)
			;
	}
	shmdt(h);
	printf("storm: %llu changes in %llu ms%s\n", changes, ms,
	    cell != NULL ? "" : " (the generation only: the header's geometry does not fit)");
	for (i = 0; i < npids; i++) {
		after = hostile_usage_of(pids[i]);
		if (!before[i].ok || !after.ok) {
			fprintf(stderr, "hostile: cannot read /proc/%d\n", (int)pids[i]);
			status = 1;
			continue;
		}
		printf("pid %d: cpu %llu ms, switches %llu (voluntary %llu, involuntary %llu)\n",
		    (int)pids[i], after.cpu_ms - before[i].cpu_ms,
		    after.voluntary - before[i].voluntary + after.involuntary -
		    before[i].involuntary, after.voluntary - before[i].voluntary,
		    after.involuntary - before[i].involuntary);
	}
	return status;
}

/* The lease word of a process that has exited: a child's pid and start time, reaped. */
static uint64_t
hostile_dead_word(void)
{
	int fds[2], status;
	uint64_t start;
	char c;
	pid_t pid;

	if (pipe(fds) != 0)
		return 0;
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		_exit(read(fds[0], &c, 1) < 0);
	}
	close(fds[0]);
	start = hostile_start_of(pid);
	close(fds[1]);
	waitpid(pid, &status, 0);
	return (uint64_t)(uint32_t)pid << 32 | (uint32_t)start;
}

/* hostile lease KEY hold|dead|reused|garbage|show */
static int
hostile_lease(const char *key, const char *what)
{
	struct lease_holder h;
	struct segment s;
	struct pzerr e;
	uint64_t word;
	char buf[64];
	ssize_t r;

	hostile_open(&s, key);
	if (strcmp(what, "hold") == 0) {
		if (lease_take(&s.board, 5000, &word, &e) != 0) {
			fprintf(stderr, "hostile: %s\n", e.msg);
			return 1;
		}
		printf("leased %d\n", s.shmid);
		fflush(stdout);
		while ((r = read(STDIN_FILENO, buf, sizeof buf)) != 0)
			if (r < 0 && errno != EINTR)
				break;
		printf("%s %d\n", lease_give(&s.board, word) == 0 ? "given" : "lost", s.shmid);
	} else if (strcmp(what, "show") == 0) {
		lease_holder(&s.board, &h);
		if (h.word == 0)
			printf("free\n");
		else
			printf("held by %d%s\n", (int)h.pid, h.alive ? "" : " (dead)");
	} else {
		if (strcmp(what, "dead") == 0)
			word = hostile_dead_word();
		else if (strcmp(what, "reused") == 0)
			word = 1ull << 32 | (uint32_t)(hostile_start_of(1) + 1);
		else if (strcmp(what, "garbage") == 0)
			word = UINT64_MAX;
		else
			return hostile_usage();
		if (word == 0)
			return 1;
		atomic_store(&s.board.hdr->lease, word);
		printf("%s %d\n", what, (int)(word >> 32));
	}
	segment_detach(&s, NULL);
	return 0;
}

/* Read a whole file into memory; exits 1 on failure. */
static unsigned char *
hostile_slurp(const char *path, size_t *len)
{
	unsigned char *buf = NULL, *p;
	size_t cap = 0, n;
	FILE *f = fopen(path, "rb");

	*len = 0;
	if (f == NULL) {
		fprintf(stderr, "hostile: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	for (;;) {
		if (cap - *len < 4096) {
			cap = cap ? cap * 2 : 65536;
			p = realloc(buf, cap);
			if (p == NULL) {
				fprintf(stderr, "hostile: out of memory\n");
				exit(1);
			}
			buf = p;
		}
		n = fread(buf + *len, 1, cap - *len, f);
		if (n == 0)
			break;
		*len += n;
	}
	fclose(f);
	return buf;
}

/* Report a problem at offset off of the checked stream, with the bytes around it. */
static void
hostile_bad(const unsigned char *s, size_t len, size_t off, const char *why)
{
	size_t from = off > 16 ? off - 16 : 0, i;

	printf("offset %zu: %s; bytes around it:", off, why);
	for (i = from; i < len && i < off + 24; i++)
		printf("%s%02x", i == off ? " [" : " ", s[i]);
	printf("\n");
}

/* Length of the escape sequence at s[0] == ESC that ncurses may send, 0 when not one. */
static size_t
hostile_esc_ok(const unsigned char *s, size_t len, const char *mode)
{
	size_t i;

	if (len < 2)
		return 0;
	if (strcmp(mode, "dump") == 0)
		return 0;
	if (s[1] == '[') {
		if (strcmp(mode, "ansi") == 0) {
			for (i = 2; i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == ';'); i++)
				;
			return i < len && s[i] == 'm' ? i + 1 : 0;
		}
		for (i = 2; i < len && s[i] >= 0x30 && s[i] <= 0x3F; i++)
			;
		for (; i < len && s[i] >= 0x20 && s[i] <= 0x2F; i++)
			;
		return i < len && s[i] >= 0x40 && s[i] <= 0x7E ? i + 1 : 0;
	}
	if (strcmp(mode, "term") != 0)
		return 0;
	/* pizarra's own question for the background colour (OSC 11 "?"): it carries nothing */
	if (len >= sizeof HOSTILE_BG_QUERY - 1 &&
	    memcmp(s, HOSTILE_BG_QUERY, sizeof HOSTILE_BG_QUERY - 1) == 0)
		return sizeof HOSTILE_BG_QUERY - 1;
	/* a copy to the clipboard (OSC 52 ; c ; base64 BEL): base64 carries no control byte */
	if (len >= 7 && memcmp(s, "\033]52;c;", 7) == 0) {
		for (i = 7; i < len && (isalnum(s[i]) || s[i] == '+' || s[i] == '/' || s[i] == '='); i++)
			;
		return i < len && s[i] == 0x07 ? i + 1 : 0;
	}
	if ((s[1] == '(' || s[1] == ')') && len >= 3 && s[2] >= 0x30 && s[2] <= 0x7E)
		return 3;
	if (strchr("=>78MDE", s[1]) != NULL && s[1] != '\0')
		return 2;
	return 0;
}

/* hostile rawcheck MODE FILE */
static int
hostile_rawcheck(const char *mode, const char *path)
{
	size_t len, i = 0, n_esc = 0, bad = 0, k;
	unsigned char *s;
	uint32_t cp;
	int n;

	if (strcmp(mode, "term") != 0 && strcmp(mode, "dump") != 0 && strcmp(mode, "ansi") != 0)
		return hostile_usage();
	s = hostile_slurp(path, &len);
	while (i < len && bad < 10) {
		if (s[i] == 0x1B) {
			if (i + 1 < len && s[i + 1] == ']' && hostile_esc_ok(s + i, len - i, mode) == 0) {
				hostile_bad(s, len, i, "OSC (ESC ]) sequence");
				bad++;
				i++;
				continue;
			}
			k = hostile_esc_ok(s + i, len - i, mode);
			if (k == 0) {
				hostile_bad(s, len, i, "ESC that does not start an allowed sequence");
				bad++;
				i++;
				continue;
			}
			n_esc++;
			i += k;
			continue;
		}
		n = utf8_decode((const char *)s + i, len - i, &cp);
		if (n < 0) {
			hostile_bad(s, len, i, "invalid UTF-8");
			bad++;
			i++;
			continue;
		}
		if (cp == 0x07)
			hostile_bad(s, len, i, "BEL");
		else if (cp >= 0x80 && cp <= 0x9F)
			hostile_bad(s, len, i, "C1 control code point");
		else if (cp == 0x7F)
			hostile_bad(s, len, i, "DEL");
		else if (cp < 0x20 && cp != '\n' && (strcmp(mode, "term") != 0 ||
		    (cp != '\b' && cp != '\t' && cp != '\r' && cp != 0x0E && cp != 0x0F)))
			hostile_bad(s, len, i, "C0 control");
		else {
			i += (size_t)n;
			continue;
		}
		bad++;
		i += (size_t)n;
	}
	free(s);
	if (bad != 0) {
		printf("%s: %zu bytes NOT clean for %s output (%zu problem%s shown)\n", path, len,
		    mode, bad, bad == 1 ? "" : "s");
		return 1;
	}
	printf("%s: %zu bytes clean for %s output (%zu escape sequences, all allowed)\n", path,
	    len, mode, n_esc);
	return 0;
}

/* hostile modes FILE: the DEC private modes as the stream leaves them. */
static int
hostile_modes(const char *path)
{
	static char state[10000];
	unsigned long v;
	size_t len, i, j;
	unsigned char *s = hostile_slurp(path, &len);

	for (i = 0; i + 2 < len; i++) {
		if (s[i] != 0x1B || s[i + 1] != '[' || s[i + 2] != '?')
			continue;
		for (j = i + 3; j < len && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';'); j++)
			;
		if (j >= len || (s[j] != 'h' && s[j] != 'l'))
			continue;
		v = 0;
		for (size_t k = i + 3; k <= j; k++) {
			if (s[k] >= '0' && s[k] <= '9') {
				v = v * 10 + (unsigned long)(s[k] - '0');
				if (v >= sizeof state)
					v = sizeof state - 1;
				continue;
			}
			state[v] = (char)s[j];
			v = 0;
		}
	}
	for (i = 0; i < sizeof state; i++)
		if (state[i] != 0)
			printf("%zu %c\n", i, state[i]);
	free(s);
	return 0;
}

/* Dispatch the subcommand. */
int
main(int argc, char **argv)
{
	const char *c = argc > 1 ? argv[1] : "";

	if (strcmp(c, "create") == 0 && (argc == 4 || argc == 5))
		return hostile_create(argv[2], argv[3], argc == 5 ? argv[4] : NULL);
	if (strcmp(c, "read") == 0 && argc == 3)
		return hostile_read(argv[2]);
	if (strcmp(c, "write") == 0 && (argc == 3 || argc == 4))
		return hostile_write(argv[2], argc == 4 ? argv[3] : NULL);
	if (strcmp(c, "poke32") == 0 && argc == 5)
		return hostile_poke32(argv[2], argv[3], argv[4]);
	if (strcmp(c, "poke64") == 0 && argc == 5)
		return hostile_poke64(argv[2], argv[3], argv[4]);
	if (strcmp(c, "nattch") == 0 && argc == 3)
		return hostile_nattch(argv[2]);
	if (strcmp(c, "waitnattch") == 0 && argc == 5)
		return hostile_waitnattch(argv[2], argv[3], argv[4]);
	if (strcmp(c, "cells") == 0 && argc == 5)
		return hostile_cells(argv[2], argv[3], argv[4]);
	if (strcmp(c, "expect") == 0 && argc == 4)
		return hostile_expect(argv[2], argv[3]);
	if (strcmp(c, "categories") == 0 && argc == 2)
		return hostile_list();
	if (strcmp(c, "header") == 0 && argc == 5)
		return hostile_header(argv[2], argv[3], argv[4]);
	if (strcmp(c, "slots") == 0 && argc == 4)
		return hostile_slots(argv[2], argv[3]);
	if (strcmp(c, "selslot") == 0 && argc == 5)
		return hostile_selslot(argv[2], argv[3], argv[4]);
	if (strcmp(c, "lease") == 0 && argc == 4)
		return hostile_lease(argv[2], argv[3]);
	if (strcmp(c, "foreign") == 0 && argc == 4)
		return hostile_foreign(argv[2], argv[3]);
	if (strcmp(c, "rm") == 0 && argc == 3)
		return hostile_rm(argv[2]);
	if (strcmp(c, "shmid") == 0 && argc == 3)
		return hostile_shmid(argv[2]);
	if (strcmp(c, "raw") == 0 && argc == 3)
		return hostile_raw(argv[2]);
	if (strcmp(c, "hold") == 0 && argc == 3)
		return hostile_hold(argv[2]);
	if (strcmp(c, "storm") == 0 && argc >= 5)
		return hostile_storm(argv[2], argv[3], argv[4], argc - 5, argv + 5);
	if (strcmp(c, "rawcheck") == 0 && argc == 4)
		return hostile_rawcheck(argv[2], argv[3]);
	if (strcmp(c, "modes") == 0 && argc == 3)
		return hostile_modes(argv[2]);
	return hostile_usage();
}
