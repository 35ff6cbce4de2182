// Validators for the files enrichment reads (assets/*.yaml, intel/*.yaml) and for what an HTTP asset
// registry answers, compiled ahead of time. Errors come back as sentences at the place to fix: a file's
// line and column, or the path inside an answer.

import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { LocatedYaml } from '../../config/located-yaml.js';
import { schemaProblem } from '../../config/schema-problems.js';
import { InputError } from '../../errors.js';
import * as readable from '../../generated/readable-validators.js';
import type { AssetRegistryAnswer, AssetRegistryFile, IntelFeedFile } from './schema-types.js';

// Compiled ahead of time with every error, each with the schema it broke (see src/validation.ts).
export const assetFileValidator = () => readable.assetFile as unknown as ValidateFunction<AssetRegistryFile>;
export const assetAnswerValidator = () =>
  readable.assetAnswer as unknown as ValidateFunction<AssetRegistryAnswer>;
export const intelFeedValidator = () => readable.intelFeed as unknown as ValidateFunction<IntelFeedFile>;

const PHRASES = {
  assetId: 'an id of letters, digits and . _ : / - (at most 128 characters)',
  tag: 'a word of letters, digits and . _ - (at most 64 characters)',
  pattern: 'a pattern without control characters (at most 512 characters)',
  text: 'text without control characters (at most 512 characters)',
  note: 'text without control characters (at most 512 characters)',
  value: 'an indicator without spaces or control characters',
  type: 'a resource type like "aws.ec2.instance" or "k8s.*"',
};

/**
 * The YAML document checked against `validate`: the value, typed, or an InputError at the first
 * problem in file order (`assets/aws.yaml:12:7: assets[3].criticality must be at most 1, not 7`).
 */
export function validatedYaml<T>(yaml: LocatedYaml, validate: ValidateFunction<T>, root: string): T {
  if (validate(yaml.value)) return yaml.value;
  const problems = (validate.errors ?? [])
    .flatMap((error) => schemaProblem(error, PHRASES, root) ?? [])
    .map((problem) => ({ at: yaml.locate(problem.path, problem.key), what: problem.what }))
    .sort((a, b) => a.at.offset - b.at.offset);
  const first = problems[0];
  if (!first) throw new Error('the schema refused the file without saying why');
  throw new InputError(first.at.where, first.what);
}

/** The first problem with an answer, as a sentence: `assets[0].criticality must be at most 1, not 7`. */
export function answerProblem(validate: ValidateFunction): string {
  for (const error of validate.errors ?? []) {
    const problem = schemaProblem(error, PHRASES, 'the answer');
    if (problem) return problem.what;
  }
  return 'the answer does not fit the contract';
}
