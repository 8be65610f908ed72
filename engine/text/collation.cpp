// Vietnamese sorting with ICU's "vi" collator (platform Q5: đ after d, ơ after ô after o,
// ư after u; byte order and the root collation get these wrong).
#include <unicode/coll.h>
#include <unicode/locid.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <stdexcept>

#include "text/detail.hpp"
#include "text/text.hpp"

namespace vanthu::text {

namespace {

// One collator per thread (creating one is cheap after the first: ICU caches the tailoring).
icu::Collator& collator() {
    thread_local const std::unique_ptr<icu::Collator> coll = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
        if (U_FAILURE(status) || !c)
            throw std::runtime_error("ICU: Vietnamese collator unavailable");
        // Inputs are normalised to NFC first; this also covers a mix that NFC leaves unordered.
        c->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU: collator setup failed");
        return c;
    }();
    return *coll;
}

std::string sort_key(const icu::UnicodeString& u) {
    icu::Collator& c = collator();
    const int32_t n = c.getSortKey(u, nullptr, 0);
    std::string key(static_cast<size_t>(n), '\0');
    c.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), n);
    return key;
}

}  // namespace

int compare_vi(std::string_view a, std::string_view b) {
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult r =
        collator().compare(detail::to_utf16(nfc(a)).text, detail::to_utf16(nfc(b)).text, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: collation failed");
    return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

void sort_vi(std::vector<std::string>& items) {
    std::vector<std::string> keys;
    keys.reserve(items.size());
    for (std::string& item : items) {
        item = nfc(detail::repair_utf8(item));
        keys.push_back(sort_key(detail::to_utf16(item).text));
    }
    std::vector<size_t> order(items.size());
    std::iota(order.begin(), order.end(), size_t{0});
    // Sort keys compare as unsigned bytes; std::string compares chars as unsigned too.
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return keys[x] < keys[y]; });
    std::vector<std::string> sorted;
    sorted.reserve(items.size());
    for (const size_t i : order) sorted.push_back(std::move(items[i]));
    items = std::move(sorted);
}

}  // namespace vanthu::text
