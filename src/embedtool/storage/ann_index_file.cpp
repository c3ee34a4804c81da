#include "embedtool/storage/ann_index_file.h"

#include <filesystem>

namespace embedtool {

AnnIndexFile::AnnIndexFile(const std::string& path, const AnnModelIdentity& model,
                           const std::string& model_name)
    : file_(path, MappedFile::Access::random),
      header_(decode_ann_header(file_.bytes(), file_.display_name())) {
  check_ann_matches_model(header_, model, file_.display_name(), model_name);
}

std::optional<AnnIndexFile> open_ann_index_beside(const std::string& model_path, const EmbHeader& model) {
  const std::string path = ann_index_path(model_path);
  std::error_code error;
  // Anything at that name but a missing file is opened, so that a folder or an unreadable file
  // is named in an error rather than silently searched without.
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, error)) && !error) return std::nullopt;
  return AnnIndexFile(path, ann_identity_of(model), model_path);
}

}  // namespace embedtool
