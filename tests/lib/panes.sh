# shellcheck shell=sh
# panes.sh - terminals for the tests that drive the interactive board: one
# private tmux server (so one pty) per client, what each terminal shows
# (`tmux capture-pane -p`) and every byte the client sent it (`tmux
# pipe-pane`). Sourced by test.sh; uses report.sh, poll.sh, cleanup.sh
# (cleanup_tmux, cleanup_client, cleanup_path) and helper.sh (expect_clean).
# `test_begin panes` runs panes_init (skip, 77, when tmux is missing). Files
# go into T, the test's temp dir (test_begin); pane NAME's are $T/NAME.*.
# PIZARRA (test.sh) is the program pane_info_pid asks.
#
# The one pane starter, pane_start [--ready=REGEX] NAME [VAR=VALUE]...
# PROGRAM [ARG]..., runs PROGRAM (with TERM=$PANE_TERM, the panes' own
# terminal type, unless a VAR=VALUE sets another) in a new tmux server, 120x40,
# through a wrapper that first waits until tmux records the pane's output
# into $T/NAME.raw, then records the program's pid ($T/NAME.pid) and its
# `stty -g`, runs it, and once it exits writes its status ($T/NAME.status)
# and `stty -a` ($T/NAME.stty), prints
#     [pizarra exited STATUS; tty restored|CHANGED]
# on the screen, and keeps the pane open. pane_start then waits until the
# pane shows REGEX (default F10Quit, the key bar: keys sent earlier would be
# echoed by the tty; --ready= waits for nothing). The server and the client
# are registered for cleanup.
#
# Interface (NAME is a pane; SECS defaults to POLL_WAIT; WHAT names a check):
#   panes_init PREFIX          tmux servers are named PREFIX-NAME
#   pane_start ...             see above
#   pane_server NAME           NAME's tmux server (tmux -L)
#   pane_tmux NAME ARGS...     a tmux command on NAME's server
#   pane_capture NAME          capture NAME's pane into $T/NAME.cap (PANE_CAP)
#   pane_shows NAME REGEX      NAME's pane shows a line matching REGEX now
#   pane_lacks NAME REGEX      ... does not
#   pane_show_capture NAME     the last capture, framed, for a failure
#   pane_keys NAME KEY...      send keys by tmux name (F10, Enter, C-q, Down...)
#   pane_type NAME TEXT        type TEXT literally (UTF-8 included)
#   pane_erase_prompt NAME     erase what an open prompt has (Ctrl-U)
#   pane_flag NAME FORMAT      a tmux format of NAME's pane, e.g. '#{alternate_on}'
#   pane_tty NAME              NAME's terminal as pizarra names it (pts/N)
#   pane_pid NAME              the pid of NAME's program (empty if it never started)
#   pane_alive NAME, pane_exited NAME
#   pane_info_pid NAME KEY     the pid `pizarra -k KEY info --json` lists for
#                              NAME's tty
#   pane_size_is NAME WxH
#   pane_line_is NAME Y TEXT   screen line Y (0-based) is TEXT, then blanks up
#                              to the sidebar's rule
#   pane_banner_says NAME TEXT the banner across the top of the canvas says TEXT
#   pane_reverse_on NAME Y, pane_no_reverse_on NAME Y   canvas line Y shows
#                              reverse video (a presence cursor) / does not
#   pane_raw_done NAME         $T/NAME.raw has the wrapper's exit line (so
#                              everything the client wrote is in it)
#   checks:
#   pane_wait NAME REGEX [SECS] [WHAT]       NAME shows REGEX within SECS
#   pane_wait_not NAME REGEX [SECS] [WHAT]   REGEX leaves NAME within SECS
#   pane_wait_all "NAMES" REGEX [SECS] [WHAT]  every pane, one deadline
#   pane_wait_line NAME Y TEXT [SECS] [WHAT]   line Y is TEXT within SECS
#   pane_never NAME REGEX [WHAT]             NAME does not show REGEX now
#   pane_still NAME REGEX [WHAT]             NAME shows REGEX now
#   pane_wait_exit NAME STATUS [SECS]        NAME's program exits with STATUS
#   pane_all_alive "NAMES" WHAT              every program in NAMES still runs
#   pane_resize NAME COLS ROWS               resize NAME and wait until it has it
#   pane_x10 B X Y             the bytes of one X10 mouse report (button code B at X, Y)
#   pane_mouse NAME REPORT...  send reports to NAME in one write
#   pane_drag NAME X0 Y0 X1 Y1 press at X0,Y0, move with the button held to X1,Y1
#                              (each step awaited on the status line), release
#   pane_click NAME X Y        press and release at X,Y
#   pane_sgr_at TEXT NAME CHAR the SGR parameters tmux puts right before CHAR in
#                              the line of NAME's screen that shows TEXT, joined
#                              with ';' (and ending in one)
#   pane_check_flag NAME FORMAT VALUE WHAT   a tmux format has VALUE
#   pane_restored NAME         after NAME's program exited its terminal is back
#                              (wrapper line, normal screen, cursor, no mouse
#                              tracking, no key bar or sidebar left: 5 checks)
#   pane_quit NAME [KEY]       quit with F10 (or KEY), exit 0, pane_restored
#   pane_rawcheck NAME [WHAT]  the bytes NAME's client sent its terminal are
#                              clean (expect_clean term)
#   pane_title_safe NAME WORD  NAME's pane title does not contain WORD

