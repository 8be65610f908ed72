// Reading and writing the few PDF objects signing touches (dictionaries as key/value lists),
// on top of render/pdf_update's scanner.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vanthu::core {
class Failure;
}

namespace vanthu::sign {

using Entries = std::vector<std::pair<std::string, std::string>>;

// The value of `key` (without "/") as written, if present.
std::optional<std::string> entry(const Entries& entries, std::string_view key);
// Sets `key` to `value`, in place if present, else at the end.
void set_entry(Entries& entries, const std::string& key, std::string value);
// "<< /K v … >>".
std::string dictionary(const Entries& entries);
// "12 0 R" -> 12; 0 when `value` is not a reference.
int reference_number(std::string_view value);
// "12 0 R".
std::string ref(int number);
// The references of a direct array "[ 1 0 R 2 0 R ]".
std::vector<int> references(std::string_view array);
// The bytes of a PDF string as written: "(…)" with its escapes, or "<hex>".
std::string string_bytes(std::string_view written);
// A text string's bytes (UTF-16BE with a byte-order mark, or PDFDocEncoding taken as
// Latin-1) as UTF-8.
std::string text_string_utf8(std::string_view written);

// Why render::read_tail_chain could not read `pdf`, in words for the user: not a PDF at all,
// or the reader's reason.
std::string unreadable_reason(std::string_view pdf, const core::Failure& failure);

}  // namespace vanthu::sign
