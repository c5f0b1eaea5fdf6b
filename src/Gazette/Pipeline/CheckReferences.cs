using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette.Pipeline;

/// <summary>
/// Checks what documents say about each other and about gazette issues: ids are unique; interprets, repealed_by and
/// amended_by name an existing, published document other than itself; every gazette placement names an issue, one of its
/// sections, and a place no other document takes.
/// </summary>
public sealed class CheckReferences
{
    public void Run(IReadOnlyList<Document> documents, IReadOnlyList<Issue> issues, DiagnosticBag diagnostics)
    {
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (!byId.TryAdd(document.Id, document))
            {
                diagnostics.Error(document.At("id"), Codes.DuplicateDocumentId,
                    $"the id '{document.Id}' is already used by {byId[document.Id].Source.Path}",
                    "give one of them another file name or an explicit 'id:'");
            }
        }

        foreach (var document in documents)
        {
            CheckTarget(document, document.Interprets, "interprets", byId, diagnostics);
            CheckTarget(document, document.Validity.RepealedBy, "validity", byId, diagnostics);
            CheckTarget(document, document.Validity.AmendedBy, "validity", byId, diagnostics);
        }

        CheckPlacements(documents, issues, diagnostics);
    }

    private static void CheckTarget(Document document, string? target, string key, Dictionary<string, Document> byId, DiagnosticBag diagnostics)
    {
        if (target is null)
        {
            return;
        }

        var at = document.At(key);
        if (target == document.Id)
        {
            diagnostics.Error(at, Codes.SelfReference, $"the document refers to itself in '{key}'", "name the other document's id");
        }
        else if (!byId.TryGetValue(target, out var other))
        {
            diagnostics.Error(at, Codes.UnknownDocument, $"no document has the id '{target}'",
                DidYouMean.Hint(target, byId.Keys) ?? "a document's id is its file name without .md, unless it sets 'id:'");
        }
        else if (document.IsPublic && !other.IsPublic)
        {
            diagnostics.Error(at, Codes.NonPublicReference, $"'{target}' {other.NotPublished}, so a published document cannot link to it",
                "remove the reference, or change the other document's disclosure if it may be published");
        }
    }

    private static void CheckPlacements(IReadOnlyList<Document> documents, IReadOnlyList<Issue> issues, DiagnosticBag diagnostics)
    {
        var byKey = issues.ToDictionary(i => i.Key);
        var taken = new Dictionary<(IssueKey, string, int), Document>();
        foreach (var document in documents)
        {
            if (document.Gazette is not { } placement)
            {
                continue;
            }

            var at = document.At("gazette");
            if (document.Draft)
            {
                continue; // placed in the issue it is meant for; it appears there once it is no longer a draft
            }

            if (!document.IsPublic)
            {
                diagnostics.Error(at, Codes.NonPublicReference, "a document that is not 主动公开 cannot be printed in the gazette",
                    "remove 'gazette:' or change 'disclosure'");
                continue;
            }

            if (!byKey.TryGetValue(placement.IssueKey, out var issue))
            {
                diagnostics.Error(at, Codes.UnknownIssue, $"there is no issue {placement.Issue} of {placement.Year}",
                    $"create content/gazettes/{placement.Year}/{placement.Issue}.yml or correct 'gazette'");
                continue;
            }

            if (!issue.Sections.Contains(placement.Section))
            {
                diagnostics.Error(at, Codes.UnknownSection, $"issue {placement.Issue} of {placement.Year} has no section '{placement.Section}'",
                    DidYouMean.Hint(placement.Section, issue.Sections) ?? $"its sections are {string.Join(", ", issue.Sections)}");
                continue;
            }

            if (!taken.TryAdd((placement.IssueKey, placement.Section, placement.Order), document))
            {
                diagnostics.Error(at, Codes.DuplicateIssuePosition,
                    $"place {placement.Order} of '{placement.Section}' in issue {placement.Issue} of {placement.Year} is already taken by {taken[(placement.IssueKey, placement.Section, placement.Order)].Source.Path}",
                    "give each document of a section its own 'order'");
            }
        }
    }
}
