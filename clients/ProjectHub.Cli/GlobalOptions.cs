using System.CommandLine;

namespace ProjectHub.Cli;

/// <summary>Options every command accepts (recursive on the root command).</summary>
public static class GlobalOptions
{
    public static readonly Option<string> Output = new("--output", "-o")
    {
        Description = "table (for people) or json (the response's protobuf JSON, for scripts; enums by their full proto name, e.g. " +
            "LIGHT_RED, PROJECT_TIER_NATIONAL)",
        DefaultValueFactory = _ => "table",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "bearer token sent as 'authorization: Bearer <token>' on every call; it says who you are and what you " +
            "may do [env PROJECTHUB_TOKEN; config key token; for local services: projecthub dev-token --save]",
        Recursive = true,
    };

    public static readonly Option<string?> Environment = new("--environment")
    {
        Description = "Development lets dev-token mint tokens for these services [env PROJECTHUB_ENVIRONMENT; config key " +
            "environment; default: development only when every endpoint is this machine]",
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
        root.Add(Token);
        root.Add(Environment);
        root.Add(Registry);
        root.Add(Approval);
        root.Add(Escalation);
    }
}
