using Google.Protobuf.Reflection;
using Grpc.Net.Client.Configuration;

namespace ProjectHub.ClientDefaults;

/// <summary>What every ProjectHub client sets on its channel.</summary>
public static class CallDefaults
{
    /// <summary>The deadline of a unary call that did not set one: long enough for any read or write here.</summary>
    public static readonly TimeSpan UnaryDeadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The standard gRPC retry policy (service config) for the idempotent reads of <paramref name="services"/>: every
    /// unary method named Get…, List…, Count…, Rank… or AddWorkingDays (a pure computation) is retried on UNAVAILABLE
    /// up to 4 attempts with jittered exponential backoff. Writes are never retried by the channel: a retry of an
    /// accepted write is the caller's decision.
    /// </summary>
    public static ServiceConfig ReadRetries(params ServiceDescriptor[] services)
    {
        var reads = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = 4,
                InitialBackoff = TimeSpan.FromMilliseconds(200),
                MaxBackoff = TimeSpan.FromSeconds(2),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { Grpc.Core.StatusCode.Unavailable },
            },
        };
        foreach (var method in services.SelectMany(s => s.Methods).Where(IsIdempotentRead))
        {
            reads.Names.Add(new MethodName { Service = method.Service.FullName, Method = method.Name });
        }

        return new ServiceConfig { MethodConfigs = { reads } };
    }

    public static bool IsIdempotentRead(MethodDescriptor method) =>
        !method.IsClientStreaming && !method.IsServerStreaming
        && (method.Name.StartsWith("Get", StringComparison.Ordinal)
            || method.Name.StartsWith("List", StringComparison.Ordinal)
            || method.Name.StartsWith("Count", StringComparison.Ordinal)
            || method.Name.StartsWith("Rank", StringComparison.Ordinal)
            || method.Name == "AddWorkingDays");
}
