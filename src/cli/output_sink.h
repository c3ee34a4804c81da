#pragma once
// The CLI's old name for formats/output_file.h (standard output or a file written atomically),
// kept only for the subcommands that still include it (pad, vocab); new code uses OutputFile.
#include "embedtool/formats/output_file.h"

namespace embedtool::cli {

using OutputSink = OutputFile;

}  // namespace embedtool::cli
