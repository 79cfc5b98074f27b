/*
 * fuzz.h - what the fuzz targets of pizarra share: the two entry points
 * (fuzz_board_one: arbitrary bytes as a segment; fuzz_load_one: arbitrary
 * text loaded and put on a private in-memory board), the invariants they
 * check on what the core hands out, and the libFuzzer entry point.
 *
 * tests/fuzz/run.sh builds each target with clang -fsanitize=fuzzer, where
 * LLVMFuzzerTestOneInput calls the target's entry point. Built with
 * -DFUZZ_REPLAY (tests/check_fuzzcorpus.c, by `make check`), the targets
 * define no LLVMFuzzerTestOneInput and the corpus files are replayed
 * through both entry points with any compiler.
 */
#ifndef PIZARRA_FUZZ_H
#define PIZARRA_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "strbuf.h"

/* Check an invariant; on failure say which (file, line) and abort. */
#define FUZZ_ASSERT(cond) ((cond) ? (void)0 : fuzz_fail(#cond, __FILE__, __LINE__))

/* Report a broken invariant on stderr and abort (a crash for the fuzzer). */
void fuzz_fail(const char *what, const char *file, int line) __attribute__((noreturn));

/*
 * Check a dump of a cols x rows board: valid UTF-8, no control character
 * but the newline ending every line, at most rows lines, at most cols
 * characters a line; with ansi, ESC only as ESC [ digits/semicolons m.
 */
void fuzz_check_dump(const struct strbuf *dump, bool ansi, uint32_t cols, uint32_t rows);

/* True when an ansi dump without its SGR sequences is exactly plain. */
bool fuzz_ansi_is_plain(const struct strbuf *ansi, const struct strbuf *plain);

/* Arbitrary bytes as a segment: validate, then every read path. */
int fuzz_board_one(const uint8_t *data, size_t size);

/* Arbitrary text: check, load and put it on a private board, round trips. */
int fuzz_load_one(const uint8_t *data, size_t size);

/* libFuzzer's entry point (defined by each target unless FUZZ_REPLAY). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
