using System.CommandLine;
using ProjectHub.Cli.Output;
using ProjectHub.Escalation.V1;
using Spectre.Console;

namespace ProjectHub.Cli.Commands;

/// <summary>alerts watch|list|ack: what the escalation service sends a recipient (提醒).</summary>
internal static class AlertCommands
{
    public static Command Build(Runner runner)
    {
        var alerts = new Command("alerts", "alerts for a recipient: watch them live, list them, acknowledge them");
        alerts.Add(AlertWatch.Build(runner));
        alerts.Add(List(runner));
        alerts.Add(Ack(runner));
        return alerts;
    }

    /// <summary>--recipient, defaulting to the token's unit: people usually read their own alerts.</summary>
    public static Option<string?> Recipient() =>
        Opt.Text("--recipient", "recipient: a unit, department or leader name as alerts are addressed, e.g. 张副市长 (default: your token's unit)");

    /// <summary>The recipient asked for, else the unit the token acts for; a token without one (drc, inspector) must say.</summary>
    public static string RecipientOrOwn(ParseResult parse, Option<string?> recipient, CliContext cli) =>
        parse.GetValue(recipient) ?? cli.TokenUnit
        ?? throw new UsageException("--recipient is required: your token names no unit whose alerts would be yours");

    private static Command List(Runner runner)
    {
        var recipient = Recipient();
        var all = Opt.Flag("--all", "include acknowledged alerts");
        var command = new Command("list", "a recipient's alerts, oldest first (example: alerts list --recipient drc)").With(recipient, all);
        runner.Handle(command, async (parse, cli) =>
        {
            var request = new ListAlertsRequest
            {
                RecipientId = RecipientOrOwn(parse, recipient, cli),
                IncludeAcknowledged = parse.GetValue(all),
            };
            var response = await cli.Escalation.ListAlertsAsync(request, cli.Call());
            while (response.NextPageToken.Length > 0)
            {
                request.PageToken = response.NextPageToken;
                var next = await cli.Escalation.ListAlertsAsync(request, cli.Call());
                response.Alerts.AddRange(next.Alerts);
                response.NextPageToken = next.NextPageToken;
            }

            cli.Write(response, () =>
            {
                var table = new Table().AddColumns("id", "at", "code", "title", "project", "problem", "acked");
                foreach (var a in response.Alerts)
                {
                    table.AddRow(Markup.Escape(a.Id), When.Format(a.CreatedAt), Markup.Escape(a.Code), Markup.Escape(a.Title),
                        Markup.Escape(a.ProjectId), Markup.Escape(a.ProblemId), a.Acknowledged ? "yes" : "");
                }

                cli.Console.Write(table);
                cli.Console.WriteLine($"{response.Alerts.Count} alert(s)");
            });
        });
        return command;
    }

    private static Command Ack(Runner runner)
    {
        var ids = new Argument<string[]>("alert-id") { Description = "one or more alert ids", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ack", "acknowledge alerts so they are not delivered again (example: alerts ack al-1 al-2)").With(ids);
        runner.Handle(command, async (parse, cli) =>
        {
            foreach (var id in parse.GetValue(ids)!)
            {
                var alert = await cli.Escalation.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = id }, cli.Call());
                cli.Write(alert, () => cli.Console.WriteLine($"acknowledged {alert.Id} {alert.Title}"));
            }
        });
        return command;
    }
}
