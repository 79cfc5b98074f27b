#!/bin/sh
# layering.sh - the structure of pizarra's sources, as a test.
#
# The front-end (src/*.c, src/*.h) and the core library (src/lib/*.c with
# include/*.h) are each a stack of layers, listed below from the top. A
# module is a header and the .c file of the same name. The rules:
#   - a module includes only the headers of modules in layers below its
#     own (never one beside it, never one above): the includes form a DAG;
#   - the core never includes a front-end header;
#   - a header declares only its own module's functions, named MODULE_*,
#     and each is defined, not static, in the module's .c file;
#   - every function a .c file defines without `static` is in its header
#     (main.c excepted);
#   - every module has a layer: a new file is given one here.
# Before it checks the tree, the test checks itself: it breaks a copy of
# the tree in each of those ways and expects every break to be reported.
#
# Needs no segment and no terminal.

# shellcheck source=tests/lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin
TOP=$(cd "$TESTS_SRCDIR/.." && pwd)

# Top first; modules in one layer are separated by spaces, layers by "|".
FRONT_LAYERS='main | command | ui top peek | input greet | keymap question paste escape topask picker swatch mouse | stroke | selact |
	action segpanel frame opener bytesview |
	status sidebar canvas hexdraw segtable lineedit segact | sidebarrows canvasput | screen segdata block peeklook sidebarline |
	pen session show edit owner list hexview marks look signals paint direct | cli lines typing fill savefile pace tracewrap clip osc52 | cli_parse undo'
CORE_LAYERS='report boardmap shmpeek export import history | segment client | notify lease dump text restore | board | textscan |
	grapheme access |
	cell strbuf shmlist shmmaps addr | futex logind palette proc pzerr shminfo trace utf8 | i18n'

# layer_map LAYERS: " module:n module:n ... " (n = 0 at the top), for layer_of.
layer_map() {
	printf ' %s ' "$(printf '%s\n' "$1" | tr '|' '\n' |
		awk '{ for (i = 1; i <= NF; i++) printf "%s:%d ", $i, NR - 1 }')"
}
FRONT_MAP=$(layer_map "$FRONT_LAYERS")
CORE_MAP=$(layer_map "$CORE_LAYERS")

# layer_of MODULE MAP: LAYER is set to the module's layer number, empty when none.
layer_of() {
	case $2 in
	*" $1:"*) LAYER=${2#*" $1:"}; LAYER=${LAYER%% *} ;;
	*) LAYER= ;;
	esac
}

# includes FILE...: the project headers they include, one module name per line.
includes() {
	sed -n 's/^[ \t]*#[ \t]*include[ \t]*"\([A-Za-z0-9_]*\)\.h".*/\1/p' "$@" | sort -u
}

