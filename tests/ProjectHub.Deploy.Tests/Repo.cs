using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProjectHub.Deploy.Tests;

/// <summary>Paths in the repository and YAML loading (through Debian's python3-yaml; no YAML library ships here).</summary>
internal static class Repo
{
    public static readonly string Root = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static readonly IReadOnlyList<(string Name, string Host, int Port)> Services =
    [
        ("registry", "Registry", 5101),
        ("approval", "Approval", 5102),
        ("escalation", "Escalation", 5103),
    ];

    /// <summary>Every document of a YAML file as JSON; fails naming the tool when python3-yaml is missing.</summary>
    public static IReadOnlyList<JsonNode> LoadYaml(string relative)
    {
        const string script = "import sys, json, yaml\n"
            + "docs = [d for d in yaml.safe_load_all(open(sys.argv[1], encoding='utf-8')) if d is not None]\n"
            + "json.dump(docs, sys.stdout)\n";
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Path(relative));
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("These tests need /usr/bin/python3 with the Debian package python3-yaml.");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (stderr.Contains("No module named 'yaml'", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("These tests need the Debian package python3-yaml (apt-get install python3-yaml).");
            }

            Assert.True(process.ExitCode == 0, $"{relative} is not valid YAML:\n{stderr}");
            return JsonNode.Parse(stdout.Result)!.AsArray().Select(d => d!).ToList();
        }
    }

    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ProjectHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ProjectHub.sln not found above " + AppContext.BaseDirectory);
    }
}
