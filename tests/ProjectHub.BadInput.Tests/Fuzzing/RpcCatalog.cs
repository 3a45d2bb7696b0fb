using Google.Protobuf.Reflection;
using ApprovalV1 = ProjectHub.Approval.V1;
using CalendarV1 = ProjectHub.Calendar.V1;
using EscalationV1 = ProjectHub.Escalation.V1;
using RegistryV1 = ProjectHub.Registry.V1;

namespace ProjectHub.BadInput.Tests.Fuzzing;

/// <summary>Every RPC of the public API, read from the generated file descriptors so a new RPC is covered without a test change.</summary>
public static class RpcCatalog
{
    public static readonly IReadOnlyList<FileDescriptor> Files =
    [
        RegistryV1.RegistryReflection.Descriptor,
        ApprovalV1.ApprovalReflection.Descriptor,
        CalendarV1.CalendarReflection.Descriptor,
        EscalationV1.EscalationReflection.Descriptor,
    ];

    public static IEnumerable<MethodDescriptor> Methods =>
        Files.SelectMany(f => f.Services).SelectMany(s => s.Methods);

    /// <summary>"package.Service/Method", the key of a method in case names.</summary>
    public static string Key(MethodDescriptor method) => $"{method.Service.FullName}/{method.Name}";

    public static MethodDescriptor Find(string key) =>
        Methods.SingleOrDefault(m => Key(m) == key) ?? throw new InvalidOperationException($"No RPC {key}.");
}
