using System.CommandLine;
using System.Globalization;
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
        var all = Opt.Flag("--include-acknowledged", "acknowledged alerts too (by default only those still waiting)");
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
                // The # column is the handle people type (alerts ack 17); the long ids stay in --output json.
                var table = new Table().AddColumns("#", "at", "code", "title", "project", "body", "acked");
                foreach (var a in response.Alerts)
                {
                    table.AddRow(Handle(a), When.Format(a.CreatedAt), Markup.Escape(a.Code), Markup.Escape(a.Title),
                        Markup.Escape(ProjectLabel(a.ProjectName, a.ProjectId)), Markup.Escape(a.Body), a.Acknowledged ? "yes" : "");
                }

                cli.Console.Write(table);
                cli.Console.WriteLine($"{response.Alerts.Count} alert(s); acknowledge with: alerts ack <#>");
            });
        });
        return command;
    }

    /// <summary>The short handle lists show and ack accepts: the alert's store sequence, e.g. #17.</summary>
    public static string Handle(Alert alert) => "#" + alert.Sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>The project as people know it: its name, else (not yet known to the escalation service) its id.</summary>
    public static string ProjectLabel(string name, string id) => name.Length > 0 ? name : id;

    private static Command Ack(Runner runner)
    {
        var handles = new Argument<string[]>("alert")
        {
            Description = "one or more alerts: the # number from alerts list (17 or #17), a full alert id, or an unambiguous start of one",
            Arity = ArgumentArity.OneOrMore,
        };
        var recipient = Recipient();
        var command = new Command("ack", "acknowledge alerts so they are not delivered again (example: alerts ack 17 18)").With(handles, recipient);
        runner.Handle(command, async (parse, cli) =>
        {
            // Listed once, and only when a handle is an id prefix: numbers and full ids need no list.
            List<Alert>? pending = null;
            foreach (var handle in parse.GetValue(handles)!)
            {
                var request = await AlertHandles.ResolveAsync(handle, async () => pending ??= await PendingAsync(parse, recipient, cli));
                var alert = await cli.Escalation.AcknowledgeAlertAsync(request, cli.Call());
                cli.Write(alert, () => cli.Console.WriteLine(
                    $"acknowledged {Handle(alert)} {alert.Title} {ProjectLabel(alert.ProjectName, alert.ProjectId)}"));
            }
        });
        return command;
    }

    private static async Task<List<Alert>> PendingAsync(ParseResult parse, Option<string?> recipient, CliContext cli)
    {
        var request = new ListAlertsRequest { RecipientId = RecipientOrOwn(parse, recipient, cli), PageSize = 500 };
        var alerts = new List<Alert>();
        do
        {
            var page = await cli.Escalation.ListAlertsAsync(request, cli.Call());
            alerts.AddRange(page.Alerts);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return alerts;
    }
}
