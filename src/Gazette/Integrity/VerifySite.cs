namespace Gazette.Integrity;

/// <summary>
/// <c>gazette verify</c>: checks a copy of a built site against its manifest. It reads <see cref="IntegrityFiles.Manifest"/>,
/// checks its signature — against the key the reader gives (the trust anchor), or else against the key published beside it,
/// which proves only that the copy is consistent with itself — then hashes every listed file and names each one that differs,
/// is missing or cannot be read and, in a folder, each file the manifest does not list.
/// </summary>
public sealed class VerifySite
{
    /// <param name="trusted">the publisher's public key, from the reader; null to use the key published with the copy.</param>
    /// <param name="progress">how many listed files have been checked, as they are.</param>
    public async Task<VerifyReport> RunAsync(IPublishedCopy copy, VerificationKey? trusted, IProgress<(int Done, int Total)>? progress = null,
        CancellationToken cancellation = default)
    {
        byte[]? manifest, signature, published;
        try
        {
            manifest = await copy.ReadAsync(IntegrityFiles.Manifest, cancellation);
            if (manifest is null)
            {
                return VerifyReport.Cannot($"{copy.Name} has no {IntegrityFiles.Manifest}: it was not built with a manifest, or this is not the site's root");
            }

            signature = await copy.ReadAsync(IntegrityFiles.Signature, cancellation);
            published = await copy.ReadAsync(IntegrityFiles.PublicKey, cancellation);
        }
        catch (IOException e)
        {
            return VerifyReport.Cannot($"cannot read the manifest from {copy.Name}: {e.Message}");
        }

        if (!IntegrityManifest.TryParse(manifest, out var entries, out var error))
        {
            return VerifyReport.Cannot($"{IntegrityFiles.Manifest} cannot be read: {error}");
        }

        var notes = new List<string>();
        var publishedKey = published is null ? null : VerificationKey.TryParse(System.Text.Encoding.ASCII.GetString(published));
        SignatureState state;
        if (trusted is not null)
        {
            if (signature is null)
            {
                return VerifyReport.Cannot($"the manifest is not signed (there is no {IntegrityFiles.Signature}), so it cannot be checked against the key given");
            }

            if (!trusted.Verifies(manifest, signature))
            {
                return VerifyReport.Cannot("the manifest's signature does not match the key given: the manifest was changed, or it was signed with another key");
            }

            state = SignatureState.GivenKey;
            if (publishedKey is not null && !publishedKey.SameAs(trusted))
            {
                notes.Add($"{IntegrityFiles.PublicKey} is not the key given");
            }
        }
        else if (signature is null)
        {
            state = SignatureState.Unsigned;
            notes.Add("the manifest is not signed: this shows only that the files match the manifest published with them, which anyone who could change them could also change");
        }
        else
        {
            if (publishedKey is null)
            {
                return VerifyReport.Cannot(published is null
                    ? $"the manifest is signed but {IntegrityFiles.PublicKey} is missing: give the publisher's key with --key"
                    : $"{IntegrityFiles.PublicKey} is not an Ed25519 public key: give the publisher's key with --key");
            }

            if (!publishedKey.Verifies(manifest, signature))
            {
                return VerifyReport.Cannot($"the manifest's signature does not match {IntegrityFiles.PublicKey}: the manifest or the key was changed");
            }

            state = SignatureState.PublishedKey;
            notes.Add($"the signature was checked against the key published with the site ({IntegrityFiles.PublicKey}), which proves only that the copy is consistent with itself; " +
                "give the publisher's key with --key to prove who published it");
        }

        var problems = await HashAll(copy, entries, progress, cancellation);
        var unlisted = copy.ListFiles();
        if (unlisted is not null)
        {
            var listed = entries.Select(e => e.PathText).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(unlisted
                .Where(p => !listed.Contains(p) && !IntegrityFiles.IsUnlisted(p))
                .Select(p => new VerifyProblem(p, VerifyProblemKind.Unlisted, "not in the manifest")));
        }
        else
        {
            notes.Add("files added to a web site cannot be listed: only the files the manifest lists were checked");
        }

        problems.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new VerifyReport(problems.Count == 0 ? VerifyOutcome.Verified : VerifyOutcome.Differences, null, state, notes, problems,
            entries.Count, unlisted is not null);
    }

    private static async Task<List<VerifyProblem>> HashAll(IPublishedCopy copy, IReadOnlyList<ManifestEntry> entries,
        IProgress<(int Done, int Total)>? progress, CancellationToken cancellation)
    {
        var found = new VerifyProblem?[entries.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, entries.Count),
            new ParallelOptions { MaxDegreeOfParallelism = copy.Parallelism, CancellationToken = cancellation },
            async (i, token) =>
            {
                found[i] = await Check(copy, entries[i], token);
                progress?.Report((Interlocked.Increment(ref done), entries.Count));
            });
        return found.OfType<VerifyProblem>().ToList();
    }

    private static async Task<VerifyProblem?> Check(IPublishedCopy copy, ManifestEntry entry, CancellationToken cancellation)
    {
        var path = entry.PathText;
        try
        {
            return await copy.HashAsync(path, cancellation) switch
            {
                null => new VerifyProblem(path, VerifyProblemKind.Missing, "missing"),
                { } hash when !hash.SameAs(entry.Hash) => new VerifyProblem(path, VerifyProblemKind.Differs,
                    $"differs from the manifest (sha256 {hash.ToHex()}, published {entry.Hash.ToHex()})"),
                _ => null,
            };
        }
        catch (IOException e)
        {
            return new VerifyProblem(path, VerifyProblemKind.Unreadable, "cannot be read: " + e.Message);
        }
    }
}
