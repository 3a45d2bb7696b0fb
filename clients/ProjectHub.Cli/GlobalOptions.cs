using System.CommandLine;

namespace ProjectHub.Cli;

/// <summary>Options every command accepts (recursive on the root command).</summary>
public static class GlobalOptions
{
    public static readonly Option<string> Output = new("--output", "-o")
    {
        Description = "table (for people) or json (the response's protobuf JSON, for scripts)",
        DefaultValueFactory = _ => "table",
        Recursive = true,
    };

    public static readonly Option<string?> Actor = new("--actor")
    {
        Description = "who is acting, sent as x-actor until sign-in lands [env PROJECTHUB_ACTOR; default: login name]",
        Recursive = true,
    };

    public static readonly Option<string?> Registry = new("--registry")
    {
        Description = $"registry endpoint host:port or URL [env PROJECTHUB_REGISTRY; default {CliSettings.DefaultRegistry}]",
        Recursive = true,
    };

    public static readonly Option<string?> Approval = new("--approval")
    {
        Description = $"approval (and calendar) endpoint [env PROJECTHUB_APPROVAL; default {CliSettings.DefaultApproval}]",
        Recursive = true,
    };

    public static readonly Option<string?> Escalation = new("--escalation")
    {
        Description = $"escalation endpoint [env PROJECTHUB_ESCALATION; default {CliSettings.DefaultEscalation}]",
        Recursive = true,
    };

    static GlobalOptions() => Output.AcceptOnlyFromAmong("table", "json");

    public static void AddTo(RootCommand root)
    {
        root.Add(Output);
        root.Add(Actor);
        root.Add(Registry);
        root.Add(Approval);
        root.Add(Escalation);
    }
}
