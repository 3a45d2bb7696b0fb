using ProjectHub.Grpc;

namespace ProjectHub.Cli;

/// <summary>One readable line per problem: the status, then one line per field violation, then the reason if any.</summary>
public static class ErrorPrinter
{
    public static async Task PrintAsync(TextWriter error, RpcException e)
    {
        var violations = e.FieldViolations;
        // The services repeat every violation in the message; with violations the lines below say it better.
        var summary = violations.Count > 0 ? $"{violations.Count} invalid field(s)"
            : string.IsNullOrWhiteSpace(e.Status.Detail) ? e.StatusCode.ToString() : e.Status.Detail;
        await error.WriteLineAsync($"error ({Name(e.StatusCode)}): {summary}");
        foreach (var violation in violations)
        {
            await error.WriteLineAsync($"  {violation.Field}: {violation.Description}");
        }

        if (e.Reason is { Length: > 0 } reason)
        {
            await error.WriteLineAsync($"  reason: {reason}");
        }
    }

    /// <summary>The canonical upper-snake name scripts and documentation use (NOT_FOUND, not NotFound).</summary>
    private static string Name(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        _ => string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant(),
    };
}
