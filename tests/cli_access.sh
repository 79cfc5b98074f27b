#!/bin/sh
# cli_access.sh - permissions between users: a board created by root with
# the default mode 0600 is closed to nobody (with a message naming the owner
# and the mode and saying how to share it); 0660 shares it with root's group
# only; 0644 lets nobody view but not draw; 0666 lets nobody draw; only the
# owner (or root) may chmod or rm it; and nobody's own board is nobody's.
# Needs root and setpriv(1) to run commands as nobody; skipped (77) otherwise.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin helper

if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP: not root, cannot run commands as another user"
	exit 77
fi
if ! command -v setpriv >/dev/null 2>&1; then
	echo "SKIP: setpriv (util-linux) is not installed"
	exit 77
fi

# as_nobody CMD...: run CMD as nobody:nogroup with no supplementary groups.
as_nobody() {
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
}

if ! as_nobody true 2>"$T/setpriv.err"; then
	echo "SKIP: cannot switch to nobody:nogroup: $(cat "$T/setpriv.err")"
	exit 77
fi

KEY2=$(test_key 1)

# A world-readable directory for what nobody must read: the load files, and
# a copy of the binary when nobody cannot reach the one in the build tree.
PUB=$(mktemp -d "${TMPDIR:-/tmp}/pizarra-access.XXXXXX") || exit 99
cleanup_path "$PUB"
chmod 755 "$PUB"
if as_nobody test -x "$PIZARRA"; then
	PZ_NOBODY=$PIZARRA
else
	echo "nobody cannot run $PIZARRA: using a copy in $PUB"
	cp "$PIZARRA" "$PUB/pizarra" && chmod 755 "$PUB/pizarra"
	PZ_NOBODY=$PUB/pizarra
fi
printf 'loaded by nobody\n' >"$PUB/text"
chmod 644 "$PUB/text"

# nz ARGS...: pizarra as nobody.
# shellcheck disable=SC2317 # called through expect_*
nz() {
	as_nobody "$PZ_NOBODY" "$@"
}

# content_is TEXT: root's dump of the board is TEXT (printf format).
content_is() {
	# shellcheck disable=SC2059 # TEXT is a format on purpose
	printf "$1" >"$T/exp"
	if expect_status 0 pz -k "$KEY" dump; then
		expect_stdout_file "$T/exp"
	fi
}

# mode_is OCTAL: the board's mode in /proc/sysvipc/shm.
mode_is() {
	check "mode of shmid $ID is $1" [ "$(shm_field "$ID" perms)" = "$1" ]
}

# ---------------------------------------------------------------------------
section "root's board, default mode 0600"
if expect_status 0 pz -k "$KEY" put 0 0 secret; then
	expect_stderr_match "mode 0600\\)\$"
fi
ID=$(shmids_of_key "$KEY")
cleanup_shmid "$ID"
mode_is 600

section "0600: nobody may not attach it at all"
# The hint is the least mode that lets nobody in (nobody is not in root's
# group, so the other bits decide: 0666 to draw, 0644 to view), on the
# board as nobody named it.
NOT_IN='\(everyone: you are not in group root\)'
for cmd in "put 0 1 x" clear "load $PUB/text"; do
	# shellcheck disable=SC2086 # split the command's operands
	if expect_fails "belongs to root, mode 0600 \\(rw-------\\): you may not attach it; root can let you draw with \`pizarra -k $KEY chmod 0666\` $NOT_IN, or only view with \`pizarra -k $KEY chmod 0644\`\$" \
		nz -k "$KEY" $cmd; then
		# The board is named as the user named it.
		expect_stderr_match "^pizarra: key $KEY \\(shmid $ID\\) belongs"
	fi
done
for cmd in dump info "dump --ansi"; do
	# shellcheck disable=SC2086 # split the command's operands
	if expect_fails "belongs to root, mode 0600 \\(rw-------\\): you may not attach it; root can let you view it with \`pizarra -k $KEY chmod 0644\` $NOT_IN, or draw with \`pizarra -k $KEY chmod 0666\`\$" \
		nz -k "$KEY" $cmd; then
		expect_stderr_match "^pizarra: key $KEY \\(shmid $ID\\) belongs"
	fi
