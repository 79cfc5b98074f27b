#!/usr/bin/env python3
# upgrade-v1.py - rewrite board segments of layout version 1 (4-byte cells)
# in a fuzz corpus as layout version 2 (8-byte cells, include/cell.h), so
# that the inputs fuzzing found keep reaching the read paths they reached
# (a version 1 segment is now refused at the version check). Each cell
# word keeps its code point, its colour (now the foreground) and its
# author; the row stamps and whatever follows are copied as they are; a
# word cut by the end of the file is copied as it is. Files that are not
# version 1 boards (too short, another magic or version) are left alone.
#   python3 tests/fuzz/upgrade-v1.py tests/fuzz/corpus/board/*
import struct
import sys

HEADER = 8192
MAGIC = 0x41525A50


def cell_v2(w):
    cp = w & 0x1FFFFF
    colour = (w >> 21) & 0xF
    author = w >> 25
    return cp | colour << 21 | author << 41


def upgrade(data):
    if len(data) < HEADER:
        return None
    magic, version, _hsize, cols, rows = struct.unpack_from('<5I', data, 0)
    if magic != MAGIC or version != 1:
        return None
    out = bytearray(data[:HEADER])
    struct.pack_into('<I', out, 4, 2)
    ncells = cols * rows
    end = min(len(data), HEADER + 4 * ncells)
    at = HEADER
    while at + 4 <= end:
        out += struct.pack('<Q', cell_v2(struct.unpack_from('<I', data, at)[0]))
        at += 4
    out += data[at:]
    return bytes(out)


def main(paths):
    n = 0
    for path in paths:
        with open(path, 'rb') as f:
            data = f.read()
        new = upgrade(data)
        if new is None:
            continue
        with open(path, 'wb') as f:
            f.write(new)
        n += 1
    print(f'{n} of {len(paths)} files upgraded to layout version 2')


if __name__ == '__main__':
    main(sys.argv[1:])
