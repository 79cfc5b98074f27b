#!/bin/sh
# run.sh [SECONDS] - build pizarra's fuzz targets with clang (libFuzzer,
# AddressSanitizer, UndefinedBehaviorSanitizer) straight from the source
# tree, outside automake, and run each for SECONDS (default 30):
#   fuzz_board   arbitrary bytes as a board segment   (corpus/board)
#   fuzz_load    arbitrary text on a private board     (corpus/load)
# The seed corpora are read, never written: new inputs go to a temporary
# directory (FUZZ_KEEP=DIR keeps them in DIR/board and DIR/load instead). A
# crash (a sanitizer report, a broken invariant, a timeout, running out of
# memory) stops the run: the input is copied into corpus/NAME/regress-HASH,
# where tests/check_fuzzcorpus replays it in every `make check` from then
# on, and run.sh exits 1. Exit 77 when clang or libFuzzer is missing.
#
# CI:        sh tests/fuzz/run.sh 30
# Long run:  FUZZ_JOBS=2 FUZZ_KEEP=$HOME/pizarra-fuzz sh tests/fuzz/run.sh 3600
#            (see docs/security.md); afterwards, minimise what it found into
#            the corpus with: tests/fuzz/fuzz_board -merge=1 tests/fuzz/corpus/board DIR/board
set -eu

secs=${1:-30}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
CLANG=${CLANG:-clang}
jobs=${FUZZ_JOBS:-1}

if ! command -v "$CLANG" >/dev/null 2>&1; then
	echo "SKIP: $CLANG is not installed (the fuzzers need clang and libFuzzer)"
	exit 77
fi
case $secs in
'' | *[!0-9]*)
	echo "usage: run.sh [SECONDS]" >&2
	exit 2
	;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/pizarra-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
keep=${FUZZ_KEEP:-$work/new}

# The core's sources include configure's config.h; outside automake a
# three-line one does: the package's name and version, and no message catalogs (the
# fuzzers look for memory errors, not words).
printf '#define PACKAGE "pizarra"\n#define PACKAGE_VERSION "fuzz"\n#define ENABLE_NLS 0\n' >"$work/config.h"
flags="-std=gnu11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
	-Wall -Wextra -I$top/include -I$work"
for t in board load; do
	echo "run.sh: building $here/fuzz_$t"
	# shellcheck disable=SC2086,SC2046 # the flags and utf8proc's libraries are words
	if ! $CLANG $flags -o "$here/fuzz_$t" "$here/fuzz_$t.c" "$here/fuzzcheck.c" \
	    "$top"/src/lib/*.c $(pkg-config --libs libutf8proc) -pthread 2>"$work/cc.log"; then
		cat "$work/cc.log"
		if grep -q 'fuzzer' "$work/cc.log"; then
			echo "SKIP: $CLANG cannot link libFuzzer (install libclang-rt-dev)"
			exit 77
		fi
		exit 1
	fi
done

status=0
for t in board load; do
	case $t in
	board) max_len=70000 ;;
	*) max_len=8192 ;;
	esac
	mkdir -p "$keep/$t"
	echo "run.sh: fuzzing $t for $secs s ($jobs job(s))"
	if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    "$here/fuzz_$t" -max_total_time="$secs" -max_len="$max_len" -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 -jobs="$jobs" -workers="$jobs" \
	    -artifact_prefix="$work/crash-$t-" "$keep/$t" "$here/corpus/$t" \
	    >"$work/$t.log" 2>&1; then
		grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' \
		    "$work/$t.log" || tail -3 "$work/$t.log"
		echo "run.sh: $t: no crash in $secs s"
	else
		status=1
		tail -60 "$work/$t.log"
		for f in "$work"/crash-"$t"-*; do
			[ -f "$f" ] || continue
			sum=$(sha1sum "$f" | cut -c1-16)
			cp "$f" "$here/corpus/$t/regress-$sum"
			echo "run.sh: $t crashed; the input is now $here/corpus/$t/regress-$sum:"
			echo "        fix the bug, keep the file (check_fuzzcorpus replays it)"
		done
	fi
	for f in "$work"/fuzz-*.log; do
		[ -f "$f" ] || continue
		tail -5 "$f"
		rm -f "$f"
	done
done
exit "$status"
