using System.Text.Json;

namespace ProjectHub.Cli;

/// <summary>Resolved connection settings. Precedence: command-line flag, then environment, then config file, then default.</summary>
public sealed record CliSettings(string Registry, string Approval, string Escalation, string Actor)
{
    public const string DefaultRegistry = "127.0.0.1:5101";
    public const string DefaultApproval = "127.0.0.1:5102";
    public const string DefaultEscalation = "127.0.0.1:5103";

    /// <summary>Keys of the config file (camelCase JSON) and, upper-cased with a prefix, of the environment.</summary>
    private static readonly string[] Keys = ["registry", "approval", "escalation", "actor"];

    public static CliSettings Resolve(IReadOnlyDictionary<string, string?> flags, IConfigSource source)
    {
        var file = ReadFile(source.ConfigFilePath);
        string Pick(string key, string fallback)
        {
            if (flags.TryGetValue(key, out var flag) && !string.IsNullOrWhiteSpace(flag))
            {
                return flag;
            }

            var env = source.GetEnvironmentVariable("PROJECTHUB_" + key.ToUpperInvariant());
            if (!string.IsNullOrWhiteSpace(env))
            {
                return env;
            }

            return file.TryGetValue(key, out var fromFile) && !string.IsNullOrWhiteSpace(fromFile) ? fromFile : fallback;
        }

        return new CliSettings(
            Pick(Keys[0], DefaultRegistry),
            Pick(Keys[1], DefaultApproval),
            Pick(Keys[2], DefaultEscalation),
            // Until authentication lands the services trust x-actor; the login name is the honest default.
            Pick(Keys[3], Environment.UserName));
    }

    /// <summary>"host:port" or a full URL → the URL the channel needs (cleartext HTTP/2 unless https is given).</summary>
    public static string ToUrl(string endpoint) =>
        endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : "http://" + endpoint;

    private static Dictionary<string, string?> ReadFile(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return values;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    values[property.Name] = property.Value.GetString();
                }
            }
        }
        catch (JsonException e)
        {
            throw new UsageException($"config file {path} is not valid JSON: {e.Message}");
        }

        return values;
    }
}
