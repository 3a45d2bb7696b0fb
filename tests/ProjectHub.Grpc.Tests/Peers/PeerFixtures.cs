using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Peers;

/// <summary>
/// One peer server per test class. A start-up failure (tool missing, server not ready) is kept and reported by
/// every test of the class, as an assertion failure with the reason, rather than as a fixture crash.
/// </summary>
public abstract class PeerServerFixture : IAsyncLifetime
{
    private PeerServer? _server;
    private Exception? _startError;

    protected abstract Task RequireToolsAsync();

    protected abstract (string FileName, string[] Arguments) Command();

    public async Task InitializeAsync()
    {
        try
        {
            await RequireToolsAsync();
            var (fileName, arguments) = Command();
            _server = await PeerServer.StartAsync(fileName, arguments);
        }
        catch (Exception ex)
        {
            // Kept, not swallowed: every test of the class fails with it (see Server).
            _startError = ex;
        }
    }

    /// <summary>The running server; fails the test with the start-up problem if there is none.</summary>
    public PeerServer Server
    {
        get
        {
            if (_server is null)
            {
                Assert.Fail($"The peer server is not running: {_startError?.Message ?? "not started"}");
            }

            return _server;
        }
    }

    public GrpcChannel CreateChannel() => GrpcChannel.ForAddress($"http://127.0.0.1:{Server.Port}");

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

public sealed class PythonServerFixture : PeerServerFixture
{
    protected override Task RequireToolsAsync() => PeerEnvironment.RequirePythonAsync();

    protected override (string FileName, string[] Arguments) Command() =>
        (PeerEnvironment.Python, [PeerEnvironment.PythonScript("interop_server.py")]);
}

public sealed class NodeServerFixture : PeerServerFixture
{
    protected override Task RequireToolsAsync() => PeerEnvironment.RequireNodeAsync();

    protected override (string FileName, string[] Arguments) Command() =>
        (PeerEnvironment.Node!, [PeerEnvironment.NodeScript("interop_server.js")]);
}

/// <summary>Our interop server (TestGrpcServer), shared by the peer-client tests of one class.</summary>
public sealed class OurServerFixture : IAsyncLifetime
{
    private TestGrpcServer? _server;

    public TestGrpcServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync() => _server = await TestGrpcServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