PANE_PREFIX=
PANE_TERM=
PANE_CAP=

panes_init() {
	PANE_PREFIX=$1
	command -v tmux >/dev/null 2>&1 || skip "$REPORT_NAME needs tmux, which is not installed"
	# Our own tmux servers only, whatever terminal runs the tests.
	unset TMUX TMUX_PANE
	# The terminal type inside the panes: tmux's own if this system knows it.
	if infocmp tmux-256color >/dev/null 2>&1; then
		PANE_TERM=tmux-256color
	else
		PANE_TERM=screen
	fi
	# The wrapper every pane runs (see the top of this file): BASE.pid gets
	# the program's pid (the inner sh execs env, which execs the program).
	cat >"$T/pane-run.sh" <<'EOF'
base=$1
shift
# Wait until the test has tmux record this pane's output (pipe-pane).
read -r _go <"$base.go"
ulimit -c 0
stty -g >"$base.tty0" 2>/dev/null
# shellcheck disable=SC2016
sh -c 'echo $$ >"$0.pid.new" && mv "$0.pid.new" "$0.pid" && exec "$@"' "$base" "$@"
st=$?
stty -a >"$base.stty" 2>&1
if [ "$(stty -g 2>/dev/null)" = "$(cat "$base.tty0")" ]; then
	modes=restored
else
	modes=CHANGED
fi
printf '[pizarra exited %s; tty %s]\n' "$st" "$modes"
echo "$st" >"$base.status.new" && mv "$base.status.new" "$base.status"
exec sleep 3600
EOF
}

# ---------------------------------------------------------------- the panes

# pane_server NAME: the tmux server (socket name) of client NAME.
pane_server() {
	echo "$PANE_PREFIX-$1"
}

# pane_tmux NAME ARGS...: run a tmux command on NAME's private server.
pane_tmux() {
	_pa_srv=$(pane_server "$1")
	shift
	tmux -L "$_pa_srv" "$@"
}

