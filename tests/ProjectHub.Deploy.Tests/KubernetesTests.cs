namespace ProjectHub.Deploy.Tests;

public sealed class KubernetesTests
{
    public static TheoryData<string> ServiceNames() => SettingsCoverageTests.ServiceNames();

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Probes_ask_grpc_health_on_the_port_the_service_listens_on(string service)
    {
        var manifests = SettingsCoverageTests.Manifests();
        var port = Repo.Services.Single(s => s.Name == service).Port;
        var host = SettingsCoverageTests.Host(service);
        var config = SettingsCoverageTests.Single(manifests, "ConfigMap", $"projecthub-{service}");
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), Repo.Text(config["data"]?[$"Services__{host}__Port"]));
        var container = SettingsCoverageTests.Single(manifests, "Deployment", service)["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal(port, (int)container["ports"]![0]!["containerPort"]!);
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            // grpc: probes call grpc.health.v1.Health/Check, which every host serves (an HTTP or TCP probe would not).
            var grpc = container[probe]?["grpc"];
            Assert.True(grpc is not null, $"{service}: {probe} is not a grpc probe");
            Assert.Equal(port, (int)grpc["port"]!);
        }

        // Readiness is the whole server (NOT_SERVING while the database or broker is away); restarting a pod does
        // not bring a database back, so startup and liveness ask the process-only "liveness" health service.
        Assert.Null(container["readinessProbe"]!["grpc"]!["service"]);
        Assert.Equal(ProjectHub.Hosting.Health.HealthExtensions.Liveness, Repo.Text(container["startupProbe"]!["grpc"]!["service"]));
        Assert.Equal(ProjectHub.Hosting.Health.HealthExtensions.Liveness, Repo.Text(container["livenessProbe"]!["grpc"]!["service"]));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Deployment_has_resources_non_root_replicas_a_service_and_a_budget(string service)
    {
        var manifests = SettingsCoverageTests.Manifests();
        var deployment = SettingsCoverageTests.Single(manifests, "Deployment", service);
        var spec = deployment["spec"]!;
        Assert.True((int)spec["replicas"]! >= 2, $"{service}: one replica cannot survive a node drain");
        var pod = spec["template"]!["spec"]!;
        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        var container = pod["containers"]![0]!;
        Assert.NotNull(container["resources"]?["requests"]?["cpu"]);
        Assert.NotNull(container["resources"]?["requests"]?["memory"]);
        Assert.NotNull(container["resources"]?["limits"]?["memory"]);
        var labels = spec["selector"]!["matchLabels"]!.ToJsonString();
        Assert.Equal(labels, spec["template"]!["metadata"]!["labels"]!["app.kubernetes.io/name"] is { } name
            ? $"{{\"app.kubernetes.io/name\":\"{Repo.Text(name)}\"}}" : "");

        var kubeService = SettingsCoverageTests.Single(manifests, "Service", service);
        Assert.Equal(labels, kubeService["spec"]!["selector"]!.ToJsonString());
        Assert.Equal("grpc", Repo.Text(kubeService["spec"]!["ports"]![0]!["targetPort"]));
        var budget = SettingsCoverageTests.Single(manifests, "PodDisruptionBudget", service);
        Assert.Equal(labels, budget["spec"]!["selector"]!["matchLabels"]!.ToJsonString());
        Assert.True((int)budget["spec"]!["minAvailable"]! < (int)spec["replicas"]!, $"{service}: the budget would block every drain");
    }

    [Fact]
    public void Every_registry_replica_runs_the_daily_sweep_and_no_dedicated_sweep_pod_is_left()
    {
        // The sweep claims its day in the registry database (sweep_runs), so replicas need no split any more.
        var manifests = SettingsCoverageTests.Manifests();
        var deployments = manifests.Where(m => Repo.Text(m["kind"]) == "Deployment").Select(m => Repo.Text(m["metadata"]?["name"])).Order().ToList();
        Assert.Equal(Repo.Services.Select(s => s.Name).Order().ToList(), deployments);
        Assert.Equal("true", EffectiveSetting(manifests, SettingsCoverageTests.Single(manifests, "Deployment", "registry"), "Registry__DailySweep"));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Every_service_checks_jwt_bearer_tokens_with_a_key_from_a_secret(string service)
    {
        var manifests = SettingsCoverageTests.Manifests();
        var deployment = SettingsCoverageTests.Single(manifests, "Deployment", service);
        Assert.Equal("Jwt", EffectiveSetting(manifests, deployment, "Auth__Mode"));
        Assert.StartsWith("https://", EffectiveSetting(manifests, deployment, "Auth__Issuer"));
        Assert.False(string.IsNullOrWhiteSpace(EffectiveSetting(manifests, deployment, "Auth__Audience")));
        var key = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]?.AsArray()
            .FirstOrDefault(e => Repo.Text(e?["name"]) == "Auth__SigningKeys__0");
        Assert.True(key?["valueFrom"]?["secretKeyRef"] is not null, $"{service}: the token signing key must come from a Secret");
    }

    /// <summary>The value a container sees: its ConfigMaps in order, then explicit env entries (which win in Kubernetes).</summary>
    private static string? EffectiveSetting(List<System.Text.Json.Nodes.JsonNode> manifests, System.Text.Json.Nodes.JsonNode deployment, string variable)
    {
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
        string? value = null;
        foreach (var reference in container["envFrom"]?.AsArray() ?? [])
        {
            var map = SettingsCoverageTests.Single(manifests, "ConfigMap", Repo.Text(reference?["configMapRef"]?["name"]));
            value = map["data"]?[variable] is { } fromMap ? Repo.Text(fromMap) : value;
        }

        var explicitEntry = container["env"]?.AsArray().FirstOrDefault(e => Repo.Text(e?["name"]) == variable);
        return explicitEntry?["value"] is { } explicitValue ? Repo.Text(explicitValue) : value;
    }
}
