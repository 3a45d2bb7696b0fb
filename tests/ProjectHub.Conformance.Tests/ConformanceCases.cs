using System.Text.Json;
using ProjectHub.Security;
using ProjectHub.Testing;

namespace ProjectHub.Conformance.Tests;

/// <summary>
/// What any standard gRPC client must find on the running services, asked by a peer nobody here wrote: health, an
/// authenticated call to each service, rich error details decoded from grpc-status-details-bin, a deadline, a
/// Chinese status message, UNAUTHENTICATED without a token and UNIMPLEMENTED for an unknown method.
/// </summary>
public abstract class ConformanceCases(RunningServices services)
{
    protected RunningServices Services => services;

    /// <summary>Runs one case in the peer and returns its JSON.</summary>
    protected abstract Task<JsonElement> RunAsync(params string[] arguments);

    private static readonly string Drc = TestTokens.Mint(TestTokens.Drc);

    private int Port(string service) => service switch
    {
        "registry" => services.RegistryPort,
        "approval" => services.ApprovalPort,
        _ => services.EscalationPort,
    };

    [Theory]
    [InlineData("registry", "")]
    [InlineData("registry", "projecthub.registry.v1.ProjectRegistry")]
    [InlineData("approval", "projecthub.approval.v1.Approvals")]
    [InlineData("approval", "projecthub.calendar.v1.WorkingCalendar")]
    [InlineData("escalation", "projecthub.escalation.v1.Escalation")]
    public async Task Health_check_and_watch_report_serving(string service, string name)
    {
        var health = await RunAsync("--address", RunningServices.Address(Port(service)), "--case", "health", "--service", name);
        Assert.Equal("SERVING", health.GetProperty("check").GetString());
        Assert.Equal("SERVING", health.GetProperty("watch").GetString());
    }

