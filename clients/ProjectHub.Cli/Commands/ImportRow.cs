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

    /// <summary>
    /// What the registry judges with a cell's value, by the cell's field: when the cell cannot be read, the registry
    /// would compare the others with a default (a total investment of 0, a start of 0001-01-01) and report errors
    /// that are not in the file. Those are dropped; the cell's own error says what to fix.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Dependents = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [TierField] = [TierField],
        [StageField] = [StageField, "actual_start"],
        [MilestonesField] = ["project.baseline"],
        ["project.total_investment"] = ["project.total_investment", "project.year_planned_investment"],
        ["project.year_planned_investment"] = ["project.year_planned_investment"],
        ["project.planned_start"] = ["project.planned_start", "project.planned_completion", "project.baseline", "actual_start"],
        ["project.planned_completion"] = ["project.planned_completion", "project.baseline"],
        ["actual_start"] = ["actual_start"],
    };

    // The registry's own formats: invariant decimals (万元, percent) and ISO dates.
    private static bool IsAmount(string text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out _);

    private static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);

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
        foreach (var column in (string[])["total_investment", "year_planned_investment"])
        {
            if (Has(column) && !IsAmount(Get(column)))
            {
                LocalErrors.Add(("project." + column, $"{column}: '{Get(column)}' is not an amount in 万元 such as 1234.5"));
            }
        }

        foreach (var (column, field) in (ReadOnlySpan<(string, string)>)[("planned_start", "project.planned_start"), ("planned_completion", "project.planned_completion"), ("actual_start", "actual_start")])
        {
            if (Has(column) && !IsDate(Get(column)))
            {
                LocalErrors.Add((field, $"{column}: '{Get(column)}' is not a date YYYY-MM-DD"));
            }
        }

        if (Has("tier"))
        {
            Try(TierField, () => fields.Tier = Input.Enum<ProjectTier>(Get("tier"), "tier"));
        }

        foreach (var milestone in Get("milestones").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Try(MilestonesField, () =>
            {
                var read = ProjectFieldOptions.Milestone(milestone);
                if (!IsDate(read.PlannedDate) || !IsAmount(read.CumulativePercent.Value))
                {
                    throw new UsageException($"milestones: '{milestone}': expected name@YYYY-MM-DD@cumulative-percent, e.g. 主体封顶@2026-06-30@60");
                }

                fields.Baseline.Milestones.Add(read);
            });
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
