// Every source irac understands, in the order detection tries them. SIEM alerts come first: a Splunk
// notable or an Elastic alert often carries the raw event's fields at its top level (eventName,
// rule/priority), and must still be read as the SIEM's alert, with the SIEM's severity. Raw vendor
// shapes next, the generic SecurityEvent shape last. Adding a source is adding its module here.

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
  elastic,
  splunk,
  sentinel,
  datadog,
  guardduty,
  securityhub,
  cloudtrail,
  ocsf,
  falco,
  generic,
];

/** The source names, alphabetical, as users see them listed. */
export const SOURCE_NAMES: readonly Vendor[] = NORMALIZERS.map((n) => n.vendor).sort();

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
