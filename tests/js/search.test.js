// The query engine of theme/assets/search.js against a small index written here in the format of docs/search-index.md.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const T = require('../../theme/assets/search-tokenizer.js');
const S = require('../../theme/assets/search.js');

// ---------- a writer for the index format, small and independent of the client ----------

function varint(n) {
  const out = [];
  do { let b = n % 128; n = Math.floor(n / 128); if (n) b |= 128; out.push(b); } while (n);
  return out;
}
const list = (ids) => [0, ...varint(ids.length), ...ids.flatMap((id, i) => varint(i ? id - ids[i - 1] : id))];
function bitmap(ids) {
  const bytes = new Array(ids.length ? Math.floor(ids[ids.length - 1] / 8) + 1 : 0).fill(0);
  ids.forEach((id) => { bytes[id >> 3] |= 1 << (id & 7); });
  return [1, ...varint(bytes.length), ...bytes];
}
const hash = (bytes) => crypto.createHash('sha256').update(Buffer.from(bytes)).digest('hex').slice(0, 10);

/* docs: [{title, number, summary, organ, body, organId, validity, date, issue}] in id order (newest first). */
function writeIndex(docs, { chunks = 5, shardSize = 4, external = 24 } = {}) {
  const files = new Map();
  const put = (path, bytes) => { files.set(path, Uint8Array.from(bytes)); return path; };
  const json = (value) => [...Buffer.from(JSON.stringify(value))];
  const all = new Map();
  const title = new Map();
  const add = (map, term, id) => { if (!map.has(term)) map.set(term, new Set()); map.get(term).add(id); };
  docs.forEach((d, id) => {
    const text = [d.title, d.number, d.summary, d.organ, d.body].join('\n');
    T.indexTerms(text).forEach((t) => add(all, t, id));
    T.indexTerms(d.title + '\n' + (d.number || '')).forEach((t) => add(title, t, id));
    if (d.number) { add(all, '#' + T.documentNumberKey(d.number), id); add(title, '#' + T.documentNumberKey(d.number), id); }
  });
  const encode = (set) => {
    const ids = [...(set || [])].sort((a, b) => a - b);
    const l = list(ids);
    const b = bitmap(ids);
    const p = b.length < l.length ? b : l;
    if (p.length <= external) return p;
    const h = hash(p);
    put(`postings/${h}.bin`, p);
    return [2, ...varint(ids.length), ...Buffer.from(h, 'hex')];
  };
  const byChunk = Array.from({ length: chunks }, () => []);
  for (const term of all.keys()) byChunk[S.fnv1a(Buffer.from(term)) % chunks].push(term);
  /* A table's files are named with the hash of their group's hashes (groupSize files to a group). */
  const table = (folder, extension, contents, groupSize) => {
    const groups = [];
    for (let g = 0; g * groupSize < contents.length; g++) {
      const members = contents.slice(g * groupSize, g * groupSize + groupSize);
      const h = hash(members.flatMap((b) => [...crypto.createHash('sha256').update(Buffer.from(b)).digest()])).slice(0, 8);
      members.forEach((b, i) => put(`${folder}/${g * groupSize + i}.${h}${extension}`, b));
      groups.push(h);
    }
    return groups;
  };
  const chunkBytes = byChunk.map((terms) => {
    terms.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const bytes = [...varint(terms.length)];
    for (const t of terms) bytes.push(...varint(Buffer.byteLength(t)), ...Buffer.from(t), ...encode(all.get(t)), ...encode(title.get(t)));
    return bytes;
  });
  const shardBytes = [];
  for (let s = 0; s * shardSize < docs.length; s++) {
    const meta = docs.slice(s * shardSize, s * shardSize + shardSize).map((d, k) => (
      { u: `/documents/${s * shardSize + k}/`, t: d.title, n: d.number || null, o: d.organ, d: d.date, v: d.validity, s: d.summary }));
    shardBytes.push(json(meta));
  }
  /* Each document's page, its body between the markers the build puts around it (a paragraph a line, escaped as the
     renderer escapes): kept as 'page:' + its address. */
  const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  docs.forEach((d, id) => files.set(`page:/documents/${id}/`, `<!DOCTYPE html><h1>${escape(d.title)}</h1><p>页眉</p>`
    + `<!--gazette:text-->${d.body.split('\n').map((line) => `<p>${escape(line)}</p>`).join('\n')}<!--/gazette:text--><p>页脚</p>`));
  const deltas = (ids) => ids.map((id, i) => (i ? id - ids[i - 1] : id));
  const facet = (name, key) => {
    const values = [...new Set(docs.map((d) => d[key]))].map((v) => ({
      id: v, label: 'L-' + v, docs: deltas(docs.map((d, id) => (d[key] === v ? id : -1)).filter((id) => id >= 0)),
    }));
    const b = json({ values });
    return put(`facets/${name}.${hash(b)}.json`, b);
  };
  const day = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 864e5;
  const days = json({ days: deltas(docs.map((d) => day(d.date))) });
  const manifest = {
    version: 6,
    documents: docs.length,
    terms: { count: chunks, groupSize: 3, groups: table('terms', '.bin', chunkBytes, 3) },
    meta: { count: shardBytes.length, shardSize, groupSize: 256, groups: table('meta', '.json', shardBytes, 256) },
    facets: { organ: facet('organ', 'organId'), validity: facet('validity', 'validity'), issue: facet('issue', 'issue') },
    dates: put(`dates.${hash(days)}.json`, days),
  };
  put('manifest.json', json(manifest));
  return files;
}

