// Test support: a small PDF in the shape Cairo writes (classic cross-reference table), made
// by hand for the PDF update reader's unit tests and the fuzzers' seeds. The catalog holds
// strings with ">>" and ")" inside and a nested dictionary, to exercise the scanner.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace vanthu::testing {

// `trailer` is the trailer dictionary as written, e.g. "<< /Size 5 /Root 1 0 R >>";
// `catalog_extra` is written into the catalog after its own entries.
inline std::string hand_made_pdf(const std::string& trailer,
                                 const std::string& catalog_extra = "") {
    std::string pdf = "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n";
    std::vector<size_t> at;
    auto add = [&](const std::string& body) {
        at.push_back(pdf.size());
        pdf += std::to_string(at.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    add("<< /Type /Catalog /Pages 2 0 R /PageLabels << /Nums [0 << /S /D /P (a>>b\\)c) >>] >>"
        " /Lang (en)" +
        catalog_extra + " >>");
    add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>");
    add("<< /Producer (hand) >>");
    const size_t xref = pdf.size();
    pdf += "xref\n0 5\n0000000000 65535 f \n";
    char line[32];
    for (size_t o : at) {
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        pdf += line;
    }
    pdf += "trailer\n" + trailer + "\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

}  // namespace vanthu::testing
