namespace Gazette.Checks.Views;

/// <summary>One finding in the HTML check report. <see cref="Facts"/> are its dates and counts, one short phrase each.</summary>
public sealed record FindingView(string Location, string Subject, string? Title, IReadOnlyList<string> Facts, string Message, string? Hint);
