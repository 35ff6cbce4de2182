// Every source irac understands, in the order detection tries them: specific shapes first, the
// generic SecurityEvent shape last. Adding a source is adding its module here.

import { UsageError } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { Vendor } from '../types.js';
import type { Normalizer } from './normalizer.js';
import { cloudtrail } from './normalizers/cloudtrail.js';
import { datadog } from './normalizers/datadog.js';
import { elastic } from './normalizers/elastic.js';
import { falco } from './normalizers/falco.js';
import { generic } from './normalizers/generic.js';
import { guardduty } from './normalizers/guardduty.js';
import { ocsf } from './normalizers/ocsf.js';
import { securityhub } from './normalizers/securityhub.js';
import { sentinel } from './normalizers/sentinel.js';
import { splunk } from './normalizers/splunk.js';

export const NORMALIZERS: readonly Normalizer[] = [
  guardduty,
  securityhub,
  cloudtrail,
  ocsf,
  falco,
  splunk,
  elastic,
  datadog,
  sentinel,
  generic,
];

export const SOURCE_NAMES: readonly Vendor[] = NORMALIZERS.map((n) => n.vendor);

export function isSourceName(name: string): name is Vendor {
  return (SOURCE_NAMES as readonly string[]).includes(name);
}

export function normalizerNamed(name: string): Normalizer {
  const found = NORMALIZERS.find((n) => n.vendor === name);
  if (!found) throw new UsageError(`unknown source "${name}"; known sources: ${SOURCE_NAMES.join(', ')}`);
  return found;
}

export function detectNormalizer(payload: JsonObject): Normalizer | undefined {
  return NORMALIZERS.find((n) => n.detect(payload));
}
