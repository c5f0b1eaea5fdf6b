using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette.Pipeline;

/// <summary>
/// Checks what documents say about each other and about gazette issues: ids are unique; interprets, repealed_by and
/// amended_by name an existing, published document other than itself, and never lead back to where they started; every
/// gazette placement names an issue, one of its sections, and a place no other document takes.
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

        CheckSuccessionCycles(byId, diagnostics);
        CheckPlacements(documents, issues, diagnostics);
    }

    /// <summary>How many documents of a cycle its message names before it says how many there are.</summary>
    private const int MaxChainShown = 8;

    /// <summary>
    /// A document repealed or amended by one that it repeals or amends itself, directly or along a longer chain, is an error at
    /// the repealed_by or amended_by of every document of the cycle, since any of them may be the one written wrong.
    /// </summary>
    private static void CheckSuccessionCycles(Dictionary<string, Document> byId, DiagnosticBag diagnostics)
    {
        var nodes = byId.Values.ToList();
        var index = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        foreach (var (i, node) in nodes.Index())
        {
            index[node.Id] = i;
        }

        // Each document's successors: the one that repealed it, then the one that amended it (another document, once)
        var successors = new int[nodes.Count][];
        for (var i = 0; i < nodes.Count; i++)
        {
            int Target(string? id) => id is not null && id != nodes[i].Id && index.TryGetValue(id, out var j) ? j : -1;
            var (repealed, amended) = (Target(nodes[i].Validity.RepealedBy), Target(nodes[i].Validity.AmendedBy));
            successors[i] = (repealed, amended) switch
            {
                (< 0, < 0) => [],
                (< 0, _) => [amended],
                (_, < 0) => [repealed],
                _ when repealed == amended => [repealed],
                _ => [repealed, amended],
            };
        }

        foreach (var cycle in Cycles(successors))
        {
            var members = cycle.ToHashSet();
            var first = cycle.Min();
            var ring = new List<int> { first };
            var seen = new HashSet<int> { first };
            for (var at = successors[first].First(members.Contains); seen.Add(at); at = successors[at].First(members.Contains))
            {
                ring.Add(at);
            }

            bool Repeals(int i) => nodes[i].Validity.RepealedBy is { } id && index.TryGetValue(id, out var j) && members.Contains(j);
            var kind = ring.All(Repeals) ? "repeal" : ring.Any(Repeals) ? "repeal and amendment" : "amendment";
            var chain = ring.Count <= MaxChainShown
                ? string.Join(" → ", ring.Append(first).Select(i => nodes[i].Id))
                : string.Join(" → ", ring.Take(MaxChainShown).Select(i => nodes[i].Id)) + $" → … ({ring.Count} documents) → {nodes[first].Id}";
            foreach (var i in cycle.Order())
            {
                var key = Repeals(i) ? "validity.repealed_by" : "validity.amended_by";
                diagnostics.Error(nodes[i].At(key), Codes.SuccessionCycle, $"the {kind} chain {chain} forms a cycle",
                    "a document can only be repealed or amended by a later one: correct repealed_by or amended_by in the document that is still in force");
            }
        }
    }

    /// <summary>
    /// The strongly connected components of more than one node (Tarjan's, without recursion) of a graph given by each node's
    /// successors: its cycles. A node without successors is on none, and is not walked from.
    /// </summary>
    private static List<List<int>> Cycles(int[][] successors)
    {
        var count = successors.Length;
        var order = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        Array.Fill(order, -1);
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        var calls = new Stack<(int Node, int Edge)>();
        var next = 0;
        for (var root = 0; root < count; root++)
        {
            if (order[root] >= 0 || successors[root].Length == 0)
            {
                continue;
            }

            calls.Push((root, 0));
            order[root] = low[root] = next++;
            stack.Push(root);
            onStack[root] = true;
            while (calls.TryPop(out var call))
            {
                var (node, edge) = call;
                if (edge < successors[node].Length)
                {
                    calls.Push((node, edge + 1));
                    var target = successors[node][edge];
                    if (order[target] < 0)
                    {
                        order[target] = low[target] = next++;
                        stack.Push(target);
                        onStack[target] = true;
                        calls.Push((target, 0));
                    }
                    else if (onStack[target])
                    {
                        low[node] = Math.Min(low[node], order[target]);
                    }

                    continue;
                }

                if (calls.TryPeek(out var parent))
                {
                    low[parent.Node] = Math.Min(low[parent.Node], low[node]);
                }

                if (low[node] == order[node])
                {
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    }
                    while (member != node);
                    if (component.Count > 1)
                    {
                        components.Add(component);
                    }
                }
            }
        }

        return components;
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
