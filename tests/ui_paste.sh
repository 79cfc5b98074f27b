#!/bin/sh
# ui_paste.sh - bracketed paste, through tmux (`set-buffer` + `paste-buffer
# -p`, which sends ESC [200~ ... ESC [201~ once the client asked for it): the
# client turns the mode on (ESC[?2004h) and leaves it off (ESC[?2004l) when
# it quits; a block with tabs and newlines pasted at a cursor that is not at
# column 0 lands as a block (each line at the cursor's column, tabs to
# multiples of 8 from it, tmux's CR newlines and raw CRLF alike), and `dump`
# and the screen show it without drift; the cursor ends where the text does;
# what falls off the board's right edge is dropped and said; a paste with a
# control character (a Ctrl-Q or Ctrl-C in it quits nothing) or with a
# grapheme no cell holds is refused whole and said, the board unchanged; a
# byte that is not UTF-8 (after which ncurses drops the rest, end marker
# included) ends in "a paste never ended" within 3 s, and pasting works
# again after it; graphemes in a paste follow the typing rules (e + U+0301
# is one cell, ❤ U+FE0F is ❤); a viewer's paste is refused; the client's
# terminal output stays clean.

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/test.sh
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib/test.sh"
test_begin panes

# paste NAME TEXT [FLAG]: paste TEXT (printf format) into NAME's pane, as a
# bracketed paste; FLAG -r keeps LF (tmux turns LF into CR otherwise).
paste() {
	# shellcheck disable=SC2059 # the text is a printf format
	pane_tmux "$1" set-buffer -b pz -- "$(printf "$2")"
	pane_tmux "$1" paste-buffer -p ${3:+"$3"} -b pz
}

# mode_now NAME MODE STATE: the client's output so far leaves MODE in STATE.
# shellcheck disable=SC2317 # called through check
mode_now() {
	"$HELPER" modes "$T/$1.raw" | grep -qx "$2 $3"
}

# ---------------------------------------------------------------------------
section "the client asks for bracketed paste"
pane_start A "$PIZARRA" -k "$KEY"
check "its output turned bracketed paste on (ESC[?2004h)" poll 2 mode_now A 2004 h

# ---------------------------------------------------------------------------
section "a block with tabs and newlines at 5,2 (tmux sends its newlines as CR)"
pane_keys A Right Right Right Right Right Down Down
pane_wait A ' 5,2  ' 2 "the cursor is at 5,2"
paste A 'one\ttab\ntwo\t\tx\nthree'
pane_wait A 'pasted 15 characters on 3 lines at 5,2' 3 "one note for the whole paste"
pane_wait A ' 10,4  ' 2 "the cursor is where the text ends (10,4)"
pane_wait_line A 2 "     one     tab" 2 "line 2 of the screen is the first line, tab expanded from column 5"
pane_wait_line A 3 "     two             x" 2 "line 3: two tabs, to columns 13 and 21"
pane_wait_line A 4 "     three" 2 "line 4: the last line, at column 5 too"
{
	printf '\n\n'
	printf '     one     tab\n'
	printf '     two             x\n'
	printf '     three\n'
} >"$T/dump1"
expect_dump "$T/dump1" -k "$KEY"

section "raw CRLF, CR and LF (paste-buffer -r) at 3,8: each one newline"
pane_keys A Home Down Down Down Down Right Right Right
pane_wait A ' 3,8  ' 2 "the cursor is at 3,8"
paste A 'a\r\nb\tc\rd\ne' -r
pane_wait A 'pasted 5 characters on 4 lines at 3,8' 3 "CRLF, CR and LF make 4 lines"
cp "$T/dump1" "$T/dump2"
{
	printf '\n\n\n'
	printf '   a\n'
	printf '   b       c\n'
	printf '   d\n'
	printf '   e\n'
} >>"$T/dump2"
expect_dump "$T/dump2" -k "$KEY"

section "at the board's right edge: what does not fit is dropped and said"
pane_keys A End Down Down
pane_wait A ' 199,13  ' 2 "the cursor is at 199,13, the board's last column"
paste A 'xyz\n12' -r
pane_wait A 'pasted 2 characters on 2 lines at 199,13; 3 outside the board were dropped' 3 \
	"the dropped characters are counted"
cp "$T/dump2" "$T/dump3"
{
	printf '\n'
	printf '%199sx\n' ''
	printf '%199s1\n' ''
} >>"$T/dump3"
expect_dump "$T/dump3" -k "$KEY"

# ---------------------------------------------------------------------------
section "refused whole: controls (Ctrl-Q and Ctrl-C quit nothing), graphemes no cell holds"
pane_keys A Home Down Down
paste A 'fine\nbad\001x' -r
pane_wait A 'paste refused, nothing placed: line 2, column 4: U\+0001 cannot be drawn' 3 \
	"a control character refuses the paste"
paste A 'q\021\003' -r
pane_wait A 'paste refused, nothing placed: line 1, column 2: U\+0011 cannot be drawn' 3 \
	"a pasted Ctrl-Q is text, refused"
check "the client still runs after a pasted Ctrl-Q and Ctrl-C" pane_alive A
paste A 'ok \360\237\221\251\342\200\215\360\237\222\273' -r
pane_wait A 'paste refused, nothing placed: line 1, column 4: U\+1F469 U\+200D U\+1F4BB is 3 code points' 3 \
	"a ZWJ sequence refuses the paste, with the reason"
expect_dump "$T/dump3" -k "$KEY"

section "a byte that is not UTF-8: the paste never ends, and is refused"
paste A 'ab\377cd\nef' -r
pane_wait A 'a paste never ended' 4 "refused within 3 s of its last byte"
expect_dump "$T/dump3" -k "$KEY"
paste A 'e\314\201|\342\235\244\357\270\217|' -r
pane_wait A 'pasted 4 characters on 1 line at 0,16' 3 "pasting works again afterwards"
cp "$T/dump3" "$T/dump4"
printf '\n\303\251|\342\235\244|\n' >>"$T/dump4"
expect_dump "$T/dump4" -k "$KEY"
pane_wait_line A 16 "é|❤|" 2 "the screen agrees: e + U+0301 is é, ❤ U+FE0F is ❤, one column each"

# ---------------------------------------------------------------------------
section "a viewer's paste is refused"
pane_start B "$PIZARRA" -k "$KEY" view
paste B 'nothing' -r
pane_wait B 'view-only: attached SHM_RDONLY, drawing is refused' 3 "the viewer says why"
expect_dump "$T/dump4" -k "$KEY"
pane_quit B

# ---------------------------------------------------------------------------
section "quitting turns bracketed paste off"
pane_quit A
check "the recorded output is complete" poll 3 pane_raw_done A
check "its output leaves bracketed paste off (ESC[?2004l)" mode_now A 2004 l
pane_rawcheck A

finish
