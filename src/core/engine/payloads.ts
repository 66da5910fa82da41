import { setOwn } from '../model/ownKeys';
import type { Command, FieldDef } from '../model';
import { aggregateTypeFromField } from './flowIndex';
import type { CellValue, Payload } from './records';
import type { Rng } from './rng';
import { isoAt } from './stepContext';

const WORDS = ['outbox', 'inbox', 'broker', 'relay', 'replay', 'stream', 'event', 'video', 'author', 'status'];

/** A small pool per field name (authorId -> author-1..author-8) so that effects meet on the same rows. */
function poolValue(field: FieldDef, rng: Rng): string {
  const prefix = aggregateTypeFromField(field.name, field.name);
  if (/id$/i.test(field.name)) return `${prefix}-${rng.int(1, 8)}`;
  return `${WORDS[rng.int(0, WORDS.length - 1)]} ${WORDS[rng.int(0, WORDS.length - 1)]} ${rng.int(1, 999)}`;
}

/** A value for one field, drawn from the seeded source. Pure (given the rng). */
export function generateValue(field: FieldDef, rng: Rng, clock: number): CellValue {
  switch (field.type) {
    case 'uuid':
      return rng.uuid();
    case 'date-time':
      return isoAt(clock - rng.int(0, 86_400) * 1000);
    case 'enum':
      return field.enumValues && field.enumValues.length > 0 ? rng.pick(field.enumValues) : null;
    case 'integer':
      return rng.int(0, 1000);
    case 'number':
      return Math.round(rng.next() * 100_000) / 100;
    case 'boolean':
      return rng.next() < 0.5;
    case 'array':
      return [poolValue(field, rng)];
    case 'object':
      return null;
    case 'string':
      return poolValue(field, rng);
  }
}

/**
 * Generates a payload for a command from its input fields. Optional fields are left out one time
 * in five. The aggregate-id field reuses an existing aggregate id (`known`) most of the time for
 * commands other than the producer's first one (so status changes hit real rows), and rarely for
 * the first (creating) command. Pure (given the rng).
 */
export function generatePayload(command: Command, isFirstCommand: boolean, known: readonly string[], rng: Rng, clock: number): Payload {
  const aggregateField = command.aggregateId.from === 'input' ? command.aggregateId.field : undefined;
  const payload: Payload = {};
  for (const field of command.inputFields) {
    const include = field.required || rng.next() < 0.8;
    if (field.name === aggregateField && known.length > 0 && rng.next() < (isFirstCommand ? 0.1 : 0.85)) {
      setOwn<CellValue>(payload, field.name, rng.pick(known));
      continue;
    }
    const value = generateValue(field, rng, clock);
    if (include && value !== null) setOwn<CellValue>(payload, field.name, value);
  }
  return payload;
}
