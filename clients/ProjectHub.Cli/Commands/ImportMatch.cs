using System.Globalization;
using ProjectHub.Registry.V1;

namespace ProjectHub.Cli.Commands;

/// <summary>
/// Finds the registered project a CSV row stands for, so a second import of the same spreadsheet updates or leaves
/// projects instead of registering them twice: by national project code when the row has one (it is unique by
/// construction), else by name and owner unit (how the DRC's list tells projects apart without a code).
/// </summary>
internal sealed class ImportMatch
{
    private readonly Dictionary<string, List<Project>> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string, string), List<Project>> _byNameAndOwner = [];

    /// <summary>Every project the caller can see, read once with ListProjects (no lookup RPC needed).</summary>
    public static async Task<ImportMatch> LoadAsync(CliContext cli)
    {
        var match = new ImportMatch();
        var request = new ListProjectsRequest { PageSize = 200 };
        do
        {
            var page = await cli.Registry.ListProjectsAsync(request, cli.Call());
            foreach (var project in page.Projects)
            {
                match.Add(project);
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return match;
    }

    /// <summary>Also called for each project the import registers, so a row repeated in the file matches the first.</summary>
    public void Add(Project project)
    {
        var code = project.Fields.NationalCode.Trim();
        if (code.Length > 0)
        {
            Bucket(_byCode, code).Add(project);
        }

        Bucket(_byNameAndOwner, (project.Fields.Name.Trim(), project.Fields.OwnerUnit.Trim())).Add(project);
    }

    public void Replace(Project project)
    {
        foreach (var list in _byCode.Values.Concat(_byNameAndOwner.Values))
        {
            list.RemoveAll(p => p.Id == project.Id);
        }

        Add(project);
    }

    /// <summary>The one matching project, none, or an error text when the row matches several.</summary>
    public (Project? Project, string? Error) Find(ImportRow row)
    {
        var code = row.Fields.NationalCode.Trim();
        var candidates = code.Length > 0
            ? _byCode.GetValueOrDefault(code, [])
            : _byNameAndOwner.GetValueOrDefault((row.Fields.Name.Trim(), row.Fields.OwnerUnit.Trim()), []);
        return candidates.Count switch
        {
            0 => (null, null),
            1 => (candidates[0], null),
            _ => (null, $"matches {candidates.Count} registered projects ({string.Join(", ", candidates.Select(p => p.Id))}); give the row its national_code"),
        };
    }

    /// <summary>
    /// The update_mask paths whose row value differs from the project's. An empty cell changes nothing: a spreadsheet
    /// row often leaves cells blank, and clearing a stored value is a deliberate 'projects update', not an import.
    /// </summary>
    public static List<string> Differences(ImportRow row, Project project)
    {
        var a = row.Fields;
        var b = project.Fields;
        var paths = new List<string>();
        void Text(string column, string mine, string theirs)
        {
            if (row.Has(column) && mine.Trim() != theirs.Trim())
            {
                paths.Add(column);
            }
        }

        void Money(string column, ProjectHub.Type.V1.Decimal? mine, ProjectHub.Type.V1.Decimal? theirs)
        {
            if (row.Has(column) && !SameAmount(mine?.Value, theirs?.Value))
            {
                paths.Add(column);
            }
        }

        Text("national_code", a.NationalCode, b.NationalCode);
        Text("name", a.Name, b.Name);
        if (row.Has("tier") && a.Tier != ProjectTier.Unspecified && a.Tier != b.Tier)
        {
            paths.Add("tier");
        }

        Text("industry", a.Industry, b.Industry);
        Text("locality", a.Locality, b.Locality);
        Text("owner_unit", a.OwnerUnit, b.OwnerUnit);
        Text("responsible_unit", a.ResponsibleUnit, b.ResponsibleUnit);
        Text("industry_department", a.IndustryDepartment, b.IndustryDepartment);
        Text("leader_in_charge", a.LeaderInCharge, b.LeaderInCharge);
        Text("responsible_person", a.ResponsiblePerson, b.ResponsiblePerson);
        Text("responsible_contact", a.ResponsibleContact, b.ResponsibleContact);
        Money("total_investment", a.TotalInvestment, b.TotalInvestment);
        Money("year_planned_investment", a.YearPlannedInvestment, b.YearPlannedInvestment);
        Text("planned_start", a.PlannedStart, b.PlannedStart);
        Text("planned_completion", a.PlannedCompletion, b.PlannedCompletion);
        return paths;
    }

    /// <summary>What the row asks for that an import does not change (it has its own audited commands).</summary>
    public static List<string> NotApplied(ImportRow row, Project project)
    {
        var notes = new List<string>();
        if (row.Has("stage") && row.Request.Stage != project.Stage)
        {
            notes.Add($"stage {Input.Name(row.Request.Stage)} not applied (the project is {Input.Name(project.Stage)}; the stage changes with the registry's ChangeStage)");
        }

        var mine = row.Fields.Baseline.Milestones;
        var theirs = project.Fields.Baseline?.Milestones;
        if (row.Has("milestones") && (theirs is null || mine.Count != theirs.Count || mine.Zip(theirs).Any(p =>
                p.First.Name != p.Second.Name || p.First.PlannedDate != p.Second.PlannedDate
                || !SameAmount(p.First.CumulativePercent?.Value, p.Second.CumulativePercent?.Value))))
        {
            notes.Add("milestones not applied (the baseline changes with 'projects replan', which keeps the old one)");
        }

        return notes;
    }

    /// <summary>"5000" and "5000.0" are the same amount; text that is not a number never equals anything.</summary>
    private static bool SameAmount(string? x, string? y)
    {
        if (string.IsNullOrWhiteSpace(x) || string.IsNullOrWhiteSpace(y))
        {
            return string.IsNullOrWhiteSpace(x) && string.IsNullOrWhiteSpace(y);
        }

        return decimal.TryParse(x, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(y, NumberStyles.Number, CultureInfo.InvariantCulture, out var b)
            && a == b;
    }

    private static List<Project> Bucket<TKey>(Dictionary<TKey, List<Project>> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        return list;
    }
}
