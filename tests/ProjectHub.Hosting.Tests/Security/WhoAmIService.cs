using ProjectHub.Grpc;
using ProjectHub.Hosting.Security;

namespace ProjectHub.Hosting.Tests.Security;

[GrpcService(typeof(WhoamiReflection), "projecthub.testing.WhoAmI")]
public sealed class WhoAmIService
{
    public Task<WhoAmIReply> Get(WhoAmIRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var reply = new WhoAmIReply { Subject = caller.Subject, Role = caller.Role, Unit = caller.Unit ?? "" };
        reply.Tiers.AddRange(caller.Tiers);
        return Task.FromResult(reply);
    }
}
