import { deleteNodes } from './deleteNodes';
import { findNode } from './nodes';
import type { FlowDocument } from './types';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What else goes when the nodes `ids` are deleted, in plain words, one line per loss in a node
 * that stays: a consumer's handler of a deleted event (with its effects and emissions), a
 * command's or handler's emission of a deleted event, a handler's effects on a deleted projection,
 * an event's base type. Read off the real deletion (`deleteNodes`), so it says exactly what the
 * edit removes. Empty when nothing but the nodes and their connections goes. Pure.
 */
export function describeDeletion(doc: FlowDocument, ids: readonly string[]): string[] {
  const doomed = new Set(ids);
  const after = deleteNodes(doc, [...ids]);
  const name = (id: string) => findNode(doc, id)?.name ?? id;
  const lines: string[] = [];

  for (const event of doc.eventTypes) {
    if (doomed.has(event.id) || event.extends === undefined) continue;
    if (after.eventTypes.find((e) => e.id === event.id)?.extends === undefined) {
      lines.push(`${event.name} no longer extends ${name(event.extends)} (its inherited fields go)`);
    }
  }

  for (const producer of doc.producers) {
    if (doomed.has(producer.id)) continue;
    for (const command of producer.commands) {
      for (const emission of command.emits) {
        if (doomed.has(emission.eventTypeId)) lines.push(`${producer.name}'s command ${command.name} no longer emits ${name(emission.eventTypeId)} (with its field mapping)`);
      }
    }
  }

  for (const consumer of doc.consumers) {
    if (doomed.has(consumer.id)) continue;
    for (const handler of consumer.handlers) {
      const handled = name(handler.eventTypeId);
      if (doomed.has(handler.eventTypeId)) {
        const parts = [handler.effects.length > 0 && plural(handler.effects.length, 'effect'), handler.emits.length > 0 && plural(handler.emits.length, 'emission')].filter(Boolean);
        lines.push(`${consumer.name} stops handling ${handled}: its handler goes${parts.length > 0 ? `, with ${parts.join(' and ')}` : ''}`);
        continue;
      }
      const lostEffects = handler.effects.filter((effect) => doomed.has(effect.projectionId));
      for (const projectionId of new Set(lostEffects.map((effect) => effect.projectionId))) {
        const n = lostEffects.filter((effect) => effect.projectionId === projectionId).length;
        lines.push(`${consumer.name} no longer updates ${name(projectionId)} when it handles ${handled} (${plural(n, 'effect')})`);
      }
      for (const emission of handler.emits) {
        if (doomed.has(emission.eventTypeId)) lines.push(`${consumer.name} no longer emits ${name(emission.eventTypeId)} when it handles ${handled} (with its field mapping)`);
      }
    }
  }
  return lines;
}