# pane_start [--ready=REGEX] NAME [VAR=VALUE]... PROGRAM [ARG]...: see the top.
pane_start() {
	_pa_ready=F10Quit
	case $1 in
	--ready=*)
		_pa_ready=${1#--ready=}
		shift
		;;
	esac
	_pa_name=$1
	shift
	cleanup_tmux "$(pane_server "$_pa_name")"
	cleanup_client "$T/$_pa_name"
	rm -f "$T/$_pa_name".*
	mkfifo "$T/$_pa_name.go" || abort "mkfifo failed"
	: >"$T/$_pa_name.raw"
	if ! pane_tmux "$_pa_name" -f /dev/null new-session -d -x 120 -y 40 \
	    sh "$T/pane-run.sh" "$T/$_pa_name" env TERM="$PANE_TERM" "$@" >"$T/tmux.err" 2>&1; then
		abort "tmux new-session for $_pa_name failed: $(cat "$T/tmux.err")"
	fi
	cleanup_path "$(pane_flag "$_pa_name" '#{socket_path}')"
	pane_tmux "$_pa_name" pipe-pane "cat >>'$T/$_pa_name.raw'" ||
	    abort "tmux pipe-pane for $_pa_name failed"
	# The wrapper is blocked opening the fifo: this open meets it.
	# shellcheck disable=SC2016 # $1 of the inner shell
	timeout 10 sh -c 'echo go >"$1"' sh "$T/$_pa_name.go" ||
	    abort "the wrapper of $_pa_name never started"
	if [ -n "$_pa_ready" ]; then
		pane_wait "$_pa_name" "$_pa_ready" "$POLL_WAIT" "$_pa_name started ($*)" ||
		    abort "$_pa_name did not start"
	fi
}

# pane_capture NAME: capture NAME's pane into $T/NAME.cap (PANE_CAP names it).
pane_capture() {
	PANE_CAP=$T/$1.cap
	pane_tmux "$1" capture-pane -p >"$PANE_CAP.new" 2>&1
	mv "$PANE_CAP.new" "$PANE_CAP"
}

# pane_shows NAME REGEX: NAME's pane shows a line matching REGEX (grep -E) now.
pane_shows() {
	pane_capture "$1"
	grep -Eq -- "$2" "$T/$1.cap"
}

# pane_lacks NAME REGEX: NAME's pane does not show REGEX now.
pane_lacks() {
	! pane_shows "$1" "$2"
}

# pane_show_capture NAME: the last capture of NAME's pane, framed, for a failure.
pane_show_capture() {
	printf '   --- last capture of %s (tmux -L %s, %s):\n' "$1" "$(pane_server "$1")" \
	    "$(pane_tmux "$1" display-message -p '#{pane_width}x#{pane_height}' 2>/dev/null)"
	if [ -f "$T/$1.cap" ]; then
		awk '{ l[NR] = $0; if ($0 != "") last = NR }
		END { for (i = 1; i <= last; i++) print "   |" l[i] }' "$T/$1.cap"
	else
		echo '   (none)'
	fi
	printf '   ---\n'
}

# pane_keys NAME KEY...: send keys by tmux name (F10, Enter, C-q, Down...).
pane_keys() {
	_pa_kname=$1
	shift
	pane_tmux "$_pa_kname" send-keys "$@"
}

# pane_home NAME: move NAME's cursor to the board's top left without drawing
# (PgUp, Home), for a test that needs it there: a client that joins starts
# in a row no other cursor is in.
pane_home() {
	pane_keys "$1" PPage Home
}

# pane_type NAME TEXT: type TEXT literally (UTF-8 included).
pane_type() {
	pane_tmux "$1" send-keys -l -- "$2"
}

# pane_erase_prompt NAME: erase the text an open prompt has (Ctrl-U, whatever its length).
pane_erase_prompt() {
	pane_keys "$1" C-u
}

# pane_flag NAME FORMAT: a tmux format of NAME's pane, e.g. '#{alternate_on}'.
pane_flag() {
	pane_tmux "$1" display-message -p "$2"
}

# pane_tty NAME: NAME's terminal as pizarra names it (pts/N).
pane_tty() {
	pane_tmux "$1" display-message -p '#{pane_tty}' | sed 's|^/dev/||'
}

# pane_size_is NAME WxH: NAME's pane has that size.
pane_size_is() {
	[ "$(pane_flag "$1" '#{pane_width}x#{pane_height}')" = "$2" ]
}

