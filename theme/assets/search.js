/* Gazette search client (docs/search-index.md): fetches only the index files a query needs. The query engine is
   exported under Node for tests/js/; in a browser the rest drives the search page, whose state lives in the URL.
   Results are built as DOM nodes, never from HTML strings. Needs search-tokenizer.js first. */
(function () {
  'use strict';

  const NODE = typeof module !== 'undefined' && module.exports;
  const T = NODE ? require('./search-tokenizer.js') : window.GazetteTokenizer;
  const PER_PAGE = 10;
  const MAX_TEXTS = 30; /* pages a phrase search may fetch to check candidates' texts, beyond those already fetched */
  const FACETS = ['organ', 'topic', 'genre', 'year', 'validity', 'issue'];
  const FILTERS = FACETS.concat('from', 'to');
  const KEYS = ['q'].concat(FILTERS, 'sort', 'page');
  const utf8 = new TextEncoder();
  const decoder = new TextDecoder();
  const NONE = new Int32Array(0);

  /* ---------- index format ---------- */

  function varint(b, at) {
    let value = 0;
    let x;
    for (let shift = 1; ; shift *= 128) {
      x = b[at.i++];
      value += (x & 127) * shift;
      if (!(x & 128)) { return value; }
    }
  }

  const hex = (b, from, size) => Array.from(b.subarray(from, from + (size || 5)), (x) => (x + 256).toString(16).slice(1)).join('');

  /* The posting at b[at.i]: {ids}, a set of ids — an Int32Array of ascending ids, or for a bitmap posting the bitmap itself,
     a Uint8Array (bit i of byte j: id 8j + i), combined as it is (see intersect) and turned into ids by members() only once —
     or {ext: hash} when it is in postings/<hash>.bin. skip: only move past it. */
  function posting(b, at, skip) {
    const kind = b[at.i++];
    const n = varint(b, at);
    if (kind === 2) { at.i += 5; return { ext: hex(b, at.i - 5), count: n }; }
    if (kind === 0) {
      /* Gaps as varints (ids stay below 2^31, so 32-bit arithmetic holds). */
      const ids = new Int32Array(skip ? 0 : n);
      let j = at.i;
      for (let i = 0, v = 0; i < n; i++) {
        let gap = 0;
        for (let shift = 0, x = 128; x & 128; shift += 7) { x = b[j++]; gap |= (x & 127) << shift; }
        v += gap;
        if (!skip) { ids[i] = v; }
      }
      at.i = j;
      return { ids };
    }
    if (kind === 1) {
      at.i += n;
      return { ids: skip ? NONE : b.subarray(at.i - n, at.i) };
    }
    throw new Error('posting kind ' + kind);
  }

  const isBitmap = (set) => set instanceof Uint8Array;

  /* The ids of a set, ascending, as an Int32Array. */
  function members(set) {
    if (!isBitmap(set)) { return set; }
    let total = 0;
    for (let i = 0; i < set.length; i++) { for (let x = set[i]; x; x &= x - 1) { total++; } }
    const ids = new Int32Array(total);
    for (let i = 0, k = 0; k < total; i++) {
      for (let bit = 0, x = set[i]; x; bit++, x >>= 1) { if (x & 1) { ids[k++] = i * 8 + bit; } }
    }
    return ids;
  }

  /* The bytes of a gzip file (RFC 1952 around RFC 1951 deflate), inflated at once. Index files are a few KB; through
     DecompressionStream each one paid for a stream, a Blob and a Response, more than the inflating itself (profiled in
     Chromium: 65–100 ms of a search at 100,000 documents). */
  const LENGTHS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  const LENGTH_BITS = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  const DISTANCES = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097, 6145, 8193, 12289, 16385, 24577];
  const DISTANCE_BITS = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  /* A canonical Huffman code as a lookup table: the next `bits` bits of input (read least significant first) index an entry
     holding the symbol (<< 4) and the length of its code. */
  function huffman(lengths) {
    let bits = 1;
    for (const l of lengths) { if (l > bits) { bits = l; } }
    const count = new Uint16Array(16);
    for (const l of lengths) { count[l]++; }
    count[0] = 0;
    const next = new Uint16Array(16);
    for (let l = 1, code = 0; l < 16; l++) { code = (code + count[l - 1]) << 1; next[l] = code; }
    const table = new Uint32Array(1 << bits);
    lengths.forEach((l, symbol) => {
      if (!l) { return; }
      let reversed = 0;
      for (let i = 0, c = next[l]++; i < l; i++, c >>= 1) { reversed = (reversed << 1) | (c & 1); }
      for (let i = reversed; i < table.length; i += 1 << l) { table[i] = (symbol << 4) | l; }
    });
    return { table, bits };
  }
  const FIXED = [
    huffman(Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8))),
    huffman(new Array(30).fill(5)),
  ];

  function inflate(gz) {
    if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8) { throw new Error('not gzip'); }
    const flags = gz[3];
    let at = 10;
    if (flags & 4) { at += 2 + (gz[at] | (gz[at + 1] << 8)); }
    if (flags & 8) { while (gz[at++]); }
    if (flags & 16) { while (gz[at++]); }
    if (flags & 2) { at += 2; }
    const end = gz.length - 8;
    const size = (gz[end + 4] | (gz[end + 5] << 8) | (gz[end + 6] << 16) | (gz[end + 7] << 24)) >>> 0;
    if (end < at || size > 1032 * gz.length) { throw new Error('bad gzip size'); } /* deflate shrinks 1032:1 at most */
    const out = new Uint8Array(size);
    let o = 0;
    let buffer = 0;
    let held = 0;
    /* Past the end of the file the input reads as zeros; a file cut short then fails the size checks. */
    const fill = (n) => { while (held < n) { buffer |= (at < gz.length ? gz[at] : 0) << held; at++; held += 8; } };
    const bits = (n) => {
      fill(n);
      const v = buffer & ((1 << n) - 1);
      buffer >>>= n;
      held -= n;
      return v;
    };
    const decode = (h) => {
      fill(h.bits);
      const e = h.table[buffer & ((1 << h.bits) - 1)];
      if (!e) { throw new Error('bad deflate code'); }
      buffer >>>= e & 15;
      held -= e & 15;
      return e >>> 4;
    };
    const block = (literal, distance) => {
      for (let s = decode(literal); s !== 256; s = decode(literal)) {
        if (s < 256) {
          if (o >= out.length) { throw new Error('bad gzip size'); }
          out[o++] = s;
          continue;
        }
        s -= 257;
        if (s >= 29) { throw new Error('bad deflate length'); }
        const length = LENGTHS[s] + bits(LENGTH_BITS[s]);
        const d = decode(distance);
        if (d >= 30) { throw new Error('bad deflate distance'); }
        const back = DISTANCES[d] + bits(DISTANCE_BITS[d]);
        if (back > o || o + length > out.length) { throw new Error('bad deflate distance'); }
        for (let k = 0; k < length; k++, o++) { out[o] = out[o - back]; }
      }
    };
    for (let last = 0; !last;) {
      last = bits(1);
      const type = bits(2);
      if (type === 0) {
        at -= held >> 3; /* bytes read ahead go back; the rest of this byte is skipped */
        buffer = held = 0;
        const length = gz[at] | (gz[at + 1] << 8);
        at += 4;
        if (at + length > end || o + length > out.length) { throw new Error('truncated gzip'); }
        out.set(gz.subarray(at, at + length), o);
        o += length;
        at += length;
      } else if (type === 1) {
        block(FIXED[0], FIXED[1]);
      } else if (type === 2) {
        const literals = bits(5) + 257;
        const distances = bits(5) + 1;
        const lengths = new Uint8Array(19);
        for (let i = 0, k = bits(4) + 4; i < k; i++) { lengths[CODE_LENGTH_ORDER[i]] = bits(3); }
        const lengthCode = huffman(lengths);
        const both = new Uint8Array(literals + distances);
        for (let i = 0; i < both.length;) {
          const s = decode(lengthCode);
          if (s < 16) { both[i++] = s; continue; }
          if (s === 16 && !i) { throw new Error('bad deflate lengths'); }
          const value = s === 16 ? both[i - 1] : 0;
          const repeat = s === 16 ? 3 + bits(2) : s === 17 ? 3 + bits(3) : 11 + bits(7);
          if (i + repeat > both.length) { throw new Error('bad deflate lengths'); }
          both.fill(value, i, i + repeat);
          i += repeat;
        }
        block(huffman(both.subarray(0, literals)), huffman(both.subarray(literals)));
      } else {
        throw new Error('bad deflate block');
      }
      if (at - (held >> 3) > end) { throw new Error('truncated gzip'); }
    }
    if (o !== out.length) { throw new Error('bad gzip size'); }
    return out;
  }

  function fnv1a(bytes) {
    let h = 2166136261;
    for (const x of bytes) { h = Math.imul(h ^ x, 16777619) >>> 0; }
    return h;
  }

  /* The {all, title} postings of term in a chunk, or null. */
  function findTerm(b, term) {
    const want = utf8.encode(term);
    const at = { i: 0 };
    for (let k = varint(b, at); k > 0; k--) {
      const length = varint(b, at);
      let same = length === want.length;
      for (let j = 0; same && j < length; j++) { same = b[at.i + j] === want[j]; }
      at.i += length;
      const all = posting(b, at, !same);
      const title = posting(b, at, !same);
      if (same) { return { all, title }; }
    }
    return null;
  }

  /* The common ids of two sets (sorted id lists — arrays or Int32Arrays — or bitmaps). Two bitmaps give a bitmap, byte by
     byte; a list and a bitmap give the listed ids whose bit is set; two lists give a sorted Int32Array, walking the shorter
     and galloping in the longer, so a rare term costs little against a term in every document. */
  function intersect(a, b) {
    if (isBitmap(a) && isBitmap(b)) {
      const out = new Uint8Array(Math.min(a.length, b.length));
      for (let i = 0; i < out.length; i++) { out[i] = a[i] & b[i]; }
      return out;
    }
    if (isBitmap(a) || isBitmap(b)) {
      const [bits, list] = isBitmap(a) ? [a, b] : [b, a];
      const out = new Int32Array(list.length);
      let k = 0;
      for (let i = 0; i < list.length; i++) {
        const x = list[i];
        if ((bits[x >> 3] >> (x & 7)) & 1) { out[k++] = x; }
      }
      return out.slice(0, k);
    }
    if (a.length > b.length) { [a, b] = [b, a]; }
    const out = new Int32Array(a.length);
    let k = 0;
    for (let i = 0, j = 0; i < a.length && j < b.length; i++) {
      const x = a[i];
      let step = 1;
      while (j + step < b.length && b[j + step] < x) { j += step; step *= 2; }
      for (let hi = Math.min(j + step, b.length - 1); j < hi;) {
        const mid = (j + hi) >> 1;
        if (b[mid] < x) { j = mid + 1; } else { hi = mid; }
      }
      if (b[j] === x) { out[k++] = x; }
    }
    return out.slice(0, k);
  }
  function union(a, b) {
    const out = new Int32Array(a.length + b.length);
    let i = 0, j = 0, k = 0;
    while (i < a.length || j < b.length) {
      const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
      if (!k || out[k - 1] !== x) { out[k++] = x; }
    }
    return out.slice(0, k);
  }

  /* The ids (ascending) that every mask marks, as an Int32Array. */
  function passing(ids, masks) {
    const out = new Int32Array(ids.length);
    let k = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      let pass = 1;
      for (let m = 0; pass && m < masks.length; m++) { pass = masks[m][id]; }
      if (pass) { out[k++] = id; }
    }
    return out.subarray(0, k);
  }

  /* Ascending ids in order of boost (below 512), highest first, ascending within a boost: a counting sort, stable, in two
     passes (a comparison sort of 90,000 results cost tens of milliseconds in the browser). */
  function rank(ids, boost) {
    const at = new Int32Array(513);
    for (let i = 0; i < ids.length; i++) { at[512 - boost[ids[i]]]++; }
    if (at[512] === ids.length) { return ids; }
    for (let b = 1, sum = 0; b <= 512; b++) { const c = at[b]; at[b] = sum; sum += c; }
    const out = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) { out[at[512 - boost[ids[i]]]++] = ids[i]; }
    return out;
  }

  const undelta = (d) => { let v = 0; return d.map((x, i) => (v = i ? v + x : x)); };

  /* Days since 1970-01-01 of YYYY-MM-DD, or def. */
  function dayNumber(s, def) {
    const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(s || '');
    return m ? Date.UTC(+m[1], m[2] - 1, +m[3]) / 864e5 : def;
  }

  /* Merged [start, end) ranges of the needles in s (both normalized); a word needle matches whole words only. */
  function ranges(s, needles) {
    const found = [];
    for (const n of needles) {
      const word = /^[a-z0-9]+$/.test(n);
      for (let i = n ? s.indexOf(n) : -1; i >= 0; i = s.indexOf(n, i + 1)) {
        if (!word || !/[a-z0-9]/.test((s[i - 1] || '') + (s[i + n.length] || ''))) { found.push([i, i + n.length]); }
      }
    }
    const merged = [];
    for (const r of found.sort((a, b) => a[0] - b[0])) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) { last[1] = Math.max(last[1], r[1]); } else { merged.push(r); }
    }
    return merged;
  }

  /* About 120 characters of text around position at, on one line. */
  function cut(text, at) {
    let from = Math.max(0, at - 30);
    if (/[\udc00-\udfff]/.test(text[from] || '')) { from--; }
    return (from ? '…' : '') + text.slice(from, from + 120).replace(/\s+/g, ' ') + (from + 120 < text.length ? '…' : '');
  }

  /* ---------- URL state ---------- */

  function parseState(search) {
    const p = new URLSearchParams(search);
    const s = {};
    for (const k of KEYS) { s[k] = (p.get(k) || '').trim(); }
    s.page = Math.max(1, parseInt(s.page, 10) || 1);
    if (s.sort !== 'date') { s.sort = ''; }
    return s;
  }

  function stateQuery(s) {
    const p = new URLSearchParams();
    for (const k of KEYS) { if (s[k] && !(k === 'page' && s[k] <= 1)) { p.set(k, s[k]); } }
    const q = p.toString();
    return q ? '?' + q : '';
  }

  /* ---------- the query engine ---------- */

  /* The text of the body a document's page holds between the markers the build puts around it, as the build indexed it
     (PageText.cs does the same), a line per block: without Markdig's links to footnotes and back, without the tags — the
     end of a paragraph, block, list item, table row, cell or caption and a <br> a line break — with the character references
     the renderer writes turned into their characters, without the lines that hold nothing but spaces and tabs, each line
     ending with a line break; null when the page has no marked body. */
  const TEXT_START = '<!--gazette:text-->';
  const TEXT_END = '<!--/gazette:text-->';
  const REFERENCES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  function pageText(html) {
    const start = html.indexOf(TEXT_START);
    const end = start < 0 ? -1 : html.indexOf(TEXT_END, start + TEXT_START.length);
    if (end < 0) { return null; }
    return html.slice(start + TEXT_START.length, end).replace(/<a [^>]*class="footnote-(?:back-)?ref"[^>]*>[\s\S]*?<\/a>/g, '')
      .replace(/<(?:\/(?:p|div|section|article|li|dt|dd|tr|td|th|caption|figcaption|h[1-6]|blockquote|pre)[ \t\n\r\f]*|br[ \t\n\r\f]*\/?)>/gi, '\n')
      .replace(/<[^>]*>/g, '')
      .replace(/&(amp|lt|gt|quot|apos|nbsp|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/g, (whole, name) => {
        if (name[0] !== '#') { return REFERENCES[name]; }
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
      }).split('\n').filter((line) => /[^ \t\r\f]/.test(line)).map((line) => line + '\n').join('');
  }

  /* load(path, plain) → Promise of a file's bytes (path relative to search/), inflated unless plain (the manifest);
     page(url) → Promise of the HTML of the page at a document's address. */
  function Searcher(load, page) {
    const cache = new Map();
    function once(key, make) {
      if (!cache.has(key)) {
        const p = make();
        cache.set(key, p);
        p.catch(() => cache.delete(key));
      }
      return cache.get(key);
    }
    const bytes = (path, plain) => once(path, () => load(path, plain));
    const json = (path, plain) => once('json:' + path, async () => JSON.parse(decoder.decode(await bytes(path, plain))));
    const manifest = () => json('manifest.json', true);
    /* A term chunk or metadata shard is named with the hash of its group, which the manifest lists. */
    const group = (table, i) => table.groups[Math.floor(i / table.groupSize)];
    const ids = async (p) => p.ids || posting(await bytes('postings/' + p.ext + '.bin'), { i: 0 }).ids;

    async function lookup(term, withTitle) {
      const t = (await manifest()).terms;
      const c = fnv1a(utf8.encode(term)) % t.count;
      const found = findTerm(await bytes('terms/' + c + '.' + group(t, c) + '.bin'), term);
      if (!found) { return { all: NONE, title: NONE }; }
      const [all, title] = await Promise.all([ids(found.all), withTitle ? ids(found.title) : NONE]);
      return { all, title };
    }

    async function meta(id) {
      const m = (await manifest()).meta;
      const s = Math.floor(id / m.shardSize);
      return (await json('meta/' + s + '.' + group(m, s) + '.json'))[id % m.shardSize];
    }

    /* A document's searchable text as the build indexed it — title, number, summary, organs and body, a line each — from its
       record (the summary is the snippet unless the record holds it whole) and the body its page holds. */
    const textKey = (id) => 'text:' + id;
    const text = (id) => once(textKey(id), async () => {
      const d = await meta(id);
      const body = pageText(await page(d.u));
      return [d.t, d.n || '', d.m || d.s || '', d.o, body || ''].join('\n');
    });

    const facet = (name) => once('facet:' + name, async () => {
      const file = (await manifest()).facets[name];
      const f = file ? await json(file) : { values: [] };
      for (const v of f.values) { v.ids = undelta(v.docs); }
      return f;
    });
    const days = () => once('days', async () => undelta((await json((await manifest()).dates)).days));

    /* Whether document id, whose metadata is d, has every phrase. Its title and number (and, for a phrase without spaces or
       ellipsis, its snippet) are lines of its searchable text, so the text (its page) is needed only when they lack a phrase.
       false, true, or a snippet from the text. */
    async function hasPhrases(id, d, phrases, fetching) {
      const quick = T.normalize(d.t + '\n' + (d.n || ''));
      const snippet = T.normalize(d.s || '');
      const rest = phrases.filter((p) => !quick.includes(p) && !(/^[^\s…]+$/.test(p) && snippet.includes(p)));
      if (!rest.length) { return true; }
      fetching();
      const full = await text(id);
      const normalized = T.normalize(full);
      if (!rest.every((p) => normalized.includes(p))) { return false; }
      return snippet.includes(rest[0]) || cut(full, normalized.indexOf(rest[0]));
    }

    /* A snippet of document id's text around the first needle found after its title and number lines, or ''. */
    async function context(id, needles) {
      const full = await text(id);
      const normalized = T.normalize(full);
      const from = normalized.indexOf('\n', normalized.indexOf('\n') + 1) + 1;
      for (const n of needles) {
        const at = normalized.indexOf(n, from);
        if (at >= 0) { return cut(full, at); }
      }
      return '';
    }

    /* A search: {total, exact, hits: [{id, meta, number, snippet}], pages, needles, anchors, counts(facet)}. noPage: no hits. */
    async function run(state, noPage) {
      const n = (await manifest()).documents;
      const byDate = state.sort === 'date';
      const query = T.parseQuery(state.q || '');
      const number = new Set();
      /* Relevance boost: how many of the query's terms each document has in its title (at most 255), +256 for the number typed. */
      const boost = new Uint16Array(n);
      let base;
      if (state.q) {
        const key = T.looksLikeDocumentNumber(state.q) ? T.documentNumberKey(state.q) : '';
        const lookups = query.terms.map((t) => lookup(t, !byDate));
        if (key) { lookups.push(lookup('#' + key, false)); }
        const found = await Promise.all(lookups);
        if (key) { members(found.pop().all).forEach((id) => { number.add(id); boost[id] += 256; }); }
        base = null;
        /* Lists before bitmaps, shortest first: once a list is in, every step only shortens it. */
        const order = found.map((f) => f.all).sort((a, b) => isBitmap(a) - isBitmap(b) || a.length - b.length);
        for (const set of order) { base = base ? intersect(base, set) : set; }
        base = base ? members(base) : NONE;
        for (const f of found) {
          const title = members(f.title);
          for (let i = 0; i < title.length; i++) { if ((boost[title[i]] & 255) < 255) { boost[title[i]]++; } }
        }
        if (number.size) { base = union(base, Array.from(number).sort((a, b) => a - b)); }
      } else {
        base = new Int32Array(n);
        for (let i = 0; i < n; i++) { base[i] = i; }
      }

      const filters = await Promise.all(FACETS.filter((k) => state[k]).map(async (k) => {
        const mask = new Uint8Array(n);
        for (const v of (await facet(k)).values) { if (v.id === state[k]) { v.ids.forEach((id) => { mask[id] = 1; }); } }
        return { name: k, mask };
      }));
      const from = dayNumber(state.from, -Infinity);
      const to = dayNumber(state.to, Infinity);
      if (from > -Infinity || to < Infinity) {
        const d = await days();
        filters.push({ name: 'date', mask: d.map((x) => (x >= from && x <= to ? 1 : 0)) });
      }

      let results = filters.length ? passing(base, filters.map((f) => f.mask)) : base;
      /* By relevance: the document whose number was typed, then by how many terms the title has, newest first (ids are in
         that order already). */
      if (state.q && !byDate) { results = rank(results, boost); }

      /* A phrase that is a single term (one character, a pair, a word) is in every document its posting names. */
      const phrases = query.clauses.map((c) => T.normalize(c.text)).filter((p, i) => query.clauses[i].phrase && query.clauses[i].terms.join() !== p);
      const start = (Math.max(1, state.page || 1) - 1) * PER_PAGE;
      const failed = new Set();
      const metas = new Map();
      const cuts = new Map();
      let shown = noPage ? [] : Array.from(results.subarray(start, start + PER_PAGE));
      let exact = true;
      if (phrases.length) {
        /* Candidates are checked in result order until the page is full (or MAX_TEXTS texts were fetched); the count is
           exact once all are checked. */
        const ok = [];
        let next = 0;
        let fetched = 0;
        while (ok.length < start + PER_PAGE && next < results.length && fetched < MAX_TEXTS) {
          /* As many as should fill the page at the share of candidates that passed so far: fewer rounds of requests. */
          const rate = next ? Math.max(ok.length / next, 0.25) : 1;
          const size = Math.min(20, MAX_TEXTS - fetched, Math.ceil((start + PER_PAGE - ok.length) / rate));
          const batch = results.subarray(next, next + size);
          next += batch.length;
          const checks = await Promise.all(Array.from(batch, async (id) => {
            /* A document whose title lacks one of the query's terms needs its text unless the phrase is in its snippet:
               its page is asked for as soon as its metadata is at hand, without waiting for the check. */
            if (!number.has(id) && !cache.has(textKey(id)) && (boost[id] & 255) < query.terms.length) {
              fetched++;
              text(id).catch(() => {});
            }
            const d = await meta(id);
            metas.set(id, d);
            return number.has(id) || hasPhrases(id, d, phrases, () => { if (!cache.has(textKey(id))) { fetched++; } });
          }));
          batch.forEach((id, k) => {
            if (!checks[k]) { failed.add(id); return; }
            ok.push(id);
            if (typeof checks[k] === 'string') { cuts.set(id, checks[k]); }
          });
        }
        shown = ok.slice(start, start + PER_PAGE);
        exact = next >= results.length;
      }
      const total = results.length - failed.size;

      const hits = await Promise.all(shown.map(async (id) =>
        ({ id, meta: metas.get(id) || await meta(id), number: number.has(id), snippet: cuts.get(id) })));

      return {
        total,
        exact,
        hits,
        pages: Math.max(1, Math.ceil(total / PER_PAGE)),
        /* What to highlight: phrases as written, the runs of Han characters or of letters and digits of the other clauses. */
        needles: [].concat(...query.clauses.map((c) => (c.phrase ? [T.normalize(c.text)] : T.runs(c.text)))),
        /* Where to cut a snippet: each clause whole, then each term. */
        anchors: query.clauses.map((c) => T.normalize(c.text)).concat(query.terms),
        /* A facet's values with the number of results each would give, the other filters applied. */
        async counts(name) {
          const f = await facet(name);
          const others = filters.filter((x) => x.name !== name);
          const pass = new Uint8Array(n);
          for (const id of passing(base, others.map((x) => x.mask))) { pass[id] = failed.has(id) ? 0 : 1; }
          return f.values.map((v) => ({ id: v.id, label: v.label, count: v.ids.reduce((c, id) => c + pass[id], 0) }));
        },
      };
    }

    return { run, context, lookup, meta, text };
  }

  const api = { pageText, inflate, varint, posting, members, fnv1a, findTerm, intersect, union, passing, rank, undelta, dayNumber, ranges, parseState, stateQuery, Searcher };
  if (NODE) { module.exports = api; return; }
  window.GazetteSearch = api;

  /* ---------- the search page ---------- */

  const $ = (id) => document.getElementById(id);
  const root = $('search-results');
  const form = $('search-form');
  if (!root || !form) { return; }
  const S = root.dataset;
  const [status, advice, failure, list, pager, more, details, activeCount, template] =
    ['status', 'advice', 'error', 'list', 'pages', 'more', 'filters', 'filters-active', 'hit'].map((id) => $('search-' + id));
  const fields = form.elements;
  const title = document.title;
  const manifestUrl = new URL(S.manifest, location.href);
  let current = parseState(location.search);
  let last = null;
  let seq = 0;
  let completed = 0;

  function load(path, plain) {
    return fetch(new URL(path, manifestUrl)).then((r) => {
      if (!r.ok) { throw new Error(r.status + ' ' + path); }
      return r.arrayBuffer();
    }).then((buffer) => {
      const b = new Uint8Array(buffer);
      /* A server that sent the file with Content-Encoding: gzip has had it inflated already. */
      return plain || b[0] !== 0x1f || b[1] !== 0x8b ? b : inflate(b);
    });
  }

  /* A document's page, for the text of its body (a phrase check, a snippet): the browser may have it already. */
  function page(url) {
    return fetch(new URL(url, location.href)).then((r) => {
      if (!r.ok) { throw new Error(r.status + ' ' + url); }
      return r.text();
    });
  }

  const searcher = Searcher(load, page);

  /* Later snippets: a hit that shows none of the query's words gets a snippet cut from its text once it is in view
     (data-snippets="summary" on #search-results keeps the summaries and fetches no text for them). */
  const seen = S.snippets !== 'summary' && 'IntersectionObserver' in window && new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) { seen.unobserve(e.target); e.target.later(); }
    }
  });

  function fill(s) {
    for (const k of KEYS) {
      const el = fields[k];
      if (!el) { continue; }
      if (el.tagName === 'SELECT' && s[k] && !Array.from(el.options).some((o) => o.value === s[k])) { el.add(new Option(s[k], s[k])); }
      el.value = s[k];
    }
    const active = FILTERS.filter((k) => s[k]).length;
    activeCount.textContent = active ? S.filtersActive.replace('{count}', active) : '';
  }

  function read() {
    const s = { page: 1 };
    for (const k of KEYS) { if (fields[k]) { s[k] = fields[k].value.trim(); } }
    return s;
  }

  function go(s) {
    history.pushState(null, '', location.pathname + stateQuery(s));
    run(s);
  }

  /* Sets el's text to s with the needles marked. */
  function text(el, s, needles) {
    el.textContent = '';
    let at = 0;
    for (const [a, b] of ranges(T.normalize(s), needles)) {
      const mark = document.createElement('mark');
      mark.textContent = s.slice(a, b);
      el.append(s.slice(at, a), mark);
      at = b;
    }
    el.append(s.slice(at));
  }

  function hit(h, r) {
    const li = template.content.firstElementChild.cloneNode(true);
    const part = (name) => li.querySelector('[data-hit="' + name + '"]');
    const d = h.meta;
    const link = part('title');
    link.href = d.u;
    text(link, d.t, r.needles);
    if (d.n) { text(part('number'), d.n, h.number ? [T.normalize(d.n)] : r.needles); } else { part('number-wrap').remove(); }
    part('organ').textContent = d.o;
    part('date').textContent = d.d;
    const badge = part('badge');
    if (d.v && d.v !== 'valid') {
      badge.textContent = S['validity' + d.v[0].toUpperCase() + d.v.slice(1)] || d.v;
      badge.classList.add('badge-' + d.v);
    } else {
      badge.remove();
    }
    const snippet = part('snippet');
    text(snippet, h.snippet || d.s || '', r.needles);
    if (seen && r.anchors.length && !li.querySelector('mark')) {
      li.later = () => searcher.context(h.id, r.anchors).then((s) => {
        if (s) { text(snippet, s, r.needles); }
        li.dataset.context = 'done';
      }, () => {});
      seen.observe(li);
    }
    return li;
  }

  function pageItem(s, page, label, rel) {
    const li = document.createElement('li');
    const a = li.appendChild(document.createElement('a'));
    a.href = location.pathname + stateQuery(Object.assign({}, s, { page }));
    a.dataset.page = page;
    a.textContent = label || page;
    if (rel) {
      a.rel = rel;
    } else {
      a.setAttribute('aria-label', S.pageLabel.replace('{page}', page));
      if (page === s.page) { a.setAttribute('aria-current', 'page'); }
    }
    return li;
  }

  function paginate(s, pages) {
    const ul = pager.querySelector('ul');
    ul.textContent = '';
    pager.hidden = pages < 2;
    if (s.page > 1) { ul.append(pageItem(s, s.page - 1, S.previous, 'prev')); }
    for (let p = 1; p <= pages; p++) {
      const far = Math.abs(p - s.page);
      if (p === 1 || p === pages || far <= 2) {
        ul.append(pageItem(s, p));
      } else if (far === 3) {
        const gap = ul.appendChild(document.createElement('li'));
        gap.className = 'pagination-gap';
        gap.setAttribute('aria-hidden', 'true');
        gap.textContent = '…';
      }
    }
    if (s.page < pages) { ul.append(pageItem(s, s.page + 1, S.next, 'next')); }
    pager.querySelector('p').textContent = S.pageOf.replace('{page}', s.page).replace('{pages}', pages);
  }

  /* The filter values with their counts, once the filters are open. */
  async function facets(r) {
    details.dataset.state = 'loading';
    const all = await Promise.all(FACETS.map((k) => r.counts(k)));
    if (r !== last) { return; }
    FACETS.forEach((k, i) => {
      const select = fields[k];
      while (select.options.length > 1) { select.remove(1); }
      for (const v of all[i]) {
        const option = new Option(S.option.replace('{label}', v.label.split('\\').join(' › ')).replace('{count}', v.count), v.id);
        option.disabled = !v.count && v.id !== current[k];
        select.add(option);
      }
      select.value = current[k];
    });
    details.dataset.state = 'done';
  }

  function settle(state) {
    root.dataset.state = state;
    root.dataset.searches = ++completed;
    root.removeAttribute('aria-busy');
  }

  async function run(s) {
    const mine = ++seq;
    const active = !!(s.q || FILTERS.some((k) => s[k]));
    current = s;
    fill(s);
    document.title = s.q ? s.q + ' - ' + title : title;
    failure.hidden = more.hidden = true;
    if (seen) { seen.disconnect(); }
    if (!active) {
      list.textContent = '';
      status.textContent = '';
      advice.hidden = pager.hidden = list.hidden = true;
      if (!details.open) { last = null; settle('idle'); return; }
    }
    root.dataset.state = 'loading';
    root.setAttribute('aria-busy', 'true');
    if (active) { status.textContent = S.loading; }
    try {
      const r = await searcher.run(s, !active);
      if (mine !== seq) { return; }
      last = r;
      if (active) {
        const count = !r.exact ? S.countAbout : r.total === 1 ? S.countOne : S.count;
        status.textContent = r.total ? count.replace('{count}', r.total) : S.none;
        advice.hidden = r.total > 0;
        list.textContent = '';
        list.start = (s.page - 1) * PER_PAGE + 1;
        list.append(...r.hits.map((h) => hit(h, r)));
        list.hidden = !r.hits.length;
        /* A phrase search that stopped checking before the page was full can go on. */
        more.hidden = r.exact || r.hits.length === PER_PAGE;
        paginate(s, r.pages);
      }
      if (details.open) { await facets(r); }
      if (mine === seq) { settle(active ? 'done' : 'idle'); }
    } catch (e) {
      if (mine !== seq) { return; }
      status.textContent = '';
      failure.hidden = false;
      settle('error');
    }
  }

  form.querySelector('.search-tools').hidden = false;
  form.addEventListener('submit', (e) => { e.preventDefault(); go(read()); });
  form.addEventListener('change', (e) => { if (e.target.tagName === 'SELECT') { go(read()); } });
  form.querySelector('[data-clear]').addEventListener('click', () => {
    for (const k of FILTERS) { fields[k].value = ''; }
    go(read());
  });
  details.addEventListener('toggle', () => {
    if (!details.open) { return; }
    if (last) { facets(last).catch(() => { failure.hidden = false; }); } else { run(current); }
  });
  pager.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-page]');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
    e.preventDefault();
    go(Object.assign({}, current, { page: +a.dataset.page }));
    status.focus();
  });
  more.addEventListener('click', () => run(current));
  window.addEventListener('popstate', () => run(parseState(location.search)));
  run(current);
}());
