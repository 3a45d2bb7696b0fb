using ProjectHub.Registry.V1;
using ProjectHub.Testing;
using ProjectHub.Testing.Scenarios;
using EscalationClient = ProjectHub.Escalation.V1.Escalation.EscalationClient;
using ProjectRegistryClient = ProjectHub.Registry.V1.ProjectRegistry.ProjectRegistryClient;

namespace ProjectHub.System.Tests;

/// <summary>
/// The user story every test drives: a project under construction that is far behind its baseline, and its weekly
/// report. Dates are relative to today in Shanghai because the services run on the real clock.
/// </summary>
public static class Scenario
{
    /// <summary>Fields of a project whose baseline says 50% long ago; <paramref name="responsibleUnit"/> gets its alerts.</summary>
    public static ProjectFields LaggingProject(string name, string responsibleUnit) => LaggingScenario.Project(name, responsibleUnit);

    public static Task<Project> RegisterAsync(ProjectRegistryClient registry, ProjectFields fields, SystemFixture system) =>
        registry.RegisterProjectAsync(new RegisterProjectRequest { Project = fields, Stage = ProjectStage.UnderConstruction }, Drc(system)).ResponseAsync;

    /// <summary>This week's report at 10% against a baseline past 50%: the light turns RED.</summary>
    public static SubmitProgressReportRequest LaggingReport(string projectId, string narrative = "征迁未完成，主线施工受阻") =>
        new() { Report = LaggingScenario.Report(projectId, narrative) };

    /// <summary>The DRC, which registers projects and reads everything.</summary>
    public static CallOptions Drc(SystemFixture system, CancellationToken cancellationToken = default) =>
        system.As(TestTokens.Drc, cancellationToken);

    /// <summary>The project's owner unit, which files its weekly reports (the DRC does not).</summary>
    public static CallOptions Owner(SystemFixture system, CancellationToken cancellationToken = default) =>
        system.As(TestTokens.Owner(LaggingScenario.Project().OwnerUnit), cancellationToken);

    /// <summary>The unit an alert is addressed to (the project's responsible unit), which reads and acknowledges it.</summary>
    public static CallOptions Recipient(SystemFixture system, string unit, CancellationToken cancellationToken = default) =>
        system.As(TestTokens.Owner(unit), cancellationToken);

    public static CallOptions Within(CallOptions options, TimeSpan timeout) => options.WithDeadline(DateTime.UtcNow + timeout);

    /// <summary>Re-reads until <paramref name="done"/> holds; fails with every service's output after 60 s (2 shared cores).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, SystemFixture system, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what}: not reached within 60 s\n{system.Output}");
            await Task.Delay(250);
        }
    }

    public static EscalationClient EscalationOf(SystemFixture system) => new(system.Escalation.Calls);

    public static ProjectRegistryClient RegistryOf(SystemFixture system) => new(system.Registry.Calls);

}
