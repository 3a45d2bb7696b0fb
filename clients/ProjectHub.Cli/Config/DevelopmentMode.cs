namespace ProjectHub.Cli;

/// <summary>
/// Whether the CLI talks to development services, which alone accept development tokens (their signing key is
/// public). An explicit environment decides; without one, only services on this machine count as development.
/// </summary>
public static class DevelopmentMode
{
    public const string Development = "Development";

    /// <summary>Null when in development mode, else why not (one sentence, for the refusal).</summary>
    public static string? WhyNot(CliSettings settings)
    {
        if (settings.Environment is { } environment)
        {
            return string.Equals(environment, Development, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"the environment is '{environment}', not {Development}";
        }

        var remote = settings.Endpoints.FirstOrDefault(e => !CliSettings.IsLoopback(e));
        return remote is null ? null : $"endpoint {remote} is not a loopback address and no environment is set";
    }
}
