// `npm run bench`: every benchmark, each reported as a ratio against a baseline measured in the same run.

import { benchNormalize } from './normalize.js';

const results = [benchNormalize()];
for (const result of results) console.log(result.lines.join('\n'));
const missed = results.filter((r) => r.ratio < r.target);
console.log(
  missed.length
    ? `\nbelow target: ${missed.map((r) => r.name).join(', ')}`
    : '\nall benchmarks meet their targets',
);
