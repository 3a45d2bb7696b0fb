using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ProjectHub.BadInput.Tests.Fuzzing;

/// <summary>
/// One RPC with one field of its valid-looking request replaced by one hostile value, e.g.
/// "projecthub.registry.v1.ProjectRegistry/RegisterProject project.name ← control". Derived from the descriptors.
/// </summary>
public sealed record HostileCase(MethodDescriptor Method, string Path, HostileValue Value)
{
    private const int MaxDepth = 4;

    public string Id => $"{RpcCatalog.Key(Method)} {Path} ← {Value.Name}";

    /// <summary>The leaf field name, e.g. "name" for "project.baseline.milestones[0].name".</summary>
    public string LeafField => Path.Split('.')[^1].Replace("[0]", "", StringComparison.Ordinal);

    /// <summary>
    /// Whether a BadRequest field path names this case's field: the same path, a parent of it (e.g. "report" or
    /// "baseline.milestones"), or the same path without the request's outer message (services name "name" for
    /// "project.name").
    /// </summary>
    public bool IsAbout(string violatedField)
    {
        var path = Unindexed(Path);
        var violated = Unindexed(violatedField);
        return violated == path
            || path.StartsWith(violated + ".", StringComparison.Ordinal)
            || path.EndsWith("." + violated, StringComparison.Ordinal)
            || violated.EndsWith("." + LeafField, StringComparison.Ordinal)
            || violated == LeafField;
    }

    /// <summary>
    /// Whether the rows a call added hold this case's hostile value, i.e. the service stored it rather than ignoring
    /// the field (output-only fields such as submitted_by, fields outside an update mask).
    /// </summary>
    public bool IsStoredIn(IReadOnlyList<string> added) => Value.Value switch
    {
        null => added.Sum(row => row.Length) + Hosting.DatabaseSnapshot.LongestCell(added) >= 2 * HostileValue.RepeatedCount,
        string { Length: > Hosting.DatabaseSnapshot.LongCell } huge => Hosting.DatabaseSnapshot.LongestCell(added) >= huge.Length,
        string text => text.Length > 0 && Hosting.DatabaseSnapshot.Contain(added, text),
        IFormattable number => added.Any(row => System.Text.RegularExpressions.Regex.IsMatch(row,
            $@"(?<![\w.-]){System.Text.RegularExpressions.Regex.Escape(number.ToString(null, System.Globalization.CultureInfo.InvariantCulture))}(?![\w.])")),
        _ => added.Count > 0,
    };

    private static string Unindexed(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "");

    public static readonly IReadOnlyDictionary<string, HostileCase> All =
        RpcCatalog.Methods.SelectMany(For).ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static IEnumerable<HostileCase> For(MethodDescriptor method) =>
        Walk(method.InputType, "", 0, new HashSet<string> { method.InputType.FullName }).Select(v => new HostileCase(method, v.Path, v.Value));

    private static IEnumerable<(string Path, HostileValue Value)> Walk(
        MessageDescriptor message, string prefix, int depth, HashSet<string> enclosing)
    {
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            if (field.IsMap)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                yield return (path, new HostileValue($"{HostileValue.RepeatedCount} elements", null, true));
            }

            if (field.FieldType == FieldType.Message)
            {
                var type = field.MessageType;
                if (depth >= MaxDepth || enclosing.Contains(type.FullName) || type.FullName == "google.protobuf.Timestamp")
                {
                    continue;
                }

                var inner = field.IsRepeated ? path + "[0]." : path + ".";
                foreach (var nested in Walk(type, inner, depth + 1, new HashSet<string>(enclosing) { type.FullName }))
                {
                    yield return nested;
                }

                continue;
            }

            var target = field.IsRepeated ? path + "[0]" : path;
            foreach (var value in HostileValue.For(field))
            {
                yield return (target, value);
            }
        }
    }

    /// <summary>Puts the hostile value into <paramref name="request"/> (creating parents and a first element as needed).</summary>
    public void ApplyTo(IMessage request)
    {
        var segments = Path.Split('.');
        var message = request;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var (field, indexed) = Field(message, segments[i]);
            if (indexed)
            {
                var list = (IList)field.Accessor.GetValue(message);
                if (list.Count == 0)
                {
                    list.Add(New(field.MessageType));
                }

                message = (IMessage)list[0]!;
            }
            else
            {
                if (field.Accessor.GetValue(message) is not IMessage child)
                {
                    child = New(field.MessageType);
                    field.Accessor.SetValue(message, child);
                }

                message = child;
            }
        }

        var (leaf, leafIndexed) = Field(message, segments[^1]);
        if (leaf.IsRepeated && !leafIndexed)
        {
            var list = (IList)leaf.Accessor.GetValue(message);
            var element = list.Count > 0 ? list[0] : DefaultElement(leaf);
            list.Clear();
            for (var i = 0; i < HostileValue.RepeatedCount; i++)
            {
                list.Add(element);
            }

            return;
        }

        var value = leaf.FieldType == FieldType.Enum ? Enum.ToObject(leaf.EnumType.ClrType, (int)Value.Value!) : Value.Value;
        if (leafIndexed)
        {
            var list = (IList)leaf.Accessor.GetValue(message);
            if (list.Count == 0)
            {
                list.Add(value);
            }
            else
            {
                list[0] = value;
            }

            return;
        }

        leaf.Accessor.SetValue(message, value);
    }

    public override string ToString() => Id;

    private static (FieldDescriptor Field, bool Indexed) Field(IMessage message, string segment)
    {
        var indexed = segment.EndsWith("[0]", StringComparison.Ordinal);
        var name = indexed ? segment[..^3] : segment;
        var field = message.Descriptor.FindFieldByName(name)
            ?? throw new InvalidOperationException($"{message.Descriptor.FullName} has no field {name}.");
        return (field, indexed);
    }

    private static IMessage New(MessageDescriptor type) => (IMessage)Activator.CreateInstance(type.ClrType)!;

    private static object DefaultElement(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message => New(field.MessageType),
        FieldType.String => "x",
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, 1),
        FieldType.Bool => true,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => 1,
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => 1L,
        FieldType.UInt32 or FieldType.Fixed32 => 1u,
        FieldType.UInt64 or FieldType.Fixed64 => 1ul,
        FieldType.Double => 1d,
        FieldType.Float => 1f,
        FieldType.Bytes => ByteString.CopyFromUtf8("x"),
        _ => throw new InvalidOperationException($"No default element for {field.FieldType}."),
    };
}
