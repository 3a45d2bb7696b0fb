using ProjectHub.Approval.Domain;
using ProjectHub.Domain;

namespace ProjectHub.Approval.Tests;

public class DocumentReferenceTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    // A refusal names the field as the proto does (size_bytes); messages keep the domain's name (sizeBytes).
    private static readonly Dictionary<string, string> WireField = new()
    {
        ["name"] = "name", ["sha256"] = "sha256", ["sizeBytes"] = "size_bytes", ["location"] = "location",
    };

    [Fact]
    public void Valid_reference_keeps_its_fields()
    {
        var doc = DocumentReference.Create("可研报告.pdf", Hash, 2048, "s3://approvals/p-1/fs.pdf");

        Assert.Equal(("可研报告.pdf", Hash, 2048L, "s3://approvals/p-1/fs.pdf"), (doc.Name, doc.Sha256, doc.SizeBytes, doc.Location));
    }

    [Fact]
    public void Uppercase_hash_is_accepted_and_normalised()
    {
        var upper = DocumentReference.Create("a.pdf", Hash.ToUpperInvariant(), 1, "loc");
        var lower = DocumentReference.Create("a.pdf", Hash, 1, "loc");

        Assert.Equal(Hash, upper.Sha256);
        Assert.Equal(lower, upper);
    }

    [Theory]
    [InlineData("", Hash, 1, "loc", "name")]
    [InlineData("  ", Hash, 1, "loc", "name")]
    [InlineData("a\nb.pdf", Hash, 1, "loc", "name")]
    [InlineData("a.pdf", "", 1, "loc", "sha256")]
    [InlineData("a.pdf", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0", 1, "loc", "sha256")] // 63
    [InlineData("a.pdf", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a088", 1, "loc", "sha256")] // 65
    [InlineData("a.pdf", "gf86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 1, "loc", "sha256")]
    [InlineData("a.pdf", " 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0", 1, "loc", "sha256")]
    [InlineData("a.pdf", Hash, 0, "loc", "sizeBytes")]
    [InlineData("a.pdf", Hash, -5, "loc", "sizeBytes")]
    [InlineData("a.pdf", Hash, 1, "", "location")]
    [InlineData("a.pdf", Hash, 1, " ", "location")]
    public void Each_bad_field_is_named(string name, string sha256, long size, string location, string field)
    {
        var error = Assert.Throws<DomainException>(() => DocumentReference.Create(name, sha256, size, location));

        Assert.Equal(DomainException.ReasonOf(ApprovalErrorReason.InvalidDocument), error.Reason);
        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(WireField[field], Assert.Single(error.Violations).Field);
        Assert.Contains(field + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_lists_every_bad_field()
    {
        var errors = DocumentReference.Validate(null, "xyz", 0, null);

        Assert.Equal(
            [DocumentField.Name, DocumentField.Sha256, DocumentField.SizeBytes, DocumentField.Location],
            errors.Select(e => e.Field));
    }

    [Fact]
    public void Overlong_name_and_location_are_refused()
    {
        Assert.Equal("name", Assert.Single(Assert.Throws<DomainException>(
            () => DocumentReference.Create(new string('a', 256), Hash, 1, "loc")).Violations).Field);
        Assert.Equal("location", Assert.Single(Assert.Throws<DomainException>(
            () => DocumentReference.Create("a.pdf", Hash, 1, new string('l', 2049))).Violations).Field);
        Assert.Empty(DocumentReference.Validate(new string('a', 255), Hash, 1, new string('l', 2048)));
    }
}
