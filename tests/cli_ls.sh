#!/bin/sh
# cli_ls.sh - `pizarra ls`: every segment, boards or not, attaching nothing.
# Foreign segments of every kind (the lecture's ten ints under a key, random
# bytes, one byte, one marked dest while a holder keeps it, one 0604, a
# pizarra board with a viewer attached and one with nobody attached) and
# holders with hostile process names:
#   - the text lists each with lsipc's columns: KEY as 0x%08x, ID, OWNER,
#     PERMS as rwx, SIZE human (40B, 55.1K) or with --bytes exact, NATTCH,
#     STATUS dest, CPID and its COMMAND, LPID and LCOMMAND, ATTACHED (pid and
#     name of each attacher), BOARD (geometry and clients when an attacher
#     lets us read the header, ? when none is attached, - for no board);
#   - no observer effect: every field of /proc/sysvipc/shm of our segments
#     (shm_lpid, shm_atime, shm_nattch...) is the same after ls and ls --json;
#   - --json: one object per segment, the kernel's sixteen columns under
#     their names as numbers equal to /proc/sysvipc/shm's (perms octal there),
#     and key_hex, owner, perms, bytes, nattch and dest as `ipcs -m` has them;
#     numbers are numbers, strings are strings (jq, when installed, checks
#     the whole document);
#   - a process name with escape sequences never reaches the output raw;
#   - filters: -k, -i, --owner (a name and a uid); no match is exit 1; a bad
#     --owner, and --bytes or --owner with another command, are usage
#     errors of one line;
#   - hundreds of segments are all listed.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
# shellcheck source=lib/foreign.sh
. "$TESTS_SRCDIR/lib/foreign.sh"
test_begin helper
foreign_init

K0=$KEY
K1=$(test_key 1)
ESC=$(printf '\033')

# proc_row ID: our segment's row of /proc/sysvipc/shm, as the kernel wrote it.
proc_row() {
	awk -v id="$1" 'NR > 1 && $2 == id' /proc/sysvipc/shm
}

# our_rows: the rows of every segment of ours, sorted.
our_rows() {
	for _id in $OURS; do
		proc_row "$_id"
	done
}

# ls_row ID: the line of `pizarra ls` (in $T/out) for shmid ID.
ls_row() {
	awk -v id="$1" 'NR > 1 && $2 == id' "$T/out"
}

# ls_col ID HEADING: one column of that line, by the heading's position (the
# columns are separated by blanks; ATTACHED and BOARD may hold blanks, so
# only the columns before them are asked for).
ls_col() {
	awk -v id="$1" -v h="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$2 == id { print $(c[h]) }' "$T/out"
}

# row_has ID REGEX: the line of `pizarra ls` for shmid ID matches REGEX (grep -E).
row_has() {
	ls_row "$1" | grep -Eq -- "$2"
}

# json_has ID REGEX: the JSON object of shmid ID matches REGEX (grep -E).
json_has() {
	json_row "$1" | grep -Eq -- "$2"
}

# lacks_esc FILE: FILE has no ESC byte.
lacks_esc() {
	! grep -q "$ESC" "$1"
}

# json_row ID: the JSON object of shmid ID (one per line in $T/out).
json_row() {
	grep "\"shmid\":$1," "$T/out"
}

# json_num ROW NAME: the number under NAME in ROW ("" when it is not a bare number).
json_num() {
	printf '%s\n' "$1" | sed -n "s/.*\"$2\":\\(-\\{0,1\\}[0-9][0-9]*\\)[,}].*/\\1/p"
}

# json_str ROW NAME: the string under NAME in ROW.
json_str() {
	printf '%s\n' "$1" | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p"
}

