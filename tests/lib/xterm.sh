# shellcheck shell=sh
# xterm.sh - a real terminal for the tests: xterm on a private X server
# (Xvfb), typed into and clicked on with xdotool, photographed with
# ImageMagick's import. tmux forgives what real terminals do not (xterm
# keeps one mouse-tracking mode at a time; tmux keeps them all), so these
# tests see what a user sees. Sourced by test.sh; uses report.sh, poll.sh
# and cleanup.sh (cleanup_pid, cleanup_client). `test_begin xterm` runs
# xterm_init: it skips (77) when xterm, Xvfb or xdotool is missing
# (./bootstrap installs them), then starts Xvfb on a display it finds free
# itself (-displayfd), registered for cleanup, and exports DISPLAY.
#
# The one starter, xterm_start [--rv] [--size=COLSxROWS] [--ready=REGEX]
# [--window-ops] NAME [VAR=VALUE]... PROGRAM [ARG]..., opens an xterm of
# COLSxROWS cells (default 80x24; --rv: reverse video, white on black;
# --window-ops: allowWindowOps true, so OSC 52 may set the X selection,
# which xterm's default refuses) with TERM=$XTERM_TERM
# (xterm-256color) and the font $XTERM_FONT at $XTERM_FONT_SIZE points, to
# the right of the windows already open (they never overlap, so a picture
# of one shows only it). xterm logs every byte it receives into
# $T/NAME.raw (-l -lf: what PROGRAM wrote, after the tty's output
# processing). In it a wrapper records the tty modes (stty -g), writes
# PROGRAM's pid ($T/NAME.pid; PROGRAM is exec'ed, and gets the hangup when
# the xterm goes), runs it, and once it exits writes its status
# ($T/NAME.status) and whether the tty modes are back ($T/NAME.modes:
# restored or CHANGED), and keeps the window open. xterm_start then finds
# the window (by xterm's pid), its cell size (getwindowgeometry: WIDTH /
# COLS, HEIGHT / ROWS) and waits until the output matches REGEX (grep -E;
# default Quit, the key bar: the board is up and its mouse on; --ready=
# waits for nothing). The xterm and the program are registered for cleanup.
#
# Interface (NAME is an xterm; coordinates are 0-based cells of its screen):
#   xterm_init              see above (XTERM_DISPLAY is the display,
#                           XTERM_SCREEN its size: room for the windows
#                           side by side)
#   xterm_start ...         see above
#   xterm_window NAME       its X window id
#   xterm_pid NAME          the pid of its program (empty if it never started)
#   xterm_alive NAME, xterm_exited NAME
#   xterm_close NAME        close the xterm (its program gets the hangup)
#   xterm_focus NAME        give it the keyboard
#   xterm_key NAME KEY...   press keys by X name (F3, Return, ctrl+z, Escape...)
#   xterm_type NAME TEXT    type TEXT
#   xterm_point NAME COL ROW   move the pointer to the middle of that cell
#   xterm_down NAME [BUTTON], xterm_up NAME [BUTTON]   press, release (1)
#   xterm_click NAME COL ROW [BUTTON]   point there and click
#   xterm_wheel NAME COL ROW up|down [MODIFIER|COUNT]   one notch of the
#                           wheel there (buttons 4, 5), with ctrl or shift
#                           held, or COUNT notches
#   xterm_raw NAME          the file of the bytes the program sent its
#                           terminal ($T/NAME.raw)
#   xterm_raw_has NAME REGEX   the recorded output matches REGEX now
#   xterm_shot NAME FILE    a PNG of the window (import)
#   xterm_cursor KEY PID    "COL,ROW": the cursor `pizarra -k KEY info --json`
#                           lists for client PID (empty if none)
#   xterm_cursor_is KEY PID COL ROW   that cursor is at COL,ROW now
#   checks:
#   xterm_wait_raw NAME REGEX [SECS] [WHAT]   the output matches REGEX
#   xterm_mark NAME         remember how much NAME's xterm has received
#   xterm_wait_since NAME REGEX WHAT   what it received after the mark matches
#                           REGEX within POLL_WAIT
#   xterm_wait_exit NAME STATUS [SECS]        the program exits with STATUS
#   xterm_restored NAME     after the program exited: tty modes back, and its
#                           last bytes leave the alternate screen, every
#                           mouse mode (1000, 1002, 1003, 1006) off and the
#                           cursor shown (a mode it never set counts as off)
#   xterm_quit NAME [KEY]   quit with F10 (or KEY), exit 0, xterm_restored
#   xterm_wait_cursor KEY PID COL ROW WHAT   client PID's cursor reaches COL,ROW
#   xterm_sgr_readable NAME WHAT   no text is drawn bold on a black or white
#                           foreground (xterm's boldColors turns bold black
#                           grey, and bold white vanishes on white): see
#                           xterm_sgr_violations

