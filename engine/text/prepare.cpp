// The text pass over a whole document: NFC everywhere, capitals where the format wants them,
// the header's composed lines, list punctuation, and unbreakable ranges per paragraph.
#include <cstdio>
#include <string>

#include "text/detail.hpp"
#include "text/text.hpp"

namespace vanthu::text {

namespace {

using core::Diagnostics;
using core::SourceLocation;
using detail::trim;

std::optional<SourceLocation> location(const SourceLocation& where) {
    if (where.file.empty() && where.line == 0) return std::nullopt;
    return where;
}

// Checks UTF-8 (an error names the field), repairs it so later stages never see bad bytes,
// then normalises to NFC.
void clean(std::string& value, const std::string& field, const SourceLocation& where,
           Diagnostics& diags) {
    const size_t bad = first_invalid_utf8(value);
    if (bad != std::string_view::npos) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(value[bad]));
        diags.add(
            {core::Severity::error,
             "text.utf8",
             field + ": invalid UTF-8 (byte " + byte + " at offset " + std::to_string(bad) + ")",
             location(where),
             {"save the data and template files as UTF-8; text typed with TCVN3 or VNI "
              "fonts must be converted to Unicode first"}});
        value = detail::repair_utf8(value);
    }
    value = nfc(value);
}

void clean(model::Text& t, const std::string& field, Diagnostics& diags) {
    clean(t.value, field, t.where, diags);
}

// Length of the space (ASCII or NBSP) at s[i], or 0.
size_t symbol_space(std::string_view s, size_t i) {
    if (s[i] == ' ' || s[i] == '\t') return 1;
    if (s.substr(i, 2) == "\xC2\xA0") return 2;
    return 0;
}

// "KH - BTV" -> "KH-BTV", "/KH-BTV" -> "KH-BTV". Letter case is kept: type abbreviations such
// as "CTr" or "QyĐ" are lowercase in part by rule (ND30 §2.3).
std::string clean_symbol(std::string_view symbol) {
    symbol = trim(symbol);
    while (!symbol.empty() && symbol.front() == '/') symbol = trim(symbol.substr(1));
    std::string out;
    size_t i = 0;
    while (i < symbol.size()) {
        if (symbol_space(symbol, i) == 0) {
            out += symbol[i++];
            continue;
        }
        size_t j = i;
        for (size_t n; j < symbol.size() && (n = symbol_space(symbol, j)) > 0;) j += n;
        const bool after_sep = !out.empty() && (out.back() == '/' || out.back() == '-');
        const bool before_sep = j < symbol.size() && (symbol[j] == '/' || symbol[j] == '-');
        if (!after_sep && !before_sep) out.append(symbol.substr(i, j - i));
        i = j;
    }
    return out;
}

std::string number_line(std::string_view number, std::string_view symbol) {
    number = trim(number);
    const std::string sym = clean_symbol(symbol);
    if (number.empty() && sym.empty()) return {};
    if (number.empty()) return "Số:      /" + sym;  // a draft: the clerk writes the number in
    std::string num(number);
    // ND30 §2.3: numbers below 10 get one leading zero.
    if (num.size() == 1 && num[0] >= '0' && num[0] <= '9') num = "0" + num;
    return "Số: " + num + "/" + sym;
}

bool looks_like_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

std::string date_line(const model::Header& h, Diagnostics& diags) {
    const std::string_view place = trim(h.place.value);
    const std::string_view date = trim(h.date.value);
    std::string when = "ngày     tháng     năm     ";  // blanks of a draft
    if (!date.empty()) {
        if (const auto d = parse_iso_date(date)) {
            when = date_long(*d);
        } else {
            const std::string got(date);
            const std::string message =
                looks_like_iso_date(date)
                    ? "date: \"" + got + "\" is not a calendar date"
                    : "date: expected a date like 2024-05-10, got \"" + got + "\"";
            diags.add({core::Severity::error,
                       "text.date",
                       message,
                       location(h.date.where),
                       {"write the date as YYYY-MM-DD; leave it empty for a draft"}});
        }
    }
    if (place.empty()) return when;
    return std::string(place) + ", " + when;
}

bool starts_with_vv(std::string_view s) {
    return s.size() >= 3 && (s[0] == 'V' || s[0] == 'v') && s[1] == '/' &&
           (s[2] == 'V' || s[2] == 'v');
}

std::string subject_line(const std::string& kind, std::string_view subject) {
    subject = trim(subject);
    if (kind != "cong-van" || subject.empty() || starts_with_vv(subject))
        return std::string(subject);
    return "V/v " + std::string(subject);
}

// Drops a list marker the author typed ("- X", "-X", "– X").
std::string_view without_marker(std::string_view s) {
    s = trim(s);
    if (s.starts_with("-"))
        s.remove_prefix(1);
    else if (s.starts_with("\xE2\x80\x93"))  // en dash
        s.remove_prefix(3);
    else
        return s;
    return trim(s);
}

