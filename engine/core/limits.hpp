// The engine's limits on its input, in one place (as HarfBuzz's hb-limits.hh): every reader
// takes them from here, and docs/cli.md lists each with the error it gives.
#pragma once

#include <cstddef>

namespace vanthu::core::limits {

// Nesting of lists and objects in a data file, a rows file's row or a manifest (JSON and
// YAML): deeper data is refused with data.syntax before anything walks it recursively.
inline constexpr int kDataNesting = 200;

// A file read whole (data, a rows file, a template's files, a manifest): larger ones are refused
// before reading (data.io, template.*), and a pipe is read only up to it.
inline constexpr size_t kInputFileBytes = size_t{256} << 20;

// Nesting of inline marks (**bold**, *italic*, __underline__) inside one another in a text of
// the data: deeper marks are refused with template.helper. Real documents nest two or three.
inline constexpr int kInlineNesting = 32;

// Resolution of preview page images (PNG), in dots per inch: 600 dpi makes an A4 page of
// 35 million pixels; a value outside the range, or not a number, is refused with render.dpi.
inline constexpr double kPreviewDpiMin = 18;
inline constexpr double kPreviewDpiMax = 600;

// A PDF password (AES-256, ISO 32000-2 §7.6.4.3.3): readers use only its first 127 bytes
// of UTF-8, so a longer one would not open the file as typed; refused with render.protect.
inline constexpr size_t kPasswordBytes = 127;

// Pages of one document, appendices included: a longer one is refused with
// layout.too-many-pages after page breaking, before anything is drawn or written (a table row
// or a text of hundreds of thousands of words would otherwise make a PDF of that many pages).
inline constexpr size_t kPages = 2000;

}  // namespace vanthu::core::limits
