# shellcheck shell=sh
# panelib.sh - sourced by uilib.sh and hostilelib.sh (after reportlib.sh):
# what both need to drive pizarra clients in tmux panes, one private tmux
# server per client. Each library names its servers (pane_server NAME),
# captures a pane (pane_capture NAME, into $T/NAME.cap), reads it
# (pane_shows NAME REGEX) and frames a capture for a failure (show_capture
# NAME); on top of those four this file gives:
#   - the clock and polling with a deadline: pane_now_cs, pane_nap,
#     pane_poll, pane_poll_cs, pane_deadline, pane_deadline_end (PANE_WAIT, default 5 s,
#     is the usual deadline; PANE_BY a shared one);
#   - checks on what a pane shows: pane_wait, pane_wait_not (within a
#     deadline), pane_never (right now);
#   - the panes: pane_tmux, pane_keys, pane_type, pane_flag, pane_lacks,
#     pane_reverse_on (a presence cursor on a canvas line);
#   - the clients, by the files the libraries' wrappers leave in $T:
#     pane_pid, pane_alive, pane_exited, pane_wait_exit, pane_is_ours.

PANE_WAIT=${PANE_WAIT:-5}  # default deadline of a poll, in seconds
PANE_BY=                   # a shared deadline (centiseconds of pane_now_cs), or empty

# pane_now_cs: centiseconds on a monotonic clock (/proc/uptime).
pane_now_cs() {
	read -r _pn_up _pn_rest </proc/uptime
	_pn_cs=${_pn_up%.*}${_pn_up#*.}
	while [ "${_pn_cs#0}" != "$_pn_cs" ] && [ ${#_pn_cs} -gt 1 ]; do
		_pn_cs=${_pn_cs#0}
	done
	echo "$_pn_cs"
}

# pane_nap: the short pause between two polls.
pane_nap() {
	sleep 0.05
}

# pane_tmux NAME ARGS...: run a tmux command on NAME's private server.
pane_tmux() {
	_pn_s=$(pane_server "$1")
	shift
	tmux -L "$_pn_s" "$@"
}

# pane_poll SECS CMD...: run CMD until it succeeds or SECS seconds passed.
# When PANE_BY is set (centiseconds of pane_now_cs) it is the deadline instead,
# so that several checks can share one: "all of this within 2 s of X".
pane_poll() {
	_pn_secs=$1
	shift
	pane_poll_cs $((_pn_secs * 100)) "$@"
}

# pane_poll_cs CS CMD...: pane_poll with the time in centiseconds.
pane_poll_cs() {
	if [ -n "$PANE_BY" ]; then
		_pn_end=$PANE_BY
	else
		_pn_end=$(($(pane_now_cs) + $1))
	fi
	shift
	while :; do
		"$@" && return 0
		[ "$(pane_now_cs)" -lt "$_pn_end" ] || break
		pane_nap
	done
	"$@"
}

# pane_lacks NAME REGEX: NAME's pane does not show REGEX now.
pane_lacks() {
	! pane_shows "$1" "$2"
}

# pane_deadline SECS: from now on every poll ends SECS seconds from now, until
# pane_deadline_end.
pane_deadline() {
	PANE_BY=$(($(pane_now_cs) + $1 * 100))
}

pane_deadline_end() {
	PANE_BY=
}

# pane_pid NAME: the pid of NAME's program (empty if it never started).
pane_pid() {
	cat "$T/$1.pid" 2>/dev/null
}

# pane_flag NAME FORMAT: a tmux format of NAME's pane, e.g. '#{alternate_on}'.
pane_flag() {
	pane_tmux "$1" display-message -p "$2"
}

# pane_keys NAME KEY...: send keys by tmux name (F10, Enter, C-q, Down...).
pane_keys() {
	_pn_name=$1
	shift
	pane_tmux "$_pn_name" send-keys "$@"
}

# pane_type NAME TEXT: type TEXT literally (UTF-8 included).
pane_type() {
	pane_tmux "$1" send-keys -l -- "$2"
}

# pane_alive NAME: NAME's program is still running.
pane_alive() {
	_pn_p=$(pane_pid "$1")
	[ -n "$_pn_p" ] && kill -0 "$_pn_p" 2>/dev/null && [ ! -f "$T/$1.status" ]
}

# pane_exited NAME: NAME's program has exited (the wrapper wrote its status).
pane_exited() {
	[ -f "$T/$1.status" ]
}

# pane_wait_exit NAME STATUS [SECS]: NAME's program exits with STATUS.
pane_wait_exit() {
	CHECKS=$((CHECKS + 1))
	if ! pane_poll "${3:-$PANE_WAIT}" pane_exited "$1"; then
		fail "$1 did not exit within ${3:-$PANE_WAIT} s"
		pane_capture "$1"
		show_capture "$1"
		return 1
	fi
	_pn_st=$(cat "$T/$1.status")
	if [ "$_pn_st" != "$2" ]; then
		fail "$1 exited with status $_pn_st, expected $2"
		pane_capture "$1"
		show_capture "$1"
		return 1
	fi
	pass "$1 exited with status $2"
	return 0
}

# pane_is_ours PID: PID is still a pizarra this test started.
pane_is_ours() {
	[ "$(cat "/proc/$1/comm" 2>/dev/null)" = pizarra ]
}

# pane_wait NAME REGEX [SECS] [WHAT]: NAME's pane shows REGEX within SECS.
pane_wait() {
	CHECKS=$((CHECKS + 1))
	if pane_poll "${3:-$PANE_WAIT}" pane_shows "$1" "$2"; then
		pass "${4:-$1 shows /$2/}"
		return 0
	fi
	fail "${4:-$1 shows /$2/}: not on $1's screen within ${3:-$PANE_WAIT} s (looked for /$2/)"
	show_capture "$1"
	return 1
}

# pane_wait_not NAME REGEX [SECS] [WHAT]: REGEX leaves NAME's pane within SECS.
pane_wait_not() {
	CHECKS=$((CHECKS + 1))
	if pane_poll "${3:-$PANE_WAIT}" pane_lacks "$1" "$2"; then
		pass "${4:-$1 no longer shows /$2/}"
		return 0
	fi
	fail "${4:-$1 no longer shows /$2/}: still on $1's screen after ${3:-$PANE_WAIT} s (/$2/)"
	show_capture "$1"
	return 1
}

# pane_never NAME REGEX [WHAT]: NAME's pane does not show REGEX right now.
pane_never() {
	CHECKS=$((CHECKS + 1))
	if pane_lacks "$1" "$2"; then
		pass "${3:-$1 does not show /$2/}"
		return 0
	fi
	fail "${3:-$1 does not show /$2/}: but it does (/$2/)"
	show_capture "$1"
	return 1
}

# pane_reverse_on NAME Y: canvas line Y of NAME's pane shows reverse video,
# left of the sidebar (a presence cursor: the canvas draws no other).
pane_reverse_on() {
	pane_tmux "$1" capture-pane -p -e >"$T/$1.ecap" 2>&1
	sed -n "$(($2 + 1))p" "$T/$1.ecap" | sed 's/│.*//' |
	    grep -Eq "$(printf '\033')\\[([0-9]*;)*7(;[0-9]*)*m"
}

# pane_no_reverse_on NAME Y
pane_no_reverse_on() {
	! pane_reverse_on "$1" "$2"
}
