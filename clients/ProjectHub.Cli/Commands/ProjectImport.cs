using System.CommandLine;
using Grpc.Core;
using ProjectHub.Registry.V1;

namespace ProjectHub.Cli.Commands;

/// <summary>
/// projects import --csv FILE: one RegisterProject call per row; a bad row is reported with its line number and the
/// rest go on. Exit code 0 only when every row was registered, else 2 (the file needs fixing).
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
            "register every row of a CSV file (the DRC's spreadsheet saved as CSV UTF-8). Header columns, any order: " +
            string.Join(", ", Columns) + ". tier/stage as in 'projects register'; money in 万元; dates YYYY-MM-DD; " +
            "milestones = name@date@percent separated by ';'. Bad rows are reported with their line number; the others are still registered.")
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

        var imported = new ImportResult();
        foreach (var (line, fields) in records.Skip(1))
        {
            var row = header.Select((h, i) => (h, v: i < fields.Count ? fields[i].Trim() : "")).ToDictionary(p => p.h, p => p.v);
            try
            {
                var project = await cli.Registry.RegisterProjectAsync(ToRequest(row), cli.Call());
                imported.Registered.Add(new ImportResult.Row(line, project.Id, project.Fields.Name));
            }
            catch (UsageException e)
            {
                imported.Failed.Add(new ImportResult.Failure(line, [e.Message]));
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists)
            {
                // Unavailable or denied stop the import (rethrown); a row's own problem does not.
                var violations = e.FieldViolations();
                var lines = violations.Count > 0
                    ? violations.Select(v => $"{v.Field}: {v.Description}").ToList()
                    : [e.Status.Detail];
                imported.Failed.Add(new ImportResult.Failure(line, lines));
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
            foreach (var row in imported.Registered)
            {
                await cli.Out.WriteLineAsync($"line {row.Line}: registered {row.ProjectId} {row.Name}");
            }

            await cli.Out.WriteLineAsync($"{imported.Registered.Count} registered, {imported.Failed.Count} failed");
        }

        return imported.Failed.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
    }

    private static RegisterProjectRequest ToRequest(Dictionary<string, string> row)
    {
        string Get(string key) => row.TryGetValue(key, out var v) ? v : "";
        ProjectHub.Type.V1.Decimal? Money(string key) => Get(key).Length == 0 ? null : new() { Value = Get(key) };
        var fields = new ProjectFields
        {
            NationalCode = Get("national_code"),
            Name = Get("name"),
            Industry = Get("industry"),
            Locality = Get("locality"),
            OwnerUnit = Get("owner_unit"),
            ResponsibleUnit = Get("responsible_unit"),
            IndustryDepartment = Get("industry_department"),
            LeaderInCharge = Get("leader_in_charge"),
            ResponsiblePerson = Get("responsible_person"),
            ResponsibleContact = Get("responsible_contact"),
            TotalInvestment = Money("total_investment"),
            YearPlannedInvestment = Money("year_planned_investment"),
            PlannedStart = Get("planned_start"),
            PlannedCompletion = Get("planned_completion"),
            Baseline = new Baseline(),
        };
        if (Get("tier").Length > 0) fields.Tier = Input.Enum<ProjectTier>(Get("tier"), "tier");
        foreach (var milestone in Get("milestones").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            fields.Baseline.Milestones.Add(ProjectFieldOptions.Milestone(milestone));
        }

        return new RegisterProjectRequest
        {
            Project = fields,
            Stage = Get("stage").Length > 0 ? Input.Enum<ProjectStage>(Get("stage"), "stage") : ProjectStage.PreConstruction,
            ActualStart = Get("actual_start"),
        };
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
    public List<Failure> Failed { get; } = [];

    public sealed record Row(int Line, string ProjectId, string Name);

    public sealed record Failure(int Line, List<string> Messages);
}
