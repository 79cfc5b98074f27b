#!/bin/sh
# ui_view.sh - `pizarra view`, through tmux: the viewer attaches SHM_RDONLY
# (its sidebar's "shmat() here" line ends in ro, its syscall log shows the
# flag), the drawer's sidebar counts it as an attach without a slot and
# names it a viewer; typing, erasing, the brush and Clear in the viewer are
# refused with the view-only message and leave the board as it was (and the
# viewer alive: a write would be SIGSEGV); the viewer follows what the
# drawer types, live; quitting it gives shm_nattch back.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

REFUSED='view-only: attached SHM_RDONLY, drawing is refused'

# ---------------------------------------------------------------------------
section "a drawer A, then a viewer V"
pane_start A "$PIZARRA" -k "$KEY"
ID=$(board_shmid "$KEY")
[ -n "$ID" ] || abort "A started but there is no segment under $KEY"
pane_type A "drawn by A"
pane_wait A '^drawn by A +│' 2 "A shows its own text"
pane_start V "$PIZARRA" -k "$KEY" view
check "the viewer attached the same segment" [ "$(shmids_of_key "$KEY")" = "$ID" ]
pane_wait V '^drawn by A +│' 2 "V shows the board"
pane_wait V 'VIEW-ONLY' 2 "V's status line says VIEW-ONLY"
pane_wait V 'shmat\(\) here +0x[0-9a-f]+ ro$' 2 "V's sidebar: attached read-only (shmat() here ... ro)"
pane_wait V "shmat\\($ID, NULL, SHM_RDONLY\\) =" 2 "V's syscall log shows shmat with SHM_RDONLY"
pane_wait A 'shmat\(\) here +0x[0-9a-f]+ rw$' 2 "A's sidebar: attached read-write (rw)"
pane_wait_all "A V" 'shm_nattch +2$' 2 "the sidebar shows shm_nattch 2"
pane_wait A 'CLIENTS +1 in slots, nattch 2$' 2 "A: one client in a slot, two attaches"
pane_wait A '1 attach without a slot:' 3 "A: one attach without a slot"
pv=$(pane_pid V)
pane_wait A "$pv +pizarra +viewer$" 3 "A names V (pid $pv) a viewer"
pane_wait V "$pv +pizarra +you$" 3 "V marks itself as you in its own list"
printf 'drawn by A\n' >"$T/board1"

# ---------------------------------------------------------------------------
section "V cannot draw"
pane_type V "zzz"
pane_wait V "$REFUSED" 2 "typing in V shows the view-only refusal"
pane_never V 'zzz' "V's canvas has no zzz"
pane_never A 'zzz' "A's canvas has no zzz"
expect_dump "$T/board1" -k "$KEY"
check "V still runs after typing" pane_alive V

# The refusal stays on the status line for 4 s: F9 (the sidebar's next
# section) puts another message there in between, so every refusal below
# is a new one. A viewer has no tools: F2, F3 and F8 only explain.
pane_keys V F9
pane_wait V 'sidebar: clients first' 2 "F9 in V: another message (the refusal goes)"
pane_never V "$REFUSED" "the old refusal is no longer shown"
pane_keys V F3
pane_wait V "$REFUSED" 2 "F3 Tool in V shows the view-only refusal (a viewer has no tools)"
pane_never V 'tool: BRUSH' "and selects no tool"
pane_keys V F9
pane_wait V 'sidebar: syscalls first' 2 "F9 in V: another message"
pane_keys V F2
pane_wait V "$REFUSED" 2 "F2 Colour in V shows the view-only refusal"
pane_keys V F9
pane_wait V 'sidebar hidden' 2 "F9 in V: another message"
pane_keys V F8
pane_wait V "$REFUSED" 2 "F8 Clear in V shows the view-only refusal"
pane_never V 'Clear the whole board' "V is not even asked about clearing"
pane_keys V y
pane_keys V F9
pane_wait V 'sidebar shown' 2 "F9 in V: another message (the sidebar is back)"
pane_keys V BSpace
pane_wait V "$REFUSED" 2 "Backspace in V shows the view-only refusal"
pane_keys V F9
pane_wait V 'sidebar: clients first' 2 "F9 in V: another message"
pane_keys V Home DC
pane_wait V "$REFUSED" 2 "Delete in V shows the view-only refusal"
expect_dump "$T/board1" -k "$KEY"
check "V still runs after all that" pane_alive V
pane_still A '^drawn by A +│' "A's board is untouched"

# ---------------------------------------------------------------------------
section "V sees the drawer's text live"
pane_keys A Home Down Down Down
pane_type A "live from A"
pane_wait V '^live from A +│' 3 "A's new text appears in V"
pane_type A " ñandú €"
pane_wait V '^live from A ñandú € +│' 3 "and its UTF-8 too"
printf 'drawn by A\n\n\nlive from A ñandú €\n' >"$T/board2"
expect_dump "$T/board2" -k "$KEY"

# ---------------------------------------------------------------------------
section "V quits: shm_nattch back to 1"
pane_quit V
pane_wait A 'shm_nattch +1$' 2 "A shows shm_nattch 1"
pane_wait_not A "$pv +pizarra +viewer$" 3 "A no longer names the viewer"
pane_quit A
expect_dump "$T/board2" -k "$KEY"

finish
