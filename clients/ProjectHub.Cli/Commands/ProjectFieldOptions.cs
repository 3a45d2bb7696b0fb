using System.CommandLine;
using ProjectHub.Registry.V1;

namespace ProjectHub.Cli.Commands;

/// <summary>
/// One flag per ProjectFields field, shared by register and update. <see cref="Apply"/> copies the flags given into a
/// message and returns their proto paths (update's field mask).
/// </summary>
internal sealed class ProjectFieldOptions
{
    private readonly (Option<string?> Option, string Path, Action<ProjectFields, string> Set)[] _fields;

    public ProjectFieldOptions()
    {
        static ProjectHub.Type.V1.Decimal Money(string v) => new() { Value = v.Trim() };
        _fields =
        [
            (Opt.Text("--code", "national project code (国家项目代码)"), "national_code", (f, v) => f.NationalCode = v),
            (Opt.Text("--name", "project name (项目名称)"), "name", (f, v) => f.Name = v),
            (Opt.Text("--tier", "national | provincial_large_medium | provincial_key | municipal_major"), "tier",
                (f, v) => f.Tier = Input.Enum<ProjectTier>(v, "--tier")),
            (Opt.Text("--industry", "industry (行业)"), "industry", (f, v) => f.Industry = v),
            (Opt.Text("--locality", "district or county (属地)"), "locality", (f, v) => f.Locality = v),
            (Opt.Text("--owner-unit", "owner unit (业主单位)"), "owner_unit", (f, v) => f.OwnerUnit = v),
            (Opt.Text("--responsible-unit", "responsible unit (责任单位)"), "responsible_unit", (f, v) => f.ResponsibleUnit = v),
            (Opt.Text("--department", "industry department (行业主管部门)"), "industry_department", (f, v) => f.IndustryDepartment = v),
            (Opt.Text("--leader", "leader in charge (分管领导)"), "leader_in_charge", (f, v) => f.LeaderInCharge = v),
            (Opt.Text("--person", "responsible person (责任人)"), "responsible_person", (f, v) => f.ResponsiblePerson = v),
            (Opt.Text("--contact", "responsible person's phone"), "responsible_contact", (f, v) => f.ResponsibleContact = v),
            (Opt.Text("--total-investment", "total investment, 万元 (e.g. 5000 or 1234.56)"), "total_investment", (f, v) => f.TotalInvestment = Money(v)),
            (Opt.Text("--year-investment", "this year's planned investment, 万元"), "year_planned_investment", (f, v) => f.YearPlannedInvestment = Money(v)),
            (Opt.Text("--planned-start", "planned start YYYY-MM-DD"), "planned_start", (f, v) => f.PlannedStart = v),
            (Opt.Text("--planned-completion", "planned completion YYYY-MM-DD"), "planned_completion", (f, v) => f.PlannedCompletion = v),
        ];
    }

    public Option[] All => [.. _fields.Select(f => (Option)f.Option)];

    public List<string> Apply(ParseResult parse, ProjectFields target)
    {
        var paths = new List<string>();
        foreach (var (option, path, set) in _fields)
        {
            if (parse.GetValue(option) is { } value)
            {
                set(target, value);
                paths.Add(path);
            }
        }

        return paths;
    }

    /// <summary>"name@YYYY-MM-DD@percent" → a milestone of the baseline.</summary>
    public static Milestone Milestone(string text)
    {
        var parts = text.Split('@');
        if (parts.Length != 3)
        {
            throw new UsageException($"--milestone '{text}': expected name@YYYY-MM-DD@cumulative-percent, e.g. 主体封顶@2026-06-30@60");
        }

        return new Milestone { Name = parts[0].Trim(), PlannedDate = parts[1].Trim(), CumulativePercent = new() { Value = parts[2].Trim() } };
    }
}
