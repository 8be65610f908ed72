#include "render/pdf_update.hpp"

#include <glib.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"

namespace vanthu::render {
namespace {

[[noreturn]] void fail(const std::string& message) {
    throw core::Failure(core::Diagnostic{
        core::Severity::error, "render.pdf", "cannot finish the writer's PDF: " + message, {}, {}});
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool is_delimiter(char c) {
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
           c == '}' || c == '/' || c == '%';
}

// Just enough of the PDF syntax (ISO 32000-2 §7.2, §7.3) to walk objects without knowing them.
class Scanner {
  public:
    Scanner(std::string_view s, size_t at) : s_(s), i_(at) {}

    size_t at() const { return i_; }
    bool done() { return skip_space(), i_ >= s_.size(); }
    bool next_is(std::string_view t) { return skip_space(), s_.substr(i_).starts_with(t); }

    // A run of regular characters: a number, a keyword or (after '/') a name's letters.
    std::string_view word() {
        skip_space();
        const size_t b = i_;
        while (i_ < s_.size() && !is_space(s_[i_]) && !is_delimiter(s_[i_])) ++i_;
        return s_.substr(b, i_ - b);
    }

    long long integer(const char* what) {
        const auto w = word();
        long long v = 0;
        auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
        if (ec != std::errc() || end != w.data() + w.size() || w.empty())
            fail(std::string("expected ") + what + " at byte " + std::to_string(i_));
        return v;
    }

    void expect(std::string_view t) {
        if (!next_is(t)) fail("expected \"" + std::string(t) + "\" at byte " + std::to_string(i_));
        i_ += t.size();
    }

    // Skips one direct object and returns it as written; arrays and dictionaries deeper than
    // core::limits::kPdfNesting are refused before the recursion can exhaust the stack.
    std::string_view object(int depth = 0) {
        if (depth > core::limits::kPdfNesting)
            fail("arrays and dictionaries nested more than " +
                 std::to_string(core::limits::kPdfNesting) + " deep at byte " + std::to_string(i_));
        skip_space();
        const size_t b = i_;
        if (i_ >= s_.size()) fail("unexpected end of file");
        const char c = s_[i_];
        if (s_.substr(i_).starts_with("<<")) {
            i_ += 2;
            while (!next_is(">>")) {
                if (done()) fail("unterminated dictionary");
                object(depth + 1);
            }
            i_ += 2;
        } else if (c == '[') {
            ++i_;
            while (!next_is("]")) {
                if (done()) fail("unterminated array");
                object(depth + 1);
            }
            ++i_;
        } else if (c == '(') {
            literal_string();
        } else if (c == '<') {
            const size_t e = s_.find('>', i_);
            if (e == std::string_view::npos) fail("unterminated hex string");
            i_ = e + 1;
        } else if (c == '/') {
            ++i_;
            word();
        } else if (is_delimiter(c)) {
            fail(std::string("unexpected '") + c + "' at byte " + std::to_string(i_));
        } else {
            word();
        }
        return s_.substr(b, i_ - b);
    }

    // An object that may be an indirect reference "12 0 R", taken whole.
    std::string_view value() {
        skip_space();
        const size_t b = i_;
        const auto first = object();
        if (is_integer(first)) {
            Scanner ahead(s_, i_);
            if (is_integer(ahead.word()) && ahead.word() == "R") i_ = ahead.i_;
        }
        return s_.substr(b, i_ - b);
    }

  private:
    static bool is_integer(std::string_view w) {
        return !w.empty() &&
               std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    }

    void skip_space() {
        while (i_ < s_.size()) {
            if (is_space(s_[i_])) {
                ++i_;
            } else if (s_[i_] == '%') {
                while (i_ < s_.size() && s_[i_] != '\n' && s_[i_] != '\r') ++i_;
            } else {
                break;
            }
        }
    }

    void literal_string() {
        int depth = 0;
        for (; i_ < s_.size(); ++i_) {
            const char c = s_[i_];
            if (c == '\\') {
                ++i_;
            } else if (c == '(') {
                ++depth;
            } else if (c == ')' && --depth == 0) {
                ++i_;
                return;
            }
        }
        fail("unterminated string");
    }

    std::string_view s_;
    size_t i_;
};

// "12 0 R" -> (12, 0).
std::pair<int, int> reference(std::string_view v, const char* key) {
    Scanner s(v, 0);
    const auto number = static_cast<int>(s.integer(key));
    const auto generation = static_cast<int>(s.integer(key));
    if (s.word() != "R") fail(std::string("/") + key + " is not a reference");
    return {number, generation};
}

std::string to_hex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += kDigits[c >> 4];
        out += kDigits[c & 15];
    }
    return out;
}

// The first string of an /ID array, as hex.
std::string first_id(std::string_view array) {
    Scanner s(array, 0);
    s.expect("[");
    const auto str = s.object();
    if (str.starts_with("<")) return std::string(str.substr(1, str.size() - 2));
    if (str.starts_with("(")) return to_hex(str.substr(1, str.size() - 2));  // plain bytes only
    fail("/ID holds no string");
}

}  // namespace

