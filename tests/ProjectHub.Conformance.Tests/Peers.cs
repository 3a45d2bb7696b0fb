using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using ProjectHub.Testing;

namespace ProjectHub.Conformance.Tests;

/// <summary>
/// The peer clients (tests/interop/python/conformance_client.py on Debian's grpcio, tests/interop/node/
/// conformance_client.js on grpc-js): one process per case, one JSON object back. ./test.sh exports PROJECTHUB_PYTHON,
/// PROJECTHUB_INTEROP_DIR and PROJECTHUB_NODE and installs what they need; a missing tool fails the test saying which.
/// </summary>
public static class Peers
{
    public static string Python => Environment.GetEnvironmentVariable("PROJECTHUB_PYTHON") is { Length: > 0 } python ? python : "/usr/bin/python3";

    public static string? Node => Environment.GetEnvironmentVariable("PROJECTHUB_NODE") is { Length: > 0 } node ? node : FindOnPath("node");

    public static string RepoRoot => ChildProcess.RepoRoot;

    public static string InteropDir => Environment.GetEnvironmentVariable("PROJECTHUB_INTEROP_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(RepoRoot, "tests", "interop");

    /// <summary>google/rpc/*.proto as shipped in the Google.Api.CommonProtos package (recorded at build time), for the Node peer.</summary>
    public static string GoogleProtos { get; } = typeof(Peers).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "GoogleApiCommonProtos").Value!;

    /// <summary>Runs the Python peer; returns its JSON, or fails the test with everything it printed.</summary>
    public static async Task<JsonElement> PythonAsync(params string[] arguments)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"The Python peer needs {Python}: install the Debian packages python3-grpcio python3-grpc-tools grpc-proto (./test.sh does it).");
        }

        return await RunAsync(Python, [Path.Combine(InteropDir, "python", "conformance_client.py"), .. arguments]);
    }

    /// <summary>Runs the Node peer; returns its JSON, or fails the test with everything it printed.</summary>
    public static async Task<JsonElement> NodeAsync(params string[] arguments)
    {
        if (Node is not { } node || !File.Exists(node))
        {
            Assert.Fail("The Node peer needs Node.js (PROJECTHUB_NODE or node on PATH).");
        }

        if (!File.Exists(Path.Combine(InteropDir, "node", "node_modules", "@grpc", "grpc-js", "package.json")))
        {
            Assert.Fail($"The Node peer's packages are missing: run npm ci in {Path.Combine(InteropDir, "node")} (./test.sh does it).");
        }

        return await RunAsync(Node!, [Path.Combine(InteropDir, "node", "conformance_client.js"), "--protos", Path.Combine(RepoRoot, "protos"),
            "--google-protos", GoogleProtos, .. arguments]);
    }

    private static async Task<JsonElement> RunAsync(string fileName, string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        ProcessResult result;
        try
        {
            result = await ChildProcess.RunAsync(info, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"`{fileName} {string.Join(' ', arguments)}` did not finish within 60 s: {e.Message}");
            throw;
        }

        var output = result.Stdout;
        if (result.ExitCode != 0)
        {
            Assert.Fail($"`{Path.GetFileName(fileName)} {string.Join(' ', arguments.Skip(1))}` exited {result.ExitCode}.\nstdout: {output}\nstderr: {result.Stderr}");
        }

        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
