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
# `pizarra top` and `pizarra peek` keep the same rule (segdata.h's and
# peeklook.h's idle pace; peek's looks and samples share the one wake-up):
#   - after 10 s without a change each wakes at most once a second;
#   - another program's attach shows in top's row and peek's sidebar
#     within 2 s;
#   - a key brings top's fast pace back at once: an attach just after it
#     shows within 0.4 s (at the idle pace it would take a second);
#   - a byte that changes brings peek's fast looks back; so does a key.
# Wake-ups are the voluntary context switches in /proc/PID/status, as the
# bench counts them (tests/foreign usage). The old pace (4 ticks a second)
# made about 24 in the test's 6 s; top's old pace (750 ms) about 8, peek's
# (looks every 500 ms, samples every 750 ms) about 18.

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

# after_wakeup [PID]: return just after PID (A) woke (and went back to sleep).
after_wakeup() {
	_p=${1:-$PA}
	_n=$(switches "$_p")
	poll 3 woke "$_p" "$_n" || abort "pid $_p did not wake within 3 s"
}

# switches_of USAGE PID: PID's switches in the lines of a tests/foreign usage.
switches_of() {
	usage_switches "$(echo "$1" | grep "^pid $2:")"
}

# ---------------------------------------------------------------------------
section "an idle client, top and peek wake at most once a second"
KEY_TOP=$(echo "$TEST_KEYS" | cut -d' ' -f2)
KEY_PEEK=$(echo "$TEST_KEYS" | cut -d' ' -f3)
foreign_new SEG_TOP ints "$KEY_TOP" 10
foreign_new SEG_PEEK ints "$KEY_PEEK" 10
pane_start A "$PIZARRA" -k "$KEY"
pane_start TOP "$PIZARRA" -k "$KEY_TOP" top
pane_start PEEK "$PIZARRA" -k "$KEY_PEEK" peek
QUIET_FROM=$(now_cs)
PA=$(pane_pid A)
PT=$(pane_pid TOP)
PP=$(pane_pid PEEK)
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "A started but there is no segment under $KEY"
pane_wait A 'CLIENTS +1 in slots, nattch 1$' 3 "A lists itself"
pane_wait TOP "^$KEY_TOP +$SEG_TOP " 3 "top lists its segment"
pane_wait PEEK "PEEK +shmid $SEG_PEEK, 40 bytes" 3 "peek shows its segment"
idle_wait "10 s of quiet"
U=$(usage_of "$WINDOW_MS" "$PA" "$PT" "$PP")
echo "idle after 13 s: $U"
N=$(switches_of "$U" "$PA")
check "A, idle for 13 s, woke at most $MAX_SWITCHES times in $WINDOW_MS ms ($N)" \
    [ "${N:-999}" -le "$MAX_SWITCHES" ]
N=$(switches_of "$U" "$PT")
check "top, idle for 13 s, woke at most $MAX_SWITCHES times in $WINDOW_MS ms ($N)" \
    [ "${N:-999}" -le "$MAX_SWITCHES" ]
N=$(switches_of "$U" "$PP")
check "peek, idle for 13 s, woke at most $MAX_SWITCHES times in $WINDOW_MS ms ($N)" \
    [ "${N:-999}" -le "$MAX_SWITCHES" ]
pane_wait PEEK '│ looks every second \(idle\)$' 2 "peek's sidebar says it is idle"

# ---------------------------------------------------------------------------
section "idle top and peek: another program's attach within 2 s"
after_wakeup "$PT"
holder_start student_t "$SEG_TOP" ro
pane_wait TOP "^$KEY_TOP +$SEG_TOP .* 40B +1 " 2 "top's row shows shm_nattch 1 within 2 s"
after_wakeup "$PP"
holder_start student_p "$SEG_PEEK" ro
pane_wait PEEK 'shm_nattch +2( |$)' 2 "peek's sidebar shows shm_nattch 2 within 2 s"

# ---------------------------------------------------------------------------
section "a key brings top's fast pace back at once"
QUIET_FROM=$(now_cs)
idle_wait "10 s of quiet for top"
after_wakeup "$PT"
pane_keys TOP Down
holder_stop student_t
T1=$(now_cs)
check "after a key, top shows a detach within 40 cs (the idle pace: a second)" \
    poll_cs 40 pane_shows TOP "^$KEY_TOP +$SEG_TOP .* 40B +0 "
echo "shown after $(($(now_cs) - T1)) cs"

section "a byte that changes, or a key, brings peek's fast looks back"
pane_wait PEEK '│ looks every second \(idle\)$' 2 "peek is idle"
foreign set32 "$SEG_PEEK" 0 7 || abort "foreign set32 failed"
pane_wait PEEK '│ looks every [0-9]+ ms \(100\.\.500\)$' 2 \
    "peek looks faster after a byte changed"
pane_wait PEEK '│ looks every second \(idle\)$' 13 "peek is idle again 10 s later"
pane_keys PEEK Down
pane_wait PEEK '│ looks every [0-9]+ ms \(100\.\.500\)$' 1 "a key: peek looks faster"
holder_stop student_p
pane_quit TOP
pane_quit PEEK

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
