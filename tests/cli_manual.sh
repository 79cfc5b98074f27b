#!/bin/sh
# cli_manual.sh - the manual pages, English (docs/pizarra.1) and Spanish
# (docs/pizarra.es.1):
#   - both render with groff without a single warning;
#   - the Spanish page documents the same commands, the same options and the
#     same keys as the English one (the names are extracted from the groff
#     source of each page and compared as sets, and each page's synopsis is
#     compared with its own COMMANDS section), and the English page has
#     every command and option of `pizarra --help`;
#   - installed into a DESTDIR (make install-man install-manesDATA, run in
#     the build tree), the Spanish page is where man-db looks for it:
#     `man -L es pizarra` and LANGUAGE=es show it, and the default shows
#     the English one; uninstalling removes both.
# Each comparison is first run on a page with something taken out, to show
# that it fails.
#
# Needs groff and man-db (skips without them); no segment, no terminal.

# shellcheck source=tests/lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin
DOCS=$TESTS_SRCDIR/../docs
EN=$DOCS/pizarra.1
ES=$DOCS/pizarra.es.1
TOP_BUILDDIR=$TESTS_BUILDDIR/..

for t in groff preconv man make; do
	command -v "$t" >/dev/null 2>&1 || skip "$t is missing (Debian packages groff-base, man-db, make)"
done

check "the English page exists" test -f "$EN"
check "the Spanish page exists" test -f "$ES"
[ -f "$EN" ] && [ -f "$ES" ] || abort "no pages to check"

# ------------------------------------------------------------------ helpers

# render PAGE: its warnings (groff -ww: all of them) on stdout, the page
# itself (formatted for 80 columns, -k: UTF-8 input through preconv)
# discarded.
render() {
	LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww -z "$1" 2>&1
}

# plain PAGE: the groff source without font changes (\fB...\fP), so that a
# name reads the same wherever the page sets it in bold or italics; the
# comment lines are dropped.
plain() {
	sed -e '/^\.\\"/d' -e 's/\\f[BIRP]//g' -e 's/\\f(..//g' "$1"
}

# options PAGE: every option name the page mentions, one a line, sorted:
# --long (\-\-key\-file) and -x (\-k), as the source spells them.
options() {
	plain "$1" | grep -o -E '\\-\\-[a-z][a-z\\-]*[a-z]|(^|[] "(|/])\\-[A-Za-z]([] ",)|/]|$)' |
		sed -e 's/\\//g' -e 's/^[] "(|/]*//' -e 's/[] ",)|/]*$//' | sort -u
}

# section PAGE N: the lines of the page's N-th .SH section (by position,
# so that SYNOPSIS and SINOPSIS, COMMANDS and ÓRDENES are the same one).
section_n() {
	plain "$1" | awk -v n="$2" '/^\.SH/ { s++; next } s == n'
}

# synopsis_commands PAGE: the commands of the synopsis (section 2):
# ".B name" lines other than pizarra, and ".RB [ draw ]".
synopsis_commands() {
	section_n "$1" 2 | sed -n -e 's/^\.B \([a-z][a-z]*\)$/\1/p' -e 's/^\.RB \[ \([a-z][a-z]*\) \]$/\1/p' |
		grep -v -x pizarra | sort -u
}

# described_commands PAGE: the tags of the commands section (section 4):
# the first word of the line after each .TP.
described_commands() {
	section_n "$1" 4 | awk 'tp { if (match($0, /^\.B[IR]? [a-z]+/)) { w = substr($0, RSTART, RLENGTH); sub(/^[^ ]* /, "", w); print w } } { tp = /^\.TP/ }' |
		sort -u
}

# keys PAGE: the function keys and Ctrl keys the page names.
keys() {
	plain "$1" | grep -o -E '(^|[^A-Za-z0-9])F[0-9]+|Ctrl\\?-[A-Z]' | sed -e 's/^[^FC]//' -e 's/\\//g' | sort -u
}

# same_set WHAT A B: the sets in files A and B are equal; otherwise what is
# missing from B and what B has in addition are printed. Exit status: the
# check's verdict.
same_set() {
	comm -23 "$2" "$3" >"$T/missing"
	comm -13 "$2" "$3" >"$T/extra"
	if [ -s "$T/missing" ] || [ -s "$T/extra" ]; then
		printf '   %s missing:' "$1"; tr '\n' ' ' <"$T/missing"; echo
		printf '   %s in addition:' "$1"; tr '\n' ' ' <"$T/extra"; echo
		return 1
	fi
	return 0
}

