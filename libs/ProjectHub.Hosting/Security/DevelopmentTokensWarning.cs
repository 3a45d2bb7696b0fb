using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProjectHub.Hosting.Security;

/// <summary>
/// Says at start, as a warning, that a host accepts (or mints) development tokens. The framework's own start-up line
/// "Hosting environment: Production" reads as if the host were locked down, while Auth:Mode=Development (the embedded
/// default's) lets anyone with the public development key act as any user; the environment name does not change that,
/// so the log must say it in so many words.
/// </summary>
public sealed partial class DevelopmentTokensWarning(ILogger<DevelopmentTokensWarning> logger, IHostEnvironment environment, string host)
    : IHostedService
{
    [LoggerMessage(Level = LogLevel.Warning, Message =
        "{Host}: Auth:Mode=Development — development tokens are accepted (signed with the public development key, anyone " +
        "can mint one for any role and unit), whatever the hosting environment ({Environment}) says. For real users set " +
        "Auth:Mode=Jwt with the city's identity service (README: Signing in).")]
    private static partial void Accepted(ILogger logger, string host, string environment);

    public static void Register(IServiceCollection services, string host) =>
        services.AddHostedService(provider => new DevelopmentTokensWarning(
            provider.GetRequiredService<ILogger<DevelopmentTokensWarning>>(), provider.GetRequiredService<IHostEnvironment>(), host));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Accepted(logger, host, environment.EnvironmentName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
