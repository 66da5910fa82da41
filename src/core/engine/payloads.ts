import { generateInstance, libraryDefs, type Command, type SchemaDefinition } from '../model';
import { aggregateTypeFromField } from './flowIndex';
import type { Payload } from './records';
import type { Rng } from './rng';

/**
 * Generates a command's input from its JSON Schema: every value satisfies the schema (nested
 * objects, arrays, enums, formats, bounds, patterns, combinators, library `$ref`s); optional
 * properties are left out one time in five. The aggregate-id value reuses an existing aggregate
 * id (`known`) most of the time for commands other than the producer's first one (so status
 * changes hit real rows), and rarely for the first (creating) command; `…Id` strings come from a
 * small pool per name (authorId → author-1..author-8) so that effects meet on the same rows.
 * Pure (given the rng).
 */
export function generatePayload(
  command: Command, isFirstCommand: boolean, known: readonly string[], rng: Rng, clock: number,
  library: readonly SchemaDefinition[] = [],
): Payload {
  const aggregatePath = command.aggregateId.from === 'input' ? command.aggregateId.path : undefined;
  const reuse = known.length > 0 && rng.next() < (isFirstCommand ? 0.1 : 0.85);
  const { value } = generateInstance(command.input, rng, {
    defs: libraryDefs(library),
    clock,
    prefer: (path) => {
      if (path === aggregatePath && reuse) return rng.pick(known);
      const name = path.slice(path.lastIndexOf('/') + 1);
      return /id$/i.test(name) && name.length > 2 && !/^[0-9]+$/.test(name) ? `${aggregateTypeFromField(name, name)}-${rng.int(1, 8)}` : undefined;
    },
  });
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}