XTERM_DISPLAY=
XTERM_TERM=${XTERM_TERM:-xterm-256color}
XTERM_FONT=${XTERM_FONT:-DejaVu Sans Mono}
XTERM_FONT_SIZE=${XTERM_FONT_SIZE:-10}
XTERM_BORDER=2
XTERM_NEXT_X=0
XTERM_SCREEN=${XTERM_SCREEN:-4200x1100x24}

xterm_init() {
	for _xt_p in Xvfb xterm xdotool; do
		command -v "$_xt_p" >/dev/null 2>&1 ||
		    skip "$REPORT_NAME needs $_xt_p, which is not installed (./bootstrap installs it)"
	done
	# Xvfb chooses a display no other server holds and writes its number
	# on fd 3 once it accepts connections.
	Xvfb -displayfd 3 -screen 0 "$XTERM_SCREEN" -nolisten tcp -noreset \
	    3>"$T/xvfb.display" >"$T/xvfb.err" 2>&1 &
	_xt_xpid=$!
	cleanup_pid "$_xt_xpid"
	poll 10 test -s "$T/xvfb.display" ||
	    abort "Xvfb did not start: $(tail -3 "$T/xvfb.err")"
	XTERM_DISPLAY=:$(cat "$T/xvfb.display")
	DISPLAY=$XTERM_DISPLAY
	export DISPLAY
	unset XAUTHORITY
	# The wrapper every xterm runs (see the top of this file).
	cat >"$T/xterm-run.sh" <<'EOF'
base=$1
shift
ulimit -c 0
stty -g >"$base.tty0" 2>/dev/null
# shellcheck disable=SC2016
sh -c 'echo $$ >"$0.pid.new" && mv "$0.pid.new" "$0.pid" && exec "$@"' "$base" "$@"
st=$?
if [ "$(stty -g 2>/dev/null)" = "$(cat "$base.tty0")" ]; then
	echo restored >"$base.modes"
else
	echo CHANGED >"$base.modes"
fi
echo "$st" >"$base.status"
exec sleep 3600
EOF
}

