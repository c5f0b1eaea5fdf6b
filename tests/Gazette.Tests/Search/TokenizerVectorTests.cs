using System.Text.Json;
using Gazette.Search;
using Gazette.Tests.Support;

namespace Gazette.Tests.Search;

/// <summary>The shared vectors in tests/vectors/tokenizer.json; tests/js/ checks the JavaScript tokenizer against the same file.</summary>
public sealed class TokenizerVectorTests
{
    public sealed record Vector(string Input, string Normalized, string[] Query, string[] Index, string DocumentNumber, bool LooksLikeDocumentNumber)
    {
        public override string ToString() => Input;
    }

    public static TheoryData<Vector> Vectors()
    {
        var data = new TheoryData<Vector>();
        foreach (var vector in Load())
        {
            data.Add(vector);
        }

        return data;
    }

    private static Vector[] Load()
    {
        var json = File.ReadAllText(Path.Combine(Repository.Root, "tests", "vectors", "tokenizer.json"));
        return JsonSerializer.Deserialize<Vector[]>(json, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_CSharp_tokenizer_gives_the_shared_expected_tokens(Vector vector)
    {
        Assert.Equal(vector.Normalized, Tokenizer.Normalize(vector.Input));
        Assert.Equal(vector.Query, Tokenizer.QueryTerms(vector.Input));
        Assert.Equal(vector.Index, Tokenizer.IndexTerms(vector.Input));
        Assert.Equal(vector.DocumentNumber, Tokenizer.DocumentNumberKey(vector.Input));
        Assert.Equal(vector.LooksLikeDocumentNumber, Tokenizer.LooksLikeDocumentNumber(vector.Input));
    }

    [Fact]
    public void The_vectors_cover_the_cases_the_issue_names()
    {
        var inputs = Load().Select(v => v.Input).ToList();
        Assert.True(inputs.Count >= 25);
        foreach (var required in new[] { "乡村振兴", "PPP项目", "2019年", "铜府办发[2019]16号", "铜府办发【2019】16号", "铜府办发(2019)16号", "铜府办发（２０１９）１６号" })
        {
            Assert.Contains(required, inputs);
        }
    }
}
