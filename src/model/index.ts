// Public types of the deck model.
export type * from './deck.js';
export { DeckError, ERROR_EXIT_CODES, type ErrorCode } from './deck-error.js';
