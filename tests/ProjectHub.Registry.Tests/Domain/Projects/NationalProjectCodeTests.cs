using ProjectHub.Registry.Domain.Projects;

namespace ProjectHub.Registry.Tests.Domain.Projects;

public class NationalProjectCodeTests
{
    [Fact]
    public void Parses_the_five_parts_of_a_valid_code()
    {
        Assert.True(NationalProjectCode.TryParse("2020-330100-47-01-123456", 2025, out var code, out _));
        Assert.Equal(new NationalProjectCode(2020, "330100", "47", "01", "123456"), code);
        Assert.Equal("2020-330100-47-01-123456", code.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("2020-330100-47-01-12345")]        // 23 characters
    [InlineData("2020-330100-47-01-1234567")]      // 25 characters
    [InlineData("2020 330100-47-01-123456")]       // space instead of hyphen
    [InlineData("2020-330100-4A-01-123456")]       // letter in the industry
    [InlineData("2020-330100-47-01-12345６")]      // full-width digit from an input method
    [InlineData("2020-330100－47-01-123456")]      // full-width hyphen
    [InlineData("20200-33010-47-01-123456")]       // right length, parts shifted
    public void Rejects_malformed_codes(string text)
    {
        Assert.False(NationalProjectCode.TryParse(text, 2025, out var code, out var problem));
        Assert.Null(code);
        Assert.Contains("国家项目代码", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1999-330100-47-01-123456", 2025, false)]
    [InlineData("2000-330100-47-01-123456", 2025, true)]
    [InlineData("2025-330100-47-01-123456", 2025, true)]
    [InlineData("2026-330100-47-01-123456", 2025, false)]
    public void Year_must_lie_between_2000_and_the_current_year(string text, int currentYear, bool valid)
    {
        Assert.Equal(valid, NationalProjectCode.TryParse(text, currentYear, out _, out var problem));
        if (!valid)
        {
            Assert.Contains("不合理", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Names_the_position_of_the_first_bad_character()
    {
        NationalProjectCode.TryParse("2020-330100-47-01-12x456", 2025, out _, out var problem);
        Assert.Contains("第 21 位", problem, StringComparison.Ordinal);
    }
}
