#!/bin/sh
# ui_people.sh - people on one board: a client that joins starts in a row
# of its own, not on someone's cursor; a viewer's key bar shows only what
# it can do, and the rest explains; any client can follow another's cursor
# (`view --follow PID|USER`, Ctrl-F to go through the people) and the view
# keeps that cursor in sight; the box tool outlines the box while it is
# drawn and its hint goes once it is; the last client to leave says the
# board stays in memory and how to remove it.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes
K2=$(test_key 1)
ME=$(id -un)

section "people who join start in rows of their own"
pane_start A "$PIZARRA" -k "$KEY"
pane_start B "$PIZARRA" -k "$KEY"
pane_start C "$PIZARRA" -k "$KEY"
pane_wait A ' 0,0  ' 2 "A starts at 0,0"
pane_wait B ' 0,1  ' 2 "B starts at 0,1, off A's cursor"
pane_wait C ' 0,2  ' 2 "C starts at 0,2"

section "a viewer's key bar has only what a viewer can do"
pane_start V "$PIZARRA" -k "$KEY" view
pane_wait V 'F1Help' 2 "V's key bar"
pane_never V 'Colour|F3Tool|Clear' "no Colour, Tool or Clear in it"
pane_keys V F3
pane_wait V 'view-only: attached SHM_RDONLY, drawing is refused' 2 "F3 explains instead of changing the tool"
pane_keys V F8
pane_never V 'Clear the whole board' "F8 asks nothing"

section "following someone's cursor"
PA=$(pane_pid A)
run "$PIZARRA" -k "$KEY" info --follow "$PA"
check "--follow only applies to draw and view (exit 2)" [ "$STATUS" -eq 2 ]
check "... and says so" grep -q -- '--follow only applies to draw, view' "$T/err"
run "$PIZARRA" -k "$KEY" view --follow no-such-user-here
check "--follow of no one is a usage error" [ "$STATUS" -eq 2 ]
check "... naming the argument" grep -q -- "--follow: 'no-such-user-here' is neither" "$T/err"
pane_start W "$PIZARRA" -k "$KEY" view --follow "$PA"
pane_wait W "following $ME \\(pid $PA\\)" 3 "W follows A, and says so"
pane_keys A End Left Left Left Left Left Left Left Left Left Left
pane_type A "far right"
pane_wait W 'far right +│' 3 "A went to the far right: W's view went with it"
pane_wait W ' cols [0-9]+-19[0-9]/200 ' 6 "W's status line says which part (once its greeting has gone)"
pane_keys V C-f
pane_wait V "following $ME \\(pid [0-9]+\\): Ctrl-F for the next" 2 "Ctrl-F in V follows someone"
pane_keys V Right
pane_wait V 'you moved: no longer following' 2 "V's own move ends it"
pane_start U "$PIZARRA" -k "$KEY" view --follow "$ME"
pane_wait U "following $ME \\(pid [0-9]+\\)" 3 "--follow USER follows that user's client"

section "the box tool outlines the box while it is drawn"
pane_keys B F3 F3 F3
pane_wait B 'tool: BOX' 2 "B has the box tool"
pane_keys B Down Down Right Right
pane_keys B Enter
pane_wait B 'box: corner at 2,3' 2 "the first corner is said"
pane_keys B Right Right Right Right Down Down
pane_wait_line B 3 "  ┌───┐" 2 "the outline's top is on B's screen"
pane_wait_line B 5 "  └───┘" 2 "and its bottom"
check "... but nothing is on the board yet" [ -z "$("$PIZARRA" -k "$KEY" dump | sed -n 4,6p | tr -d ' ')" ]
pane_keys B Enter
check "Enter draws it" poll 2 sh -c "'$PIZARRA' -k '$KEY' dump | sed -n 4p | grep -q '┌───┐'"
pane_wait_not B 'box: corner at' 2 "the hint goes once the box is drawn"
pane_keys B Down Enter Right Right Escape
pane_wait B 'box cancelled' 2 "Esc gives up a box"
pane_wait_line B 7 "" 2 "and its outline goes"

section "the last one out says the board stays"
pane_start E "$PIZARRA" -k "$K2"
pane_keys E F10
pane_wait E "note: the board stays in memory under key $K2 with nobody attached; \`pizarra -k $K2 rm\`" \
	3 "E, alone, says the board stays and how to remove it"
for c in U W V C B; do
	pane_quit "$c"
	pane_never "$c" 'note: the board stays' "$c left others on the board: no note"
done
pane_keys A F10
pane_wait A "note: the board stays in memory" 3 "A, the last on its board, says it"
"$PIZARRA" -k "$KEY" rm >/dev/null
"$PIZARRA" -k "$K2" rm >/dev/null
finish
