using System.CommandLine;
using System.Globalization;
using ProjectHub.Approval.V1;
using ProjectHub.Cli.Output;
using Spectre.Console;

namespace ProjectHub.Cli.Commands;

/// <summary>approvals open|show|list|submit|accept|approve|return|timeline: pre-construction approvals (前期审批).</summary>
internal static class ApprovalCommands
{
    private const string Kinds = "project_proposal | feasibility_study | preliminary_design | land_and_planning | environmental_impact | construction_permit";

    public static Command Build(Runner runner)
    {
        var approvals = new Command("approvals", "pre-construction approval cases: open, show, list, and move items through review");
        approvals.Add(Open(runner));
        approvals.Add(Show(runner));
        approvals.Add(List(runner));
        approvals.Add(Submit(runner));
        approvals.Add(Step(runner, "accept", "a department accepts a submitted item; its clock starts (example: approvals accept 3f2a9c0d5e6b47a8b1c2d3e4f5a6b7c8 --kind feasibility_study --department DRC)", "--note",
            (cli, r) => cli.Approvals.AcceptItemAsync(new AcceptItemRequest { CaseId = r.Case, Kind = r.Kind, DepartmentId = r.Department, Note = r.Text }, cli.Call()).ResponseAsync));
        approvals.Add(Step(runner, "approve", "a department approves (example: approvals approve 3f2a9c0d5e6b47a8b1c2d3e4f5a6b7c8 --kind feasibility_study --department DRC)", "--note",
            (cli, r) => cli.Approvals.ApproveItemAsync(new ApproveItemRequest { CaseId = r.Case, Kind = r.Kind, DepartmentId = r.Department, Note = r.Text }, cli.Call()).ResponseAsync));
        approvals.Add(Step(runner, "return", "a department returns it for correction (example: approvals return 3f2a9c0d5e6b47a8b1c2d3e4f5a6b7c8 --kind feasibility_study --department DRC --reason 材料不全)", "--reason",
            (cli, r) => cli.Approvals.ReturnItemAsync(new ReturnItemRequest { CaseId = r.Case, Kind = r.Kind, DepartmentId = r.Department, Reason = r.Text }, cli.Call()).ResponseAsync));
        approvals.Add(Timeline(runner));
        return approvals;
    }

    private static Command Open(Runner runner)
    {
        var project = Opt.Text("--project", "project id", required: true);
        var total = Opt.Text("--total-investment", "total investment, 万元 (decides which items are needed); default: the project's total investment in the registry");
        var government = Opt.Flag("--government-invested", "government-invested project");
        var green = Opt.Flag("--green-channel", "green channel (绿色通道): shorter time limits");
        var owner = Opt.Text("--owner-unit", "owner unit (default: the project's registered owner unit, once the approval service has heard of the project)");
        var command = new Command("open", "open a project's approval case (example: approvals open --project 019cac46-1500-7c3b-9d1e-5f2a3b4c5d6e --government-invested)")
            .With(project, total, government, green, owner);
        runner.Handle(command, async (parse, cli) =>
        {
            var projectId = parse.GetValue(project)!;
            var c = await cli.Approvals.OpenCaseAsync(new OpenCaseRequest
            {
                ProjectId = projectId,
                TotalInvestment = new ProjectHub.Type.V1.Decimal { Value = parse.GetValue(total) ?? await RegisteredInvestmentAsync(cli, projectId) },
                GovernmentInvested = parse.GetValue(government),
                GreenChannel = parse.GetValue(green),
                OwnerUnit = parse.GetValue(owner) ?? "",
            }, cli.Call());
            cli.Write(c, () => Case(cli.Console, c));
            await WarnIfProvisionalAsync(cli, c.Items);
        });
        return command;
    }

    private static Command Show(Runner runner)
    {
        var id = Opt.Id("case-id", "the case id");
        var command = new Command("show", "a case with each item's state and clock (example: approvals show 3f2a9c0d5e6b47a8b1c2d3e4f5a6b7c8)").With(id);
        runner.Handle(command, async (parse, cli) =>
        {
            var c = await cli.Approvals.GetCaseAsync(new GetCaseRequest { CaseId = parse.GetValue(id)! }, cli.Call());
            cli.Write(c, () => Case(cli.Console, c));
            await WarnIfProvisionalAsync(cli, c.Items);
        });
        return command;
    }

