#!/bin/sh
# fault_hangup.sh - a client whose terminal goes away exits and frees its
# slot, also when no SIGHUP reaches it. A client started with `setsid -w`
# inside a tmux pane leads a session of its own, so when the pane's
# terminal closes (the tmux server is killed) the kernel hangs its terminal
# up without a signal: its reads give 0 or EIO, poll() says POLLHUP, and
# /proc shows its terminal as "/dev/pts/N (deleted)". Within 2 s it must
# have exited and its slot must be gone from `pizarra info` and `info
# --json` (nobody else is on the board to reap it: it released the slot
# itself), with shm_nattch 0. The same for an ordinary client (SIGHUP), and
# for a setsid client that is detached (F4) or has a prompt open when its
# terminal goes.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# gone PID: PID has exited (no such process, or a zombie nobody reaped yet:
# its parent, the pane's wrapper, died with the terminal).
# shellcheck disable=SC2317 # called through poll
gone() {
	_st=$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)
	case $_st in
	"" | Z | X) return 0 ;;
	esac
	return 1
}

# info_lacks PID: neither `info` nor `info --json` lists a client PID.
# shellcheck disable=SC2317 # called through poll
info_lacks() {
	"$PIZARRA" -k "$KEY" info >"$T/info" 2>&1 &&
	    "$PIZARRA" -k "$KEY" info --json >"$T/info.json" 2>&1 &&
	    ! grep -Eq "^ +[0-9]+ +$1 " "$T/info" && ! grep -q "\"pid\":$1[,}]" "$T/info.json"
}

# info_lists PID
info_lists() {
	"$PIZARRA" -k "$KEY" info --json 2>/dev/null | grep -q "\"pid\":$1[,}]"
}

# session_of PID: field 6 of /proc/PID/stat.
session_of() {
	sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f4
}

# hang_up NAME HOW [SETUP...]: start NAME (HOW: setsid or plain), do SETUP
# (tmux keys and the text to wait for), close its terminal, and check that
# it exits and frees its slot within 2 s.
hang_up() {
	name=$1
	how=$2
	shift 2
	section "$name: a client ($how) whose terminal goes away${1:+ ($*)}"
	if [ "$how" = setsid ]; then
		pane_start "$name" setsid -w "$PIZARRA" -k "$KEY"
	else
		pane_start "$name" "$PIZARRA" -k "$KEY"
	fi
	ID=$(board_shmid "$KEY")
	[ -n "$ID" ] || abort "$name started but there is no segment under $KEY"
	p=$(pane_pid "$name")
	check "info lists $name (pid $p)" poll 2 info_lists "$p"
	if [ "$how" = setsid ]; then
		check "$name (pid $p) leads a session of its own" [ "$(session_of "$p")" = "$p" ]
	else
		check "$name (pid $p) is in the pane's session" [ "$(session_of "$p")" != "$p" ]
	fi
	tty=$(readlink "/proc/$p/fd/0")
	check "$name's standard input is its terminal ($tty)" [ "${tty#/dev/pts/}" != "$tty" ]
	if [ $# -ge 2 ]; then
		pane_keys "$name" "$1"
		pane_wait "$name" "$2" 2 "$name: $1 shows /$2/"
	fi
	pane_tmux "$name" kill-server
	start=$(now_cs)
	poll_deadline 2
	if check "$name (pid $p) exits within 2 s of its terminal going away" poll 2 gone "$p"; then
		echo "   (gone after $(($(now_cs) - start)) cs)"
	else
		echo "   its terminal: $(readlink "/proc/$p/fd/0" 2>&1); state: $(grep State "/proc/$p/status")"
	fi
	check "$name's slot is gone from info and info --json within 2 s" poll 2 info_lacks "$p" ||
	    show_file "$T/info" "info"
	poll_deadline_end
	check "info lists no client at all (nobody reaped $name: it released its slot)" \
	    grep -q '^clients (0 in slots, shm_nattch 0' "$T/info"
	check "shm_nattch of shmid $ID is 0" [ "$(shm_field "$ID" nattch)" = 0 ]
}

hang_up A setsid
hang_up B plain
hang_up C setsid F4 'DETACHED'
hang_up D setsid F6 'Save (the board as text )?(to|in)[: ]'
hang_up E setsid F1 'Type to draw: every printable key'

finish
