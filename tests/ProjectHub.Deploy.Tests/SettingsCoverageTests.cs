using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProjectHub.Hosting;

namespace ProjectHub.Deploy.Tests;

/// <summary>
/// Every setting a deployment must give (ConfigurationKeys, Deploy.Required) is given to every service in compose
/// and Kubernetes; secrets come from Secrets; and the catalog itself lists every key the code reads.
/// </summary>
public sealed partial class SettingsCoverageTests
{
    private static readonly string[] DeployedSources = ["libs", "services/Registry", "services/Approval", "services/Escalation"];

    public static TheoryData<string> ServiceNames() => new(Repo.Services.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Compose_gives_every_required_setting(string service)
    {
        var host = Host(service);
        var environment = Repo.LoadYaml("deploy/compose.yaml").Single()["services"]?[service]?["environment"]?.AsObject();
        Assert.NotNull(environment);
        foreach (var variable in RequiredVariables(host))
        {
            Assert.True(environment.ContainsKey(variable), $"compose service {service} does not set {variable}");
            Assert.False(string.IsNullOrWhiteSpace(Repo.Text(environment[variable])), $"compose service {service} sets {variable} empty");
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Kubernetes_gives_every_required_setting_and_secrets_only_from_secrets(string service)
    {
        var host = Host(service);
        var manifests = Manifests();
        var deployment = Single(manifests, "Deployment", service);
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single()!;
        var fromConfigMaps = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in container["envFrom"]?.AsArray() ?? [])
        {
            var name = Repo.Text(reference?["configMapRef"]?["name"]);
            var map = Single(manifests, "ConfigMap", name);
            foreach (var (key, value) in map["data"]!.AsObject())
            {
                fromConfigMaps[key] = Repo.Text(value);
            }
        }

        var fromSecrets = (container["env"]?.AsArray() ?? [])
            .Where(e => e?["valueFrom"]?["secretKeyRef"] is not null)
            .Select(e => Repo.Text(e!["name"]))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var setting in ConfigurationKeys.All.Where(s => s.Deploy == ConfigurationKeys.Deploy.Required && s.AppliesTo(host)))
        {
            var variable = ConfigurationKeys.Setting.EnvironmentVariable(setting.KeyFor(host));
            if (setting.Secret)
            {
                Assert.True(fromSecrets.Contains(variable), $"{service}: {variable} must come from a Secret");
                Assert.False(fromConfigMaps.ContainsKey(variable), $"{service}: {variable} is a secret but sits in a ConfigMap");
            }
            else
            {
                Assert.True(fromConfigMaps.ContainsKey(variable), $"{service}: {variable} is in none of its ConfigMaps");
            }
        }
    }

    [Fact]
    public void The_catalog_lists_every_key_the_code_reads()
    {
        var patterns = ConfigurationKeys.All.Select(s => Pattern(s.Key)).ToList();
        var unknown = new List<string>();
        // The three deployed services and what they share; other hosts (services/Board) are not deployed by these manifests.
        foreach (var file in DeployedSources.SelectMany(d =>
                     Directory.EnumerateFiles(Repo.Path(d), "*.cs", SearchOption.AllDirectories)))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in KeyRead().Matches(File.ReadAllText(file)))
            {
                var key = match.Groups["key"].Value;
                // Keys without ":" are read relative to a section ("Departments" under "Approval:Rules"), except OTEL_*.
                if (!key.Contains(':', StringComparison.Ordinal) && !key.StartsWith("OTEL_", StringComparison.Ordinal))
                {
                    continue;
                }

                // A section read ("Bus:RabbitMq") is covered when the catalog names settings inside it.
                var isSection = ConfigurationKeys.All.Any(s => ConfigurationKeys.ServiceNames.Any(n =>
                    s.KeyFor(n).StartsWith(key + ":", StringComparison.Ordinal)));
                if (!isSection && !patterns.Any(p => p.IsMatch(key)))
                {
                    unknown.Add($"{key} ({Path.GetRelativePath(Repo.Root, file)})");
                }
            }
        }

        Assert.True(unknown.Count == 0, "settings read by code but missing from ConfigurationKeys:\n" + string.Join("\n", unknown.Distinct()));
    }

    [Fact]
    public void The_catalog_check_recognises_keys_and_sections() =>
        Assert.Multiple(
            () => Assert.Matches(Pattern("Database:{Service}:ConnectionString"), "Database:Approval:ConnectionString"),
            () => Assert.Matches(Pattern("Registry:Lights:*"), "Registry:Lights:LagRedAbovePoints"),
            () => Assert.DoesNotMatch(Pattern("Bus:Transport"), "Bus:TransportX"),
            () => Assert.DoesNotMatch(Pattern("Services:{Service}:Port"), "Services:Board:Port"));

    internal static IEnumerable<string> RequiredVariables(string host) => ConfigurationKeys.All
        .Where(s => s.Deploy == ConfigurationKeys.Deploy.Required && s.AppliesTo(host))
        .Select(s => ConfigurationKeys.Setting.EnvironmentVariable(s.KeyFor(host)));

    internal static List<JsonNode> Manifests() => Directory.EnumerateFiles(Repo.Path("deploy/k8s"), "*.yaml")
        .SelectMany(f => Repo.LoadYaml(Path.GetRelativePath(Repo.Root, f)))
        .ToList();

    internal static JsonNode Single(List<JsonNode> manifests, string kind, string name)
    {
        var found = manifests.Where(m => Repo.Text(m["kind"]) == kind && Repo.Text(m["metadata"]?["name"]) == name).ToList();
        Assert.True(found.Count == 1, $"expected one {kind} named {name} in deploy/k8s, found {found.Count}");
        return found[0];
    }

    internal static string Host(string service) => Repo.Services.Single(s => s.Name == service).Host;

    private static Regex Pattern(string key)
    {
        var services = string.Join("|", ConfigurationKeys.ServiceNames);
        var body = Regex.Escape(key).Replace(Regex.Escape("{Service}"), $"({services})", StringComparison.Ordinal);
        body = body.EndsWith(":\\*", StringComparison.Ordinal) ? body[..^2] + ".+" : body;
        return new Regex("^" + body + "$", RegexOptions.CultureInvariant);
    }

    [GeneratedRegex("""(?:\w\[|GetSection\(|GetValue<[^>]+>\()"(?<key>[A-Za-z_][A-Za-z0-9_:]*)"[\])]""")]
    private static partial Regex KeyRead();
}