function searcher(files) {
  const loaded = [];
  const get = async (path) => {
    loaded.push(path);
    if (!files.has(path)) throw new Error('404 ' + path);
    return files.get(path);
  };
  const s = S.Searcher(get, (url) => get('page:' + url));
  s.loaded = loaded;
  return s;
}

// ---------- a corpus: 24 documents, newest first ----------

const organs = [['a', '甲市人民政府办公室'], ['b', '乙县人民政府'], ['c', '丙区发展和改革委员会']];
const docs = Array.from({ length: 24 }, (_, i) => {
  const [organId, organ] = organs[i % 3];
  const year = 2020 - Math.floor(i / 8);
  return {
    title: i === 5 ? '关于推进乡村振兴的通知' : i === 9 ? '关于印发PPP项目管理办法的通知' : i === 2 ? '关于执行测府发〔2020〕5号的通知'
      : `关于做好第${i}项工作的通知`,
    number: i % 4 === 0 ? `测府发〔${year}〕${i + 1}号` : null,
    summary: i % 6 === 0 ? '部署政务公开工作。' : '安排有关事项。',
    organ,
    organId,
    body: [i % 2 ? '全面推进乡村振兴战略' : '乡村建设与村振兴产业', i === 7 ? '引用测府发〔2020〕1号文件' : '', i % 3 ? '公开政务，务公' : '推进政务公开', '政务 公开'].join('\n'),
    validity: i % 5 === 0 ? 'repealed' : 'valid',
    date: `${year}-${String(12 - (i % 8)).padStart(2, '0')}-01`,
    issue: `${year}-1`,
  };
});
const files = writeIndex(docs, { external: 4 });

/* The documents that contain every query term, by brute force over their index terms. */
function bruteForce(q) {
  const terms = T.parseQuery(q).terms;
  return docs.map((d, id) => ({ id, terms: new Set(T.indexTerms([d.title, d.number, d.summary, d.organ, d.body].join('\n'))) }))
    .filter((d) => terms.every((t) => d.terms.has(t))).map((d) => d.id);
}

async function allResults(s, state) {
  const first = await s.run({ ...state, page: 1 });
  const ids = first.hits.map((h) => h.id);
  for (let page = 2; page <= first.pages; page++) ids.push(...(await s.run({ ...state, page })).hits.map((h) => h.id));
  return { first, ids };
}

// ---------- pure parts ----------

test('varints, list and bitmap postings decode', () => {
  const at = { i: 0 };
  assert.equal(S.varint(Uint8Array.from(varint(300)), at), 300);
  assert.equal(at.i, 2);
  assert.equal(S.varint(Uint8Array.from(varint(2 ** 40 + 5)), { i: 0 }), 2 ** 40 + 5);
  assert.deepEqual(Array.from(S.posting(Uint8Array.from(list([3, 4, 200, 1000])), { i: 0 }).ids), [3, 4, 200, 1000]);
  assert.deepEqual(Array.from(S.members(S.posting(Uint8Array.from(bitmap([0, 7, 8, 63, 64])), { i: 0 }).ids)), [0, 7, 8, 63, 64]);
  assert.deepEqual(Array.from(S.posting(Uint8Array.from(list([])), { i: 0 }).ids), []);
  const ext = S.posting(Uint8Array.from([2, ...varint(5000), 0x0a, 0xbc, 0x00, 0xff, 0x12]), { i: 0 });
  assert.deepEqual(ext, { ext: '0abc00ff12', count: 5000 });
  const skipped = { i: 0 };
  S.posting(Uint8Array.from([...bitmap([1, 9]), 42]), skipped, true);
  assert.equal(skipped.i, 4);
});

