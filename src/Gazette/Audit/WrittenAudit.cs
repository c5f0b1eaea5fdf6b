using System.Collections.Concurrent;
using Gazette.Output;

namespace Gazette.Audit;

/// <summary>
/// The audit of the built site done as its files are written, for the files whose bytes pass through the build: each is looked
/// through then, from memory, and is not read back at the end (<see cref="Pipeline.AuditOutput"/> reads the others). It is
/// looked through for the passages no published document seen so far holds: more than will be left when every published
/// document has been seen, never fewer, since a passage once set aside stays so. What is found is kept with the file's name and
/// judged at the end (<see cref="Found"/>): only a passage that no published document holds then is a leak, exactly as if the
/// file had been read back. The passages to look for are taken again (<see cref="Refresh"/>) when enough of them have been set
/// aside since, so that the look costs about what the one at the end would. Thread-safe.
/// </summary>
public sealed class WrittenAudit
{
    /// <summary>Passages set aside before the finder is made again: at least this many, and a quarter of those it looks for.</summary>
    private const int SetAsideBeforeRefresh = 64;

    private readonly WithheldText _withheld;
    private readonly ConcurrentQueue<(WithheldPassage Passage, string Name)> _found = new();

    // Taken when the first file is looked through (a build that makes no file but those it looks through at the end takes none)
    private Generation? _current;

    public WrittenAudit(WithheldText withheld)
    {
        _withheld = withheld;
    }

    /// <summary>Takes the passages to look for again when enough of them have been set aside since they were last taken.</summary>
    public void Refresh()
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && _withheld.SharedCount - current.SharedBefore >= Math.Max(SetAsideBeforeRefresh, current.Finder.Count / 4))
        {
            Volatile.Write(ref _current, new Generation(_withheld));
        }
    }

    /// <summary>Looks through a file of the site, named <paramref name="name"/> (forward slashes), whose bytes are <paramref name="bytes"/>.</summary>
    public void Look(string name, byte[] bytes)
    {
        var generation = Current();
        if (generation.Finder.IsEmpty)
        {
            return;
        }

        Keep(generation.Finder.InName(name), name);
        if (PassageReader.HoldsNoText(name))
        {
            return;
        }

        var reader = generation.Rent();
        Keep(reader.Find(bytes), name);
        generation.Return(reader);
    }

    /// <summary>
    /// A stream that passes what is written on to <paramref name="target"/> and looks through it on the way, for a file of the site
    /// written a part at a time; <see cref="Watch.Finish"/> says whether it was looked through.
    /// </summary>
    public Watch Watching(string name, Stream target) => new(this, Current(), name, target);

    /// <summary>
    /// A finder of the passages no published document holds, once every published document has been seen: the one files are
    /// looked through with now when no passage has been set aside since it was made, else a new one.
    /// </summary>
    public PassageFinder Finder()
    {
        var current = Volatile.Read(ref _current);
        return current is not null && current.SharedBefore == _withheld.SharedCount ? current.Finder : _withheld.Finder();
    }

    /// <summary>
    /// The passages found in the files looked through, with each file's name, that no published document holds: call when every
    /// published document has been seen.
    /// </summary>
    public IEnumerable<(WithheldPassage Passage, string Name)> Found() => _found.Where(f => _withheld.IsUnshared(f.Passage));

    /// <summary>The passages looked for now: taken the first time (by two threads at once: one take is kept, the other dropped).</summary>
    private Generation Current() => LazyInitializer.EnsureInitialized(ref _current, () => new Generation(_withheld));

    private void Keep(IEnumerable<WithheldPassage> passages, string name)
    {
        foreach (var passage in passages)
        {
            _found.Enqueue((passage, name));
        }
    }

    /// <summary>The passages not set aside at one moment, and the readers that look for them (one a thread at a time).</summary>
    internal sealed class Generation
    {
        private readonly ConcurrentBag<PassageReader> _readers = [];

        public Generation(WithheldText withheld)
        {
            SharedBefore = withheld.SharedCount; // read first: the finder has at most the passages not set aside by then
            Finder = withheld.Finder();
        }

        public int SharedBefore { get; }

        public PassageFinder Finder { get; }

        public PassageReader Rent() => _readers.TryTake(out var reader) ? reader : new PassageReader(Finder);

        public void Return(PassageReader reader) => _readers.Add(reader);
    }

    /// <summary>A file written a part at a time through <see cref="WrittenAudit.Watching"/>.</summary>
    public sealed class Watch : PassingStream
    {
        private readonly WrittenAudit _audit;
        private readonly Generation _generation;
        private readonly string _name;
        private PassageReader? _reader;

        internal Watch(WrittenAudit audit, Generation generation, string name, Stream target)
            : base(target)
        {
            (_audit, _generation, _name) = (audit, generation, name);
            if (!generation.Finder.IsEmpty)
            {
                _reader = generation.Rent();
                _reader.Begin();
            }
        }

        /// <summary>
        /// Ends the look through the file once it is written whole: true when it was looked through, false when it began as gzip
        /// data or a UTF-16 text do, which are read back from the file.
        /// </summary>
        public bool Finish()
        {
            if (_generation.Finder.IsEmpty)
            {
                return true;
            }

            if (_reader is null)
            {
                return false;
            }

            _audit.Keep(_generation.Finder.InName(_name), _name);
            _audit.Keep(_reader.End(), _name);
            _generation.Return(_reader);
            _reader = null;
            return true;
        }

        protected override void Look(ReadOnlySpan<byte> buffer)
        {
            if (_reader is not null && !_reader.Take(buffer))
            {
                _reader = null; // not returned: it is in the middle of a file
            }
        }
    }
}
