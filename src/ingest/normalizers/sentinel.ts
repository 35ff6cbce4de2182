// PLACEHOLDER (being written): replaced by the real normalizer before this lands.
import type { Normalizer } from '../normalizer.js';

export const sentinel: Normalizer = {
  vendor: 'sentinel',
  accepts: 'not yet',
  detect: () => false,
  normalize: (reader) => reader.fail([], 'not implemented yet'),
};
