#!/bin/sh
# hostile_slots.sh - garbage in the board's client slots, written by another
# writer (tests/hostile.c) under two drawers and a viewer: pid 0, pids above
# pid_max, a live pid with another start time (pid reuse), claims never
# finished, other PID namespaces with stale, future and fresh heartbeats,
# other users' uids (nobody, 4294967295...), ESC, BEL, C1 and non-ASCII
# bytes in the tty name, cursor 0xFFFFFFFF, every attribute bit.
#   - in the free slots: every client keeps running; the dead ones are
#     reaped within 2 s; the two that look alive (pid 1 with its real start
#     time as nobody; another namespace with a fresh heartbeat) are listed
#     with their tty sanitised, next to shm_nattch (sidebar, info, info
#     --json), and the second goes when its heartbeat is 10 s old;
#   - in every slot, the drawers' own included: they claim a slot again
#     within 2 s and say so; drawing goes on;
#   - every free slot looks like a live client: a new drawer gets no slot,
#     says so, and draws all the same;
#   - nothing of the tty garbage ever reaches a terminal (pipe-pane bytes).

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# info_says REGEX: `info` (run now, into $T/info) matches REGEX.
# shellcheck disable=SC2317 # called through poll
info_says() {
	"$PIZARRA" -k "$KEY" info >"$T/info" 2>"$T/info.err" && grep -Eq -- "$1" "$T/info"
}

# info_check WHAT REGEX: `info` and `info --json` run, print no control
# byte, and `info` matches REGEX within 3 s (the clients' one-second reaping
# ticks are not in step with the sidebar the test waited on).
info_check() {
	for how in "" --json; do
		CHECKS=$((CHECKS + 1))
		# shellcheck disable=SC2086 # no option, or one
		if "$PIZARRA" -k "$KEY" info $how >"$T/info$how" 2>"$T/info.err"; then
			pass "$1: info $how runs"
		else
			fail "$1: info $how failed: $(cat "$T/info.err")"
		fi
		expect_clean dump "$T/info$how" "$1: info $how has no control byte"
	done
	check "$1: info says /$2/ within 3 s" poll 3 info_says "$2" ||
	    sed -n '/^clients/,$s/^/   |/p' "$T/info"
}

# ---------------------------------------------------------------------------
section "two drawers and a viewer on key $KEY"
pane_start A "$PIZARRA" -k "$KEY"
pane_home A
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "A started but there is no segment under $KEY"
pane_start B "$PIZARRA" -k "$KEY"
pane_home B
pane_start V "$PIZARRA" -k "$KEY" view
pane_home V
PA=$(pane_pid A)
PB=$(pane_pid B)
for c in A B V; do
	pane_wait "$c" 'CLIENTS +2 in slots, nattch 3$' 3 "$c lists 2 clients in slots, shm_nattch 3"
done
pane_type A "A was here"
pane_wait_line B 0 "A was here" 3 "B shows A's text"

# ---------------------------------------------------------------------------
section "garbage in every free slot"
helper slots "$KEY" free || abort "hostile could not write the slots"
pane_all_alive "A B V" "right after the garbage"
poll_deadline 2
for c in A B V; do
	pane_wait "$c" 'CLIENTS +4 in slots, nattch 3$' 2 \
	    "$c: the dead garbage is reaped within 2 s; 4 in slots (A, B, two live-looking), nattch 3"
done
poll_deadline_end
for c in A B V; do
	pane_wait "$c" '[●*] 1 +nobody +\?\?\?\?\?\?\?$' 1 \
	    "$c lists the slot of pid 1 as nobody, its tty of 16 ESC bytes as ?"
	pane_wait "$c" '[●*] 4243 +42949672 +\?\]0;PWN$' 1 \
	    "$c lists the foreign-namespace slot of uid 4294967295, its tty (ESC ] 0 ; PWND BEL) sanitised"
done
info_check "with garbage in the slots" \
    '^clients \(4 in slots, shm_nattch 3; the difference is'
check "info lists pid 1's slot with a sanitised tty" \
    grep -Eq '^  5 +1 +nobody +\?{16} +15 +199,59$' "$T/info"
check "info lists the foreign-namespace slot" \
    grep -Eq '^  6 +4243 +4294967295 +\?\]0;PWND\? +15 +199,59$' "$T/info"
