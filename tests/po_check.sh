#!/bin/sh
# po_check.sh - the message catalogs are complete and sound.
#
# For every language in src/po/LINGUAS, src/po/LANG.po:
#   - passes msgfmt --check (the header, the plural forms, every format
#     string matching its msgid's: %s for %s, in order or numbered);
#   - has no fuzzy and no untranslated message (msgfmt --statistics);
#   - translates every message the code has now (the sources are extracted
#     afresh with the options of src/po/Makevars and compared with msgcmp,
#     so a string marked since the last update-po fails here, not in class).
# And every source file that marks a message is listed in POTFILES.in.
# Before it checks the catalogs, the test checks itself on a broken copy.
#
# Needs gettext's tools (msgfmt, xgettext, msgcmp); no segment, no terminal.

# shellcheck source=tests/lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin
TOP=$(cd "$TESTS_SRCDIR/.." && pwd)
PO=$TOP/src/po

for t in msgfmt xgettext msgcmp; do
	command -v "$t" >/dev/null 2>&1 || skip "$t is missing (install the Debian package gettext)"
done

# The xgettext options of Makevars (one logical line, continued with \).
XOPTS=$(sed -n '/^XGETTEXT_OPTIONS/,/[^\\]$/p' "$PO/Makevars" | sed 's/^XGETTEXT_OPTIONS *= *//; s/\\$//' | tr '\n' ' ')

# The sources that mark messages, from POTFILES.in.
sources() {
	sed -e '/^#/d' -e '/^[ 	]*$/d' "$PO/POTFILES.in"
}

# catalog_problems PO POT: one line per problem of catalog PO against the template POT.
catalog_problems() {
	if ! msgfmt --check -o /dev/null "$1" 2>"$T/fmt"; then
		sed 's/^/msgfmt --check: /' "$T/fmt"
	fi
	msgfmt --statistics -o /dev/null "$1" 2>&1 | awk '
	/fuzzy/ || /untranslated/ { print "not all translated: " $0 }'
	if ! msgcmp "$1" "$2" 2>"$T/cmp"; then
		grep -v '^msgcmp: found' "$T/cmp" | sed 's/^/msgcmp: /' | head -20
	fi
}

section "the template, extracted afresh from POTFILES.in"
# shellcheck disable=SC2086 # the options are words
(cd "$TOP" && xgettext $XOPTS --package-name=pizarra -o "$T/fresh.pot" $(sources)) 2>"$T/xg"
check "xgettext extracts the messages" test -s "$T/fresh.pot"
n=$(grep -c '^msgid ' "$T/fresh.pot")
CHECKS=$((CHECKS + 1))
if [ "$n" -gt 1 ]; then pass "$((n - 1)) messages in the code"; else fail "no message extracted"; fi

CHECKS=$((CHECKS + 1))
missing=
for f in $(cd "$TOP" && grep -l -E '(^|[^A-Za-z0-9_])(N_|P_|_)\("' src/*.c src/lib/*.c); do
	sources | grep -qx "$f" || missing="$missing $f"
done
if [ -z "$missing" ]; then
	pass "every file that marks a message is in src/po/POTFILES.in"
else
	fail "not in src/po/POTFILES.in (their messages would never be translated):$missing"
fi

section "the test catches a broken catalog"
lang1=$(sed -e '/^#/d' -e '/^[ 	]*$/d' "$PO/LINGUAS" | head -1)
if [ -n "$lang1" ]; then
	# a message left out: drop the last translated entry's msgstr
	awk 'BEGIN { RS = ""; ORS = "\n\n" } { a[NR] = $0 } END { for (i = 1; i < NR; i++) print a[i]; s = a[NR]; sub(/msgstr ".*/, "msgstr \"\"", s); print s }' \
		"$PO/$lang1.po" >"$T/untranslated.po"
	catalog_problems "$T/untranslated.po" "$T/fresh.pot" >"$T/p1"
	check "an untranslated message is reported" test -s "$T/p1"
	# a format string that does not match: the first c-format msgstr loses its first %
	awk 'BEGIN { done = 0 } /^#,.*c-format/ { f = 1 } f && /^msgstr / && !done && /%/ { sub(/%[-0-9.]*[a-z]+/, "X"); done = 1; f = 0 } /^$/ { f = 0 } { print }' \
		"$PO/$lang1.po" >"$T/format.po"
	if cmp -s "$T/format.po" "$PO/$lang1.po"; then
		CHECKS=$((CHECKS + 1))
		pass "(no c-format message yet to break)"
	else
		catalog_problems "$T/format.po" "$T/fresh.pot" >"$T/p2"
		check "a format string that does not match its msgid is reported" test -s "$T/p2"
	fi
	# a message the code has and the catalog lacks
	{ cat "$T/fresh.pot"; printf '\n#: src/nowhere.c:1\nmsgid "a message nobody translated"\nmsgstr ""\n'; } >"$T/more.pot"
	catalog_problems "$PO/$lang1.po" "$T/more.pot" >"$T/p3"
	check "a message missing from the catalog is reported" grep -q 'more.pot:.*not defined' "$T/p3"
fi

for lang in $(sed -e '/^#/d' -e '/^[ 	]*$/d' "$PO/LINGUAS"); do
	section "src/po/$lang.po"
	check "src/po/$lang.po exists" test -f "$PO/$lang.po"
	catalog_problems "$PO/$lang.po" "$T/fresh.pot" >"$T/real-$lang"
	check "$lang: checked by msgfmt, nothing fuzzy or untranslated, every message of the code" \
		test ! -s "$T/real-$lang"
	sed 's/^/   | /' "$T/real-$lang" | head -40
	printf '   %s\n' "$(msgfmt --statistics -o /dev/null "$PO/$lang.po" 2>&1)"
done

finish
