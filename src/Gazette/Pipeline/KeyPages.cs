using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gazette.Model;
using Gazette.Output;
using Gazette.Rendering;
using Gazette.Theme;

namespace Gazette.Pipeline;

/// <summary>
/// Gives each planned page its <see cref="RenderKey"/>: a digest of everything <see cref="RenderPages"/> renders it from — its
/// kind, its page view and its kind's values, serialized as JSON with every public member, and what every page shares: the
/// build's own code, the theme's layouts and UI strings, the asset addresses, the site's settings and addresses. A page
/// whose key is the one recorded for its file in the build cache would be rendered to the same bytes, so the file the output
/// folder holds is kept without rendering it (<see cref="WriteSite.Reuse"/>). A page whose values cannot be serialized gets
/// no key: it is always rendered.
/// </summary>
public sealed class KeyPages
{
    // Every string goes through StringDigest, so no text is escaped; the views' serializers are generated (PageKeyJson).
    private static readonly JsonSerializerOptions Json = new()
    {
        IncludeFields = true,
        TypeInfoResolver = PageKeyJson.Default,
        Converters = { new StringDigest() },
    };

    private readonly byte[] _shared;

    // What pages are keyed with: Json, and a document's summary written as its digest, once per build (SummaryDigest)
    private readonly JsonSerializerOptions _pages;

    /// <param name="assets">the theme's asset paths and their fingerprinted addresses, as <see cref="RenderPages"/> is given them.</param>
    /// <param name="identityLanding">as <see cref="RenderPages"/> is given it.</param>
    public KeyPages(CompiledTheme theme, Archive archive, IReadOnlyDictionary<string, string> assets, string? identityLanding)
    {
        var shared = new XxHash128();
        shared.Append(BuildIdentity.Bytes);
        theme.LayoutDigest.AppendTo(shared);
        shared.Append(Serialize(theme.Strings.All.OrderBy(s => s.Key, StringComparer.Ordinal).ToList(), Json));
        shared.Append(Serialize(assets.OrderBy(a => a.Key, StringComparer.Ordinal).ToList(), Json));
        var (site, urls) = RenderPages.SharedViews(archive, identityLanding);
        shared.Append(Serialize(site, Json));
        shared.Append(Serialize(urls, Json));
        _shared = shared.GetCurrentHash();
        _pages = PageOptions();
    }

    /// <summary>What a page's views are serialized with: <see cref="Json"/>, and each document summary as its digest, made once.</summary>
    internal static JsonSerializerOptions PageOptions() => new(Json) { Converters = { new SummaryDigest() } };

    /// <summary>The digest of what every page shares: Gazette, the layouts and UI strings, the asset addresses, the site.</summary>
    public ReadOnlySpan<byte> Shared => _shared;

    /// <summary>The plans keyed: each but one keyed already (a listing's page, <see cref="ListingKeys"/>), which keeps its key.</summary>
    public IReadOnlyList<PagePlan> Run(IReadOnlyList<PagePlan> plans)
    {
        var keyed = new PagePlan[plans.Count];
        Parallel.For(0, plans.Count, i => keyed[i] = plans[i].RenderKey.IsNone ? plans[i] with { RenderKey = KeyOf(plans[i]) } : plans[i]);
        return keyed;
    }

    private RenderKey KeyOf(PagePlan plan)
    {
        var digest = new XxHash128();
        digest.Append(_shared);
        digest.Append(Encoding.UTF8.GetBytes(plan.Kind + "\0"));
        try
        {
            digest.Append(Serialize(plan.Page, _pages));
            digest.Append(Serialize(plan.Values, _pages));
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            return RenderKey.None;
        }

        var value = Digest128.Of(digest);
        return new RenderKey(value.NotZero);
    }

    /// <summary>
    /// <paramref name="value"/> as JSON with the serializer <paramref name="options"/> has for <typeparamref name="T"/> (a value
    /// typed object in <see cref="PagePlan.Values"/> with the one for its own type); a type <see cref="PageKeyJson"/> does not
    /// list is refused with <see cref="NotSupportedException"/>.
    /// </summary>
    internal static byte[] Serialize<T>(T value, JsonSerializerOptions options) =>
        JsonSerializer.SerializeToUtf8Bytes(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));

    /// <summary>
    /// Writes a document's summary as the 128-bit digest of its JSON, made the first time its document is listed and kept by
    /// the document's address for the rest of the build: a document is listed on several pages (its topic, organs, genre,
    /// year, validity, catalogue entries, its gazette issue), and a summary is the same wherever it is shown
    /// (<see cref="ViewFactory.Summary"/> makes it from the document alone).
    /// </summary>
    private sealed class SummaryDigest : System.Text.Json.Serialization.JsonConverter<Rendering.Views.DocumentSummaryView>
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Digest128> _digests = new(StringComparer.Ordinal);

        public override Rendering.Views.DocumentSummaryView Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("page keys are only written");

        public override void Write(Utf8JsonWriter writer, Rendering.Views.DocumentSummaryView value, JsonSerializerOptions options)
        {
            var digest = _digests.GetOrAdd(value.Url, _ => Digest128.Of(Serialize(value, Json)));
            Span<byte> bytes = stackalloc byte[16];
            digest.WriteLittleEndian(bytes);
            writer.WriteBase64StringValue(bytes);
        }
    }

    /// <summary>
    /// Writes each string as its 128-bit digest: the key depends on every character all the same, at a fraction of the cost of
    /// encoding and escaping the text (rendered bodies, Chinese titles) as JSON.
    /// </summary>
    private sealed class StringDigest : System.Text.Json.Serialization.JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("page keys are only written");

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            Span<byte> digest = stackalloc byte[16];
            XxHash128.Hash(System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan()), digest);
            writer.WriteBase64StringValue(digest);
        }

        /// <summary>A dictionary's keys (the names of a layout's variables) as they are.</summary>
        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value);
    }
}
