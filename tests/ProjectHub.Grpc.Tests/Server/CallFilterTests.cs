using Microsoft.Extensions.DependencyInjection;
using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Server;

public sealed class CallFilterTests : IAsyncLifetime
{
    private TestGrpcServer _server = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _server = await ProbeServer.StartAsync(services =>
        {
            services.AddSingleton<FilterLog>();
            services.AddScoped<IGrpcCallFilter, LoggingFilter>();
            services.AddScoped<IGrpcCallFilter, AdminOnlyFilter>();
        });
        _channel = _server.CreateChannel();
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Filter_throwing_permission_denied_stops_the_method()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new ProbeClient(_channel).Echo(new ProbeRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("只有管理员可以调用 /projecthub.testing.ProbeService/Echo", error.Status.Detail);
        Assert.Equal(0, _server.Recorder().EchoCalls);
    }

    [Fact]
    public async Task Filters_run_in_registration_order_then_the_method()
    {
        var headers = new Metadata().Add("x-role", "admin");

        await new ProbeClient(_channel).Echo(new ProbeRequest(), new CallOptions(headers));

        Assert.Equal(1, _server.Recorder().EchoCalls);
        Assert.Equal(["log /projecthub.testing.ProbeService/Echo", "admin ok"], _server.Services.GetRequiredService<FilterLog>().Entries);
    }

    public sealed class FilterLog
    {
        public List<string> Entries { get; } = [];
    }

    private sealed class LoggingFilter(FilterLog log) : IGrpcCallFilter
    {
        public ValueTask OnCallAsync(ServerCallContext context)
        {
            log.Entries.Add($"log {context.Method}");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class AdminOnlyFilter(FilterLog log) : IGrpcCallFilter
    {
        public ValueTask OnCallAsync(ServerCallContext context)
        {
            // Health and reflection are public; the interop service too.
            if (!context.Method.StartsWith("/projecthub.", StringComparison.Ordinal))
            {
                return ValueTask.CompletedTask;
            }

            if (context.RequestHeaders.GetValue("x-role") != "admin")
            {
                throw RpcException.PermissionDenied($"只有管理员可以调用 {context.Method}");
            }

            log.Entries.Add("admin ok");
            return ValueTask.CompletedTask;
        }
    }
}