done
expect_fails "^pizarra: shmid $ID \\(shmid $ID\\) belongs to root, mode 0600 .*\`pizarra -i $ID chmod 0644\`" nz -i "$ID" dump
expect_stderr_nomatch '`pizarra chmod'
content_is 'secret\n'

section "nobody may not chmod, chown or rm root's board"
expect_fails "^pizarra: shmid $ID belongs to root: only root may change the mode of it" nz -k "$KEY" chmod 0666
expect_fails "^pizarra: shmid $ID belongs to root: only root may change the mode of it" nz -i "$ID" chmod 0666
expect_fails "^pizarra: shmid $ID belongs to root: only root may change the owner of it" nz -k "$KEY" chown nobody
expect_fails "^pizarra: shmid $ID belongs to root: only root may remove it" nz -k "$KEY" rm
expect_fails "^pizarra: shmid $ID belongs to root: only root may remove it" nz -i "$ID" rm
mode_is 600
check "root's board still exists under $KEY" [ "$(shmids_of_key "$KEY")" = "$ID" ]
check "and is not marked for removal" [ "$(shm_field "$ID" key)" != 0 ]

section "0660: shared with root's group, which nobody is not in"
expect_status 0 pz -k "$KEY" chmod 0660
mode_is 660
expect_fails "belongs to root, mode 0660 \\(rw-rw----\\): you may not attach it" nz -k "$KEY" dump
expect_fails "belongs to root, mode 0660 \\(rw-rw----\\): you may not attach it" nz -k "$KEY" put 0 1 x

section "0644: nobody may view but not draw"
expect_status 0 pz -k "$KEY" chmod 0644
mode_is 644
if expect_status 0 nz -k "$KEY" dump; then
	printf 'secret\n' >"$T/exp"
	expect_stdout_file "$T/exp"
	expect_stderr_empty
fi
if expect_status 0 nz -k "$KEY" info; then
	expect_stdout_match '^  shm_perm.uid +0 \(root\)$'
	expect_stdout_match '^  shm_perm.mode +0644 rw-r--r--$'
	expect_stderr_empty
fi
for cmd in "put 0 1 x" clear "load $PUB/text"; do
	# shellcheck disable=SC2086 # split the command's operands
	if expect_fails "^pizarra: key $KEY \\(shmid $ID\\) belongs to root, mode 0644 \\(rw-r--r--\\): you can only view it \\(\`pizarra -k $KEY view\`\\); root can let you draw with \`pizarra -k $KEY chmod 0666\` $NOT_IN\$" \
		nz -k "$KEY" $cmd; then
		expect_stderr_nomatch 'you may not attach'
	fi
done
content_is 'secret\n'
expect_fails "^pizarra: shmid $ID belongs to root: only root may change the mode of it" nz -k "$KEY" chmod 0666
expect_fails "^pizarra: shmid $ID belongs to root: only root may remove it" nz -k "$KEY" rm
mode_is 644

section "0666: nobody may draw"
expect_status 0 pz -k "$KEY" chmod 0666
if expect_status 0 nz -k "$KEY" put 0 1 'drawn by nobody'; then
	expect_stderr_empty
fi
content_is 'secret\ndrawn by nobody\n'
if expect_status 0 nz -k "$KEY" load "$PUB/text"; then
	expect_stderr_empty
fi
content_is 'loaded by nobody\n'
expect_status 0 nz -k "$KEY" clear
content_is ''
# Drawing is not owning: chmod and rm stay the owner's.
expect_fails "^pizarra: shmid $ID belongs to root: only root may change the mode of it" nz -k "$KEY" chmod 0600
expect_fails "^pizarra: shmid $ID belongs to root: only root may remove it" nz -k "$KEY" rm
mode_is 666
check "root's board still exists under $KEY" [ "$(shmids_of_key "$KEY")" = "$ID" ]

