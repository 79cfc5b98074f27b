#!/bin/sh
# cli_segment.sh - the segment's life: IPC_RMID semantics (marked for
# removal while a process stays attached: key 0, SHM_DEST, still reachable
# by shmid, destroyed at the last detach, and a new board under the key
# afterwards), chmod (IPC_SET) and its refusal to lock the owner out, rm of
# an unattached board, and 50 processes racing to create one board.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin helper

NEWKEY=$(test_key 1)
RACERS=50

# json_get EXPR: evaluate a Python expression on the JSON in $T/out (as d).
json_get() {
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(eval(sys.argv[2]))' "$T/out" "$1"
}

# dest_bit ID: 1 when /proc/sysvipc/shm shows SHM_DEST (01000) for ID.
dest_bit() {
	_d_perms=$(shm_field "$1" perms)
	[ -n "$_d_perms" ] || {
		echo none
		return
	}
	echo $(((0$_d_perms & 01000) != 0))
}

# ---------------------------------------------------------------------------
section "a board with a process attached"
expect_status 0 pz -k "$KEY" put 0 0 'lives on'
ID=$(shmids_of_key "$KEY")
cleanup_shmid "$ID"
check "one segment under $KEY" [ -n "$ID" ]
printf 'lives on\n' >"$T/exp"
hold_start "$ID"
wait_nattch "$ID" 1
check "the helper is attached ($(cat "$HOLD_OUT"))" grep -q "^attached $ID\$" "$HOLD_OUT"
if expect_status 0 pz -k "$KEY" info; then
	expect_stdout_match '^  shm_nattch +1$'
	expect_stdout_match '^  dest +no$'
fi

section "chmod says what it cannot do: attached processes keep their access"
# The kernel checks permissions at shmat only: taking bits away does not
# take them from the processes attached now, and chmod says so.
if expect_status 0 pz -k "$KEY" chmod 0644; then
	expect_stdout_match "^shmid $ID: mode 0600 \\(rw-------\\) -> 0644 \\(rw-r--r--\\)\$"
fi
if expect_status 0 pz -k "$KEY" chmod 0600; then
	expect_stdout_match "^shmid $ID: mode 0644 \\(rw-r--r--\\) -> 0600 \\(rw-------\\); 1 process is attached and keeps its access until it detaches\$"
fi
# A second and a third process attached (fd 5: their fifo; not fd 8, hold_start's).
rm -f "$T/hold2.fifo"
mkfifo "$T/hold2.fifo" || abort "mkfifo failed"
exec 5<>"$T/hold2.fifo"
"$HELPER" hold "$ID" <"$T/hold2.fifo" >"$T/hold2.out" 2>&1 8>&- 5>&- &
H2=$!
cleanup_pid "$H2"
"$HELPER" hold "$ID" <"$T/hold2.fifo" >"$T/hold3.out" 2>&1 8>&- 5>&- &
H3=$!
cleanup_pid "$H3"
wait_nattch "$ID" 3
expect_status 0 pz -k "$KEY" chmod 0666
if expect_status 0 pz -k "$KEY" chmod 0640; then
	expect_stdout_match "^shmid $ID: mode 0666 \\(rw-rw-rw-\\) -> 0640 \\(rw-r-----\\); 3 processes are attached and keep their access until they detach\$"
fi
exec 5>&-
wait "$H2" "$H3"
cleanup_forget_pid "$H2" "$H3"
wait_nattch "$ID" 1
expect_status 0 pz -k "$KEY" chmod 0600

section "rm while attached: marked for removal, lives on"
if expect_status 0 pz -k "$KEY" rm; then
	expect_stderr_empty
	expect_stdout_match "^shmid $ID marked for removal \\(SHM_DEST\\): its key is now 0x00000000; it lives on while 1 process stays attached \\(they can keep drawing; reach it with -i $ID\\) and is destroyed at the last detach\$"
	check "rm's report is one line" [ "$(wc -l <"$T/out")" -eq 1 ]
fi
check "shmid $ID still exists" shm_exists "$ID"
check "/proc/sysvipc/shm shows key 0 for shmid $ID" [ "$(shm_field "$ID" key)" = 0 ]
check "/proc/sysvipc/shm shows the SHM_DEST bit (mode & 01000) for shmid $ID" [ "$(dest_bit "$ID")" = 1 ]
check "/proc/sysvipc/shm still shows shm_nattch 1" [ "$(shm_field "$ID" nattch)" = 1 ]
ipcs -m >"$T/ipcs" 2>&1
check "ipcs -m shows shmid $ID with key 0x00000000 and status dest" \
	grep -Eq "^0x00000000 +$ID .*dest" "$T/ipcs"
