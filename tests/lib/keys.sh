# shellcheck shell=sh
# keys.sh - the key registry: every shell test, its number and the System V
# keys it owns. Sourced by test.sh; test_begin looks the test up here.
#
# The table (keys_table) has one line per test:
#
#     NAME  NUMBER  BYTE...
#
# NAME is the script's name without .sh, NUMBER the test's number (unique,
# printed when the test starts), and each BYTE (two lower-case hex digits)
# the high byte of one key: the test's key SUB (0, 1, ...) is
#
#     BYTE[SUB] << 24 | (PID & 0xFFFFFF)
#
# where PID is the test's shell. A test that needs no segment has "-" for
# its bytes. Adding a test is one line here (take the next number and, for
# each key it needs, the next free byte). tests/screenshots.sh (make
# screenshots) is no test but has a line too: it makes boards like one.
#
# Why no two tests running in parallel share a key: the low 24 bits are the
# pid of a live shell, which no other process running at the same time has
# (pid_max is at most 2^22), and no byte is in the table twice, so even a
# segment that a killed run left behind under a pid that came back belongs
# to one test only. The bytes stay out of 0xA0..0xDF, which the Check suites
# use (tests/checkutil.c: tu_key(n) = (0xA0 + n) << 24 | the suite's pid,
# n < 64). Other keys in the tree, none in this table's range: the bench
# 0xB0 << 24 | (pid & 0xFFFF) << 8 | a counter (tests/bench/keys.c),
# tests/fuzz/mkcorpus.sh 0xCD, the soak 0xCE and 0xCF (tests/soak/soak.c),
# and the ftok keys of cli_board (project ids 0x70, 0x7A, 0x7B with the key
# file's device and inode bits). keys_verify checks the table (a byte given
# twice or in 0xA0..0xDF, a name or number given twice) every time a test
# starts, and fails the test loudly (exit 99) when it does not hold.
#
# Bytes in use: 0xE0..0xFF, 0x80..0x9F, and from 0x60 up (0x60..0x64, 0x65..0x68 for the
# Spanish tests, 0x6A, 0x6B; 0x6C, 0x6D for the screenshots in Spanish); 0x50, 0x51
# (ui_tools); 0x53 (ui_undo); 0x54 (ui_direct); 0x55 (xterm_direct); 0x5d (ui_paint); 0x74..0x76 (fault_idle); 0x78, 0x79 (xterm_editor,
# xterm_picker); 0x5e (ui_select's second); 0x58..0x5C (ui_select,
# ui_select_shared, ui_clipboard).
# Free: below 0x70 (0x70, 0x7A and 0x7B are cli_board's ftok project ids;
# 0x70 is also the default board's).
#
# Interface:
#   keys_table             the table (comments and blank lines allowed)
#   keys_verify            exit 99 with a message if the table is inconsistent
#   keys_lookup NAME       sets KEYS_NUMBER and KEYS_BYTES (the bytes, space
#                          separated, empty for "-") from NAME's line; exit
#                          99, naming this file, when NAME is not in it

keys_table() {
	cat <<'EOF'
# name            number  key bytes
cli_usage         0       e0 e1 e2 e3
cli_board         1       e4 e5 e6
cli_errors        2       e7 e8 e9 ea
cli_segment       3       eb ec
cli_access        4       ed ee
ui_sync           5       ef
ui_lesson         6       f0
ui_view           7       f1
ui_resize         8       f2
ui_vt100          9       f3
hostile_cells     10      f4
hostile_header    11      f5
hostile_slots     12      f6
hostile_access    13      f7
fault_kill        14      f8
fault_stop        15      f9
fault_remove      16      fa
fault_tty         17      fb 56
cli_valgrind      18      fc fd
layering          19      -
ui_questions      20      fe
ui_messages       21      ff 80 81 82 83 84 8a 8b
fault_spin        23      85 86 87
fault_hangup      24      88
fault_noslot      25      89
fault_idle        92      74 75 76
cli_lease         22      9f 9e
ui_colours        26      60
ui_small          27      61
ui_people         28      62 63
po_check          29      -
ui_paste          50      94
ui_text           51      95
cli_ls            60      98 99
ui_top            61      9a
ui_peek           62      9b
ui_bytes          63      9c
ui_exercise       64      9d
ui_segments_es    73      6a 6b
xterm_draw        40      8c
xterm_wheel       41      8d
xterm_colours     42      8e
xterm_help        43      8f
screen_smoke      44      90
ui_term           45      91
screenshots       46      92 93 97 64 6c 6d
ui_mouse          47      96
cli_spanish       70      65 66
cli_manual        74      -
ui_spanish        71      67 68
ui_tools          82      50 51
cli_export        81      6e 6f
cli_cell64        80      52
ui_undo           83      53
ui_paint          89      5d
ui_direct         97      54
xterm_editor      95      78
xterm_picker      96      79
xterm_direct      98      55
ui_select         86      58 5e
ui_select_shared  87      59 5a
ui_clipboard      88      5b 5c
EOF
}

keys_verify() {
	_ky_err=$(keys_table | awk '
	/^[ \t]*(#|$)/ { next }
	{
		if (NF < 3) { print "line \"" $0 "\": expected NAME NUMBER BYTE... (or -)"; next }
		if ($1 in name) print "test " $1 " is listed twice"
		name[$1] = 1
		if ($2 !~ /^[0-9]+$/) print "test " $1 ": number \"" $2 "\" is not a number"
		if ($2 in num) print "tests " num[$2] " and " $1 " have the same number " $2
		num[$2] = $1
		if (NF == 3 && $3 == "-") next
		for (i = 3; i <= NF; i++) {
			b = $i
			if (b !~ /^[0-9a-f][0-9a-f]$/) { print "test " $1 ": \"" b "\" is not a byte (two lower-case hex digits)"; continue }
			if (b >= "a0" && b <= "df") print "test " $1 ": byte 0x" b " is in 0xa0..0xdf, the range of the Check suites"
			if (b in byte) print "tests " byte[b] " and " $1 " share the byte 0x" b
			byte[b] = $1
		}
	}')
	if [ -n "$_ky_err" ]; then
		printf 'keys.sh: the key registry is inconsistent:\n%s\n' "$_ky_err" >&2
		exit 99
	fi
}

keys_lookup() {
	_ky_line=$(keys_table | awk -v t="$1" '
	/^[ \t]*(#|$)/ { next }
	$1 == t { printf "%s", $2; for (i = 3; i <= NF; i++) if ($i != "-") printf " %s", $i; print ""; exit }')
	if [ -z "$_ky_line" ]; then
		echo "keys.sh: unknown test '$1': give it a line (a number and its keys) in tests/lib/keys.sh" >&2
		exit 99
	fi
	KEYS_NUMBER=${_ky_line%% *}
	KEYS_BYTES=
	# shellcheck disable=SC2034 # for test.sh
	[ "$KEYS_NUMBER" = "$_ky_line" ] || KEYS_BYTES=${_ky_line#* }
}
