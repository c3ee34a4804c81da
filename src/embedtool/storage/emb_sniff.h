#pragma once
// Telling an .emb model by its first bytes, for the commands that expect something else (a text
// corpus) and would otherwise report a model as invalid UTF-8 at byte 0.
#include <string>

namespace embedtool {

// True when `path` is a regular file that starts with the .emb magic. Pipes and standard input
// ("-") are never read here: their first bytes belong to whoever reads them next.
bool is_emb_model_file(const std::string& path);

}  // namespace embedtool