# ---------------------------------------------------------------------------
section "segments of every kind"
foreign_new INTS ints "$K0" 10
foreign_new RAND random 0 4096 7
foreign_new ONE random 0 1 3
foreign_new PUB ints 0 4 0604
foreign_new DEST ints 0 2
holder_start lecture "$INTS" rw
holder_start keeper "$DEST" ro
ipcrm -m "$DEST" || abort "ipcrm -m $DEST failed"
check "shmid $DEST is marked dest and lives on (its holder is attached)" ipcs_dest "$DEST"
HOSTILE=$(printf 'x\033]0;pwn\007y')
holder_start "$HOSTILE" "$RAND" ro
pz -k "$K1" -s 40x10 put 0 0 'tablero' 2>"$T/put.err" || abort "put on $K1 failed: $(cat "$T/put.err")"
BOARD=$(board_shmid "$K1")
[ -n "$BOARD" ] || abort "no board under $K1"
pz -k "$K1" -s 40x10 put 0 1 'otro' 2>/dev/null
foreign_new LONE random 0 9000 5
OURS="$INTS $RAND $ONE $PUB $DEST $BOARD $LONE"
our_rows >"$T/before"

section "pizarra ls: the columns"
expect_status 0 pz ls
expect_stderr_empty
check "the heading names lsipc's columns" \
    grep -qE '^KEY +ID +OWNER +PERMS +SIZE +NATTCH +STATUS +CPID +COMMAND +LPID +LCOMMAND +ATTACHED +BOARD$' "$T/out"
for id in $OURS; do
	check "shmid $id is listed" [ -n "$(ls_row "$id")" ]
done
check "KEY of the ints is $K0" [ "$(ls_col "$INTS" KEY)" = "$K0" ]
check "a private segment's KEY is 0x00000000" [ "$(ls_col "$RAND" KEY)" = 0x00000000 ]
check "OWNER is root" [ "$(ls_col "$INTS" OWNER)" = root ]
check "PERMS of the ints: rw-------" [ "$(ls_col "$INTS" PERMS)" = rw------- ]
check "PERMS of the 0604 one: rw----r--" [ "$(ls_col "$PUB" PERMS)" = rw----r-- ]
check "SIZE of ten ints: 40B" [ "$(ls_col "$INTS" SIZE)" = 40B ]
check "SIZE of one byte: 1B" [ "$(ls_col "$ONE" SIZE)" = 1B ]
check "SIZE of 4096 bytes: 4K" [ "$(ls_col "$RAND" SIZE)" = 4K ]
check "SIZE of 9000 bytes: 8.8K" [ "$(ls_col "$LONE" SIZE)" = 8.8K ]
check "NATTCH of the ints: 1 (the holder)" [ "$(ls_col "$INTS" NATTCH)" = 1 ]
check "NATTCH of the lone one: 0" [ "$(ls_col "$LONE" NATTCH)" = 0 ]
check "STATUS of the removed one: dest" [ "$(ls_col "$DEST" STATUS)" = dest ]
check "STATUS of the ints: -" [ "$(ls_col "$INTS" STATUS)" = - ]
check "CPID of the ints is its creator's" [ "$(ls_col "$INTS" CPID)" = "$(shm_field "$INTS" cpid)" ]
check "COMMAND of the ints: its creator is gone (-)" [ "$(ls_col "$INTS" COMMAND)" = - ]
check "LPID of the ints is the holder" [ "$(ls_col "$INTS" LPID)" = "$(holder_pid lecture)" ]
check "LCOMMAND of the ints is the holder's name" [ "$(ls_col "$INTS" LCOMMAND)" = lecture ]
check "ATTACHED of the ints: the holder, by pid and name (then BOARD -)" \
    row_has "$INTS" " $(holder_pid lecture) lecture +-$"
check "BOARD of a foreign segment attached by a readable process: -" row_has "$INTS" ' -$'
check "BOARD of an unattached board: ? (nobody attached to read it through)" \
    row_has "$BOARD" ' [?]$'
check "BOARD of an unattached foreign segment too small for a board: -" row_has "$ONE" ' -$'
check "no raw ESC in the output (a process named with escapes)" lacks_esc "$T/out"
check "the hostile name is shown sanitised" row_has "$RAND" 'x[?]\]0;pwn[?]y'

section "a board with an attacher: geometry and clients, read through its memory"
holder_start viewer "$BOARD" ro
expect_status 0 pz ls
check "BOARD: 40x10 0 clients (a holder is no client)" row_has "$BOARD" ' 40x10 0 clients$'
our_rows >"$T/before"

