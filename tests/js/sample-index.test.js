// The client's query engine over an index the C# build wrote: the sample site's search/ folder, named by
// GAZETTE_SEARCH_INDEX (tests/run builds the sample site for this) or found in public/search after a build.
// Each document's searchable text, as the client makes it from its record and the body its page holds, is the oracle: every
// term of it finds the document, so the pages hold what the writer indexed.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const T = require('../../theme/assets/search-tokenizer.js');
const S = require('../../theme/assets/search.js');

const folder = process.env.GAZETTE_SEARCH_INDEX || path.join(__dirname, '..', '..', 'public', 'search');
const present = fs.existsSync(path.join(folder, 'manifest.json'));
const skip = present ? false : `no built index in ${folder}: build the sample site or set GAZETTE_SEARCH_INDEX`;

function open() {
  return S.Searcher(async (file, plain) => {
    const bytes = fs.readFileSync(path.join(folder, file));
    return new Uint8Array(plain ? bytes : zlib.gunzipSync(bytes));
  }, async (url) => fs.readFileSync(path.join(folder, '..', url, 'index.html'), 'utf8'));
}

async function documents(s) {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
  const docs = [];
  for (let id = 0; id < manifest.documents; id++) {
    const meta = await s.meta(id);
    const text = await s.text(id);
    assert.ok(text.split('\n').length > 5, `document ${id}: its page holds its body between the markers`);
    docs.push({ id, meta, text: T.normalize(text) });
  }
  return docs;
}

async function all(s, state) {
  const ids = [];
  for (let page = 1, r; !r || page <= r.pages; page++) {
    r = await s.run({ ...state, page });
    ids.push(...r.hits.map((h) => h.id));
  }
  return ids;
}

test('every index term of every document, as the JS tokenizer makes it, finds the document', { skip }, async () => {
  const s = open();
  let checked = 0;
  for (const d of await documents(s)) {
    for (const term of T.indexTerms(d.text)) {
      assert.ok(S.members((await s.lookup(term, false)).all).includes(d.id), `${term} does not find document ${d.id}`);
      checked++;
    }
    if (d.meta.n) assert.ok(S.members((await s.lookup('#' + T.documentNumberKey(d.meta.n), false)).all).includes(d.id));
  }
  assert.ok(checked > 1000, `only ${checked} terms`);
});

test('unquoted queries find every document containing them; quoted ones exactly those', { skip }, async () => {
  const s = open();
  const docs = await documents(s);
  for (const q of ['乡村振兴', '政务公开', '政务新媒体', '公开政务', 'PPP', '2019年', '信息公开 解读', '铜梁', '的']) {
    const found = await all(s, { q });
    const containing = docs.filter((d) => T.parseQuery(q).clauses.every((c) => d.text.includes(T.normalize(c.text)))).map((d) => d.id);
    for (const id of containing) assert.ok(found.includes(id), `${q}: document ${id} contains it but was not found`);
    assert.equal(new Set(found).size, found.length, `${q}: a document shows twice`);
    const exact = await all(s, { q: `“${q}”` });
    if (!q.includes(' ')) {
      assert.deepEqual([...exact].sort((a, b) => a - b), containing, `“${q}”`);
    }
  }
});

test('a document number in any form finds its document first', { skip }, async () => {
  const s = open();
  for (const q of ['铜府办发〔2019〕16号', '铜府办发[2019]16号', '铜府办发【2019】16', '铜府办发(２０１９)１６号', '铜府办发（2019）16']) {
    const r = await s.run({ q, page: 1 });
    assert.equal(r.hits[0].meta.n, '铜府办发〔2019〕16号', q);
    assert.ok(r.hits[0].number);
  }
});

test('filter counts add up to the documents of each facet', { skip }, async () => {
  const s = open();
  const r = await s.run({ page: 1 }, true);
  for (const facet of ['organ', 'topic', 'genre', 'year', 'validity', 'issue']) {
    for (const v of await r.counts(facet)) {
      const only = await s.run({ [facet]: v.id, page: 1 });
      assert.equal(only.total, v.count, `${facet}=${v.id}`);
    }
  }
  const years = await r.counts('year');
  assert.equal(years.reduce((n, v) => n + v.count, 0), r.total);
});
