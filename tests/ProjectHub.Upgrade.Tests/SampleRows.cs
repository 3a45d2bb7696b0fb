using System.Data.Common;
using System.Globalization;

namespace ProjectHub.Upgrade.Tests;

/// <summary>
/// What the fixture databases hold, read with plain SQL before the new release touches them: every project, report,
/// audit record, light change, approval case and item, problem, problem history entry and alert. The upgrade test
/// then finds each of them through the gRPC API.
/// </summary>
public sealed class SampleRows
{
    public Dictionary<string, string> ProjectNames { get; } = [];
    public Dictionary<string, int> ReportsPerProject { get; } = [];
    public Dictionary<string, int> AuditPerProject { get; } = [];
    public Dictionary<string, int> LightHistoryPerProject { get; } = [];
    public Dictionary<string, int> ItemsPerCase { get; } = [];
    public Dictionary<string, string> ProblemDescriptions { get; } = [];
    public Dictionary<string, int> HistoryPerProblem { get; } = [];
    public Dictionary<string, int> AlertsPerRecipient { get; } = [];

    public static async Task<SampleRows> ReadAsync(DbConnection registry, DbConnection approval, DbConnection escalation)
    {
        var rows = new SampleRows();
        await ReadAsync(registry, """SELECT "Id", "Name" FROM projects""", r => rows.ProjectNames[Text(r, 0)] = Text(r, 1));
        await CountAsync(registry, """SELECT "ProjectId", COUNT(*) FROM progress_reports GROUP BY "ProjectId" """, rows.ReportsPerProject);
        await CountAsync(registry, """SELECT "ProjectId", COUNT(*) FROM audit_records GROUP BY "ProjectId" """, rows.AuditPerProject);
        await CountAsync(registry, """SELECT "ProjectId", COUNT(*) FROM light_history GROUP BY "ProjectId" """, rows.LightHistoryPerProject);
        await CountAsync(approval, """SELECT "CaseId", COUNT(*) FROM approval_items GROUP BY "CaseId" """, rows.ItemsPerCase);
        await ReadAsync(escalation, """SELECT "Id", "Description" FROM problems""", r => rows.ProblemDescriptions[Text(r, 0)] = Text(r, 1));
        await CountAsync(escalation, """SELECT "ProblemId", COUNT(*) FROM problem_history GROUP BY "ProblemId" """, rows.HistoryPerProblem);
        await CountAsync(escalation, """SELECT "RecipientId", COUNT(*) FROM alerts GROUP BY "RecipientId" """, rows.AlertsPerRecipient);
        return rows;
    }

    private static Task CountAsync(DbConnection connection, string sql, Dictionary<string, int> into) =>
        ReadAsync(connection, sql, r => into[Text(r, 0)] = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture));

    /// <summary>Ids are TEXT on SQLite and uuid on PostgreSQL for some tables; the API spells both as text.</summary>
    private static string Text(DbDataReader reader, int column) => Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture)!;

    private static async Task ReadAsync(DbConnection connection, string sql, Action<DbDataReader> row)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            row(reader);
        }
    }
}
