/*
 * check_report.c - unit tests of the report of `pizarra info` (report.h):
 * the text report (every field name, aligned values, the ftok, board and
 * client sections, how a segment not named by ftok was named); and the
 * JSON report, checked by a small strict JSON validator (one object, no
 * duplicate keys, valid strings and numbers) and by its keys and values,
 * including the clients array, the ftok object for a resolved
 * ADDR_BY_FTOK address, escaping, and an st_ino with bit 63 set. The
 * field values themselves are shminfo's (check_shminfo).
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "checkutil.h"
#include "report.h"
#include "shminfo.h"
#include "strbuf.h"
#include "utf8.h"

#define JSON_MAX_DEPTH 32
#define JSON_MAX_KEYS  64

/* The state of the JSON validator: where it is and how deep. */
struct json_parser {
	const char *p;
	int depth;
};

/* The kernel names the fields must have, written out independently of the library. */
static const char *const kernel_names[SHMINFO_NFIELDS] = {
	[SHMINFO_KEY] = "shm_perm.key",
	[SHMINFO_SHMID] = "shmid",
	[SHMINFO_UID] = "shm_perm.uid",
	[SHMINFO_GID] = "shm_perm.gid",
	[SHMINFO_CUID] = "shm_perm.cuid",
	[SHMINFO_CGID] = "shm_perm.cgid",
	[SHMINFO_MODE] = "shm_perm.mode",
	[SHMINFO_SEGSZ] = "shm_segsz",
	[SHMINFO_NATTCH] = "shm_nattch",
	[SHMINFO_CPID] = "shm_cpid",
	[SHMINFO_LPID] = "shm_lpid",
	[SHMINFO_ATIME] = "shm_atime",
	[SHMINFO_DTIME] = "shm_dtime",
	[SHMINFO_CTIME] = "shm_ctime",
	[SHMINFO_DEST] = "dest",
};

/* Values nest inside objects and arrays, so the parser is mutually recursive. */
static bool json_value(struct json_parser *j);

