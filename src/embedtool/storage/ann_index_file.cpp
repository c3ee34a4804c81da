#include "embedtool/storage/ann_index_file.h"

#include <filesystem>

namespace embedtool {

AnnIndexFile::AnnIndexFile(const std::string& path, const AnnModelIdentity& model,
                           const std::string& model_name)
    : file_(path, MappedFile::Access::random),
      header_(decode_ann_header(file_.bytes(), file_.display_name())) {
  check_ann_matches_model(header_, model, file_.display_name(), model_name);
}

bool ann_index_present(const std::string& index_path) {
  std::error_code error;  // set for a missing file too; any other failure counts as present
  const auto status = std::filesystem::symlink_status(index_path, error);
  return status.type() != std::filesystem::file_type::not_found;
}

std::optional<AnnIndexFile> open_ann_index_beside(const std::string& model_path, const EmbHeader& model) {
  const std::string path = ann_index_path(model_path);
  if (!ann_index_present(path)) return std::nullopt;
  return AnnIndexFile(path, ann_identity_of(model), model_path);
}

}  // namespace embedtool
