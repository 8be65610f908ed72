// The neutral page description that layout produces and every writer reads: positioned glyph
// runs with their text, rules and nothing a writer would have to measure.
// Units: points; origin at the top-left corner of the page; y grows downwards.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace vanthu::layout {

// A font file as used on the pages. Writers load it by path; glyph ids index into it.
struct Face {
    std::string file;
    std::string family;
    bool bold = false;
    bool italic = false;
    friend bool operator==(const Face&, const Face&) = default;
};

struct Glyph {
    uint32_t id = 0;
    double x = 0;  // absolute position of the glyph origin on the baseline
    double y = 0;
};

// Consecutive glyphs and the bytes of text they show (for copy/paste and search in viewers).
// A run's clusters follow its text; see GlyphRun::backward for the order of its glyphs.
struct Cluster {
    int bytes = 0;
    int glyphs = 0;
};

struct GlyphRun {
    int face = 0;     // index into Pages::faces
    double size = 0;  // em size in points
    double x = 0;     // left edge of the run's logical box
    double baseline = 0;
    double width = 0;           // advance width of the run
    std::string text;           // UTF-8, NFC
    std::vector<Glyph> glyphs;  // in visual order, left to right
    std::vector<Cluster> clusters;
    // A right-to-left run (Hebrew, Arabic): its glyphs are the reverse of its text, so the
    // first cluster covers the last glyphs (cairo's CAIRO_TEXT_CLUSTER_FLAG_BACKWARD).
    bool backward = false;
};

// A straight line (header rules, underlines, table borders).
struct Rule {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double thickness = 0.5;
};

// A PNG drawn scaled into a box (the signature and seal image over a signer's block).
struct Image {
    std::string file;              // the PNG's path, as layout found it
    double x = 0, y = 0;           // top-left corner of the box
    double width = 0, height = 0;  // the box; the whole image is scaled into it
};

using Item = std::variant<GlyphRun, Rule, Image>;

// Where a signer signs (ô 7c, ô 8): the space between the last title line and the name, as wide
// as the signer's block. A digital signature's widget goes over it.
struct SignatureSpace {
    double x = 0, y = 0;  // top-left corner
    double width = 0, height = 0;
    std::string signer;  // the name printed under it
    bool image = false;  // the data draws a signature image in it (anh_chu_ky)
};

struct Page {
    double width = 0;
    double height = 0;
    std::string label;  // the page's number as printed ("1", "2", …), counted per section
    int section = 0;    // 0: the main document; k: appendix k (its pages are numbered from 1)
    // Put before `label` in the PDF's page label: "PL I-" on the pages of appendix I, so a
    // viewer shows "PL I-2" where the page prints 2. Empty on the main document's pages.
    std::string label_prefix;
    std::vector<Item> items;
    std::vector<SignatureSpace> signature_spaces;  // in the order the blocks were laid out
};

// A bookmark: a heading or an appendix, at the top of its first line.
struct OutlineEntry {
    std::string title;
    int level = 1;  // 1: a top heading or an appendix; an appendix's headings are one deeper
    size_t page = 0;
    double y = 0;
};

// The Decree 30 record of the document, for the PDF's XMP metadata: what an e-office system
// files it under without reading the text. Empty fields are left out.
struct Record {
    std::string number;   // "576"
    std::string symbol;   // "LĐLĐ"
    std::string date;     // ISO "YYYY-MM-DD"
    std::string issuer;   // the issuing body, on one line
    std::string type;     // "KẾ HOẠCH"; empty for a công văn
    std::string summary;  // the trích yếu
    std::string signer;   // the lead signer's name
    std::string urgency;  // "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC" or empty
    std::string secrecy;  // the secrecy mark or empty
};

// What the document says about itself, for the PDF's information dictionary and XMP.
struct Metadata {
    std::string title;
    std::string author;
    std::string subject;
    std::string keywords;
    std::string creation_date;  // ISO "YYYY-MM-DD" or empty
    std::string language = "vi-VN";
    Record record;
};

struct Pages {
    std::vector<Face> faces;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;  // in reading order
    Metadata metadata;
};

}  // namespace vanthu::layout
