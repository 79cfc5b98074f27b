#!/bin/sh
# xterm_help.sh - the help box at 80x24 in a real xterm: F1 opens it (its
# title, the first line of the prose and the first key line are drawn), a
# picture of it is kept as
# tests/xterm_help-80x24.png for people to look at, which key lines it
# shows is written into the log, and Esc closes it: the next key draws on
# the board again. (Whether all ten key lines fit or scroll is another part
# of issue 11; this test asserts what holds either way.)

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin xterm

SHOT=$TESTS_BUILDDIR/xterm_help-80x24.png

section "A starts in an 80x24 xterm"
xterm_start A "$PIZARRA" -k "$KEY"

section "F1 shows the help inside the screen"
n=$(wc -c <"$(xterm_raw A)")
xterm_key A F1
xterm_wait_raw A 'pizarra help \((any key closes|arrows, PgUp, PgDn scroll; other keys close)\)' 3 "the help's title is drawn"
xterm_wait_raw A 'Type to draw: every printable key' 3 "its first line of prose is drawn"
xterm_wait_raw A 'F1  Ctrl-G  Help' 3 "its first key line (F1) is drawn"
rm -f "$SHOT"
xterm_shot A "$SHOT"
check "a picture of the help is in $SHOT" [ -s "$SHOT" ]
shown=$(tail -c +"$((n + 1))" "$(xterm_raw A)" | grep -ao 'F[0-9]* *Ctrl-[A-Z]' |
    sed 's/ .*//' | sort -u -V | tr '\n' ' ')
echo "   the help at 80x24 shows the key lines of: ${shown:-none}"

section "Esc closes it: the next key draws"
xterm_key A Escape
xterm_type A z
check "z typed after Esc is on the board (the help was closed)" poll "$POLL_WAIT" sh -c \
    "'$PIZARRA' -k '$KEY' dump | grep -qx z"

xterm_quit A
finish