test('gzip files inflate to the bytes zlib compressed, at every level and block kind', () => {
  const zlib = require('node:zlib');
  const samples = [
    Buffer.alloc(0),
    Buffer.from('a'),
    Buffer.from('国务院办公厅关于印发《国家突发公共事件总体应急预案》的通知'.repeat(50)),
    crypto.randomBytes(70000), // stored blocks
    Buffer.from(Array.from({ length: 40000 }, (_, i) => (i * 7) % 13)), // long matches
    Buffer.from(JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ t: '规定' + i, n: `国办发〔2019〕${i}号` })))),
  ];
  for (const sample of samples) {
    for (const level of [0, 1, 6, 9]) {
      for (const strategy of [zlib.constants.Z_DEFAULT_STRATEGY, zlib.constants.Z_FIXED, zlib.constants.Z_HUFFMAN_ONLY]) {
        const gz = zlib.gzipSync(sample, { level, strategy });
        assert.deepEqual(Buffer.from(S.inflate(new Uint8Array(gz))), sample, `level ${level}, strategy ${strategy}, ${sample.length} bytes`);
      }
    }
  }
  const gz = zlib.gzipSync(samples[2]);
  assert.throws(() => S.inflate(gz.subarray(0, gz.length - 20)), /gzip|deflate/, 'a cut file fails, it does not loop');
  assert.throws(() => S.inflate(Uint8Array.from([1, 2, 3])), /not gzip/);
});

test('FNV-1a over UTF-8 bytes', () => {
  assert.equal(S.fnv1a(Buffer.from('')), 2166136261);
  assert.equal(S.fnv1a(Buffer.from('a')), 0xe40c292c);
  assert.equal(S.fnv1a(Buffer.from('foobar')), 0xbf9cf968);
});

test('sorted id lists intersect, unite and undo deltas', () => {
  assert.deepEqual(Array.from(S.intersect([1, 3, 5, 7], [0, 3, 4, 7, 9])), [3, 7]);
  assert.deepEqual(Array.from(S.union([1, 3, 5], [0, 3, 9])), [0, 1, 3, 5, 9]);
  assert.deepEqual(Array.from(S.union([], [2])), [2]);
  const random = (n, max) => Array.from(new Set(Array.from({ length: n }, () => Math.floor(Math.random() * max)))).sort((a, b) => a - b);
  for (let round = 0; round < 200; round++) {
    const a = random(Math.floor(Math.random() * 300), 2000);
    const b = random(Math.floor(Math.random() * 3000), 2000);
    const inB = new Set(b);
    assert.deepEqual(Array.from(S.intersect(a, b)), a.filter((x) => inB.has(x)), `intersect ${a} / ${b}`);
    assert.deepEqual(Array.from(S.intersect(Int32Array.from(b), a)), a.filter((x) => inB.has(x)));
    assert.deepEqual(Array.from(S.union(a, b)), Array.from(new Set(a.concat(b))).sort((x, y) => x - y));
    /* Bitmap postings (of different lengths) combine with lists and with each other without being listed first. */
    const bitsA = S.posting(Uint8Array.from(bitmap(a)), { i: 0 }).ids;
    const bitsB = S.posting(Uint8Array.from(bitmap(b)), { i: 0 }).ids;
    assert.deepEqual(Array.from(S.members(bitsA)), a);
    assert.deepEqual(Array.from(S.members(S.intersect(bitsA, bitsB))), a.filter((x) => inB.has(x)), `bitmaps ${a} / ${b}`);
    assert.deepEqual(Array.from(S.intersect(a, bitsB)), a.filter((x) => inB.has(x)));
    assert.deepEqual(Array.from(S.intersect(bitsB, Int32Array.from(a))), a.filter((x) => inB.has(x)));
  }
  assert.deepEqual(S.undelta([5, 4, 1, 1, 2]), [5, 9, 10, 11, 13]);
  assert.deepEqual(S.undelta([18096, 0, -91]), [18096, 18096, 18005]);
});

