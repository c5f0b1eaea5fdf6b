namespace Gazette.Integrity;

/// <summary>What is wrong with one file of a copy.</summary>
public enum VerifyProblemKind
{
    /// <summary>Its SHA-256 is not the one in the manifest.</summary>
    Differs,

    /// <summary>The manifest lists it but the copy does not have it.</summary>
    Missing,

    /// <summary>It could not be read (permissions, a server error).</summary>
    Unreadable,

    /// <summary>The copy has it but the manifest does not list it (only for a folder).</summary>
    Unlisted,
}
