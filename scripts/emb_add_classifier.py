#!/usr/bin/env python3
"""Makes a classifier .emb file from a version 5 word model: adds a labels section and a bucket
section (and, if asked, a head), written from docs/FORMAT.md alone, not with embedtool's library.

Nothing in embedtool trains a classifier yet, so the end-to-end tests (tests/e2e/emb_classifier.sh)
and the fuzz seed corpus (scripts/fuzz.sh) make their classifier files with this; that it reads
back through embedtool also checks the documented layout against the reader.

Usage: emb_add_classifier.py IN.emb OUT.emb [--labels NAME:COUNT,...] [--buckets KIND ROWS]
                             [--head KIND ROWS]
"""
import argparse
import struct
import zlib

HEADER_SIZE = 320
NORMS_FIELDS = 288  # version 5: the row norms section, which ends the file


def pad(data, alignment):
    data += bytes(-len(data) % alignment)


def rows_bytes(rows, dims, scale):
    return b"".join(struct.pack("<f", scale * (r + 1) - 0.125 * c) for r in range(rows) for c in range(dims))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--labels", default="__label__pos:7,__label__neg:5,__label__中立:1")
    parser.add_argument("--buckets", nargs=2, metavar=("KIND", "ROWS"), default=["word-ngrams", "10"])
    parser.add_argument("--head", nargs=2, metavar=("KIND", "ROWS"))
    args = parser.parse_args()

    data = open(args.input, "rb").read()
    assert data[:4] == b"\x89EMB" and struct.unpack_from("<I", data, 4)[0] == 5, "not a version 5 .emb"
    dims = struct.unpack_from("<Q", data, 32)[0]
    matrix_offset, matrix_size = struct.unpack_from("<QQ", data, 80)
    index_offset, index_size = struct.unpack_from("<QQ", data, 112)
    assert data[128:NORMS_FIELDS] == bytes(NORMS_FIELDS - 128), "the input already has a head, labels or bucket rows"
    norms_offset, norms_size, norms_rows = struct.unpack_from("<QQQ", data, NORMS_FIELDS + 8)
    assert index_size != 0 and matrix_offset + matrix_size <= norms_offset and norms_offset + norms_size == len(data)

    out = bytearray(data[:index_offset + index_size])  # header, metadata, vocabulary, hash index

    # The labels section: L + 1 u64 end offsets, L u64 counts, the names' bytes.
    labels = [(name.encode(), int(count)) for name, count in (item.rsplit(":", 1) for item in args.labels.split(","))]
    pad(out, 8)
    labels_offset = len(out)
    end = 0
    ends = [0]
    for name, _ in labels:
        end += len(name)
        ends.append(end)
    labels_section = b"".join(struct.pack("<Q", e) for e in ends)
    labels_section += b"".join(struct.pack("<Q", count) for _, count in labels)
    labels_section += b"".join(name for name, _ in labels)
    out += labels_section

    pad(out, 64)
    new_matrix_offset = len(out)
    out += data[matrix_offset:matrix_offset + matrix_size]

    def add_rows(block_at, kind, rows, scale):
        pad(out, 64)
        offset = len(out)
        section = rows_bytes(rows, dims, scale)
        out.extend(section)
        struct.pack_into("<IIQQQQ", out, block_at, zlib.crc32(section), len(kind), offset, len(section), rows, dims)
        out[block_at + 40:block_at + 64] = kind.encode() + bytes(24 - len(kind))

    if args.head:
        add_rows(128, args.head[0], int(args.head[1]), 0.5)
    add_rows(192, args.buckets[0], int(args.buckets[1]), -0.25)

    # The row norms last, unchanged but for their place.
    pad(out, 64)
    struct.pack_into("<QQQ", out, NORMS_FIELDS + 8, len(out), norms_size, norms_rows)
    out += data[norms_offset:norms_offset + norms_size]

    struct.pack_into("<IIQQQ", out, 256, zlib.crc32(labels_section), 0, labels_offset, len(labels_section), len(labels))
    struct.pack_into("<Q", out, 80, new_matrix_offset)
    struct.pack_into("<Q", out, 40, len(out))
    struct.pack_into("<I", out, 8, 0)
    struct.pack_into("<I", out, 8, zlib.crc32(bytes(out[:HEADER_SIZE])))
    open(args.output, "wb").write(out)


if __name__ == "__main__":
    main()
