using System.Linq.Expressions;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ProjectHub.Grpc.Server;

/// <summary>
/// Binds the RPCs of a service descriptor to the methods of a class, once at start-up. Every RPC must be
/// implemented with the right kind and message types; all problems are reported together so a developer fixes
/// them in one go.
/// </summary>
internal static class ServerMethodBinder
{
    public static IReadOnlyList<ServerMethod> Bind(Type serviceType, ServiceDescriptor service)
    {
        var problems = new List<string>();
        var methods = new List<ServerMethod>();
        foreach (var rpc in service.Methods)
        {
            // All public methods of that name: GetMethod(name) would throw AmbiguousMatchException on an overload
            // (say, a helper taking other arguments) instead of binding the one with the RPC's signature.
            var candidates = serviceType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name == rpc.Name)
                .ToList();
            if (candidates.Count == 0)
            {
                problems.Add($"{rpc.Name}: not implemented (expected {ExpectedSignature(rpc)})");
                continue;
            }

            var candidate = candidates.FirstOrDefault(m => CheckSignature(m, rpc) is null);
            if (candidate is null)
            {
                var mismatches = string.Join("; ", candidates.Select(m => CheckSignature(m, rpc)));
                problems.Add($"{rpc.Name}: {mismatches} (expected {ExpectedSignature(rpc)})");
                continue;
            }

            methods.Add(new ServerMethod(rpc, MethodTypes.Of(rpc), serviceType, CompileInvoker(serviceType, candidate, rpc)));
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"{serviceType.FullName} does not implement {service.FullName} correctly:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", problems));
        }

        return methods;
    }

    private static Type[] ExpectedParameters(MethodDescriptor rpc)
    {
        var request = rpc.InputType.ClrType;
        var response = rpc.OutputType.ClrType;
        return MethodTypes.Of(rpc) switch
        {
            MethodType.Unary => [request, typeof(ServerCallContext)],
            MethodType.ServerStreaming => [request, typeof(IServerStreamWriter<>).MakeGenericType(response), typeof(ServerCallContext)],
            MethodType.ClientStreaming => [typeof(IAsyncStreamReader<>).MakeGenericType(request), typeof(ServerCallContext)],
            _ => [typeof(IAsyncStreamReader<>).MakeGenericType(request), typeof(IServerStreamWriter<>).MakeGenericType(response), typeof(ServerCallContext)],
        };
    }

    private static Type ExpectedReturn(MethodDescriptor rpc) => MethodTypes.Of(rpc) is MethodType.Unary or MethodType.ClientStreaming
        ? typeof(Task<>).MakeGenericType(rpc.OutputType.ClrType)
        : typeof(Task);

    private static string ExpectedSignature(MethodDescriptor rpc) =>
        $"{Describe(ExpectedReturn(rpc))} {rpc.Name}({string.Join(", ", ExpectedParameters(rpc).Select(Describe))})";

    private static string Describe(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
        : type.Name;

    private static string? CheckSignature(MethodInfo method, MethodDescriptor rpc)
    {
        var expected = ExpectedParameters(rpc);
        var actual = method.GetParameters().Select(p => p.ParameterType).ToArray();
        if (!actual.SequenceEqual(expected))
        {
            return $"parameters are ({string.Join(", ", actual.Select(Describe))})";
        }

        return method.ReturnType == ExpectedReturn(rpc) ? null : $"returns {Describe(method.ReturnType)}";
    }

    /// <summary>
    /// Compiles (service, request-or-reader, writer, context) → Task&lt;IMessage?&gt; so calls cost no reflection.
    /// </summary>
    private static ServerInvoker CompileInvoker(Type serviceType, MethodInfo method, MethodDescriptor rpc)
    {
        var service = Expression.Parameter(typeof(object), "service");
        var input = Expression.Parameter(typeof(object), "input");
        var writer = Expression.Parameter(typeof(object), "writer");
        var context = Expression.Parameter(typeof(ServerCallContext), "context");
        var parameters = method.GetParameters();
        var arguments = new List<Expression> { Expression.Convert(input, parameters[0].ParameterType) };
        if (parameters.Length == 3)
        {
            arguments.Add(Expression.Convert(writer, parameters[1].ParameterType));
        }

        arguments.Add(context);
        var call = Expression.Call(Expression.Convert(service, serviceType), method, arguments);
        Expression body = method.ReturnType == typeof(Task)
            ? Expression.Call(typeof(ServerMethodBinder).GetMethod(nameof(NoResponse), BindingFlags.NonPublic | BindingFlags.Static)!, call)
            : Expression.Call(
                typeof(ServerMethodBinder).GetMethod(nameof(Upcast), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(rpc.OutputType.ClrType),
                call);
        return Expression.Lambda<ServerInvoker>(body, service, input, writer, context).Compile();
    }

    private static async Task<IMessage?> NoResponse(Task task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    private static async Task<IMessage?> Upcast<T>(Task<T> task)
        where T : IMessage => await task.ConfigureAwait(false);
}

/// <summary>Calls a bound service method: input is the request (or a stream reader), writer the response stream.</summary>
internal delegate Task<IMessage?> ServerInvoker(object service, object input, object? writer, ServerCallContext context);

internal sealed record ServerMethod(MethodDescriptor Descriptor, MethodType Type, Type ServiceType, ServerInvoker Invoker)
{
    public string Path { get; } = $"/{Descriptor.Service.FullName}/{Descriptor.Name}";
}