# compare_pages EN ES: options, commands and keys of the two pages; prints
# the differences, and fails when there is one (or when a set is empty,
# which would mean the extraction itself is broken).
compare_pages() {
	_cp_bad=0
	options "$1" >"$T/o1"; options "$2" >"$T/o2"
	same_set options "$T/o1" "$T/o2" || _cp_bad=1
	synopsis_commands "$1" >"$T/c1"; synopsis_commands "$2" >"$T/c2"
	same_set "commands (synopsis)" "$T/c1" "$T/c2" || _cp_bad=1
	described_commands "$1" >"$T/d1"; described_commands "$2" >"$T/d2"
	same_set "commands (described)" "$T/d1" "$T/d2" || _cp_bad=1
	keys "$1" >"$T/k1"; keys "$2" >"$T/k2"
	same_set keys "$T/k1" "$T/k2" || _cp_bad=1
	for f in o1 o2 c1 c2 d1 d2 k1 k2; do
		[ -s "$T/$f" ] || { echo "   nothing extracted ($f)"; _cp_bad=1; }
	done
	return $_cp_bad
}

# differs EN ES OUT: compare_pages finds a difference (its report in OUT).
differs() {
	! compare_pages "$1" "$2" >"$3"
}

# ---------------------------------------------------------------- rendering

section "both pages render without warnings"
cat >"$T/broken.1" <<'PAGE'
.TH X 1
.SH NAME
x \- y
.XY an unknown macro
\fQa bad font\fP and \[nosuchchar]
PAGE
render "$T/broken.1" >"$T/w0"
check "(a page with an unknown macro and character gives warnings)" test -s "$T/w0"
for p in "$EN" "$ES"; do
	render "$p" >"$T/w"
	if ! check "$(basename "$p"): no groff warning" test ! -s "$T/w"; then
		show_file "$T/w" "groff -ww"
	fi
done
LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=all -l "$ES" >"$T/es.txt" 2>"$T/w"
check "man --warnings -l pizarra.es.1: no warning" test ! -s "$T/w"
check "the Spanish page renders as Spanish (NOMBRE, SINOPSIS, ÓRDENES)" \
	sh -c 'grep -q "^NOMBRE" "$1" && grep -q "^SINOPSIS" "$1" && grep -q "^ÓRDENES" "$1" && ! grep -q "^SYNOPSIS" "$1"' \
	sh "$T/es.txt"
check "the Spanish page is not hyphenated by English patterns" sh -c '! grep -q "‐$" "$1"' sh "$T/es.txt"

# ---------------------------------------------------- same names in both

section "the Spanish page documents what the English one does"
# The comparison fails on a page with one option, one command and one key
# taken out.
sed -e 's/\\-\\-follow/\\-\\-fol/g' "$ES" >"$T/no-option.1"
check "(a Spanish page without --follow is caught)" differs "$EN" "$T/no-option.1" "$T/cmp0"
check "(and --follow is named as missing)" grep -q -- 'options missing:.*--follow' "$T/cmp0"
awk '/^\.B chown$/ { skip = 1; next } skip && /^\.br/ { skip = 0; next } !skip' "$ES" |
	awk 'tp && /^\.BI chown/ { next } { tp = /^\.TP/; print }' >"$T/no-command.1"
check "(a Spanish page without chown is caught)" differs "$EN" "$T/no-command.1" "$T/cmp1"
check "(and chown is named as missing)" grep -q 'commands (synopsis) missing:.*chown' "$T/cmp1"
sed -e 's/Ctrl\\-X/Ctrl\\-Y/g' "$ES" >"$T/no-key.1"
check "(a Spanish page without Ctrl-X is caught)" differs "$EN" "$T/no-key.1" "$T/cmp2"

if compare_pages "$EN" "$ES" >"$T/cmp"; then
	CHECKS=$((CHECKS + 1)); pass "same options, commands and keys in both pages"
else
	CHECKS=$((CHECKS + 1)); fail "the pages differ"; cat "$T/cmp"
fi
printf '   options: %s\n' "$(tr '\n' ' ' <"$T/o1")"
printf '   commands: %s\n' "$(tr '\n' ' ' <"$T/c1")"
printf '   keys: %s\n' "$(tr '\n' ' ' <"$T/k1")"
for p in "$EN" "$ES"; do
	synopsis_commands "$p" >"$T/s"; described_commands "$p" >"$T/d"
	check "$(basename "$p"): every command of the synopsis is described, and no other" same_set commands "$T/s" "$T/d"
done

