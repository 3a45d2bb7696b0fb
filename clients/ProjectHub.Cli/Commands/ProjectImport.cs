using System.CommandLine;
using Grpc.Core;
using ProjectHub.Registry.V1;

namespace ProjectHub.Cli.Commands;

/// <summary>
/// projects import --csv FILE: each row is registered, or, when it stands for a project already on the list
/// (<see cref="ImportMatch"/>), updated where it differs or left unchanged, so importing the same file twice registers
/// nothing twice. A bad row is reported with its line number and every bad cell; the rest go on. Exit code 0 only when
/// every row went in, else 2 (the file needs fixing).
/// </summary>
internal static class ProjectImport
{
    /// <summary>Header names (snake_case like the proto fields); order is free, unknown headers are refused.</summary>
    public static readonly string[] Columns =
    [
        "national_code", "name", "tier", "industry", "locality", "owner_unit", "responsible_unit", "industry_department",
        "leader_in_charge", "responsible_person", "responsible_contact", "total_investment", "year_planned_investment",
        "planned_start", "planned_completion", "stage", "actual_start", "milestones",
    ];

    public static Command Build(Runner runner)
    {
        var csv = Opt.Text("--csv", "the CSV file (UTF-8, first line = header)", required: true);
        var command = new Command("import",
            "register the rows of a CSV file (the DRC's spreadsheet saved as CSV UTF-8); safe to re-run: a row whose project is " +
            "already registered (same national_code, else same name and owner_unit) updates the fields that differ (empty cells " +
            "change nothing) or is left unchanged; each line says registered, updated or unchanged. Header columns, any order: " +
            string.Join(", ", Columns) + ". tier/stage as in 'projects register'; money in 万元; dates YYYY-MM-DD; " +
            "milestones = name@date@percent separated by ';'. Bad rows are reported with their line number and every bad cell; the others still go in. Stage and milestones of " +
            "a project already registered are not changed (the line says so).")
            .With(csv);
        runner.Handle(command, (parse, cli) => RunAsync(cli, parse.GetValue(csv)!));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, string path)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cli.Cancellation);
        }
        catch (IOException e)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }

        var records = Csv.Parse(text);
        if (records.Count == 0)
        {
            throw new UsageException($"{path} is empty");
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var unknown = header.Where(h => !Columns.Contains(h)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"{path} line {records[0].Line}: unknown column(s) {string.Join(", ", unknown)}; expected {string.Join(", ", Columns)}");
        }

        var rows = records.Skip(1)
            .Select(r => new ImportRow(r.Line, header.Select((h, i) => (h, v: i < r.Fields.Count ? r.Fields[i].Trim() : "")).ToDictionary(p => p.h, p => p.v)))
            .ToList();
        var existing = rows.Count == 0 ? new ImportMatch() : await ImportMatch.LoadAsync(cli);
        var imported = new ImportResult();
        foreach (var row in rows)
        {
            try
            {
                await ImportAsync(cli, row, existing, imported, Path.GetFileName(path));
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.NotFound)
            {
                // Unavailable or denied stop the import (rethrown); a row's own problem does not.
                imported.Failed.Add(new ImportResult.Failure(row.Line, Messages(e, row)));
            }
        }

        foreach (var failure in imported.Failed)
        {
            foreach (var message in failure.Messages)
            {
                await cli.Error.WriteLineAsync($"{path}:{failure.Line}: {message}");
            }
        }

        if (cli.AsJson)
        {
            await cli.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(imported, ImportResult.JsonOptions));
        }
        else
        {
            foreach (var done in imported.Registered.Concat(imported.Updated).Concat(imported.Unchanged).OrderBy(r => r.Line))
            {
                var changed = done.ChangedFields.Count > 0 ? $" ({string.Join(", ", done.ChangedFields)})" : "";
                var notes = done.Notes.Count > 0 ? "; " + string.Join("; ", done.Notes) : "";
                await cli.Out.WriteLineAsync($"line {done.Line}: {done.Outcome} {done.ProjectId} {done.Name}{changed}{notes}");
            }

            await cli.Out.WriteLineAsync(
                $"{imported.Registered.Count} registered, {imported.Updated.Count} updated, {imported.Unchanged.Count} unchanged, {imported.Failed.Count} failed");
        }

        return imported.Failed.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
    }

    private static async Task ImportAsync(CliContext cli, ImportRow row, ImportMatch existing, ImportResult imported, string fileName)
    {
        var (project, ambiguous) = existing.Find(row);
        if (ambiguous is not null)
        {
            imported.Failed.Add(new ImportResult.Failure(row.Line, [ambiguous]));
            return;
        }

        if (row.LocalErrors.Count > 0)
        {
            await ValidateOnlyAsync(cli, row);
            return;
        }

        if (project is null)
        {
            var registered = await cli.Registry.RegisterProjectAsync(row.Request, cli.Call());
            existing.Add(registered);
            imported.Registered.Add(ImportResult.Row.Of(row.Line, "registered", registered, [], []));
            return;
        }

        var paths = ImportMatch.Differences(row, project);
        var notes = ImportMatch.NotApplied(row, project);
        if (paths.Count == 0)
        {
            imported.Unchanged.Add(ImportResult.Row.Of(row.Line, "unchanged", project, [], notes));
            return;
        }

        var request = new UpdateProjectRequest
        {
            ProjectId = project.Id,
            Project = row.Fields.Clone(),
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask(),
            Reason = $"CSV 导入：{fileName} 第 {row.Line} 行",
        };
        request.Project.Baseline = null;
        request.UpdateMask.Paths.AddRange(paths);
        var updated = await cli.Registry.UpdateProjectAsync(request, cli.Call());
        existing.Replace(updated);
        imported.Updated.Add(ImportResult.Row.Of(row.Line, "updated", updated, paths, notes));
    }

    /// <summary>
    /// A row with cells the tool could not read still gets the registry's judgement of every other cell, so one pass
    /// reports all of the row's problems: the request goes with its tier unset, which the registry always refuses, so
    /// nothing can be registered; <see cref="Messages"/> then drops what only that omission caused.
    /// </summary>
    private static async Task ValidateOnlyAsync(CliContext cli, ImportRow row)
    {
        var probe = row.Request.Clone();
        probe.Project.Tier = ProjectTier.Unspecified;
        await cli.Registry.RegisterProjectAsync(probe, cli.Call());
        throw new InvalidOperationException("The registry registered a project without a tier.");
    }

    /// <summary>
    /// The row's own errors first, then the registry's, without knock-on errors of a cell already reported
    /// (<see cref="ImportRow.Dependents"/>) or of the tier left unset only to probe.
    /// </summary>
    private static List<string> Messages(RpcException e, ImportRow row)
    {
        var dropped = row.LocalErrors.SelectMany(l => ImportRow.Dependents.GetValueOrDefault(l.Field, [l.Field])).ToList();
        if (row.LocalErrors.Count > 0 && row.Has("tier"))
        {
            dropped.Add(ImportRow.TierField); // the probe left it unset on purpose
        }

        bool KnockOn(string field) => dropped.Any(d => field == d || field.StartsWith(d + ".", StringComparison.Ordinal) || field.StartsWith(d + "[", StringComparison.Ordinal));
        var messages = row.LocalErrors.Select(l => l.Message).ToList();
        var violations = e.FieldViolations();
        if (violations.Count > 0)
        {
            messages.AddRange(violations.Where(v => !KnockOn(v.Field)).Select(v => $"{v.Field}: {v.Description}"));
        }
        else
        {
            messages.Add(e.Status.Detail);
        }

        return messages;
    }
}

/// <summary>What an import did, also its json output.</summary>
internal sealed class ImportResult
{
    public static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public List<Row> Registered { get; } = [];
    public List<Row> Updated { get; } = [];
    public List<Row> Unchanged { get; } = [];
    public List<Failure> Failed { get; } = [];

    /// <param name="Outcome">registered, updated or unchanged.</param>
    /// <param name="ChangedFields">For an update, the fields it changed.</param>
    /// <param name="Notes">What the row asked for that an import does not change.</param>
    public sealed record Row(int Line, string Outcome, string ProjectId, string Name, List<string> ChangedFields, List<string> Notes)
    {
        public static Row Of(int line, string outcome, Project project, List<string> changed, List<string> notes) =>
            new(line, outcome, project.Id, project.Fields.Name, changed, notes);
    }

    public sealed record Failure(int Line, List<string> Messages);
}
