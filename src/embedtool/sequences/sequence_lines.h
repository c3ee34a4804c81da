#pragma once
// Reading sequences, one per line of text: whitespace-separated integer ids ("3 17 0 5"), or
// text mapped to ids by a TextEncoder. This is what `pad` reads; lines come from LineReader
// (any line end, a byte-order mark, lines of any length), and every error names the input, the
// line and the byte.
#include <functional>
#include <string>
#include <vector>

#include "embedtool/sequences/padding.h"
#include "embedtool/sequences/text_encoder.h"

namespace embedtool {

// Calls `on_sequence` with each line of each input, in order ("-" is standard input), as ids:
// encoded by `text` when it is given, parsed as ids (id_sequence_parser.h) when it is null.
// An input is opened only when the ones before it are read, so that a missing file is reported
// after the rows of the files before it. Throws Error (unreadable input, bad id, invalid UTF-8
// with a strict tokenizer), or whatever `on_sequence` throws.
void for_each_sequence_line(const std::vector<std::string>& inputs, const TextEncoder* text,
                            const std::function<void(Sequence&&)>& on_sequence);

}  // namespace embedtool
