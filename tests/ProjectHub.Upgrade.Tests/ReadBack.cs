using ProjectHub.Approval;
using ProjectHub.Escalation;
using ProjectHub.Registry;
using ProjectHub.Testing;
using ApprovalApi = ProjectHub.Approval.V1;
using EscalationApi = ProjectHub.Escalation.V1;
using RegistryApi = ProjectHub.Registry.V1;

namespace ProjectHub.Upgrade.Tests;

/// <summary>Starts the three services of this release on a set of databases (which migrates them) and finds every sample row through gRPC.</summary>
public static class ReadBack
{
    /// <param name="settings">Per service: the settings that point it at its database.</param>
    public static async Task AssertEveryRowAsync(SampleRows expected, Func<string, IReadOnlyDictionary<string, string?>> settings)
    {
        // The fixture is a real story, so an empty set would mean the reading (not the upgrade) is broken.
        Assert.All(new[] { expected.ProjectNames.Count, expected.ReportsPerProject.Count, expected.AuditPerProject.Count,
            expected.LightHistoryPerProject.Count, expected.ItemsPerCase.Count, expected.ProblemDescriptions.Count,
            expected.HistoryPerProblem.Count, expected.AlertsPerRecipient.Count }, count => Assert.True(count > 0));

        var admin = TestTokens.As(TestTokens.Admin);
        await using (var registry = await ServiceTestHost.StartAsync(RegistryServiceRegistration.Module, TimeProvider.System, settings("Registry")))
        {
            var client = new RegistryApi.ProjectRegistry.ProjectRegistryClient(registry.Channel);
            foreach (var (id, name) in expected.ProjectNames)
            {
                var project = await client.GetProjectAsync(new RegistryApi.GetProjectRequest { ProjectId = id }, admin);
                Assert.Equal(name, project.Fields.Name);
                var reports = await client.ListProgressReportsAsync(new RegistryApi.ListProgressReportsRequest { ProjectId = id, IncludeHistory = true }, admin);
                Assert.Equal(expected.ReportsPerProject.GetValueOrDefault(id), reports.Reports.Count);
                var history = await client.GetProjectHistoryAsync(new RegistryApi.GetProjectHistoryRequest { ProjectId = id }, admin);
                Assert.Equal(expected.AuditPerProject.GetValueOrDefault(id), history.Records.Count);
                var lights = await client.GetLightHistoryAsync(new RegistryApi.GetLightHistoryRequest { ProjectId = id }, admin);
                Assert.Equal(expected.LightHistoryPerProject.GetValueOrDefault(id), lights.Entries.Count);
            }
        }

        await using (var approval = await ServiceTestHost.StartAsync(ApprovalServiceRegistration.Module, TimeProvider.System, settings("Approval")))
        {
            var client = new ApprovalApi.Approvals.ApprovalsClient(approval.Channel);
            foreach (var (id, items) in expected.ItemsPerCase)
            {
                var approvalCase = await client.GetCaseAsync(new ApprovalApi.GetCaseRequest { CaseId = id }, admin);
                Assert.Equal(items, approvalCase.Items.Count);
            }
        }

        await using var escalation = await ServiceTestHost.StartAsync(EscalationServiceRegistration.Module, TimeProvider.System, settings("Escalation"));
        var problems = new EscalationApi.Escalation.EscalationClient(escalation.Channel);
        foreach (var (id, description) in expected.ProblemDescriptions)
        {
            var problem = await problems.GetProblemAsync(new EscalationApi.GetProblemRequest { ProblemId = id }, admin);
            Assert.Equal(description, problem.Description);
            var history = await problems.GetProblemHistoryAsync(new EscalationApi.GetProblemHistoryRequest { ProblemId = id }, admin);
            Assert.Equal(expected.HistoryPerProblem.GetValueOrDefault(id), history.Entries.Count);
        }

        foreach (var (recipient, count) in expected.AlertsPerRecipient)
        {
            var alerts = await problems.ListAlertsAsync(
                new EscalationApi.ListAlertsRequest { RecipientId = recipient, IncludeAcknowledged = true, PageSize = 500 }, admin);
            Assert.Equal(count, alerts.Alerts.Count);
        }
    }
}
