namespace Gazette.Model;

/// <summary>Whether a document is in force, since when it is not, and which document repealed or amended it.</summary>
public sealed record Validity(ValidityStatus Status, DateOnly? Date, string? RepealedBy, string? AmendedBy, string? Note)
{
    public static Validity InForce { get; } = new(ValidityStatus.Valid, null, null, null, null);

    /// <summary>The id of the repealing or amending document, if one is named.</summary>
    public string? SuccessorId => RepealedBy ?? AmendedBy;
}
