#!/bin/sh
# ui_segments_es.sh - `pizarra top` and `pizarra peek` in Spanish, at 80x24,
# through tmux (LANGUAGE=es under LC_ALL=C.UTF-8, the catalog of the build
# tree), and the same in English:
#   - top's status line, key bar, sidebar and help (F1) are Spanish and
#     fit: the key bar and every line of the help box are whole, up to the
#     box's border; the column heads stay the kernel's (KEY ID OWNER...);
#   - F7 asks "(s/N)" before IPC_RMID: 's' marks a segment held by another
#     program dest (key 0x00000000) and it goes at its last detach; 'y'
#     still answers yes in Spanish (a second segment goes at once); 'n' and
#     Esc decline, another key leaves the question open; F3 and a bad F5
#     mode are said in Spanish;
#   - peek in Spanish fits at 80x24: key bar, status line, sidebar, help,
#     the prompt of F3 and its refusal; the lab server's case (LANG=es_ES,
#     a locale that is not generated, LC_ALL and LANGUAGE empty) is Spanish
#     too;
#   - without LANGUAGE, top and peek are English, and 's' answers nothing.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
# shellcheck source=lib/foreign.sh
. "$TESTS_SRCDIR/lib/foreign.sh"
test_begin panes
foreign_init

KEY2=${TEST_KEYS#* }

# list_of NAME: the list part of NAME's screen (left of the sidebar's rule).
list_of() {
	pane_capture "$1"
	sed 's/│.*//' "$T/$1.cap"
}

# row_matches NAME ID REGEX: NAME's list has the row of shmid ID, matching REGEX.
row_matches() {
	list_of "$1" | grep -E "^0x[0-9a-f]{8} +$2 " | grep -Eq -- "$3"
}

# not_dest ID: shmid ID is not marked for removal.
not_dest() {
	! ipcs_dest "$1"
}

# select_row NAME ID: select shmid ID in NAME's top (sorted by ID, smallest first).
select_row() {
	_sr_n=$(sort -n "$T/ids" | grep -n -x "$2" | cut -d: -f1)
	pane_keys "$1" Home
	while [ "$_sr_n" -gt 1 ]; do
		pane_keys "$1" Down
		_sr_n=$((_sr_n - 1))
	done
	pane_wait "$1" "SEGMENT[O]?  shmid $2( |$)" 2 "$1 selects shmid $2"
}

# help_line NAME TEXT: the help box shows TEXT whole: after the border, then
# only blanks up to the border (nothing cut).
help_line() {
	pane_capture "$1"
	_hl_line=$(grep -F -- "│ $2" "$T/$1.cap" | head -1)
	[ -n "$_hl_line" ] || return 1
	_hl_rest=${_hl_line#*"│ $2"}
	printf '%s\n' "$_hl_rest" | grep -q '^ *│'
}

# help_fits NAME WHAT TEXT...: every TEXT is a whole line of NAME's help box.
help_fits() {
	_hf_name=$1
	_hf_what=$2
	shift 2
	CHECKS=$((CHECKS + 1))
	_hf_bad=
	for _hf_t in "$@"; do
		poll 2 help_line "$_hf_name" "$_hf_t" || _hf_bad="$_hf_bad [$_hf_t]"
	done
	if [ -z "$_hf_bad" ]; then
		pass "$_hf_what"
		return 0
	fi
	fail "$_hf_what: not whole in the box:$_hf_bad"
	pane_show_capture "$_hf_name"
	return 1
}

# ---------------------------------------------------------------------------
section "three segments of this test"
foreign_new HELD ints "$KEY" 10
foreign_new YES ints "$KEY2" 10
foreign_new KEPT ints 0 4
for id in "$HELD" "$YES" "$KEPT"; do
	foreign chown "$id" "$TEST_UID" || abort "foreign chown failed"
	echo "$id"
done >"$T/ids"
holder_start keeper "$HELD" rw

section "top in Spanish, at 80x24"
pane_start --ready=F10Salir T LANGUAGE=es "$PIZARRA" top --owner "$TEST_UID"
pane_resize T 80 24
pane_wait T '^ TOP +3 de [0-9]+ segmentos, por ID \^' 2 "the status line: 3 de N segmentos, por ID"
pane_wait_line T 23 "F1Ayuda  F2Ordenar F3Invertir F5Permisos F7Eliminar F10Salir  Enter:abrir" 2 \
    "the key bar is Spanish and whole in 80 columns"
pane_wait T '^KEY +ID\^ OWNER +PERMS +SIZE +│' 2 "the column heads stay the kernel's (as ipcs prints them)"
select_row T "$KEPT"
pane_wait T '│ SEGMENTO  shmid '"$KEPT"'$' 2 "the sidebar's title is Spanish"
pane_wait T '│ dest +no$' 2 "dest: no"
pane_wait T '│ memoria +[0-9.]+[BKM] rss, [0-9.]+[BKM] swap$' 2 "memoria: rss, swap"
pane_wait T '│ no es una pizarra$' 2 "not a board: no es una pizarra"
pane_wait T '│ UNIDOS  0 vistos, shm_nattch 0$' 2 "UNIDOS: 0 vistos (plural)"
select_row T "$HELD"
pane_wait T '│ UNIDOS  1 visto, shm_nattch 1$' 2 "UNIDOS: 1 visto (singular)"
pane_never T '\<(Help|Sort|Order|Mode|Remove|Quit|segments|SEGMENT|ATTACHED|memory)\>' \
    "nothing English on the screen"

section "top's help (F1) in Spanish, whole"
pane_keys T F1
pane_wait T '┌─ pizarra top \(cualquier tecla la cierra\) ─+┐' 2 "F1: the help box's title"
help_fits T "the prose and every key's line are whole in the box" \
    "Todos los segmentos de memoria compartida System V, en vivo:" \
    "ninguno, así que shm_lpid, shm_atime y shm_nattch no cambian. Un valor" \
    "que cambió se resalta un momento; una fila nueva, entera; una eliminada" \
    "pizarra, si un proceso unido nos deja leer su cabecera (? no se sabe)." \
    "Up/Down, PgUp/PgDn, Home/End (j k g G) mueven la selección." \
    "F1  ?      Ayuda    esta ayuda" \
    "F3  r      Invertir invertir el orden" \
    "F5  m      Permisos shmctl IPC_SET: los bits de permisos (propietario)" \
    "F7  d      Eliminar shmctl IPC_RMID, tras preguntar (propietario)" \
    "F10 q      Salir    salir de pizarra top" \
    "    Enter  Enter:abrir pizarra: draw (view si solo lees); otros: peek"
pane_keys T x
pane_wait_not T 'cualquier tecla' 2 "any key closes it"

section "F3 and F5, said in Spanish"
pane_keys T F3
pane_wait T 'ordenado por ID, de mayor a menor' 2 "F3: ordenado por ID, de mayor a menor"
pane_keys T F3
pane_wait T 'ordenado por ID, de menor a mayor' 2 "F3 again: de menor a mayor"
select_row T "$KEPT"
pane_keys T F5
pane_wait_line T 22 "IPC_SET shmid $KEPT, bits de permisos (octal): 0600" 2 "F5 asks in Spanish"
pane_keys T BSpace BSpace BSpace BSpace
pane_type T 999
pane_keys T Enter
pane_wait T "modo '999' no es un modo octal 0000-0777" 2 "a bad mode is refused in Spanish"
pane_keys T F5 Escape
pane_wait T '^ TOP .*cancelado$' 2 "Esc: cancelado"

section "F7: the question is (s/N); n, Esc and other keys"
# es_question SHMID: the question top asks about SHMID at 80 columns: the
# long one is 72 columns besides the shmid and fits 79 (the cursor takes
# the 80th); with a longer shmid the short one is asked
es_question() {
	if [ $((72 + ${#1})) -le 79 ]; then
		echo "IPC_RMID shmid $1: ¿marcar para eliminar? Se va con el último shmdt (s/N)"
	else
		echo "IPC_RMID shmid $1: ¿eliminarlo? (s/N)"
	fi
}
pane_keys T F7
pane_wait_line T 22 "$(es_question "$KEPT")" 2 "F7 asks (s/N), whole on the status line"
pane_keys T x
pane_still T '\(s/N\)' "another key leaves the question open"
pane_keys T n
pane_wait T 'no se ha eliminado' 2 "n: no se ha eliminado"
pane_keys T F7
pane_wait T '\(s/N\)' 2 "F7 asks again"
pane_keys T Escape
pane_wait T 'no se ha eliminado' 2 "Esc: no se ha eliminado"
check "the segment is not marked dest" not_dest "$KEPT"
check "... and still there" shm_exists "$KEPT"

section "F7, s: marked dest while a program holds it"
select_row T "$HELD"
pane_keys T F7
pane_wait_line T 22 "$(es_question "$HELD")" 2 "F7 asks for the held one"
pane_keys T s
pane_wait T "IPC_RMID: shmid $HELD marcado dest, clave 0x00000000" 2 "s: marcado dest"
check "the kernel marked it dest" poll 2 ipcs_dest "$HELD"
check "its row shows key 0x00000000" poll 2 row_matches T "$HELD" '^0x00000000 '
pane_wait T '│ dest +sí$' 2 "the sidebar: dest sí"
holder_stop keeper
check "at its last detach it goes" poll 3 shm_gone "$HELD"
grep -vx "$HELD" "$T/ids" >"$T/ids.new" && mv "$T/ids.new" "$T/ids"
pane_wait T "shmid $HELD ya no existe \\(eliminado, y su último proceso se separó\\)" 3 \
    "top says it is gone, in Spanish"

section "F7, y: the English key works in Spanish too"
select_row T "$YES"
pane_keys T F7
pane_wait T "IPC_RMID shmid $YES: .*\\(s/N\\)" 2 "F7 asks (s/N)"
pane_keys T y
check "y: removed (nobody had it attached)" poll 2 shm_gone "$YES"
pane_wait T '^ TOP +1 de [0-9]+ segmentos?, por ID \^$' 7 "top counts one segment (after its last message; the plural follows the system's total)"
pane_quit T

section "peek in Spanish, at 80x24"
pane_start --ready=F10Salir P LANGUAGE=es "$PIZARRA" -i "$KEPT" peek
pane_resize P 80 24
pane_wait_line P 23 "F1Ayuda  F2Formato F3Ir a   F10Salir" 2 "peek's key bar is Spanish"
pane_wait P "^ PEEK  shmid $KEPT, 16 bytes, como bytes, solo lectura\$" 2 "peek's status line, whole"
pane_wait P '^00000000  00 00 00 00 01 00 00 00  [.]{8} ' 2 "the bytes as ever (8 a row at 80 columns)"
pane_wait P '^00000008  02 00 00 00 03 00 00 00  [.]{8} ' 2 "... and the second row"
pane_wait P '│ UNIDOS  1 visto, shm_nattch 1$' 2 "the sidebar: UNIDOS 1 visto"
pane_wait P '│ shmat\(\) aquí 0x[0-9a-f]+' 2 "the sidebar: shmat() aquí"
pane_wait P '│ mira cada [0-9]+ ms \(100\.\.500\)$' 2 "the sidebar: mira cada N ms"
pane_keys P F1
pane_wait P '┌─ pizarra peek \(cualquier tecla la cierra\) ─+┐' 2 "F1: the help box's title"
help_fits P "peek's help is whole in the box" \
    "Los bytes del segmento, en vivo: unido con SHM_RDONLY, así que nunca se" \
    "página, Home/End (g G) al principio o al final. La primera línea dice" \
    "qué hay bajo el cursor (los campos de la pizarra, si es una pizarra)." \
    "F2  f      Formato bytes, int32, int64, float, double, chars" \
    "F3  o      Ir a    ir a un desplazamiento (decimal o 0x hex)" \
    "F10 q      Salir   separar (shmdt) y salir"
pane_keys P x
pane_wait_not P 'cualquier tecla' 2 "any key closes it"
pane_keys P F2
pane_wait P '^ PEEK  .*  como int32$' 2 "F2: como int32"
pane_wait P '^0x00000000 int32 = 0  bytes 00 00 00 00' 2 "the first line describes the cursor"
pane_keys P F3
pane_wait_line P 22 "Desplazamiento (0-15, decimal o 0x hex): 0x" 2 "F3 asks in Spanish"
pane_keys P BSpace BSpace
pane_type P zz
pane_keys P Enter
pane_wait P "el desplazamiento 'zz' no es un número: decimal, o 0x y dígitos hex" 2 \
    "a bad offset is refused in Spanish"
pane_never P '\<(Help|Format|Jump|Quit)\>|, as |read-only|looks every' "nothing English on peek's screen"
pane_quit P

section "the lab server: LANG=es_ES.UTF-8, not generated, LC_ALL and LANGUAGE empty"
pane_start --ready=F10Salir L LC_ALL= LANGUAGE= LANG=es_ES.UTF-8 "$PIZARRA" -i "$KEPT" peek
pane_resize L 80 24
pane_wait L "^ PEEK  shmid $KEPT, 16 bytes, como bytes, solo lectura\$" 2 "peek is Spanish"
pane_quit L

section "the same in English"
pane_start E "$PIZARRA" top --owner "$TEST_UID"
pane_resize E 80 24
pane_wait E '^ TOP +1 of [0-9]+ segments?, by ID \^' 2 "top's status line is English"
pane_wait_line E 23 "F1Help   F2Sort   F3Order  F5Mode   F7Remove F10Quit   Enter:open" 2 \
    "top's key bar is English"
pane_wait E "│ SEGMENT  shmid $KEPT\$" 2 "the sidebar's title is English"
pane_wait E '│ ATTACHED  0 seen, shm_nattch 0$' 2 "ATTACHED 0 seen"
pane_keys E F1
pane_wait E '┌─ pizarra top \(any key closes\) ─+┐' 2 "F1: the English help"
help_fits E "the English help's lines" \
    "Every System V shared-memory segment, live: /proc/sysvipc/shm, read" \
    "Up/Down, PgUp/PgDn, Home/End (j k g G) move the selection." \
    "F7  d      Remove  shmctl IPC_RMID, after asking (owner)"
pane_keys E x
pane_wait_not E 'any key closes' 2 "any key closes it"
pane_keys E F7
# the long question is 75 columns besides the shmid: with more than 4
# digits it does not fit 80 columns, and the short one is asked, whole
if [ $((75 + ${#KEPT})) -le 79 ]; then
	pane_wait E "IPC_RMID shmid $KEPT: mark it for removal\\? It lives until its last detach \\(y/N\\) ?$" 2 \
	    "F7 asks (y/N), whole"
else
	pane_wait E "IPC_RMID shmid $KEPT: remove it\\? \\(y/N\\) ?$" 2 "F7 asks (y/N) in its short form, whole"
fi
pane_keys E s
pane_still E 'IPC_RMID shmid .*\(y/N' "in English, s answers nothing: the question stays"
pane_keys E n
pane_wait E 'not removed' 2 "n: not removed"
check "the segment is still there" shm_exists "$KEPT"
pane_never E 'segmentos|Ayuda|Eliminar|SEGMENTO|UNIDOS|memoria' "nothing Spanish on the screen"
pane_quit E
pane_start P2 "$PIZARRA" -i "$KEPT" peek
pane_resize P2 80 24
pane_wait_line P2 23 "F1Help   F2Format F3Jump   F10Quit" 2 "peek's key bar is English"
pane_wait P2 "^ PEEK  shmid $KEPT, 16 bytes, as bytes, read-only\$" 2 "peek's status line is English"
pane_wait P2 '│ looks every [0-9]+ ms \(100\.\.500\)$' 2 "the sidebar: looks every N ms"
pane_quit P2

finish