check "info --json lists 4 clients" [ "$(grep -o '"slot":' "$T/info--json" | wc -l)" -eq 4 ]
check "info --json gives pid 1's tty as 16 ?" grep -q '"tty":"????????????????"' "$T/info--json"
pane_all_alive "A B V" "a second after the garbage"

pane_wait A 'CLIENTS +3 in slots, nattch 3$' 6 \
    "the foreign-namespace slot goes once its heartbeat is 10 s old"
pane_wait_not A '[●*] 4243 ' 1 "A no longer lists pid 4243"
pane_wait A "[●*] $PA .* you\$" 1 "A still has its own slot"
pane_wait A "[●*] $PB " 1 "A still lists B"

pane_keys A Enter
pane_type A "drawing goes on"
pane_wait_line B 1 "drawing goes on" 3 "B shows what A draws after the garbage"
pane_wait_line V 1 "drawing goes on" 3 "V shows it too"
pane_start C "$PIZARRA" -k "$KEY"
pane_home C
pane_wait A 'CLIENTS +4 in slots, nattch 4$' 3 "a new client C claims a slot among the garbage"
PC=$(pane_pid C)
pane_wait A "[●*] $PC " 2 "A lists C"
pane_keys C F10
pane_wait_exit C 0
pane_wait A 'CLIENTS +3 in slots, nattch 3$' 3 "C's slot is freed when it quits"

# ---------------------------------------------------------------------------
section "garbage in every slot, the drawers' own included"
helper slots "$KEY" all || abort "hostile could not write the slots"
pane_all_alive "A B V" "right after the drawers' slots were overwritten"
poll_deadline 2
pane_wait A "[●*] $PA .* you\$" 2 "A claims a slot again within 2 s"
pane_wait B "[●*] $PB .* you\$" 2 "B claims a slot again within 2 s"
pane_wait A "[●*] $PB " 2 "A lists B again"
poll_deadline_end
# Product finding: the tick posts this message, but nothing redraws the
# status line until a key arrives.
pane_wait A 'our slot was taken over; claimed slot' 2 \
    "A says (without a key press) that its slot was taken over"
pane_keys A Right
pane_wait A 'our slot was taken over; claimed slot' 1 \
    "after a key press A shows 'our slot was taken over; claimed slot N'"
pane_all_alive "A B V" "after the drawers claimed again"
pane_keys B Down Down Down
pane_type B "B after the takeover"
pane_wait_line A 3 "B after the takeover" 3 "A shows what B draws after the takeover"
pane_wait A 'CLIENTS +3 in slots, nattch 3$' 6 "3 in slots again (A, B, pid 1's garbage)"
info_check "after every slot was overwritten" '^clients \(3 in slots, shm_nattch 3'

# ---------------------------------------------------------------------------
section "every free slot looks like a live client"
helper slots "$KEY" alive || abort "hostile could not write the slots"
pane_wait A 'CLIENTS +127 in slots, nattch 3$' 3 "127 slots in use (A, B and 125 'pid 1')"
pane_all_alive "A B V" "with every slot taken"
pane_start D "$PIZARRA" -k "$KEY"
pane_home D
pane_wait D 'no client slot \(all 127 client slots are taken by live clients\)' 3 \
    "a new drawer says it got no slot"
pane_keys D Down Down Down Down
pane_type D "D without a slot"
pane_wait_line A 4 "D without a slot" 3 "D draws all the same; A shows it"
pane_wait A 'CLIENTS +127 in slots, nattch 4$' 3 "A: 127 in slots, nattch 4"
pane_all_alive "A B V D" "with every slot taken"

# ---------------------------------------------------------------------------
section "everyone quits; no tty garbage ever reached a terminal"
printf 'A was here\ndrawing goes on\n\nB after the takeover\nD without a slot\n' >"$T/expected"
CHECKS=$((CHECKS + 1))
if "$PIZARRA" -k "$KEY" dump >"$T/dump" 2>"$T/dump.err" && cmp -s "$T/dump" "$T/expected"; then
	pass "dump has everything that was drawn"
else
	fail "dump differs from what was drawn: $(cat "$T/dump.err")"
	show_file "$T/dump" "dump"
fi
for c in A B V D; do
	pane_keys "$c" F10
done
for c in A B V C D; do
	[ "$c" = C ] || pane_wait_exit "$c" 0
	check "$c's recorded output is complete" poll 3 pane_raw_done "$c"
	pane_rawcheck "$c" "$c's terminal never got a byte of the tty garbage"
	pane_title_safe "$c" PWND
done

finish