# ------------------------------------------------------------- the programs

# pane_pid NAME: the pid of NAME's program (empty if it never started).
pane_pid() {
	cat "$T/$1.pid" 2>/dev/null
}

# pane_alive NAME: NAME's program is still running.
pane_alive() {
	_pa_apid=$(pane_pid "$1")
	[ -n "$_pa_apid" ] && kill -0 "$_pa_apid" 2>/dev/null && [ ! -f "$T/$1.status" ]
}

# pane_exited NAME: NAME's program has exited (the wrapper wrote its status).
pane_exited() {
	[ -f "$T/$1.status" ]
}

# pane_info_pid NAME KEY: the pid `pizarra -k KEY info --json` lists for NAME's tty.
pane_info_pid() {
	"$PIZARRA" -k "$2" info --json 2>/dev/null | sed 's/.*"clients":\[//' |
	    tr '}' '\n' | grep "\"tty\":\"$(pane_tty "$1")\"" |
	    sed -n 's/.*"pid":\([0-9][0-9]*\).*/\1/p'
}

# pane_raw_done NAME: NAME's recorded output has the wrapper's exit line, so
# everything the client wrote is in $T/NAME.raw.
pane_raw_done() {
	grep -aq '\[pizarra exited [0-9]*; tty' "$T/$1.raw"
}

# ---------------------------------------------------------- what they show

# pane_line_is NAME Y TEXT: line Y (0-based) of NAME's screen is TEXT (a
# fixed string), then only blanks up to the sidebar's rule (│, or x where
# the terminal draws it as an ACS line).
pane_line_is() {
	pane_capture "$1"
	_pa_ll=$(sed -n "$(($2 + 1))p" "$T/$1.cap")
	case $_pa_ll in
	"$3"*) ;;
	*) return 1 ;;
	esac
	_pa_lrest=${_pa_ll#"$3"}
	[ -n "$_pa_lrest" ] || return 0
	case $_pa_lrest in
	" "*) ;;
	*) return 1 ;;
	esac
	_pa_lrest=${_pa_lrest#"${_pa_lrest%%[! ]*}"}
	case $_pa_lrest in
	"" | "│"* | x*) return 0 ;;
	esac
	return 1
}

