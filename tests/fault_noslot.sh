#!/bin/sh
# fault_noslot.sh - a drawer that could not get a client slot, or lost its
# own, claims one as soon as one is free: it tries again on every reap tick
# (once a second), says so ("claimed client slot N"), and shows itself from
# then on: `info` lists it, the other drawers' sidebars list it and their
# canvases show its presence cursor. The slots are filled with clients
# that look alive (pid 1 with its start time) by the C helper
# (tests/hostile slots KEY alive|takeover), and freed again (release).
#   - A starts on an empty board; the other 126 slots are filled; B starts
#     with no slot and draws without presence; the slots are freed: B has
#     one within 2 s, without a key press;
#   - every slot is taken, A's and B's own included: both say they have no
#     slot and draw on; the slots are freed: both have one within 2 s again.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# info_lists PID: `info --json` lists a client PID.
# shellcheck disable=SC2317 # called through poll
info_lists() {
	"$PIZARRA" -k "$KEY" info --json 2>/dev/null | grep -q "\"pid\":$1[,}]"
}

# info_lacks PID
info_lacks() {
	! info_lists "$1"
}

# reverse_on NAME Y: poll-able pane_reverse_on.
# shellcheck disable=SC2317 # called through poll
reverse_on() {
	pane_reverse_on "$1" "$2"
}

NOSLOT='no client slot \(all 127 client slots are taken by live clients\)'

# ---------------------------------------------------------------------------
section "B starts when every slot is taken"
pane_start A "$PIZARRA" -k "$KEY"
pane_home A
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "A started but there is no segment under $KEY"
PA=$(pane_pid A)
helper slots "$KEY" alive >/dev/null || abort "hostile could not fill the slots"
pane_wait A 'CLIENTS +127 in slots, nattch 1$' 3 "127 slots in use (A and 126 'pid 1')"
pane_start B "$PIZARRA" -k "$KEY"
pane_home B
PB=$(pane_pid B)
pane_wait B "$NOSLOT" 3 "B says it got no slot"
# B's cursor on row 3, column 5: where A would show it.
pane_keys B Down Down Down Right Right Right Right Right
pane_type B "B"
pane_wait_line A 3 "     B" 3 "B draws without a slot; A shows it"
check "info does not list B (pid $PB)" info_lacks "$PB"
pane_never A "[●*] $PB " "A's sidebar does not list B"
check "A's canvas shows no presence cursor on row 3" pane_no_reverse_on A 3

# ---------------------------------------------------------------------------
section "the slots are freed: B claims one at its next tick"
helper slots "$KEY" release >/dev/null || abort "hostile could not free the slots"
poll_deadline 2
pane_wait B 'claimed client slot [0-9]+: the others see your cursor now' 2 \
    "B says it claimed a slot, without a key press, within 2 s"
check "info lists B (pid $PB) within 2 s" poll 2 info_lists "$PB"
pane_wait A "[●*] $PB " 2 "A's sidebar lists B within 2 s"
check "A's canvas shows B's presence cursor on row 3 within 2 s" poll 2 reverse_on A 3
poll_deadline_end
pane_wait B "[●*] $PB .* you\$" 2 "B's own sidebar lists it as you"
pane_wait A 'CLIENTS +2 in slots, nattch 2$' 3 "A counts 2 clients in slots"

# ---------------------------------------------------------------------------
section "every slot is taken, A's and B's own included"
helper slots "$KEY" takeover >/dev/null || abort "hostile could not take the slots over"
poll_deadline 2
pane_wait A "$NOSLOT" 2 "A says it lost its slot and got no other within 2 s"
pane_wait B "$NOSLOT" 2 "B says so too"
poll_deadline_end
check "info lists neither A nor B" eval 'info_lacks "$PA" && info_lacks "$PB"'
pane_wait_not A "[●*] $PB " 2 "A's sidebar no longer lists B"
check "A's canvas shows no presence cursor on row 3" poll 2 pane_no_reverse_on A 3
pane_keys A Down Down Down Down Down Down
pane_type A "A without a slot"
pane_wait_line B 6 "A without a slot" 3 "A draws on without a slot; B shows it"
pane_all_alive "A B" "without slots"

section "the slots are freed again: both claim one"
helper slots "$KEY" release >/dev/null || abort "hostile could not free the slots"
poll_deadline 2
pane_wait A 'claimed client slot [0-9]+: the others see your cursor now' 2 \
    "A says it claimed a slot within 2 s"
pane_wait B 'claimed client slot [0-9]+: the others see your cursor now' 2 \
    "B says it claimed a slot within 2 s"
check "info lists A and B within 2 s" poll 2 eval 'info_lists "$PA" && info_lists "$PB"'
check "A shows B's presence cursor on row 3 within 2 s" poll 2 reverse_on A 3
check "B shows A's presence cursor on row 6 within 2 s" poll 2 reverse_on B 6
poll_deadline_end
pane_wait A 'CLIENTS +2 in slots, nattch 2$' 3 "A counts 2 clients in slots"

# ---------------------------------------------------------------------------
section "both quit: their slots are released"
pane_quit A
pane_quit B
check "info lists no client" eval '"$PIZARRA" -k "$KEY" info | grep -q "^clients (0 in slots"'
for c in A B; do
	pane_rawcheck "$c"
done

finish
