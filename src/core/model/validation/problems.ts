import type { FlowDocument } from '../types';

/** How bad a problem is: an `error` breaks the design (a run or an export would be wrong), a `warning` is suspicious. */
export type ProblemSeverity = 'error' | 'warning';

/** One finding of `validateFlow`. */
export interface Problem {
  /** Stable kind of problem, one of `PROBLEM_CODES`. */
  code: ProblemCode;
  severity: ProblemSeverity;
  /** What is wrong and where, in words, starting with the node's name. */
  message: string;
  /** JSON pointer into the document, e.g. `/consumers/1/handlers/0/emits/0/mappings/2`. */
  path: string;
  /** The node the problem belongs to, for selecting it on the canvas. */
  nodeId?: string;
}

/** Every problem kind the validator reports, with its severity. */
export const PROBLEM_CODES = {
  'event-without-producer': 'warning',
  'consumer-without-subscription': 'warning',
  'projection-never-updated': 'warning',
  'unknown-source': 'error',
  'unavailable-source': 'error',
  'unknown-target': 'error',
  'duplicate-mapping': 'error',
  'required-field-unmapped': 'error',
  'abstract-event-emitted': 'error',
  'duplicate-name': 'error',
  'duplicate-field': 'error',
  'duplicate-id': 'error',
  'duplicate-handler': 'error',
  'emit-cycle': 'error',
  'extends-cycle': 'error',
  'unknown-reference': 'error',
  'aggregate-id-not-a-field': 'error',
  'enum-without-values': 'error',
  'projection-key-not-a-column': 'error',
  'empty-name': 'error',
  'invalid-retry-limit': 'error',
  'invalid-version': 'error',
  'breaking-change': 'error',
  'missing-upcaster': 'warning',
  'version-history-gap': 'warning',
  'invalid-schema': 'error',
  'invalid-constraint': 'error',
  'unknown-schema-ref': 'error',
  'payload-not-object': 'error',
  'payload-shadows-envelope': 'warning',
  'overlapping-mapping': 'error',
  'invalid-example': 'warning',
  'invalid-scale-setting': 'error',
  'ordering-key-not-a-field': 'error',
  'single-writer-without-partitions': 'warning',
} as const satisfies Record<string, ProblemSeverity>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Collects problems while the checks walk the document. */
export class ProblemSink {
  readonly problems: Problem[] = [];
  constructor(readonly doc: FlowDocument) {}

  add(code: ProblemCode, path: string, message: string, nodeId?: string): void {
    const problem: Problem = { code, severity: PROBLEM_CODES[code], message, path };
    if (nodeId !== undefined) problem.nodeId = nodeId;
    this.problems.push(problem);
  }
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Reads back one escaped JSON pointer segment: `~1` is `/`, `~0` is `~` (RFC 6901). */
export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Joins segments into a JSON pointer: `pointer('consumers', 1, 'name')` → `/consumers/1/name`. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${pointerSegment(segment)}`).join('');
}
