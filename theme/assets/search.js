/* Gazette search client (docs/search-index.md): fetches only the index files a query needs. The query engine is
   exported under Node for tests/js/; in a browser the rest drives the search page, whose state lives in the URL.
   Results are built as DOM nodes, never from HTML strings. Needs search-tokenizer.js first. */
(function () {
  'use strict';

  const NODE = typeof module !== 'undefined' && module.exports;
  const T = NODE ? require('./search-tokenizer.js') : window.GazetteTokenizer;
  const PER_PAGE = 10;
  const MAX_TEXTS = 30; /* text files a phrase search may fetch to check candidates, beyond those already fetched */
  const FACETS = ['organ', 'topic', 'genre', 'year', 'validity', 'issue'];
  const FILTERS = FACETS.concat('from', 'to');
  const KEYS = ['q'].concat(FILTERS, 'sort', 'page');
  const utf8 = new TextEncoder();
  const decoder = new TextDecoder();

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

  /* The posting at b[at.i]: {ids} (ascending), or {ext: hash} when it is in postings/<hash>.bin. skip: only move past it. */
  function posting(b, at, skip) {
    const kind = b[at.i++];
    const n = varint(b, at);
    const ids = [];
    if (kind === 2) { at.i += 5; return { ext: hex(b, at.i - 5), count: n }; }
    if (kind === 0) {
      for (let i = 0; i < n; i++) { const d = varint(b, at); if (!skip) { ids.push(i ? ids[i - 1] + d : d); } }
    } else if (kind === 1) {
      for (let i = 0; i < n && !skip; i++) {
        for (let bit = 0, x = b[at.i + i]; x; bit++, x >>= 1) { if (x & 1) { ids.push(i * 8 + bit); } }
      }
      at.i += n;
    } else {
      throw new Error('posting kind ' + kind);
    }
    return { ids };
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

  const ascending = (a, b) => a - b;
  const intersect = (a, b) => { const set = new Set(b); return a.filter((x) => set.has(x)); };
  const union = (a, b) => Array.from(new Set(a.concat(b))).sort(ascending);

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

  /* load(path, plain) → Promise of a file's bytes (path relative to search/), inflated unless plain (the manifest). */
  function Searcher(load) {
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
    const textPath = (d) => 'text/' + d.x + '.txt';
    const text = async (d) => decoder.decode(await bytes(textPath(d)));

    const dirPage = (table, i) => bytes(table.pages[Math.floor(i / table.pageSize)]);
    async function entry(table, i) {
      return hex(await dirPage(table, i), (i % table.pageSize) * table.hashBytes, table.hashBytes);
    }
    const ids = async (p) => p.ids || posting(await bytes('postings/' + p.ext + '.bin'), { i: 0 }).ids;

    async function lookup(term, withTitle) {
      const t = (await manifest()).terms;
      const c = fnv1a(utf8.encode(term)) % t.count;
      const found = findTerm(await bytes('terms/' + c + '.' + await entry(t, c) + '.bin'), term);
      if (!found) { return { all: [], title: [] }; }
      const [all, title] = await Promise.all([ids(found.all), withTitle ? ids(found.title) : []]);
      return { all, title };
    }

    async function meta(id) {
      const m = (await manifest()).meta;
      const s = Math.floor(id / m.shardSize);
      return (await json('meta/' + s + '.' + await entry(m, s) + '.json'))[id % m.shardSize];
    }

    const facet = (name) => once('facet:' + name, async () => {
      const file = (await manifest()).facets[name];
      const f = file ? await json(file) : { values: [] };
      for (const v of f.values) { v.ids = undelta(v.docs); }
      return f;
    });
    const days = () => once('days', async () => undelta((await json((await manifest()).dates)).days));

    /* Whether d has every phrase. Its title and number (and, for a phrase without spaces or ellipsis, its snippet) are lines
       of its searchable text, so the text is fetched only when they lack a phrase. false, true, or a snippet from the text. */
    async function hasPhrases(d, phrases, fetching) {
      const quick = T.normalize(d.t + '\n' + (d.n || ''));
      const snippet = T.normalize(d.s || '');
      const rest = phrases.filter((p) => !quick.includes(p) && !(/^[^\s…]+$/.test(p) && snippet.includes(p)));
      if (!rest.length) { return true; }
      if (!cache.has(textPath(d))) { fetching(); }
      const full = await text(d);
      const normalized = T.normalize(full);
      if (!rest.every((p) => normalized.includes(p))) { return false; }
      return snippet.includes(rest[0]) || cut(full, normalized.indexOf(rest[0]));
    }

    /* A snippet of d's text around the first needle found after its title and number lines, or ''. */
    async function context(d, needles) {
      const full = await text(d);
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
      const titleHits = new Map();
      let base;
      if (state.q) {
        /* The newest documents' metadata directory, fetched meanwhile: results are often among them. */
        if (n) { dirPage((await manifest()).meta, 0).catch(() => {}); }
        const key = T.looksLikeDocumentNumber(state.q) ? T.documentNumberKey(state.q) : '';
        const lookups = query.terms.map((t) => lookup(t, !byDate));
        if (key) { lookups.push(lookup('#' + key, false)); }
        const found = await Promise.all(lookups);
        if (key) { found.pop().all.forEach((id) => number.add(id)); }
        base = null;
        for (const f of found) {
          base = base ? intersect(base, f.all) : f.all;
          for (const id of f.title) { titleHits.set(id, (titleHits.get(id) || 0) + 1); }
        }
        base = number.size ? union(base || [], Array.from(number)) : base || [];
      } else {
        base = Array.from({ length: n }, (_, i) => i);
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

      const results = base.filter((id) => filters.every((f) => f.mask[id]));
      if (state.q && !byDate) {
        results.sort((a, b) => (number.has(b) - number.has(a)) || ((titleHits.get(b) || 0) - (titleHits.get(a) || 0)) || a - b);
      }

      /* A phrase that is a single term (one character, a pair, a word) is in every document its posting names. */
      const phrases = query.clauses.map((c) => T.normalize(c.text)).filter((p, i) => query.clauses[i].phrase && query.clauses[i].terms.join() !== p);
      const start = (Math.max(1, state.page || 1) - 1) * PER_PAGE;
      const failed = new Set();
      const metas = new Map();
      const cuts = new Map();
      let shown = noPage ? [] : results.slice(start, start + PER_PAGE);
      let exact = true;
      if (phrases.length) {
        /* Candidates are checked in result order until the page is full (or MAX_TEXTS texts were fetched); the count is
           exact once all are checked. */
        const ok = [];
        let next = 0;
        let fetched = 0;
        while (ok.length < start + PER_PAGE && next < results.length && fetched < MAX_TEXTS) {
          const batch = results.slice(next, next + Math.min(20, start + PER_PAGE - ok.length));
          next += batch.length;
          const checks = await Promise.all(batch.map(async (id) => {
            const d = await meta(id);
            metas.set(id, d);
            return number.has(id) || hasPhrases(d, phrases, () => fetched++);
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
          for (const id of base) { pass[id] = !failed.has(id) && others.every((x) => x.mask[id]) ? 1 : 0; }
          return f.values.map((v) => ({ id: v.id, label: v.label, count: v.ids.reduce((c, id) => c + pass[id], 0) }));
        },
      };
    }

    return { run, context, lookup, meta };
  }

  const api = { varint, posting, fnv1a, findTerm, intersect, union, undelta, dayNumber, ranges, parseState, stateQuery, Searcher };
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
      if (plain || b[0] !== 0x1f || b[1] !== 0x8b) { return b; }
      return new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer().then((x) => new Uint8Array(x));
    });
  }

  const searcher = Searcher(load);

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
      li.later = () => searcher.context(d, r.anchors).then((s) => {
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
