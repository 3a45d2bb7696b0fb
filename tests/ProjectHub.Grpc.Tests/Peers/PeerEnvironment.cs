namespace ProjectHub.Grpc.Tests.Peers;

/// <summary>
/// Where the interop peers and their runtimes are. ./test.sh exports PROJECTHUB_PYTHON, PROJECTHUB_INTEROP_DIR and
/// PROJECTHUB_NODE; a developer running `dotnet test` directly gets the same defaults (/usr/bin/python3, the repo's
/// tests/interop, `node` on PATH). The checks never skip: a missing tool fails the test and says how to install it.
/// </summary>
public static class PeerEnvironment
{
    private static readonly Lazy<Task<string?>> PythonProblem = new(CheckPythonAsync);
    private static readonly Lazy<Task<string?>> NodeProblem = new(CheckNodeAsync);

    /// <summary>Debian's python3 only: a pyenv python3 on PATH cannot see Debian's grpcio.</summary>
    public static string Python => Environment.GetEnvironmentVariable("PROJECTHUB_PYTHON") is { Length: > 0 } python
        ? python
        : "/usr/bin/python3";

    public static string InteropDir => Environment.GetEnvironmentVariable("PROJECTHUB_INTEROP_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(FindRepoRoot(), "tests", "interop");

    public static string? Node => Environment.GetEnvironmentVariable("PROJECTHUB_NODE") is { Length: > 0 } node
        ? node
        : FindOnPath("node");

    public static string GrpcProtoRoot => Environment.GetEnvironmentVariable("PROJECTHUB_GRPC_PROTO_ROOT") is { Length: > 0 } root
        ? root
        : "/usr/share/grpc-proto";

    public static string PythonScript(string name) => Path.Combine(InteropDir, "python", name);

    public static string NodeScript(string name) => Path.Combine(InteropDir, "node", name);

    /// <summary>Fails the calling test unless the Python peer can run.</summary>
    public static async Task RequirePythonAsync()
    {
        if (await PythonProblem.Value is { } problem)
        {
            Assert.Fail(problem);
        }
    }

    /// <summary>Fails the calling test unless the Node peer can run.</summary>
    public static async Task RequireNodeAsync()
    {
        if (await NodeProblem.Value is { } problem)
        {
            Assert.Fail(problem);
        }
    }

    private static async Task<string?> CheckPythonAsync()
    {
        const string install = "Install the Debian packages python3-grpcio, python3-grpc-tools and grpc-proto " +
            "(./test.sh installs them: it runs apt-get install python3-grpcio python3-grpc-tools grpc-proto).";
        if (!File.Exists(Python))
        {
            return $"The Python interop peer needs {Python}, which does not exist. {install}";
        }

        var import = await PeerClient.RunAsync(Python, ["-c", "import grpc, grpc_tools, google.protobuf"], TimeSpan.FromSeconds(30));
        if (import.ExitCode != 0)
        {
            return $"{Python} cannot import grpc and grpc_tools (exit {import.ExitCode}: {import.StandardError.Trim()}). {install}";
        }

        var testProto = Path.Combine(GrpcProtoRoot, "grpc", "testing", "test.proto");
        if (!File.Exists(testProto))
        {
            return $"The interop protos are missing: {testProto} does not exist. {install}";
        }

        return File.Exists(PythonScript("interop_client.py"))
            ? null
            : $"The Python interop peer is not at {PythonScript("interop_client.py")} (PROJECTHUB_INTEROP_DIR={InteropDir}).";
    }

    private static Task<string?> CheckNodeAsync()
    {
        var node = Node;
        if (node is null || !File.Exists(node))
        {
            return Task.FromResult<string?>(
                $"The Node interop peer needs Node.js (PROJECTHUB_NODE or `node` on PATH; found {node ?? "none"}). " +
                "Install Debian's nodejs and npm, then run ./test.sh, which also runs npm ci in tests/interop/node.");
        }

        var grpcJs = Path.Combine(InteropDir, "node", "node_modules", "@grpc", "grpc-js", "package.json");
        if (!File.Exists(grpcJs))
        {
            return Task.FromResult<string?>(
                $"The Node interop peer's packages are not installed ({grpcJs} is missing). " +
                $"Run `npm ci` in {Path.Combine(InteropDir, "node")} (./test.sh does it).");
        }

        var protoFile = Path.Combine(GrpcProtoRoot, "grpc", "testing", "test.proto");
        return Task.FromResult(File.Exists(protoFile)
            ? null
            : $"The interop protos are missing: {protoFile} does not exist. Install the Debian package grpc-proto (./test.sh installs it).");
    }

    /// <summary>The directory holding ProjectHub.sln or .git, walking up from the test assembly.</summary>
    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProjectHub.sln")) || Path.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No ProjectHub.sln or .git above {AppContext.BaseDirectory}; set PROJECTHUB_INTEROP_DIR to the repo's tests/interop.");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