section "--bytes"
expect_status 0 pz ls --bytes
check "SIZE of the board in bytes: $(shm_field "$BOARD" size)" \
    [ "$(ls_col "$BOARD" SIZE)" = "$(shm_field "$BOARD" size)" ]
check "SIZE of 9000 bytes: 9000" [ "$(ls_col "$LONE" SIZE)" = 9000 ]

section "no observer effect: ls attaches nothing"
expect_status 0 pz ls
expect_status 0 pz ls --json
our_rows >"$T/after"
expect_files_equal "$T/before" "$T/after" \
    "/proc/sysvipc/shm rows of our segments (lpid, atime, dtime, nattch...) are unchanged"

section "--json: the kernel's fields, typed"
expect_status 0 pz ls --json
cp "$T/out" "$T/ls.json"
check "the document starts with {\"segments\":[" [ "$(head -1 "$T/ls.json")" = '{"segments":[' ]
if command -v jq >/dev/null 2>&1; then
	check "jq reads it, and every kernel field of every segment is a number" \
	    jq -e '.segments | all(.[]; [.key,.shmid,.perms,.size,.cpid,.lpid,.nattch,.uid,.gid,.cuid,.cgid,.atime,.dtime,.ctime] | all(type == "number"))' "$T/ls.json"
	check "jq: strings are strings, the board an object, null or false" \
	    jq -e '.segments | all(.[]; (.key_hex|type) == "string" and (.owner|type) == "string" and (.dest|type) == "boolean" and ((.board|type) as $b | $b == "object" or $b == "null" or $b == "boolean"))' "$T/ls.json"
else
	echo "jq is not installed: the document's structure is checked line by line only"
fi
COLS="key shmid perms size cpid lpid nattch uid gid cuid cgid atime dtime ctime rss swap"
for id in $OURS; do
	row=$(json_row "$id")
	line=$(proc_row "$id")
	bad=
	i=0
	for c in $COLS; do
		i=$((i + 1))
		want=$(echo "$line" | awk -v i="$i" '{ print $i }')
		[ "$c" = perms ] && want=$((0$want))
		got=$(json_num "$row" "$c")
		[ "$got" = "$want" ] || bad="$bad $c=$got(want $want)"
	done
	check "shmid $id: the 16 fields equal /proc/sysvipc/shm's${bad:+:$bad}" [ -z "$bad" ]
done
# ipcs -m: key shmid owner perms bytes nattch status
for id in $OURS; do
	row=$(json_row "$id")
	ipcs -m | awk -v id="$id" '$2 == id' >"$T/ipcs.row"
	read -r ikey iid iowner iperms ibytes inattch istatus <"$T/ipcs.row"
	jdest=no
	case $row in *'"dest":true'*) jdest=dest ;; esac
	bad=
	[ "$(json_str "$row" key_hex)" = "$ikey" ] || bad="$bad key"
	[ "$(json_num "$row" shmid)" = "$iid" ] || bad="$bad shmid"
	[ "$(json_str "$row" owner)" = "$iowner" ] || bad="$bad owner"
	[ "$(printf '%o' "$(($(json_num "$row" perms) & 0777))")" = "$iperms" ] || bad="$bad perms"
	[ "$(json_num "$row" size)" = "$ibytes" ] || bad="$bad bytes"
	[ "$(json_num "$row" nattch)" = "$inattch" ] || bad="$bad nattch"
	[ "${istatus:-no}" = "$jdest" ] || bad="$bad status"
	check "shmid $id agrees with ipcs -m (key $ikey, owner $iowner, perms $iperms, $ibytes bytes, nattch $inattch${istatus:+, $istatus})${bad:+; differs:$bad}" \
	    [ -z "$bad" ]
done
check "the ints' attacher is listed with its pid and name" json_has "$INTS" \
    "\"attached\":\\[\\{\"pid\":$(holder_pid lecture),\"command\":\"lecture\",\"address\":\"0x[0-9a-f]+\",\"writable\":true\\}\\]"