namespace {

// Reads the cross-reference section at `offset` and its trailer into `tail`, keeping entries
// already there (a later section's); returns the trailer's /Prev, or 0. With `single`, a
// /Prev or /Encrypt is an error.
size_t read_section(std::string_view pdf, size_t offset, PdfTail& tail, bool single, bool last) {
    if (offset >= pdf.size()) fail("the cross-reference offset is past the end");
    Scanner x(pdf, offset);
    if (!x.next_is("xref")) fail("no classic cross-reference table (a stream is not supported)");
    x.expect("xref");
    while (!x.next_is("trailer")) {
        if (x.done()) fail("no trailer");
        const auto first = x.integer("a subsection start");
        const auto count = x.integer("a subsection length");
        if (first < 0 || count < 0 || count > static_cast<long long>(pdf.size()))
            fail("bad cross-reference subsection");
        for (long long k = 0; k < count; ++k) {
            const auto entry_offset = x.integer("an entry offset");
            x.integer("an entry generation");
            const auto type = x.word();
            if (type == "n")
                tail.offsets.emplace(static_cast<int>(first + k),
                                     static_cast<size_t>(entry_offset));
            else if (type != "f")
                fail("bad cross-reference entry");
        }
    }
    x.expect("trailer");
    bool has_size = false;
    size_t prev = 0;
    for (const auto& [key, value] : dictionary_entries(x.object())) {
        if (!last && key != "Prev") continue;  // the newest trailer's entries win
        if (key == "Size") {
            tail.size = static_cast<size_t>(Scanner(value, 0).integer("/Size"));
            has_size = true;
        } else if (key == "Root") {
            std::tie(tail.root, tail.root_generation) = reference(value, "Root");
        } else if (key == "Info") {
            std::tie(tail.info, tail.info_generation) = reference(value, "Info");
        } else if (key == "ID") {
            tail.first_id = first_id(value);
        } else if (key == "Prev") {
            if (single) fail("it is already an incremental update");
            prev = static_cast<size_t>(Scanner(value, 0).integer("/Prev"));
            if (prev == 0 || prev >= offset) fail("/Prev does not point back");
        } else if (key == "Encrypt") {
            if (single) fail("it is encrypted");
            tail.encrypted = true;
        }
    }
    if (last && (!has_size || tail.root == 0)) fail("the trailer lacks /Size or /Root");
    return prev;
}

size_t last_xref_offset(std::string_view pdf) {
    const size_t mark = pdf.rfind("startxref");
    if (mark == std::string_view::npos) fail("no startxref");
    Scanner end(pdf, mark + 9);
    return static_cast<size_t>(end.integer("the cross-reference offset"));
}

}  // namespace

PdfTail read_tail(std::string_view pdf) {
    PdfTail tail;
    tail.xref_offset = last_xref_offset(pdf);
    read_section(pdf, tail.xref_offset, tail, true, true);
    return tail;
}