std::string_view without_end_punctuation(std::string_view s) {
    s = trim(s);
    while (!s.empty() && (s.back() == ';' || s.back() == '.' || s.back() == ',')) {
        s.remove_suffix(1);
        s = trim(s);
    }
    return s;
}

// ND30 §2.6, §2.9: one item a line, "- " in front, ";" after, "." after the last.
void punctuate_list(std::vector<model::Text>& items) {
    std::erase_if(items, [](const model::Text& t) {
        return without_end_punctuation(without_marker(t.value)).empty();
    });
    for (size_t i = 0; i < items.size(); ++i) {
        const std::string body(without_end_punctuation(without_marker(items[i].value)));
        items[i].value = "- " + body + (i + 1 == items.size() ? "." : ";");
    }
}

void prepare_addressees(std::vector<model::Text>& addressees) {
    if (addressees.size() == 1) {
        // A single addressee sits on the "Kính gửi:" line itself: no dash, no end mark.
        auto& a = addressees.front();
        const std::string_view v = trim(a.value);
        a.value = std::string(v.starts_with("- ") ? without_end_punctuation(without_marker(v))
                                                  : without_end_punctuation(v));
        return;
    }
    punctuate_list(addressees);
}

void clean_paragraph(model::Paragraph& p, size_t index, Diagnostics& diags) {
    const std::string field = "body paragraph " + std::to_string(index + 1);
    for (auto& run : p.runs) clean(run.text, field, p.where, diags);
}

// Ranges of the runs' concatenated text that must stay on one line: <nobr> runs and the
// tokens text::unbreakable_ranges finds (dates, numbers with units, symbols).
std::vector<model::ByteRange> unbreakable(const std::vector<model::InlineRun>& runs) {
    std::vector<model::ByteRange> ranges;
    std::string all;
    for (const auto& run : runs) {
        if (run.nobreak) ranges.push_back({all.size(), all.size() + run.text.size()});
        all += run.text;
    }
    const auto tokens = unbreakable_ranges(all);
    ranges.insert(ranges.end(), tokens.begin(), tokens.end());
    return merge_ranges(std::move(ranges));
}

void mark_unbreakable(model::Paragraph& p) { p.keep_together = unbreakable(p.runs); }

// A table's cells get the paragraph treatment: NFC, UTF-8 checked, unbreakable ranges.
void prepare_table(model::Table& table, size_t index, Diagnostics& diags) {
    for (size_t r = 0; r < table.rows.size(); ++r) {
        auto& row = table.rows[r];
        for (size_t c = 0; c < row.cells.size(); ++c) {
            auto& cell = row.cells[c];
            const std::string field = "body table " + std::to_string(index + 1) + ", row " +
                                      std::to_string(r + 1) + ", cell " + std::to_string(c + 1);
            for (auto& run : cell.runs) clean(run.text, field, cell.where, diags);
            cell.keep_together = unbreakable(cell.runs);
        }
    }
}

}  // namespace

model::Document prepare(model::Document doc, core::Diagnostics& diags) {
    auto& h = doc.header;
    clean(h.parent, "header.parent", diags);
    clean(h.issuer, "header.issuer", diags);
    clean(h.number, "header.number", diags);
    clean(h.symbol, "header.symbol", diags);
    clean(h.place, "header.place", diags);
    clean(h.date, "header.date", diags);
    clean(h.subject, "header.subject", diags);
    clean(h.type_name, "header.type", diags);
    h.type_name.value = upper(h.type_name.value);
    h.parent.value = upper(h.parent.value);
    h.issuer.value = upper(h.issuer.value);
    h.number_line = number_line(h.number.value, h.symbol.value);
    h.date_line = date_line(h, diags);
    h.subject_line = subject_line(doc.kind, h.subject.value);

    for (size_t i = 0; i < doc.addressees.size(); ++i)
        clean(doc.addressees[i], "addressees[" + std::to_string(i) + "]", diags);
    prepare_addressees(doc.addressees);

    for (size_t i = 0; i < doc.body.size(); ++i) {
        if (auto* p = std::get_if<model::Paragraph>(&doc.body[i])) clean_paragraph(*p, i, diags);
        if (auto* t = std::get_if<model::Table>(&doc.body[i])) prepare_table(*t, i, diags);
    }
    number_headings(doc);  // after cleaning, before measuring: labels are part of the text
    for (auto& block : doc.body)
        if (auto* p = std::get_if<model::Paragraph>(&block)) mark_unbreakable(*p);

    for (size_t i = 0; i < doc.recipients.size(); ++i)
        clean(doc.recipients[i], "recipients[" + std::to_string(i) + "]", diags);
    punctuate_list(doc.recipients);

    auto& sig = doc.signature;
    for (size_t i = 0; i < sig.titles.size(); ++i) {
        clean(sig.titles[i], "signature.titles[" + std::to_string(i) + "]", diags);
        sig.titles[i].value = upper(sig.titles[i].value);
    }
    clean(sig.name, "signature.name", diags);
    clean(sig.note, "signature.note", diags);
    return doc;
}

}  // namespace vanthu::text
