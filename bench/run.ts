// `npm run bench`: every benchmark, each reported as a ratio against a baseline measured in the same run.
// The store's come first: normalize's hundreds of MB of heap would slow down every git process the
// store's ingests fork.

import { benchAction } from './action.js';
import { type BenchResult, meetsTarget } from './helpers.js';
import { benchNormalize } from './normalize.js';
import { benchPipeline } from './pipeline.js';
import { benchReplay } from './replay.js';
import { benchStore } from './store.js';

const results: BenchResult[] = [];
function report(result: BenchResult): void {
  results.push(result);
  console.log(result.lines.join('\n'));
}

for await (const result of benchStore()) report(result);
for await (const result of benchPipeline()) report(result);
report(await benchAction());
report({ ...(await benchNormalize()), better: 'higher' });
report({ ...(await benchReplay()), better: 'higher' });

const missed = results.filter((result) => !meetsTarget(result));
console.log(
  missed.length
    ? `\nmissed target: ${missed.map((result) => result.name).join(', ')}`
    : '\nall benchmarks meet their targets',
);
