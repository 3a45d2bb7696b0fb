using System.Text;

namespace ProjectHub.Cli.Commands;

/// <summary>
/// A small RFC 4180 reader: comma-separated, double-quoted fields may hold commas, quotes ("") and line breaks.
/// Spreadsheets saved as "CSV UTF-8" start with a byte-order mark, which File.ReadAllText drops.
/// </summary>
internal static class Csv
{
    /// <summary>Records with the 1-based line number each starts on (what a person sees in the spreadsheet/editor).</summary>
    public static List<(int Line, List<string> Fields)> Parse(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }

            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    AddIfNotBlank(records, recordLine, fields);
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default: field.Append(c); break;
            }
        }

        fields.Add(field.ToString());
        AddIfNotBlank(records, recordLine, fields);
        return records;
    }

    private static void AddIfNotBlank(List<(int, List<string>)> records, int line, List<string> fields)
    {
        if (fields.Any(f => f.Trim().Length > 0))
        {
            records.Add((line, fields));
        }
    }
}
