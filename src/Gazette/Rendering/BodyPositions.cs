using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette.Rendering;

/// <summary>Maps an offset in a document's Markdown body to the line and column of the file, as diagnostics print them.</summary>
internal sealed class BodyPositions
{
    private readonly Document _document;
    private readonly List<int> _lineStarts = [0];

    /// <param name="document">the document, for its path and the line its body starts on.</param>
    /// <param name="body">its body, whose line ends are \n.</param>
    public BodyPositions(Document document, string body)
    {
        _document = document;
        for (var i = body.IndexOf('\n'); i >= 0; i = body.IndexOf('\n', i + 1))
        {
            _lineStarts.Add(i + 1);
        }
    }

    /// <summary>The 1-based line and column of the file at <paramref name="offset"/> of the body.</summary>
    public SourceLocation At(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourceLocation(_document.Source.Path, _document.BodyLine + line, offset - _lineStarts[line] + 1);
    }
}
