import { inheritanceChain } from './inheritance';
import { findNode, replaceNode } from './nodes';
import { rebasePath } from './schema/paths';
import { propertyRenames, renamedKey, type PathRename } from './schema/renames';
import type {
  Assignment, Command, Consumer, Emission, EventType, FlowDocument, FlowNode, Handler, PayloadMapping, Producer, Projection,
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
  const count = (list: readonly { name: string }[], name: string) => list.filter((item) => item.name === name).length;
  const rename = renamedKey(before.map((item) => item.name), after.map((item) => item.name));
  if (!rename || count(before, rename.from) !== 1 || count(after, rename.to) !== 1) return undefined;
  return rename;
}

const renameSource = (source: ValueSource, kind: 'event' | 'input', renames: readonly PathRename[]): ValueSource => {
  if (source.from !== kind) return source;
  const path = renames.reduce((current, r) => rebasePath(current, r.from, r.to), source.path);
  return path === source.path ? source : { ...source, path };
};

const renameSources = <T extends Assignment | PayloadMapping>(list: readonly T[], kind: 'event' | 'input', renames: readonly PathRename[]): T[] =>
  list.map((a) => ({ ...a, source: renameSource(a.source, kind, renames) }));

const renameTargets = (list: readonly PayloadMapping[], renames: readonly PathRename[]): PayloadMapping[] =>
  list.map((m) => {
    const target = renames.reduce((current, r) => rebasePath(current, r.from, r.to), m.target);
    return target === m.target ? m : { ...m, target };
  });

function renameEmissionTargets(emits: readonly Emission[], affected: Set<string>, renames: readonly PathRename[]): Emission[] {
  return emits.map((e) => (affected.has(e.eventTypeId) ? { ...e, mappings: renameTargets(e.mappings, renames) } : e));
}

function renameEffectSources(effect: ProjectionEffect, renames: readonly PathRename[]): ProjectionEffect {
  const key = renameSource(effect.key, 'event', renames);
  switch (effect.kind) {
    case 'upsert': return { ...effect, key, set: renameSources(effect.set, 'event', renames) };
    case 'append': return { ...effect, key, value: renameSource(effect.value, 'event', renames) };
    default: return { ...effect, key };
  }
}

/** Values of `eventId`'s payload renamed: subtypes' aggregate ids, emissions' targets, and handlers' reads follow. */
function carryEventPathRenames(doc: FlowDocument, eventId: string, renames: readonly PathRename[]): FlowDocument {
  const affected = new Set(doc.eventTypes.filter((t) => inheritanceChain(doc, t.id).some((b) => b.id === eventId)).map((t) => t.id));
  const eventTypes = doc.eventTypes.map((t): EventType => {
    if (!affected.has(t.id) || t.aggregateIdPath === undefined) return t;
    const aggregateIdPath = renames.reduce((current, r) => rebasePath(current, r.from, r.to), t.aggregateIdPath);
    return aggregateIdPath === t.aggregateIdPath ? t : { ...t, aggregateIdPath };
  });
  const producers = doc.producers.map((p): Producer => ({
    ...p, commands: p.commands.map((c) => ({ ...c, emits: renameEmissionTargets(c.emits, affected, renames) })),
  }));
  const consumers = doc.consumers.map((c): Consumer => ({
    ...c,
    handlers: c.handlers.map((h): Handler => {
      const reads = affected.has(h.eventTypeId);
      const emits = renameEmissionTargets(h.emits, affected, renames);
      return reads
        ? {
          ...h,
          effects: h.effects.map((effect) => renameEffectSources(effect, renames)),
          emits: emits.map((e) => ({ ...e, mappings: renameSources(e.mappings, 'event', renames) })),
        }
        : { ...h, emits };
    }),
  }));
  return { ...doc, eventTypes, producers, consumers };
}

/** A column of `projectionId` renamed: the key and every effect on that projection follow. */
function carryColumnRename(doc: FlowDocument, projectionId: string, rename: Rename): FlowDocument {
  const renameColumns = (list: readonly Assignment[]) => list.map((a) => (a.target === rename.from ? { ...a, target: rename.to } : a));
  const renameEffect = (effect: ProjectionEffect): ProjectionEffect => {
    if (effect.projectionId !== projectionId) return effect;
    if (effect.kind === 'upsert') return { ...effect, set: renameColumns(effect.set) };
    if ((effect.kind === 'increment' || effect.kind === 'append') && effect.column === rename.from) return { ...effect, column: rename.to };
    return effect;
  };
  const projections = doc.projections.map((p): Projection => (p.id === projectionId && p.key === rename.from ? { ...p, key: rename.to } : p));
  const consumers = doc.consumers.map((c): Consumer => ({
    ...c, handlers: c.handlers.map((h) => ({ ...h, effects: h.effects.map(renameEffect) })),
  }));
  return { ...doc, projections, consumers };
}

/** Values of a command's input renamed: its aggregate id, row changes and emissions read the new paths. */
function carryInputRenames(command: Command, renames: readonly PathRename[]): Command {
  return {
    ...command,
    aggregateId: renameSource(command.aggregateId, 'input', renames),
    rowChanges: renameSources(command.rowChanges, 'input', renames),
    emits: command.emits.map((e) => ({ ...e, mappings: renameSources(e.mappings, 'input', renames) })),
  };
}

function carryProducerRenames(previous: Producer, next: Producer): Producer {
  return {
    ...next,
    commands: next.commands.map((command) => {
      const old = previous.commands.find((c) => c.id === command.id);
      const renames = old ? propertyRenames(old.input, command.input) : [];
      return renames.length > 0 ? carryInputRenames(command, renames) : command;
    }),
  };
}

/**
 * Replaces a node like `replaceNode`, and when the edit renamed properties of its payload (at any
 * depth), columns or command inputs, carries the new names to what read the old ones, so that
 * renaming never breaks a design: an event's value (aggregate ids, mappings onto it, handlers
 * reading it, in subtypes too, every path under it included), a projection column (the key,
 * effects' columns), a command input (the command's aggregate id, row changes and mappings).
 * Pure. Throws FlowOperationError like `replaceNode`.
 */
export function replaceNodeCarryingRenames(doc: FlowDocument, node: FlowNode): FlowDocument {
  const previous = findNode(doc, node.id);
  if (previous?.kind === 'producer' && node.kind === 'producer') return replaceNode(doc, carryProducerRenames(previous, node));
  const replaced = replaceNode(doc, node);
  if (previous?.kind === 'event' && node.kind === 'event') {
    const renames = propertyRenames(previous.payload, node.payload);
    return renames.length > 0 ? carryEventPathRenames(replaced, node.id, renames) : replaced;
  }
  if (previous?.kind === 'projection' && node.kind === 'projection') {
    const rename = renameBetween(previous.columns, node.columns);
    return rename ? carryColumnRename(replaced, node.id, rename) : replaced;
  }
  return replaced;
}
