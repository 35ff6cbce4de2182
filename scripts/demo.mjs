// `npm run demo` (also `npm run triage:simulate -- --dry-run`, the seed's Quick Start name for it): irac,
// freshly built, runs `irac simulate` — a fork of this template in a scratch directory with its own bare
// origin, the team's first pull request committed to it, and four scenarios (crypto-mining on a production
// instance, an access key made from a Tor exit, a shell in a container, a suppressed pentest scan) pushed
// through the whole pipeline against a simulated AWS account, Slack and GitHub on loopback. It touches no
// cloud, no GitHub and nothing of yours, so `--dry-run` is accepted and changes nothing; `--keep` keeps
// the scratch fork to look around in. The exit code says whether every expected outcome happened.
import { run } from '../lib/src/cli/main.js';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--dry-run' && arg !== '--keep');
if (unknown.length > 0) {
  console.error(`demo: unknown argument ${unknown[0]} (the demo takes --dry-run and --keep)`);
  process.exit(2);
}

process.exitCode = await run(['simulate', ...(args.includes('--keep') ? ['--keep'] : [])]);