check "the ints are no board (\"board\":false)" json_has "$INTS" '"board":false[}],?$'
check "the board: {\"cols\":40,\"rows\":10,...,\"clients\":0}" json_has "$BOARD" \
    '"board":[{]"cols":40,"rows":10,"generation":[0-9]+,"created":[0-9]+,"clients":0[}][}],?$'
check "the lone segment: \"board\":null (nobody attached to read it through)" \
    json_has "$LONE" '"board":null[}]'
check "the removed one: \"dest\":true,\"status\":[\"dest\"]" \
    json_has "$DEST" '"dest":true,"status":\["dest"\]'
check "the hostile name never reaches the JSON raw" lacks_esc "$T/ls.json"
check "the hostile name is in the JSON sanitised" json_has "$RAND" '"command":"x[?]\]0;pwn[?]y"'
check "\"count\" counts the segments" \
    [ "$(sed -n 's/.*"count":\([0-9]*\).*/\1/p' "$T/ls.json")" = "$(grep -c '^{"key"' "$T/ls.json")" ]

section "filters"
expect_status 0 pz -k "$K0" ls
check "-k $K0: one row" [ "$(($(wc -l <"$T/out") - 1))" = 1 ]
check "-k $K0: the ints" [ -n "$(ls_row "$INTS")" ]
expect_status 0 pz -i "$LONE" ls --json
check "-i $LONE --json: one segment" [ "$(grep -c '^{"key"' "$T/out")" = 1 ]
check "-i $LONE --json: that segment" [ -n "$(json_row "$LONE")" ]
foreign chown "$LONE" "$TEST_UID" || abort "foreign chown failed"
expect_status 0 pz ls --owner "$TEST_UID"
check "--owner $TEST_UID: one segment" [ "$(($(wc -l <"$T/out") - 1))" = 1 ]
check "--owner $TEST_UID: the segment given that uid" [ -n "$(ls_row "$LONE")" ]
expect_status 0 pz ls --owner root
check "--owner root lists the ints" [ -n "$(ls_row "$INTS")" ]
check "--owner root does not list the segment now owned by $TEST_UID" [ -z "$(ls_row "$LONE")" ]
expect_fails "no segment matches shmid 2147483000" pz -i 2147483000 ls
expect_usage_error "--owner: 'no-such-user-xyz' is not a user name nor a uid" \
    pz ls --owner no-such-user-xyz
expect_usage_error "--owner: '4294967295' is not a user name nor a uid" pz ls --owner 4294967295
expect_usage_error "--bytes only applies to ls, top" pz -k "$K1" info --bytes
expect_usage_error "--owner only applies to ls, top" pz -k "$K1" dump --owner root
expect_usage_error "--json only applies to info, ls" pz top --json
expect_usage_error "ls: expects no operands" pz ls extra

section "hundreds of segments"
foreign many 300 64 >"$T/many" || abort "foreign many failed"
while read -r id; do
	cleanup_shmid "$id"
done <"$T/many"
start=$(now_cs)
expect_status 0 pz ls --json
took=$(($(now_cs) - start))
sort "$T/many" >"$T/many.sorted"
awk -F'"shmid":' 'NF > 1 { split($2, a, ","); print a[1] }' "$T/out" | sort >"$T/listed"
missing=$(comm -23 "$T/many.sorted" "$T/listed" | wc -l)
check "--json lists all 300 (missing: $missing), in $((took * 10)) ms" [ "$missing" -eq 0 ]
expect_status 0 pz ls
awk 'NR > 1 { print $2 }' "$T/out" | sort >"$T/listed"
missing=$(comm -23 "$T/many.sorted" "$T/listed" | wc -l)
check "the text lists all 300 too (missing: $missing)" [ "$missing" -eq 0 ]
while read -r id; do
	ipcrm -m "$id"
done <"$T/many"

holder_stop lecture
ipcrm -m "$INTS"
expect_fails "no segment matches key $K0" pz -k "$K0" ls
holder_stop keeper
holder_stop "$HOSTILE"
holder_stop viewer
check "the dest segment is gone at its last detach" poll 3 shm_gone "$DEST"
finish
