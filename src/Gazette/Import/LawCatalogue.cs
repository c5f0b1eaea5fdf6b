using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Gazette.Import;

/// <summary>
/// The metadata that comes with laws-zh (<c>db.sqlite3</c> beside its folders): each version's level, date of promulgation,
/// date in force and whether it has expired. A file is found by its name and version date (<c>行政复议法(2023-09-01).md</c>),
/// or by its name alone when only one version has it; a later version of the same law is the one that replaced it.
/// </summary>
public sealed class LawCatalogue
{
    private readonly Dictionary<string, List<LawRecord>> _byName;

    private LawCatalogue(IEnumerable<LawRecord> records)
    {
        _byName = [];
        foreach (var record in records)
        {
            foreach (var key in new[] { record.Name, record.FileName }.OfType<string>().Distinct())
            {
                if (!_byName.TryGetValue(key, out var list))
                {
                    _byName[key] = list = [];
                }

                list.Add(record);
            }
        }

        foreach (var list in _byName.Values)
        {
            list.Sort((a, b) => Nullable.Compare(a.Published, b.Published));
        }
    }

    /// <summary>Reads the catalogue of a laws-zh folder, or returns null when it has no db.sqlite3 or it cannot be read.</summary>
    public static LawCatalogue? TryOpen(string folder)
    {
        var path = Path.Combine(folder, "db.sqlite3");
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, filename, level, publish, expired, valid_from FROM law WHERE level <> '案例'";
            using var reader = command.ExecuteReader();
            var records = new List<LawRecord>();
            while (reader.Read())
            {
                records.Add(new LawRecord(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                    Date(reader, 3), !reader.IsDBNull(4) && reader.GetInt64(4) != 0, Date(reader, 5)));
            }

            return new LawCatalogue(records);
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>The record of a version: by name and version date, or by name alone when that is unambiguous.</summary>
    public LawRecord? Find(string name, DateOnly? version)
    {
        if (!_byName.TryGetValue(name, out var list))
        {
            return null;
        }

        return version is { } date ? list.FirstOrDefault(r => r.Published == date) : list.Count == 1 ? list[0] : null;
    }

    /// <summary>The next version of the same law after this one, or null.</summary>
    public LawRecord? Successor(LawRecord record) =>
        _byName.TryGetValue(record.Name, out var list) ? list.FirstOrDefault(r => r.Published > record.Published) : null;

    private static DateOnly? Date(SqliteDataReader reader, int column) =>
        !reader.IsDBNull(column) && DateOnly.TryParseExact(reader.GetString(column), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
