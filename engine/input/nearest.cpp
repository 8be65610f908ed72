#include "input/nearest.hpp"

#include <algorithm>

namespace vanthu::input {

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::optional<std::string> nearest_name(const std::string& word,
                                        const std::vector<std::string>& known) {
    std::optional<std::string> best;
    size_t best_distance = 3;  // at most 2 edits
    for (const auto& k : known) {
        const std::string& shorter = word.size() < k.size() ? word : k;
        const std::string& longer = word.size() < k.size() ? k : word;
        const bool prefix = shorter.size() >= 3 && longer.compare(0, shorter.size(), shorter) == 0;
        const size_t d = prefix ? 2 : edit_distance(word, k);
        if (d < best_distance && d < std::max(word.size(), k.size())) {
            best = k;
            best_distance = d;
        }
    }
    return best;
}

}  // namespace vanthu::input
