namespace Gazette.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
