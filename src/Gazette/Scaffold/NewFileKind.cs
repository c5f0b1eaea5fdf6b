namespace Gazette.Scaffold;

/// <summary>What <c>gazette new</c> makes.</summary>
public enum NewFileKind
{
    /// <summary>A document (文件) of the organ given, with the next free index number.</summary>
    Document,

    /// <summary>A 政策解读 of a policy document, linked to it by <c>interprets:</c>.</summary>
    Interpretation,

    /// <summary>The next gazette issue of the year, with the sections of the previous issue.</summary>
    Issue,
}
