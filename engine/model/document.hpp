// The document as data: what an official document says and how it is structured, with no
// fonts, sizes or positions. Parse builds it; text finishes its strings; layout reads it.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/diagnostics.hpp"

namespace vanthu::model {

using core::SourceLocation;

// A string together with where it came from (template file:line:col).
struct Text {
    std::string value;
    SourceLocation where;
    bool empty() const { return value.empty(); }
};

// Byte range [begin, end) inside a paragraph's concatenated text.
struct ByteRange {
    size_t begin = 0;
    size_t end = 0;
    friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

struct InlineStyle {
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool superscript = false;
    friend bool operator==(const InlineStyle&, const InlineStyle&) = default;
};

// A stretch of text with one style. A paragraph is a sequence of them.
struct InlineRun {
    std::string text;
    InlineStyle style;
    bool nobreak = false;  // from <nobr>: never broken across lines
    // From <note>: this run is the superscript marker of footnote `note` (1-based, numbered
    // through the whole document), whose text is Document::notes[note - 1].
    int note = 0;
};

struct Paragraph {
    std::vector<InlineRun> runs;
    int list_level = 0;     // 0 for prose; 1 for a "- " item, 2 for a "+ " item (marker is in runs)
    int heading_level = 0;  // 1-5 for <h1>-<h5>; the text stage puts the numbering label first
    // <hN plain="yes">: numbered like its level but set as a body paragraph, upright (a khoản
    // without a title, "1. Hội nghị cần được …"); bold parts are written with <b>.
    bool plain_heading = false;
    // <hN keep-case="yes">: a title numbered I or A keeps the case it was typed in instead of
    // going into capitals (the outline sent with seed 000 writes "I. Đánh giá công tác …").
    bool keep_case = false;
    // <p align="center">: centred on the text width with no first-line indent (the authority
    // line and "QUYẾT ĐỊNH:" of a decision); the text stage also centres "Chương I" / "Mục 1"
    // headings, whose label and title it separates by '\n'.
    enum class Align { justify, center, left, right };
    Align align = Align::justify;
    SourceLocation where;
    // Filled by the text stage: ranges of the concatenated run text that must stay on one line.
    std::vector<ByteRange> keep_together;

    std::string plain_text() const;
};

// One cell of a table: inline text like a paragraph's, spanning `colspan` grid columns and
// `rowspan` rows from its top-left grid position.
struct TableCell {
    enum class Align { left, center, right, justify };
    std::vector<InlineRun> runs;
    int colspan = 1;
    int rowspan = 1;
    int column = 0;  // grid column of its left edge (set by parse)
    Align align = Align::left;
    bool header = false;  // from <th>: bold, centred by default
    SourceLocation where;
    // Filled by the text stage, as for a paragraph.
    std::vector<ByteRange> keep_together;

    std::string plain_text() const;
};

struct TableRow {
    std::vector<TableCell> cells;  // in grid order, skipping places covered by a rowspan above
    bool header = false;           // a <thead> row: repeated at the top of every page
    SourceLocation where;
};

// The width of one grid column, from <table widths="…">: a relative weight ("3", "1.5"), a
// fixed width in millimetres ("25mm"), or "auto" (the width of its content, see layout).
struct ColumnWidth {
    enum class Kind { relative, fixed, automatic };
    Kind kind = Kind::relative;
    double value = 1;  // the weight (relative) or millimetres (fixed); unused for automatic
    friend bool operator==(const ColumnWidth&, const ColumnWidth&) = default;
};

struct Table {
    // One per grid column, or empty for equal relative columns. With an STT column, parse
    // fills it, the STT column's being automatic unless the author's widths name it.
    std::vector<ColumnWidth> widths;
    std::vector<TableRow> rows;  // header rows first
    int header_rows = 0;
    int columns = 0;  // grid columns, after colspans and rowspans (set by parse)
    SourceLocation where;
    double font_size = 0;  // 0 = the default table text size (13 pt)
    // From <table stt="1.">: "1." or "1", the label style of the STT column that parse put
    // first in the grid (its cells are ordinary cells); empty: no STT column.
    std::string stt;
};

using Block = std::variant<Paragraph, Table>;

// A body issuing the document: its parent body (optional) and its own name, in capitals.
struct Issuer {
    Text parent;
    Text name;
};

// Marks in the header area (ND30 §2.10); empty when absent.
struct Marks {
    Text urgency;  // ô 10b: "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC" in a box under the number
    Text secrecy;  // ô 10a: "MẬT", "TỐI MẬT", "TUYỆT MẬT" above the urgency mark
    Text circulation;  // ô 11: "LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI" in a box in the top margin
    Text draft;  // "DỰ THẢO" / "Dự thảo lần 2": boxed, top left (not regulated by ND30)
};

struct Header {
    Text parent;     // cơ quan chủ quản (optional); '\n' marks a forced line break
    Text issuer;     // cơ quan ban hành; '\n' marks a forced line break
    Text number;     // running number, e.g. "576" (may be empty in drafts)
    Text symbol;     // ký hiệu, e.g. "LĐLĐ" or "KH-BTV"
    Text place;      // địa danh, e.g. "Hà Nội"
    Text date;       // ISO date "2021-10-14" (empty: left blank for a draft)
    Text type_name;  // tên loại, e.g. "Kế hoạch" (not for a công văn); written in capitals
    Text subject;    // trích yếu; for a công văn the text after "V/v "
    // Joint documents (ND30 §3): the partner bodies, listed under the host (parent/issuer).
    std::vector<Issuer> co_issuers;
    Marks marks;
    // <header place-date="no">: no place-and-date line under the motto (a biên bản, Mẫu 1.9);
    // the date still dates the document (metadata, appendix references).
    bool place_date = true;