    [Theory]
    [InlineData("registry", "/projecthub.registry.v1.ProjectRegistry/GetServiceInfo", "projecthub.registry.v1.ProjectRegistry")]
    [InlineData("approval", "/projecthub.approval.v1.Approvals/GetServiceInfo", "projecthub.approval.v1.Approvals")]
    [InlineData("escalation", "/projecthub.escalation.v1.Escalation/GetServiceInfo", "projecthub.escalation.v1.Escalation")]
    public async Task An_authenticated_call_reaches_each_service(string service, string method, string name)
    {
        var result = await RunAsync("--address", RunningServices.Address(Port(service)), "--case", "call", "--method", method, "--token", Drc);
        Assert.Equal(name, result.GetProperty("response").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_working_calendar_answers_with_the_holidays()
    {
        // The calendar brief's own example: 2025-09-30 plus 1 working day skips the National Day holiday (10-01 … 10-08).
        var result = await RunAsync("--address", RunningServices.Address(services.ApprovalPort), "--case", "call",
            "--method", "/projecthub.calendar.v1.WorkingCalendar/AddWorkingDays", "--request", """{"date": "2025-09-30", "working_days": 1}""",
            "--token", Drc);
        Assert.Equal("2025-10-09", result.GetProperty("response").GetProperty("date").GetString());
    }

    [Fact]
    public async Task Bad_input_comes_back_with_every_field_violation()
    {
        var error = await RunAsync("--address", RunningServices.Address(services.EscalationPort), "--case", "error",
            "--method", "/projecthub.escalation.v1.Escalation/RaiseProblem", "--request", "{}", "--token", Drc);
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());
        Assert.Equal(["project_id", "category", "description"],
            error.GetProperty("field_violations").EnumerateArray().Select(v => v[0].GetString()));
    }

    [Fact]
    public async Task A_refused_precondition_carries_its_reason()
    {
        var address = RunningServices.Address(services.ApprovalPort);
        var open = $$"""{"project_id": "conformance-{{GetType().Name}}", "owner_unit": "市城投集团", "total_investment": {"value": "500"} }""";
        await RunAsync("--address", address, "--case", "call", "--method", "/projecthub.approval.v1.Approvals/OpenCase", "--request", open, "--token", Drc);
        var error = await RunAsync("--address", address, "--case", "error", "--method", "/projecthub.approval.v1.Approvals/OpenCase",
            "--request", open, "--token", Drc);
        Assert.Equal("FAILED_PRECONDITION", error.GetProperty("code").GetString());
        Assert.Equal("CASE_ALREADY_OPEN", error.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_Chinese_status_message_arrives_intact()
    {
        var owner = TestTokens.Mint(new Caller("王芳", Roles.Owner, "某城投集团"));
        var error = await RunAsync("--address", RunningServices.Address(services.RegistryPort), "--case", "error",
            "--method", "/projecthub.registry.v1.ProjectRegistry/RegisterProject", "--request", "{}", "--token", owner);
        Assert.Equal("PERMISSION_DENIED", error.GetProperty("code").GetString());
        Assert.Contains("某城投集团", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_ends_a_live_stream_with_deadline_exceeded()
    {
        var result = await RunAsync("--address", RunningServices.Address(services.EscalationPort), "--case", "deadline",
            "--method", "/projecthub.escalation.v1.Escalation/SubscribeAlerts", "--request", """{"recipient_id": "drc"}""",
            "--token", Drc, "--timeout-ms", "500");
        Assert.Equal("DEADLINE_EXCEEDED", result.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("registry", "/projecthub.registry.v1.ProjectRegistry/GetServiceInfo")]
    [InlineData("approval", "/projecthub.approval.v1.Approvals/GetServiceInfo")]
    [InlineData("escalation", "/projecthub.escalation.v1.Escalation/ListProblems")]
    public async Task Without_a_token_a_call_is_unauthenticated_with_the_reason(string service, string method)
    {
        var error = await RunAsync("--address", RunningServices.Address(Port(service)), "--case", "error", "--method", method);
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("code").GetString());
        Assert.Contains("needs a bearer token", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registry", "/projecthub.registry.v1.ProjectRegistry/NoSuchMethod")]
    [InlineData("approval", "/projecthub.approval.v1.Approvals/NoSuchMethod")]
    [InlineData("escalation", "/projecthub.escalation.v1.Escalation/NoSuchMethod")]
    public async Task An_unknown_method_is_unimplemented(string service, string method)
    {
        var error = await RunAsync("--address", RunningServices.Address(Port(service)), "--case", "error", "--method", method, "--token", Drc);
        Assert.Equal("UNIMPLEMENTED", error.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("registry", "/projecthub.registry.v1.ProjectRegistry/GetServiceInfo")]
    [InlineData("escalation", "/projecthub.escalation.v1.Escalation/GetServiceInfo")]
    public async Task A_method_of_another_port_is_unimplemented_here(string service, string method)
    {
        // Each port serves its own service only: the registry's method on the approval port, and so on.
        var elsewhere = service == "registry" ? services.ApprovalPort : services.RegistryPort;
        var error = await RunAsync("--address", RunningServices.Address(elsewhere), "--case", "error", "--method", method, "--token", Drc);
        Assert.Equal("UNIMPLEMENTED", error.GetProperty("code").GetString());
    }
}

[CollectionDefinition(Name)]
public sealed class RunningServicesCollection : ICollectionFixture<RunningServices>
{
    public const string Name = "The embedded services";
}

/// <summary>Debian's grpcio (python3-grpcio), which also lists each port's services through reflection v1 and v1alpha.</summary>
[Collection(RunningServicesCollection.Name)]
public sealed class GrpcioConformanceTests(RunningServices services) : ConformanceCases(services)
{
    protected override Task<JsonElement> RunAsync(params string[] arguments) => Peers.PythonAsync(arguments);

    [Theory]
    [InlineData("registry", new[] { "projecthub.registry.v1.ProjectRegistry" })]
    [InlineData("approval", new[] { "projecthub.approval.v1.Approvals", "projecthub.calendar.v1.WorkingCalendar" })]
    [InlineData("escalation", new[] { "projecthub.escalation.v1.Escalation" })]
    public async Task Reflection_lists_exactly_the_port_s_own_services(string service, string[] own)
    {
        var port = service switch { "registry" => Services.RegistryPort, "approval" => Services.ApprovalPort, _ => Services.EscalationPort };
        var listed = await Peers.PythonAsync("--address", RunningServices.Address(port), "--case", "reflection");
        string[] expected = [.. own, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.GetProperty("services").EnumerateArray().Select(s => s.GetString()!));
    }
}

/// <summary>npm's @grpc/grpc-js with the repository's .proto files.</summary>
[Collection(RunningServicesCollection.Name)]
public sealed class GrpcJsConformanceTests(RunningServices services) : ConformanceCases(services)
{
    protected override Task<JsonElement> RunAsync(params string[] arguments) => Peers.NodeAsync(arguments);
}
