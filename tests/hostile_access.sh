#!/bin/sh
# hostile_access.sh - who may open a board interactively (the command line
# side is tests/cli_access.sh). Root owns a board and draws on it in a
# terminal (R); nobody (setpriv --reuid=nobody --regid=nogroup
# --clear-groups) opens it interactively in terminals of its own:
#   - 0600: nobody's `pizarra -k KEY` and `pizarra -k KEY view` fail before
#     touching the terminal, with one line naming the owner, the mode and
#     `pizarra chmod 0660` / `0666`; the board, shm_nattch and the terminal
#     are as they were;
#   - 0644 (set by root's F5 in R): nobody's `view` works and shows the
#     board, live; nobody's `pizarra -k KEY` (draw) says in one line that
#     nobody can only view it; nobody's viewer cannot draw, and its F5
#     (chmod) and F7 (IPC_RMID) are refused by the kernel with a message,
#     the mode and the board unchanged;
#   - 0666: nobody draws (in a slot of its own, listed as nobody in root's
#     sidebar; root sees the text), and its F5 and F7 are still refused;
#   - 0600 again: nobody, attached already, keeps drawing (the kernel
#     checks at attach time), and its sidebar says IPC_STAT is denied and
#     shows the segment from /proc/sysvipc/shm instead of a column of ?.
# Skipped (77) when not root, without setpriv, or when nobody cannot run.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

[ "$(id -u)" -eq 0 ] || skip "not root: cannot run clients as another user"
command -v setpriv >/dev/null 2>&1 || skip "setpriv (util-linux) is not installed"
AS_NOBODY="setpriv --reuid=nobody --regid=nogroup --clear-groups"
# shellcheck disable=SC2086 # the command and its options
$AS_NOBODY true 2>"$T/setpriv.err" || skip "cannot switch to nobody: $(cat "$T/setpriv.err")"
PUB=$(mktemp -d "${TMPDIR:-/tmp}/pizarra-hostile-access.XXXXXX") || exit 99
cleanup_path "$PUB"
chmod 755 "$PUB"
# shellcheck disable=SC2086
if $AS_NOBODY test -x "$PIZARRA"; then
	PZ_NOBODY=$PIZARRA
else
	echo "nobody cannot run $PIZARRA: using a copy in $PUB"
	cp "$PIZARRA" "$PUB/pizarra" && chmod 755 "$PUB/pizarra"
	PZ_NOBODY=$PUB/pizarra
fi

# nobody_start [--ready=REGEX] NAME ARGS...: a client of nobody's in a
# terminal of its own (pane_start's --ready=).
nobody_start() {
	_ready=--ready=F10Quit
	case $1 in
	--ready=*)
		_ready=$1
		shift
		;;
	esac
	_n=$1
	shift
	# shellcheck disable=SC2086 # the setpriv command and its options
	pane_start "$_ready" "$_n" $AS_NOBODY "$PZ_NOBODY" "$@"
}

# no_alt_screen NAME: NAME's client never sent ESC[?1049h.
# shellcheck disable=SC2317 # called through check
no_alt_screen() {
	! grep -aq "$(printf '\033')\\[?1049h" "$T/$1.raw"
}

# one_line_refusal NAME REGEX: NAME's program exited 1 having printed on its
# terminal exactly one line, which matches REGEX, and never took the
# terminal over (no alternate screen, tty modes as before, clean output).
one_line_refusal() {
	pane_wait_exit "$1" 1
	pane_wait "$1" '^\[pizarra exited 1; tty restored\]' 2 "$1: the terminal modes are as before"
	pane_tmux "$1" capture-pane -p -J >"$T/$1.joined"
	sed -n '/^\[pizarra exited/q; /./p' "$T/$1.joined" >"$T/$1.said"
	CHECKS=$((CHECKS + 1))
	if [ "$(wc -l <"$T/$1.said")" -eq 1 ] && grep -Eq -- "$2" "$T/$1.said"; then
		pass "$1 says in one line: $(cat "$T/$1.said")"
	else
		fail "$1 should say one line matching /$2/"
		show_file "$T/$1.said" "what $1 printed"
	fi
	check "$1 never switched to the alternate screen" no_alt_screen "$1"
	pane_rawcheck "$1"
}

# dump_is TEXT: root's dump of the board is TEXT (printf format).
dump_is() {
	# shellcheck disable=SC2059 # a format on purpose
	printf "$1" >"$T/exp"
	CHECKS=$((CHECKS + 1))
	if "$PIZARRA" -k "$KEY" dump >"$T/dump" 2>&1 && cmp -s "$T/dump" "$T/exp"; then
		pass "the board holds what root and nobody drew, nothing else"
	else
		fail "the board is not what was drawn"
		show_file "$T/dump" "dump"
	fi
}

# mode_is OCTAL: the board's mode in /proc/sysvipc/shm.
mode_is() {
	check "the board's mode is $1" [ "$(shm_field "$ID" perms)" = "$1" ]
}

# chmod_in NAME MODE: F5 in NAME's client, MODE, Enter.
chmod_in() {
	pane_keys "$1" F5
	pane_wait "$1" 'Permission bits \(shmctl IPC_SET\)' 2 "F5 asks $1 for the mode"
	pane_erase_prompt "$1"
	pane_type "$1" "$2"
	pane_keys "$1" Enter
}

