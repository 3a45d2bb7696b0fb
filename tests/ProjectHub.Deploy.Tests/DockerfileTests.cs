using System.Text.RegularExpressions;

namespace ProjectHub.Deploy.Tests;

/// <summary>What can be checked without a container engine: paths, stages, user, port and entry point.</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> ServiceNames() => SettingsCoverageTests.ServiceNames();

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Dockerfile_builds_the_service_project_and_runs_it_unprivileged(string service)
    {
        var (name, host, port) = Repo.Services.Single(s => s.Name == service);
        var path = $"deploy/docker/{name}.Dockerfile";
        Assert.True(File.Exists(Repo.Path(path)), $"{path} is missing");
        var lines = Instructions(File.ReadAllText(Repo.Path(path)));

        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.True(froms.Count >= 2, "multi-stage: an SDK build stage and a runtime stage");
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:", froms[0], StringComparison.Ordinal);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:", froms[^1], StringComparison.Ordinal);

        // Every file the build copies from the context exists (the context is the repository root).
        foreach (var copy in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal)))
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            foreach (var source in parts)
            {
                Assert.True(File.Exists(Repo.Path(source)) || Directory.Exists(Repo.Path(source)), $"{path}: COPY source {source} does not exist");
            }
        }

        var project = $"services/{host}/ProjectHub.{host}/ProjectHub.{host}.csproj";
        Assert.True(File.Exists(Repo.Path(project)), $"{project} does not exist");
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish " + project, StringComparison.Ordinal));
        foreach (var csproj in lines.SelectMany(l => Regex.Matches(l, @"[\w./-]+\.csproj").Select(m => m.Value)))
        {
            Assert.True(File.Exists(Repo.Path(csproj)), $"{path}: {csproj} does not exist");
        }

        var runtime = lines.SkipWhile(l => l != froms[^1]).ToList();
        var user = runtime.LastOrDefault(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.True(user is not null && user != "USER root" && user != "USER 0", $"{path}: the runtime stage must not run as root");
        Assert.Contains($"EXPOSE {port}", runtime);
        Assert.Contains(runtime, l => l.Contains($"Services__{host}__Port={port}", StringComparison.Ordinal));
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"ProjectHub.{host}.dll\"]", runtime);
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Compose_builds_each_service_from_its_dockerfile(string service)
    {
        var build = Repo.LoadYaml("deploy/compose.yaml").Single()["services"]?[service]?["build"];
        Assert.Equal("..", Repo.Text(build?["context"]));
        Assert.Equal($"deploy/docker/{service}.Dockerfile", Repo.Text(build?["dockerfile"]));
    }

    /// <summary>Instructions with continuation lines joined and comments dropped.</summary>
    private static List<string> Instructions(string dockerfile)
    {
        var joined = Regex.Replace(dockerfile, @"\\\r?\n\s*", " ");
        return joined.Split('\n')
            .Select(l => Regex.Replace(l.Trim(), @"\s+", " "))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
    }
}
