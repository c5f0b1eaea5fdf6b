using System.Globalization;
using System.Text;
using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette.Pipeline;

/// <summary>
/// Gives every document its 索引号. A written one is kept. A missing one is derived as
/// <c>&lt;leading organ's code&gt;/&lt;year written&gt;-&lt;5 digits&gt;</c>, the digits a hash of the document number (or the title when
/// there is none), so that it does not change between builds nor when other documents are added. Collisions move to the next
/// free number in id order. Every index number must be unique, across published and unpublished documents alike.
/// </summary>
public sealed class AssignIndexNumbers
{
    private const int Slots = 100_000;

    public IReadOnlyList<Document> Run(IReadOnlyList<Document> documents, SiteConfiguration config, DiagnosticBag diagnostics)
    {
        var taken = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var document in documents.Where(d => d.IndexNumber is not null))
        {
            if (!taken.TryAdd(document.IndexNumber!, document))
            {
                diagnostics.Error(document.At("index_number"), Codes.DuplicateIndexNumber,
                    $"the index number {document.IndexNumber} is already used by {taken[document.IndexNumber!].Source.Path}",
                    "every document needs its own 索引号; remove the line to let Gazette derive one");
            }
        }

        var result = new List<Document>(documents.Count);
        foreach (var document in documents.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Source.Path, StringComparer.Ordinal))
        {
            if (document.IndexNumber is not null)
            {
                result.Add(document);
                continue;
            }

            var organ = document.Issuers.Count > 0 ? config.FindOrgan(document.Issuers[0]) : null;
            if (organ?.Code is not { } code)
            {
                if (organ is not null)
                {
                    diagnostics.Error(document.At("issuers"), Codes.MissingOrganCode,
                        $"the document has no index_number and its organ '{organ.Id}' has no code to derive one from",
                        "add 'code:' to the organ in organs.yml, or write 'index_number:' in the document");
                }

                result.Add(document);
                continue;
            }

            var slot = (int)(Hash(document.DocNumber ?? document.Title) % Slots);
            string number;
            do
            {
                number = string.Create(CultureInfo.InvariantCulture, $"{code}/{document.Written.Year:D4}-{slot:D5}");
                slot = (slot + 1) % Slots;
            }
            while (taken.ContainsKey(number));

            var assigned = document with { IndexNumber = number };
            taken.Add(number, assigned);
            result.Add(assigned);
        }

        return result;
    }

    /// <summary>FNV-1a over UTF-8: stable across runs and platforms, unlike string.GetHashCode.</summary>
    internal static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
