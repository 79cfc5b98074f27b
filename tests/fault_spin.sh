#!/bin/sh
# fault_spin.sh - no busy loop in any state. Eight clients, each in one
# state: an idle drawer (the reference), a viewer (view-only), a drawer with
# the help open, one with a prompt open (F6), one whose terminal is smaller
# than the layout (40x10), one detached (F4), one whose board someone else
# removed (ipcrm: the question is open) and one that stopped trusting its
# board (a writer changed the header's version). Meanwhile another process
# (tests/hostile storm, by shmid) changes each board RATE times a second for
# STORM_MS ms, and reads every client's CPU time (/proc/PID/stat utime +
# stime) and context switches (/proc/PID/status, voluntary + involuntary)
# before and after. Every client must sleep like the idle one: it wakes for
# the sidebar's tick (4 a second) and once per change it draws, so over the
# storm its CPU time stays under CPU_PCT % of the storm and its switches
# under SWITCH_FACTOR times the wake-ups an idle drawer has (ticks +
# changes). A client that spins uses a whole CPU (about STORM_MS of CPU
# time). The figures of every state are in the log. Afterwards every
# client still works: the small one, enlarged, and the detached one,
# attached again, show the storm's last change.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

RATE=${RATE:-50}
STORM_MS=${STORM_MS:-2000}
CPU_PCT=${CPU_PCT:-20}
SWITCH_FACTOR=${SWITCH_FACTOR:-4}
CHANGES=$((RATE * STORM_MS / 1000))
WAKES=$((STORM_MS / 250 + CHANGES))
CPU_MAX=$((STORM_MS * CPU_PCT / 100))
SWITCH_MAX=$((WAKES * SWITCH_FACTOR))
K0=$KEY
K1=$(test_key 1)
K2=$(test_key 2)
# What row 20 of the board holds after the storm: its change n writes
# 'a' + n % 26 at column n % 10, so the last ten changes remain.
LAST=$(awk -v n="$CHANGES" 'BEGIN {
	for (k = 0; k < 10; k++) {
		m = n - 1 - ((n - 1 - k) % 10)
		printf "%c", 97 + m % 26
	}
}')

# ---------------------------------------------------------------------------
section "eight clients, one in each state"
pane_start A "$PIZARRA" -k "$K0"
ID0=$(board_shmid "$K0")
[ -n "$ID0" ] || abort "A started but there is no segment under $K0"
pane_start V "$PIZARRA" -k "$K0" view
pane_start H "$PIZARRA" -k "$K0"
pane_keys H F1
pane_wait H 'Type to draw: every printable key' 3 "H: the help is open"
pane_start P "$PIZARRA" -k "$K0"
pane_keys P F6
pane_wait P 'Save (the board as text )?(to|in)[: ]' 3 "P: the save prompt is open"
pane_start S "$PIZARRA" -k "$K0"
pane_resize S 40 10
pane_wait S 'pizarra needs at least 50x12' 3 "S: the terminal (40x10) is too small"
pane_start D "$PIZARRA" -k "$K0"
pane_keys D F4
pane_wait D 'DETACHED' 3 "D: detached (F4)"
pane_start O "$PIZARRA" -k "$K1"
ID1=$(board_shmid "$K1")
[ -n "$ID1" ] || abort "O started but there is no segment under $K1"
helper rm "$K1" >/dev/null || abort "hostile rm $K1 failed"
pane_wait O 'Board removed by someone else' 3 "O: orphaned (ipcrm), the question is open"
pane_start X "$PIZARRA" -k "$K2"
ID2=$(board_shmid "$K2")
[ -n "$ID2" ] || abort "X started but there is no segment under $K2"
helper header "$K2" version 99 >/dev/null || abort "hostile header $K2 failed"
pane_wait X 'Stopped trusting this board' 3 "X: distrusted (the header's version changed)"

STATES="A:idle V:view-only H:help P:prompt S:too-small D:detached O:orphaned X:distrusted"
PIDS0="$(pane_pid A) $(pane_pid V) $(pane_pid H) $(pane_pid P) $(pane_pid S) $(pane_pid D)"

# ---------------------------------------------------------------------------
section "$RATE changes a second for $STORM_MS ms on every board"
# shellcheck disable=SC2086 # one pid per word
helper storm "$ID0" "$RATE" "$STORM_MS" $PIDS0 >"$T/storm0" 2>&1 &
S0=$!
helper storm "$ID1" "$RATE" "$STORM_MS" "$(pane_pid O)" >"$T/storm1" 2>&1 &
S1=$!
helper storm "$ID2" "$RATE" "$STORM_MS" "$(pane_pid X)" >"$T/storm2" 2>&1 &
S2=$!
cleanup_pid "$S0" "$S1" "$S2"
rc=0
for s in "$S0" "$S1" "$S2"; do
	wait "$s" || rc=1
done
cleanup_forget_pid "$S0" "$S1" "$S2"
cat "$T/storm0" "$T/storm1" "$T/storm2" >"$T/storms"
check "the three storms ran and read every client's figures" [ "$rc" = 0 ] ||
    show_file "$T/storms" "the storms' output"

echo "per state over $STORM_MS ms ($CHANGES changes; an idle drawer wakes about $WAKES times):"
for sc in $STATES; do
	c=${sc%%:*}
	state=${sc#*:}
	line=$(grep "^pid $(pane_pid "$c"):" "$T/storms")
	cpu=$(echo "$line" | sed -n 's/.* cpu \([0-9]*\) ms.*/\1/p')
	sw=$(echo "$line" | sed -n 's/.* switches \([0-9]*\) .*/\1/p')
	printf '  %-11s %s  %s\n' "$state" "$c" "${line#pid }"
	check "$state ($c): CPU time ${cpu:-?} ms <= $CPU_MAX ms ($CPU_PCT % of the storm)" \
	    [ "${cpu:-999999}" -le "$CPU_MAX" ]
	check "$state ($c): ${sw:-?} context switches <= $SWITCH_MAX ($SWITCH_FACTOR x $WAKES wake-ups)" \
	    [ "${sw:-999999}" -le "$SWITCH_MAX" ]
done

# ---------------------------------------------------------------------------
section "every client still works"
pane_all_alive "A V H P S D O X" "after the storm"
pane_wait_line A 20 "$LAST" 2 "A shows the storm's last change on row 20"
pane_wait_line V 20 "$LAST" 2 "V shows it"
pane_still S 'pizarra needs at least 50x12' "S still says its terminal is too small"
pane_resize S 120 40
pane_wait_line S 20 "$LAST" 2 "S, enlarged to 120x40, catches up with the storm"
pane_still D 'DETACHED' "D is still detached"
pane_keys D F4
pane_wait_line D 20 "$LAST" 2 "D, attached again (F4), shows the storm's last change"
pane_still O 'Board removed by someone else' "O still asks what to do with the orphan"
pane_keys O k
pane_wait_line O 20 "$LAST" 2 "O, keeping the orphan (k), shows the storm's last change"
pane_keys H Escape
pane_wait_not H 'Type to draw: every printable key' 2 "H: Esc closes the help"
pane_wait_line H 20 "$LAST" 2 "H shows the storm's last change"
pane_keys P Escape
pane_wait_line P 20 "$LAST" 2 "P, the prompt cancelled, shows it"
for c in A V H P S D O X; do
	pane_quit "$c"
done

finish
