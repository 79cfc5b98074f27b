#!/bin/sh
# ui_spanish.sh - the board in Spanish at 80x24 (LANGUAGE=es under
# LC_ALL=C.UTF-8, the build tree's catalog): the key bar is Spanish and
# fits whole, the help's every line fits its box, the sidebar's titles and
# lines are Spanish and fit its 32 columns, a count is a proper plural
# ("1 proceso unido", "2 procesos unidos"), and the questions take the
# Spanish keys ("(s/N)": s answers yes) while the English ones keep
# working (y answers yes too); the removed board's question answers to
# its Spanish keys (c conservar, g guardar, n nueva). Then the lab
# server's case, LANG=es_ES.UTF-8 with LC_ALL and LANGUAGE empty and that
# locale not generated: Spanish and UTF-8 all the same (an ñ typed is an ñ
# on the board, as `dump` shows). And English is still English. Last, a
# catalog that gives two answers one key ("yes" as "no"): the board says
# so, and n still means no.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

KEY2=$(test_key 1)

# help_fits NAME: the help box on NAME's screen (72 columns at 80x24: its
# rule, 70 columns of text, its rule) has no line cut with an ellipsis, and
# shows at least one line.
help_fits() {
	pane_capture "$1"
	sed -nE 's/^.{4}(x|│)(.{70})(x|│).*$/\2/p' "$PANE_CAP" >"$T/$1.box"
	[ -s "$T/$1.box" ] && ! grep -q '…' "$T/$1.box"
}

# sidebar_fits NAME: no line of the sidebar (right of its rule at column 48,
# rows 0-21) is cut with an ellipsis, but the shmat() line, whose address
# and rw do not fit in English either.
sidebar_fits() {
	pane_capture "$1"
	sed -nE '1,22s/^.{48}(x|│)(.*)$/\2/p' "$PANE_CAP" | grep -v 'shmat()' >"$T/$1.side"
	[ -s "$T/$1.side" ] && ! grep -q '…' "$T/$1.side"
}

# board_has TEXT: the board (pizarra dump, into $T/dump) holds TEXT.
board_has() {
	"$PIZARRA" -k "$KEY" dump >"$T/dump" 2>&1 && grep -qF -- "$1" "$T/dump"
}

# board_lacks TEXT: the board does not hold TEXT (and dump worked).
board_lacks() {
	"$PIZARRA" -k "$KEY" dump >"$T/dump" 2>&1 && ! grep -qF -- "$1" "$T/dump"
}

section "at 80x24 in Spanish: the key bar, whole"
pane_start --ready=F10Salir A LANGUAGE=es "$PIZARRA" -k "$KEY"
pane_resize A 80 24
pane_wait A 'shm_nattch +1$' 3 "A is drawn at 80x24"
pane_wait_line A 23 'F1Ayuda F2Color F3Herr. F4Sep. F5Modo F6Guar. F7Elim. F8Borr. F9Panel F10Salir' 2 \
	"the key bar is Spanish, every label whole, in 80 columns"
pane_never A 'F10Quit' "no English label"

section "the sidebar in Spanish, within its 32 columns"
pane_wait A '│ SEGMENTO  shmid [0-9]+ *$' 2 "the segment's title"
pane_wait A '│ shmat\(\) aquí +0x' 2 "the sidebar's own field names are Spanish"
pane_wait A '│ palabra futex gen [0-9]+$' 2 "... the futex word too"
pane_wait A '│ shm_segsz +[0-9]+$' 2 "the kernel's field names stay"
pane_wait A '│ dest +no$' 2 "dest: no"
pane_wait A '│ CLIENTES  plazas 1, nattch 1 *$' 2 "the clients' title"
pane_wait A '│ ● [0-9]+ +[a-z0-9_-]+ +pts/[0-9]+ +tú$' 2 "our own client is tú"
pane_wait A '│ LLAMADAS  mías, últimas arriba *$' 2 "the system calls' title, whole"
CHECKS=$((CHECKS + 1))
if poll 3 sidebar_fits A; then
	pass "no sidebar line is cut"
else
	fail "a sidebar line is cut (…)"
	show_file "$T/A.side" "the sidebar"
fi