    // Filled by the text stage.
    std::string number_line;   // "Số: 576/LĐLĐ"
    std::string date_line;     // "Hà Nội, ngày 14 tháng 10 năm 2021"
    std::string subject_line;  // "V/v Sơ kết …" for a công văn
};

struct Signature {
    std::vector<Text> titles;  // "TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH THƯỜNG TRỰC"
    Text name;                 // "Đặng Thị Phương Hoa"
    Text note;                 // optional, e.g. "(Đã ký)" for a transcription
    // Optional PNG of the signature and seal, placed over the signature space (ô 7c, ô 8).
    // The engine resolves a relative path against the data file's folder.
    Text image;
    double image_width_mm = 0;  // 0: as wide as fits the signature space's height
    SourceLocation where;
};

// An attachment with its own pages and page numbers (ND30 §2.13): "Phụ lục" (numbered I, II …
// when there are several) or its own label ("ĐỀ CƯƠNG BÁO CÁO"), a title, the italic
// "(Kèm theo …)" line, then content like the body.
struct Appendix {
    Text label;  // empty: "Phụ lục", with a Roman number when there are several (text stage)
    Text title;  // optional, bold, centred; '\n' forces a break
    Text reference;  // "(Kèm theo …)"; empty: composed from the header by the text stage
    bool place_date = false;  // repeat the header's place-and-date line above it (seed 001)
    bool landscape = false;   // its pages are A4 landscape (wide tables)
    std::vector<std::string> numbering;  // as Document::numbering
    std::vector<Block> body;
    // <appendix header="yes">: a document attached to a decision (Mẫu 1.3): its page opens with
    // the issuing body's header block without number and date line; `label` is its type name
    // ("QUY CHẾ"), `title` its summary, `reference` "(Kèm theo Quyết định số …)".
    bool own_header = false;
    // Its own signature block (no Nơi nhận) after its content, as the decision's authority signs.
    std::optional<Signature> signature;
    SourceLocation where;
};

// Mẫu 3.1: the copy block under a copied document (bản sao giấy), after a full-width rule.
struct CopyBlock {
    enum class Form { sao_y, sao_luc, trich_sao };
    Form form = Form::sao_y;
    Issuer body;  // the copying body: parent (optional) and name, in capitals
    Text number;  // the copy's running number
    Text symbol;  // the copying body's abbreviation; the text stage writes "Số: 05/SY-UBND"
    Text place;
    Text date;                     // ISO date, as Header::date
    std::vector<Text> recipients;  // Nơi nhận; "Lưu: VT." last
    Signature signature;           // the person signing the copy
    // Trích sao: the parts copied (labels of the body's headings, "Điều 2"); empty: all.
    std::vector<Text> parts;

    // Filled by the text stage.
    std::string form_line;    // "SAO Y", "SAO LỤC", "TRÍCH SAO"
    std::string number_line;  // "Số: 05/SY-UBND"
    std::string date_line;    // "Hà Nội, ngày 10 tháng 5 năm 2026"
};

struct Document {
    std::string kind;  // "cong-van"
    std::string source_file;
    Header header;
    std::vector<Text> addressees;  // Kính gửi
    std::vector<Block> body;
    // Heading numbering, one entry per level from <h1>: "A" (A.), "I" (I.), "1" (1.),
    // "1.1" (1.1.), "a" (a)), "" (no label). Empty: no automatic numbering.
    std::vector<std::string> numbering;
    std::vector<Text> recipients;  // Nơi nhận
    Text drafter;                  // ô 12: drafter initials and copies, "PL.(300)"
    Signature signature;           // the lead (host) signer: the right-hand block
    // Joint documents: the partners' signers, placed left of the lead (ND30 §3).
    std::vector<Signature> co_signatures;
    Text footer;  // ô 13: address and contacts at the foot of page 1; '\n' separates lines
    // Footnote texts, in marker order; paragraph runs carry `note` = index + 1.
    std::vector<Paragraph> notes;
    std::vector<Appendix> appendices;
    // Giấy nghỉ phép (Mẫu 1.10): the confirmation block under the closing, on the left
    // ("Xác nhận của cơ quan … nơi nghỉ phép (nếu cần)", "(Chữ ký, dấu)", "Họ và tên").
    std::optional<Signature> confirmation;
    // Bản sao (Mẫu 3.1): the copy block at the end of the copied document.
    std::optional<CopyBlock> copy;
    // Pages that fit: layout may tighten spacing, then the body size, within the decree's
    // limits so the document does not spill a few lines onto a page (<document fit="no">,
    // data vua_trang: khong, --no-fit: keep the default spacing).
    bool fit = true;
};

}  // namespace vanthu::model
