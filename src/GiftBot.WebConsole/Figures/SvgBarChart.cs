using System.Globalization;
using System.Text;
using static GiftBot.WebConsole.Pages.Html;

namespace GiftBot.WebConsole.Figures;

/// <summary>A small horizontal bar chart drawn as inline SVG on the server (no script, no CDN), with a text title for screen readers.</summary>
public static class SvgBarChart
{
    public static string Render(string title, IReadOnlyList<(string Label, double Value, string Text)> bars, double? target = null)
    {
        const int width = 560, labelWidth = 170, rowHeight = 26, valueWidth = 90;
        var height = Math.Max(1, bars.Count) * rowHeight + 10;
        var max = Math.Max(bars.Count == 0 ? 1 : bars.Max(b => b.Value), target ?? 0);
        if (max <= 0) max = 1;
        var scale = (width - labelWidth - valueWidth) / max;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"{E(title)}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{E(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, text) = bars[i];
            var y = 5 + i * rowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 16}\" font-size=\"12\" fill=\"#1b1f24\">{E(label.Length > 26 ? label[..25] + "…" : label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{Math.Max(1, value * scale):0.#}\" height=\"{rowHeight - 8}\" fill=\"#0b57d0\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + Math.Max(1, value * scale) + 4:0.#}\" y=\"{y + 16}\" font-size=\"12\" fill=\"#1b1f24\">{E(text)}</text>");
        }
        if (target is { } t)
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{labelWidth + t * scale:0.#}\" x2=\"{labelWidth + t * scale:0.#}\" y1=\"0\" y2=\"{height}\" stroke=\"#b3261e\" stroke-dasharray=\"4 3\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
