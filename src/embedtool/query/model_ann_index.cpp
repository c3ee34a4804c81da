#include "embedtool/query/model_ann_index.h"

#include "embedtool/storage/mapped_model.h"

namespace embedtool {

std::optional<ModelAnnIndex> open_model_ann_index(const std::string& model_path, const VectorTable& table,
                                                  unsigned threads) {
  const auto* model = dynamic_cast<const MappedModel*>(&table);
  if (model == nullptr || model->rows() != model->header().rows) return std::nullopt;
  std::optional<AnnIndexFile> file = open_ann_index_beside(model_path, model->header());
  if (!file) return std::nullopt;
  auto pinned = std::make_unique<AnnIndexFile>(std::move(*file));
  AnnSearch search(model->scattered_rows(), pinned->graph(), threads);
  return ModelAnnIndex{std::move(pinned), std::move(search)};
}

}  // namespace embedtool
