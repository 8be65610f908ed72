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

// A signature or seal image (PNG), checked from its header before any decoding: a PNG declaring
// 16,000 × 16,000 pixels would take 1 GB and 10 s to decode. A signature scanned at 600 dpi is
// under 2 megapixels and a whole A4 page at 600 dpi 35; 25 megapixels (100 MB decoded) leaves
// room for any seal scan and refuses a page-sized one. Over either limit: layout.image.
inline constexpr long long kImagePixels = 25'000'000;
inline constexpr size_t kImageFileBytes = size_t{32} << 20;

// Worker processes of a batch (-j): more gain nothing on a machine of today, and each holds its
// own fonts (about 40 MB); a larger -j is lowered to it with a note.
inline constexpr int kWorkers = 64;

// Time one batch row may take in its worker (--row-timeout; 0: no limit): a document renders in
// well under a second, so a row still running after 120 s is stuck; its worker is killed, the
// row fails with batch.row-timeout, and the batch goes on.
inline constexpr double kRowSeconds = 120;

}  // namespace vanthu::core::limits
