using System.Text.Json.Serialization;
using Gazette.Rendering.Views;

namespace Gazette.Pipeline;

/// <summary>
/// What <see cref="KeyPages"/> and <see cref="ListingKeys"/> serialize a page's views with: their serializers generated at
/// compile time (every public property and field), so that keying needs neither reflection nor code made at run time — a
/// build compiled ahead of time (<c>PublishAot</c>) keys its pages as the JIT-compiled one does. Each type a layout's
/// variables can hold (<see cref="Rendering.PagePlan.Values"/>) is listed: a value of a type not listed here cannot be
/// serialized, and its page is then rendered at every build (no key).
/// </summary>
[JsonSourceGenerationOptions(IncludeFields = true, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(List<KeyValuePair<string, string>>))]
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(UrlsView))]
[JsonSerializable(typeof(PageView))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, object>))]
[JsonSerializable(typeof(DocumentSummaryView))]
[JsonSerializable(typeof(HomeView))]
[JsonSerializable(typeof(DataView))]
[JsonSerializable(typeof(LinkView))]
[JsonSerializable(typeof(YearView))]
[JsonSerializable(typeof(List<YearView>))]
[JsonSerializable(typeof(IssueView))]
[JsonSerializable(typeof(FacetView))]
[JsonSerializable(typeof(List<FacetView>))]
[JsonSerializable(typeof(CatalogueEntryView))]
[JsonSerializable(typeof(List<CatalogueEntryView>))]
[JsonSerializable(typeof(ListingView))]
[JsonSerializable(typeof(DocumentView))]
internal sealed partial class PageKeyJson : JsonSerializerContext;
