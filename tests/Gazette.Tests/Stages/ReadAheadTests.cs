using System.Runtime.InteropServices;
using Gazette.Output;

namespace Gazette.Tests.Stages;

/// <summary>
/// Files read ahead of the build (posix_fadvise WILLNEED on threads of their own): nothing is done for files in memory; files
/// paged out are found so and advised, no further than the window ahead of those read; a missing file or a name in Chinese
/// stops nothing; disposing stops the threads.
/// </summary>
public sealed class ReadAheadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void Does_nothing_for_files_in_memory()
    {
        using var folder = new TempFolder();
        var paths = Files(folder, 40);

        using var ahead = ReadAhead.Start(paths);

        Assert.Equal(0, ahead.Count);
    }

    [Fact]
    public void Reads_ahead_files_paged_out()
    {
        using var folder = new TempFolder();
        var paths = Files(folder, 40);

        using var ahead = PagedOutAndStarted(paths, paths);
        ahead.Join();

        Assert.Equal(paths.Count, ahead.Count);
        Assert.Equal(paths.Count, ahead.Advised);
        Assert.Equal("第1条 本办法自公布之日起施行。", File.ReadAllText(paths[1]));
    }

    [Fact]
    public void Reads_ahead_files_paged_out_behind_the_first_ones_in_memory()
    {
        // Only the files after the first 40 are paged out (as the machine leaves some of a folder in memory): the files looked
        // at are spread over the list, so they are found
        using var folder = new TempFolder();
        var paths = Files(folder, 400);

        using var ahead = PagedOutAndStarted(paths, [.. paths.Skip(40)]);
        ahead.Join();

        Assert.Equal(paths.Count, ahead.Advised);
        Assert.DoesNotContain(paths.Take(32), ReadAhead.OnDiskOnly);
    }

    /// <summary>
    /// Pages <paramref name="pagedOut"/> out and starts reading <paramref name="paths"/> ahead at once, again until it reads
    /// them ahead: the kernel keeps a page it is busy with while others write, and looking whether a file is in memory may
    /// start reading it, so nothing looks between the paging out and the start.
    /// </summary>
    private static ReadAhead PagedOutAndStarted(List<string> paths, List<string> pagedOut)
    {
        for (var tries = 0; ; tries++)
        {
            pagedOut.ForEach(PageOut);
            var ahead = ReadAhead.Start(paths);
            if (ahead.Count > 0)
            {
                return ahead;
            }

            ahead.Dispose();
            Assert.True(tries < 40, "the file system kept the files in memory after it was told to drop them");
            Thread.Sleep(50);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(40)]
    [InlineData(1000)]
    [InlineData(1031)]
    public void The_files_looked_at_are_spread_over_the_list_the_first_among_them(int count)
    {
        var paths = Enumerable.Range(0, count).Select(i => $"/content/documents/{i}.md").ToList();

        var probes = ReadAhead.Probes(paths).ToList();

        Assert.Equal(paths[0], probes[0]);
        Assert.Equal(Math.Min(count, ReadAhead.Probed), probes.Count);
        Assert.Equal(probes.Distinct().Count(), probes.Count);
        if (count >= 2 * ReadAhead.Probed)
        {
            Assert.Contains(probes, p => paths.IndexOf(p) >= count / 2);
        }
    }

    [Fact]
    public void Advises_no_further_than_the_window_ahead_of_the_files_read()
    {
        using var folder = new TempFolder();
        var paths = Files(folder, 40);

        using var ahead = ReadAhead.Always(paths, window: 4);
        Until(() => ahead.Advised == 4);
        Thread.Sleep(100);
        Assert.Equal(4, ahead.Advised);

        ahead.Reached(10);
        Until(() => ahead.Advised == 14);
        Thread.Sleep(100);
        Assert.Equal(14, ahead.Advised);

        ahead.Dispose();
        ahead.Join(); // the threads waiting for the reader end when it is disposed
        Assert.Equal(14, ahead.Advised);
    }

    [Fact]
    public void Goes_past_a_missing_file_and_a_name_in_Chinese()
    {
        using var folder = new TempFolder();
        var paths = Files(folder, 10);
        paths.Insert(3, folder.PathOf("不存在的文件.md"));
        paths.Insert(5, folder.PathOf("gone/d000001.md"));
        var chinese = folder.PathOf("国务院办公厅关于印发政府信息公开目录的通知.md");
        File.WriteAllText(chinese, "---\ntitle: 通知\n---\n");
        paths.Add(chinese);

        using var ahead = ReadAhead.Always(paths);
        ahead.Join();

        Assert.Equal(paths.Count, ahead.Advised);
    }

    private static List<string> Files(TempFolder folder, int count)
    {
        var paths = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var path = folder.PathOf($"d{i:D6}.md");
            File.WriteAllText(path, $"第{i}条 本办法自公布之日起施行。");
            paths.Add(path);
        }

        return paths;
    }

    private static void Until(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "the files were not advised in time");
            Thread.Sleep(5);
        }
    }

    /// <summary>Writes the file's pages to disk and drops them from memory.</summary>
    private static void PageOut(string path)
    {
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Flush(flushToDisk: true);
        }

        var handle = Open(path, 0);
        Assert.True(handle >= 0);
        _ = Advise(handle, 0, 0, 4); // POSIX_FADV_DONTNEED
        _ = Close(handle);
    }

    [DllImport("libc", EntryPoint = "open", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int Advise(int handle, long offset, long length, int advice);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int handle);
}