# pane_banner_says NAME TEXT: the banner across the top of NAME's canvas
# (its first four rows, joined, the canvas being 78 columns wide in a 120
# column terminal) says TEXT, wherever the banner wrapped it.
pane_banner_says() {
	pane_capture "$1"
	head -4 "$T/$1.cap" | cut -c1-78 | tr '\n' ' ' | sed 's/  */ /g' >"$T/$1.banner"
	grep -qF -- "$2" "$T/$1.banner"
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

# ------------------------------------------------------------------- checks

# pane_wait NAME REGEX [SECS] [WHAT]: NAME's pane shows REGEX within SECS.
pane_wait() {
	CHECKS=$((CHECKS + 1))
	if poll "${3:-$POLL_WAIT}" pane_shows "$1" "$2"; then
		pass "${4:-$1 shows /$2/}"
		return 0
	fi
	fail "${4:-$1 shows /$2/}: not on $1's screen within ${3:-$POLL_WAIT} s (looked for /$2/)"
	pane_show_capture "$1"
	return 1
}

# pane_wait_not NAME REGEX [SECS] [WHAT]: REGEX leaves NAME's pane within SECS.
pane_wait_not() {
	CHECKS=$((CHECKS + 1))
	if poll "${3:-$POLL_WAIT}" pane_lacks "$1" "$2"; then
		pass "${4:-$1 no longer shows /$2/}"
		return 0
	fi
	fail "${4:-$1 no longer shows /$2/}: still on $1's screen after ${3:-$POLL_WAIT} s (/$2/)"
	pane_show_capture "$1"
	return 1
}

# pane_wait_all "NAMES" REGEX [SECS] [WHAT]: every pane in NAMES shows REGEX
# within SECS of the call (one deadline for all).
pane_wait_all() {
	_pa_wrc=0
	_pa_wby=$POLL_BY
	[ -n "$_pa_wby" ] || POLL_BY=$(($(now_cs) + ${3:-$POLL_WAIT} * 100))
	for _pa_wc in $1; do
		pane_wait "$_pa_wc" "$2" "${3:-$POLL_WAIT}" "${4:+$4 ($_pa_wc)}" || _pa_wrc=1
	done
	POLL_BY=$_pa_wby
	return $_pa_wrc
}

# pane_wait_line NAME Y TEXT [SECS] [WHAT]: screen line Y of NAME is TEXT.
pane_wait_line() {
	CHECKS=$((CHECKS + 1))
	_pa_lwhat=${5:-}
	[ -n "$_pa_lwhat" ] || _pa_lwhat="$1 line $2 is \"$3\""
	if poll "${4:-$POLL_WAIT}" pane_line_is "$1" "$2" "$3"; then
		pass "$_pa_lwhat"
		return 0
	fi
	fail "$_pa_lwhat: line $2 of the screen of $1 is not \"$3\" within ${4:-$POLL_WAIT} s"
	pane_show_capture "$1"
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
	pane_show_capture "$1"
	return 1
}

# pane_still NAME REGEX [WHAT]: NAME's pane shows REGEX right now (no waiting,
# for what must not have changed).
pane_still() {
	CHECKS=$((CHECKS + 1))
	if pane_shows "$1" "$2"; then
		pass "${3:-$1 still shows /$2/}"
		return 0
	fi
	fail "${3:-$1 still shows /$2/}: not on $1's screen (/$2/)"
	pane_show_capture "$1"
	return 1
}

# pane_wait_exit NAME STATUS [SECS]: NAME's program exits with STATUS.
pane_wait_exit() {
	CHECKS=$((CHECKS + 1))
	if ! poll "${3:-$POLL_WAIT}" pane_exited "$1"; then
		fail "$1 did not exit within ${3:-$POLL_WAIT} s"
		pane_capture "$1"
		pane_show_capture "$1"
		return 1
	fi
	_pa_xst=$(cat "$T/$1.status")
	if [ "$_pa_xst" != "$2" ]; then
		fail "$1 exited with status $_pa_xst, expected $2"
		pane_capture "$1"
		pane_show_capture "$1"
		return 1
	fi
	pass "$1 exited with status $2"
	return 0
}

# pane_all_alive "NAMES" WHAT: a check that every client in NAMES still runs.
pane_all_alive() {
	_pa_dead=
	for _pa_ac in $1; do
		pane_alive "$_pa_ac" || _pa_dead="$_pa_dead $_pa_ac"
	done
	CHECKS=$((CHECKS + 1))
	if [ -z "$_pa_dead" ]; then
		pass "$2: every client ($1) still runs"
		return 0
	fi
	fail "$2: client(s)$_pa_dead died"
	for _pa_ac in $_pa_dead; do
		echo "   $_pa_ac: exit status $(cat "$T/$_pa_ac.status" 2>/dev/null)"
		pane_capture "$_pa_ac"
		pane_show_capture "$_pa_ac"
	done
	return 1
}

# pane_resize NAME COLS ROWS: resize NAME's window and wait until the pane has it.
pane_resize() {
	pane_tmux "$1" resize-window -x "$2" -y "$3"
	CHECKS=$((CHECKS + 1))
	if poll "$POLL_WAIT" pane_size_is "$1" "$2x$3"; then
		return 0
	fi
	fail "tmux did not resize $1's pane to $2x$3 (it is $(pane_flag "$1" '#{pane_width}x#{pane_height}'))"
	return 1
}

# pane_check_flag NAME FORMAT VALUE WHAT: a tmux pane flag has VALUE.
pane_check_flag() {
	_pa_fv=$(pane_flag "$1" "$2")
	CHECKS=$((CHECKS + 1))
	if [ "$_pa_fv" = "$3" ]; then
		pass "$4"
		return 0
	fi
	fail "$4: tmux says $2 = $_pa_fv, expected $3"
	pane_capture "$1"
	pane_show_capture "$1"
	return 1
}

# pane_restored NAME: after NAME's program exited its terminal is back: the
# wrapper's line is on the normal screen, the tty modes are those from
# before (stty -g), no alternate screen, cursor visible, no mouse tracking,
# no key bar or sidebar left over.
pane_restored() {
	pane_wait "$1" "^\\[pizarra exited [0-9]+; tty restored\\]" 2 \
	    "$1: the wrapper's line is on the screen and the tty modes (stty -g) are back"
	pane_check_flag "$1" '#{alternate_on}' 0 "$1: the alternate screen is gone"
	pane_check_flag "$1" '#{cursor_flag}' 1 "$1: the cursor is visible"
	pane_check_flag "$1" '#{mouse_any_flag}#{mouse_all_flag}#{mouse_button_flag}#{mouse_standard_flag}' \
	    0000 "$1: mouse tracking is off"
	pane_never "$1" 'F10Quit|shm_nattch' "$1: no key bar or sidebar left on the screen"
}

# pane_quit NAME [KEY]: quit NAME with F10 (or KEY) and check the terminal.
pane_quit() {
	pane_keys "$1" "${2:-F10}"
	pane_wait_exit "$1" 0 && pane_restored "$1"
}

# pane_rawcheck NAME [WHAT]: the bytes NAME's client sent to its terminal are
# clean: no OSC, BEL, C1, stray C0, and every ESC starts a sequence ncurses
# uses.
pane_rawcheck() {
	expect_clean term "$T/$1.raw" "${2:-terminal output of $1 is clean}"
}

# pane_title_safe NAME WORD: the pane title of NAME does not contain WORD.
pane_title_safe() {
	_pa_title=$(pane_flag "$1" '#{pane_title}')
	CHECKS=$((CHECKS + 1))
	case $_pa_title in
	*"$2"*)
		fail "$1's pane title became '$_pa_title' (contains $2)"
		return 1
		;;
	esac
	pass "$1's pane title is '$_pa_title', not $2"
	return 0
}

