// The text pass over a whole document: NFC everywhere, capitals where the format wants them,
// the header's composed lines, list punctuation, and unbreakable ranges per paragraph.
#include <algorithm>
#include <array>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <utility>

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
// refuses characters a document may not hold (first_refused_character), then normalises to NFC.
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
    } else if (auto refused = first_refused_character(value)) {
        // The data was checked with its paths when it was read; this finds what a template
        // itself put there.
        diags.add({core::Severity::error, refused->code, field + " contains " + describe(*refused),
                   location(where), std::move(refused->hints)});
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

// "ngày 14 tháng 10 năm 2021", with blanks for the parts not known yet ("ngày     tháng     năm
// 2026" before issuance), all blank for an empty date; `field` names it in messages.
std::string long_date(const model::Text& date, const std::string& field, Diagnostics& diags) {
    const std::string_view value = trim(date.value);
    if (value.empty()) return "ngày     tháng     năm     ";  // blanks of a draft
    if (const auto d = parse_partial_date(value)) return date_long(*d);
    diags.add({core::Severity::error,
               "text.date",
               field + ": " + date_problem(value) + ", got \"" + std::string(value) + "\"",
               location(date.where),
               {"write the date as YYYY-MM-DD, or YYYY-MM or YYYY while the day is not known; "
                "leave it empty for a draft"}});
    return "ngày     tháng     năm     ";
}

std::string date_line(const model::Text& place_text, const model::Text& date,
                      const std::string& field, Diagnostics& diags) {
    const std::string_view place = trim(place_text.value);
    const std::string when = long_date(date, field, diags);
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

void clean_paragraph(model::Paragraph& p, size_t index, Diagnostics& diags,
                     const std::string& part = "body") {
    const std::string field = part + " paragraph " + std::to_string(index + 1);
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

void clean_blocks(std::vector<model::Block>& blocks, const std::string& part, Diagnostics& diags) {
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (auto* p = std::get_if<model::Paragraph>(&blocks[i]))
            clean_paragraph(*p, i, diags, part);
        if (auto* t = std::get_if<model::Table>(&blocks[i])) prepare_table(*t, i, diags);
    }
}

void mark_unbreakable(std::vector<model::Block>& blocks) {
    for (auto& block : blocks)
        if (auto* p = std::get_if<model::Paragraph>(&block)) mark_unbreakable(*p);
}

// ND30 §2.8: authority prefixes are "TM.", "KT.", "TL.", "TUQ.", "Q."; the slash forms
// "T/M", "K/T", "T/L" belong to the Party's format.
void check_signature_prefix(const model::Text& title, Diagnostics& diags) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> party = {
        {{"T/M", "TM."}, {"K/T", "KT."}, {"T/L", "TL."}, {"T/U/Q", "TUQ."}}};
    const std::string_view v = trim(title.value);
    for (const auto& [slash, dot] : party)
        if (v.starts_with(slash))
            diags.add({core::Severity::error,
                       "text.signature-prefix",
                       "signature title \"" + std::string(v) + "\" uses the Party form \"" +
                           std::string(slash) + "\"",
                       location(title.where),
                       {"Decree 30 writes \"" + std::string(dot) + "\" (§2.8)"}});
}

void prepare_signature(model::Signature& sig, const std::string& field, Diagnostics& diags) {
    for (size_t i = 0; i < sig.titles.size(); ++i) {
        clean(sig.titles[i], field + ".titles[" + std::to_string(i) + "]", diags);
        sig.titles[i].value = upper(sig.titles[i].value);
        if (i == 0) check_signature_prefix(sig.titles[i], diags);
    }
    clean(sig.name, field + ".name", diags);
    clean(sig.note, field + ".note", diags);
    clean(sig.image, field + ".image", diags);
}

// The italic line under an appendix's title (ND30 §2.13): "(Kèm theo Kế hoạch số 05/KH-BTV
// ngày 10 tháng 5 năm 2024)", from the header when the template gives none. A document attached
// to a decision (Mẫu 1.3) names the issuing body too: "… năm 2026 của Ủy ban nhân dân thành
// phố Hà Nội)", as it was typed (`issuer`), not in capitals.
std::string appendix_reference(const model::Document& doc, const std::string& type_name,
                               const std::string& issuer = {}) {
    const auto& h = doc.header;
    std::string line = "(Kèm theo ";
    line += doc.kind == "cong-van" ? std::string("Công văn")
            : type_name.empty()    ? std::string("Văn bản")
                                   : sentence_case(type_name);
    const size_t colon = h.number_line.find(':');
    if (colon != std::string::npos) {
        std::string_view number = std::string_view(h.number_line).substr(colon + 1);
        if (number.starts_with(' ')) number.remove_prefix(1);  // a draft keeps its blank
        line += " số " + std::string(number);
    }
    const auto date = parse_partial_date(trim(h.date.value));
    line += " " + (date ? date_long(*date) : std::string("ngày     tháng     năm     "));
    if (!issuer.empty()) {
        std::string of(trim(issuer));
        std::replace(of.begin(), of.end(), '\n', ' ');
        line += " của " + of;
    }
    return line + ")";
}

void prepare_appendix(model::Appendix& a, size_t index, size_t count, const model::Document& doc,
                      const std::string& type_name, const std::string& issuer, Diagnostics& diags) {
    const std::string part = "appendix " + std::to_string(index + 1);
    clean(a.label, part + ".label", diags);
    clean(a.title, part + ".title", diags);
    clean(a.reference, part + ".reference", diags);
    // Mẫu 2.1 and ND30 §2.13 write "Phụ lục" in normal case (bold, 14 pt, by layout); a label
    // the data gives, such as "PHỤ LỤC" (seed 001) or a type name ("ĐỀ CƯƠNG"), is in capitals.
    a.label.value = a.label.empty() ? (count > 1 ? "Phụ lục " + roman(static_cast<int>(index) + 1)
                                                 : std::string("Phụ lục"))
                                    : upper(a.label.value);
    if (a.reference.empty())
        a.reference.value = appendix_reference(doc, type_name, a.own_header ? issuer : "");
    else if (!trim(a.reference.value).starts_with("("))
        a.reference.value = "(" + std::string(trim(a.reference.value)) + ")";
    clean_blocks(a.body, part, diags);
    if (a.signature) prepare_signature(*a.signature, part + ".signature", diags);
}

// The copy block (Mẫu 3.1): the copying body in capitals, "SAO Y" / "SAO LỤC" / "TRÍCH SAO",
// "Số: 05/SY-UBND", its date line and Nơi nhận; a trích sao keeps only the parts it names.
void prepare_copy(model::Document& doc, Diagnostics& diags) {
    model::CopyBlock& c = *doc.copy;
    using Form = model::CopyBlock::Form;
    clean(c.body.parent, "ban_sao.co_quan_chu_quan", diags);
    clean(c.body.name, "ban_sao.co_quan", diags);
    clean(c.number, "ban_sao.so", diags);
    clean(c.symbol, "ban_sao.ky_hieu", diags);
    clean(c.place, "ban_sao.dia_danh", diags);
    clean(c.date, "ban_sao.ngay", diags);
    c.body.parent.value = upper(c.body.parent.value);
    c.body.name.value = upper(c.body.name.value);
    c.form_line = c.form == Form::sao_y     ? "SAO Y"
                  : c.form == Form::sao_luc ? "SAO LỤC"
                                            : "TRÍCH SAO";
    // Điều 25, Mẫu 3.1: the copy's number, then SY, SL or TrS and the copying body's symbol.
    const std::string kind = c.form == Form::sao_y ? "SY" : c.form == Form::sao_luc ? "SL" : "TrS";
    const std::string symbol = clean_symbol(c.symbol.value);
    c.number_line = number_line(c.number.value, symbol.empty() ? kind : kind + "-" + symbol);
    c.date_line = date_line(c.place, c.date, "ban_sao.ngay", diags);
    for (size_t i = 0; i < c.recipients.size(); ++i)
        clean(c.recipients[i], "ban_sao.noi_nhan[" + std::to_string(i) + "]", diags);
    punctuate_list(c.recipients);
    prepare_signature(c.signature, "ban_sao.chuc_danh", diags);
    for (size_t i = 0; i < c.parts.size(); ++i)
        clean(c.parts[i], "ban_sao.trich[" + std::to_string(i) + "]", diags);
    if (c.form != Form::trich_sao || c.parts.empty()) return;
    std::vector<std::string> labels;
    const auto missing_parts = detail::keep_parts(doc.body, c.parts, labels);
    if (missing_parts.empty()) detail::renumber_notes(doc);
    for (const auto& missing : missing_parts) {
        std::string known;
        for (size_t i = 0; i < labels.size() && i < 20; ++i)
            known += (known.empty() ? "" : ", ") + labels[i];
        diags.add({core::Severity::error,
                   "text.copy-part",
                   "ban_sao.trich: the body has no part \"" + missing + "\"",
                   location(c.parts.front().where),
                   {labels.empty() ? std::string("the body has no headings to copy by")
                                   : "its headings: " + known + (labels.size() > 20 ? ", …" : ""),
                    "name a part by its heading's label, as printed: Điều 2, II, 1"}});
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
    // As written, for appendix references.
    const std::string type_name = h.type_name.value;
    const std::string issuer = h.issuer.value;
    h.type_name.value = upper(h.type_name.value);
    h.parent.value = upper(h.parent.value);
    h.issuer.value = upper(h.issuer.value);
    for (size_t i = 0; i < h.co_issuers.size(); ++i) {
        auto& co = h.co_issuers[i];
        const std::string field = "header.co_issuers[" + std::to_string(i) + "]";
        clean(co.parent, field + ".parent", diags);
        clean(co.name, field + ".issuer", diags);
        co.parent.value = upper(co.parent.value);
        co.name.value = upper(co.name.value);
    }
    auto& marks = h.marks;
    for (const auto& [mark, field] : std::initializer_list<std::pair<model::Text*, const char*>>{
             {&marks.urgency, "header.urgency"},
             {&marks.secrecy, "header.secrecy"},
             {&marks.circulation, "header.circulation"},
             {&marks.draft, "header.draft"}}) {
        clean(*mark, field, diags);
        mark->value = upper(mark->value);
    }
    h.number_line = number_line(h.number.value, h.symbol.value);
    h.date_line = date_line(h.place, h.date, "date", diags);  // checked even where not printed
    if (!h.place_date) h.date_line.clear();
    h.subject_line = subject_line(doc.kind, h.subject.value);

    for (size_t i = 0; i < doc.addressees.size(); ++i)
        clean(doc.addressees[i], "addressees[" + std::to_string(i) + "]", diags);
    prepare_addressees(doc.addressees);

    clean_blocks(doc.body, "body", diags);
    for (size_t i = 0; i < doc.appendices.size(); ++i)
        prepare_appendix(doc.appendices[i], i, doc.appendices.size(), doc, type_name, issuer,
                         diags);
    number_headings(doc);  // after cleaning, before measuring: labels are part of the text
    if (doc.copy) prepare_copy(doc, diags);  // parts are found by their labels
    mark_unbreakable(doc.body);
    for (auto& appendix : doc.appendices) mark_unbreakable(appendix.body);
    for (size_t i = 0; i < doc.notes.size(); ++i) {
        clean_paragraph(doc.notes[i], i, diags, "footnote");
        mark_unbreakable(doc.notes[i]);
    }

    for (size_t i = 0; i < doc.recipients.size(); ++i)
        clean(doc.recipients[i], "recipients[" + std::to_string(i) + "]", diags);
    punctuate_list(doc.recipients);

    clean(doc.drafter, "drafter", diags);
    clean(doc.footer, "footer", diags);
    prepare_signature(doc.signature, "signature", diags);
    for (size_t i = 0; i < doc.co_signatures.size(); ++i)
        prepare_signature(doc.co_signatures[i], "co_signatures[" + std::to_string(i) + "]", diags);
    if (doc.confirmation) {  // its title is printed as written, not in capitals
        for (size_t i = 0; i < doc.confirmation->titles.size(); ++i)
            clean(doc.confirmation->titles[i], "confirmation.titles[" + std::to_string(i) + "]",
                  diags);
        clean(doc.confirmation->note, "confirmation.note", diags);
        clean(doc.confirmation->name, "confirmation.name", diags);
    }

    // M3 (§6): a draft carries no number and date yet.
    if (!marks.draft.empty() && !trim(h.number.value).empty() && !trim(h.date.value).empty())
        diags.add({core::Severity::warning,
                   "text.draft-numbered",
                   "the document is marked \"" + marks.draft.value +
                       "\" but already has a number and a date",
                   location(marks.draft.where),
                   {"a draft is numbered and dated only when it is signed (Decree 30, Điều 15)"}});
    return doc;
}

}  // namespace vanthu::text
