using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using ProjectHub.Board.Api;
using ProjectHub.Board.Auth;
using ProjectHub.Board.Live;

namespace ProjectHub.Board;

/// <summary>
/// The board as two calls, so it runs alone (Program.cs) or inside another host such as the embedded default:
/// <c>builder.AddBoard()</c> adds an HTTP/1.1 listener on Services:Board:Port (default 5100) and the gRPC clients;
/// <c>app.MapBoard()</c> serves the pages and the JSON / event-stream API.
/// </summary>
public static class BoardHost
{
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
        var mode = builder.Configuration["Auth:Mode"];
        var development = string.IsNullOrWhiteSpace(mode)
            ? developmentByDefault || builder.Environment.IsDevelopment()
            : string.Equals(mode.Trim(), "Development", StringComparison.OrdinalIgnoreCase);
        // Checked here, so a board that could not read anything refuses to start instead of failing every page.
        var tokens = new BoardTokens(builder.Configuration[BoardTokens.Setting], development, TimeProvider.System);
        builder.Services.AddSingleton(BoardServices.FromConfiguration(builder.Configuration, tokens));
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
}
