import type { Literal, ValueSource } from '../../core';
import type { SelectOption } from './controls';

/** Which sources a value may come from, where it is edited. */
export interface SourceContext {
  /** Command input fields (producers). */
  inputFields?: string[];
  /** Business-row columns before the change (producers). */
  beforeColumns?: string[];
  /** Fields of the handled event, envelope included (consumers). */
  eventFields?: string[];
}

export const UNMAPPED = '';
const LITERAL = 'literal';

/** A source as the value of a select option, e.g. `input:videoId`, `generated:uuid`, `literal`. */
export function encodeSource(source: ValueSource | undefined): string {
  if (!source) return UNMAPPED;
  switch (source.from) {
    case 'input': return `input:${source.field}`;
    case 'event': return `event:${source.field}`;
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
  if (from === 'input') return { from: 'input', field: name };
  if (from === 'event') return { from: 'event', field: name };
  if (from === 'before') return { from: 'before', column: name };
  if (from === 'generated') return { from: 'generated', generator: name === 'now' ? 'now' : 'uuid' };
  return undefined;
}

/** The options of a source select in a context; a stale current source is kept visible. */
export function sourceOptions(context: SourceContext, current: ValueSource | undefined, allowUnmapped: boolean): SelectOption[] {
  const options: SelectOption[] = [];
  if (allowUnmapped) options.push({ value: UNMAPPED, label: '— not set —' });
  for (const f of context.inputFields ?? []) options.push({ value: `input:${f}`, label: `input.${f}`, group: 'Command input' });
  for (const c of context.beforeColumns ?? []) options.push({ value: `before:${c}`, label: `before.${c}`, group: 'Row before the change' });
  for (const f of context.eventFields ?? []) options.push({ value: `event:${f}`, label: `event.${f}`, group: 'Handled event' });
  options.push({ value: LITERAL, label: 'literal', group: 'Other' });
  options.push({ value: 'generated:uuid', label: 'generated uuid', group: 'Other' });
  options.push({ value: 'generated:now', label: 'generated now (clock)', group: 'Other' });
  const encoded = encodeSource(current);
  if (current && !options.some((o) => o.value === encoded)) {
    options.unshift({ value: encoded, label: `${encoded} (missing)` });
  }
  return options;
}

/** A literal typed as text, read as a number or boolean when it clearly is one. */
export function parseLiteralText(text: string): Literal {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}
