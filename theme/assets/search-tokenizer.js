/* Gazette search tokenizer and query parser (docs/search-index.md), identical in behaviour to
   src/Gazette/Search/Tokenizer.cs and SearchQuery.cs; tests/vectors/tokenizer.json is checked against both.
   window.GazetteTokenizer in a browser, module.exports under Node. */
(function (root) {
  'use strict';

  const NUMBER_IGNORED = new Set('〔〕[]【】()（）〖〗﹝﹞{}<>《》〈〉「」『』"\'“”‘’ \t号');
  const QUOTES = { '"': '"', '“': '”', '「': '」' };

  /* Code point by code point: full-width ASCII to half-width, ideographic space to space, A–Z to a–z (a lone surrogate
     becomes U+FFFD, as .NET reads it). The UTF-16 length does not change. */
  const CHANGES = /[A-Z\u3000\uD800-\uDFFF\uFF01-\uFF5E]/; /* what normalize changes; most text has none of it */
  function normalize(text) {
    if (!CHANGES.test(text)) { return text; }
    let out = '';
    for (const ch of text) {
      let c = ch.codePointAt(0);
      if (c >= 0xD800 && c <= 0xDFFF) { c = 0xFFFD; } else if (c >= 0xFF01 && c <= 0xFF5E) { c -= 0xFEE0; } else if (c === 0x3000) { c = 32; }
      out += String.fromCodePoint(c >= 65 && c <= 90 ? c + 32 : c);
    }
    return out;
  }

  const isHan = (c) => (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
    (c >= 0x20000 && c <= 0x3134F) || c === 0x3007;
  const isWord = (c) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

  /* Maximal runs of Han code points, or of word code points: [{han, chars}]. */
  function runs(text) {
    const list = [];
    let run = null;
    for (const ch of normalize(text)) {
      const c = ch.codePointAt(0);
      const han = isHan(c) ? true : isWord(c) ? false : null;
      if (han === null) { run = null; continue; }
      if (!run || run.han !== han) { list.push(run = { han, chars: [] }); }
      run.chars.push(ch);
    }
    return list;
  }

  /* The terms of text, each once, in order of first appearance: for a Han run every code point and overlapping pair
     (index), or the pairs and a lone code point alone (query); for a word run its first 32 characters. */
  function terms(text, index) {
    const result = new Set();
    for (const { han, chars } of runs(text)) {
      if (!han) { result.add(chars.join('').slice(0, 32)); continue; }
      for (let i = 0; i < chars.length; i++) {
        if (index || chars.length === 1) { result.add(chars[i]); }
        if (i + 1 < chars.length) { result.add(chars[i] + chars[i + 1]); }
      }
    }
    return Array.from(result);
  }

  /* 铜府办发〔2019〕16号, 铜府办发[2019]16, 铜府办发（２０１９）１６号 → 铜府办发201916. */
  const documentNumberKey = (number) => Array.from(normalize(number)).filter((ch) => !NUMBER_IGNORED.has(ch)).join('');

  const looksLikeDocumentNumber = (query) => {
    const cs = Array.from(normalize(query), (ch) => ch.codePointAt(0));
    return cs.some(isHan) && cs.some((c) => c >= 48 && c <= 57);
  };

  /* Clauses: quoted phrases ("…", “…”, 「…」) and the white-space separated words of the rest; those without terms are
     dropped. terms: the distinct terms of all clauses, in order. */
  function parseQuery(text) {
    let clauses = [];
    let rest = '';
    const words = () => {
      for (const w of normalize(rest).split(/\s+/)) { if (w) { clauses.push({ text: w, phrase: false }); } }
      rest = '';
    };
    for (let i = 0; i < text.length; i++) {
      const close = Object.prototype.hasOwnProperty.call(QUOTES, text[i]) ? text.indexOf(QUOTES[text[i]], i + 1) : -1;
      if (close > i) {
        words();
        const phrase = text.slice(i + 1, close).trim();
        if (phrase) { clauses.push({ text: phrase, phrase: true }); }
        i = close;
      } else {
        rest += text[i];
      }
    }
    words();
    clauses = clauses.filter((c) => (c.terms = terms(c.text, false)).length);
    return { text, clauses, terms: Array.from(new Set([].concat(...clauses.map((c) => c.terms)))) };
  }

  const api = {
    normalize, isHan, documentNumberKey, looksLikeDocumentNumber, parseQuery,
    runs: (text) => runs(text).map((r) => r.chars.join('')),
    indexTerms: (text) => terms(text, true),
    queryTerms: (text) => terms(text, false),
  };
  if (typeof module !== 'undefined' && module.exports) { module.exports = api; } else { root.GazetteTokenizer = api; }
}(this));
