#!/bin/sh
# fault_kill.sh - kill -9 a client in the middle of a mouse drag: three
# drawers; B presses the mouse button and drags (X10 mouse reports through
# `tmux send-keys -H`: ESC [ M 32+b 33+x 33+y, b = 0 press, 32 motion with
# the button held), painting a stroke, and is killed before the release.
# The other two keep drawing (each one's text appears in the other within
# a second), B's slot is reaped within 2 s (the CLIENTS lists and
# shm_nattch drop to 2), its presence cursor leaves their screens within
# 2 s, and the cells it wrote stay (screens and `pizarra dump`).

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

BLOCKS=$(printf '\342\226\210\342\226\210\342\226\210\342\226\210\342\226\210\342\226\210\342\226\210\342\226\210\342\226\210\342\226\210\342\226\210')

# mouse NAME B X Y: an X10 mouse report (button code B at column X, row Y).
mouse() {
	pane_tmux "$1" send-keys -H 1b 5b 4d "$(printf '%02x' $((32 + $2)))" \
	    "$(printf '%02x' $((33 + $3)))" "$(printf '%02x' $((33 + $4)))"
}

# ---------------------------------------------------------------------------
section "three drawers on key $KEY"
pane_start A "$PIZARRA" -k "$KEY"
pane_home A
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "A started but there is no segment under $KEY"
pane_start B "$PIZARRA" -k "$KEY"
pane_home B
pane_start C "$PIZARRA" -k "$KEY"
pane_home C
PB=$(pane_pid B)
for c in A B C; do
	pane_wait "$c" 'CLIENTS +3 in slots, nattch 3$' 3 "$c lists 3 clients"
done
pane_type A "A typed"
pane_keys C Down Down Down Down Down Down Down Down Down Down
pane_type C "C typed"
pane_wait_line C 0 "A typed" 2 "C shows A's text"
pane_wait_line A 10 "C typed" 2 "A shows C's text"

# ---------------------------------------------------------------------------
section "B drags the mouse from 10,5 to 20,5 with the button held"
mouse B 0 10 5
pane_wait B ' 10,5  ' 2 "B takes the mouse press (its cursor moves to 10,5)"
x=11
while [ "$x" -le 20 ]; do
	mouse B 32 "$x" 5
	x=$((x + 1))
done
for c in A B C; do
	pane_wait_line "$c" 5 "          $BLOCKS" 3 "$c shows B's stroke (columns 10-20 of row 5)"
done
for c in A C; do
	check "$c shows B's presence cursor on row 5 (reverse video)" poll 2 pane_reverse_on "$c" 5
done

# ---------------------------------------------------------------------------
section "kill -9 B before the button is released"
kill -9 "$PB"
poll_deadline 2
for c in A C; do
	pane_wait "$c" 'CLIENTS +2 in slots, nattch 2$' 2 "$c: B's slot is reaped and shm_nattch is 2 within 2 s"
	pane_wait_not "$c" "[●*] $PB " 2 "$c: B (pid $PB) leaves the CLIENTS list within 2 s"
	check "$c: B's presence cursor leaves row 5 within 2 s" poll 2 pane_no_reverse_on "$c" 5
done
poll_deadline_end
pane_wait_exit B 137 2
pane_all_alive "A C" "after B was killed"
for c in A C; do
	pane_wait_line "$c" 5 "          $BLOCKS" 1 "$c still shows B's stroke"
done

# ---------------------------------------------------------------------------
section "the others keep drawing"
pane_type A " and more"
pane_wait_line C 0 "A typed and more" 1 "what A types appears in C within a second"
pane_type C " too"
pane_wait_line A 10 "C typed too" 1 "what C types appears in A within a second"
printf 'A typed and more\n\n\n\n\n          %s\n\n\n\n\nC typed too\n' "$BLOCKS" >"$T/expected"
CHECKS=$((CHECKS + 1))
if "$PIZARRA" -k "$KEY" dump >"$T/dump" 2>"$T/dump.err" && cmp -s "$T/dump" "$T/expected"; then
	pass "dump has B's stroke and the others' text"
else
	fail "dump differs: $(cat "$T/dump.err")"
	show_file "$T/expected" expected
	show_file "$T/dump" dump
fi
for c in A C; do
	pane_keys "$c" F10
	pane_wait_exit "$c" 0
	check "$c's recorded output is complete" poll 3 pane_raw_done "$c"
	pane_rawcheck "$c"
done

finish
