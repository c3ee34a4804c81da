"""Reads embedtool's .emb model files (format versions 1 to 5) and writes version 1 files (which
embedtool reads too: version 2 only adds an optional hash index, version 3 a longer header and
an optional head section, version 4 a longer header still and optional labels and bucket
sections, version 5 the optional row norms section), from docs/FORMAT.md alone.

Used by the benchmark scripts to hand peers' vectors to `embedtool eval` and to give gensim the
vectors of an embedtool model. Written from the specification rather than from the C++ reader,
so that it also checks that the specification is complete.
"""
import json
import struct
import zlib

import numpy as np

MAGIC = b"\x89EMB"
VERSION = 1  # what write_emb writes
READABLE_VERSIONS = (1, 2, 3, 4, 5)
DTYPES = {0: "<f4", 1: "<f2"}  # f32, f16
HEADER_SIZE = 128  # versions 1 and 2
HEADER_SIZE_V3 = 192  # version 3: the head section's fields follow
HEADER_SIZE_V4 = 288  # version 4: the bucket and labels sections' fields follow
HEADER_SIZE_V5 = 320  # version 5: the row norms section's fields follow (the labels' layout)
ALIGNMENT = 64
RESERVED_WORDS = ("<pad>", "<unk>")
# magic, version, header_crc32, dtype, alignment, reserved_rows, rows, dims, file_size,
# metadata offset/size, vocabulary offset/size, matrix offset/size, three section CRCs, then 20
# bytes that are zero in version 1 and describe the (optional) hash index in version 2.
HEADER = struct.Struct("<4sIIIIIQQQQQQQQQIII20s")
assert HEADER.size == HEADER_SIZE
# Version 3, bytes 128..191: head_crc32, head_kind_size, head offset/size, head rows/dims, kind.
HEAD_FIELDS = struct.Struct("<IIQQQQ24s")
assert HEADER_SIZE + HEAD_FIELDS.size == HEADER_SIZE_V3
# Version 4, bytes 192..255: the bucket section's fields, laid out as the head's; bytes 256..287:
# labels_crc32, 4 reserved bytes, labels offset/size, labels count.
LABELS_FIELDS = struct.Struct("<I4sQQQ")
assert HEADER_SIZE_V3 + HEAD_FIELDS.size + LABELS_FIELDS.size == HEADER_SIZE_V4


class EmbFormatError(Exception):
    pass


def _round_up(value, multiple):
    return (value + multiple - 1) // multiple * multiple


def _crc(data):
    return zlib.crc32(data) & 0xFFFFFFFF


