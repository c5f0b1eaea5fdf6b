using Gazette.Diagnostics;

namespace Gazette.Checks;

/// <summary>
/// One problem <c>gazette check</c> found, charged to one organ (a document's leading issuer). <see cref="Location"/> is the
/// front-matter field (or catalogue.yml key) it is about. The properties after it are set where the kind has them.
/// </summary>
public sealed record Finding(FindingKind Kind, string Organ, SourceLocation Location, string Message, string? Hint)
{
    /// <summary>The document the finding is about; null for a catalogue entry.</summary>
    public string? DocumentId { get; init; }

    public string? Title { get; init; }

    public DateOnly? Written { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>Working days counted (late publication: written → published; late interpretation: policy published → published).</summary>
    public int? WorkingDays { get; init; }

    /// <summary>The time limit in working days.</summary>
    public int? Limit { get; init; }

    /// <summary>The last day the limit allowed.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>On a late interpretation: the policy it explains, and when that was published.</summary>
    public string? PolicyId { get; init; }

    public DateOnly? PolicyPublished { get; init; }

    /// <summary>The genre's name, on a policy document without interpretation.</summary>
    public string? Genre { get; init; }

    /// <summary>废止 or 已修改, and since when, on a document whose successor is missing.</summary>
    public string? Validity { get; init; }

    public DateOnly? ValidityDate { get; init; }

    /// <summary>On a missed period: the catalogue entry, its period, its first document's publication date and the periods without one.</summary>
    public string? EntryId { get; init; }

    public string? EntryName { get; init; }

    public string? Period { get; init; }

    public DateOnly? FirstPublished { get; init; }

    public IReadOnlyList<string> MissedPeriods { get; init; } = [];

    public Diagnostic ToDiagnostic() => new(Location, Severity.Warning, Kind.Code, Message, Hint);
}
