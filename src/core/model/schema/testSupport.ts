// Shared by unit tests only: ajv as teams run it in CI (2020-12, every ajv-formats format).
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonSchema } from '../types';

/** A fresh ajv 2020-12 with ajv-formats; the IDN/IRI formats ajv-formats lacks are annotations. */
export function testAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const format of ['idn-email', 'idn-hostname', 'iri', 'iri-reference']) ajv.addFormat(format, true);
  return ajv;
}

/** Whether ajv accepts `value` for `schema`. */
export function ajvAccepts(ajv: Ajv2020, schema: JsonSchema, value: unknown): boolean {
  return ajv.validate(schema as object | boolean, value) as boolean;
}