section "F1: the help in Spanish, every line within its box"
pane_keys A F1
pane_wait A 'ayuda de pizarra \(flechas, PgUp, PgDn mueven; otra tecla cierra\)' 2 "the help's title"
pane_wait A '│ Escribe y dibujas: toda tecla imprimible \(q también\) va al cursor\. +│' 2 \
	"its first line"
pane_wait A '│ La lección: la pizarra es un segmento System V\. Cada pizarra hizo +│' 2 \
	"the lesson"
pane_wait A '-- hay más abajo: Down o PgDn --' 2 "there is more below"
CHECKS=$((CHECKS + 1))
if help_fits A; then
	pass "no line of the first page is cut"
else
	fail "a line of the help's first page is cut (…)"
	show_file "$T/A.box" "the help box"
fi
pane_keys A NPage
pane_wait A '│ F10 Ctrl-Q  Salir   separar y salir \(también Ctrl-C\) +│' 2 "F10's line"
pane_wait A '│ F9  Ctrl-B  Panel   panel: segmento, clientes o llamadas; oculto +│' 2 "F9's line"
pane_wait A '-- fin: Up o PgUp vuelve atrás --' 2 "the end"
CHECKS=$((CHECKS + 1))
if help_fits A; then
	pass "no line of the last page is cut"
else
	fail "a line of the help's last page is cut (…)"
	show_file "$T/A.box" "the help box"
fi
pane_keys A Escape
pane_wait_not A 'ayuda de pizarra' 2 "a key closes it"

section "a question takes the Spanish key, the English one, and no"
pane_type A "ñandú"
poll 3 board_has "ñandú"
check "ñandú is on the board" board_has "ñandú"
pane_keys A F8
pane_wait_line A 22 '¿Borrar toda la pizarra para todos? (s/N)' 2 "F8 asks in Spanish, with (s/N)"
pane_type A "s"
pane_wait A 'TEXTO +■ [0-9]+,[0-9]+ +pizarra borrada' 2 "s answers yes: board cleared"
check "ñandú is gone from the board (dump)" board_lacks "ñandú"
pane_type A "año"
poll 3 board_has "año"
check "año is on the board" board_has "año"
pane_keys A F8
pane_wait_line A 22 '¿Borrar toda la pizarra para todos? (s/N)' 2 "F8 asks again"
pane_type A "y"
pane_wait_not A '¿Borrar' 2 "y answers too"
check "y answers yes in Spanish as well: the board is cleared" board_lacks "año"
pane_type A "x"
poll 3 board_has "x"
pane_keys A F8
pane_wait_line A 22 '¿Borrar toda la pizarra para todos? (s/N)' 2 "F8 asks a third time"
pane_type A "g"
pane_still A '¿Borrar toda la pizarra' "a key that is no answer leaves the question open"
pane_type A "n"
pane_wait A 'no se ha borrado' 2 "n declines"
check "the board still has x" board_has "x"

section "a plural: one viewer, then two, attached without a slot"
pane_start --ready=F10Salir V LANGUAGE=es "$PIZARRA" -k "$KEY" view
pane_wait A '│ 1 proceso unido sin plaza: *$' 4 "one viewer: 1 proceso unido"
pane_wait A '│ CLIENTES  plazas 1, nattch 2 *$' 2 "nattch 2"
pane_wait A '│ ○ [0-9]+ +pizarra +espectador$' 2 "the viewer is an espectador"
pane_start --ready=F10Salir W LANGUAGE=es "$PIZARRA" -k "$KEY" view
pane_wait A '│ 2 procesos unidos sin plaza: *$' 4 "two viewers: 2 procesos unidos"
CHECKS=$((CHECKS + 1))
if poll 3 sidebar_fits A; then
	pass "the clients' lines fit the sidebar"
else
	fail "a sidebar line is cut (…)"
	show_file "$T/A.side" "the sidebar"
fi
pane_type V "x"
pane_wait V 'solo lectura: unido con SHM_RDONLY' 2 "the viewer is told in Spanish"
pane_quit V F10
pane_quit W F10

section "the removed board: its banner and question in Spanish, its Spanish keys"
"$PIZARRA" -k "$KEY" rm >"$T/rm.out" 2>&1
pane_wait A 'c  seguir dibujando en ella' 4 "the banner names the Spanish keys"
pane_wait A 'g  guardarla en un archivo' 2 "... g guarda"
pane_wait A 'Eliminada por otro: c conservar, g guardar en archivo, n nueva en la clave' 4 \
	"the question names them too"
