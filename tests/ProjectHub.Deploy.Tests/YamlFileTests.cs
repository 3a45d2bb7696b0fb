namespace ProjectHub.Deploy.Tests;

public sealed class YamlFileTests
{
    [Fact]
    public void Every_yaml_file_under_deploy_parses_and_has_content()
    {
        var files = Directory.EnumerateFiles(Repo.Path("deploy"), "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Repo.Path("deploy"), "*.yml", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Repo.Root, f))
            .ToList();
        Assert.Contains(Path.Combine("deploy", "compose.yaml"), files);
        Assert.Contains(Path.Combine("deploy", "otel-collector.yaml"), files);
        foreach (var file in files)
        {
            Assert.True(Repo.LoadYaml(file).Count > 0, $"{file} has no documents");
        }
    }

    [Fact]
    public void Every_kubernetes_document_names_its_kind_version_and_namespace()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Path("deploy/k8s"), "*.yaml"))
        {
            foreach (var doc in Repo.LoadYaml(Path.GetRelativePath(Repo.Root, file)))
            {
                var kind = Repo.Text(doc["kind"]);
                Assert.False(string.IsNullOrEmpty(kind), $"{file}: a document without kind");
                Assert.False(string.IsNullOrEmpty(Repo.Text(doc["apiVersion"])), $"{file}: {kind} without apiVersion");
                Assert.False(string.IsNullOrEmpty(Repo.Text(doc["metadata"]?["name"])), $"{file}: {kind} without a name");
                if (kind != "Namespace")
                {
                    Assert.Equal("projecthub", Repo.Text(doc["metadata"]?["namespace"]));
                }
            }
        }
    }

    [Fact]
    public void The_collector_sends_traces_to_jaeger_and_receives_otlp_on_the_port_the_services_use()
    {
        var collector = Repo.LoadYaml("deploy/otel-collector.yaml").Single();
        Assert.Equal("0.0.0.0:4317", Repo.Text(collector["receivers"]?["otlp"]?["protocols"]?["grpc"]?["endpoint"]));
        var traces = collector["service"]?["pipelines"]?["traces"];
        Assert.Contains("otlp", Repo.Text(traces?["receivers"]));
        var exporters = traces?["exporters"]!.AsArray().Select(Repo.Text).ToList()!;
        foreach (var exporter in exporters)
        {
            Assert.NotNull(collector["exporters"]?[exporter]);
        }

        Assert.Contains(exporters, e => Repo.Text(collector["exporters"]?[e]?["endpoint"]).StartsWith("jaeger:", StringComparison.Ordinal));
    }
}