test('filter masks keep the ids every mask marks, in order', () => {
  const ids = Int32Array.from([0, 2, 3, 5, 8, 9]);
  const a = Uint8Array.from([1, 0, 1, 1, 0, 1, 0, 0, 1, 0]);
  const b = [0, 0, 1, 0, 0, 1, 1, 1, 1, 1];
  assert.deepEqual(Array.from(S.passing(ids, [a])), [0, 2, 3, 5, 8]);
  assert.deepEqual(Array.from(S.passing(ids, [a, b])), [2, 5, 8]);
  assert.deepEqual(Array.from(S.passing(ids, [])), Array.from(ids));
});

test('relevance ranking orders by boost, highest first, and keeps id order within a boost (as a comparison sort would)', () => {
  let seed = 7;
  const random = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
  for (let round = 0; round < 50; round++) {
    const n = 1 + random(400);
    const boost = new Uint16Array(n);
    for (let i = 0; i < n; i++) { boost[i] = random(4) ? 0 : random(5) + (random(20) ? 0 : 256); }
    const ids = Int32Array.from({ length: n }, (_, i) => i).filter(() => random(3));
    const expected = Array.from(ids).sort((x, y) => boost[y] - boost[x] || x - y);
    assert.deepEqual(Array.from(S.rank(ids, boost)), expected, `round ${round}`);
  }
  const none = Int32Array.from([1, 4, 6]);
  assert.equal(S.rank(none, new Uint16Array(8)), none, 'nothing boosted: the ids as they are');
});

test('highlight ranges merge overlapping and adjacent terms; words match whole words', () => {
  assert.deepEqual(S.ranges('推进乡村振兴战略', ['乡村', '村振', '振兴']), [[2, 6]]);
  assert.deepEqual(S.ranges('ppp项目与appp', ['ppp', '项目']), [[0, 5]]);
  assert.deepEqual(S.ranges('2016年16号', ['16']), [[5, 7]]);
  assert.deepEqual(S.ranges('无', ['', '有']), []);
});

test('the URL state round-trips and drops defaults', () => {
  const s = S.parseState('?q=%E4%B9%A1%E6%9D%91+%E6%8C%AF%E5%85%B4&organ=a&sort=date&page=3&from=2019-01-01&junk=1');
  assert.equal(s.q, '乡村 振兴');
  assert.equal(s.organ, 'a');
  assert.equal(s.page, 3);
  assert.equal(s.sort, 'date');
  assert.equal(S.parseState(S.stateQuery(s)).q, '乡村 振兴');
  assert.deepEqual(S.parseState(S.stateQuery(s)), s);
  assert.equal(S.stateQuery(S.parseState('?sort=relevance&page=1&q=')), '');
  assert.equal(S.parseState('?page=-4').page, 1);
  assert.equal(S.dayNumber('1970-01-02'), 1);
  assert.equal(S.dayNumber('2019-7-1', null), null);
});

// ---------- searches over the written index ----------

test('an unquoted query finds every document that has its terms (recall against brute force)', async () => {
  for (const q of ['乡村振兴', '政务公开', 'PPP项目', '通知 乡村', '第1', '振兴', 'ｐｐｐ']) {
    const { first, ids } = await allResults(searcher(files), { q });
    assert.deepEqual([...ids].sort((a, b) => a - b), bruteForce(q), q);
    assert.equal(first.total, bruteForce(q).length, q);
    assert.ok(first.exact);
  }
});

