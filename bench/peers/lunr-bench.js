// lunr.js peer of Gazette's search benchmark (bench/README.md).
//
//   node lunr-bench.js <input.jsonl> <queries.json> <out.json> [<index-out.json>]
//
// input.jsonl: one {"ref", "title", "text"} per document: the same searchable text Gazette indexes (title, number, summary,
// organs, body). queries.json: [{"id", "q", "expect"?}] where expect is the ref of the document a number query must find.
// Builds a lunr 2.3.9 index with a Chinese bigram tokenizer (lunr's own finds nothing in Chinese), serializes it, measures
// its size raw and gzip, then loads it back and runs the queries as a browser would after downloading it.
'use strict';

const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const readline = require('readline');
const lunr = require('lunr');

// Normalization and runs as Gazette's tokenizer (docs/search-index.md), so both tools see the same terms.
function normalize(text) {
  let out = '';
  for (const ch of text) {
    let c = ch.codePointAt(0);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    if (c >= 0x41 && c <= 0x5a) c += 32;
    out += String.fromCodePoint(c);
  }
  return out;
}

function isHan(c) {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x3134f) || c === 0x3007;
}

function isWord(c) {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

// Overlapping bigrams of every Han run (the character itself for a run of one), and each Latin/digit word.
function terms(text) {
  const result = [];
  let run = [];
  let han = false;
  const flush = () => {
    if (run.length === 0) return;
    if (!han) result.push(run.join('').slice(0, 32));
    else if (run.length === 1) result.push(run[0]);
    else for (let i = 0; i + 1 < run.length; i++) result.push(run[i] + run[i + 1]);
    run = [];
  };
  for (const ch of normalize(text)) {
    const c = ch.codePointAt(0);
    const h = isHan(c);
    const w = !h && isWord(c);
    if (!h && !w) { flush(); continue; }
    if (run.length > 0 && h !== han) flush();
    han = h;
    run.push(ch);
  }
  flush();
  return result;
}

function bigramTokenizer(obj, metadata) {
  if (obj === null || obj === undefined) return [];
  if (Array.isArray(obj)) return obj.flatMap((o) => bigramTokenizer(o, metadata));
  return terms(String(obj)).map((t, i) => new lunr.Token(t, Object.assign({}, metadata || {}, { index: i })));
}

async function readDocuments(file) {
  const docs = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim().length > 0) docs.push(JSON.parse(line));
  }
  return docs;
}

function mb(bytes) { return Math.round(bytes / 1048576); }

async function main() {
  const [input, queriesFile, outFile, indexOut] = process.argv.slice(2);
  const result = { tool: 'lunr', version: lunr.version, phase: 'reading' };
  const write = () => fs.writeFileSync(outFile, JSON.stringify(result));
  try {
    const docs = await readDocuments(input);
    result.documents = docs.length;
    result.phase = 'building';
    write();
    const t0 = process.hrtime.bigint();
    const index = lunr(function () {
      this.tokenizer = bigramTokenizer;
      this.pipeline.reset(); // lunr's stemmer and stop words are English
      this.searchPipeline.reset();
      this.ref('ref');
      this.field('title', { boost: 10 });
      this.field('text');
      for (const d of docs) this.add(d);
    });
    result.buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
    result.heapAfterBuildMb = mb(process.memoryUsage().heapUsed);
    result.phase = 'serializing';
    write();
    docs.length = 0;
    const t1 = process.hrtime.bigint();
    const json = JSON.stringify(index);
    result.serializeMs = Number(process.hrtime.bigint() - t1) / 1e6;
    const raw = Buffer.from(json, 'utf8');
    result.indexBytes = raw.length;
    result.indexGzipBytes = zlib.gzipSync(raw, { level: 9 }).length;
    const lunrJs = fs.readFileSync(path.join(path.dirname(require.resolve('lunr')), 'lunr.min.js'));
    result.scriptBytes = lunrJs.length;
    result.scriptGzipBytes = zlib.gzipSync(lunrJs, { level: 9 }).length;
    if (indexOut) fs.writeFileSync(indexOut, raw);
    result.phase = 'loading';
    write();

    // What a browser does after downloading the index: parse it and load it.
    const t2 = process.hrtime.bigint();
    const loaded = lunr.Index.load(JSON.parse(json));
    result.loadMs = Number(process.hrtime.bigint() - t2) / 1e6;
    result.phase = 'querying';
    const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
    result.queries = [];
    for (const q of queries) {
      const qt = terms(q.q);
      const t = process.hrtime.bigint();
      let hits = [];
      if (qt.length > 0) {
        hits = loaded.query((query) => {
          for (const term of qt) {
            // A lone Han character is not a term of a bigram index: match the bigrams it starts.
            const single = [...term].length === 1 && isHan(term.codePointAt(0));
            query.term(term, {
              presence: lunr.Query.presence.REQUIRED,
              usePipeline: false,
              wildcard: single ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
            });
          }
        });
      }
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      const refs = hits.map((h) => h.ref);
      const entry = { id: q.id, count: refs.length, ms };
      if (q.expect) {
        const rank = refs.indexOf(q.expect);
        entry.rank = rank < 0 ? null : rank + 1;
      }
      if (q.wantAll) entry.refs = refs;
      result.queries.push(entry);
    }
    result.phase = 'done';
    write();
  } catch (e) {
    result.error = String(e && e.stack ? e.stack.split('\n')[0] : e);
    write();
    process.exitCode = 3;
  }
}

main();
