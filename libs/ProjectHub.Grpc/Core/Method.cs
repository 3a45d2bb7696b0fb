using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ProjectHub.Grpc;

/// <summary>The four kinds of call.</summary>
public enum MethodType
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}

/// <summary>
/// A method of a service, checked against its protobuf descriptor when created so that a typed client can never
/// call a method with the wrong message types.
/// </summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    private Method(string fullName, MethodType type, MethodDescriptor? descriptor)
    {
        Descriptor = descriptor;
        FullName = fullName;
        Type = type;
        ResponseParser = new MessageParser<TResponse>(() => new TResponse());
    }

    /// <summary>The protobuf descriptor; null only for methods made with <see cref="ForPath"/>.</summary>
    public MethodDescriptor? Descriptor { get; }

    /// <summary>The HTTP/2 path: "/package.Service/Method".</summary>
    public string FullName { get; }

    public MethodType Type { get; }

    public MessageParser<TResponse> ResponseParser { get; }

    /// <summary>Looks the method up on the service descriptor and checks the message types and call kind.</summary>
    public static Method<TRequest, TResponse> Create(ServiceDescriptor service, string name, MethodType expectedType)
    {
        var descriptor = service.FindMethodByName(name)
            ?? throw new InvalidOperationException($"{service.FullName} has no method {name}.");
        if (descriptor.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new InvalidOperationException(
                $"{service.FullName}.{name} takes {descriptor.InputType.FullName} and returns {descriptor.OutputType.FullName}, " +
                $"not {typeof(TRequest).Name} → {typeof(TResponse).Name}.");
        }

        var type = MethodTypes.Of(descriptor);
        if (type != expectedType)
        {
            throw new InvalidOperationException($"{service.FullName}.{name} is {type}, not {expectedType}.");
        }

        return new Method<TRequest, TResponse>($"/{service.FullName}/{name}", type, descriptor);
    }

    /// <summary>
    /// A method known only by its path ("/package.Service/Method"), unchecked: for generic tools and for probing
    /// servers with methods they may not have. Prefer <see cref="Create"/>.
    /// </summary>
    public static Method<TRequest, TResponse> ForPath(string path, MethodType type)
    {
        if (!path.StartsWith('/') || path.Count(c => c == '/') != 2)
        {
            throw new ArgumentException($"'{path}' is not of the form /package.Service/Method.", nameof(path));
        }

        return new Method<TRequest, TResponse>(path, type, null);
    }
}

internal static class MethodTypes
{
    public static MethodType Of(MethodDescriptor descriptor) => (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
    {
        (false, false) => MethodType.Unary,
        (true, false) => MethodType.ClientStreaming,
        (false, true) => MethodType.ServerStreaming,
        (true, true) => MethodType.DuplexStreaming,
    };
}
