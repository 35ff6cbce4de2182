// Observables collected from a payload for threat-intel enrichment. Normalizers offer candidates;
// only values that really are IPs, domains, hashes, URLs or e-mail addresses are kept (CloudTrail's
// sourceIPAddress is often "AWS Internal" or a service host name, Falco's fields are free text).

import { isIP } from 'node:net';
import type { Indicator } from '../types.js';
import { displayText } from './display.js';

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const HEX = /^[0-9a-f]+$/;
const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,255}$/;
const MAX_INDICATORS = 256;

/** Indicators end up in Slack and tickets too: one that display neutralization would change is not kept. */
function isShowable(text: string): boolean {
  return text.length <= 2048 && displayText(text, 2048) === text;
}

export class IndicatorSet {
  readonly list: Indicator[] = [];

  private add(type: Indicator['type'], value: string): void {
    // A scan, not a Set: events carry a handful of indicators, and this runs for every event.
    if (this.list.length >= MAX_INDICATORS || this.list.some((i) => i.value === value && i.type === type))
      return;
    this.list.push({ type, value });
  }

  ip(value: string | undefined): this {
    const text = value?.trim();
    if (text && isIP(text)) this.add('ip', text);
    return this;
  }

  domain(value: string | undefined): this {
    const text = value?.trim().toLowerCase().replace(/\.$/, '');
    if (text && DOMAIN.test(text) && !isIP(text)) this.add('domain', text);
    return this;
  }

  /** An IP or a host name, whichever the value is. */
  host(value: string | undefined): this {
    const text = value?.trim();
    if (text && isIP(text)) return this.ip(text);
    return this.domain(text);
  }

  /** Kept as the parser writes it back (controls stripped, the rest percent-encoded), if that is safe to show. */
  url(value: string | undefined): this {
    const text = value?.trim();
    if (!text || text.length > 2048 || !URL.canParse(text)) return this;
    const url = new URL(text);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && isShowable(url.href)) {
      this.add('url', url.href);
      this.host(url.hostname.replace(/^\[|\]$/g, ''));
    }
    return this;
  }

  /** md5, sha1 or sha256, told apart by length. */
  hash(value: string | undefined): this {
    const text = value?.trim().toLowerCase();
    if (!text || !HEX.test(text)) return this;
    if (text.length === 32) this.add('md5', text);
    else if (text.length === 40) this.add('sha1', text);
    else if (text.length === 64) this.add('sha256', text);
    return this;
  }

  email(value: string | undefined): this {
    const text = value?.trim().toLowerCase();
    if (text && EMAIL.test(text) && isShowable(text)) this.add('email', text);
    return this;
  }
}
