using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProjectHub.Security;

namespace ProjectHub.Cli.Commands;

/// <summary>
/// dev-token: mints a token signed with the public development key, for services running with Auth:Mode=Development
/// (the embedded default). Refused outside development mode so nobody mistakes it for a way into real services.
/// </summary>
internal static class DevTokenCommand
{
    private const int MaxHours = 720;

    public static Command Build(Runner runner)
    {
        var role = Opt.Text("--role", "one of " + string.Join(", ", Roles.All), required: true);
        var unit = Opt.Text("--unit", "the unit the token acts for, spelled as projects name it: the owner unit (市城投集团), " +
            "the department (住建局) or the leader (张副市长); required for owner, department and leader");
        var tiers = Opt.Many("--tier", "leader only: a ladder tier it handles, one of " + string.Join(", ", LadderTiers) + "; repeat for each");
        var subject = Opt.Text("--subject", "who acts, recorded in every audit record (default: the unit, else your login name)");
        var name = Opt.Text("--name", "display name, e.g. 王科长");
        var hours = Opt.Int("--hours", $"lifetime in hours, 1-{MaxHours} (default {DevelopmentTokens.DefaultLifetime.TotalHours:0})");
        var save = Opt.Flag("--save", "write the token to the config file (key token) instead of printing it");
        var command = new Command("dev-token",
            "mint a development token (signed with the public development key) and print it. Only in development mode: " +
            "--environment Development, or no environment and every endpoint on this machine; otherwise refused (exit 4). " +
            "Example: projecthub dev-token --role owner --unit 市城投集团 --save")
            .With(role, unit, tiers, subject, name, hours, save);
        runner.Handle(command, async (parse, cli) =>
        {
            var caller = Caller(parse.GetValue(role)!, parse.GetValue(unit), parse.GetValue(tiers) ?? [], parse.GetValue(subject), parse.GetValue(name));
            var lifetime = TimeSpan.FromHours(parse.GetValue(hours) is { } h
                ? h is >= 1 and <= MaxHours ? h : throw new UsageException($"--hours must be between 1 and {MaxHours}")
                : DevelopmentTokens.DefaultLifetime.TotalHours);
            if (DevelopmentMode.WhyNot(cli.Settings) is { } why)
            {
                await cli.Error.WriteLineAsync(
                    $"error: dev-token refused outside development mode: {why}. Development tokens are signed with a public key " +
                    $"and only services with Auth:Mode=Development accept them; use a token from your issuer, or --environment {DevelopmentMode.Development} " +
                    "if these services are development ones.");
                return ExitCodes.Denied;
            }

            var now = DateTimeOffset.UtcNow;
            var token = DevelopmentTokens.Mint(caller, now, lifetime);
            var expires = (now + lifetime).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            var who = $"{caller.Role}{(caller.Unit is null ? "" : $" '{caller.Unit}'")} (sub '{caller.Subject}')";
            if (parse.GetValue(save))
            {
                CliSettings.Save(cli.Source.ConfigFilePath, CliSettings.Keys.Token, token);
                await cli.Out.WriteLineAsync($"saved a development token for {who}, valid until {expires}, to {cli.Source.ConfigFilePath}");
                if (parse.GetValue(GlobalOptions.Token) is not null || !string.IsNullOrWhiteSpace(cli.Source.GetEnvironmentVariable("PROJECTHUB_TOKEN")))
                {
                    await cli.Error.WriteLineAsync("note: --token or PROJECTHUB_TOKEN is set and takes precedence over the config file");
                }
            }
            else if (cli.AsJson)
            {
                await cli.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    token, subject = caller.Subject, role = caller.Role, unit = caller.Unit, tiers = caller.Tiers, name = caller.Name,
                    expiresAt = (now + lifetime).UtcDateTime,
                }, Json));
            }
            else
            {
                // The token alone on stdout, so TOKEN=$(projecthub dev-token …) works; who it is for goes to stderr.
                await cli.Out.WriteLineAsync(token);
                await cli.Error.WriteLineAsync($"development token for {who}, valid until {expires}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The claims asked for, checked as the services check them (a unit role without a unit is refused there too).</summary>
    internal static Caller Caller(string role, string? unit, string[] tiers, string? subject, string? name)
    {
        role = role.Trim().ToLowerInvariant();
        if (!Roles.IsKnown(role))
        {
            throw new UsageException($"--role: '{role}' is not one of {string.Join(", ", Roles.All)}");
        }

        unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
        if (Roles.NeedsUnit(role) && unit is null)
        {
            throw new UsageException($"--unit is required for {Article(role)} {role} token: it names what the token acts for");
        }

        var tierIds = tiers.Select(t => t.Trim().ToUpperInvariant()).Where(t => t.Length > 0).Distinct().ToArray();
        if (tierIds.Length > 0 && role != Roles.Leader)
        {
            throw new UsageException("--tier applies to leader tokens only");
        }

        var unknown = tierIds.Where(t => !LadderTiers.Contains(t, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            // A misspelled tier would mint a token that silently handles nothing; the services never say why.
            throw new UsageException($"--tier: {string.Join(", ", unknown)} is not a ladder tier; valid values: {string.Join(", ", LadderTiers)}");
        }

        var sub = string.IsNullOrWhiteSpace(subject) ? unit ?? Environment.UserName : subject.Trim();
        return new Caller(sub, role, unit, tierIds, string.IsNullOrWhiteSpace(name) ? null : name.Trim());
    }

    /// <summary>
    /// The tier ids of the ladders the escalation service ships (the brief's six tiers; the shorter preset uses a subset),
    /// in ladder order. A leader token's tiers must be among them.
    /// </summary>
    internal static readonly string[] LadderTiers =
    [
        "RESPONSIBLE_UNIT", "INDUSTRY_DEPARTMENT", "VICE_MAYOR", "EXECUTIVE_VICE_MAYOR", "GOVERNMENT_EXECUTIVE_MEETING", "STANDING_COMMITTEE",
    ];

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
