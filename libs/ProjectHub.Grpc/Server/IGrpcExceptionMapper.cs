namespace ProjectHub.Grpc;

/// <summary>
/// Gives an exception that escaped a service method a status other than UNKNOWN (e.g. a lost database connection
/// becomes UNAVAILABLE, which callers may retry). Mappers are resolved from the call's DI scope and asked in
/// registration order; the first non-null status wins. Keeps this layer free of any knowledge of what failed.
/// </summary>
public interface IGrpcExceptionMapper
{
    Status? TryMap(Exception exception);
}