PdfTail read_tail_chain(std::string_view pdf) {
    PdfTail tail;
    tail.xref_offset = last_xref_offset(pdf);
    size_t offset = tail.xref_offset;
    // Each /Prev points strictly back, so the walk ends; the count guards a hostile file.
    for (int section = 0; offset != 0; ++section) {
        if (section == 1000) fail("more than 1000 updates");
        offset = read_section(pdf, offset, tail, false, section == 0);
    }
    return tail;
}

std::string object_dictionary(std::string_view pdf, const PdfTail& tail, int number) {
    const auto it = tail.offsets.find(number);
    if (it == tail.offsets.end() || it->second >= pdf.size())
        fail("object " + std::to_string(number) + " is not in the cross-reference table");
    Scanner s(pdf, it->second);
    if (s.integer("an object number") != number)
        fail("object " + std::to_string(number) + " is not at its offset");
    s.integer("a generation");
    if (s.word() != "obj") fail("object " + std::to_string(number) + " has no \"obj\"");
    if (!s.next_is("<<")) fail("object " + std::to_string(number) + " is not a dictionary");
    return std::string(s.object());
}

std::vector<std::pair<std::string, std::string>> dictionary_entries(std::string_view dict) {
    std::vector<std::pair<std::string, std::string>> out;
    Scanner s(dict, 0);
    s.expect("<<");
    while (!s.next_is(">>")) {
        if (s.done()) fail("unterminated dictionary");
        if (!s.next_is("/")) fail("a dictionary key is not a name");
        s.expect("/");
        std::string key(s.word());
        out.emplace_back(std::move(key), std::string(s.value()));
    }
    return out;
}

std::string pdf_text_string(std::string_view utf8) {
    const bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F;
    });
    if (ascii) {
        std::string out = "(";
        for (char c : utf8) {
            if (c == '(' || c == ')' || c == '\\') out += '\\';
            out += c;
        }
        return out + ")";
    }
    const auto u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::string out = "<feff";
    char buf[5];
    for (int32_t i = 0; i < u.length(); ++i) {
        std::snprintf(buf, sizeof buf, "%04x", static_cast<unsigned>(u.charAt(i)));
        out += buf;
    }
    return out + ">";
}

std::string append_update(std::string pdf, const PdfTail& tail,
                          std::vector<UpdatedObject> objects) {
    std::sort(objects.begin(), objects.end(),
              [](const auto& a, const auto& b) { return a.number < b.number; });
    if (!pdf.empty() && pdf.back() != '\n') pdf += '\n';
    std::vector<size_t> offsets;
    size_t size = tail.size;
    for (const auto& o : objects) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(o.number) + ' ' + std::to_string(o.generation) + " obj\n" + o.body +
               "\nendobj\n";
        size = std::max(size, static_cast<size_t>(o.number) + 1);
    }
    // The new /ID from everything before the cross-reference section: same input, same ID.
    gchar* md5 = g_compute_checksum_for_data(
        G_CHECKSUM_MD5, reinterpret_cast<const guchar*>(pdf.data()), pdf.size());
    const std::string id(md5);
    g_free(md5);

    const size_t xref = pdf.size();
    pdf += "xref\n";
    char entry[32];
    for (size_t k = 0; k < objects.size(); ++k) {
        pdf += std::to_string(objects[k].number) + " 1\n";
        std::snprintf(entry, sizeof entry, "%010zu %05d n \n", offsets[k], objects[k].generation);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(size) + " /Root " + std::to_string(tail.root) +
           ' ' + std::to_string(tail.root_generation) + " R";
    if (tail.info != 0)
        pdf += " /Info " + std::to_string(tail.info) + ' ' + std::to_string(tail.info_generation) +
               " R";
    pdf += " /ID [<" + (tail.first_id.empty() ? id : tail.first_id) + "> <" + id + ">]";
    pdf += " /Prev " + std::to_string(tail.xref_offset) + " >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

}  // namespace vanthu::render
