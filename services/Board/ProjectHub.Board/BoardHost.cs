using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using ProjectHub.Board.Api;
using ProjectHub.Board.Auth;
using ProjectHub.Board.Live;
using ProjectHub.ClientDefaults;
using EscalationApi = ProjectHub.Escalation.V1.Escalation;
using RegistryApi = ProjectHub.Registry.V1.ProjectRegistry;

namespace ProjectHub.Board;

/// <summary>
/// The board as its own web application (<see cref="Build"/>: Program.cs and the embedded default, which runs it beside
/// the services), or as two calls into another host's builder and application:
/// <c>builder.AddBoard()</c> adds an HTTP/1.1 listener on Services:Board:Port (default 5100) and the gRPC clients;
/// <c>app.MapBoard()</c> serves the pages and the JSON / event-stream API.
/// </summary>
public static class BoardHost
{
    public const string ApplicationName = "ProjectHub.Board";

    /// <summary>The board's web application, built and mapped but not started.</summary>
    /// <param name="args">The command line (settings such as --Services:Board:Port=5100).</param>
    /// <param name="developmentByDefault">See <see cref="AddBoard"/>.</param>
    /// <param name="settings">Settings over everything else (tests, hosts that run the board beside other applications).</param>
    public static WebApplication Build(string[] args, bool developmentByDefault = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = ApplicationName });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddBoard(developmentByDefault);
        var app = builder.Build();
        app.MapBoard();
        return app;
    }

    /// <param name="developmentByDefault">
    /// Development mode when "Auth:Mode" is not configured: a host whose services default to development tokens (the
    /// embedded default) passes true so the board follows them; alone it follows the host environment, as services do.
    /// </param>
    public static WebApplicationBuilder AddBoard(this WebApplicationBuilder builder, bool developmentByDefault = false)
    {
        var port = builder.Configuration.GetValue("Services:Board:Port", 5100);
        // HTTP/1.1 on purpose: browsers speak HTTP/2 only over TLS, and EventSource works fine over HTTP/1.1.
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, o => o.Protocols = HttpProtocols.Http1));
        // One line per request at Information would drown the log: the live board polls every 2 s per open page.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Likewise the board's own gRPC calls (four lines each from HttpClient), and Grpc.Net.Client's Information line
        // for every call that ends as Cancelled, which is each browser leaving 我的预警: normal, not news. Real failures
        // still show: the alert bridge logs a broken stream as a warning, and pages get the error.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc.Net.Client", LogLevel.Warning);
        var mode = builder.Configuration["Auth:Mode"];
        var development = string.IsNullOrWhiteSpace(mode)
            ? developmentByDefault || builder.Environment.IsDevelopment()
            : string.Equals(mode.Trim(), "Development", StringComparison.OrdinalIgnoreCase);
        // Checked here, so a board that could not read anything refuses to start instead of failing every page.
        builder.Services.AddSingleton(new BoardTokens(builder.Configuration[BoardTokens.Setting], development, TimeProvider.System));
        AddClient<RegistryApi.ProjectRegistryClient>(builder, BoardServices.RegistryAddress(builder.Configuration), RegistryApi.Descriptor);
        AddClient<EscalationApi.EscalationClient>(builder, BoardServices.EscalationAddress(builder.Configuration), EscalationApi.Descriptor);
        // Per request, so every request gets clients fresh from the factory (which rotates their HTTP handlers).
        builder.Services.AddTransient<BoardServices>();
        return builder;
    }

    public static WebApplication MapBoard(this WebApplication app)
    {
        // The pages sit beside the dll (copied at build), so any working directory or content root works.
        var web = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "web"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = web });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = web });
        app.MapBoardApi();
        app.MapAlertApi();
        app.MapBoardEvents();
        app.MapAlertEvents();
        return app;
    }

    /// <summary>
    /// A generated client from the gRPC client factory, set up as every ProjectHub client is: the standard retry policy
    /// for the service's idempotent reads and a deadline on every unary call that has none. The token is not added
    /// here: <see cref="BoardServices"/> names it on every call.
    /// </summary>
    private static void AddClient<TClient>(WebApplicationBuilder builder, Uri address, Google.Protobuf.Reflection.ServiceDescriptor service)
        where TClient : ClientBase
    {
        builder.Services.AddGrpcClient<TClient>(o => o.Address = address)
            .ConfigureChannel(c =>
            {
                c.ServiceConfig = CallDefaults.ReadRetries(service);
                // A page that goes away cancels its calls (RequestAborted): an OperationCanceledException then ends the
                // request quietly, where the default RpcException(CANCELLED) would be logged as a failed request.
                c.ThrowOperationCanceledOnCancellation = true;
            })
            .AddInterceptor(() => new DefaultsInterceptor(unaryDeadline: BoardServices.CallDeadline));
    }
}