/* Skip JSON whitespace. */
static void
json_ws(struct json_parser *j)
{
	while (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')
		j->p++;
}

/* One string literal: no raw controls, only valid escapes, valid UTF-8. */
static bool
json_string(struct json_parser *j)
{
	uint32_t cp;
	int i, n;

	if (*j->p != '"')
		return false;
	j->p++;
	for (;;) {
		unsigned char c = (unsigned char)*j->p;

		if (c == '"') {
			j->p++;
			return true;
		}
		if (c < 0x20)
			return false;
		if (c == '\\') {
			j->p++;
			if (*j->p == 'u') {
				for (i = 1; i <= 4; i++)
					if (strchr("0123456789abcdefABCDEF", j->p[i]) == NULL || j->p[i] == '\0')
						return false;
				j->p += 5;
			} else if (*j->p != '\0' && strchr("\"\\/bfnrt", *j->p) != NULL) {
				j->p++;
			} else {
				return false;
			}
		} else if (c >= 0x80) {
			n = utf8_decode(j->p, strlen(j->p), &cp);
			if (n < 0)
				return false;
			j->p += n;
		} else {
			j->p++;
		}
	}
}

/* One number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool
json_number(struct json_parser *j)
{
	const char *p = j->p;

	if (*p == '-')
		p++;
	if (*p == '0') {
		p++;
	} else if (*p >= '1' && *p <= '9') {
		while (*p >= '0' && *p <= '9')
			p++;
	} else {
		return false;
	}
	if (*p == '.') {
		p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	j->p = p;
	return true;
}

/* One object, refusing duplicate keys. */
static bool
json_object(struct json_parser *j)
{
	const char *key[JSON_MAX_KEYS];
	size_t keylen[JSON_MAX_KEYS];
	int nkeys = 0, i;

	j->p++;
	json_ws(j);
	if (*j->p == '}') {
		j->p++;
		return true;
	}
	for (;;) {
		const char *start = j->p;

		if (!json_string(j) || nkeys == JSON_MAX_KEYS)
			return false;
		for (i = 0; i < nkeys; i++)
			if (keylen[i] == (size_t)(j->p - start) && memcmp(key[i], start, keylen[i]) == 0)
				return false;
		key[nkeys] = start;
		keylen[nkeys++] = (size_t)(j->p - start);
		json_ws(j);
		if (*j->p != ':')
			return false;
		j->p++;
		json_ws(j);
		if (!json_value(j))
			return false;
		json_ws(j);
		if (*j->p == '}') {
			j->p++;
			return true;
		}
		if (*j->p != ',')
			return false;
		j->p++;
		json_ws(j);
	}
}

/* One array. */
static bool
json_array(struct json_parser *j)
{
	j->p++;
	json_ws(j);
	if (*j->p == ']') {
		j->p++;
		return true;
	}
	for (;;) {
		json_ws(j);
		if (!json_value(j))
			return false;
		json_ws(j);
		if (*j->p == ']') {
			j->p++;
			return true;
		}
		if (*j->p != ',')
			return false;
		j->p++;
	}
}

/* One value of any kind. */
static bool
json_value(struct json_parser *j)
{
	bool ok;

	if (++j->depth > JSON_MAX_DEPTH)
		return false;
	switch (*j->p) {
	case '{':
		ok = json_object(j);
		break;
	case '[':
		ok = json_array(j);
		break;
	case '"':
		ok = json_string(j);
		break;
	case 't':
		ok = strncmp(j->p, "true", 4) == 0;
		j->p += ok ? 4 : 0;
		break;
	case 'f':
		ok = strncmp(j->p, "false", 5) == 0;
		j->p += ok ? 5 : 0;
		break;
	case 'n':
		ok = strncmp(j->p, "null", 4) == 0;
		j->p += ok ? 4 : 0;
		break;
	default:
		ok = json_number(j);
		break;
	}
	j->depth--;
	return ok;
}

/* True when s is exactly one JSON object, with optional surrounding whitespace. */
static bool
json_is_one_object(const char *s)
{
	struct json_parser j = { s, 0 };

	json_ws(&j);
	if (*j.p != '{' || !json_value(&j))
		return false;
	json_ws(&j);
	return *j.p == '\0';
}

/* How many times needle occurs in hay. */
static int
count_substr(const char *hay, const char *needle)
{
	const char *p = hay;
	int n = 0;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

/* Assert that hay contains needle exactly once. */
static void
check_once(const char *hay, const char *needle)
{
	int n = count_substr(hay, needle);

	ck_assert_msg(n == 1, "\"%s\" occurs %d times in:\n%s", needle, n, hay);
}

/* A resolved ftok address with known parts: key 0x70030002. */
static void
ftok_addr(struct addr *a, const char *path)
{
	memset(a, 0, sizeof *a);
	a->how = ADDR_BY_FTOK;
	snprintf(a->path, sizeof a->path, "%s", path);
	a->proj = 0x70;
	a->key = 0x70030002;
	a->dev = 0x803;
	a->ino = 2;
	a->resolved = true;
}

/* Two clients with distinct values in every field. */
static void
two_clients(struct client_info c[2])
{
	memset(c, 0, 2 * sizeof c[0]);
	c[0].slot = 0;
	c[0].pid = 1111;
	c[0].uid = 0;
	c[0].colour = 1;
	c[0].col = 10;
	c[0].row = 5;
	snprintf(c[0].tty, sizeof c[0].tty, "pts/3");
	c[1].slot = 4;
	c[1].pid = 2222;
	c[1].uid = tu_unused_uid();
	c[1].colour = 12;
	c[1].col = 79;
	c[1].row = 23;
	c[1].tty[0] = '\0';
}

/* The value column of the line "  name<spaces>value" in text, or NULL. */
static const char *
text_value(const char *text, const char *name, size_t *col, size_t *len)
{
	size_t nlen = strlen(name);
	const char *line = text, *v, *end;

	while (line != NULL && *line != '\0') {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		if (strncmp(line, "  ", 2) == 0 && strncmp(line + 2, name, nlen) == 0 &&
		    line[2 + nlen] == ' ') {
			v = line + 2 + nlen;
			while (*v == ' ')
				v++;
			*col = (size_t)(v - line);
			*len = (size_t)(end - v);
			return v;
		}
		line = *end == '\n' ? end + 1 : NULL;
	}
	return NULL;
}

/* The text report has every field by kernel name, with its value, in one aligned column. */
START_TEST(test_text_fields)
{
	struct report r;
	struct strbuf sb;
	const char *text, *v;
	size_t col0 = 0, col, len;
	void *addr;
	int id, f;

	id = tu_private_segment(8192, 0600, &addr);
	memset(&r, 0, sizeof r);
	tu_stat_segment(id, &r.si);
	strbuf_init(&sb);
	strbuf_puts(&sb, "before\n");
	report_format_text(&sb, &r);
	text = strbuf_cstr(&sb);
	ck_assert_int_eq(strncmp(text, "before\n", 7), 0);
	for (f = 0; f < SHMINFO_NFIELDS; f++) {
		const char *name = kernel_names[f];
		const char *want = tu_value_of(&r.si, (enum shminfo_field)f, true);

		v = text_value(text, name, &col, &len);
		ck_assert_msg(v != NULL, "no line for %s in:\n%s", name, text);
		ck_assert_msg(len == strlen(want) && strncmp(v, want, len) == 0,
		    "%s: value \"%.*s\", expected \"%s\"", name, (int)len, v, want);
		if (f == 0)
			col0 = col;
		ck_assert_msg(col == col0, "%s: value in column %zu, others in %zu", name, col, col0);
	}
	v = text_value(text, "shm_perm.mode", &col, &len);
	ck_assert_int_eq(strncmp(v, "0600 rw-------\n", len + 1), 0);
	v = text_value(text, "shm_segsz", &col, &len);
	ck_assert_int_eq(strncmp(v, "8192\n", len + 1), 0);
	v = text_value(text, "dest", &col, &len);
	ck_assert_int_eq(strncmp(v, "yes", 3), 0);
	ck_assert_ptr_null(strstr(text, "\nboard\n"));
	ck_assert_ptr_null(strstr(text, "\nftok\n"));
	ck_assert_ptr_nonnull(strstr(text, "explicit key (-k)"));
	ck_assert_int_eq(text[strlen(text) - 1], '\n');
	strbuf_free(&sb);
	ck_assert_int_eq(shmdt(addr), 0);
}
END_TEST

/* The text report says how the segment was named when it was not by ftok. */
START_TEST(test_text_named_by)
{
	struct report r;
	struct addr a;
	struct strbuf sb;

	memset(&r, 0, sizeof r);
	tu_fake_stat(&r.si);
	memset(&a, 0, sizeof a);
	a.how = ADDR_BY_SHMID;
	a.shmid = 98307;
	r.addr = &a;
	strbuf_init(&sb);
	report_format_text(&sb, &r);
	ck_assert_ptr_nonnull(strstr(strbuf_cstr(&sb), "shmid (-i)"));
	ck_assert_ptr_null(strstr(strbuf_cstr(&sb), "\nftok\n"));
	strbuf_reset(&sb);
	a.how = ADDR_BY_KEY;
	a.key = 0x70030002;
	report_format_text(&sb, &r);
	ck_assert_ptr_nonnull(strstr(strbuf_cstr(&sb), "explicit key (-k)"));
	strbuf_reset(&sb);
	ftok_addr(&a, "/tmp/unresolved");
	a.resolved = false;
	report_format_text(&sb, &r);
	ck_assert_ptr_null(strstr(strbuf_cstr(&sb), "\nftok\n"));
	ck_assert_ptr_null(strstr(strbuf_cstr(&sb), "/tmp/unresolved"));
	strbuf_free(&sb);
}
END_TEST

/* The text report shows the ftok derivation, the board and one row per client. */
START_TEST(test_text_ftok_board_clients)
{
	struct client_info c[2];
	struct report r;
	struct addr a;
	struct strbuf sb;
	const char *text, *v, *row;
	char want[64];
	size_t col, len;

	tu_use_utc();
	memset(&r, 0, sizeof r);
	tu_fake_stat(&r.si);
	r.si.ds.shm_nattch = 3;
	ftok_addr(&a, "/srv/board key");
	two_clients(c);
	r.addr = &a;
	r.have_board = true;
	r.cols = 80;
	r.rows = 24;
	r.generation = 7;
	r.slots = 16;
	r.created = 90061;
	r.clients = c;
	r.nclients = 2;
	strbuf_init(&sb);
	report_format_text(&sb, &r);
	text = strbuf_cstr(&sb);
	ck_assert_ptr_nonnull(strstr(text, "\nftok\n"));
	v = text_value(text, "path", &col, &len);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(strncmp(v, "/srv/board key\n", len + 1), 0);
	v = text_value(text, "proj_id", &col, &len);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(strncmp(v, "112 (0x70)", len), 0);
	ck_assert_ptr_nonnull(strstr(text, "0x70 << 24 | 0x03 << 16 | 0x0002 = 0x70030002"));
	ck_assert_ptr_nonnull(strstr(text, "\nboard\n"));
	v = text_value(text, "geometry", &col, &len);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(strncmp(v, "80x24\n", len + 1), 0);
	v = text_value(text, "generation", &col, &len);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(strncmp(v, "7\n", len + 1), 0);
	v = text_value(text, "created", &col, &len);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(strncmp(v, "1970-01-02 01:01:01\n", len + 1), 0);
	v = text_value(text, "slots in use", &col, &len);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(strncmp(v, "2 of 16\n", len + 1), 0);
	ck_assert_ptr_nonnull(strstr(text, "clients (2 in slots, shm_nattch 3"));
	row = strstr(text, "\n  0    1111 ");
	ck_assert_msg(row != NULL, "no row for slot 0 in:\n%s", text);
	ck_assert_ptr_nonnull(strstr(row, "root"));
	ck_assert_ptr_nonnull(strstr(row, "pts/3"));
	ck_assert_ptr_nonnull(strstr(row, "10,5\n"));
	row = strstr(text, "\n  4    2222 ");
	ck_assert_msg(row != NULL, "no row for slot 4 in:\n%s", text);
	snprintf(want, sizeof want, "%u", (unsigned)c[1].uid);
	ck_assert_ptr_nonnull(strstr(row, want));
	ck_assert_ptr_nonnull(strstr(row, " - "));
	ck_assert_ptr_nonnull(strstr(row, "79,23\n"));
	strbuf_free(&sb);
}
END_TEST

/* A board with no clients prints no client rows. */
START_TEST(test_text_board_no_clients)
{
	struct report r;
	struct strbuf sb;
	const char *text;

	memset(&r, 0, sizeof r);
	tu_fake_stat(&r.si);
	r.si.ds.shm_nattch = 0;
	r.have_board = true;
	r.cols = 10;
	r.rows = 2;
	r.slots = 16;
	strbuf_init(&sb);
	report_format_text(&sb, &r);
	text = strbuf_cstr(&sb);
	ck_assert_ptr_nonnull(strstr(text, "\nboard\n"));
	ck_assert_ptr_nonnull(strstr(text, "clients (0 in slots, shm_nattch 0)\n"));
	ck_assert_ptr_null(strstr(text, "slot "));
	strbuf_free(&sb);
}
END_TEST

/* The validator accepts good JSON and refuses broken JSON, so it can catch bad reports. */
START_TEST(test_validator_self_check)
{
	static const char *const good[] = {
		"{}", " {\"a\":1}\n", "{\"a\":[1,-2.5e3,true,false,null,\"x\\u00e9\\n\"],\"b\":{}}",
		"{\"\xC3\xB1\":\"\xF0\x9F\x98\x80\"}", "{\"a\":[]}", "{\"a\":0}",
	};
	static const char *const bad[] = {
		"", "[]", "\"s\"", "{", "{\"a\":1,}", "{a:1}", "{\"a\":1}{}", "{\"a\":01}",
		"{\"a\":\"x\ty\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\xFF\"}",
		"{\"a\":1,\"a\":2}", "{\"a\":[1,]}", "{\"a\":tru}", "{\"a\":-}", "{\"a\":1.}",
		"{\"a\" 1}", "{\"a\":1 \"b\":2}", "{\"a\":\"unterminated}",
	};
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		ck_assert_msg(json_is_one_object(good[i]), "good case %zu refused: %s", i, good[i]);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!json_is_one_object(bad[i]), "bad case %zu accepted: %s", i, bad[i]);
}
END_TEST

/* The JSON report of a real segment is one object with every field under its kernel name. */
START_TEST(test_json_fields)
{
	struct report r;
	struct strbuf sb;
	const char *json;
	char want[128];
	void *addr;
	int id, f;

	id = tu_private_segment(8192, 0600, &addr);
	memset(&r, 0, sizeof r);
	tu_stat_segment(id, &r.si);
	strbuf_init(&sb);
	report_format_json(&sb, &r);
	json = strbuf_cstr(&sb);
	ck_assert_msg(json_is_one_object(json), "not one JSON object:\n%s", json);
	for (f = 0; f < SHMINFO_NFIELDS; f++) {
		snprintf(want, sizeof want, "\"%s\":", kernel_names[f]);
		check_once(json, want);
	}
	check_once(json, "{\"shm_perm.key\":\"0x00000000\"");
	snprintf(want, sizeof want, "\"shmid\":%d,", id);
	check_once(json, want);
	check_once(json, "\"shm_perm.mode\":\"0600\"");
	check_once(json, "\"shm_segsz\":8192,");
	check_once(json, "\"shm_nattch\":1,");
	snprintf(want, sizeof want, "\"shm_cpid\":%d,", (int)getpid());
	check_once(json, want);
	snprintf(want, sizeof want, "\"shm_lpid\":%d,", (int)r.si.ds.shm_lpid);
	check_once(json, want);
	snprintf(want, sizeof want, "\"shm_perm.uid\":%u,", (unsigned)geteuid());
	check_once(json, want);
	snprintf(want, sizeof want, "\"shm_atime\":%lld,", (long long)r.si.ds.shm_atime);
	check_once(json, want);
	snprintf(want, sizeof want, "\"shm_ctime\":%lld,", (long long)r.si.ds.shm_ctime);
	check_once(json, want);
	check_once(json, "\"shm_dtime\":0,");
	check_once(json, "\"dest\":true");
	ck_assert_ptr_null(strstr(json, "\"ftok\""));
	ck_assert_ptr_null(strstr(json, "\"board\""));
	ck_assert_ptr_null(strstr(json, "\"clients\""));
	strbuf_free(&sb);
	ck_assert_int_eq(shmdt(addr), 0);
}
END_TEST

/* The JSON report has user and group names, and dest false without SHM_DEST. */
START_TEST(test_json_names_and_dest)
{
	struct report r;
	struct strbuf sb;
	const char *json;

	memset(&r, 0, sizeof r);
	tu_fake_stat(&r.si);
	strbuf_init(&sb);
	report_format_json(&sb, &r);
	json = strbuf_cstr(&sb);
	ck_assert_msg(json_is_one_object(json), "not one JSON object:\n%s", json);
	check_once(json, "{\"shm_perm.key\":\"0x70030002\"");
	check_once(json, "\"shmid\":98307,");
	check_once(json, "\"shm_perm.uid\":0,");
	check_once(json, "\"shm_perm.uid_name\":\"root\"");
	check_once(json, "\"shm_perm.gid_name\":\"root\"");
	check_once(json, "\"shm_segsz\":48832,");
	check_once(json, "\"shm_nattch\":3,");
	check_once(json, "\"shm_cpid\":4321,");
	check_once(json, "\"shm_lpid\":8765,");
	check_once(json, "\"dest\":false");
	strbuf_free(&sb);
}
END_TEST

/* A resolved ftok address adds an ftok object; clients come as an array of objects. */
START_TEST(test_json_ftok_board_clients)
{
	struct client_info c[2];
	struct report r;
	struct addr a;
	struct strbuf sb;
	const char *json;
	char want[256];

	memset(&r, 0, sizeof r);
	tu_fake_stat(&r.si);
	ftok_addr(&a, "/srv/pizarra/board");
	two_clients(c);
	r.addr = &a;
	r.have_board = true;
	r.cols = 80;
	r.rows = 24;
	r.generation = 7;
	r.slots = 16;
	r.created = 1700000000;
	r.clients = c;
	r.nclients = 2;
	strbuf_init(&sb);
	report_format_json(&sb, &r);
	json = strbuf_cstr(&sb);
	ck_assert_msg(json_is_one_object(json), "not one JSON object:\n%s", json);
	check_once(json, "\"ftok\":{\"path\":\"/srv/pizarra/board\",");
	check_once(json, "\"st_dev\":2051,");
	check_once(json, "\"st_ino\":2,");
	check_once(json, "\"proj_id\":112,");
	check_once(json, "\"key\":\"0x70030002\"}");
	check_once(json, "\"board\":{\"cols\":80,\"rows\":24,\"generation\":7,"
	    "\"created\":1700000000,\"slots\":16}");
	check_once(json, "\"clients\":[{\"slot\":0,\"pid\":1111,\"uid\":0,\"user\":\"root\","
	    "\"tty\":\"pts/3\",\"colour\":1,\"col\":10,\"row\":5},");
	snprintf(want, sizeof want, "{\"slot\":4,\"pid\":2222,\"uid\":%u,\"user\":\"%u\","
	    "\"tty\":\"\",\"colour\":12,\"col\":79,\"row\":23}]", (unsigned)c[1].uid,
	    (unsigned)c[1].uid);
	check_once(json, want);
	strbuf_free(&sb);
}
END_TEST

/* Strings the report copies (path, tty) are escaped so the object stays valid. */
START_TEST(test_json_escaping)
{
	struct client_info c[2];
	struct report r;
	struct addr a;
	struct strbuf sb;
	const char *json;

	memset(&r, 0, sizeof r);
	tu_fake_stat(&r.si);
	ftok_addr(&a, "/tmp/a \"quoted\" \\dir\\ \x01\t\xC3\xB1 \xFF end");
	two_clients(c);
	snprintf(c[0].tty, sizeof c[0].tty, "p\"t\\s");
	r.addr = &a;
	r.have_board = true;
	r.clients = c;
	r.nclients = 1;
	strbuf_init(&sb);
	report_format_json(&sb, &r);
	json = strbuf_cstr(&sb);
	ck_assert_msg(json_is_one_object(json), "not one JSON object:\n%s", json);
	check_once(json, "\"path\":\"/tmp/a \\\"quoted\\\" \\\\dir\\\\ ");
	check_once(json, "\"tty\":\"p\\\"t\\\\s\"");
	ck_assert_ptr_null(strstr(json, "\xFF"));
	ck_assert_ptr_null(strchr(json, '\t'));
	check_once(json, "\"clients\":[{\"slot\":0,");
	check_once(json, "\"row\":5}]");
	strbuf_free(&sb);
}
END_TEST

/* A board with no clients gives an empty clients array; unresolved ftok gives no ftok object. */
START_TEST(test_json_empty_clients_unresolved_ftok)
{
	struct report r;
	struct addr a;
	struct strbuf sb;
	const char *json;

	memset(&r, 0, sizeof r);
	tu_fake_stat(&r.si);
	ftok_addr(&a, "/tmp/x");
	a.resolved = false;
	r.addr = &a;
	r.have_board = true;
	r.cols = 1;
	r.rows = 1;
	strbuf_init(&sb);
	report_format_json(&sb, &r);
	json = strbuf_cstr(&sb);
	ck_assert_msg(json_is_one_object(json), "not one JSON object:\n%s", json);
	check_once(json, "\"clients\":[]");
	check_once(json, "\"board\":{\"cols\":1,\"rows\":1,");
	ck_assert_ptr_null(strstr(json, "\"ftok\""));
	strbuf_reset(&sb);
	a.how = ADDR_BY_KEY;
	a.resolved = true;
	report_format_json(&sb, &r);
	json = strbuf_cstr(&sb);
	ck_assert_msg(json_is_one_object(json), "not one JSON object:\n%s", json);
	ck_assert_ptr_null(strstr(json, "\"ftok\""));
	strbuf_free(&sb);
}
END_TEST

/* logind's verdict: a section in the text, an object in the JSON, the warning only when it removes. */
START_TEST(test_logind_section)
{
	struct logind_ipc l;
	struct addr a;
	struct report r;
	struct strbuf sb;
	const char *text, *json;

	memset(&r, 0, sizeof r);
	memset(&l, 0, sizeof l);
	tu_fake_stat(&r.si);
	addr_default(&a);
	a.how = ADDR_BY_KEY;
	a.key = 0x1234;
	r.addr = &a;
	r.have_board = true;
	r.cols = 10;
	r.rows = 2;
	l.in_use = l.remove_ipc = l.removes = true;
	l.owner = 4242;
	r.logind = &l;
	strbuf_init(&sb);
	report_format_text(&sb, &r);
	text = strbuf_cstr(&sb);
	ck_assert_msg(strstr(text, "\nsystemd-logind\n  in use           yes (/run/systemd/system "
	    "exists)\n  RemoveIPC        yes (systemd's default)\n  owner            4242 (uid "
	    "4242): not a system user (those are uid 0-999)\n  warning          systemd-logind "
	    "removes this board when 4242's last login session ends") != NULL, "%s", text);
	ck_assert_ptr_nonnull(strstr(text, "with `pizarra -k 0x00001234 chown root`\n"));
	strbuf_reset(&sb);
	report_format_json(&sb, &r);
	json = strbuf_cstr(&sb);
	ck_assert_msg(json_is_one_object(json), "not one JSON object:\n%s", json);
	check_once(json, "\"logind\":{\"in_use\":true,\"remove_ipc\":true,\"remove_ipc_from\":\"\","
	    "\"system_user\":false,\"lingering\":false,\"removes_board\":true,\"warning\":\"systemd-logind");
	/* kept: no warning line, an empty warning */
	l.remove_ipc = l.removes = false;
	snprintf(l.from, sizeof l.from, "/etc/systemd/logind.conf.d/x \"y\".conf");
	strbuf_reset(&sb);
	report_format_text(&sb, &r);
	text = strbuf_cstr(&sb);
	ck_assert_ptr_nonnull(strstr(text, "  RemoveIPC        no (set in /etc/systemd/logind.conf.d/x"));
	ck_assert_ptr_null(strstr(text, "warning"));
	strbuf_reset(&sb);
	report_format_json(&sb, &r);
	json = strbuf_cstr(&sb);
	ck_assert_msg(json_is_one_object(json), "not one JSON object:\n%s", json);
	check_once(json, "\"removes_board\":false,\"warning\":\"\"}");
	strbuf_free(&sb);
}
END_TEST

/* A segment that is not a board: its fields, then why, and board null in the JSON. */
START_TEST(test_not_board)
{
	struct report r;
	struct strbuf sb;
	const char *text, *json;

	memset(&r, 0, sizeof r);
	tu_fake_stat(&r.si);
	r.not_board = "not a pizarra board: 100 bytes is too small for a board";
	strbuf_init(&sb);
	report_format_text(&sb, &r);
	text = strbuf_cstr(&sb);
	ck_assert_ptr_nonnull(strstr(text, "\nboard\n  none             not a pizarra board: 100 bytes"));
	ck_assert_ptr_null(strstr(text, "clients"));
	strbuf_reset(&sb);
	report_format_json(&sb, &r);
	json = strbuf_cstr(&sb);
	ck_assert_msg(json_is_one_object(json), "not one JSON object:\n%s", json);
	check_once(json, ",\"board\":null,\"not_board\":\"not a pizarra board: 100 bytes");
	strbuf_free(&sb);
}
END_TEST

/* An st_ino with bit 63 set (overlayfs xino) must print unsigned in the JSON. */
START_TEST(test_json_inode_bit63)
{
	struct report r;
	struct addr a;
	struct strbuf sb;
	const char *json;

	memset(&r, 0, sizeof r);
	tu_fake_stat(&r.si);
	ftok_addr(&a, "/mnt/overlay/board");
	a.ino = (ino_t)0x8000000000000002ull;
	r.addr = &a;
	strbuf_init(&sb);
	report_format_text(&sb, &r);
	ck_assert_ptr_nonnull(strstr(strbuf_cstr(&sb), "9223372036854775810 (low 16 bits 0x0002)"));
	strbuf_reset(&sb);
	report_format_json(&sb, &r);
	json = strbuf_cstr(&sb);
	ck_assert_msg(json_is_one_object(json), "not one JSON object:\n%s", json);
	check_once(json, "\"st_ino\":9223372036854775810,");
	strbuf_free(&sb);
}
END_TEST

/* The JSON report is appended after what the buffer already holds. */
START_TEST(test_json_appends)
{
	struct report r;
	struct strbuf sb;

	memset(&r, 0, sizeof r);
	tu_fake_stat(&r.si);
	strbuf_init(&sb);
	strbuf_puts(&sb, "prefix");
	report_format_json(&sb, &r);
	ck_assert_int_eq(strncmp(strbuf_cstr(&sb), "prefix{", 7), 0);
	ck_assert(json_is_one_object(strbuf_cstr(&sb) + 6));
	strbuf_free(&sb);
}
END_TEST

/* The report suite. */
static Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *text = tcase_create("text");
	TCase *json = tcase_create("json");

	tcase_add_test(text, test_text_fields);
	tcase_add_test(text, test_text_named_by);
	tcase_add_test(text, test_text_ftok_board_clients);
	tcase_add_test(text, test_text_board_no_clients);
	suite_add_tcase(s, text);
	tcase_add_test(json, test_validator_self_check);
	tcase_add_test(json, test_json_fields);
	tcase_add_test(json, test_json_names_and_dest);
	tcase_add_test(json, test_json_ftok_board_clients);
	tcase_add_test(json, test_json_escaping);
	tcase_add_test(json, test_json_empty_clients_unresolved_ftok);
	tcase_add_test(json, test_json_appends);
	tcase_add_test(json, test_json_inode_bit63);
	tcase_add_test(json, test_logind_section);
	tcase_add_test(json, test_not_board);
	suite_add_tcase(s, json);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(report_suite());
}
