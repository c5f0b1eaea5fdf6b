using Gazette.Diagnostics;

namespace Gazette.Audit;

/// <summary>
/// A piece of text that only a withheld document holds — its title, number, index number or a sentence of its body — which the
/// audit looks for in the built site.
/// </summary>
/// <param name="Text">the text looked for, free of the characters HTML or JSON would escape.</param>
/// <param name="DocumentId">the withheld document.</param>
/// <param name="What">what the text is, for the message: 标题 (title), 文号, 索引号, a sentence.</param>
/// <param name="At">where the text is written in the document's file.</param>
/// <param name="InPaths">whether a file name holding it is a leak too (index numbers and ids name permalinks).</param>
public sealed record WithheldPassage(string Text, string DocumentId, string What, SourceLocation At, bool InPaths = false);