pane_x10() {
	printf '1b 5b 4d %02x %02x %02x ' $((32 + $1)) $((33 + $2)) $((33 + $3))
}

pane_mouse() {
	_pa_name=$1
	shift
	# shellcheck disable=SC2046 # one byte per word
	pane_tmux "$_pa_name" send-keys -H $(printf '%s' "$*")
}

pane_drag() {
	pane_mouse "$1" "$(pane_x10 0 "$2" "$3")"
	poll 2 pane_shows "$1" " $2,$3  " || fail "$1: the press at $2,$3 did not arrive"
	pane_mouse "$1" "$(pane_x10 32 "$4" "$5")"
	poll 2 pane_shows "$1" " $4,$5  " || fail "$1: the drag to $4,$5 did not arrive"
	pane_mouse "$1" "$(pane_x10 3 "$4" "$5")"
}

pane_click() {
	pane_mouse "$1" "$(pane_x10 0 "$2" "$3")" "$(pane_x10 3 "$2" "$3")"
}

pane_sgr_at() {
	pane_tmux "$2" capture-pane -p -e | python3 -c '
import re, sys
for line in sys.stdin:
    if sys.argv[1] not in re.sub(r"\x1b\[[0-9;]*m", "", line):
        continue
    codes = []
    for esc, ch in re.findall(r"(\x1b\[[0-9;]*m)|(.)", line):
        if esc:
            codes.append(esc[2:-1])
        elif ch == sys.argv[2]:
            print(";".join(codes) + ";")
            break
        else:
            codes = []
    break
' "$1" "$3"
}
