using Gazette.Diagnostics;

namespace Gazette.Model;

/// <summary>One gazette issue from content/gazettes/&lt;year&gt;/&lt;number&gt;.yml.</summary>
public sealed record Issue(
    IssueKey Key,
    /// <summary>总第N期, the running number across years; absent for gazettes that do not count.</summary>
    int? Total,
    DateOnly Date,
    /// <summary>The sections in the order the table of contents prints them.</summary>
    IReadOnlyList<string> Sections,
    /// <summary>An optional title such as 特刊.</summary>
    string? Title,
    SourceLocation Source);
