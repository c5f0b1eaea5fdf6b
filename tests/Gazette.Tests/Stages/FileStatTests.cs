using Gazette.Output;

namespace Gazette.Tests.Stages;

/// <summary>
/// A file's size and time of last writing as the build looks at them (one statx call on Linux): the figures FileInfo gives, to
/// the tick, for a time with a fraction of a second, before 1970 and far ahead; none for a missing file or a folder.
/// </summary>
public sealed class FileStatTests
{
    [Theory]
    [InlineData(2026, 12, 1, 16, 54, 48, 1234567)]
    [InlineData(1969, 7, 20, 20, 17, 40, 9999999)]
    [InlineData(2100, 1, 1, 0, 0, 0, 1)]
    public void Gives_the_size_and_time_FileInfo_gives(int year, int month, int day, int hour, int minute, int second, int ticks)
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("政府信息公开 目录.html");
        File.WriteAllText(path, "<p>国务院办公厅</p>");
        File.SetLastWriteTimeUtc(path, new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks));

        var info = new FileInfo(path);
        Assert.Equal((info.Length, info.LastWriteTimeUtc.Ticks), FileStat.Of(path));
        Assert.Equal(OperatingSystem.IsLinux(), FileStat.Native);
    }

    [Fact]
    public void Gives_an_open_files_size_and_time_as_its_path_does()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("index.html");
        using (var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write))
        {
            RandomAccess.Write(handle, "<p>国务院办公厅</p>"u8, 0);
            File.SetLastWriteTimeUtc(handle, new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc).AddTicks(1234567));
            var (size, modified) = FileStat.Of(handle);
            Assert.Equal(FileStat.Of(path), (size, modified));
            Assert.Equal(new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc).AddTicks(1234567).Ticks, modified);
        }
    }

    [Fact]
    public void Gives_none_for_a_missing_file_a_missing_folder_or_a_folder()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.PathOf("documents"));

        Assert.Null(FileStat.Of(folder.PathOf("index.html")));
        Assert.Null(FileStat.Of(folder.PathOf("gone/index.html")));
        Assert.Null(FileStat.Of(folder.PathOf("documents")));
    }

    [Fact]
    public void Gives_a_files_figures_from_its_folder_held_open_as_its_path_does()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.PathOf("documents/000014350/2019-00001"));
        var path = folder.PathOf("documents/000014350/2019-00001/index.html");
        File.WriteAllText(path, "<p>国务院办公厅</p>");
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc).AddTicks(7654321));

        using var open = new FileStat.Folder(folder.PathOf(""));
        Assert.Equal(FileStat.Of(path), FileStat.Of(open, "documents/000014350/2019-00001/index.html"));
        Assert.Null(FileStat.Of(open, "documents/000014350/2019-00001/gone.html"));
        Assert.Null(FileStat.Of(open, "documents/000014350"));
    }

    [Fact]
    public void Looks_at_full_paths_when_the_folder_cannot_be_held_open()
    {
        using var folder = new TempFolder();
        using var missing = new FileStat.Folder(folder.PathOf("not-yet"));
        Assert.Null(FileStat.Of(missing, "index.html"));

        Directory.CreateDirectory(folder.PathOf("not-yet"));
        File.WriteAllText(folder.PathOf("not-yet/index.html"), "<p>公报</p>");
        Assert.Equal(FileStat.Of(folder.PathOf("not-yet/index.html")), FileStat.Of(missing, "index.html"));
    }
}
