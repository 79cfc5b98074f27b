#!/bin/sh
# fault_stop.sh - kill -STOP a client for 10 s (STOP_SECS): three drawers;
# while B is stopped, A and C keep drawing without delay (each keystroke of
# A appears in C within a second, again and again over the 10 s), B is not
# reaped (a stopped process is alive, even when its heartbeat is older than
# the 10 s after which a foreign-namespace slot would be reaped, which is
# why the stop lasts that long) and no one waits for it; after kill -CONT, B
# catches up within 2 s (it shows everything drawn meanwhile), keeps its
# slot and draws again.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

STOP_SECS=${STOP_SECS:-10}

# stopped PID: PID is in the stopped state (T).
# shellcheck disable=SC2317 # called through poll
stopped() {
	[ "$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)" = T ]
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
# B's text on row 33, below the rows A and C fill while B is stopped.
# shellcheck disable=SC2046 # 33 words
pane_keys B $(printf 'Down %.0s' $(seq 33))
pane_type B "B before the stop"
pane_wait_line A 33 "B before the stop" 2 "A shows B's text"
# A types at column 0, C at column 10, one row further each time (Enter
# returns to the column the cursor was moved to).
pane_keys A Down
pane_keys C Down Right Right Right Right Right Right Right Right Right Right

# ---------------------------------------------------------------------------
section "B is stopped for $STOP_SECS s; A and C draw meanwhile"
kill -STOP "$PB"
check "B (pid $PB) is stopped" poll 2 stopped "$PB"
start=$(now_cs)
end=$((start + STOP_SECS * 100))
n=0
while [ "$(now_cs)" -lt "$end" ]; do
	if [ "$n" -ge 30 ]; then
		# The rows are full: just let the stop last (a wait, not a synchronisation).
		poll_nap
		continue
	fi
	pane_type A "a$n"
	pane_keys A Enter
	pane_wait_line C $((n + 1)) "a$n" 1 \
	    "A's keystrokes appear in C within a second, $(($(now_cs) - start)) cs into the stop"
	pane_type C "c$n"
	pane_keys C Enter
	pane_wait_line A $((n + 1)) "$(printf '%-10s%s' "a$n" "c$n")" 1 \
	    "C's keystrokes appear in A within a second"
	n=$((n + 1))
done
check "B was stopped all along (${STOP_SECS} s)" stopped "$PB"
pane_wait A "[●*] $PB " 1 "A still lists the stopped B: its slot is not reaped"
pane_wait C 'CLIENTS +3 in slots, nattch 3$' 1 "C still counts 3 clients"
pane_all_alive "A C" "during the stop"

# ---------------------------------------------------------------------------
section "kill -CONT: B catches up"
kill -CONT "$PB"
poll_deadline 2
i=0
while [ "$i" -lt "$n" ]; do
	pane_wait_line B $((i + 1)) "$(printf '%-10s%s' "a$i" "c$i")" 2 \
	    "B shows row $((i + 1)), which A and C drew while it was stopped, within 2 s"
	i=$((i + 1))
done
poll_deadline_end
pane_wait B "[●*] $PB .* you\$" 2 "B still has its own slot"
pane_type B " and after"
pane_wait_line A 33 "B before the stop and after" 2 "B draws again; A shows it"
pane_wait_line C 33 "B before the stop and after" 2 "C shows it"
pane_all_alive "A B C" "after the stop"
for c in A B C; do
	pane_keys "$c" F10
	pane_wait_exit "$c" 0
	check "$c's recorded output is complete" poll 3 pane_raw_done "$c"
	pane_rawcheck "$c"
done

finish
