// A library opened by its soname at run time (dlopen), for the optional parts a plain render
// never uses (qpdf for protection, libcurl for timestamps), so that it does not load them.
#pragma once

#include <dlfcn.h>

#include <string>

namespace vanthu::core {

// Opens `soname` for the life of the process; nullptr with `problem` set when it cannot.
inline void* open_shared_library(const char* soname, std::string& problem) {
    void* library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char* why = dlerror();
        problem = why ? why : std::string("cannot open ") + soname;
    }
    return library;
}

// Sets `function` to `library`'s `name`; the first one missing is named in `problem`.
template <typename F>
void bind_function(void* library, const char* name, F& function, std::string& problem) {
    function = reinterpret_cast<F>(dlsym(library, name));
    if (!function && problem.empty()) problem = std::string("no function ") + name;
}

}  // namespace vanthu::core
