using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProjectHub.Bench.Report;

/// <summary>Prints the tables and writes them as markdown and JSON: a dated pair plus latest.md / latest.json.</summary>
public static class ResultsWriter
{
    public static string Markdown(JsonObject machine, string mode, IEnumerable<Section> sections)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# ProjectHub benchmarks ({mode})").AppendLine();
        md.AppendLine("Produced by `bench/run.sh` — see `bench/README.md` for what each figure means.").AppendLine();
        md.AppendLine("| machine | |").AppendLine("|---|---|");
        foreach (var (key, value) in machine)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {value} |");
        }

        foreach (var section in sections)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {section.Title}").AppendLine();
            md.AppendLine("| " + string.Join(" | ", section.Columns) + " |");
            md.AppendLine("|" + string.Concat(section.Columns.Select(_ => "---|")));
            foreach (var row in section.Rows)
            {
                md.AppendLine("| " + string.Join(" | ", row) + " |");
            }

            if (section.Notes.Count > 0)
            {
                md.AppendLine();
                foreach (var note in section.Notes)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
                }
            }
        }

        return md.ToString();
    }

    public static void Write(string directory, JsonObject machine, string mode, IReadOnlyList<Section> sections)
    {
        Directory.CreateDirectory(directory);
        var markdown = Markdown(machine, mode, sections);
        var json = new JsonObject
        {
            ["mode"] = mode,
            ["machine"] = machine.DeepClone(),
            ["sections"] = new JsonArray(sections.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Id,
                ["title"] = s.Title,
                ["notes"] = new JsonArray(s.Notes.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
                ["data"] = s.Data.DeepClone(),
            }).ToArray()),
        };
        var jsonText = json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(directory, $"{stamp}-{mode}.md"), markdown);
        File.WriteAllText(Path.Combine(directory, $"{stamp}-{mode}.json"), jsonText);
        File.WriteAllText(Path.Combine(directory, "latest.md"), markdown);
        File.WriteAllText(Path.Combine(directory, "latest.json"), jsonText);
        Console.WriteLine(markdown);
        Console.WriteLine($"written: {Path.Combine(directory, "latest.md")} (+ .json, and {stamp}-{mode}.*)");
    }
}