pane_type A "c"
pane_wait A 'dibujas en el segmento huérfano' 2 "c keeps it"
pane_quit A F10

section "the lab server: LANG=es_ES.UTF-8 (not generated), LC_ALL and LANGUAGE empty"
pane_start --ready=F10Salir L LC_ALL= LANGUAGE= LANG=es_ES.UTF-8 "$PIZARRA" -k "$KEY2"
pane_resize L 80 24
pane_wait_line L 23 'F1Ayuda F2Color F3Herr. F4Sep. F5Modo F6Guar. F7Elim. F8Borr. F9Panel F10Salir' 2 \
	"Spanish: the key bar"
pane_wait L 'TEXTO +■' 2 "the tool is TEXTO"
pane_type L "ñ"
pane_wait L 'TEXTO +■ 1,0' 2 "ñ takes one column (UTF-8)"
CHECKS=$((CHECKS + 1))
if poll 3 sh -c '"$1" -k "$2" dump 2>&1 | grep -q "^ñ"' sh "$PIZARRA" "$KEY2"; then
	pass "the board holds ñ (dump)"
else
	fail "the board does not hold ñ"
	"$PIZARRA" -k "$KEY2" dump 2>&1 | head -3
fi
pane_quit L F10
"$PIZARRA" -k "$KEY2" rm >/dev/null 2>&1

section "English is still English"
pane_start E "$PIZARRA" -k "$KEY2"
pane_resize E 80 24
pane_wait_line E 23 'F1Help F2Col  F3Tool F4Dtch F5Mode F6Save F7Rm   F8Clr  F9Pnl  F10Quit' 2 \
	"the English key bar"
pane_wait E '│ CLIENTS  1 in slots, nattch 1 *$' 2 "the English sidebar"
pane_keys E F8
pane_wait_line E 22 'Clear the whole board for everyone? (y/N)' 2 "the English question"
pane_type E "s"
pane_still E 'Clear the whole board' "s is no answer in English"
pane_type E "n"
pane_wait E 'not cleared' 2 "n declines"
pane_keys E F1
pane_wait E 'pizarra help \(arrows, PgUp, PgDn scroll; other keys close\)' 2 "the English help"
pane_keys E Escape
pane_quit E
"$PIZARRA" -k "$KEY2" rm >/dev/null 2>&1

section "a catalog whose answer keys clash: the English keys answer, and the board says so"
# "yes" translated as "no" would make n answer yes to "Clear...? (y/N)"
mkdir -p "$T/locale/xx/LC_MESSAGES"
printf '%s\n' 'msgid ""' 'msgstr ""' '"Content-Type: text/plain; charset=UTF-8\n"' '' \
	'msgid "yes"' 'msgstr "no"' >"$T/xx.po"
if msgfmt -o "$T/locale/xx/LC_MESSAGES/pizarra.mo" "$T/xx.po" 2>"$T/msgfmt.err"; then
	pane_start X LANGUAGE=xx PIZARRA_LOCALEDIR="$T/locale" "$PIZARRA" -k "$KEY2"
	pane_wait X "the catalog's answer keys clash \(\"yes\" as \"no\" takes n, the key of \"no\"\)" 3 \
		"the board names the clash"
	pane_type X "x"
	CHECKS=$((CHECKS + 1))
	if poll 3 sh -c '"$1" -k "$2" dump 2>&1 | grep -q "^x"' sh "$PIZARRA" "$KEY2"; then
		pass "x is on the board"
	else
		fail "x never reached the board"
	fi
	pane_keys X F8
	pane_wait X 'Clear the whole board for everyone\? \(y/N\)' 2 "F8 asks"
	pane_type X "n"
	pane_wait X 'not cleared' 2 "n still says no"
	check "the board still has x" sh -c '"$1" -k "$2" dump 2>&1 | grep -q "^x"' sh "$PIZARRA" "$KEY2"
	pane_keys X F8
	pane_wait X 'Clear the whole board for everyone\? \(y/N\)' 2 "F8 asks again"
	pane_type X "y"
	pane_wait X 'board cleared' 2 "y says yes"
	pane_quit X
else
	fail "msgfmt could not make the test's catalog: $(cat "$T/msgfmt.err")"
fi
"$PIZARRA" -k "$KEY2" rm >/dev/null 2>&1
finish