# xterm_start [--rv] [--size=COLSxROWS] [--ready=REGEX] [--window-ops] NAME [VAR=VALUE]... PROGRAM [ARG]...
xterm_start() {
	_xt_rv=
	_xt_size=80x24
	_xt_ready=Quit
	_xt_ops=false
	while :; do
		case $1 in
		--rv) _xt_rv=-rv ;;
		--window-ops) _xt_ops=true ;;
		--size=*) _xt_size=${1#--size=} ;;
		--ready=*) _xt_ready=${1#--ready=} ;;
		*) break ;;
		esac
		shift
	done
	_xt_name=$1
	shift
	rm -f "$T/$_xt_name".*
	cleanup_client "$T/$_xt_name"
	# shellcheck disable=SC2086 # -rv or nothing
	xterm -geometry "$_xt_size+$XTERM_NEXT_X+0" -b "$XTERM_BORDER" +sb -fa "$XTERM_FONT" \
	    -l -lf "$T/$_xt_name.raw" \
	    -fs "$XTERM_FONT_SIZE" $_xt_rv -tn "$XTERM_TERM" -title "$_xt_name" \
	    -xrm "XTerm*allowWindowOps: $_xt_ops" \
	    -e sh "$T/xterm-run.sh" "$T/$_xt_name" env TERM="$XTERM_TERM" "$@" \
	    >"$T/$_xt_name.xterm-err" 2>&1 &
	echo $! >"$T/$_xt_name.xpid"
	cleanup_pid "$(cat "$T/$_xt_name.xpid")"
	echo "${_xt_size%x*}" >"$T/$_xt_name.cols"
	echo "${_xt_size#*x}" >"$T/$_xt_name.rows"
	poll 10 xterm_find_window "$_xt_name" ||
	    abort "no window for xterm $_xt_name: $(cat "$T/$_xt_name.xterm-err")"
	xdotool getwindowgeometry --shell "$(xterm_window "$_xt_name")" >"$T/$_xt_name.geometry"
	_xt_width=$(sed -n 's/^WIDTH=//p' "$T/$_xt_name.geometry")
	_xt_height=$(sed -n 's/^HEIGHT=//p' "$T/$_xt_name.geometry")
	echo $((_xt_width / ${_xt_size%x*})) >"$T/$_xt_name.cw"
	echo $((_xt_height / ${_xt_size#*x})) >"$T/$_xt_name.ch"
	XTERM_NEXT_X=$((XTERM_NEXT_X + _xt_width + 10))
	poll 10 test -s "$T/$_xt_name.pid" || abort "xterm $_xt_name's program never started"
	if [ -n "$_xt_ready" ]; then
		xterm_wait_raw "$_xt_name" "$_xt_ready" "$POLL_WAIT" "$_xt_name started ($*)" ||
		    abort "$_xt_name did not start"
	fi
}

# xterm_find_window NAME: find NAME's window by its xterm's pid (true once found).
xterm_find_window() {
	_xt_w=$(xdotool search --onlyvisible --pid "$(cat "$T/$1.xpid")" 2>/dev/null | head -1)
	[ -n "$_xt_w" ] && echo "$_xt_w" >"$T/$1.window"
}

xterm_window() {
	cat "$T/$1.window"
}

xterm_pid() {
	cat "$T/$1.pid" 2>/dev/null
}

xterm_alive() {
	_xt_apid=$(xterm_pid "$1")
	[ -n "$_xt_apid" ] && kill -0 "$_xt_apid" 2>/dev/null && [ ! -f "$T/$1.status" ]
}

xterm_exited() {
	[ -f "$T/$1.status" ]
}

# xterm_close NAME: close NAME's xterm (its program gets the hangup) and
# wait until the window is gone.
xterm_close() {
	kill "$(cat "$T/$1.xpid")" 2>/dev/null
	poll "$POLL_WAIT" xterm_window_gone "$1"
}

xterm_window_gone() {
	! xdotool getwindowname "$(xterm_window "$1")" >/dev/null 2>&1
}

# ----------------------------------------------------------------- input

xterm_focus() {
	xdotool windowfocus "$(xterm_window "$1")"
}

# xterm_key NAME KEY...: press keys by their X names.
xterm_key() {
	_xt_kname=$1
	shift
	xterm_focus "$_xt_kname"
	xdotool key --delay 20 "$@"
}

# xterm_type NAME TEXT
xterm_type() {
	xterm_focus "$1"
	xdotool type --delay 20 -- "$2"
}

# xterm_point NAME COL ROW: the pointer to the middle of cell COL, ROW.
xterm_point() {
	_xt_cw=$(cat "$T/$1.cw")
	_xt_ch=$(cat "$T/$1.ch")
	xdotool mousemove --window "$(xterm_window "$1")" \
	    $((XTERM_BORDER + $2 * _xt_cw + _xt_cw / 2)) $((XTERM_BORDER + $3 * _xt_ch + _xt_ch / 2))
}

xterm_down() {
	xdotool mousedown "${2:-1}"
}

xterm_up() {
	xdotool mouseup "${2:-1}"
}

# xterm_click NAME COL ROW [BUTTON]
xterm_click() {
	xterm_point "$1" "$2" "$3"
	xdotool click "${4:-1}"
}

# xterm_wheel NAME COL ROW up|down [MODIFIER|COUNT]: one notch of the wheel
# at COL, ROW (with MODIFIER held), or COUNT notches.
xterm_wheel() {
	xterm_point "$1" "$2" "$3"
	case $4 in
	up) _xt_b=4 ;;
	*) _xt_b=5 ;;
	esac
	case ${5:-} in
	'') xdotool click "$_xt_b" ;;
	[0-9]*) xdotool click --repeat "$5" --delay 10 "$_xt_b" ;;
	*) xdotool keydown "$5" click "$_xt_b" keyup "$5" ;;
	esac
}

# ---------------------------------------------------------------- output

