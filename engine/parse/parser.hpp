// The markup reader behind parse(): one class whose members are defined by subject in
// parse.cpp (document, header, signature, appendix, blocks), parse_table.cpp and parse_inline.cpp
// (fields, paragraphs, inline styles, footnotes). Internal to the parse stage.
#pragma once

#include <pugixml.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "expand/expand.hpp"
#include "model/document.hpp"
#include "parse/table_grid.hpp"

namespace vanthu::parse::detail {

bool is_blank(std::string_view s);
// Collapses runs of XML white space into one space, as HTML does for inline text.
std::string collapse_spaces(std::string_view s);
std::string trim(std::string s);

class Parser {
  public:
    Parser(const expand::Expanded& expanded, core::Diagnostics& diags)
        : expanded_(expanded), diags_(diags) {}

    model::Document run();

  private:
    core::SourceLocation where(size_t offset) const {
        return expanded_.map.locate(expanded_.text, offset);
    }

    core::SourceLocation where(const pugi::xml_node& n) const {
        return where(static_cast<size_t>(std::max<ptrdiff_t>(0, n.offset_debug())));
    }

    // Whitespace between elements and comments carry nothing; other text there is an error.
    bool skip_blank(const pugi::xml_node& n);

    void unknown_element(const pugi::xml_node& n, std::string_view parent);

    void check_attributes(const pugi::xml_node& n, std::initializer_list<std::string_view> known);

    void require(const pugi::xml_node& root, const model::Text& t, std::string_view path);

    // A one-line field: text with <br/> as a forced line break, no inline styles.
    model::Text read_field(const pugi::xml_node& n);

    void read_header(const pugi::xml_node& n, model::Header& h);

    // <co-issuer><parent>…</parent><issuer>…</issuer></co-issuer>: a partner of a joint document.
    void read_co_issuer(const pugi::xml_node& n, model::Issuer& issuer);

    // yes/no attribute values.
    bool read_flag(const pugi::xml_node& n, const char* name);

    // <appendix numbering="I 1" orientation="landscape" place-date="yes" header="yes">: <label>,
    // <title> and <reference> lines, then content as in <body>, then optionally its own
    // <signature> as the last element (a document attached to a decision, Mẫu 1.3).
    void read_appendix(const pugi::xml_node& n, model::Appendix& a);

    void read_items(const pugi::xml_node& n, std::vector<model::Text>& items);

    void read_signature(const pugi::xml_node& n, model::Signature& s);
    // The <title>, <note> and <name> children of a signer's block (<signature>, <confirmation>).
    void read_signer_lines(const pugi::xml_node& n, model::Signature& s, const char* element);

    // <confirmation> after <signature> (giấy nghỉ phép, Mẫu 1.10): one or more <title> lines,
    // an optional <note> ("(Chữ ký, dấu)") and <name>; `signed_before`: a <signature> came first.
    void read_confirmation(const pugi::xml_node& n, model::Document& doc, bool signed_before);

    // numbering="I 1 1.1": the label style of <h1>, <h2>, <h3>.
    void read_numbering(const pugi::xml_node& n, std::vector<std::string>& out);

    // <p align="center|left|right|justify">; justify (the default) also for a wrong value, which
    // is reported.
    model::Paragraph::Align read_align(const pugi::xml_node& n);

    void read_body(const pugi::xml_node& n, model::Document& doc);

    // A content element (<h1>…<h5>, <p>, <ul>, <table>) appended to `body`; false for others.
    bool read_block(const pugi::xml_node& c, std::vector<model::Block>& body);

    // <ul><li>…</li></ul>: each item is a paragraph opened by "- " (level 1) or "+ " (level 2),
    // the way Vietnamese offices write lists (plain characters, no bullet glyphs).
    void read_list(const pugi::xml_node& n, int level, std::vector<model::Block>& body);

    // <table widths="1 25mm auto" size="12" stt="1." stt-title="STT" align="left right">:
    // <thead> rows (repeated on every page), then <tbody> rows or bare <tr>; cells <th>/<td>
    // with colspan, rowspan and align. The column attributes are read in table_grid.cpp.
    void read_table(const pugi::xml_node& n, std::vector<model::Block>& body);

    void read_table_rows(const pugi::xml_node& n, bool header, TableDraft& draft);

    int read_span(const pugi::xml_node& cell, const char* name);

    // <tr stt="no">: a body row left out of the STT numbering (a group or total row).
    void read_row(const pugi::xml_node& n, bool header, TableDraft& draft);

    void push_paragraph(std::vector<model::Block>& body, model::Paragraph p);

    model::Paragraph read_paragraph(const pugi::xml_node& n, int level, bool stop_at_list = false,
                                    bool check = true);

    void read_inline(const pugi::xml_node& n, model::InlineStyle style, bool nobreak,
                     std::vector<model::InlineRun>& p, bool skip_lists);

    // <note>…</note>: the footnote's text goes to the document's notes; its number, superscript,
    // stays in the text where the note was written.
    void read_note(const pugi::xml_node& n, std::vector<model::InlineRun>& runs);

    static void append_run(std::vector<model::InlineRun>& runs, std::string text,
                           model::InlineStyle style, bool nobreak);

    // Spaces were collapsed per text node; now drop leading/trailing space of the paragraph and
    // double spaces where two runs meet.
    static void normalise_spaces(std::vector<model::InlineRun>& runs);

    const expand::Expanded& expanded_;
    core::Diagnostics& diags_;
    std::vector<model::Paragraph> notes_;
    bool in_note_ = false;
};

}  // namespace vanthu::parse::detail