# declared HEADER: the functions a header declares, one per line (comments,
# preprocessor lines, typedefs and struct/enum bodies are not declarations).
declared() {
	awk '
	{ text = text "\n" $0 }
	END {
		depth = 0; stmt = ""; n = length(text); bol = 1
		for (i = 1; i <= n; i++) {
			c = substr(text, i, 1)
			if (c == "/" && substr(text, i + 1, 1) == "*") {
				e = index(substr(text, i + 2), "*/")
				i = e ? i + e + 2 : n
				continue
			}
			if (c == "#" && bol) {
				while (i <= n && substr(text, i, 1) != "\n")
					i++
				continue
			}
			bol = c == "\n" || (bol && (c == " " || c == "\t"))
			if (c == "{") depth++
			if (c == "}") depth--
			if (c == ";" && depth == 0) { decl(stmt); stmt = ""; continue }
			stmt = stmt (c == "\n" ? " " : c)
		}
	}
	function decl(s,   name, b, p) {
		sub(/^[ \t]+/, "", s)
		if (s ~ /^(typedef|extern|_Static_assert)[ \t(]/) return
		b = index(s, "{"); p = index(s, "(")
		if (s ~ /^(struct|enum|union)[ \t]/ && b > 0 && (p == 0 || b < p)) return
		if (match(s, /[A-Za-z_][A-Za-z0-9_]*[ \t]*\(/) == 0) return
		name = substr(s, RSTART, RLENGTH)
		sub(/[ \t]*\($/, "", name)
		print name
	}' "$1"
}

# defined FILE: "name static|extern" for each function defined at column 0.
defined() {
	awk '
	/^[A-Za-z_][A-Za-z0-9_]*\(/ {
		name = $0; sub(/\(.*/, "", name)
		print name, (prev ~ /(^|[ \t])static([ \t]|$)/ ? "static" : "extern")
	}
	NF > 0 { prev = $0 }' "$1"
}

# problems ROOT: every rule broken in the tree at ROOT, one line each.
problems() {
	_root=$1
	for _f in "$_root"/src/*.c "$_root"/src/*.h; do
		[ -e "$_f" ] || continue
		_m=${_f##*/}; _m=${_m%.*}
		layer_of "$_m" "$FRONT_MAP"; _l=$LAYER
		if [ -z "$_l" ]; then
			echo "src/${_f##*/}: module '$_m' has no layer in tests/layering.sh"
			continue
		fi
		for _i in $(includes "$_f"); do
			[ "$_i" = "$_m" ] && continue
			[ -e "$_root/src/$_i.h" ] || continue
			layer_of "$_i" "$FRONT_MAP"; _il=$LAYER
			if [ -z "$_il" ] || [ "$_il" -le "$_l" ]; then
				echo "src/${_f##*/} includes $_i.h, which is not below it"
			fi
		done
	done
	for _f in "$_root"/src/lib/*.c "$_root"/include/*.h; do
		[ -e "$_f" ] || continue
		_m=${_f##*/}; _m=${_m%.*}
		layer_of "$_m" "$CORE_MAP"; _l=$LAYER
		_rel=${_f#"$_root"/}
		if [ -z "$_l" ]; then
			echo "$_rel: core module '$_m' has no layer in tests/layering.sh"
			continue
		fi
		for _i in $(includes "$_f"); do
			[ "$_i" = "$_m" ] && continue
			if [ ! -e "$_root/include/$_i.h" ]; then
				echo "$_rel includes $_i.h, which is not a core header"
				continue
			fi
			layer_of "$_i" "$CORE_MAP"; _il=$LAYER
			if [ -z "$_il" ] || [ "$_il" -le "$_l" ]; then
				echo "$_rel includes $_i.h, which is not below it"
			fi
		done
	done
	for _h in "$_root"/src/*.h "$_root"/include/*.h; do
		[ -e "$_h" ] || continue
		_m=${_h##*/}; _m=${_m%.h}
		case $_h in
		*/include/*) _c=$_root/src/lib/$_m.c ;;
		*) _c=$_root/src/$_m.c ;;
		esac
		_defs=" $(defined "$_c" 2>/dev/null | awk '$2 == "extern" { printf "%s ", $1 }') "
		for _d in $(declared "$_h"); do
			case $_d in
			"$_m"_*) ;;
			*) echo "$_m.h declares $_d, which is not a ${_m}_ function" ;;
			esac
			case $_defs in
			*" $_d "*) ;;
			*) echo "$_m.h declares $_d, which $_m.c does not define (non-static)" ;;
			esac
		done
	done
	for _c in "$_root"/src/*.c "$_root"/src/lib/*.c; do
		[ -e "$_c" ] || continue
		_m=${_c##*/}; _m=${_m%.c}
		[ "$_m" = main ] && continue
		case $_c in
		*/src/lib/*) _h=$_root/include/$_m.h ;;
		*) _h=$_root/src/$_m.h ;;
		esac
		_decls=" $(declared "$_h" 2>/dev/null | tr '\n' ' ') "
		for _d in $(defined "$_c" | awk '$2 == "extern" { print $1 }'); do
			case $_decls in
			*" $_d "*) ;;
			*) echo "$_m.c defines $_d without static, and $_m.h does not declare it" ;;
			esac
		done
	done
}

# A copy of the tree to break, in the test's temporary directory.
WORK=$T

# broken NAME PATTERN EDIT...: a fresh copy, EDIT run in it, must be reported (PATTERN).
broken() {
	_name=$1
	_pat=$2
	shift 2
	rm -rf "$WORK/tree"
	mkdir -p "$WORK/tree"
	cp -R "$TOP/src" "$TOP/include" "$WORK/tree/"
	chmod -R u+w "$WORK/tree"   # make distcheck's source tree is read-only
	rm -f "$WORK/tree"/src/*.o "$WORK/tree"/src/lib/*.o
	(cd "$WORK/tree" && "$@") || { fail "$_name: could not make the broken copy"; return; }
	problems "$WORK/tree" >"$WORK/out"
	CHECKS=$((CHECKS + 1))
	if grep -q "$_pat" "$WORK/out"; then
		printf 'ok: the test sees %s\n' "$_name"
	else
		fail "the test does not see $_name (wanted /$_pat/), it says:"
		sed 's/^/   | /' "$WORK/out"
	fi
}

add_line() {   # add_line FILE LINE: append LINE after the file's first #include
	awk -v l="$2" '{ print } /^#include/ && !done { print l; done = 1 }' "$1" >"$1.new" &&
		mv "$1.new" "$1"
}

section "the test checks itself on broken copies"
broken "an upward include (cli.c includes ui.h)" 'src/cli.c includes ui.h' \
	add_line src/cli.c '#include "ui.h"'
broken "an include beside (canvas.c includes sidebar.h)" 'src/canvas.c includes sidebar.h' \
	add_line src/canvas.c '#include "sidebar.h"'
broken "a core file including the front-end" 'src/lib/cell.c includes screen.h' \
	add_line src/lib/cell.c '#include "screen.h"'
broken "an upward core include (board.c includes segment.h)" \
	'src/lib/board.c includes segment.h' add_line src/lib/board.c '#include "segment.h"'
broken "a header declaring another module's function" 'pen.h declares session_open' \
	sh -c 'printf "int session_open(void);\n" >>src/pen.h'
broken "a function outside its header and not static" 'pen.c defines pen_stray' \
	sh -c 'printf "int\npen_stray(void)\n{\n\treturn 0;\n}\n" >>src/pen.c'
broken "a declared function left undefined" 'status.h declares status_missing' \
	sh -c 'printf "void status_missing(void);\n" >>src/status.h'
broken "a module with no layer" "module 'extra' has no layer" \
	sh -c 'printf "int x;\n" >src/extra.c'

section "the tree"
problems "$TOP" >"$WORK/real"
check "every include goes down, headers declare their own functions" test ! -s "$WORK/real"
sed 's/^/   | /' "$WORK/real"
CHECKS=$((CHECKS + 1))
if [ "$(ls "$TOP"/src/*.c | wc -l)" -ge 10 ] && [ "$(ls "$TOP"/src/lib/*.c | wc -l)" -ge 10 ]; then
	printf 'ok: the tree has its modules (%s front-end, %s core)\n' \
		"$(ls "$TOP"/src/*.c | wc -l)" "$(ls "$TOP"/src/lib/*.c | wc -l)"
else
	fail "the tree at $TOP does not look like pizarra's"
fi

finish