    private static Command List(Runner runner)
    {
        var department = Opt.Text("--department", "only items this department reviews: its id or Chinese name (DRC or 发改委); an unknown one is refused with the known ones");
        var state = Opt.Text("--state", "not_submitted | submitted | in_review | approved | returned");
        var overdue = Opt.Flag("--overdue", "only cases with an overdue item");
        var command = new Command("list", "cases, filtered (example: approvals list --department DRC --overdue)").With(department, state, overdue);
        runner.Handle(command, async (parse, cli) =>
        {
            var request = new ListCasesRequest { DepartmentId = parse.GetValue(department) ?? "", OverdueOnly = parse.GetValue(overdue) };
            if (parse.GetValue(state) is { } s) request.State = Input.Enum<ItemState>(s, "--state");
            var response = await cli.Approvals.ListCasesAsync(request, cli.Call());
            cli.Write(response, () =>
            {
                var table = new Table().AddColumns("case", "project", "total 万元", "items", "approved", "overdue", "ready to start");
                foreach (var c in response.Cases)
                {
                    table.AddRow(Markup.Escape(c.CaseId), Markup.Escape(c.ProjectId), Lights.Money(c.TotalInvestment),
                        c.Items.Count.ToString(CultureInfo.InvariantCulture),
                        c.Items.Count(i => i.State == ItemState.Approved).ToString(CultureInfo.InvariantCulture),
                        c.Items.Count(i => i.Clock?.Overdue == true).ToString(CultureInfo.InvariantCulture), c.ReadyToStartConstruction ? "yes" : "");
                }

                cli.Console.Write(table);
            });
            await WarnIfProvisionalAsync(cli, response.Cases.SelectMany(c => c.Items));
        });
        return command;
    }

    private static Command Submit(Runner runner)
    {
        var id = Opt.Id("case-id", "the case id");
        var kind = Opt.Text("--kind", Kinds, required: true);
        var documents = Opt.Many("--document", DocumentFiles.Help);
        var location = Opt.Text("--document-location", "where the documents are stored for the reviewers (object-store prefix or URI, e.g. s3://approvals/2026-001); each document's location is this joined with its file name");
        var note = Opt.Text("--note", "a note");
        var command = new Command("submit", "the owner submits an item with its complete document set (example: approvals submit 3f2a9c0d5e6b47a8b1c2d3e4f5a6b7c8 --kind feasibility_study --document ./可研报告.pdf --document-location s3://approvals/2026-001)")
            .With(id, kind, documents, location, note);
        runner.Handle(command, async (parse, cli) =>
        {
            var request = new SubmitItemRequest { CaseId = parse.GetValue(id)!, Kind = Input.Enum<ItemKind>(parse.GetValue(kind)!, "--kind"), Note = parse.GetValue(note) ?? "" };
            foreach (var d in parse.GetValue(documents) ?? [])
            {
                request.Documents.Add(await DocumentFiles.ReadAsync(d, parse.GetValue(location), cli.Cancellation));
            }

            var item = await cli.Approvals.SubmitItemAsync(request, cli.Call());
            cli.Write(item, () => Items(cli.Console, [item]));
            await WarnIfProvisionalAsync(cli, [item]);
        });
        return command;
    }

    private sealed record StepRequest(string Case, ItemKind Kind, string Department, string Text);

    private static Command Step(Runner runner, string name, string description, string textOption, Func<CliContext, StepRequest, Task<ApprovalItem>> call)
    {
        var id = Opt.Id("case-id", "the case id");
        var kind = Opt.Text("--kind", Kinds, required: true);
        var department = Opt.Text("--department", "the reviewing department: its id or Chinese name as the reviews column shows them (DRC or 发改委); on a joint review each department acts for itself", required: true);
        var text = Opt.Text(textOption, textOption == "--reason" ? "why it goes back" : "a note", required: textOption == "--reason");
        var command = new Command(name, description).With(id, kind, department, text);
        runner.Handle(command, async (parse, cli) =>
        {
            var item = await call(cli, new StepRequest(parse.GetValue(id)!, Input.Enum<ItemKind>(parse.GetValue(kind)!, "--kind"),
                parse.GetValue(department)!, parse.GetValue(text) ?? ""));
            cli.Write(item, () => Items(cli.Console, [item]));
            await WarnIfProvisionalAsync(cli, [item]);
        });
        return command;
    }

