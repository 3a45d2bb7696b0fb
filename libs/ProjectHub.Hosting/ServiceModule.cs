using Microsoft.AspNetCore.Builder;

namespace ProjectHub.Hosting;

/// <summary>
/// One service as a unit a host can run: what it adds to a builder (listener, database, outbox, use cases, consumers)
/// and what it maps on the app (its gRPC service). The standalone host runs one; the embedded default runs three,
/// each in its own web application (<see cref="ProjectHubHost"/>).
/// </summary>
/// <param name="Name">The configuration name, e.g. "Registry" (Services:Registry:Port, Database:Registry:*).</param>
/// <param name="ApplicationName">The host's application name, e.g. "ProjectHub.Registry" (logs, telemetry).</param>
public sealed record ServiceModule(string Name, string ApplicationName, Action<WebApplicationBuilder> Add, Action<WebApplication> Map);
