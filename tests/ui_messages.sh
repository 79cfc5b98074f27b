#!/bin/sh
# ui_messages.sh - messages and questions a user can act on, and the ways
# out of a removed board that mislead nobody:
#   - at 50 columns every question and prompt fits, with the typed answer
#     visible at the end (shorter wording, never a cut-off "(y/N)");
#   - F4 on a header that stopped validating answers at once, with one
#     short message;
#   - typing past the board's right edge says so instead of overwriting;
#   - F6 shows the directory, asks before replacing a file (o overwrite,
#     r another name), expands ~, and gives the file the board's read bits;
#   - after a removal, n never moves anyone onto a board under the key
#     without saying whose it is and asking; when there is none it makes
#     one with the drawing and the removed board's mode; a detached client
#     whose segment is gone gets the same choice;
#   - the sidebar warns when systemd-logind will remove the board.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# status_is NAME REGEX WHAT: NAME's status line (the one above the key bar)
# matches REGEX, anchored at its end, within 2 s.
status_is() {
	CHECKS=$((CHECKS + 1))
	if poll 2 status_matches "$1" "$2"; then
		pass "$3"
		return 0
	fi
	fail "$3: the status line is \"$(status_line "$1")\" (wanted /$2 *\$/)"
	pane_show_capture "$1"
	return 1
}
status_line() {
	pane_capture "$1"
	_rows=$(pane_flag "$1" '#{pane_height}')
	sed -n "$((_rows - 1))p" "$T/$1.cap"
}
status_matches() {
	status_line "$1" | grep -Eq -- "$2 *\$"
}

K1=$(test_key 1)
K2=$(test_key 2)
K3=$(test_key 3)
K4=$(test_key 4)
K5=$(test_key 5)

# ---------------------------------------------------------------------------
section "at 50x20, every question fits with its answer"
pane_start A "$PIZARRA" -k "$KEY"
ID=$(board_shmid "$KEY")
pane_resize A 50 20
pane_wait A 'shm_nattch +1$' 3 "A is redrawn at 50x20"
pane_keys A F5
status_is A 'e\.g\. 0660: 0660' "F5's prompt fits, its answer at the end"
pane_erase_prompt A
pane_type A "0123456701234567012345670123456701234567"
status_is A '34567' "a long answer shows its end, where the cursor is"
pane_keys A Escape
status_is A 'cancelled' "Esc cancels it"
pane_keys A F6
status_is A "Save in .*: pizarra-$ID\\.txt" "F6's prompt fits with the file name"
pane_keys A Escape
pane_keys A F7
status_is A '\(y/N\)' "F7's question ends with (y/N)"
pane_keys A Escape
pane_keys A F8
status_is A '\(y/N\)' "F8's question ends with (y/N)"
pane_keys A Escape
run "$PIZARRA" -k "$KEY" rm
pane_wait A 'Removed by someone else: k keep, s save, n new' 4 "the removal question fits"
pane_type A k

# ---------------------------------------------------------------------------
section "F4 on a header that stopped validating answers at once"
pane_start B "$PIZARRA" -k "$K1"
ID1=$(board_shmid "$K1")
helper header "$K1" magic 0 >/dev/null
pane_wait B 'Stopped trusting this board' 3 "B stops trusting the board"
pane_keys B F4
pane_wait B 'shmdt: detached' 2 "F4 detaches"
pane_keys B F4
T0=$(now_cs)
pane_wait B "shmid $ID1 is no longer a valid board: F6 saves your copy" 2 \
	"F4 again says the board is not valid"
check "... within a second, not after waiting for a creator" [ $(($(now_cs) - T0)) -lt 100 ]
pane_keys B F4
pane_wait B "shmid $ID1 is no longer a valid board" 2 "and says it again, the same"
check "one message, not two" [ "$(status_line B | grep -o 'no longer a valid board' | wc -l)" -eq 1 ]
pane_quit B
helper rm "$K1" >/dev/null 2>&1