test('relevance: more query terms in the title first, then newest first; date order is id order', async () => {
  const s = searcher(files);
  const r = await s.run({ q: '乡村振兴', page: 1 });
  assert.equal(r.hits[0].id, 5, 'the document with 乡村振兴 in its title comes first');
  assert.deepEqual(r.hits.slice(1).map((h) => h.id), [0, 1, 2, 3, 4, 6, 7, 8, 9]);
  const byDate = await s.run({ q: '乡村振兴', sort: 'date', page: 1 });
  assert.deepEqual(byDate.hits.map((h) => h.id), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('a document number in any form brings its document first', async () => {
  for (const q of ['测府发〔2020〕1号', '测府发[2020]1', '测府发【2020】1号', '测府发（２０２０）１号', '测府发(2020)1号']) {
    const r = await searcher(files).run({ q, page: 1 });
    assert.equal(r.hits[0].id, 0, q);
    assert.equal(r.hits[0].number, true, q);
  }
  // Document 2 has the number in its title (as many title terms, and newer), but document 4 has the number.
  const cited = await searcher(files).run({ q: '测府发[2020]5号', page: 1 });
  assert.deepEqual(cited.hits.slice(0, 2).map((h) => [h.id, h.number]), [[4, true], [2, false]]);
  // A number that no document has finds nothing beyond the documents with its terms.
  const none = await searcher(files).run({ q: '测府发〔2031〕9号', page: 1 });
  assert.equal(none.total, 0);
});

test('pages hold ten results each', async () => {
  const s = searcher(files);
  const one = await s.run({ q: '通知', page: 1 });
  const two = await s.run({ q: '通知', page: 2 });
  const three = await s.run({ q: '通知', page: 3 });
  assert.equal(one.total, 24);
  assert.equal(one.pages, 3);
  assert.equal(two.hits[0].id, 10);
  assert.equal(three.hits.length, 4);
  assert.equal(two.hits[3].meta.u, '/documents/13/');
});

test('filters combine with the query or work alone; date ranges use the dates file', async () => {
  const s = searcher(files);
  const organ = await s.run({ q: '乡村振兴', organ: 'b', sort: 'date', page: 1 });
  assert.deepEqual(organ.hits.map((h) => h.id), [1, 4, 7, 10, 13, 16, 19, 22]);
  const word = await s.run({ q: 'PPP', organ: 'b', page: 1 });
  assert.equal(word.total, 0, 'the PPP document is organ a\'s');
  const both = await s.run({ organ: 'b', validity: 'repealed', page: 1 });
  assert.deepEqual(both.hits.map((h) => h.id), [10]);
  assert.equal(both.total, 1);
  const alone = await s.run({ validity: 'repealed', page: 1 });
  assert.deepEqual(alone.hits.map((h) => h.id), [0, 5, 10, 15, 20]);
  const range = await s.run({ from: '2019-06-01', to: '2019-12-31', page: 1 });
  const expected = docs.map((d, id) => (d.date >= '2019-06-01' && d.date <= '2019-12-31' ? id : -1)).filter((id) => id >= 0);
  assert.deepEqual(range.hits.map((h) => h.id), expected);
  const open = await s.run({ from: '2020-01-01', page: 1 });
  assert.equal(open.total, 8);
  const unknown = await s.run({ organ: 'nope', page: 1 });
  assert.equal(unknown.total, 0);
});

test('facet counts are the results each value would give, with the other filters applied', async () => {
  const s = searcher(files);
  const r = await s.run({ q: '乡村振兴', validity: 'repealed', page: 1 });
  assert.equal(r.total, 5);
  const organ = Object.fromEntries((await r.counts('organ')).map((v) => [v.id, v.count]));
  assert.deepEqual(organ, { a: 2, b: 1, c: 2 });
  const validity = Object.fromEntries((await r.counts('validity')).map((v) => [v.id, v.count]));
  assert.deepEqual(validity, { repealed: 5, valid: 19 }, 'its own filter does not narrow a facet');
  assert.equal((await r.counts('organ'))[0].label, 'L-a');
});

test('a quoted phrase shows only documents with the exact string', async () => {
  const s = searcher(files);
  const loose = await s.run({ q: '政务公开', page: 1 });
  assert.equal(loose.total, 24, 'unquoted, the terms may be apart (公开政务，务公)');
  const r = await s.run({ q: '"政务公开"', page: 1 });
  const exact = docs.map((d, id) => ([d.title, d.number, d.summary, d.organ, d.body].join('\n').includes('政务公开') ? id : -1)).filter((id) => id >= 0);
  assert.deepEqual(r.hits.map((h) => h.id), exact);
  assert.equal(r.total, exact.length);
  assert.ok(r.exact);
  const spaced = await s.run({ q: '“政务 公开”', page: 1 });
  assert.equal(spaced.total, 24);
  assert.ok(spaced.hits[0].snippet.includes('政务 公开'), 'the snippet is cut around the phrase from the text');
});

test('a phrase count is "about" until every candidate is checked', async () => {
  const many = docs.map((d, i) => ({ ...d, body: i % 2 ? '乡村振兴' : '振兴乡村' }));
  const s = searcher(writeIndex(many));
  const r = await s.run({ q: '“乡村振兴”', page: 1 });
  assert.equal(r.hits.length, 10);
  assert.ok(r.hits.every((h) => h.id % 2 === 1));
  assert.equal(r.exact, false);
  assert.ok(r.total < 24 && r.total >= 12);
  const last = await s.run({ q: '“乡村振兴”', page: 2 });
  assert.equal(last.exact, true);
  assert.equal(last.total, 12);
  assert.deepEqual(last.hits.map((h) => h.id), [21, 23]);
});

test('a phrase that is a single term needs no text; a phrase search fetches at most 30 pages', async () => {
  const s = searcher(files);
  const r = await s.run({ q: '"振兴" “ＰＰＰ”', page: 1 });
  assert.equal(r.total, 1);
  assert.ok(r.exact);
  assert.ok(!s.loaded.some((p) => p.startsWith('page:')), 'no page was fetched');

  // 60 documents have the terms of 乡村振兴 apart; the exact string is only in the last one.
  const many = Array.from({ length: 60 }, (_, i) => ({ ...docs[i % 24], title: '通知', summary: '', body: i === 59 ? '乡村振兴' : `乡村建设 村振兴 ${i}` }));
  const big = searcher(writeIndex(many));
  const first = await big.run({ q: '“乡村振兴”', page: 1 });
  assert.equal(big.loaded.filter((p) => p.startsWith('page:')).length, 30);
  assert.equal(first.exact, false);
  assert.deepEqual(first.hits, []);
  assert.equal(first.total, 30, 'about 30: the 30 checked and failed are not counted');
  const again = await big.run({ q: '“乡村振兴”', page: 1 });
  assert.equal(big.loaded.filter((p) => p.startsWith('page:')).length, 60, 'the same search again checks the next 30');
  assert.deepEqual(again.hits.map((h) => h.id), [59]);
  assert.equal(again.total, 1);
  assert.ok(again.exact);
});

test('a phrase candidate whose title has every term needs no page; the others fetch theirs once their metadata is in', async () => {
  const s = searcher(files);
  const r = await s.run({ q: '"推进乡村振兴"', page: 1 });
  assert.ok(r.hits.some((h) => h.id === 5), 'the title holds the phrase');
  const pages = s.loaded.filter((p) => p.startsWith('page:')).map((p) => +p.split('/')[2]);
  assert.ok(!pages.includes(5), 'no page for the document whose title has the phrase');
  const others = bruteForce('推进乡村振兴').filter((id) => id !== 5);
  assert.ok(pages.length >= 9 && pages.every((id) => others.includes(id)), 'the pages of other candidates only: ' + pages);
  assert.equal(new Set(pages).size, pages.length, 'no page is fetched twice');
});

test('the text of a page is its marked body as the build indexed it (the vectors PageTextTests checks too)', () => {
  const vectors = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'vectors', 'page-text.json'), 'utf8'));
  assert.ok(vectors.length >= 9);
  for (const v of vectors) assert.equal(S.pageText(v.page), v.text, v.name);
});

