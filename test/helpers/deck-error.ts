// The DeckError a function throws; the test fails if it throws nothing or something else.
import { expect } from 'vitest';
import { DeckError } from '../../src/model/deck-error.js';

export function deckErrorOf(fn: () => unknown): DeckError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DeckError);
    return e as DeckError;
  }
  throw new Error('expected a DeckError, nothing was thrown');
}
