using Grpc.Core;

namespace ProjectHub.Cli;

/// <summary>One readable line per problem: the status, then one line per field violation, then the reason if any.</summary>
public static class ErrorPrinter
{
    /// <param name="hadToken">Whether a token was sent: an UNAUTHENTICATED answer then means "get a new one", else "give one".</param>
    /// <param name="configFilePath">Where a saved token would be read from, named in the hint.</param>
    public static async Task PrintAsync(TextWriter error, RpcException e, bool hadToken = true, string? configFilePath = null)
    {
        var violations = e.FieldViolations();
        // The services repeat every violation in the message; with violations the lines below say it better.
        var summary = violations.Count > 0 ? $"{violations.Count} invalid field(s)"
            : string.IsNullOrWhiteSpace(e.Status.Detail) ? e.StatusCode.ToString() : OneLine(e.Status.Detail);
        await error.WriteLineAsync($"error ({Name(e.StatusCode)}): {summary}{Hint(e.StatusCode, hadToken, configFilePath)}");
        foreach (var violation in violations)
        {
            await error.WriteLineAsync($"  {violation.Field}: {OneLine(violation.Description)}");
        }

        if (e.Reason() is { Length: > 0 } reason)
        {
            await error.WriteLineAsync($"  reason: {reason}");
        }
    }

    /// <summary>What to do next, on the same line: the status alone does not say where a token comes from.</summary>
    private static string Hint(StatusCode code, bool hadToken, string? configFilePath) => code switch
    {
        StatusCode.Unauthenticated when !hadToken =>
            $" — no token given: use --token, PROJECTHUB_TOKEN or \"token\" in {configFilePath ?? "the config file"} " +
            "(local services: projecthub dev-token --role drc --save)",
        StatusCode.Unauthenticated => " — get a new token (--token, PROJECTHUB_TOKEN or the config file)",
        StatusCode.PermissionDenied => " — your token's role and unit do not allow this",
        _ => "",
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    /// <summary>The canonical upper-snake name scripts and documentation use (NOT_FOUND, not NotFound).</summary>
    private static string Name(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        _ => string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant(),
    };
}