    private static Command Timeline(Runner runner)
    {
        var id = Opt.Id("case-id", "the case id");
        var kind = Opt.Text("--kind", Kinds, required: true);
        var command = new Command("timeline", "every step of one item with working days used (example: approvals timeline 3f2a9c0d5e6b47a8b1c2d3e4f5a6b7c8 --kind feasibility_study)").With(id, kind);
        runner.Handle(command, async (parse, cli) =>
        {
            var response = await cli.Approvals.GetTimelineAsync(
                new GetTimelineRequest { CaseId = parse.GetValue(id)!, Kind = Input.Enum<ItemKind>(parse.GetValue(kind)!, "--kind") }, cli.Call());
            cli.Write(response, () =>
            {
                Items(cli.Console, [response.Item]);
                var table = new Table().AddColumns("#", "date", "action", "state", "actor", "department", "used", "left", "note");
                foreach (var e in response.Entries)
                {
                    table.AddRow(e.Sequence.ToString(CultureInfo.InvariantCulture), e.Date, Input.Name(e.Action), $"{Input.Name(e.From)} → {Input.Name(e.To)}",
                        Markup.Escape(e.Actor), Markup.Escape(e.DepartmentId), e.WorkingDaysUsed.ToString(CultureInfo.InvariantCulture),
                        e.WorkingDaysLeft.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Note));
                }

                cli.Console.Write(table);
            });
            await WarnIfProvisionalAsync(cli, [response.Item]);
        });
        return command;
    }

    /// <summary>
    /// The registry already knows the project's total investment; asking for it again invites a second, different
    /// figure. Read with GetProject (the caller's own token), so it is the registry's current value.
    /// </summary>
    private static async Task<string> RegisteredInvestmentAsync(CliContext cli, string projectId)
    {
        var registered = await cli.Registry.GetProjectAsync(new ProjectHub.Registry.V1.GetProjectRequest { ProjectId = projectId }, cli.Call());
        var value = registered.Fields?.TotalInvestment?.Value ?? "";
        if (value.Length == 0)
        {
            throw new UsageException($"project {projectId} has no total investment in the registry; give --total-investment");
        }

        await cli.Error.WriteLineAsync($"total investment {Lights.Money(registered.Fields!.TotalInvestment)} 万元, as registered");
        return value;
    }

    /// <summary>A deadline counted through a year without holiday data is 暂定: said on stderr too, once per command.</summary>
    private static async Task WarnIfProvisionalAsync(CliContext cli, IEnumerable<ApprovalItem> items)
    {
        if (items.Any(i => i.Clock?.DueDateProvisional == true))
        {
            await Provisional.WarnAsync(cli);
        }
    }

    private static void Case(IAnsiConsole console, ApprovalCase c)
    {
        console.MarkupLine($"case {Markup.Escape(c.CaseId)}  project {Markup.Escape(c.ProjectId)}  total {Lights.Money(c.TotalInvestment)} 万元" +
            (c.GreenChannel ? "  green channel" : "") + (c.ReadyToStartConstruction ? "  [green]ready to start construction[/]" : ""));
        Items(console, c.Items);
    }

    private static void Items(IAnsiConsole console, IEnumerable<ApprovalItem> items)
    {
        var table = new Table().AddColumns("item", "kind", "state", "reviews", "limit", "used", "left", "due");
        foreach (var i in items)
        {
            var clock = i.Clock ?? new Clock();
            table.AddRow(Markup.Escape(i.DisplayName), Input.Name(i.Kind), Input.Name(i.State),
                Markup.Escape(string.Join(", ", i.Reviews.Select(r => $"{r.DepartmentName} {r.DepartmentId}: {Input.Name(r.Status)}"))),
                i.TimeLimitWorkingDays.ToString(CultureInfo.InvariantCulture), clock.WorkingDaysUsed.ToString(CultureInfo.InvariantCulture),
                clock.WorkingDaysLeft.ToString(CultureInfo.InvariantCulture),
                clock.DueDate + (clock.DueDateProvisional ? " " + Provisional.Markup : "") + (clock.Overdue ? " [red]overdue[/]" : clock.DueSoon ? " [yellow]due soon[/]" : ""));
        }

        console.Write(table);
    }
}
