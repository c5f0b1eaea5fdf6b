using Gazette.Integrity;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Integrity;

/// <summary>A small site with a public document (a PDF attachment with a Chinese name), a withheld one, and a signing key.</summary>
internal sealed class SignedSite : IDisposable
{
    public SignedSite(bool signed = true)
    {
        (PrivateKey, PublicKey) = SigningKey.New();
        Site = new TestSite($"""
            -- content/documents/public.md --
            {TestSite.Document("公开的通知", "attachments: [{file: 附件 一.pdf, title: 附件一}]")}
            -- content/documents/附件 一.pdf --
            %PDF-1.7 公开附件
            -- content/documents/secret.md --
            {TestSite.Document("不公开的函", "disclosure: 依申请公开", "disclosure_reason: 内部事务信息", "attachments: [{file: secret-list.txt, title: 名单}]")}
            -- content/documents/secret-list.txt --
            名单内容
            """);
        Options = signed ? Site.Options with { SigningKey = new SigningKeyText(SigningKeyText.EnvironmentVariable, PrivateKey) } : Site.Options;
    }

    public TestSite Site { get; }

    public string PrivateKey { get; }

    public VerificationKey PublicKey { get; }

    public BuildOptions Options { get; }

    public string Output => Site.Output;

    public string PathOf(string file) => Path.Combine(Site.Output, file);

    /// <summary>Builds into <see cref="Output"/> (or <paramref name="output"/>) and fails the test on any error.</summary>
    public void Build(string? output = null)
    {
        var result = new BuildPipeline().Run(output is null ? Options : Options with { OutputDirectory = output });
        Assert.True(result.Succeeded, "build failed:\n" + string.Join("\n", result.Diagnostics));
    }

    public void Dispose() => Site.Dispose();
}
