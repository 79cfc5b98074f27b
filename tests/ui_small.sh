#!/bin/sh
# ui_small.sh - 80x24 is first class: the help scrolls with a visible
# "more"; F9 cycles the sidebar's sections and then hides it (the canvas
# gets the room) and shows it again; the status line says which part of a
# larger board is in view; a message cut to the width ends in an ellipsis;
# the syscall log wraps between tokens, never inside IPC_EXCL; labels keep
# a space from the sidebar's divider. While a message shows, the status
# line gives it the room (the position alone, not the view).

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

section "the sidebar at 120 columns: labels apart from the divider, calls wrapped between tokens"
pane_start A "$PIZARRA" -k "$KEY"
pane_wait A '│ shm_perm.key +0x' 2 "a label keeps a space from the divider"
pane_wait A 'IPC_CREAT\|$' 2 "the shmget line breaks after IPC_CREAT|"
pane_wait A '^ +│ +IPC_EXCL\|0600\) = [0-9]+$' 2 "and goes on with IPC_EXCL|0600), indented"
pane_never A 'IPC_E$' "never inside IPC_EXCL"

section "at 80x24 on a 200x60 board"
pane_resize A 80 24
pane_wait A 'shm_nattch +1$' 3 "A is drawn at 80x24"
pane_wait A ' 0,0  cols 0-47/200 rows 0-21/60' 6 \
	"the status line says which part is in view (once the greeting has gone)"

section "the help scrolls, and says there is more"
pane_keys A F1
pane_wait A 'pizarra help \(arrows, PgUp, PgDn scroll; other keys close\)' 2 "the help says how to scroll"
pane_wait A '-- more below: Down or PgDn --' 2 "and that there is more below"
pane_never A 'F10 Ctrl-Q' "F10's line is not in view yet"
pane_keys A NPage
pane_wait A 'F10 Ctrl-Q  Quit' 2 "PgDn shows the last lines, F10's included"
pane_wait A '-- the end: Up or PgUp goes back --' 2 "and says it is the end"
pane_keys A Home
pane_wait A 'Type to draw: every printable key' 2 "Home goes back to the top"
pane_keys A Escape
pane_wait_not A 'pizarra help' 2 "another key closes it"

section "F9: the sections take turns, then the sidebar hides and the canvas gets the room"
pane_keys A F9
pane_wait A 'sidebar: clients first' 2 "F9: clients first"
pane_keys A F9
pane_wait A 'sidebar: syscalls first' 2 "F9: syscalls first"
pane_keys A F9
pane_wait A 'sidebar hidden: F9 shows it' 2 "F9: hidden"
pane_wait A ' 0,0  cols 0-79/200 rows 0-21/60' 6 "the canvas has all 80 columns"
pane_never A 'shm_nattch' "no sidebar on the screen"
pane_keys A F9
pane_wait A 'sidebar shown, segment first' 2 "F9 again shows it, segment first"
pane_wait A 'shm_nattch +1$' 2 "the sidebar is back"

section "a message cut to the width ends in an ellipsis"
pane_start V "$PIZARRA" -k "$KEY" view
pane_resize V 80 24
pane_wait V 'shm_nattch +2$' 3 "V is drawn at 80x24"
pane_type V "x"
pane_wait V 'view-only: attached SHM_RDONLY, drawing is refused.*…$' 2 \
	"the long view-only message ends in …"
pane_quit V
pane_quit A
"$PIZARRA" -k "$KEY" rm >/dev/null
finish