# ---------------------------------------------------------------------------
section "typing past the board's right edge says so"
pane_start C "$PIZARRA" -k "$K2" -s 20x5
pane_keys C End
pane_type C "xy"
pane_wait C 'the board ends at column 19: Enter goes to the next line' 2 "the y is refused, and why"
printf '%19sx\n' '' >"$T/edge"
expect_dump "$T/edge" -k "$K2"
pane_quit C
"$PIZARRA" -k "$K2" rm >/dev/null

# ---------------------------------------------------------------------------
section "F6: the directory, ~, the board's read bits, and a file that exists"
printf 'old\n' >"$T/exists.txt"
pane_start D HOME="$T" "$PIZARRA" -k "$K3"
pane_type D "saved"
pane_keys D F6
pane_wait D "Save (the board as text )?in [^ ]*$(basename "$PWD")/:" 2 "the prompt shows the directory"
pane_erase_prompt D
pane_type D "$T/exists.txt"
pane_keys D Enter
pane_wait D 'exists.txt exists: o overwrite, r another name, Esc cancel' 2 "an existing name is asked about"
check "the file is untouched while asking" file_has_line "$T/exists.txt" old
pane_type D r
pane_wait D "Save (the board as text )?in .*exists\\.txt" 2 "r: the prompt again, with the name"
pane_erase_prompt D
pane_erase_prompt D
pane_type D "~/other.txt"
pane_keys D Enter
pane_wait D 'saved [0-9]+ bytes to ~/other\.txt' 10 "F6 says it saved ~/other.txt"
check "~ is the home directory" file_has_line "$T/other.txt" saved
check "exists.txt still has what it had" file_has_line "$T/exists.txt" old
check "a 0600 board is saved 0600" [ "$(stat -c %a "$T/other.txt")" = 600 ]
pane_keys D F6
pane_erase_prompt D
pane_type D "$T/exists.txt"
pane_keys D Enter
pane_wait D 'exists.txt exists' 2 "asked again"
pane_type D o
pane_wait D "saved [0-9]+ bytes to .*exists\\.txt" 10 "o: F6 says it saved"
check "o: replaced" file_has_line "$T/exists.txt" saved
"$PIZARRA" -k "$K3" chmod 0644 >/dev/null
pane_keys D F6
pane_erase_prompt D
pane_type D "~/shared.txt"
pane_keys D Enter
pane_wait D 'saved [0-9]+ bytes to ~/shared\.txt' 10 "F6 says it saved ~/shared.txt"
check "a 0644 board is saved readable by all" [ "$(stat -c %a "$T/shared.txt" 2>/dev/null)" = 644 ]
check "no temporary file is left" [ -z "$(ls -A "$T" | grep '^\.pizarra-save')" ]
pane_quit D
"$PIZARRA" -k "$K3" rm >/dev/null

# ---------------------------------------------------------------------------
section "after a removal, n asks before joining someone's board, and says whose"
pane_start E "$PIZARRA" -k "$K4"
OLD4=$(board_shmid "$K4")
pane_start F "$PIZARRA" -k "$K4"
pane_type E "E's drawing"
pane_wait F "^E's drawing +│" 3 "F sees E's drawing"
"$PIZARRA" -k "$K4" chmod 0640 >/dev/null
run "$PIZARRA" -i "$OLD4" rm
"$PIZARRA" -k "$K4" -m 0666 put 0 2 "their board" 2>/dev/null
NEW4=$(board_shmid "$K4")
check "someone else made a board under the key" [ -n "$NEW4" ] && [ "$NEW4" != "$OLD4" ]
ME=$(id -un)
pane_wait E "n join the board under the key" 4 "E's question says n joins (not 'new')"
pane_type E n
pane_wait E "Join $ME's board \\(shmid $NEW4, mode 0666\\)\\? Your drawing is not copied \\(y/N\\)" 2 \
	"n asks, naming whose board it is and its mode"
