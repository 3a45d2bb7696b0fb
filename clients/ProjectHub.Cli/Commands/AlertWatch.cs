using System.CommandLine;
using ProjectHub.Cli.Output;
using ProjectHub.Escalation.V1;
using Grpc.Core;
using Spectre.Console;

namespace ProjectHub.Cli.Commands;

/// <summary>
/// alerts watch: follows the server stream and reconnects by itself. The server starts every subscription with all
/// of the recipient's unacknowledged alerts (then new ones), so after a reconnect the ones already shown arrive
/// again: they are recognised by id and not shown twice. Acknowledging (--ack, or the 'a' key) is what stops them.
/// </summary>
internal static class AlertWatch
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public static Command Build(Runner runner)
    {
        var recipient = AlertCommands.Recipient();
        var ack = Opt.Flag("--ack", "acknowledge every alert as it is shown");
        var max = Opt.Int("--max", "stop after this many alerts (scripts, tests)");
        var command = new Command("watch",
            "follow alerts live; reconnects with backoff (1 s doubling to 30 s). In a terminal press 'a' to acknowledge the " +
            "latest alert, 'q' to quit. Example: alerts watch --recipient drc --ack").With(recipient, ack, max);
        runner.Handle(command, async (parse, cli) =>
        {
            var watcher = new Watcher(cli, AlertCommands.RecipientOrOwn(parse, recipient, cli), parse.GetValue(ack), parse.GetValue(max));
            return await watcher.RunAsync();
        });
        return command;
    }

    private sealed class Watcher(CliContext cli, string recipient, bool ackAll, int? max)
    {
        private readonly HashSet<string> _shown = [];
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cli.Cancellation);
        private Alert? _latestUnacked;

        public async Task<int> RunAsync()
        {
            if (cli.Source.IsInteractive && !ackAll)
            {
                _ = Task.Run(ReadKeysAsync); // blocks on ReadKey; ends with the process
            }

            var backoff = TimeSpan.FromSeconds(1);
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var call = cli.Escalation.SubscribeAlerts(new SubscribeAlertsRequest { RecipientId = recipient }, CliContext.StreamCall(_stop.Token));
                    while (await call.ResponseStream.MoveNext(_stop.Token))
                    {
                        backoff = TimeSpan.FromSeconds(1);
                        await ShowAsync(call.ResponseStream.Current);
                        if (max is { } limit && _shown.Count >= limit)
                        {
                            return ExitCodes.Ok;
                        }
                    }
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.DeadlineExceeded)
                {
                    await cli.Error.WriteLineAsync($"alert stream lost ({e.StatusCode}); reconnecting in {backoff.TotalSeconds:0} s");
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    break;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && _stop.IsCancellationRequested)
                {
                    break; // Ctrl+C or 'q'
                }

                try
                {
                    await Task.Delay(backoff, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }

            return ExitCodes.Ok;
        }

        private async Task ShowAsync(Alert alert)
        {
            if (!_shown.Add(alert.Id))
            {
                return; // replayed after a reconnect: already on screen
            }

            if (cli.AsJson)
            {
                cli.WriteJson(alert);
            }
            else
            {
                // The # handle is what 'alerts ack' takes; the project by name, as people know it.
                cli.Console.MarkupLine($"[bold]{When.Format(alert.CreatedAt)}[/] {AlertCommands.Handle(alert)} {Markup.Escape(alert.Code)} " +
                    $"{Markup.Escape(alert.Title)} {Markup.Escape(AlertCommands.ProjectLabel(alert.ProjectName, alert.ProjectId))}");
                if (alert.Body.Length > 0) cli.Console.MarkupLine("  " + Markup.Escape(alert.Body));
            }

            if (ackAll)
            {
                await cli.Escalation.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = alert.Id }, cli.Call());
            }
            else
            {
                _latestUnacked = alert;
            }
        }

        private async Task ReadKeysAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.KeyChar is 'q' or 'Q')
                {
                    await _stop.CancelAsync();
                }
                else if (key.KeyChar is 'a' or 'A' && Interlocked.Exchange(ref _latestUnacked, null) is { } latest)
                {
                    await cli.Escalation.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = latest.Id }, cli.Call());
                    cli.Console.MarkupLine($"[green]acknowledged[/] {AlertCommands.Handle(latest)} {Markup.Escape(latest.Title)}");
                }
            }
        }
    }
}
