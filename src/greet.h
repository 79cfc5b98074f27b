/*
 * greet.h - what the interactive board's status line says first: that
 * the message catalog's answer keys clash (two answers of one question on
 * one translated letter: those answers take their English keys), else
 * that a board was created (its size, key and shmid), that it is
 * view-only, or that -s and -m did not apply to a board that existed.
 */
#ifndef PIZARRA_GREET_H
#define PIZARRA_GREET_H

#include "cli.h"
#include "session.h"
#include "status.h"

/* The first message for session s opened with options o, into st. */
void greet_say(struct status *st, const struct session *s, const struct cli_opts *o);

#endif