def read_emb(path):
    """Returns (words, counts, matrix, metadata); words[0:2] are the reserved "<pad>", "<unk>"."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < HEADER_SIZE or data[:4] != MAGIC:
        raise EmbFormatError(f"{path}: not an embedtool model")
    (_, version, header_crc, dtype, _, reserved_rows, rows, dims, file_size, metadata_offset,
     metadata_size, vocabulary_offset, vocabulary_size, matrix_offset, matrix_size,
     metadata_crc, vocabulary_crc, matrix_crc, _) = HEADER.unpack_from(data)
    if version not in READABLE_VERSIONS:
        raise EmbFormatError(f"{path}: format version {version}; this reader knows 1 to 5")
    header_size = {3: HEADER_SIZE_V3, 4: HEADER_SIZE_V4, 5: HEADER_SIZE_V5}.get(version, HEADER_SIZE)
    if len(data) < header_size:
        raise EmbFormatError(f"{path}: truncated header")
    header = bytearray(data[:header_size])
    header[8:12] = b"\0\0\0\0"
    if _crc(bytes(header)) != header_crc or file_size != len(data):
        raise EmbFormatError(f"{path}: damaged header or truncated file")
    if dtype not in DTYPES or reserved_rows != 2:
        raise EmbFormatError(f"{path}: unsupported dtype {dtype} or reserved rows {reserved_rows}")
    if matrix_size != rows * dims * np.dtype(DTYPES[dtype]).itemsize:
        raise EmbFormatError(f"{path}: the matrix size does not match {rows} x {dims}")
    metadata_bytes = data[metadata_offset:metadata_offset + metadata_size]
    vocabulary = data[vocabulary_offset:vocabulary_offset + vocabulary_size]
    matrix_bytes = data[matrix_offset:matrix_offset + matrix_size]
    if (_crc(metadata_bytes), _crc(vocabulary), _crc(matrix_bytes)) != (
            metadata_crc, vocabulary_crc, matrix_crc):
        raise EmbFormatError(f"{path}: a section checksum does not match")
    # The head (the output layer's weights), the bucket rows, the labels and the row norms are not returned, but
    # checked like the rest. Absent sections have offset, size and checksum 0, which also match.
    extra_sections = []
    if version >= 3:
        head_crc, _, head_offset, head_size, _, _, _ = HEAD_FIELDS.unpack_from(data, HEADER_SIZE)
        extra_sections.append(("head", head_crc, head_offset, head_size))
    if version >= 4:
        bucket_crc, _, bucket_offset, bucket_size, _, _, _ = HEAD_FIELDS.unpack_from(data, HEADER_SIZE_V3)
        labels_crc, _, labels_offset, labels_size, _ = LABELS_FIELDS.unpack_from(
            data, HEADER_SIZE_V3 + HEAD_FIELDS.size)
        extra_sections += [("bucket", bucket_crc, bucket_offset, bucket_size),
                           ("labels", labels_crc, labels_offset, labels_size)]
    if version >= 5:
        norms_crc, _, norms_offset, norms_size, _ = LABELS_FIELDS.unpack_from(data, HEADER_SIZE_V4)
        extra_sections.append(("norms", norms_crc, norms_offset, norms_size))
    for name, crc, offset, size in extra_sections:
        if _crc(data[offset:offset + size]) != crc:
            raise EmbFormatError(f"{path}: the {name} section checksum does not match")
    ends = np.frombuffer(vocabulary, dtype="<u8", count=rows + 1)
    counts = np.frombuffer(vocabulary, dtype="<u8", count=rows, offset=8 * (rows + 1))
    blob = vocabulary[16 * rows + 8:]
    words = [blob[ends[i]:ends[i + 1]].decode("utf-8") for i in range(rows)]
    matrix = np.frombuffer(matrix_bytes, dtype=DTYPES[dtype]).reshape(rows, dims).astype(np.float32)
    return words, counts.tolist(), matrix, json.loads(metadata_bytes.decode("utf-8"))


def write_emb(path, words, counts, matrix, metadata):
    """Writes a model whose rows 2.. are `words` (without the reserved ones) with their `counts`
    and the rows of `matrix` (len(words) x dims); rows 0 and 1 are zero vectors."""
    matrix = np.asarray(matrix, dtype="<f4")
    rows, dims = len(words) + 2, matrix.shape[1]
    all_words = list(RESERVED_WORDS) + list(words)
    all_counts = [0, 0] + [int(c) for c in counts]
    encoded = [w.encode("utf-8") for w in all_words]
    ends = np.cumsum([0] + [len(w) for w in encoded], dtype=np.uint64)
    vocabulary = (ends.astype("<u8").tobytes() + np.asarray(all_counts, dtype="<u8").tobytes()
                  + b"".join(encoded))
    full_matrix = np.zeros((rows, dims), dtype="<f4")
    full_matrix[2:] = matrix
    matrix_bytes = full_matrix.tobytes()
    metadata = json.dumps(metadata, sort_keys=True, separators=(",", ":"),
                          ensure_ascii=False).encode("utf-8")

    metadata_offset = HEADER_SIZE
    vocabulary_offset = _round_up(metadata_offset + len(metadata), 8)
    matrix_offset = _round_up(vocabulary_offset + len(vocabulary), ALIGNMENT)
    file_size = matrix_offset + len(matrix_bytes)
    fields = [MAGIC, VERSION, 0, 0, ALIGNMENT, 2, rows, dims, file_size,
              metadata_offset, len(metadata), vocabulary_offset, len(vocabulary),
              matrix_offset, len(matrix_bytes), _crc(metadata), _crc(vocabulary),
              _crc(matrix_bytes), bytes(20)]
    fields[2] = _crc(HEADER.pack(*fields))
    out = bytearray(file_size)
    out[:HEADER_SIZE] = HEADER.pack(*fields)
    out[metadata_offset:metadata_offset + len(metadata)] = metadata
    out[vocabulary_offset:vocabulary_offset + len(vocabulary)] = vocabulary
    out[matrix_offset:] = matrix_bytes
    with open(path, "wb") as f:
        f.write(out)
