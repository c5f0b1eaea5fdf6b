namespace Gazette.Integrity;

/// <summary>What the manifest's signature showed.</summary>
public enum SignatureState
{
    /// <summary>There is no signature: the files were checked against the manifest alone.</summary>
    Unsigned,

    /// <summary>Signed, and the signature matches the public key published with the copy: the copy is consistent with itself.</summary>
    PublishedKey,

    /// <summary>Signed, and the signature matches the key the reader gave: the copy is what that key's holder published.</summary>
    GivenKey,
}
