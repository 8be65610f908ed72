#include "render/qpdf_protect.hpp"

#include <qpdf/qpdf-c.h>

#include <algorithm>

#include "core/diagnostics.hpp"
#include "core/shared_library.hpp"

namespace vanthu::render {
namespace {

[[noreturn]] void fail(const std::string& message) {
    throw core::Failure(core::Diagnostic{core::Severity::error, "render.protect", message, {}, {}});
}

// The functions of qpdf's C API this file calls, looked up in the library once per process.
struct QpdfApi {
    decltype(&qpdf_init) init = nullptr;
    decltype(&qpdf_cleanup) cleanup = nullptr;
    decltype(&qpdf_silence_errors) silence_errors = nullptr;
    decltype(&qpdf_read_memory) read_memory = nullptr;
    decltype(&qpdf_init_write_memory) init_write_memory = nullptr;
    decltype(&qpdf_set_r6_encryption_parameters2) set_r6 = nullptr;
    decltype(&qpdf_write) write = nullptr;
    decltype(&qpdf_get_buffer_length) buffer_length = nullptr;
    decltype(&qpdf_get_buffer) buffer = nullptr;
    decltype(&qpdf_get_error) get_error = nullptr;
    decltype(&qpdf_get_error_full_text) error_text = nullptr;
    std::string problem;  // why the library could not be used; empty when it can
};

const QpdfApi& qpdf_api() {
    static const QpdfApi api = [] {
        QpdfApi a;
        void* library = core::open_shared_library(VANTHU_QPDF_SONAME, a.problem);  // kept open
        if (!library) return a;
        core::bind_function(library, "qpdf_init", a.init, a.problem);
        core::bind_function(library, "qpdf_cleanup", a.cleanup, a.problem);
        core::bind_function(library, "qpdf_silence_errors", a.silence_errors, a.problem);
        core::bind_function(library, "qpdf_read_memory", a.read_memory, a.problem);
        core::bind_function(library, "qpdf_init_write_memory", a.init_write_memory, a.problem);
        core::bind_function(library, "qpdf_set_r6_encryption_parameters2", a.set_r6, a.problem);
        core::bind_function(library, "qpdf_write", a.write, a.problem);
        core::bind_function(library, "qpdf_get_buffer_length", a.buffer_length, a.problem);
        core::bind_function(library, "qpdf_get_buffer", a.buffer, a.problem);
        core::bind_function(library, "qpdf_get_error", a.get_error, a.problem);
        core::bind_function(library, "qpdf_get_error_full_text", a.error_text, a.problem);
        return a;
    }();
    return api;
}

}  // namespace

std::string protect_with_qpdf(const std::string& pdf, const Protection& protection) {
    const QpdfApi& q = qpdf_api();
    if (!q.problem.empty())
        fail("protecting a PDF needs the qpdf library (" VANTHU_QPDF_SONAME
             ", Debian package libqpdf29): " +
             q.problem);
    qpdf_data data = q.init();
    q.silence_errors(data);
    auto check = [&](QPDF_ERROR_CODE code) {
        if (!(code & QPDF_ERRORS)) return;
        const std::string text = q.error_text(data, q.get_error(data));
        q.cleanup(&data);
        fail("qpdf: " + text);
    };
    check(q.read_memory(data, "vanthu.pdf", pdf.data(), pdf.size(), nullptr));
    check(q.init_write_memory(data));
    const auto allowed = [&](const char* name) {
        const auto& p = protection.permissions;
        return std::find(p.begin(), p.end(), name) != p.end() ? QPDF_TRUE : QPDF_FALSE;
    };
    const bool none = protection.permissions.empty();
    q.set_r6(data, protection.user_password.c_str(), protection.owner_password.c_str(),
             none || allowed("accessibility"), allowed("copy"), allowed("assemble"),
             allowed("annotate"), allowed("form") || allowed("annotate"), allowed("modify"),
             none || allowed("print") ? qpdf_r3p_full : qpdf_r3p_none, QPDF_TRUE);
    check(q.write(data));
    std::string out(reinterpret_cast<const char*>(q.buffer(data)), q.buffer_length(data));
    q.cleanup(&data);
    return out;
}

}  // namespace vanthu::render