check "nothing is left under $KEY" [ "$(shm_count_key "$KEY")" -eq 0 ]

section "by key it is gone; by shmid it is still there"
expect_fails "^pizarra: no board exists at key $KEY; " pz -k "$KEY" dump
expect_fails "^pizarra: no board exists at key $KEY; " pz -k "$KEY" info
if expect_status 0 pz -i "$ID" dump; then
	expect_stdout_file "$T/exp"
	expect_stderr_empty
fi
if expect_status 0 pz -i "$ID" info; then
	expect_stdout_match '^  dest +yes'
	expect_stdout_match '^  shm_perm.key +0x00000000$'
	expect_stdout_match "^  shmid +$ID\$"
	expect_stdout_match '^  shm_nattch +1$'
	expect_stdout_match '^  named by +shmid \(-i\)$'
fi
if expect_status 0 pz -i "$ID" info --json; then
	check "info --json dest is true" [ "$(json_get "d['dest']")" = True ]
	check "info --json shm_perm.key is 0x00000000" [ "$(json_get "d['shm_perm.key']")" = 0x00000000 ]
fi
# Those attached can keep drawing.
if expect_status 0 pz -i "$ID" put 0 1 'still drawing'; then
	expect_stderr_empty
fi
printf 'lives on\nstill drawing\n' >"$T/exp"
if expect_status 0 pz -i "$ID" dump; then
	expect_stdout_file "$T/exp"
fi
check "our commands left only the helper attached" [ "$(shm_field "$ID" nattch)" = 1 ]

section "the last detach destroys it"
hold_stop
check "shmid $ID is gone after the last detach" shm_gone "$ID"
# The shmid exists no more; whether it ever did cannot be known, so it is not called "removed".
expect_fails "^pizarra: no segment has shmid $ID; see \`ipcs -m\`\$" \
	pz -i "$ID" dump
expect_fails "^pizarra: no segment has shmid $ID; see" pz -i "$ID" info
expect_fails "^pizarra: no segment has shmid $ID; see" pz -i "$ID" put 0 0 x

section "a new board under the key is a new segment"
if expect_status 0 pz -k "$KEY" put 0 0 new; then
	expect_stderr_match "^pizarra: created a 200x60 board at key $KEY "
fi
ID2=$(shmids_of_key "$KEY")
cleanup_shmid "$ID2"
check "a new segment exists under $KEY" [ -n "$ID2" ]
check "the new shmid $ID2 differs from the old $ID" [ "$ID2" != "$ID" ]
printf 'new\n' >"$T/exp"
if expect_status 0 pz -k "$KEY" dump; then
	expect_stdout_file "$T/exp"
fi

section "chmod"
if expect_status 0 pz -k "$KEY" chmod 0660; then
	expect_stderr_empty
	expect_stdout_match "^shmid $ID2: mode 0600 \\(rw-------\\) -> 0660 \\(rw-rw----\\)\$"
fi
check "/proc shows mode 660" [ "$(shm_field "$ID2" perms)" = 660 ]
if expect_status 0 pz -k "$KEY" info; then
	expect_stdout_match '^  shm_perm.mode +0660 rw-rw----$'
fi
expect_usage_error "^pizarra: chmod: MODE '0400' would lock out the board's owner: keep 0600 \\(owner read and write\\)" \
	pz -k "$KEY" chmod 0400
expect_usage_error "^pizarra: chmod: MODE '0200' would lock out the board's owner" pz -k "$KEY" chmod 0200
expect_usage_error "^pizarra: chmod: MODE '0066' would lock out the board's owner" pz -k "$KEY" chmod 0066
# Write without read would let no one of the group (or of the others) attach.
expect_usage_error "^pizarra: chmod: MODE '0620' gives the group write without read" pz -k "$KEY" chmod 0620
expect_usage_error "^pizarra: chmod: MODE '0602' gives others write without read" pz -k "$KEY" chmod 0602
check "the refused chmods left mode 660" [ "$(shm_field "$ID2" perms)" = 660 ]
if expect_status 0 pz -k "$KEY" chmod 644; then
	expect_stdout_match "^shmid $ID2: mode 0660 \\(rw-rw----\\) -> 0644 \\(rw-r--r--\\)\$"
