using System.CommandLine;
using ProjectHub.Cli.Output;
using ProjectHub.Escalation.V1;
using Spectre.Console;

namespace ProjectHub.Cli.Commands;

/// <summary>problems raise|list|show|ack|resolve|escalate|reopen: problems on the tiered ladder (问题协调).</summary>
internal static class ProblemCommands
{
    public static Command Build(Runner runner)
    {
        var problems = new Command("problems", "problems climbing the ladder: raise, list, show, ack, resolve, escalate, reopen");
        problems.Add(Raise(runner));
        problems.Add(List(runner));
        problems.Add(Show(runner));
        problems.Add(Action(runner, "ack", "acknowledge: your tier is handling it (example: problems ack pr-1)", null,
            (cli, id, _) => cli.Escalation.AcknowledgeProblemAsync(new AcknowledgeProblemRequest { ProblemId = id }, cli.Call()).ResponseAsync));
        problems.Add(Action(runner, "resolve", "mark it solved (example: problems resolve pr-1 --resolution 已完成签约)", "--resolution",
            (cli, id, text) => cli.Escalation.ResolveProblemAsync(new ResolveProblemRequest { ProblemId = id, Resolution = text }, cli.Call()).ResponseAsync));
        problems.Add(Action(runner, "escalate", "send it up one tier now (example: problems escalate pr-1 --reason 需市级协调)", "--reason",
            (cli, id, text) => cli.Escalation.EscalateProblemAsync(new EscalateProblemRequest { ProblemId = id, Reason = text }, cli.Call()).ResponseAsync));
        problems.Add(Action(runner, "reopen", "reopen a resolved problem (example: problems reopen pr-1 --reason 问题复现)", "--reason",
            (cli, id, text) => cli.Escalation.ReopenProblemAsync(new ReopenProblemRequest { ProblemId = id, Reason = text }, cli.Call()).ResponseAsync));
        return problems;
    }

    private static Command Raise(Runner runner)
    {
        var project = Opt.Text("--project", "project id", required: true);
        var category = Opt.Text("--category", "land | demolition | labour | funding | approvals | materials | utilities | other", required: true);
        var description = Opt.Text("--description", "what is blocking the project", required: true);
        var command = new Command("raise", "raise a problem at the first tier (example: problems raise --project 019cac46-1500-7c3b-9d1e-5f2a3b4c5d6e --category land --description 三户未签约)")
            .With(project, category, description);
        runner.Handle(command, async (parse, cli) =>
        {
            var problem = await cli.Escalation.RaiseProblemAsync(new RaiseProblemRequest
            {
                ProjectId = parse.GetValue(project)!,
                Category = Input.Enum<ProblemCategory>(parse.GetValue(category)!, "--category"),
                Description = parse.GetValue(description)!,
            }, cli.Call());
            cli.Write(problem, () => Detail(cli.Console, problem));
        });
        return command;
    }

    private static Command List(Runner runner)
    {
        var project = Opt.Text("--project", "only this project");
        var tier = Opt.Text("--tier", "only this tier id, e.g. VICE_MAYOR");
        var state = Opt.Text("--state", "open | acknowledged | resolved");
        var category = Opt.Text("--category", "land | demolition | labour | funding | approvals | materials | utilities | other");
        var overdue = Opt.Flag("--overdue", "only problems past their tier's deadline");
        var command = new Command("list", "problems, filtered (example: problems list --overdue)").With(project, tier, state, category, overdue);
        runner.Handle(command, async (parse, cli) =>
        {
            var request = new ListProblemsRequest
            {
                ProjectId = parse.GetValue(project) ?? "",
                TierId = parse.GetValue(tier) ?? "",
                OverdueOnly = parse.GetValue(overdue),
            };
            if (parse.GetValue(state) is { } s) request.State = Input.Enum<ProblemState>(s, "--state");
            if (parse.GetValue(category) is { } c) request.Category = Input.Enum<ProblemCategory>(c, "--category");
            var response = await cli.Escalation.ListProblemsAsync(request, cli.Call());
            cli.Write(response, () =>
            {
                var table = new Table().AddColumns("id", "project", "category", "tier", "state", "deadline", "description");
                foreach (var p in response.Problems)
                {
                    table.AddRow(Markup.Escape(p.Id), Markup.Escape(AlertCommands.ProjectLabel(p.ProjectName, p.ProjectId)), Input.Name(p.Category), Markup.Escape(p.Tier?.ChineseName ?? ""),
                        Input.Name(p.State), p.TierDeadline + (p.TierDeadlineProvisional ? " " + Provisional.Markup : "") + (p.Overdue ? " [red]overdue[/]" : ""), Markup.Escape(p.Description));
                }

                cli.Console.Write(table);
            });
        });
        return command;
    }

