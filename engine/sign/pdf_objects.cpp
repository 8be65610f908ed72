#include "sign/pdf_objects.hpp"

#include <unicode/unistr.h>

#include <cstdio>

#include "core/diagnostics.hpp"

namespace vanthu::sign {

std::optional<std::string> entry(const Entries& entries, std::string_view key) {
    for (const auto& [k, v] : entries)
        if (k == key) return v;
    return std::nullopt;
}

void set_entry(Entries& entries, const std::string& key, std::string value) {
    for (auto& [k, v] : entries)
        if (k == key) {
            v = std::move(value);
            return;
        }
    entries.emplace_back(key, std::move(value));
}

std::string dictionary(const Entries& entries) {
    std::string out = "<<";
    for (const auto& [k, v] : entries) out += " /" + k + ' ' + v;
    return out + " >>";
}

int reference_number(std::string_view value) {
    int number = 0, generation = -1;
    char r = 0;
    if (std::sscanf(std::string(value).c_str(), "%d %d %c", &number, &generation, &r) != 3 ||
        r != 'R' || number <= 0)
        return 0;
    return number;
}

std::string ref(int number) { return std::to_string(number) + " 0 R"; }

std::vector<int> references(std::string_view array) {
    std::vector<int> out;
    std::string text(array);
    if (text.empty() || text.front() != '[') return out;
    text = text.substr(1);
    int number = 0, generation = 0, consumed = 0;
    const char* p = text.c_str();
    while (std::sscanf(p, " %d %d R%n", &number, &generation, &consumed) == 2) {
        out.push_back(number);
        p += consumed;
    }
    return out;
}

std::string string_bytes(std::string_view w) {
    std::string out;
    if (w.size() >= 2 && w.front() == '<') {
        int high = -1;
        for (char c : w.substr(1, w.size() - 2)) {
            int v = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
            if (v < 0) continue;  // white space
            if (high < 0) {
                high = v;
            } else {
                out += static_cast<char>(high * 16 + v);
                high = -1;
            }
        }
        if (high >= 0) out += static_cast<char>(high * 16);
        return out;
    }
    if (w.size() >= 2 && w.front() == '(') {
        for (size_t i = 1; i + 1 < w.size(); ++i) {
            char c = w[i];
            if (c != '\\' || i + 2 >= w.size()) {
                out += c;
                continue;
            }
            c = w[++i];
            switch (c) {
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case '\n':
                    break;
                default:
                    if (c >= '0' && c <= '7') {
                        int v = c - '0';
                        for (int k = 0;
                             k < 2 && i + 2 < w.size() && w[i + 1] >= '0' && w[i + 1] <= '7'; ++k)
                            v = v * 8 + (w[++i] - '0');
                        out += static_cast<char>(v);
                    } else {
                        out += c;
                    }
            }
        }
    }
    return out;
}

std::string text_string_utf8(std::string_view written) {
    const std::string bytes = string_bytes(written);
    icu::UnicodeString u;
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xfe &&
        static_cast<unsigned char>(bytes[1]) == 0xff) {
        for (size_t i = 2; i + 1 < bytes.size(); i += 2)
            u.append(static_cast<char16_t>((static_cast<unsigned char>(bytes[i]) << 8) |
                                           static_cast<unsigned char>(bytes[i + 1])));
    } else {
        for (unsigned char c : bytes) u.append(static_cast<char16_t>(c));
    }
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string unreadable_reason(std::string_view pdf, const core::Failure& failure) {
    if (!pdf.starts_with("%PDF-")) return "it is not a PDF file (it does not start with %PDF-)";
    std::string why = failure.diagnostics().front().message;
    const std::string_view prefix = "cannot finish the writer's PDF: ";
    if (why.starts_with(prefix)) why.erase(0, prefix.size());
    return "its structure cannot be read (" + why +
           "); vanthu reads PDFs with classic cross-reference tables, as it writes them";
}

}  // namespace vanthu::sign
