/**
 * A random value of each string `format`, valid by ajv-formats' checks (and by the RFCs the
 * IDN/IRI formats point to). Pure (given the random source).
 */
import type { RandomSource } from './randomFromRegex';

const two = (n: number) => String(n).padStart(2, '0');

function hex(rng: RandomSource, digits: number): string {
  let out = '';
  for (let i = 0; i < digits; i++) out += Math.floor(rng.next() * 16).toString(16);
  return out;
}

const int = (rng: RandomSource, min: number, max: number) => min + Math.floor(rng.next() * (max - min + 1));

/** A random version-4 UUID from the source. */
export function randomUuid(rng: RandomSource): string {
  const variant = (8 + Math.floor(rng.next() * 4)).toString(16);
  return `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${variant}${hex(rng, 3)}-${hex(rng, 12)}`;
}

/** An ISO 8601 date-time within a day before `clock` (epoch ms), in whole seconds. */
function dateTime(rng: RandomSource, clock: number): string {
  const at = Math.floor(clock / 1000) * 1000 - int(rng, 0, 86_400) * 1000;
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const NAMES = ['ada', 'alan', 'grace', 'edsger', 'barbara', 'ken', 'margaret', 'linus'];

/** A value of `format`, or undefined for a format that constrains nothing or is unknown. */
export function formatValue(format: string, rng: RandomSource, clock: number): string | undefined {
  const n = int(rng, 1, 99);
  const name = NAMES[int(rng, 0, NAMES.length - 1)]!;
  switch (format) {
    case 'date-time': return dateTime(rng, clock);
    case 'date': return dateTime(rng, clock).slice(0, 10);
    case 'time': return `${two(int(rng, 0, 23))}:${two(int(rng, 0, 59))}:${two(int(rng, 0, 59))}Z`;
    case 'duration': return `P${int(rng, 0, 9)}DT${int(rng, 1, 23)}H${int(rng, 0, 59)}M`;
    case 'email':
    case 'idn-email': return `${name}.${n}@example.com`;
    case 'hostname':
    case 'idn-hostname': return `${name}${n}.example.com`;
    case 'ipv4': return `10.${int(rng, 0, 255)}.${int(rng, 0, 255)}.${int(rng, 1, 254)}`;
    case 'ipv6': return `2001:db8::${hex(rng, 4).replace(/^0+(?=.)/, '')}`;
    case 'uri':
    case 'iri':
    case 'url': return `https://example.com/${name}/${n}`;
    case 'uri-reference':
    case 'iri-reference': return `/${name}/${n}`;
    case 'uri-template': return `https://example.com/${name}/{id}`;
    case 'uuid': return randomUuid(rng);
    case 'json-pointer': return `/${name}/${n}`;
    case 'json-pointer-uri-fragment': return `#/${name}/${n}`;
    case 'relative-json-pointer': return `${int(rng, 0, 3)}/${name}`;
    case 'regex': return `^${name}[0-9]+$`;
    case 'byte': return ['aGVsbG8=', 'ZXZlbnQ=', 'b3V0Ym94'][int(rng, 0, 2)]!;
    default: return undefined;
  }
}
