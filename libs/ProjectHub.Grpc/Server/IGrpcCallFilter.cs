namespace ProjectHub.Grpc;

/// <summary>
/// Runs before every service method (authentication, authorization, rate limits). Throw an
/// <see cref="RpcException"/> to refuse the call; its status goes to the caller and the method never runs.
/// Filters are resolved from the call's DI scope, in registration order.
/// </summary>
public interface IGrpcCallFilter
{
    ValueTask OnCallAsync(ServerCallContext context);
}
