namespace ProjectHub.Grpc.Tests.Interop;

/// <summary>Every interop case with ProjectHub's client against ProjectHub's server.</summary>
public sealed class CSharpInteropTests : IAsyncLifetime
{
    private TestGrpcServer _server = null!;
    private GrpcChannel _channel = null!;

    public static TheoryData<string> Cases => new(InteropClient.Cases);

    public async Task InitializeAsync()
    {
        _server = await TestGrpcServer.StartAsync();
        _channel = _server.CreateChannel();
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Case_passes(string testCase) => new InteropClient(_channel).RunAsync(testCase);
}
