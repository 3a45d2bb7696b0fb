using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

/// <summary>How the CLI reports a missing or refused token, a call out of the token's scope, and invalid fields.</summary>
[Collection(ServicesCollection.Name)]
public sealed class AuthenticationTests(ServicesFixture services)
{
    [Fact]
    public async Task A_call_without_a_token_exits_7_with_one_line_saying_how_to_get_one()
    {
        var result = await Cli.RunAsync(new TestConfigSource(), ["projects", "list", .. services.Endpoints]);

        Assert.Equal(ExitCodes.Unauthenticated, result.ExitCode);
        var line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error (UNAUTHENTICATED): ", line);
        Assert.Contains("no token given", line);
        Assert.Contains("PROJECTHUB_TOKEN", line);
        Assert.Contains("dev-token", line);
    }

    [Fact]
    public async Task A_token_the_services_refuse_exits_7()
    {
        // Signed with the development key but for another audience: valid JWT, wrong service.
        var foreign = ProjectHub.Security.TokenMinter.Mint(TestTokens.Drc,
            new Microsoft.IdentityModel.Tokens.SigningCredentials(ProjectHub.Security.DevelopmentTokens.SigningKey, "HS256"),
            ProjectHub.Security.DevelopmentTokens.Issuer, "someone-else", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

        var result = await Cli.RunAsync(new TestConfigSource(), ["projects", "list", .. services.Endpoints, "--token", foreign]);

        Assert.Equal(ExitCodes.Unauthenticated, result.ExitCode);
        var line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error (UNAUTHENTICATED): ", line);
        Assert.Contains("get a new token", line);
    }

    [Fact]
    public async Task A_token_that_is_not_a_header_value_is_bad_input_before_any_call()
    {
        var result = await Cli.RunAsync(new TestConfigSource(), ["projects", "list", .. services.Endpoints, "--token", "令牌"]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("the token must be a JWT", result.Err);
    }

    [Fact]
    public async Task An_owner_reading_another_units_project_is_denied_with_exit_4_and_one_line()
    {
        var id = await Projects.RegisterAsync(services, "越权读取测试项目", ownerUnit: "越权测试甲公司");

        var result = await Cli.RunAsync(services, TestTokens.Owner("越权测试乙公司"), "projects", "show", id);

        Assert.Equal(ExitCodes.Denied, result.ExitCode);
        var line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error (PERMISSION_DENIED): ", line);
    }

    [Fact]
    public async Task Alerts_without_a_recipient_need_a_token_that_names_a_unit()
    {
        var result = await Cli.RunAsync(services, TestTokens.Drc, "alerts", "list");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--recipient is required", result.Err);
    }

    [Fact]
    public async Task Invalid_argument_prints_one_line_per_field_violation()
    {
        using var error = new StringWriter();
        // What the services send: the status with a google.rpc.BadRequest in grpc-status-details-bin.
        var e = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "The project cannot be registered: two problems.",
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations =
                    {
                        new BadRequest.Types.FieldViolation { Field = "project.name", Description = "Required: the project's name." },
                        new BadRequest.Types.FieldViolation { Field = "project.total_investment", Description = "Must not be negative;\nwrite 万元." },
                    },
                }),
            },
        }.ToRpcException();

        await ErrorPrinter.PrintAsync(error, e);

        Assert.Equal(
            [
                "error (INVALID_ARGUMENT): 2 invalid field(s)",
                "  project.name: Required: the project's name.",
                "  project.total_investment: Must not be negative; write 万元.",
            ],
            error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        Assert.Equal(ExitCodes.BadInput, ExitCodes.For(e.StatusCode));
    }
}
