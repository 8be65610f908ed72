#include "core/xml_escape.hpp"

#include <gtest/gtest.h>

namespace vanthu::core {
namespace {

TEST(XmlEscape, TheFiveMarkupCharactersBecomeEntities) {
    EXPECT_EQ(xml_escape(R"(a & b < c > d "e" 'f')"),
              "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
}

TEST(XmlEscape, OtherTextIsLeftAsItIs) {
    EXPECT_EQ(xml_escape("Hà Nội, ngày 26/12/2016"), "Hà Nội, ngày 26/12/2016");
    EXPECT_EQ(xml_escape(""), "");
    EXPECT_EQ(xml_escape("&amp;"), "&amp;amp;");  // escapes again: input is text, not XML
}

}  // namespace
}  // namespace vanthu::core
