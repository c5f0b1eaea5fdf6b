namespace Gazette.Model;

/// <summary>有效性 of a document.</summary>
public enum ValidityStatus
{
    /// <summary>有效</summary>
    Valid,
    /// <summary>失效: expired by its own terms.</summary>
    Expired,
    /// <summary>废止: repealed by another document.</summary>
    Repealed,
    /// <summary>已修改: amended by another document, still partly in force.</summary>
    Amended,
}
