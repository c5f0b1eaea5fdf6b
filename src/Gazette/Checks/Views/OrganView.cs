namespace Gazette.Checks.Views;

/// <summary>One organ of the HTML check report, with the kinds it has findings of.</summary>
public sealed record OrganView(string Id, string Name, int Count, IReadOnlyList<KindView> Kinds);
