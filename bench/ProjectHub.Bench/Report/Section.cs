using System.Text.Json.Nodes;

namespace ProjectHub.Bench.Report;

/// <summary>One benchmark's table (markdown) and raw figures (JSON), plus notes on targets met or missed.</summary>
public sealed class Section(string id, string title, params string[] columns)
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    public IReadOnlyList<string> Columns { get; } = columns;

    public List<string[]> Rows { get; } = [];

    public List<string> Notes { get; } = [];

    public JsonArray Data { get; } = [];

    public void Add(params string[] cells) => Rows.Add(cells);

    public static string Ms(double value) => double.IsNaN(value) ? "—" : value.ToString(value < 10 ? "0.00" : "0.0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Num(double value, string format = "0") => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    public static string Verdict(bool met) => met ? "met" : "**MISSED**";
}
