#!/bin/sh
# fault_idle.sh - an idle client sleeps: after 10 s without a change it
# wakes at most once a second (pace.h's idle pace: the IPC_STAT sample, the
# header check, the heartbeat and the hang-up check in one wake-up), while
#   - another program's attach (tests/foreign holdas, a plain shmat) shows
#     in its sidebar's shm_nattch within 2 s: the one-a-second sample;
#   - a second pizarra joining shows in its sidebar at once, even when it
#     joins just after one of the idle client's wake-ups (so that the next
#     sample is almost a second away): the join's claim bumps the
#     generation, which wakes every client, and the woken client lists the
#     slots again at once (not at the next tick, 250 ms after the change);
#     leaving (F10) and detaching (F4) show as soon.
# Wake-ups are the voluntary context switches in /proc/PID/status, as the
# bench counts them (tests/foreign usage). The old pace (4 ticks a second)
# made about 24 in the test's 6 s.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
# shellcheck source=lib/foreign.sh
. "$TESTS_SRCDIR/lib/foreign.sh"
test_begin panes
foreign_init

QUIET_CS=1300           # 10 s without a change, after a field's highlight (1.75 s), and spare
WINDOW_MS=6000          # the window the wake-ups are counted over
MAX_SWITCHES=7          # 1.2 a second over the window
AT_ONCE_CS=15           # "at once": before the next tick, even at the fast pace (25 cs)

# switches PID: its voluntary context switches so far.
switches() {
	sed -n 's/^voluntary_ctxt_switches:[^0-9]*//p' "/proc/$1/status"
}

# woke PID COUNT: PID has switched since it had COUNT (it woke and slept again).
# shellcheck disable=SC2317 # called through poll
woke() {
	[ "$(switches "$1")" != "$2" ]
}

# clock_past CS: the monotonic clock reads CS or more (the client's quiet
# time is what is under test: there is nothing to poll for but the clock).
# shellcheck disable=SC2317 # called through poll
clock_past() {
	[ "$(now_cs)" -ge "$1" ]
}

# idle_wait WHAT: wait until A has had QUIET_CS without a change (since $QUIET_FROM).
idle_wait() {
	poll_cs $((QUIET_CS + 200)) clock_past $((QUIET_FROM + QUIET_CS)) ||
	    abort "the clock did not reach $1"
}

# after_wakeup: return just after A woke (and went back to sleep).
after_wakeup() {
	_n=$(switches "$PA")
	poll 3 woke "$PA" "$_n" || abort "A did not wake within 3 s"
}

# ---------------------------------------------------------------------------
section "an idle client wakes at most once a second"
pane_start A "$PIZARRA" -k "$KEY"
QUIET_FROM=$(now_cs)
PA=$(pane_pid A)
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "A started but there is no segment under $KEY"
pane_wait A 'CLIENTS +1 in slots, nattch 1$' 3 "A lists itself"
idle_wait "10 s of quiet"
U=$(usage_of "$WINDOW_MS" "$PA")
N=$(usage_switches "$U")
echo "idle drawer after 13 s: $U"
check "A, idle for 13 s, woke at most $MAX_SWITCHES times in $WINDOW_MS ms ($N)" \
    [ "${N:-999}" -le "$MAX_SWITCHES" ]

# ---------------------------------------------------------------------------
section "another program's attach shows within 2 s"
after_wakeup
holder_start student "$ID" ro
pane_wait A 'CLIENTS +1 in slots, nattch 2$' 2 \
    "A's sidebar shows shm_nattch 2 within 2 s of a foreign attach"
pane_wait A 'student +no slot' 2 "A names the attacher without a slot"
holder_stop student
pane_wait A 'CLIENTS +1 in slots, nattch 1$' 2 "A shows its detach too"

# ---------------------------------------------------------------------------
section "a second pizarra joining shows at once on an idle client"
QUIET_FROM=$(now_cs)
idle_wait "10 s of quiet again"
after_wakeup
T1=$(now_cs)
after_wakeup
T2=$(now_cs)
check "A is at the idle pace: two wake-ups $((T2 - T1)) cs apart (80 or more)" \
    [ $((T2 - T1)) -ge 80 ]
pane_start B "$PIZARRA" -k "$KEY"
PB=$(pane_pid B)
# B's claim (which bumps the generation) comes before its first screen, so A
# lists B by the time that screen is up; at the next tick (25 cs later at the
# fast pace, a second at the idle one) would be too late.
check "A lists B within 10 cs of B's first screen" \
    poll_cs 10 pane_shows A "^.*[●*] $PB "
pane_wait A 'CLIENTS +2 in slots, nattch 2$' 1 "A counts 2 in slots and 2 attaches"
pane_keys B F4
check "A drops B at once when B detaches (F4)" \
    poll_cs "$AT_ONCE_CS" pane_lacks A "^.*[●*] $PB "
pane_keys B F4
check "A lists B at once when B attaches again (F4)" \
    poll_cs "$AT_ONCE_CS" pane_shows A "^.*[●*] $PB "
pane_quit B
check "A drops B at once when B leaves (F10)" \
    poll_cs "$AT_ONCE_CS" pane_lacks A "^.*[●*] $PB "
pane_wait A 'CLIENTS +1 in slots, nattch 1$' 1 "A counts itself alone again"
pane_quit A

finish
