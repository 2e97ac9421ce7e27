import { test } from 'node:test'
import assert from 'node:assert/strict'
import { escapeLike, escapeRegex, nameQuery } from './name-query.ts'

test('the text is lower-cased and its spaces collapsed; each word becomes a substring pattern', () => {
  assert.deepEqual(nameQuery('  Amoxicillin   500 MG '), {
    text: 'amoxicillin 500 mg',
    prefix: 'amoxicillin 500 mg%',
    words: [
      { op: 'like', pattern: '%amoxicillin%' },
      { op: 'like', pattern: '%500%' },
      { op: 'regex', pattern: '\\mmg' },
    ],
    fuzzy: true,
  })
})

test('short queries match word starts and are not fuzzy', () => {
  const q = nameQuery('Am')!
  assert.deepEqual(q.words, [{ op: 'regex', pattern: '\\mam' }])
  assert.equal(q.fuzzy, false)
})

test('wildcards in user text are matched literally', () => {
  assert.equal(escapeLike('50%_off\\'), '50\\%\\_off\\\\')
  assert.equal(escapeRegex('b-12 (1.5)'), 'b\\-12 \\(1\\.5\\)')
  assert.equal(nameQuery('100%')!.prefix, '100\\%%')
})

test('blank text is no query; repeated words count once and at most eight are used', () => {
  assert.equal(nameQuery('   '), null)
  assert.equal(nameQuery('aspirin aspirin')!.words.length, 1)
  assert.equal(nameQuery('a b c d e f g h i j')!.words.length, 8)
})