    private static Command Show(Runner runner)
    {
        var id = Opt.Id("problem-id", "the problem's id");
        var command = new Command("show", "one problem and its history on the ladder (example: problems show 7c1e9a52-3b4d-4f6e-8a90-1b2c3d4e5f60)").With(id);
        runner.Handle(command, async (parse, cli) =>
        {
            var problem = await cli.Escalation.GetProblemAsync(new GetProblemRequest { ProblemId = parse.GetValue(id)! }, cli.Call());
            if (cli.AsJson)
            {
                cli.WriteJson(problem);
                return;
            }

            Detail(cli.Console, problem);
            var history = await cli.Escalation.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = problem.Id }, cli.Call());
            var table = new Table().AddColumns("at", "action", "actor", "tier", "deadline", "note");
            foreach (var e in history.Entries)
            {
                table.AddRow(When.Format(e.RecordedAt), Markup.Escape(e.Action), Markup.Escape(e.Actor),
                    Markup.Escape(TierText(e)), e.TierDeadline, Markup.Escape(e.Note));
            }

            cli.Console.Write(table);
        });
        return command;
    }

    private static Command Action(Runner runner, string name, string description, string? textOption, Func<CliContext, string, string, Task<Problem>> call)
    {
        var id = Opt.Id("problem-id", "the problem's id");
        var command = new Command(name, description).With(id);
        var text = textOption is null ? null : Opt.Text(textOption, textOption == "--resolution" ? "how it was solved" : "why", required: true);
        if (text is not null)
        {
            command.Add(text);
        }

        runner.Handle(command, async (parse, cli) =>
        {
            var problem = await call(cli, parse.GetValue(id)!, text is null ? "" : parse.GetValue(text)!);
            cli.Write(problem, () => Detail(cli.Console, problem));
        });
        return command;
    }

    // Chinese tier names, as people know the rungs; the ids only for a history written under another ladder.
    private static string TierText(ProblemHistoryEntry e)
    {
        var from = e.FromTierName.Length > 0 ? e.FromTierName : e.FromTierId;
        var to = e.ToTierName.Length > 0 ? e.ToTierName : e.ToTierId;
        return from == to ? to : $"{from} → {to}";
    }

    private static void Detail(IAnsiConsole console, Problem p)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string label, string value) => grid.AddRow(new Text(label), new Text(value));
        Row("id", p.Id);
        Row("project", p.ProjectName.Length > 0 ? $"{p.ProjectName} ({p.ProjectId})" : p.ProjectId);
        if (p.ProjectLight.Length > 0) Row("project light", p.ProjectLight);
        Row("category", Input.Name(p.Category));
        Row("kind", Input.Name(p.Kind));
        Row("state", Input.Name(p.State));
        Row("tier", $"{p.Tier?.Number} {p.Tier?.ChineseName} ({p.Tier?.Id})");
        Row("deadline", p.TierDeadline + (p.TierDeadlineProvisional ? " " + Provisional.Text : "") + (p.Overdue ? " (overdue)" : ""));
        Row("raised", $"{p.RaisedBy} {When.Format(p.RaisedAt)}");
        Row("description", p.Description);
        if (p.AcknowledgedBy.Length > 0) Row("acknowledged", $"{p.AcknowledgedBy} {When.Format(p.AcknowledgedAt)}");
        if (p.ResolvedBy.Length > 0) Row("resolved", $"{p.ResolvedBy} {When.Format(p.ResolvedAt)}: {p.Resolution}");
        console.Write(grid);
    }
}
