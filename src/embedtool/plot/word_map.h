#pragma once
// The picture of a word map: each word a dot at its coordinates on the first two principal
// components of the words' vectors (pca_projection.h), named by a label placed where it covers
// no other (label_placement.h). Both axes have the same scale, so distances on the page are
// distances between the projected points; the coordinates themselves mean nothing (their units
// are arbitrary), so the axes carry no ticks, only how much of the spread each explains.
#include <string>
#include <vector>

#include "embedtool/plot/chart_panel.h"
#include "embedtool/plot/pca_projection.h"

namespace embedtool {

// `words[i]` is drawn at projection.points row i. `title` heads the picture; `about` says what
// was projected (e.g. "the 100 most frequent words of model.emb").
std::string word_map_svg(const std::vector<std::string>& words, const PcaProjection& projection,
                         const ChartSize& size, const std::string& title, const std::string& about);

}  // namespace embedtool
