using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ProjectHub.BadInput.Tests.Hosting;

/// <summary>
/// Every row of every table in every SQLite file of a service's database directory, as text. Two equal snapshots
/// prove a refused request changed nothing, whatever tables a service has or will have.
/// </summary>
public sealed partial record DatabaseSnapshot(string Text)
{
    // The outbox relay marks messages sent in the background; that bookkeeping is not a change a request made.
    private static readonly HashSet<string> RelayColumns = new(StringComparer.OrdinalIgnoreCase) { "SentAt", "Attempts", "LastError" };

    public static async Task<DatabaseSnapshot> TakeAsync(string directory)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(directory, "*.db").Order(StringComparer.Ordinal))
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync();
            foreach (var table in await TablesAsync(connection))
            {
                text.Append("## ").Append(Path.GetFileName(file)).Append(' ').AppendLine(table);
                await AppendRowsAsync(connection, table, text);
            }
        }

        return new DatabaseSnapshot(text.ToString());
    }

    /// <summary>Cells longer than this are kept as their length and hash, so megabyte values stay cheap to compare.</summary>
    public const int LongCell = 4096;

    /// <summary>The rows in this snapshot that <paramref name="before"/> did not have.</summary>
    public IReadOnlyList<string> AddedSince(DatabaseSnapshot before)
    {
        var old = before.Text.Split('\n').ToHashSet(StringComparer.Ordinal);
        return Text.Split('\n').Where(line => !old.Contains(line)).ToList();
    }

    /// <summary>The rows that <paramref name="before"/> had and this snapshot has not.</summary>
    public IReadOnlyList<string> RemovedSince(DatabaseSnapshot before) => before.AddedSince(this);

    /// <summary>Whether <paramref name="value"/> is in <paramref name="rows"/>, as is or JSON-escaped inside a payload.</summary>
    public static bool Contain(IEnumerable<string> rows, string value)
    {
        var forms = new[]
        {
            value,
            System.Text.Json.JsonSerializer.Serialize(value)[1..^1],
            System.Text.Json.JsonSerializer.Serialize(value, RelaxedJson)[1..^1],
        };
        return rows.Any(row => forms.Any(form => row.Contains(form, StringComparison.Ordinal)));
    }

    /// <summary>The length of the longest cell in <paramref name="rows"/> (long cells are stored as "#length:hash").</summary>
    public static int LongestCell(IEnumerable<string> rows) =>
        rows.SelectMany(row => LongCellPattern().Matches(row)).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Max();

    [System.Text.RegularExpressions.GeneratedRegex(@"=#(\d+):[0-9A-F]{64}\|")]
    private static partial System.Text.RegularExpressions.Regex LongCellPattern();

    private static readonly System.Text.Json.JsonSerializerOptions RelaxedJson =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task<List<string>> TablesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task AppendRowsAsync(SqliteConnection connection, string table, StringBuilder text)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (RelayColumns.Contains(reader.GetName(i)))
                {
                    continue;
                }

                row.Append(reader.GetName(i)).Append('=').Append(Cell(reader.GetValue(i))).Append('|');
            }

            rows.Add(row.ToString());
        }

        // Row order without ORDER BY is not guaranteed; sorting makes equal contents compare equal.
        rows.Sort(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            text.AppendLine(row);
        }
    }

    private static string Cell(object value) => value switch
    {
        DBNull => "NULL",
        string { Length: > LongCell } text => Hashed(text.Length, Encoding.UTF8.GetBytes(text)),
        byte[] { Length: > LongCell } bytes => Hashed(bytes.Length, bytes),
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Hashed(int length, byte[] bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"#{length}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))}");
}
