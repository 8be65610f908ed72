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
struct Cluster {
    int bytes = 0;
    int glyphs = 0;
};

struct GlyphRun {
    int face = 0;     // index into Pages::faces
    double size = 0;  // em size in points
    double x = 0;     // left edge of the run's logical box
    double baseline = 0;
    double width = 0;  // advance width of the run
    std::string text;  // UTF-8, NFC
    std::vector<Glyph> glyphs;
    std::vector<Cluster> clusters;
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

struct Page {
    double width = 0;
    double height = 0;
    std::string label;  // the page's number as printed ("1", "2", …), counted per section
    int section = 0;    // 0: the main document; k: appendix k (its pages are numbered from 1)
    std::vector<Item> items;
};

// What the document says about itself, for the PDF's information dictionary.
struct Metadata {
    std::string title;
    std::string author;
    std::string subject;
    std::string keywords;
    std::string creation_date;  // ISO "YYYY-MM-DD" or empty
};

struct Pages {
    std::vector<Face> faces;
    std::vector<Page> pages;
    Metadata metadata;
};

}  // namespace vanthu::layout
