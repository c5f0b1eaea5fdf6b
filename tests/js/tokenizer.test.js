// The JavaScript tokenizer against the shared vectors (tests/vectors/tokenizer.json), which the C# suite checks too.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const T = require('../../theme/assets/search-tokenizer.js');

const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'vectors', 'tokenizer.json'), 'utf8'));

test('the vector file has the cases the issue names', () => {
  assert.ok(vectors.length >= 25);
  for (const input of ['乡村振兴', 'PPP项目', '2019年', '铜府办发[2019]16号', '铜府办发【2019】16号', '铜府办发(2019)16号', '铜府办发（２０１９）１６号']) {
    assert.ok(vectors.some((v) => v.input === input), input);
  }
});

for (const v of vectors) {
  test(`vector ${JSON.stringify(v.input)}`, () => {
    assert.equal(T.normalize(v.input), v.normalized, 'normalized');
    assert.deepEqual(T.queryTerms(v.input), v.query, 'query terms');
    assert.deepEqual(T.indexTerms(v.input), v.index, 'index terms');
    assert.equal(T.documentNumberKey(v.input), v.document_number, 'document number key');
    assert.equal(T.looksLikeDocumentNumber(v.input), v.looks_like_document_number, 'looks like a document number');
  });
}

test('supplementary-plane Han characters are one code point each', () => {
  assert.deepEqual(T.queryTerms('𠀀'), ['𠀀']);
  assert.deepEqual(T.queryTerms('𠀀𠀁'), ['𠀀𠀁']);
  assert.deepEqual(T.indexTerms('𠀀𠀁'), ['𠀀', '𠀀𠀁', '𠀁']);
  assert.equal(T.isHan('𫠠'.codePointAt(0)), true);
});

test('normalization keeps the UTF-16 length, so positions in normalized text are positions in the original', () => {
  const s = 'ＡＢＣ　铜府办发（２０１９）１６号𠀀';
  assert.equal(T.normalize(s).length, s.length);
});

test('full-width and half-width numbers give the same key', () => {
  const keys = ['铜府办发〔2019〕16号', '铜府办发[2019]16', '铜府办发【2019】16号', '铜府办发(２０１９)１６号', '铜府办发 （2019） 16 号']
    .map(T.documentNumberKey);
  assert.deepEqual(new Set(keys), new Set(['铜府办发201916']));
});

const clauses = (q) => T.parseQuery(q).clauses.map((c) => [c.text, c.phrase]);

test('the query is split on white space into clauses', () => {
  assert.deepEqual(clauses('乡村振兴  PPP项目\u3000２０１９年'), [['乡村振兴', false], ['ppp项目', false], ['2019年', false]]);
  assert.deepEqual(T.parseQuery('乡村振兴 PPP项目').terms, ['乡村', '村振', '振兴', 'ppp', '项目']);
});

test('text in straight, curly or corner quotes is a phrase', () => {
  assert.deepEqual(clauses('"政务 公开" 通知'), [['政务 公开', true], ['通知', false]]);
  assert.deepEqual(clauses('“放管服”改革'), [['放管服', true], ['改革', false]]);
  assert.deepEqual(clauses('聊城「新旧动能」'), [['聊城', false], ['新旧动能', true]]);
  assert.deepEqual(clauses('a“b” c'), [['a', false], ['b', true], ['c', false]]);
});

test('an unclosed quote is part of the words; empty and term-less clauses are dropped', () => {
  assert.deepEqual(clauses('"乡村振兴'), [['"乡村振兴', false]]);
  assert.deepEqual(clauses('"" “ ” 「」 , 乡村'), [['乡村', false]]);
  assert.deepEqual(T.parseQuery('   ').clauses, []);
  assert.deepEqual(T.parseQuery('“政务公开” 政务').terms, ['政务', '务公', '公开']);
});

test('a phrase keeps its text as written (normalized when checked)', () => {
  const [c] = T.parseQuery('“ＰＰＰ项目”').clauses;
  assert.equal(c.text, 'ＰＰＰ项目');
  assert.deepEqual(c.terms, ['ppp', '项目']);
});

test('runs are the maximal stretches of Han characters or of letters and digits, normalized', () => {
  assert.deepEqual(T.runs('ＰＰＰ项目，2019年 e-mail 𠀀字'), ['ppp', '项目', '2019', '年', 'e', 'mail', '𠀀字']);
  assert.deepEqual(T.runs('  ，。'), []);
});
