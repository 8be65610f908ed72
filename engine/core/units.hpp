// Lengths: the engine works in PostScript points (1/72 inch) throughout.
#pragma once

namespace vanthu::core {

constexpr double kPointsPerMm = 72.0 / 25.4;

constexpr double mm(double millimetres) { return millimetres * kPointsPerMm; }
constexpr double to_mm(double points) { return points / kPointsPerMm; }

constexpr double kA4Width = 595.2756;   // 210 mm
constexpr double kA4Height = 841.8898;  // 297 mm

}  // namespace vanthu::core
