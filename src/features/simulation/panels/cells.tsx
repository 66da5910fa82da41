import type { CellValue, Payload } from '../../../core';

/** A cell value as short text: lists joined, nested objects as JSON, null as an em dash. Pure. */
export function formatValue(value: CellValue | undefined): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) return `[${value.map((v) => (v === null ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')}]`;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A payload as one line of `field=value` pairs, in field order. Pure. */
export function formatPayload(payload: Payload): string {
  return Object.entries(payload).map(([k, v]) => `${k}=${formatValue(v)}`).join('  ');
}

/** An event id in monospace; the row click follows the event. */
export function EventId({ id }: { id: string }) {
  return <span className="event-id">{id}</span>;
}

/** A step number, or a dash when the step has not happened. */
export function stepText(step: number | undefined): string {
  return step === undefined ? '—' : String(step);
}