fi
check "/proc shows mode 644" [ "$(shm_field "$ID2" perms)" = 644 ]
if expect_status 0 pz -i "$ID2" chmod 0600; then
	expect_stdout_match "^shmid $ID2: mode 0644 \\(rw-r--r--\\) -> 0600 \\(rw-------\\)\$"
fi
# shellcheck disable=SC2016 # expanded by the inner sh
check "chmod kept the content" sh -c '"$1" -k "$2" dump | cmp -s - "$3"' sh "$PIZARRA" "$KEY" "$T/exp"
if expect_status 0 pz -k "$KEY" --trace chmod 0666; then
	expect_stderr_match "^pizarra: trace: shmctl\\($ID2, IPC_SET, \\{mode=0666\\}\\) = 0\$"
fi

section "rm with nothing attached: gone at once"
check "nothing attached to $ID2" [ "$(shm_field "$ID2" nattch)" = 0 ]
if expect_status 0 pz -k "$KEY" --trace rm; then
	expect_stdout_match "^shmid $ID2 removed: no process was attached, so it is gone\$"
	expect_stderr_match "^pizarra: trace: shmctl\\($ID2, IPC_RMID, NULL\\) = 0\$"
fi
check "shmid $ID2 is gone" shm_gone "$ID2"
check "nothing under $KEY" [ "$(shm_count_key "$KEY")" -eq 0 ]
expect_fails "^pizarra: no board exists at key $KEY; " pz -k "$KEY" rm
expect_fails "^pizarra: no segment has shmid $ID2; see" pz -i "$ID2" rm

# ---------------------------------------------------------------------------
section "$RACERS processes create one board"
# All racers wait on a gate and start together when a line per racer is
# written to it. The gate is a fifo this shell holds open read-write (fd 9)
# and read-only (fd 7); the racers only inherit the read end, so they never
# block opening it, and if this shell dies before opening the gate they read
# EOF and exit without running pizarra.
mkfifo "$T/gate" || exit 99
exec 9<>"$T/gate"
exec 7<"$T/gate"
RACE_PIDS=
i=0
while [ "$i" -lt "$RACERS" ]; do
	(
		read -r _ <&7 && exec "$PIZARRA" -k "$NEWKEY" put "$i" 0 x 7<&-
	) >"$T/race.$i.out" 2>"$T/race.$i.err" 9>&- &
	RACE_PIDS="$RACE_PIDS $!"
	cleanup_pid "$!"
	i=$((i + 1))
done
i=0
while [ "$i" -lt "$RACERS" ]; do
	echo go
	i=$((i + 1))
done >&9
failed=0
for p in $RACE_PIDS; do
	wait "$p" || failed=$((failed + 1))
done
# shellcheck disable=SC2086 # one pid per word
cleanup_forget_pid $RACE_PIDS
exec 9>&- 7<&-
check "all $RACERS racers exited 0 ($failed failed)" [ "$failed" -eq 0 ]
cat "$T"/race.*.err >"$T/race.err"
check "exactly one racer created the board" [ "$(grep -c '^pizarra: created a 200x60 board' "$T/race.err")" -eq 1 ]
check "no racer said anything else ($(grep -v '^pizarra: created a' "$T/race.err" | head -n 3))" \
	[ "$(wc -l <"$T/race.err")" -eq 1 ]
check "exactly one segment under $NEWKEY" [ "$(shm_count_key "$NEWKEY")" -eq 1 ]
RID=$(shmids_of_key "$NEWKEY")
cleanup_shmid "$RID"
created_by_racers=$(awk -v pids="$RACE_PIDS" '
	BEGIN { n = split(pids, p, " "); for (i = 1; i <= n; i++) racer[p[i]] = 1 }
	NR > 1 && ($5 in racer) { c++ }
	END { print c + 0 }' /proc/sysvipc/shm)
check "the racers created exactly one segment in all ($created_by_racers)" [ "$created_by_racers" -eq 1 ]
awk -v n="$RACERS" 'BEGIN { for (i = 0; i < n; i++) printf "x"; print "" }' >"$T/exp"
if expect_status 0 pz -k "$NEWKEY" dump; then
	expect_stdout_file "$T/exp"
fi
check "nobody is left attached to the raced board" [ "$(shm_field "$RID" nattch)" = 0 ]
pz -k "$NEWKEY" rm >/dev/null

finish
