// The ways a command fails. Each is caught once, at the door (cli/, action/), and turned into
// an exit code with one line on stderr. Anything else escaping is a bug and is reported as one.

/** Rejected input: a payload, file, playbook or config that cannot be accepted. Exit code 1. */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** Where the problem is, e.g. `events.ndjson:12: $.detail.severity`. */
  readonly where: string;
  /** What is wrong, one sentence. */
  readonly what: string;

  constructor(where: string, what: string) {
    super(where ? `${where}: ${what}` : what);
    this.where = where;
    this.what = what;
  }
}

/** The command line itself is wrong (unknown option, missing argument). Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * A command that could not finish although its input was fine: the remote refused a push, retries ran
 * out, `irac verify` found problems. Exit code 1, with the message as the one line.
 */
export class OperationError extends Error {
  override readonly name = 'OperationError';
}
