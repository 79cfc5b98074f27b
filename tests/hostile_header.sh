#!/bin/sh
# hostile_header.sh - another writer changes the board's header under
# running clients (tests/hostile.c): the magic, the layout version, the
# geometry (smaller and still inside the segment; larger than the segment),
# the header size and the slot count. For each: every client (a UTF-8
# drawer, a drawer in the C locale, a viewer) puts up "Stopped trusting this
# board" with the reason within 2 s, keeps running and keeps showing what
# the board held (its own copy), refuses to draw on it, still saves it with
# F6, and quits cleanly with F10 (status 0, terminal restored); writes to
# the cells afterwards cannot reach its screen; a new `pizarra` or `dump`
# refuses a board whose header does not validate, with one line and no
# output. In the sanitizer build the clients run under ASan: an
# out-of-bounds read would kill them (and fail "still runs").

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# break_header FIELD VALUE ORIG REASON REFUSED: one round on a fresh 80x20
# board. ORIG is the field's right value; REASON is what the banner must
# say; REFUSED is "yes" when a new client must refuse the broken board (no
# when the new header describes a valid board).
break_header() {
	field=$1
	value=$2
	orig=$3
	reason=$4
	refused=$5
	# Clients with names of their own each round (a new tmux server under the
	# name of one just killed can meet it still exiting).
	ROUND=$((ROUND + 1))
	A=A$ROUND
	B=B$ROUND
	V=V$ROUND
	N=N$ROUND
	section "header field $field := $value under three clients"
	pane_start "$A" "$PIZARRA" -k "$KEY" -s 80x20
	id=$(board_shmid "$KEY")
	[ -n "$id" ] || abort "A started but there is no segment under $KEY"
	# Row 5: below the banner that will cover the top rows.
	pane_keys "$A" Down Down Down Down Down
	pane_type "$A" "before $field"
	pane_wait_line "$A" 5 "before $field" 3 "A shows what it typed"
	pane_start "$B" LC_ALL=C "$PIZARRA" -k "$KEY"
	pane_start "$V" "$PIZARRA" -k "$KEY" view
	for c in "$B" "$V"; do
		pane_wait_line "$c" 5 "before $field" 3 "$c shows A's text"
	done

	helper header "$KEY" "$field" "$value" || abort "hostile could not change $field"
	poll_deadline 2
	for c in "$A" "$B" "$V"; do
		pane_wait "$c" 'Stopped trusting this board' 2 \
		    "$c puts up 'Stopped trusting this board' within 2 s of the $field change"
	done
	poll_deadline_end
	for c in "$A" "$B" "$V"; do
		check "$c's banner says why: '$reason'" pane_banner_says "$c" "$reason"
		pane_wait_line "$c" 5 "before $field" 1 "$c still shows what the board held"
	done
	pane_all_alive "$A $B $V" "after the $field change"

	CHECKS=$((CHECKS + 1))
	if [ "$refused" = yes ]; then
		if "$PIZARRA" -k "$KEY" dump >"$T/out" 2>"$T/err"; then
			fail "dump accepted the board with $field = $value"
		elif [ ! -s "$T/out" ] && [ "$(wc -l <"$T/err")" -eq 1 ] &&
		    grep -q "is not a usable pizarra board" "$T/err"; then
			pass "dump refuses it in one line: $(cat "$T/err")"
		else
			fail "dump's refusal is not one line without output"
			show_file "$T/err" "stderr"
		fi
		pane_start --ready= "$N" "$PIZARRA" -k "$KEY"
		pane_wait_exit "$N" 1
		pane_wait "$N" 'is not a usable pizarra board' 2 "a new client refuses the board"
	else
		if "$PIZARRA" -k "$KEY" dump >"$T/out" 2>"$T/err"; then
			pass "dump reads the board as the new header describes it"
		else
			fail "dump refused a header that describes a valid board: $(cat "$T/err")"
		fi
	fi
	pane_all_alive "$A $B $V" "after a new client tried the board"

	# Put the header back: the board validates again, and a writer draws on
	# it. A header that changed once is never trusted again (board.h): the
	# new cells must not reach the clients' screens.
	helper header "$KEY" "$field" "$orig" || fail "hostile could not restore $field"
	check "with $field restored, a writer can draw on the board again" \
	    helper cells "$KEY" osc 7
	pane_type "$A" "x"
	pane_wait "$A" 'this board is no longer trusted: F6 saves it, F10 quits' 2 \
	    "A refuses to draw on a board it does not trust"
	for c in "$A" "$B" "$V"; do
		pane_never "$c" 'PWND' "cells written after the change do not reach $c's screen"
	done
	pane_all_alive "$A $B $V" "after writes to the distrusted board"

	rm -f "$T/saved-$field.txt"
	pane_keys "$A" F6
	pane_wait "$A" 'Save (the board as text )?in [^ ]+:' 2 "F6 prompts for a file name"
	pane_erase_prompt "$A"
	pane_type "$A" "$T/saved-$field.txt"
	pane_keys "$A" Enter
	check "F6 saved what A showed (the board before the change)" \
	    poll 3 file_has_line "$T/saved-$field.txt" "before $field"

	for c in "$A" "$B" "$V"; do
		pane_keys "$c" F10
	done
	for c in "$A" "$B" "$V"; do
		pane_wait_exit "$c" 0
		pane_wait "$c" '^\[pizarra exited 0; tty restored\]' 2 "$c's terminal modes are back"
		check "$c's recorded output is complete" poll 3 pane_raw_done "$c"
		pane_rawcheck "$c"
	done
	helper rm "$KEY" >/dev/null
	check "shmid $id is gone after its clients quit and it was removed" poll 3 shm_gone "$id"
	for c in "$A" "$B" "$V" "$N"; do
		pane_tmux "$c" kill-server 2>/dev/null
	done
}

ROUND=0
break_header magic 0xdeadbeef 0x41525a50 'magic is now 0xdeadbeef' yes
break_header version 3 2 'version is now 3' yes
break_header cols 40 80 'geometry 80x20 is now 40x20' no
break_header rows 10000 20 'geometry 80x20 is now 80x10000' yes
break_header header_size 0 8192 'header size 0, 127 slots' yes
break_header nslots 4294967295 127 'header size 8192, 4294967295 slots' yes

finish
