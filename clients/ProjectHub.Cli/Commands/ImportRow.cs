using ProjectHub.Registry.V1;

namespace ProjectHub.Cli.Commands;

/// <summary>
/// One CSV row read into a registration request. Cells the tool itself must turn into enums or milestones are read
/// here; a bad one becomes an error of the row (with its proto field path) instead of stopping at the first, and the
/// field is left unset so the other cells can still be judged.
/// </summary>
internal sealed class ImportRow
{
    public const string TierField = "project.tier";
    public const string StageField = "stage";
    public const string MilestonesField = "project.baseline.milestones";

    private readonly Dictionary<string, string> _cells;

    public ImportRow(int line, Dictionary<string, string> cells)
    {
        Line = line;
        _cells = cells;
        Request = Read();
    }

    public int Line { get; }

    public RegisterProjectRequest Request { get; }

    /// <summary>Errors found before any call, as "field: problem", keyed by field for filtering knock-on errors.</summary>
    public List<(string Field, string Message)> LocalErrors { get; } = [];

    public ProjectFields Fields => Request.Project;

    /// <summary>Whether the file has this column and the row a value in it.</summary>
    public bool Has(string column) => Get(column).Length > 0;

    public string Get(string column) => _cells.TryGetValue(column, out var v) ? v : "";

    private RegisterProjectRequest Read()
    {
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
        if (Has("tier"))
        {
            Try(TierField, () => fields.Tier = Input.Enum<ProjectTier>(Get("tier"), "tier"));
        }

        foreach (var milestone in Get("milestones").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Try(MilestonesField, () => fields.Baseline.Milestones.Add(ProjectFieldOptions.Milestone(milestone)));
        }

        var stage = ProjectStage.PreConstruction;
        if (Has("stage"))
        {
            Try(StageField, () => stage = Input.Enum<ProjectStage>(Get("stage"), "stage"));
        }

        return new RegisterProjectRequest { Project = fields, Stage = stage, ActualStart = Get("actual_start") };
    }

    private void Try(string field, Action read)
    {
        try
        {
            read();
        }
        catch (UsageException e)
        {
            // The shared milestone parser speaks of the flag; here the cell is the milestones column.
            LocalErrors.Add((field, e.Message.Replace("--milestone ", "milestones: ", StringComparison.Ordinal)));
        }
    }
}