pane_wait E "now names shmid $NEW4, $ME's board" 2 "the banner says whose too"
pane_type E n
pane_wait E "not moved: still on shmid $OLD4" 2 "n: E stays on the removed board"
check "E's drawing was not copied onto their board" \
	[ "$("$PIZARRA" -i "$NEW4" dump)" = "$(printf '\n\ntheir board')" ]
pane_wait F "n join the board under the key" 4 "F is asked too"
pane_type F n
pane_wait F "Join $ME's board" 2 "F is asked whose board"
pane_type F y
pane_wait F "now on $ME's board, shmid $NEW4" 2 "y: F is on their board, and told so"
pane_wait F '^their board +│' 2 "F shows their board"
pane_quit E
pane_quit F
"$PIZARRA" -i "$NEW4" rm >/dev/null

section "with no board under the key, n makes one with the drawing and the removed board's mode"
pane_start G "$PIZARRA" -k "$K5"
OLD5=$(board_shmid "$K5")
pane_type G "G's drawing"
"$PIZARRA" -k "$K5" chmod 0640 >/dev/null
run "$PIZARRA" -i "$OLD5" rm
pane_wait G "Board removed by someone else: k keep, s save to a file, n new board" 4 "G is asked"
pane_type G n
pane_wait G "new board shmid [0-9]+ under the key, mode 0640, with your drawing" 2 \
	"n: a new board, with the drawing, and says so"
NEW5=$(board_shmid "$K5")
check "the new board has G's drawing" [ "$("$PIZARRA" -k "$K5" dump)" = "G's drawing" ]
check "and the removed board's mode, 0640" [ "$(shm_field "$NEW5" perms)" = 640 ]

section "a detached client whose segment is gone gets the same choice"
pane_keys G F4
pane_wait G 'shmdt: detached' 2 "G detaches"
run "$PIZARRA" -i "$NEW5" rm
check "the segment is gone (nobody was attached)" poll 2 shm_gone "$NEW5"
pane_keys G F4
pane_wait G "shmid $NEW5 is gone: k keep your copy, s save it, n new board under the key" 3 \
	"F4 offers the choice instead of failing"
pane_type G n
pane_wait G "new board shmid [0-9]+ under the key, mode 0640, with your drawing" 2 \
	"n: a new board from the copy"
check "with the drawing" [ "$("$PIZARRA" -k "$K5" dump)" = "G's drawing" ]
pane_quit G
"$PIZARRA" -k "$K5" rm >/dev/null

# ---------------------------------------------------------------------------
section "F8 waits for a load or clear under way (the board's lease), then says who holds it"
K7=$(test_key 7)
printf 'not yet\n' >"$T/not-yet"
pane_start I "$PIZARRA" -k "$K7"
pane_type I "not yet"
lease_start "$K7"
pane_keys I F8
pane_wait I 'Clear the whole board' 2 "I is asked"
pane_type I y
pane_wait I "the board is busy: process $LEASE_PID \\(hostile\\)" 2 "y: the clear waits briefly, then names the holder"
expect_dump "$T/not-yet" -k "$K7"
lease_stop
pane_keys I F8
pane_type I y
pane_wait I 'board cleared' 2 "with the lease free, F8 clears"
check "the board is empty" [ -z "$("$PIZARRA" -k "$K7" dump)" ]
pane_quit I
"$PIZARRA" -k "$K7" rm >/dev/null

# ---------------------------------------------------------------------------
section "the sidebar warns when systemd-logind will remove the board at its owner's logout"
K6=$(test_key 6)
mkdir -p "$T/sysroot/run/systemd/system"
pane_start H PIZARRA_LOGIND_ROOT="$T/sysroot" "$PIZARRA" -k "$K6"
pane_never H 'logind: gone' "no warning for a board of root's (a system user)"
"$PIZARRA" -k "$K6" chown 4000 >/dev/null
pane_wait H 'logind: gone when 4000 logs out' 3 "the board given to uid 4000: the sidebar warns"
pane_wait H 'fix: RemoveIPC=no \(pizarra info\)' 2 "and names where the fix is"
pane_quit H
"$PIZARRA" -k "$K6" rm >/dev/null
pane_quit A
finish
