# shellcheck shell=sh
# poll.sh - waiting with a deadline, never a fixed sleep as synchronisation:
# run a condition until it holds or the time is up. Sourced by test.sh;
# needs nothing else. The clock is /proc/uptime (monotonic, centiseconds).
#
# Interface:
#   now_cs                  centiseconds on the monotonic clock
#   poll SECS CMD...        run CMD until it succeeds or SECS seconds passed;
#                           its status is CMD's last one
#   poll_cs CS CMD...       the same, with the time in centiseconds
#   poll_deadline SECS      from now on every poll ends SECS seconds from now
#                           (several checks share one deadline: "all of
#                           this within 2 s of X"), until poll_deadline_end
#   poll_deadline_end
#   poll_nap                the pause between two tries (50 ms)
#   POLL_WAIT               the usual deadline in seconds (default 5; set it
#                           in the environment for a slow machine)
#   POLL_BY                 the shared deadline (centiseconds of now_cs), or
#                           empty; set by poll_deadline

POLL_WAIT=${POLL_WAIT:-5}
POLL_BY=

# now_cs: centiseconds on a monotonic clock (/proc/uptime).
now_cs() {
	read -r _po_up _po_rest </proc/uptime
	_po_cs=${_po_up%.*}${_po_up#*.}
	while [ "${_po_cs#0}" != "$_po_cs" ] && [ ${#_po_cs} -gt 1 ]; do
		_po_cs=${_po_cs#0}
	done
	echo "$_po_cs"
}

# poll_nap: the short pause between two polls.
poll_nap() {
	sleep 0.05
}

# poll SECS CMD...: run CMD until it succeeds or SECS seconds passed.
# When POLL_BY is set it is the deadline instead.
poll() {
	_po_secs=$1
	shift
	poll_cs $((_po_secs * 100)) "$@"
}

# poll_cs CS CMD...: poll with the time in centiseconds.
poll_cs() {
	if [ -n "$POLL_BY" ]; then
		_po_end=$POLL_BY
	else
		_po_end=$(($(now_cs) + $1))
	fi
	shift
	while :; do
		"$@" && return 0
		[ "$(now_cs)" -lt "$_po_end" ] || break
		poll_nap
	done
	"$@"
}

# poll_deadline SECS: from now on every poll ends SECS seconds from now, until
# poll_deadline_end.
poll_deadline() {
	POLL_BY=$(($(now_cs) + $1 * 100))
}

poll_deadline_end() {
	POLL_BY=
}
