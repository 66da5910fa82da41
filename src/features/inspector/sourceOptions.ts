import { pathLabel, type JsonValue, type ValueSource } from '../../core';
import type { SelectOption } from './controls';

/** Which sources a value may come from, where it is edited. */
export interface SourceContext {
  /** Paths of the command's input (producers). */
  inputPaths?: string[];
  /** Business-row columns before the change (producers). */
  beforeColumns?: string[];
  /** Paths of the handled event's payload (consumers). */
  eventPaths?: string[];
  /** Paths of the envelope's attributes (consumers). */
  envelopePaths?: string[];
}

export const UNMAPPED = '';
const LITERAL = 'literal';

/** A source as the value of a select option, e.g. `input:videoId`, `generated:uuid`, `literal`. */
export function encodeSource(source: ValueSource | undefined): string {
  if (!source) return UNMAPPED;
  switch (source.from) {
    case 'input': return `input:${source.path}`;
    case 'event': return `event:${source.path}`;
    case 'envelope': return `envelope:${source.path}`;
    case 'before': return `before:${source.column}`;
    case 'literal': return LITERAL;
    case 'generated': return `generated:${source.generator}`;
  }
}

/** The source an option stands for; a literal keeps the previous literal value if there was one. */
export function decodeSource(value: string, previous: ValueSource | undefined): ValueSource | undefined {
  if (value === UNMAPPED) return undefined;
  if (value === LITERAL) return previous?.from === 'literal' ? previous : { from: 'literal', value: '' };
  const [from, ...rest] = value.split(':');
  const name = rest.join(':');
  if (from === 'input') return { from: 'input', path: name };
  if (from === 'event') return { from: 'event', path: name };
  if (from === 'envelope') return { from: 'envelope', path: name };
  if (from === 'before') return { from: 'before', column: name };
  if (from === 'generated') return { from: 'generated', generator: name === 'now' ? 'now' : 'uuid' };
  return undefined;
}

/** The options of a source select in a context; a stale current source is kept visible. */
export function sourceOptions(context: SourceContext, current: ValueSource | undefined, allowUnmapped: boolean): SelectOption[] {
  const options: SelectOption[] = [];
  if (allowUnmapped) options.push({ value: UNMAPPED, label: '— not set —' });
  for (const p of context.inputPaths ?? []) options.push({ value: `input:${p}`, label: `input.${pathLabel(p)}`, group: 'Command input' });
  for (const c of context.beforeColumns ?? []) options.push({ value: `before:${c}`, label: `before.${c}`, group: 'Row before the change' });
  for (const p of context.eventPaths ?? []) options.push({ value: `event:${p}`, label: `event.${pathLabel(p)}`, group: 'Handled event' });
  for (const p of context.envelopePaths ?? []) options.push({ value: `envelope:${p}`, label: `envelope.${pathLabel(p)}`, group: 'Envelope' });
  options.push({ value: LITERAL, label: 'literal', group: 'Other' });
  options.push({ value: 'generated:uuid', label: 'generated uuid', group: 'Other' });
  options.push({ value: 'generated:now', label: 'generated now (clock)', group: 'Other' });
  const encoded = encodeSource(current);
  if (current && !options.some((o) => o.value === encoded)) {
    options.unshift({ value: encoded, label: `${sourceLabel(current)} (missing)` });
  }
  return options;
}

/** A literal typed as text, read as a number, boolean, null or JSON object / list when it clearly is one. */
export function parseLiteralText(text: string): JsonValue {
  if (/^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      return text;
    }
  }
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** A source as the picker shows it: `input.customer.name`, `envelope.eventId`, `before.status`. */
export function sourceLabel(source: ValueSource): string {
  switch (source.from) {
    case 'input':
    case 'event':
    case 'envelope':
      return `${source.from}.${pathLabel(source.path)}`;
    case 'before': return `before.${source.column}`;
    case 'literal': return 'literal';
    case 'generated': return `generated ${source.generator}`;
  }
}
