/*
 * owner.h - the commands only a segment's owner, creator or root may run,
 * the shmctl ones: chmod (IPC_SET of the mode), chown (IPC_SET of the
 * owner) and rm (IPC_RMID). Each refuses early, with whose board it is,
 * when we are not allowed, and never touches a segment that is not a
 * pizarra board.
 */
#ifndef PIZARRA_OWNER_H
#define PIZARRA_OWNER_H

#include "cli.h"

/* pizarra chmod MODE */
int owner_chmod(struct cli_opts *o);

/* pizarra chown USER[:GROUP] */
int owner_chown(struct cli_opts *o);

/* pizarra rm */
int owner_rm(struct cli_opts *o);

#endif
