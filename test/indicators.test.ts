import { describe, expect, it } from 'vitest';
import { IndicatorSet } from '../src/ingest/indicators.js';

describe('indicators', () => {
  it('keeps only values that are what they claim to be', () => {
    const set = new IndicatorSet()
      .ip('203.0.113.7')
      .ip('AWS Internal')
      .host('ec2.amazonaws.com')
      .hash('D41D8CD98F00B204E9800998ECF8427E')
      .hash('xyz')
      .email('Alice@Example.COM');
    expect(set.list).toEqual([
      { type: 'ip', value: '203.0.113.7' },
      { type: 'domain', value: 'ec2.amazonaws.com' },
      { type: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e' },
      { type: 'email', value: 'alice@example.com' },
    ]);
  });

  it('stores a URL as the parser writes it back, so smuggled line breaks and markup are gone', () => {
    const set = new IndicatorSet().url('http://evil.example/\n<!channel> \u202eexe.pdf');
    expect(set.list).toEqual([
      { type: 'url', value: 'http://evil.example/%3C!channel%3E%20%E2%80%AEexe.pdf' },
      { type: 'domain', value: 'evil.example' },
    ]);
  });

  it('drops a URL or an e-mail address that would still ping or hide something when shown', () => {
    expect(new IndicatorSet().url('http://evil.example/@here').list).toEqual([]);
    expect(new IndicatorSet().email('a\u202e\u0007@xy.example').list).toEqual([]);
  });

  it('records each indicator once and at most 256 of them', () => {
    const set = new IndicatorSet();
    for (let i = 0; i < 300; i++) set.ip(`10.0.${i >> 8}.${i & 255}`).ip('10.0.0.0');
    expect(set.list).toHaveLength(256);
    expect(set.list.filter((i) => i.value === '10.0.0.0')).toHaveLength(1);
  });
});
