namespace ProjectHub.Domain;

/// <summary>
/// Field violations gathered while reading and checking a request, so one INVALID_ARGUMENT names every bad field
/// before anything is read or written.
/// </summary>
public sealed class Violations
{
    private readonly List<FieldViolation> _items = [];

    public bool Any => _items.Count > 0;

    public IReadOnlyList<FieldViolation> Items => _items;

    public void Add(string field, string description) => _items.Add(new FieldViolation(field, description));

    public void AddRange(IEnumerable<FieldViolation> violations, string prefix = "")
    {
        foreach (var violation in violations)
        {
            Add(prefix + violation.Field, violation.Description);
        }
    }

    /// <summary>Adds "必填：<paramref name="what"/>。" when <paramref name="text"/> is empty or blank (<paramref name="what"/>
    /// names the value in Chinese).</summary>
    public void Require(string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(field, $"必填：{what}。");
        }
    }

    /// <summary>Throws INVALID_ARGUMENT naming every bad field when there is any; the message lists them too.</summary>
    public void ThrowIfAny(string message = "请求中有字段不符合要求：")
    {
        if (Any)
        {
            throw DomainException.Invalid(message + " " + string.Join("; ", _items.Select(i => $"{i.Field}: {i.Description}")), _items);
        }
    }
}
