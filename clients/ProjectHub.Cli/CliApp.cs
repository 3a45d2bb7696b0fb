using System.CommandLine;
using ProjectHub.Cli.Commands;
using Grpc.Core;

namespace ProjectHub.Cli;

/// <summary>The tool's entry point, callable in-process (tests) with its own writers and settings source.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, IConfigSource source, CancellationToken cancellation = default)
    {
        var root = Build(output, error, source);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine would exit 1; usage errors are "bad input" (2) here.
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync("error: " + parseError.Message);
            }

            await error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.BadInput;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellation);
    }

    private static RootCommand Build(TextWriter output, TextWriter error, IConfigSource source)
    {
        var root = new RootCommand(
            "projecthub — the key-project list, weekly reports, warning lights, the ranking of units, problems, alerts and approvals.\n" +
            "Every call carries your bearer token (--token); it says who you are and what you may do. Against local " +
            "development services, 'projecthub dev-token --role drc --save' makes one.\n" +
            "Configuration: flags > environment (PROJECTHUB_REGISTRY, PROJECTHUB_APPROVAL, PROJECTHUB_ESCALATION, " +
            "PROJECTHUB_TOKEN, PROJECTHUB_ENVIRONMENT) > ~/.config/projecthub/config.json (XDG_CONFIG_HOME respected; keys " +
            "registry, approval, escalation, token, environment) > defaults.\n" +
            "Enum values on the command line: any case, with or without their proto prefix (--tier national or " +
            "--tier PROJECT_TIER_NATIONAL); in JSON (--output json, --file) they carry the prefix.\n" +
            "Exit codes: 0 ok, 1 other, 2 bad input, 3 not found, 4 denied (PERMISSION_DENIED; dev-token outside development), " +
            "5 unavailable, 6 failed precondition, 7 unauthenticated (no token or a refused one), 8 provisional (a calendar answer " +
            "counted through a year whose holiday data is not published).");
        GlobalOptions.AddTo(root);
        var runner = new Runner(output, error, source);
        root.Add(ProjectCommands.Build(runner));
        root.Add(ReportCommands.Build(runner));
        root.Add(LightCommands.BuildLights(runner));
        root.Add(LightCommands.BuildBoard(runner));
        root.Add(RankingCommand.Build(runner));
        root.Add(ProblemCommands.Build(runner));
        root.Add(AlertCommands.Build(runner));
        root.Add(ApprovalCommands.Build(runner));
        root.Add(CalendarCommands.Build(runner));
        root.Add(DevTokenCommand.Build(runner));
        return root;
    }
}

/// <summary>Runs a command body with a fresh <see cref="CliContext"/> and turns failures into exit codes.</summary>
public sealed class Runner(TextWriter output, TextWriter error, IConfigSource source)
{
    public void Handle(Command command, Func<ParseResult, CliContext, Task<int>> body) =>
        command.SetAction((parse, cancellation) => RunAsync(parse, body, cancellation));

    public void Handle(Command command, Func<ParseResult, CliContext, Task> body) =>
        Handle(command, async (parse, context) =>
        {
            await body(parse, context);
            return ExitCodes.Ok;
        });

    private async Task<int> RunAsync(ParseResult parse, Func<ParseResult, CliContext, Task<int>> body, CancellationToken cancellation)
    {
        CliContext? context = null;
        try
        {
            context = new CliContext(parse, output, error, source, cancellation);
            return await body(parse, context);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellation.IsCancellationRequested)
        {
            // Ctrl+C during a call: Grpc.Net.Client reports it as CANCELLED, not as an OperationCanceledException.
            return ExitCodes.Other;
        }
        catch (RpcException e)
        {
            await ErrorPrinter.PrintAsync(error, e, hadToken: context?.Settings.Token is not null, source.ConfigFilePath);
            return ExitCodes.For(e.StatusCode);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return ExitCodes.Other;
        }
        finally
        {
            context?.Dispose();
        }
    }
}
