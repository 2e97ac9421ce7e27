import { test } from 'node:test'
import assert from 'node:assert/strict'
import { baseIngredient, ingredientKeys } from './ingredient.ts'

test('salt and hydrate words are stripped to the base name', () => {
  assert.equal(baseIngredient('Sertraline Hydrochloride'), 'sertraline')
  assert.equal(baseIngredient('sertraline HCl'), 'sertraline')
  assert.equal(baseIngredient('warfarin sodium'), 'warfarin')
  assert.equal(baseIngredient('atorvastatin calcium trihydrate'), 'atorvastatin')
  assert.equal(baseIngredient('doxycycline hyclate'), 'doxycycline')
  assert.equal(baseIngredient('  Fluticasone   Propionate '), 'fluticasone')
  assert.equal(baseIngredient('lithium carbonate'), 'lithium')
})

test('a name made only of salt words is kept whole', () => {
  assert.equal(baseIngredient('potassium chloride'), 'potassium chloride')
  assert.equal(baseIngredient('sodium chloride'), 'sodium chloride')
})

test('a plain name is only lower-cased', () => {
  assert.equal(baseIngredient('Amoxicillin'), 'amoxicillin')
  assert.equal(baseIngredient('bismuth subsalicylate'), 'bismuth subsalicylate')
})

test('lookup keys hold the name as written, its base, and an active mineral', () => {
  assert.deepEqual(ingredientKeys('Sertraline Hydrochloride'), ['sertraline hydrochloride', 'sertraline'])
  assert.deepEqual(ingredientKeys('sertraline'), ['sertraline'])
  assert.deepEqual(ingredientKeys('potassium chloride'), ['potassium chloride', 'potassium'])
  assert.deepEqual(ingredientKeys('calcium acetate'), ['calcium acetate', 'calcium'])
  assert.deepEqual(ingredientKeys(''), [])
})
