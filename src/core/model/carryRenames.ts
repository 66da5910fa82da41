import { inheritanceChain } from './effectiveFields';
import { findNode, replaceNode } from './nodes';
import type {
  Assignment, Command, Consumer, Emission, EventType, FlowDocument, FlowNode, Handler, Producer, Projection,
  ProjectionEffect, ValueSource,
} from './types';

interface Rename {
  from: string;
  to: string;
}

/**
 * The one rename between two versions of a named list: exactly one position whose name changed,
 * with the old name gone and the new one not taken by another item. A reorder, an add or a
 * remove is no rename.
 */
export function renameBetween(before: readonly { name: string }[], after: readonly { name: string }[]): Rename | undefined {
  if (before.length !== after.length) return undefined;
  const changed = before.flatMap((item, i) => (item.name === after[i]?.name ? [] : [i]));
  if (changed.length !== 1) return undefined;
  const from = before[changed[0]!]!.name;
  const to = after[changed[0]!]!.name;
  const count = (list: readonly { name: string }[], name: string) => list.filter((item) => item.name === name).length;
  if (count(before, from) !== 1 || count(after, to) !== 1 || count(after, from) !== 0) return undefined;
  return { from, to };
}

const renameSource = (source: ValueSource, kind: 'event' | 'input', { from, to }: Rename): ValueSource =>
  (source.from === kind && source.field === from ? { ...source, field: to } : source);

const renameSources = (list: readonly Assignment[], kind: 'event' | 'input', rename: Rename): Assignment[] =>
  list.map((a) => ({ ...a, source: renameSource(a.source, kind, rename) }));

const renameTargets = (list: readonly Assignment[], { from, to }: Rename): Assignment[] =>
  list.map((a) => (a.target === from ? { ...a, target: to } : a));

function renameEmissionTargets(emits: readonly Emission[], affected: Set<string>, rename: Rename): Emission[] {
  return emits.map((e) => (affected.has(e.eventTypeId) ? { ...e, mappings: renameTargets(e.mappings, rename) } : e));
}

function renameEffectSources(effect: ProjectionEffect, rename: Rename): ProjectionEffect {
  const key = renameSource(effect.key, 'event', rename);
  switch (effect.kind) {
    case 'upsert': return { ...effect, key, set: renameSources(effect.set, 'event', rename) };
    case 'append': return { ...effect, key, value: renameSource(effect.value, 'event', rename) };
    default: return { ...effect, key };
  }
}

/** A field of `eventId` renamed: subtypes' aggregate ids, emissions' targets, and handlers' reads follow. */
function carryEventFieldRename(doc: FlowDocument, eventId: string, rename: Rename): FlowDocument {
  const affected = new Set(doc.eventTypes.filter((t) => inheritanceChain(doc, t.id).some((b) => b.id === eventId)).map((t) => t.id));
  const eventTypes = doc.eventTypes.map((t): EventType =>
    (affected.has(t.id) && t.aggregateIdField === rename.from ? { ...t, aggregateIdField: rename.to } : t));
  const producers = doc.producers.map((p): Producer => ({
    ...p, commands: p.commands.map((c) => ({ ...c, emits: renameEmissionTargets(c.emits, affected, rename) })),
  }));
  const consumers = doc.consumers.map((c): Consumer => ({
    ...c,
    handlers: c.handlers.map((h): Handler => {
      const reads = affected.has(h.eventTypeId);
      const emits = renameEmissionTargets(h.emits, affected, rename);
      return reads
        ? {
          ...h,
          effects: h.effects.map((effect) => renameEffectSources(effect, rename)),
          emits: emits.map((e) => ({ ...e, mappings: renameSources(e.mappings, 'event', rename) })),
        }
        : { ...h, emits };
    }),
  }));
  return { ...doc, eventTypes, producers, consumers };
}

/** A column of `projectionId` renamed: the key and every effect on that projection follow. */
function carryColumnRename(doc: FlowDocument, projectionId: string, rename: Rename): FlowDocument {
  const renameEffect = (effect: ProjectionEffect): ProjectionEffect => {
    if (effect.projectionId !== projectionId) return effect;
    if (effect.kind === 'upsert') return { ...effect, set: renameTargets(effect.set, rename) };
    if ((effect.kind === 'increment' || effect.kind === 'append') && effect.column === rename.from) return { ...effect, column: rename.to };
    return effect;
  };
  const projections = doc.projections.map((p): Projection => (p.id === projectionId && p.key === rename.from ? { ...p, key: rename.to } : p));
  const consumers = doc.consumers.map((c): Consumer => ({
    ...c, handlers: c.handlers.map((h) => ({ ...h, effects: h.effects.map(renameEffect) })),
  }));
  return { ...doc, projections, consumers };
}

/** An input of a command renamed: its aggregate id, row changes and emissions read the new name. */
function carryInputRename(command: Command, rename: Rename): Command {
  return {
    ...command,
    aggregateId: renameSource(command.aggregateId, 'input', rename),
    rowChanges: renameSources(command.rowChanges, 'input', rename),
    emits: command.emits.map((e) => ({ ...e, mappings: renameSources(e.mappings, 'input', rename) })),
  };
}

function carryProducerRenames(previous: Producer, next: Producer): Producer {
  return {
    ...next,
    commands: next.commands.map((command) => {
      const old = previous.commands.find((c) => c.id === command.id);
      const rename = old && renameBetween(old.inputFields, command.inputFields);
      return rename ? carryInputRename(command, rename) : command;
    }),
  };
}

/**
 * Replaces a node like `replaceNode`, and when the edit renamed one of its own fields, columns or
 * command inputs, carries the new name to what referred to the old one, so that renaming never
 * breaks a design: an event field (aggregate id, mappings onto it, handlers reading it, in
 * subtypes too), a projection column (the key, effects' columns), a command input (the command's
 * aggregate id, row changes and mappings). Pure. Throws FlowOperationError like `replaceNode`.
 */
export function replaceNodeCarryingRenames(doc: FlowDocument, node: FlowNode): FlowDocument {
  const previous = findNode(doc, node.id);
  if (previous?.kind === 'producer' && node.kind === 'producer') return replaceNode(doc, carryProducerRenames(previous, node));
  const replaced = replaceNode(doc, node);
  if (previous?.kind === 'event' && node.kind === 'event') {
    const rename = renameBetween(previous.fields, node.fields);
    return rename ? carryEventFieldRename(replaced, node.id, rename) : replaced;
  }
  if (previous?.kind === 'projection' && node.kind === 'projection') {
    const rename = renameBetween(previous.columns, node.columns);
    return rename ? carryColumnRename(replaced, node.id, rename) : replaced;
  }
  return replaced;
}
