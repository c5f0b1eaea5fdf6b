namespace Gazette.Integrity;

/// <summary>One file of a copy that is not as published, with what is wrong.</summary>
public sealed record VerifyProblem(string Path, VerifyProblemKind Kind, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
