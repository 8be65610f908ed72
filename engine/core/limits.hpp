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

// Values in a YAML data file once its aliases (*name) are expanded, each alias counting as a
// copy of what it names: past it (a "billion laughs" makes 387 million from 1 kB) the data is
// refused with data.limit at the alias. The text in it is bounded by kInputFileBytes the same
// way. A real document holds a few thousand values.
inline constexpr size_t kDataNodes = 1'000'000;

// One text value (or key) in the data or a rows file, in bytes of UTF-8: longer ones are refused
// with data.limit naming the field. A 5,000-word table cell is about 35 kB; a YAML line longer
// than this is refused before parsing.
inline constexpr size_t kStringBytes = size_t{1} << 20;

// Rows in a rows file of vanthu batch (CSV, JSON Lines, JSON): more are refused with data.limit
// when the file is first read, before any document is made.
inline constexpr size_t kRows = 100'000;

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

// Diagnostics printed for one command (core::format_all): the rest are counted in one line
// "… and N more errors (…)". A file with 20,000 unknown fields printed 5.7 MB.
inline constexpr size_t kPrintedDiagnostics = 20;

// A signature or seal image (PNG), checked from its header before any decoding: a PNG declaring
// 16,000 × 16,000 pixels would take 1 GB and 10 s to decode. A signature scanned at 600 dpi is
// under 2 megapixels and a whole A4 page at 600 dpi 35; 25 megapixels (100 MB decoded) leaves
// room for any seal scan and refuses a page-sized one. Over either limit: layout.image.
inline constexpr long long kImagePixels = 25'000'000;
inline constexpr size_t kImageFileBytes = size_t{32} << 20;

// Nesting of arrays and dictionaries in a PDF read back (vanthu sign, vanthu verify, the
// protection pass): ISO 32000-2 Annex C expects readers to take 28 levels; past 100 the file is
// refused with render.pdf (sign.pdf for sign and verify) before the walk can exhaust the stack.
inline constexpr int kPdfNesting = 100;

// Worker processes of a batch (-j): more gain nothing on a machine of today, and each holds its
// own fonts (about 40 MB); a larger -j is lowered to it with a note.
inline constexpr int kWorkers = 64;

// Time one batch row may take in its worker (--row-timeout; 0: no limit): a document renders in
// well under a second, so a row still running after 120 s is stuck; its worker is killed, the
// row fails with batch.row-timeout, and the batch goes on.
inline constexpr double kRowSeconds = 120;

// A timestamp authority (--tsa URL) answers in well under a second; one that has not answered
// after 30 s (connecting included) is taken as unreachable, and a reply over 64 kB (a token
// with a long certificate chain is under 10 kB) is refused: both sign.tsa, nothing written.
inline constexpr long kTsaSeconds = 30;
inline constexpr size_t kTsaReplyBytes = size_t{64} << 10;

}  // namespace vanthu::core::limits
