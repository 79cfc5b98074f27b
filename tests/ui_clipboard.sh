#!/bin/sh
# ui_clipboard.sh - a copy goes to the terminal's clipboard by OSC 52
# (ESC ] 52 ; c ; base64 BEL) only where the terminal is known to take it,
# checked in the bytes each client wrote (tmux pipe-pane): inside a tmux
# whose set-clipboard is "on" it is sent (and tmux makes a buffer of it);
# under tmux's default ("external": tmux ignores what programs send) it is
# not; PIZARRA_CLIPBOARD=off never sends it, =osc52 always does, and any
# other value sends nothing and says so.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# copy NAME: select "hello" and "secon" (5 x 2 at 2,2) with the SELECT tool and press c.
copy() {
	pane_home "$1"
	pane_keys "$1" F3 F3 F3 F3 F3 F3
	pane_wait "$1" '^ SELECT ' 2 "$1 takes the SELECT tool"
	pane_drag "$1" 2 2 6 3
	pane_wait "$1" 'selected 5 x 2' 2 "$1 selects 5 x 2"
	pane_keys "$1" c
}

OSC=$(printf '\033]52;c;')
SEQ=$(printf '\033]52;c;aGVsbG8Kc2Vjb24=\007')    # base64 of "hello\nsecon"

# sent NAME: NAME's client wrote the OSC 52 of the selection.
sent() {
	grep -qF -- "$SEQ" "$T/$1.raw"
}

# unsent NAME: NAME's client wrote no OSC 52 at all.
unsent() {
	! grep -qF -- "$OSC" "$T/$1.raw"
}

# done_with NAME: NAME quits, and its pane's recorded bytes (pipe-pane, which
# lags) reach the wrapper's last line: everything the client wrote is in.
done_with() {
	pane_quit "$1"
	poll 3 grep -qF '[pizarra exited' "$T/$1.raw" || fail "$1's recorded bytes never reached its end"
}

pz -k "$KEY" put 2 2 "hello world" || fail "put"
pz -k "$KEY" put 2 3 "second line" || fail "put"

# ---------------------------------------------------------------------------
section "tmux with set-clipboard on: sent"
pane_start A "$PIZARRA" -k "$KEY"
pane_tmux A set -g set-clipboard on
copy A
pane_wait A 'copied 5 x 2 cells, also to the terminal.s clipboard' 2 "A says it went to the clipboard too"
check "A wrote the OSC 52 sequence" poll 3 sent A
pane_tmux A show-buffer >"$T/buffer" 2>&1
printf 'hello\nsecon' >"$T/buffer.exp"
check "tmux made a buffer of it: hello, secon" cmp -s "$T/buffer" "$T/buffer.exp"
pane_keys A x
pane_wait A 'cut 5 x 2 cells, also to the terminal.s clipboard' 2 "a cut goes there too"
done_with A
check "A wrote it twice (the copy and the cut)" [ "$(grep -oF -- "$SEQ" "$T/A.raw" | wc -l)" -eq 2 ]
pane_rawcheck A
pz -k "$KEY" put 2 2 "hello" || fail "put"
pz -k "$KEY" put 2 3 "secon" || fail "put"

section "tmux's default (external): not sent"
pane_start B "$PIZARRA" -k "$KEY"
copy B
pane_wait B 'copied 5 x 2 cells \(v or Ctrl-V pastes\)' 2 "B copies, and says nothing of a clipboard"
done_with B
check "B wrote no OSC 52" unsent B

section "PIZARRA_CLIPBOARD=off: never"
pane_start C PIZARRA_CLIPBOARD=off "$PIZARRA" -k "$KEY"
pane_tmux C set -g set-clipboard on
copy C
pane_wait C 'copied 5 x 2 cells \(v or Ctrl-V pastes\)' 2 "C copies"
done_with C
check "C wrote no OSC 52, though tmux would take it" unsent C

section "PIZARRA_CLIPBOARD=osc52: always"
KEY2=$(test_key 1)
pz -k "$KEY2" put 2 2 "hello" || fail "put"
pz -k "$KEY2" put 2 3 "secon" || fail "put"
pane_start D PIZARRA_CLIPBOARD=osc52 "$PIZARRA" -k "$KEY2"
pane_tmux D set -g set-clipboard off
copy D
pane_wait D 'copied 5 x 2 cells, also to the terminal.s clipboard' 2 "D copies to the clipboard too"
done_with D
check "D wrote the OSC 52 sequence" sent D

section "PIZARRA_CLIPBOARD=yes: nothing, and said"
pane_start E PIZARRA_CLIPBOARD=yes "$PIZARRA" -k "$KEY2"
pane_tmux E set -g set-clipboard on
copy E
pane_wait E 'PIZARRA_CLIPBOARD is not off, osc52 or auto' 2 "E says the setting is not understood"
done_with E
check "E wrote no OSC 52" unsent E
finish
