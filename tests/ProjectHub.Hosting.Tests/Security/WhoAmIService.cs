using Grpc.Core;
using ProjectHub.Hosting.Security;

namespace ProjectHub.Hosting.Tests.Security;

/// <summary>Answers with the caller JwtBearer authenticated, as <c>context.Caller()</c> reads it.</summary>
public sealed class WhoAmIService : WhoAmI.WhoAmIBase
{
    public override Task<WhoAmIReply> Get(WhoAmIRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var reply = new WhoAmIReply { Subject = caller.Subject, Role = caller.Role, Unit = caller.Unit ?? "" };
        reply.Tiers.AddRange(caller.Tiers);
        return Task.FromResult(reply);
    }
}
