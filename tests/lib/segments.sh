# shellcheck shell=sh
# segments.sh - System V segments as the kernel lists them: read from
# /proc/sysvipc/shm (which attaches nothing) and `ipcs -m`. Sourced by
# test.sh; needs cleanup.sh's cleanup_shmid (board_shmid registers what it
# finds). Segments made, read or written by another process are the C
# helper's (helper.sh).
#
# Interface:
#   key_dec KEY            the key as /proc/sysvipc/shm prints it (a signed int)
#   shmids_of_key KEY      the shmids of the segments under KEY (none, or one)
#   shm_count_key KEY      how many segments exist under KEY
#   shm_field ID FIELD     a column of /proc/sysvipc/shm for shmid ID (key
#                          perms size cpid lpid nattch uid gid...); empty
#                          when ID does not exist
#   shm_exists ID, shm_gone ID
#   board_shmid KEY        the shmid under KEY now, registered for cleanup
#                          (cleanup_shmid); empty if none
#   ipcs_lists ID          `ipcs -m` lists shmid ID
#   ipcs_dest ID           `ipcs -m` lists shmid ID with the status dest

# key_dec KEY: the key as /proc/sysvipc/shm prints it (a signed int).
key_dec() {
	_sg_k=$(($1))
	[ "$_sg_k" -lt 2147483648 ] || _sg_k=$((_sg_k - 4294967296))
	echo "$_sg_k"
}

# shmids_of_key KEY: the shmids of the segments under KEY (none, or one).
shmids_of_key() {
	awk -v k="$(key_dec "$1")" 'NR > 1 && $1 == k { print $2 }' /proc/sysvipc/shm
}

# shm_count_key KEY: how many segments exist under KEY.
shm_count_key() {
	shmids_of_key "$1" | wc -l | tr -d ' '
}

# shm_field ID FIELD: a column of /proc/sysvipc/shm for shmid ID (key perms
# size cpid lpid nattch uid gid...); empty when ID does not exist.
shm_field() {
	awk -v id="$1" -v f="$2" '
	NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$2 == id { print $(col[f]); exit }' /proc/sysvipc/shm
}

# shm_exists ID: true when shmid ID exists.
shm_exists() {
	[ -n "$(shm_field "$1" shmid)" ]
}

# shm_gone ID: true when shmid ID does not exist.
shm_gone() {
	! shm_exists "$1"
}

# board_shmid KEY: the shmid under KEY now (registered for cleanup); empty if none.
board_shmid() {
	_sg_id=$(shmids_of_key "$1")
	[ -z "$_sg_id" ] || cleanup_shmid "$_sg_id"
	echo "$_sg_id"
}

# ipcs_lists ID: `ipcs -m` lists shmid ID.
ipcs_lists() {
	ipcs -m | awk -v id="$1" '$2 == id { f = 1 } END { exit !f }'
}

# ipcs_dest ID: `ipcs -m` lists shmid ID with the status dest.
ipcs_dest() {
	ipcs -m | awk -v id="$1" '$2 == id && / dest/ { f = 1 } END { exit !f }'
}
