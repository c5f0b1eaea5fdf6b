namespace Gazette.Model;

/// <summary>公开属性, decided at the source. Only <see cref="Public"/> documents are published.</summary>
public enum Disclosure
{
    /// <summary>主动公开</summary>
    Public,
    /// <summary>依申请公开</summary>
    OnRequest,
    /// <summary>不予公开</summary>
    Withheld,
}
