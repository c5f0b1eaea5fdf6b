namespace Gazette.Model;

/// <summary>An entry of the 主题分类 vocabulary. <see cref="Name"/> of a second-level topic is its full path, e.g. 卫生、体育\医药管理.</summary>
public sealed record Topic(string Id, string Name, string? ParentId)
{
    /// <summary>The last segment of the name, shown where the parent is already clear.</summary>
    public string ShortName => Name[(Name.LastIndexOf('\\') + 1)..];
}
