using System.Reflection;
using Gazette.Diagnostics;

namespace Gazette.Tests.Diagnostics;

/// <summary>
/// Every code in <see cref="Codes.All"/> has an error test: a test in this folder marked <c>[Trait("Code", "GZxxxx")]</c> that builds
/// a bad site and asserts that code and its location. Run one code's tests with <c>dotnet test --filter Code=GZ0101</c>.
/// </summary>
public sealed class CoverageTests
{
    [Fact]
    public void Every_diagnostic_code_has_an_error_test()
    {
        var covered = CoveredCodes();

        var uncovered = Codes.All.Select(c => c.Id).Where(id => !covered.Contains(id)).ToList();
        Assert.True(uncovered.Count == 0, "no error test for " + string.Join(", ", uncovered));
    }

    [Fact]
    public void Error_tests_name_only_codes_that_exist()
    {
        var known = Codes.All.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(CoveredCodes().Except(known));
    }

    /// <summary>The codes named by Code traits on the tests of this namespace.</summary>
    private static HashSet<string> CoveredCodes() =>
        typeof(CoverageTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CoverageTests).Namespace)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
            .SelectMany(m => m.GetCustomAttributesData())
            .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == "Code")
            .Select(a => (string)a.ConstructorArguments[1].Value!)
            .ToHashSet(StringComparer.Ordinal);
}