test('a first search fetches only its own files: manifest, term chunks, postings, result metadata', async () => {
  const s = searcher(files);
  await s.run({ q: '乡村振兴', page: 1 });
  const kinds = s.loaded.map((p) => p.replace(/[.\d][^/]*$/, ''));
  assert.deepEqual(new Set(kinds), new Set(['manifest', 'terms/', 'postings/', 'meta/']));
  assert.equal(new Set(s.loaded).size, s.loaded.length, 'no file is fetched twice');
  const chunks = s.loaded.filter((p) => p.startsWith('terms/')).length;
  assert.ok(chunks <= 3, 'at most one chunk per term');
  const shards = s.loaded.filter((p) => p.startsWith('meta/'));
  assert.equal(shards.length, 3, 'ten results in shards of four');
  const before = s.loaded.length;
  await s.run({ q: '乡村振兴', page: 1 });
  assert.equal(s.loaded.length, before, 'the same search again is answered from memory');
  await s.run({ q: '乡村振兴', organ: 'a', page: 1 });
  assert.deepEqual(new Set(s.loaded.slice(before).map((p) => p.replace(/[.\d][^/]*$/, ''))), new Set(['facets/organ', 'meta/']),
    'a filter loads its own facet file and no other, nor the dates');
});

test('a missing file fails the search, and a retry fetches it again', async () => {
  const broken = new Map(files);
  const chunk = [...broken.keys()].find((p) => p.startsWith('terms/'));
  const saved = broken.get(chunk);
  broken.delete(chunk);
  const s = searcher(broken);
  const terms = '第一二三四五六七八九十乡村振兴政务公开通知工作关于推进'.match(/../g);
  let failed = 0;
  for (const q of terms) { await s.run({ q, page: 1 }).catch(() => failed++); }
  assert.ok(failed > 0);
  broken.set(chunk, saved);
  for (const q of terms) await s.run({ q, page: 1 });
});
