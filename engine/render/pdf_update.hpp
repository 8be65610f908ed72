// An incremental update of a PDF file (ISO 32000-2 §7.5.6): new versions of some objects,
// appended after the file's end with a cross-reference section of their own, so the writer's
// bytes stay as they are. This is how the catalog gets /Lang and /Metadata, which Cairo and
// libharu cannot write. It reads only what it needs of the writer's file: the last
// cross-reference table (classic form, as both writers make) and its trailer, and the catalog.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vanthu::render {

// What the update needs from the file it extends.
struct PdfTail {
    size_t xref_offset = 0;  // where the last cross-reference section starts
    size_t size = 0;         // the trailer's /Size: the next free object number
    int root = 0, root_generation = 0;
    int info = 0, info_generation = 0;  // 0: no /Info
    std::string first_id;               // the first /ID string's bytes, hex; empty: none
    std::map<int, size_t> offsets;      // in-use objects of the last section, by number
    bool encrypted = false;             // the trailer has /Encrypt (read_tail_chain only)
};

// Reads the end of `pdf`. Throws core::Failure (render.pdf) when the file does not end in a
// classic cross-reference table and trailer with /Root and /Size, is already an update (has
// /Prev) or is encrypted.
PdfTail read_tail(std::string_view pdf);

// The same for a file that may already carry updates (a finished or signed one): follows /Prev
// back to the first section. `offsets` holds the newest version of every in-use object,
// `xref_offset` the last section, and the other fields the last trailer; an encrypted file
// is read (`encrypted` set), not refused.
PdfTail read_tail_chain(std::string_view pdf);

// The dictionary of object `number` ("<< … >>", as written), located through `tail`. Throws
// core::Failure (render.pdf) if it is not there or is not a dictionary.
std::string object_dictionary(std::string_view pdf, const PdfTail& tail, int number);

// The top-level entries of dictionary `dict` ("<< /A 1 /B [2 3] >>"), in order, as
// (key without "/", value as written).
std::vector<std::pair<std::string, std::string>> dictionary_entries(std::string_view dict);

// `text` as a PDF text string: literal "(…)" when it is printable ASCII, else UTF-16BE hex
// with a byte-order mark.
std::string pdf_text_string(std::string_view utf8);

// One object of an update: `body` is what goes between "N G obj" and "endobj".
struct UpdatedObject {
    int number = 0;
    int generation = 0;
    std::string body;
};

// `pdf` followed by `objects`, their cross-reference section and a trailer that keeps /Root,
// /Info and the first /ID of `tail`, raises /Size to cover new numbers, points /Prev at the
// old section, and sets the second /ID to an MD5 of the result's content: same input, same
// bytes.
std::string append_update(std::string pdf, const PdfTail& tail, std::vector<UpdatedObject> objects);

}  // namespace vanthu::render