# xterm_raw NAME: the file with every byte NAME's xterm received from its
# program (xterm's own log, -l -lf).
xterm_raw() {
	echo "$T/$1.raw"
}

# xterm_raw_has NAME REGEX: the recorded output matches REGEX (grep -E) now.
xterm_raw_has() {
	grep -aEq -- "$2" "$(xterm_raw "$1")"
}

# xterm_shot NAME FILE: a PNG of NAME's window (256 colours: a terminal has
# few, and the file is a third of the size).
xterm_shot() {
	import -window "$(xterm_window "$1")" "PNG8:$2"
}

# xterm_cursor KEY PID: "COL,ROW", the cursor info --json lists for client PID.
xterm_cursor() {
	"$PIZARRA" -k "$1" info --json 2>/dev/null | sed 's/.*"clients":\[//' | tr '}' '\n' |
	    grep "\"pid\":$2," | sed -n 's/.*"col":\([0-9]*\),"row":\([0-9]*\).*/\1,\2/p'
}

# xterm_cursor_is KEY PID COL ROW
xterm_cursor_is() {
	[ "$(xterm_cursor "$1" "$2")" = "$3,$4" ]
}

# ---------------------------------------------------------------- checks

# xterm_wait_cursor KEY PID COL ROW WHAT: client PID's cursor reaches COL,ROW.
xterm_wait_cursor() {
	CHECKS=$((CHECKS + 1))
	if poll "$POLL_WAIT" xterm_cursor_is "$1" "$2" "$3" "$4"; then
		pass "$5"
		return 0
	fi
	fail "$5: the cursor is at $(xterm_cursor "$1" "$2"), not $3,$4"
	return 1
}

# xterm_wait_raw NAME REGEX [SECS] [WHAT]
xterm_wait_raw() {
	CHECKS=$((CHECKS + 1))
	if poll "${3:-$POLL_WAIT}" xterm_raw_has "$1" "$2"; then
		pass "${4:-$1: the output matches /$2/}"
		return 0
	fi
	fail "${4:-$1: the output matches /$2/}: not within ${3:-$POLL_WAIT} s"
	return 1
}

# xterm_wait_exit NAME STATUS [SECS]
xterm_wait_exit() {
	CHECKS=$((CHECKS + 1))
	if ! poll "${3:-$POLL_WAIT}" xterm_exited "$1"; then
		fail "$1 did not exit within ${3:-$POLL_WAIT} s"
		return 1
	fi
	_xt_xst=$(cat "$T/$1.status")
	if [ "$_xt_xst" != "$2" ]; then
		fail "$1 exited with status $_xt_xst, expected $2"
		return 1
	fi
	pass "$1 exited with status $2"
	return 0
}

# xterm_last_mode NAME MODE: h or l, how the last DEC private mode MODE set
# or reset in NAME's output left it ("?1006;1000h" sets both).
xterm_last_mode() {
	tr '\033' '\n' <"$(xterm_raw "$1")" |
	    sed -n 's/^\[?\([0-9;]*\)\([hl]\).*/\1 \2/p' |
	    awk -v m="$2" '{ n = split($1, a, ";"); for (i = 1; i <= n; i++) if (a[i] == m) last = $2 }
	    END { print last }'
}

# xterm_restored NAME: the tty modes are back, and the last bytes the program
# sent leave the alternate screen and turn every mouse mode off.
xterm_restored() {
	check "$1: the tty modes (stty -g) are back" [ "$(cat "$T/$1.modes" 2>/dev/null)" = restored ]
	check "$1: the alternate screen is left (?1049l last)" [ "$(xterm_last_mode "$1" 1049)" = l ]
	for _xt_m in 1000 1002 1003 1006; do
		check "$1: mouse mode $_xt_m is left off (never set, or ?${_xt_m}l last)" \
		    [ "$(xterm_last_mode "$1" "$_xt_m")" != h ]
	done
	check "$1: the cursor is left visible (never hidden, or ?25h last)" \
	    [ "$(xterm_last_mode "$1" 25)" != l ]
}

# xterm_quit NAME [KEY]: quit with F10 (or KEY) and check the terminal.
xterm_quit() {
	xterm_key "$1" "${2:-F10}"
	xterm_wait_exit "$1" 0 && xterm_restored "$1"
}

