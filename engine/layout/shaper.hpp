// Pango/HarfBuzz shaping and line breaking of one block of text into positioned lines.
// One Shaper per thread: Pango font maps must not be shared between threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "layout/font_set.hpp"
#include "layout/pages.hpp"
#include "layout/style.hpp"
#include "model/document.hpp"

namespace vanthu::layout {

class ShapeCache;

enum class Align { left, center, right, justify };

struct TextSpec {
    std::vector<model::InlineRun> runs;
    double size = 14;
    bool bold = false;  // base style, combined with each run's own
    bool italic = false;
    double width = 0;   // line width; 0 = never wrap
    double indent = 0;  // first-line indent (negative: hanging indent of later lines)
    Align align = Align::left;
    std::vector<model::ByteRange> keep_together;
    core::SourceLocation where;  // for messages
};

// One line: glyph runs positioned relative to the line's origin (left edge of the block, on
// the baseline), and the underlines of underlined text.
struct ShapedLine {
    std::vector<GlyphRun> runs;
    std::vector<Rule> underlines;
    double left = 0;   // x of the first glyph's logical box relative to the block's left edge
    double width = 0;  // logical width of the line's content
};

struct ShapedText {
    std::vector<ShapedLine> lines;
};

// Makes an empty configuration fontconfig's process-wide default. Shapers never use the
// default (each has a private configuration holding only its family), but Pango loads the
// system's configuration once per process, on a thread of its own, and the first shaper waits
// for it: about 6 ms here (platform-facts Q2). For a process whose only fontconfig user is the
// engine; call it before the first Shaper.
void use_empty_default_fontconfig();

class Shaper {
  public:
    explicit Shaper(const Family& family);
    ~Shaper();
    Shaper(const Shaper&) = delete;
    Shaper& operator=(const Shaper&) = delete;

    // Shapes and breaks `spec`. A character the font lacks, or an unbreakable token wider than
    // the line, is an error in `diags` (the text is still shaped so layout can go on).
    ShapedText shape(const TextSpec& spec, core::Diagnostics& diags);

    // Keeps up to `capacity` shaped texts for reuse by later shape() calls with an equal spec
    // (a batch's common paragraphs); 0 turns reuse off. Texts with problems are never kept.
    void reuse_shaped_text(size_t capacity);
    const ShapeCache* cache() const { return cache_.get(); }

    // Loads the family's faces into Pango and HarfBuzz by shaping a sample at each of `fonts`
    // (Pango makes a font, with a fontconfig match, for every size and style), so that the
    // first real text does not pay for it. Changes nothing a later shape() returns.
    void load_faces(const std::vector<Typography::FontUse>& fonts = Typography{}.part_fonts());

    // Advance width of `text` set in one line.
    double measure(const std::string& text, double size, bool bold, bool italic);

    // Index of the face in `faces`, adding it if new.
    static int face_index(std::vector<Face>& faces, const Face& f);

    const Family& family() const { return family_; }
    // Faces used by the runs this shaper produced; GlyphRun::face indexes into it.
    const std::vector<Face>& faces() const { return faces_; }

  private:
    ShapedText shape_uncached(const TextSpec& spec, core::Diagnostics& diags);

    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::unique_ptr<ShapeCache> cache_;
    const Family& family_;
    std::vector<Face> faces_;
};

}  // namespace vanthu::layout
