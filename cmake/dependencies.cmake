# The C++ libraries the engine depends on, each as an INTERFACE target (vanthu::dep_<name>).
#
# An executable that sets the property VANTHU_STATIC_DEPS to ON links the static archives of
# the C++ dependencies (ICU, yaml-cpp, pugixml, libcsv) and of libstdc++ instead of their
# shared libraries; other executables (the tests) link the shared ones. Half of a single
# `vanthu render` used to go to the dynamic loader resolving the symbols of these C++
# libraries; see docs/performance.md, "One render". The C libraries of the Pango/Cairo stack
# stay shared: Debian ships no static Pango or HarfBuzz, and one copy of Cairo must serve both.
option(VANTHU_STATIC_DEPS
       "Link the vanthu command with the static archives of its C++ dependencies" ON)

set(_vanthu_static "$<BOOL:$<TARGET_PROPERTY:VANTHU_STATIC_DEPS>>")

# vanthu_dependency(NAME SHARED <items…> STATIC <items…>)
function(vanthu_dependency name)
  cmake_parse_arguments(ARG "" "" "SHARED;STATIC" ${ARGN})
  add_library(vanthu_dep_${name} INTERFACE)
  add_library(vanthu::dep_${name} ALIAS vanthu_dep_${name})
  if(VANTHU_STATIC_DEPS)
    target_link_libraries(vanthu_dep_${name} INTERFACE
                          "$<IF:${_vanthu_static},${ARG_STATIC},${ARG_SHARED}>")
  else()
    target_link_libraries(vanthu_dep_${name} INTERFACE ${ARG_SHARED})
  endif()
endfunction()

# The static archive `file` (e.g. libicuuc.a), required when static linking is on.
function(vanthu_find_archive var file)
  if(VANTHU_STATIC_DEPS)
    find_library(${var} NAMES ${file} REQUIRED)
  endif()
endfunction()

pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
# qpdf (protection only) is not linked: render/qpdf_protect.cpp opens it by its soname when a
# document is protected, so that no process pays for loading it and GnuTLS otherwise.
pkg_check_modules(QPDF REQUIRED libqpdf)
find_library(QPDF_LIBRARY qpdf REQUIRED)
file(REAL_PATH "${QPDF_LIBRARY}" _qpdf_file)
get_filename_component(_qpdf_file "${_qpdf_file}" NAME)
string(REGEX MATCH "^libqpdf\\.so\\.[0-9]+" QPDF_SONAME "${_qpdf_file}")
if(NOT QPDF_SONAME)
  message(FATAL_ERROR "cannot tell libqpdf's soname from ${_qpdf_file}")
endif()
# libcurl (timestamps, --tsa) is not linked either: sign/tsa_http.cpp opens it by its soname on
# the first timestamp request, so that no render pays for loading it and its TLS and HTTP/2
# libraries.
pkg_check_modules(CURL REQUIRED libcurl)
find_library(CURL_LIBRARY curl REQUIRED)
file(REAL_PATH "${CURL_LIBRARY}" _curl_file)
get_filename_component(_curl_file "${_curl_file}" NAME)
string(REGEX MATCH "^libcurl\\.so\\.[0-9]+" CURL_SONAME "${_curl_file}")
if(NOT CURL_SONAME)
  message(FATAL_ERROR "cannot tell libcurl's soname from ${_curl_file}")
endif()
find_package(yaml-cpp REQUIRED)
find_package(pugixml REQUIRED)
# libcsv (Debian libcsv-dev) ships no CMake or pkg-config file.
find_library(CSV_LIBRARY csv REQUIRED)
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)

vanthu_find_archive(ICUI18N_ARCHIVE libicui18n.a)
vanthu_find_archive(ICUUC_ARCHIVE libicuuc.a)
vanthu_find_archive(ICUDATA_ARCHIVE libicudata.a)
vanthu_find_archive(YAMLCPP_ARCHIVE libyaml-cpp.a)
vanthu_find_archive(PUGIXML_ARCHIVE libpugixml.a)
vanthu_find_archive(CSV_ARCHIVE libcsv.a)

vanthu_dependency(icu
  SHARED PkgConfig::ICU
  STATIC "${ICUI18N_ARCHIVE};${ICUUC_ARCHIVE};${ICUDATA_ARCHIVE};${CMAKE_DL_LIBS};m;pthread")
target_include_directories(vanthu_dep_icu INTERFACE ${ICU_INCLUDE_DIRS})
add_library(vanthu_dep_qpdf INTERFACE)  # the C API's header and dlopen()
add_library(vanthu::dep_qpdf ALIAS vanthu_dep_qpdf)
target_include_directories(vanthu_dep_qpdf INTERFACE ${QPDF_INCLUDE_DIRS})
target_compile_definitions(vanthu_dep_qpdf INTERFACE VANTHU_QPDF_SONAME="${QPDF_SONAME}")
target_link_libraries(vanthu_dep_qpdf INTERFACE ${CMAKE_DL_LIBS})
add_library(vanthu_dep_curl INTERFACE)  # the header and dlopen()
add_library(vanthu::dep_curl ALIAS vanthu_dep_curl)
target_include_directories(vanthu_dep_curl INTERFACE ${CURL_INCLUDE_DIRS})
target_compile_definitions(vanthu_dep_curl INTERFACE VANTHU_CURL_SONAME="${CURL_SONAME}")
target_link_libraries(vanthu_dep_curl INTERFACE ${CMAKE_DL_LIBS})
vanthu_dependency(yaml_cpp SHARED yaml-cpp STATIC "${YAMLCPP_ARCHIVE}")
get_target_property(_yaml_includes yaml-cpp INTERFACE_INCLUDE_DIRECTORIES)
if(_yaml_includes)
  target_include_directories(vanthu_dep_yaml_cpp INTERFACE ${_yaml_includes})
endif()
vanthu_dependency(pugixml SHARED pugixml::pugixml STATIC "${PUGIXML_ARCHIVE}")
get_target_property(_pugi_includes pugixml::pugixml INTERFACE_INCLUDE_DIRECTORIES)
if(_pugi_includes)
  target_include_directories(vanthu_dep_pugixml INTERFACE ${_pugi_includes})
endif()
vanthu_dependency(csv SHARED "${CSV_LIBRARY}" STATIC "${CSV_ARCHIVE}")
target_include_directories(vanthu_dep_csv INTERFACE ${CSV_INCLUDE_DIR})

# Marks an executable as linked with the static archives, libstdc++ and libgcc included
# (no shared library it loads is C++, so it holds the only copy of the C++ runtime).
function(vanthu_link_static_deps target)
  if(VANTHU_STATIC_DEPS)
    set_target_properties(${target} PROPERTIES VANTHU_STATIC_DEPS ON)
    target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc)
  endif()
endfunction()

# OpenSSL's libcrypto (Debian libssl-dev), for signing: the CMS and the keys.
find_package(OpenSSL 3.0 REQUIRED COMPONENTS Crypto)
vanthu_find_archive(CRYPTO_ARCHIVE libcrypto.a)
vanthu_dependency(openssl
  SHARED OpenSSL::Crypto
  STATIC "${CRYPTO_ARCHIVE};${CMAKE_DL_LIBS};pthread")
