namespace Gazette.Cli.Serve;

/// <summary>
/// What the preview server tells open pages: the generation of the site being served (a new one after each successful
/// build) and the errors of the last build, empty when it succeeded.
/// </summary>
public sealed record PreviewState(string Generation, IReadOnlyList<string> Errors);
