/**
 * What each `format` of JSON Schema accepts. The checks are ajv-formats' own (its `full` mode),
 * so that the app's verdicts match the ajv validation teams run in CI. Formats it does not know
 * (`idn-email`, `iri`…) are annotations only: every value passes. Pure.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { getOwn } from '../ownKeys';

type FormatCheck = RegExp | ((value: never) => boolean) | true | { type?: string; validate: RegExp | ((value: never) => boolean) | string };

function run(check: RegExp | ((value: never) => boolean) | string, value: string | number): boolean {
  if (check instanceof RegExp) {
    check.lastIndex = 0;
    return check.test(String(value));
  }
  if (typeof check === 'function') return check(value as never);
  return new RegExp(check, 'u').test(String(value));
}

/**
 * Whether `value` has the `format`: true or false, or undefined when the format does not apply
 * (an unknown format, a string format given a number or the other way round).
 */
export function formatMatches(format: string, value: string | number): boolean | undefined {
  if (!Object.hasOwn(fullFormats, format)) return undefined;
  const check = getOwn(fullFormats as Record<string, FormatCheck>, format)!;
  if (check === true) return true;
  if (check instanceof RegExp || typeof check === 'function') return typeof value === 'string' ? run(check, value) : undefined;
  const forNumbers = check.type === 'number';
  if (forNumbers !== (typeof value === 'number')) return undefined;
  return run(check.validate, value);
}
