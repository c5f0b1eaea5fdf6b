namespace Gazette.Content;

/// <summary>What kind of value a front-matter key takes, as <see cref="ContentSchema"/> describes it for editors.</summary>
internal enum FieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Several lines of text (a summary, a reason).</summary>
    LongText,

    /// <summary>A date written YYYY-MM-DD.</summary>
    Date,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>One of the field's <see cref="ContentField.Values"/>.</summary>
    Choice,

    /// <summary>One organ id of organs.yml, or a list of them (a joint document, leading organ first).</summary>
    Organs,

    /// <summary>A topic of the topic vocabulary, by id or name.</summary>
    Topic,

    /// <summary>A genre of the genre vocabulary, by id, name or alias.</summary>
    Genre,

    /// <summary>The id of another document.</summary>
    DocumentReference,

    /// <summary>One id or a list of ids of 主动公开基本目录 entries.</summary>
    CatalogueEntries,

    /// <summary>A list of texts.</summary>
    TextList,

    /// <summary>A mapping of the field's <see cref="ContentField.Fields"/>.</summary>
    Mapping,

    /// <summary>A list of mappings of the field's <see cref="ContentField.Fields"/>.</summary>
    MappingList,

    /// <summary>A file beside the document.</summary>
    File,
}