# refused_admin NAME: NAME's F5 chmod and F7 IPC_RMID are refused.
refused_admin() {
	mode=$(shm_field "$ID" perms)
	chmod_in "$1" 0666
	pane_wait "$1" "shmid $ID belongs to root: only .*root.* may change the mode of it" 2 \
	    "$1's chmod is refused with the owner's name"
	mode_is "$mode"
	pane_keys "$1" F7
	pane_wait "$1" 'IPC_RMID: mark the segment for removal\?' 2 "F7 asks $1 first"
	pane_type "$1" y
	pane_wait "$1" "shmid $ID belongs to root: only .*root.* may remove it" 2 \
	    "$1's IPC_RMID is refused with the owner's name"
	check "the board is still under $KEY, not marked for removal" \
	    [ "$(shmids_of_key "$KEY")" = "$ID" ]
}

# ---------------------------------------------------------------------------
section "root's board, mode 0600, root drawing on it"
"$PIZARRA" -k "$KEY" put 0 0 secret 2>/dev/null || abort "root could not create the board"
ID=$(board_shmid "$KEY")
pane_start R "$PIZARRA" -k "$KEY"
pane_wait_line R 0 "secret" 2 "R shows the board"
mode_is 600
check "shm_nattch is 1 (R)" [ "$(shm_field "$ID" nattch)" = 1 ]

section "0600: nobody may not open it, to draw or to view"
nobody_start --ready= N1 -k "$KEY"
one_line_refusal N1 "^pizarra: key $KEY \\(shmid $ID\\) belongs to root, mode 0600 \\(rw-------\\): you may not attach it; root can let you draw with \`pizarra -k $KEY chmod 0666\` \\(everyone: you are not in group root\\), or only view with \`pizarra -k $KEY chmod 0644\`\$"
nobody_start --ready= N2 -k "$KEY" view
one_line_refusal N2 "^pizarra: key $KEY \\(shmid $ID\\) belongs to root, mode 0600 \\(rw-------\\): you may not attach it; root can let you view it with \`pizarra -k $KEY chmod 0644\` \\(everyone: you are not in group root\\), or draw with \`pizarra -k $KEY chmod 0666\`\$"
check "shm_nattch is still 1" [ "$(shm_field "$ID" nattch)" = 1 ]
check "still one segment under $KEY" [ "$(shmids_of_key "$KEY")" = "$ID" ]
dump_is 'secret\n'
pane_all_alive R "after nobody's attempts"

# ---------------------------------------------------------------------------
section "0644: nobody may view, not draw, not chmod, not remove"
chmod_in R 0644
pane_wait R 'IPC_SET: mode is now 0644' 2 "root's F5 sets 0644"
mode_is 644
nobody_start V -k "$KEY" view
pane_wait_line V 0 "secret" 2 "nobody's viewer shows the board"
pane_wait V 'VIEW-ONLY' 2 "nobody's viewer says VIEW-ONLY"
pane_keys R Down
pane_type R "root, live"
pane_wait_line V 1 "root, live" 2 "nobody's viewer follows what root draws"
pane_wait R "[0-9]+ +pizarra +viewer\$" 3 "R lists nobody's viewer as a viewer"
pane_type V "zzz"
pane_wait V 'view-only: attached SHM_RDONLY, drawing is refused' 2 "nobody's viewer cannot draw"
nobody_start --ready= N3 -k "$KEY"
one_line_refusal N3 "^pizarra: key $KEY \\(shmid $ID\\) belongs to root, mode 0644 \\(rw-r--r--\\): you can only view it \\(\`pizarra -k $KEY view\`\\); root can let you draw with \`pizarra -k $KEY chmod 0666\` \\(everyone: you are not in group root\\)\$"
refused_admin V
pane_all_alive "R V" "after nobody's refused chmod and IPC_RMID"
dump_is 'secret\nroot, live\n'

# ---------------------------------------------------------------------------
section "0666: nobody draws, but still may not chmod or remove"
chmod_in R 0666
pane_wait R 'IPC_SET: mode is now 0666' 2 "root's F5 sets 0666"
mode_is 666
nobody_start W -k "$KEY"
PW=$(pane_pid W)
pane_wait R "[●*] $PW +nobody " 3 "R lists nobody's drawer in a slot, as nobody"
pane_keys W Down Down
pane_type W "drawn by nobody"
pane_wait_line R 2 "drawn by nobody" 2 "R shows what nobody draws"
refused_admin W
dump_is 'secret\nroot, live\ndrawn by nobody\n'

# ---------------------------------------------------------------------------
section "0600 again: nobody, still attached, keeps drawing and says IPC_STAT is denied"
chmod_in R 0600
pane_wait R 'IPC_SET: mode is now 0600; 2 processes are attached and keep their access until they' 2 \
	"root's F5 sets 0600, and says the two attached keep their access"
pane_wait W 'IPC_STAT denied; via /proc' 3 "nobody's sidebar says IPC_STAT is denied now"
pane_wait W 'shm_perm.mode 0600 rw-------$' 2 "and still shows the segment, from /proc/sysvipc/shm"
pane_never W 'shm_nattch +\?$' "no field is a bare ?"
pane_keys W Down Home
pane_type W "still drawing"
pane_wait_line R 3 "still drawing" 2 "nobody keeps the access it attached with"
dump_is 'secret\nroot, live\ndrawn by nobody\nstill drawing\n'

# ---------------------------------------------------------------------------
section "everyone quits"
for c in R V W; do
	pane_keys "$c" F10
done
for c in R V W; do
	pane_wait_exit "$c" 0
	pane_wait "$c" '^\[pizarra exited 0; tty restored\]' 2 "$c's terminal modes are back"
	check "$c's recorded output is complete" poll 3 pane_raw_done "$c"
	pane_rawcheck "$c"
done

finish