# xterm_sgr_violations FILE: every place in FILE (a terminal's output) where
# visible text is drawn bold on a black or white foreground: SGR 1 with 30,
# 37, 90, 97, or 38;5;N with N in 0, 7, 15, 16, 231 (the 256-colour cube's
# black and white), 38;2 black or white, in one rendition state. One line
# each: the rendition (bold fg) and the text. SGR state follows ECMA-48: 0
# or nothing resets, 22 ends bold, 39 is the default colour; DECSC (ESC 7)
# saves it and DECRC (ESC 8) brings it back, as a VT100 does.
xterm_sgr_violations() {
	LC_ALL=C awk -v RS='\033' '
	function sgr(p,   n, a, i) {
		n = split(p, a, ";")
		if (n == 0) { bold = 0; fg = ""; return }
		for (i = 1; i <= n; i++) {
			if (a[i] == "" || a[i] == 0) { bold = 0; fg = "" }
			else if (a[i] == 1) bold = 1
			else if (a[i] == 22) bold = 0
			else if (a[i] == 39) fg = ""
			else if ((a[i] >= 30 && a[i] <= 37) || (a[i] >= 90 && a[i] <= 97)) fg = a[i]
			else if (a[i] == 38 && a[i + 1] == 5) { fg = "38;5;" a[i + 2]; i += 2 }
			else if (a[i] == 38 && a[i + 1] == 2) {
				fg = "38;2;" a[i + 2] ";" a[i + 3] ";" a[i + 4]; i += 4
			}
		}
	}
	function bad() {
		return bold && (fg == 30 || fg == 37 || fg == 90 || fg == 97 ||
		    fg == "38;5;0" || fg == "38;5;7" || fg == "38;5;15" || fg == "38;5;16" ||
		    fg == "38;5;231" || fg == "38;2;0;0;0" || fg == "38;2;255;255;255")
	}
	NR == 1 { text = $0 }
	NR > 1 {
		text = $0
		if (match($0, /^\[[0-9;]*m/)) {
			sgr(substr($0, 2, RLENGTH - 2))
			text = substr($0, RLENGTH + 1)
		} else if (match($0, /^7/)) {
			saved_bold = bold; saved_fg = fg
			text = substr($0, 2)
		} else if (match($0, /^8/)) {
			bold = saved_bold; fg = saved_fg
			text = substr($0, 2)
		} else if (match($0, /^\[[0-9;?<>=]*[ -\/]*[@-~]/) || match($0, /^[()][0-9A-Za-z]/) ||
		    match($0, /^[=>DEHMc]/)) {
			text = substr($0, RLENGTH + 1)
		} else if (match($0, /^\][^\007]*\007/)) {
			text = substr($0, RLENGTH + 1)
		}
	}
	{
		gsub(/[\001-\037\177]/, "", text)
		vis = text
		gsub(/ /, "", vis)
		if (vis != "" && bad())
			printf "bold fg %s: \"%s\"\n", fg, substr(text, 1, 50)
	}' "$1"
}

# xterm_sgr_readable NAME WHAT: a check that NAME's output has no text drawn
# bold on a black or white foreground.
xterm_sgr_readable() {
	xterm_sgr_violations "$(xterm_raw "$1")" >"$T/$1.sgr-bad"
	CHECKS=$((CHECKS + 1))
	if [ ! -s "$T/$1.sgr-bad" ]; then
		pass "$2"
		return 0
	fi
	fail "$2: $(wc -l <"$T/$1.sgr-bad") run(s) of text drawn bold on black or white, e.g.:"
	sort "$T/$1.sgr-bad" | uniq -c | sort -rn | head -12 | sed 's/^/   /'
	return 1
}

xterm_mark() {
	wc -c <"$(xterm_raw "$1")" >"$T/$1.mark"
}

# shellcheck disable=SC2317 # called through poll
xterm_since() {
	tail -c +"$(($(cat "$T/$1.mark") + 1))" "$(xterm_raw "$1")" | grep -aEq -- "$2"
}

xterm_wait_since() {
	CHECKS=$((CHECKS + 1))
	if poll "$POLL_WAIT" xterm_since "$1" "$2"; then
		pass "$3"
		return 0
	fi
	fail "$3: /$2/ not received"
	return 1
}
