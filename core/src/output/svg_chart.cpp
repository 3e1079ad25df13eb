#include "orgplan/output/svg_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace orgplan {

namespace {

constexpr int kLabelWidth = 230, kBarArea = 520, kRow = 20, kTop = 28, kRight = 90;

std::string number(double v, int decimals) { return fmt::format("{:.{}f}", v, decimals); }

// A label that fits the label column; the whole text stays in a <title> tooltip.
std::string shortened(const std::string& label) {
    std::size_t chars = 0, cut = label.size();
    for (std::size_t i = 0; i < label.size(); ++i) {
        if ((static_cast<unsigned char>(label[i]) & 0xC0) == 0x80) continue;
        if (++chars > 34) {
            cut = i;
            break;
        }
    }
    return cut < label.size() ? label.substr(0, cut) + "…" : label;
}

} // namespace

std::string bar_chart(const std::vector<Bar>& bars, const BarChartOptions& o) {
    const std::size_t shown = std::min(bars.size(), o.most);
    double max = o.reference.value_or(0);
    for (std::size_t i = 0; i < shown; ++i)
        if (bars[i].value) max = std::max(max, *bars[i].value);
    if (max <= 0) max = 1;
    const double scale = kBarArea / (max * 1.05);
    const int height = kTop + static_cast<int>(shown) * kRow + (shown < bars.size() ? kRow : 0) + 10;
    const int width = kLabelWidth + kBarArea + kRight;
    std::string svg = fmt::format(
        "<svg class=\"chart bars\" role=\"img\" aria-label=\"{0}\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" "
        "height=\"{2}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{0}</title>",
        html_escape(o.title), width, height);
    svg += "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
           "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"hatch-bg\"/>"
           "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-line\"/></pattern></defs>";
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& b = bars[i];
        const int y = kTop + static_cast<int>(i) * kRow;
        const double w = b.value ? std::max(1.0, *b.value * scale) : kBarArea;
        const auto label = b.note.empty() ? (b.value ? number(*b.value, o.decimals) : std::string("no value")) : b.note;
        svg += fmt::format(
            "<g class=\"row\"><title>{0}: {1}</title>"
            "<text class=\"label\" x=\"{2}\" y=\"{3}\" text-anchor=\"end\">{4}</text>"
            "<rect class=\"bar {5}\" data-status=\"{5}\" x=\"{6}\" y=\"{7}\" width=\"{8:.1f}\" height=\"{9}\"{10}/>"
            "<text class=\"value\" x=\"{11:.1f}\" y=\"{3}\">{1}</text></g>",
            html_escape(b.label), html_escape(label), kLabelWidth - 8, y + 14, html_escape(shortened(b.label)),
            html_escape(b.status), kLabelWidth, y + 3, w, kRow - 6, b.value ? "" : " fill=\"url(#hatch)\"",
            kLabelWidth + w + 6);
    }
    if (shown < bars.size())
        svg += fmt::format("<text class=\"more\" x=\"{}\" y=\"{}\">and {} more, not drawn</text>", kLabelWidth,
                           kTop + static_cast<int>(shown) * kRow + 14, bars.size() - shown);
    if (o.reference) {
        const double x = kLabelWidth + *o.reference * scale;
        svg += fmt::format("<line class=\"reference\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\"/>"
                           "<text class=\"reference-label\" x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>",
                           x, kTop - 4, kTop + static_cast<int>(shown) * kRow, kTop - 10, html_escape(o.reference_label));
    }
    return svg + "</svg>";
}

std::string line_chart(const LineChart& c) {
    constexpr int left = 60, top = 20, w = 600, h = 220, bottom = 40;
    double lo = c.reference.value_or(0), hi = c.reference.value_or(1);
    auto widen = [&](const std::vector<std::optional<double>>& v) {
        for (const auto& x : v)
            if (x && std::isfinite(*x)) lo = std::min(lo, *x), hi = std::max(hi, *x);
    };
    widen(c.line);
    widen(c.low);
    widen(c.high);
    lo = std::min(lo, 0.0);
    hi = hi * 1.1 + 1e-9;
    const double x0 = c.x.empty() ? 0 : c.x.front(), x1 = c.x.empty() ? 1 : std::max(c.x.back(), x0 + 1);
    auto px = [&](double x) { return left + (x - x0) / (x1 - x0) * w; };
    auto py = [&](double y) { return top + h - (y - lo) / (hi - lo) * h; };
    std::string svg = fmt::format(
        "<svg class=\"chart line\" role=\"img\" aria-label=\"{0}\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" "
        "height=\"{2}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{0}</title>",
        html_escape(c.title), left + w + 40, top + h + bottom);
    // Axes with ticks every quarter and five on the value axis.
    svg += fmt::format("<line class=\"axis\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>"
                       "<line class=\"axis\" x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\"/>",
                       left, top, top + h, left + w);
    for (int i = 0; i <= 4; ++i) {
        const double v = lo + (hi - lo) * i / 4;
        svg += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{:.1f}</text>", left - 6,
                           py(v) + 4, v);
    }
    const auto x_label = [&](std::size_t i) {
        return i < c.x_labels.size() ? html_escape(c.x_labels[i]) : fmt::format("Q{:g}", c.x[i]);
    };
    for (std::size_t i = 0; i < c.x.size(); ++i)
        svg += fmt::format("<text class=\"tick\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>", px(c.x[i]),
                           top + h + 16, x_label(i));
    svg += fmt::format("<text class=\"axis-label\" x=\"{}\" y=\"{}\">{}</text>", left, top - 6, html_escape(c.y_label));
    if (!c.low.empty() && c.low.size() == c.x.size() && c.high.size() == c.x.size()) {
        std::string upper, lower;
        for (std::size_t i = 0; i < c.x.size(); ++i)
            if (c.high[i] && std::isfinite(*c.high[i]))
                upper += fmt::format("{}{:.1f},{:.1f}", upper.empty() ? "M" : " L", px(c.x[i]), py(*c.high[i]));
        for (std::size_t i = c.x.size(); i-- > 0;)
            if (c.low[i] && std::isfinite(*c.low[i])) lower += fmt::format(" L{:.1f},{:.1f}", px(c.x[i]), py(*c.low[i]));
        if (!upper.empty()) svg += "<path class=\"band\" d=\"" + upper + lower + " Z\"/>";
    }
    if (c.reference)
        svg += fmt::format("<line class=\"reference\" x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\"/>"
                           "<text class=\"reference-label\" x=\"{2}\" y=\"{3:.1f}\" text-anchor=\"end\">{4}</text>",
                           left, py(*c.reference), left + w, py(*c.reference) - 4, html_escape(c.reference_label));
    std::string path;
    for (std::size_t i = 0; i < c.x.size() && i < c.line.size(); ++i) {
        if (!c.line[i] || !std::isfinite(*c.line[i])) continue;
        path += fmt::format("{}{:.1f},{:.1f}", path.empty() ? "M" : " L", px(c.x[i]), py(*c.line[i]));
        svg += fmt::format("<circle class=\"point\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\"><title>{}: {:.1f}</title></circle>",
                           px(c.x[i]), py(*c.line[i]), x_label(i), *c.line[i]);
    }
    if (!path.empty()) svg += "<path class=\"series\" d=\"" + path + "\"/>";
    return svg + "</svg>";
}

} // namespace orgplan