section "nobody's own board is nobody's"
if expect_status 0 nz -k "$KEY2" put 0 0 mine; then
	expect_stderr_match "^pizarra: created a 200x60 board at key $KEY2 .*mode 0600\\)\$"
fi
NID=$(shmids_of_key "$KEY2")
cleanup_shmid "$NID"
check "nobody's board is owned by nobody" [ "$(shm_field "$NID" uid)" = "$(id -u nobody)" ]
if expect_status 0 nz -k "$KEY2" chmod 0640; then
	expect_stdout_match "^shmid $NID: mode 0600 \\(rw-------\\) -> 0640 \\(rw-r-----\\)\$"
fi
# root may read anything (and remove anything), whatever the mode.
if expect_status 0 pz -k "$KEY2" dump; then
	printf 'mine\n' >"$T/exp"
	expect_stdout_file "$T/exp"
fi
if expect_status 0 nz -k "$KEY2" rm; then
	expect_stdout_match "^shmid $NID removed: no process was attached, so it is gone\$"
fi
check "nobody's board is gone" shm_gone "$NID"

section "a supplementary group counts, as the kernel counts it"
# The board's group is a group nobody is in only as a supplementary group
# (getgroups), never as its effective group: the kernel gives nobody the
# group bits, and so must the explanation of a refusal.
SUPP=4242
as_supp() {
	setpriv --reuid=nobody --regid=nogroup --groups="$SUPP" "$@"
}
if as_supp true 2>/dev/null; then
	expect_status 0 pz -k "$KEY" chown ":$SUPP"
	check "the board's group is $SUPP" [ "$(shm_field "$ID" gid)" = "$SUPP" ]
	IN_GROUP="\\(group $SUPP, which you are in\\)"
	expect_status 0 pz -k "$KEY" chmod 0600
	expect_fails "^pizarra: key $KEY \\(shmid $ID\\) belongs to root, mode 0600 \\(rw-------\\): you may not attach it; root can let you view it with \`pizarra -k $KEY chmod 0640\` $IN_GROUP, or draw with \`pizarra -k $KEY chmod 0660\`\$" \
		as_supp "$PZ_NOBODY" -k "$KEY" dump
	expect_status 0 pz -k "$KEY" chmod 0640
	if expect_status 0 as_supp "$PZ_NOBODY" -k "$KEY" dump; then
		expect_stderr_empty
	fi
	expect_fails "^pizarra: key $KEY \\(shmid $ID\\) belongs to root, mode 0640 \\(rw-r-----\\): you can only view it \\(\`pizarra -k $KEY view\`\\); root can let you draw with \`pizarra -k $KEY chmod 0660\` $IN_GROUP\$" \
		as_supp "$PZ_NOBODY" -k "$KEY" put 0 0 x
	# Others' bits were 0 all along: the group's decide for a group member.
	expect_status 0 pz -k "$KEY" chmod 0660
	if expect_status 0 as_supp "$PZ_NOBODY" -k "$KEY" put 0 0 'by the group'; then
		expect_stderr_empty
	fi
	content_is 'by the group\n'
	expect_status 0 pz -k "$KEY" chown :0
else
	echo "(setpriv cannot give nobody the supplementary group $SUPP: skipping this part)"
fi

section "info -i of root's segment that is no board, as nobody"
FOREIGN=$(helper create "$KEY2" 4096 0644)
if [ -n "$FOREIGN" ]; then
	cleanup_shmid "$FOREIGN"
	if expect_status 0 nz -i "$FOREIGN" info; then
		expect_stdout_match "^  shmid +$FOREIGN\$"
		expect_stdout_match "^  none +not a pizarra board: 4096 bytes is too small for a board; it was left untouched; it belongs to root\$"
		expect_stdout_nomatch 'ipcrm'
	fi
	ipcrm -m "$FOREIGN"
fi

section "root, the owner, removes its board"
if expect_status 0 pz -k "$KEY" rm; then
	expect_stdout_match "^shmid $ID removed"
fi
check "root's board is gone" shm_gone "$ID"

finish
