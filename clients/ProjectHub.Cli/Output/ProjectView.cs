using ProjectHub.Registry.V1;
using Spectre.Console;

namespace ProjectHub.Cli.Output;

/// <summary>Project tables for people.</summary>
public static class ProjectView
{
    public static void Table(IAnsiConsole console, IEnumerable<Project> projects, string nextPageToken)
    {
        var table = new Table().AddColumns("id", "name", "light", "stage", "tier", "department", "locality", "leader", "total 万元");
        var count = 0;
        foreach (var p in projects)
        {
            count++;
            var f = p.Fields ?? new ProjectFields();
            table.AddRow(Markup.Escape(p.Id), Markup.Escape(f.Name), Lights.Markup(p.Light?.Light ?? Light.None),
                Input.Name(p.Stage), Lights.Tier(f.Tier),
                Markup.Escape(f.IndustryDepartment), Markup.Escape(f.Locality), Markup.Escape(f.LeaderInCharge), Lights.Money(f.TotalInvestment));
        }

        console.Write(table);
        console.WriteLine($"{count} project(s)" + (nextPageToken.Length > 0 ? " — more: use --all-pages" : ""));
    }

    public static void Detail(IAnsiConsole console, Project p)
    {
        var f = p.Fields ?? new ProjectFields();
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string label, string value) => grid.AddRow(new Text(label), new Markup(value));
        Row("id", Markup.Escape(p.Id));
        Row("name", Markup.Escape(f.Name));
        Row("light", Lights.Markup(p.Light?.Light ?? Light.None));
        Row("stage", Input.Name(p.Stage));
        Row("tier", Lights.Tier(f.Tier));
        Row("code", Markup.Escape(f.NationalCode));
        Row("industry", Markup.Escape(f.Industry));
        Row("locality", Markup.Escape(f.Locality));
        Row("owner unit", Markup.Escape(f.OwnerUnit));
        Row("responsible unit", Markup.Escape(f.ResponsibleUnit));
        Row("department", Markup.Escape(f.IndustryDepartment));
        Row("leader", Markup.Escape(f.LeaderInCharge));
        Row("person", Markup.Escape($"{f.ResponsiblePerson} {f.ResponsibleContact}".Trim()));
        Row("investment 万元", $"total {Lights.Money(f.TotalInvestment)}, this year {Lights.Money(f.YearPlannedInvestment)}");
        Row("planned", $"{f.PlannedStart} → {f.PlannedCompletion} (baseline v{p.BaselineVersion})");
        if (p.ActualStart.Length > 0) Row("actual start", p.ActualStart);
        if (p.ExitReason.Length > 0) Row("exit reason", Markup.Escape(p.ExitReason));
        console.Write(grid);
    }
}