# The English page against the program itself: every command and every
# option of --help (which the Spanish one then has too).
pz --help >"$T/help" 2>&1
sed -n '/^Commands:/,/^$/p' "$T/help" | sed -n 's/^  \([a-z][a-z]*\).*/\1/p' | sort -u >"$T/help-commands"
grep -o -E '(^| )--?[A-Za-z][a-z-]*' "$T/help" | sed 's/^ //' | sort -u >"$T/help-options"
check "--help lists commands and options" sh -c 'test -s "$1" && test -s "$2"' sh "$T/help-commands" "$T/help-options"
comm -23 "$T/help-commands" "$T/d1" >"$T/undoc"
if ! check "every command of --help is described in the pages" test ! -s "$T/undoc"; then
	show_file "$T/undoc" "not described"
fi
comm -23 "$T/help-options" "$T/o1" >"$T/undoc"
if ! check "every option of --help is in the pages" test ! -s "$T/undoc"; then
	show_file "$T/undoc" "not documented"
fi

# Both pages tell the language variables, the catalogs' directory and the
# machine output that does not change.
for p in "$EN" "$ES"; do
	for v in LANGUAGE LC_MESSAGES PIZARRA_LOCALEDIR C.UTF-8 'es_ES.UTF-8' 'info \\-\\-json' '\.ds localedir' '\.ds docdir'; do
		check "$(basename "$p") names $v" grep -q -- "$v" "$p"
	done
done

# ------------------------------------------------------------- installation

section "installed, man finds each page in its language"
# The build tree's make (in distcheck the source tree is read-only: the
# generated pages are in the build tree, the install goes to DESTDIR).
# MAKEFLAGS of an enclosing make check are not this make's business.
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$TOP_BUILDDIR" "$@"
}
DEST=$T/dest
expect_status 0 mk -n install-man install-manesDATA DESTDIR="$DEST"
check "make -n installs nothing" test ! -e "$DEST"
expect_status 0 mk install-man install-manesDATA DESTDIR="$DEST"
en_inst=$(find "$DEST" -path '*/man1/pizarra.1' ! -path '*/es/*' | head -1)
root=${en_inst%/man1/pizarra.1}
check "the English page is installed (man1/pizarra.1)" test -n "$en_inst"
check "the Spanish page is installed beside it (es/man1/pizarra.1)" test -f "$root/es/man1/pizarra.1"
[ -n "$en_inst" ] && [ -f "$root/es/man1/pizarra.1" ] || abort "nothing installed to look at"
check "the installed Spanish page is docs/pizarra.es.1" \
	sh -c 'grep -q "^\.TH PIZARRA 1 \"noviembre" "$1"' sh "$root/es/man1/pizarra.1"
sed -n 's/^\.ds \(docdir\|localedir\) //p' "$en_inst" >"$T/ds-en"
sed -n 's/^\.ds \(docdir\|localedir\) //p' "$root/es/man1/pizarra.1" >"$T/ds-es"
check "both installed pages name the same docdir and localedir" cmp -s "$T/ds-en" "$T/ds-es"
check "(two of them)" test "$(wc -l <"$T/ds-en")" -eq 2

# man-db adds the language subdirectories to MANPATH's trees (not to -M's).
manrun() {
	env MANPATH="$root" MANPAGER=cat PAGER=cat MANWIDTH=80 LC_ALL=C.UTF-8 LANG= "$@"
}
manrun LANGUAGE= man -L es pizarra >"$T/m-es" 2>"$T/m-es-err"
check "man -L es pizarra shows the Spanish page" grep -q '^NOMBRE' "$T/m-es"
check "(and not the English one)" sh -c '! grep -q "^NAME" "$1"' sh "$T/m-es"
check "(in UTF-8: Órdenes de usuario)" grep -q 'Órdenes de usuario' "$T/m-es"
manrun LANGUAGE=es man pizarra >"$T/m-lang" 2>/dev/null
check "LANGUAGE=es man pizarra shows the Spanish page" grep -q '^NOMBRE' "$T/m-lang"
manrun LANGUAGE= man pizarra >"$T/m-en" 2>/dev/null
check "man pizarra shows the English page" grep -q '^NAME' "$T/m-en"
check "(and not the Spanish one)" sh -c '! grep -q "^NOMBRE" "$1"' sh "$T/m-en"
manrun LANGUAGE= man -L fr pizarra >"$T/m-fr" 2>/dev/null
check "a language without a page (fr) falls back to English" grep -q '^NAME' "$T/m-fr"

expect_status 0 mk uninstall-man uninstall-manesDATA DESTDIR="$DEST"
check "uninstalling removes both pages" sh -c 'test -z "$(find "$1" -type f)"' sh "$DEST"

finish
