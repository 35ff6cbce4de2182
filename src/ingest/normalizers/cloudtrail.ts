// PLACEHOLDER (being written): replaced by the real normalizer before this lands.
import type { Normalizer } from '../normalizer.js';

export const cloudtrail: Normalizer = {
  vendor: 'cloudtrail',
  accepts: 'not yet',
  detect: () => false,
  normalize: (reader) => reader.fail([], 'not implemented yet'),
};
