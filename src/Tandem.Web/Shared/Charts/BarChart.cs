using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Tandem.Web.Shared.Charts;

public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// A bar chart drawn on the server as SVG (no script, no CDN), followed by the same numbers as a table for people who
/// cannot see the chart. The SVG is an image named by its title and description; each bar carries its value as a tooltip.
/// All texts arrive already translated.
/// </summary>
/// <param name="Marker">Optional reference value drawn as a dashed line (a program minimum), named by <paramref name="MarkerLabel"/>.</param>
/// <param name="TableLabel">The words of the table's disclosure ("Data table").</param>
public sealed record BarChart(
    string Id, string Title, string Description, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, string TableLabel,
    string CategoryHeader, double? Marker = null, string? MarkerLabel = null, string ValueFormat = "0.#") : IHtmlContent
{
    private const int Width = 640, Height = 260, Left = 44, Right = 12, Top = 16, Bottom = 44;
    private static readonly string[] Palette = ["#0d6efd", "#20c997", "#fd7e14", "#6f42c1", "#d63384"];

    /// <summary>The top of the value axis: a round number at or above every value and the marker.</summary>
    public double AxisMax()
    {
        var max = Series.SelectMany(s => s.Values).Select(v => v ?? 0).Append(Marker ?? 0).DefaultIfEmpty(0).Max();
        if (max <= 0) return 1;
        var step = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
            if (m * step >= max) return m * step;
        return 10 * step;
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var w = writer;
        string E(string s) => encoder.Encode(s);
        string F(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);
        string V(double? d) => d is { } x ? x.ToString(ValueFormat, CultureInfo.CurrentCulture) : "—";
        var max = AxisMax();
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double Y(double v) => Top + plotH - plotH * v / max;

        w.Write($"<figure class=\"chart\" id=\"{E(Id)}\">");
        w.Write($"<svg role=\"img\" aria-labelledby=\"{E(Id)}-title {E(Id)}-desc\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" font-size=\"11\">");
        w.Write($"<title id=\"{E(Id)}-title\">{E(Title)}</title><desc id=\"{E(Id)}-desc\">{E(Description)}</desc>");
        foreach (var tick in new[] { 0, max / 2, max })
        {
            w.Write($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(tick))}\" y2=\"{F(Y(tick))}\" stroke=\"#dee2e6\"/>");
            w.Write($"<text x=\"{Left - 4}\" y=\"{F(Y(tick) + 4)}\" text-anchor=\"end\" fill=\"#6c757d\">{E(tick.ToString("0.#", CultureInfo.CurrentCulture))}</text>");
        }
        var groups = Math.Max(1, Categories.Count);
        var groupW = (double)plotW / groups;
        var barW = groupW * 0.8 / Math.Max(1, Series.Count);
        for (var c = 0; c < Categories.Count; c++)
        {
            var x0 = Left + c * groupW + groupW * 0.1;
            for (var s = 0; s < Series.Count; s++)
            {
                var value = c < Series[s].Values.Count ? Series[s].Values[c] : null;
                if (value is not { } v) continue;
                var y = Y(v);
                w.Write($"<rect class=\"bar\" data-series=\"{s}\" data-category=\"{c}\" x=\"{F(x0 + s * barW)}\" y=\"{F(y)}\" width=\"{F(Math.Max(1, barW - 2))}\" height=\"{F(Top + plotH - y)}\" fill=\"{Palette[s % Palette.Length]}\">");
                w.Write($"<title>{E(Series[s].Name)} · {E(Categories[c])}: {E(V(v))}</title></rect>");
            }
            var label = Categories[c].Length > 16 ? Categories[c][..15] + "…" : Categories[c];
            w.Write($"<text x=\"{F(Left + c * groupW + groupW / 2)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{E(label)}</text>");
        }
        if (Marker is { } m)
        {
            w.Write($"<line class=\"marker\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(m))}\" y2=\"{F(Y(m))}\" stroke=\"#dc3545\" stroke-dasharray=\"6 4\"/>");
            if (MarkerLabel is not null)
                w.Write($"<text x=\"{Width - Right}\" y=\"{F(Y(m) - 4)}\" text-anchor=\"end\" fill=\"#dc3545\">{E(MarkerLabel)}</text>");
        }
        w.Write("</svg>");
        if (Series.Count > 1)
        {
            w.Write("<figcaption class=\"d-flex flex-wrap gap-3 small\">");
            for (var s = 0; s < Series.Count; s++)
                w.Write($"<span><span aria-hidden=\"true\" style=\"display:inline-block;width:.8em;height:.8em;background:{Palette[s % Palette.Length]}\"></span> {E(Series[s].Name)}</span>");
            w.Write("</figcaption>");
        }
        w.Write($"<details class=\"small\"><summary>{E(TableLabel)}</summary><div class=\"table-responsive\"><table class=\"table table-sm w-auto chart-data\"><caption>{E(Title)}</caption><thead><tr><th scope=\"col\">{E(CategoryHeader)}</th>");
        foreach (var s in Series) w.Write($"<th scope=\"col\" class=\"text-end\">{E(s.Name)}</th>");
        w.Write("</tr></thead><tbody>");
        for (var c = 0; c < Categories.Count; c++)
        {
            w.Write($"<tr><th scope=\"row\">{E(Categories[c])}</th>");
            foreach (var s in Series) w.Write($"<td class=\"text-end\">{E(V(c < s.Values.Count ? s.Values[c] : null))}</td>");
            w.Write("</tr>");
        }
        w.Write("</tbody></table></div></details></figure>");
    }
}
