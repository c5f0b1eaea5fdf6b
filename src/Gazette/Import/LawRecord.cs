namespace Gazette.Import;

/// <summary>One row of laws-zh's metadata (db.sqlite3, table <c>law</c>) that the importer uses.</summary>
/// <param name="Name">the short name (without 中华人民共和国), as in the file name.</param>
/// <param name="FileName">the file name without the version date when it differs from the name (民法典's parts), or null.</param>
/// <param name="Level">法律, 行政法规, 司法解释, 部门规章, 宪法 …</param>
/// <param name="Published">the version's date of promulgation, or null.</param>
/// <param name="Expired">whether the version is no longer in force.</param>
/// <param name="ValidFrom">the date it took effect (施行), or null.</param>
public sealed record LawRecord(string Name, string? FileName, string Level, DateOnly? Published, bool Expired, DateOnly? ValidFrom);
