#!/bin/sh
# fault_remove.sh - the segment is removed from outside (`ipcrm -m ID`)
# while three clients draw: none crashes; each says so within 2 s (the
# "removed by someone else" banner and question); none loses what it shows;
# drawing goes on among them on the removed segment (dest, key 0x00000000,
# alive while attached); one saves the board with F6 and another with s
# from the question, and both files have the drawing. A client started
# after the removal creates a new board under the key (empty, another
# shmid), and the old clients then say the key now names another board
# (status line "ORPHAN: key ... now names another board", sidebar "key now
# names"); what the new client draws does not reach them. The removed
# segment leaves `ipcs -m` when its last client quits.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

ALL="A B C"

# shm_dest ID: shmid ID is marked for removal (ipcs -m says dest).
# shellcheck disable=SC2317 # called through check
shm_dest() {
	ipcs -m | awk -v id="$1" '$2 == id && / dest/ { f = 1 } END { exit !f }'
}

# ---------------------------------------------------------------------------
section "three drawers on key $KEY"
pane_start A "$PIZARRA" -k "$KEY"
pane_home A
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "A started but there is no segment under $KEY"
pane_start B "$PIZARRA" -k "$KEY"
pane_home B
pane_start C "$PIZARRA" -k "$KEY"
pane_home C
for c in $ALL; do
	pane_wait "$c" 'shm_nattch +3$' 3 "$c shows shm_nattch 3"
done
# Rows 6, 7 and 8: below the banner the removal will put up.
pane_keys A Down Down Down Down Down Down
pane_keys B Down Down Down Down Down Down Down
pane_keys C Down Down Down Down Down Down Down Down
pane_type A "A draws"
pane_type B "B draws"
pane_type C "C draws"

# ---------------------------------------------------------------------------
section "ipcrm -m $ID while they draw"
ipcrm -m "$ID" || abort "ipcrm -m $ID failed"
pane_type A " on"
pane_type B " on"
pane_type C " on"
poll_deadline 2
for c in $ALL; do
	check "$c: banner 'shmid $ID was removed by someone else' within 2 s" \
	    poll 2 pane_banner_says "$c" "shmid $ID was removed by someone else (IPC_RMID)"
done
poll_deadline_end
for c in $ALL; do
	pane_wait "$c" 'Board removed by someone else: k keep, s save to a file, n new board' 1 \
	    "$c asks what to do"
done
pane_all_alive "$ALL" "after the removal"
check "no segment is under $KEY any more" [ -z "$(shmids_of_key "$KEY")" ]
check "ipcs -m lists shmid $ID as dest" shm_dest "$ID"
check "shmid $ID is still attached 3 times" [ "$(shm_field "$ID" nattch)" = 3 ]
for c in $ALL; do
	pane_wait_line "$c" 6 "A draws on" 2 "$c still shows A's row"
	pane_wait_line "$c" 7 "B draws on" 2 "$c still shows B's row"
	pane_wait_line "$c" 8 "C draws on" 2 "$c still shows C's row"
done

# ---------------------------------------------------------------------------
section "drawing goes on on the removed segment; A saves with F6, C with s"
pane_type A k
pane_type B k
pane_wait A "drawing on the orphaned segment \\(shmid $ID\\)" 2 "k: A keeps drawing on it"
pane_keys A Down Down Down Home
pane_type A "after ipcrm"
pane_wait_line B 9 "after ipcrm" 2 "B shows what A drew after the removal"
pane_wait_line C 9 "after ipcrm" 2 "C shows it too"
printf '\n\n\n\n\n\nA draws on\nB draws on\nC draws on\nafter ipcrm\n' >"$T/expected"
pane_keys A F6
pane_wait A 'Save (the board as text )?in [^ ]+:' 2 "F6 asks A for a file name"
pane_erase_prompt A
pane_type A "$T/saved-by-A.txt"
pane_keys A Enter
pane_wait A "saved [0-9]+ bytes to /" 2 "A says it saved the board (the path may be clipped)"
check "A's file has the drawing" poll 2 cmp -s "$T/saved-by-A.txt" "$T/expected"
pane_type C s
pane_wait C 'Save (the board as text )?in [^ ]+:' 2 "s asks C for a file name"
pane_erase_prompt C
pane_type C "$T/saved-by-C.txt"
pane_keys C Enter
check "C's file has the drawing" poll 2 cmp -s "$T/saved-by-C.txt" "$T/expected"
[ -f "$T/saved-by-C.txt" ] || show_file "$T/expected" "expected"
pane_all_alive "$ALL" "after the saves"

# ---------------------------------------------------------------------------
section "a new client creates a new board under the key"
pane_start D "$PIZARRA" -k "$KEY"
pane_home D
NEW=$(board_shmid "$KEY")
check "D created a new segment under $KEY (shmid $NEW, not $ID)" [ -n "$NEW" ] && [ "$NEW" != "$ID" ]
pane_wait D "created a 200x60 board at key $KEY \\(shmid $NEW\\)" 2 "D says it created a board"
pane_never D 'draws on' "D's board is empty"
poll_deadline 2
for c in $ALL; do
	pane_wait "$c" "ORPHAN: key $KEY now names another board \\(shmid $NEW\\)" 2 \
	    "$c's status line says the key now names another board"
	pane_wait "$c" "key now names +$NEW \\(another\\)" 2 "$c's sidebar says so too"
done
poll_deadline_end
pane_type D "D on the new board"
pane_wait_line D 0 "D on the new board" 2 "D draws on its board"
"$PIZARRA" -k "$KEY" dump >"$T/new" 2>&1
check "dump of the key shows D's board" file_has_line "$T/new" "D on the new board"
CHECKS=$((CHECKS + 1))
if "$PIZARRA" -i "$ID" dump >"$T/old" 2>"$T/old.err" && cmp -s "$T/old" "$T/expected"; then
	pass "dump -i $ID still shows the old board"
else
	fail "dump -i $ID: $(cat "$T/old.err")"
	show_file "$T/old" "dump -i $ID"
fi
for c in $ALL; do
	pane_never "$c" 'D on the new board' "$c does not show D's drawing"
done
pane_all_alive "$ALL D" "with two boards"

# ---------------------------------------------------------------------------
section "the old clients quit: the removed segment goes with the last of them"
for c in $ALL; do
	pane_keys "$c" F10
done
for c in $ALL; do
	pane_wait_exit "$c" 0
done
check "shmid $ID has left ipcs -m" poll 2 shm_gone "$ID"
check "the new board is still under $KEY" [ "$(shmids_of_key "$KEY")" = "$NEW" ]
pane_keys D F10
pane_wait_exit D 0
for c in $ALL D; do
	check "$c's recorded output is complete" poll 3 pane_raw_done "$c"
	pane_rawcheck "$c"
done

finish
