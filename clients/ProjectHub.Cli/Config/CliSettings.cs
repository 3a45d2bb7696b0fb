using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProjectHub.Cli;

/// <summary>Resolved connection settings. Precedence: command-line flag, then environment, then config file, then default.</summary>
/// <param name="Token">The bearer token sent on every call; null when no source gives one (the services then answer UNAUTHENTICATED).</param>
/// <param name="Environment">"Development" or another environment name, if any source says; decides whether dev-token may run.</param>
public sealed record CliSettings(string Registry, string Approval, string Escalation, string? Token, string? Environment)
{
    public const string DefaultRegistry = "127.0.0.1:5101";
    public const string DefaultApproval = "127.0.0.1:5102";
    public const string DefaultEscalation = "127.0.0.1:5103";

    /// <summary>Keys of the config file (camelCase JSON) and, upper-cased with a prefix, of the environment.</summary>
    public static class Keys
    {
        public const string Registry = "registry";
        public const string Approval = "approval";
        public const string Escalation = "escalation";
        public const string Token = "token";
        public const string Environment = "environment";
    }

    public IEnumerable<string> Endpoints => [Registry, Approval, Escalation];

    public static CliSettings Resolve(IReadOnlyDictionary<string, string?> flags, IConfigSource source)
    {
        var file = ReadFile(source.ConfigFilePath);
        string? Pick(string key)
        {
            if (flags.TryGetValue(key, out var flag) && !string.IsNullOrWhiteSpace(flag))
            {
                return flag.Trim();
            }

            var env = source.GetEnvironmentVariable("PROJECTHUB_" + key.ToUpperInvariant());
            if (!string.IsNullOrWhiteSpace(env))
            {
                return env.Trim();
            }

            return file.TryGetValue(key, out var fromFile) && !string.IsNullOrWhiteSpace(fromFile) ? fromFile.Trim() : null;
        }

        return new CliSettings(
            Pick(Keys.Registry) ?? DefaultRegistry,
            Pick(Keys.Approval) ?? DefaultApproval,
            Pick(Keys.Escalation) ?? DefaultEscalation,
            Pick(Keys.Token),
            Pick(Keys.Environment));
    }

    /// <summary>"host:port" or a full URL → the URL the channel needs (cleartext HTTP/2 unless https is given).</summary>
    public static string ToUrl(string endpoint) =>
        endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : "http://" + endpoint;

    /// <summary>Whether the endpoint is this machine (localhost, 127.0.0.0/8, ::1); an unparsable one is not.</summary>
    public static bool IsLoopback(string endpoint) =>
        Uri.TryCreate(ToUrl(endpoint), UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>Sets one key of the config file, keeping the others; the file holds a token, so only its owner may read it.</summary>
    public static void Save(string path, string key, string value)
    {
        var root = File.Exists(path) ? ParseFile(path) as JsonObject ?? new JsonObject() : new JsonObject();
        root[key] = value;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static Dictionary<string, string?> ReadFile(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path) || ParseFile(path) is not JsonObject root)
        {
            return values;
        }

        foreach (var (name, value) in root)
        {
            if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String)
            {
                values[name] = text.GetValue<string>();
            }
        }

        return values;
    }

    private static JsonNode? ParseFile(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new UsageException($"config file {path} is not valid JSON: {e.Message}");
        }
    }
}
