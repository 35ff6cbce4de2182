// PLACEHOLDER (being written): replaced by the real normalizer before this lands.
import type { Normalizer } from '../normalizer.js';

export const splunk: Normalizer = {
  vendor: 'splunk',
  accepts: 'not yet',
  detect: () => false,
  normalize: (reader) => reader.fail([], 'not implemented yet'),
};
