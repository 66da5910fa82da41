import { inheritanceChain } from '../inheritance';
import type { FlowDocument } from '../types';
import { label } from './checkNames';
import { ProblemSink } from './problems';

/** "Event `from` reaching this handler makes it emit `to`." */
interface EmitStep {
  from: string;
  to: string;
  path: string;
  consumerId: string;
  says: string;
}

function emitSteps(doc: FlowDocument): EmitStep[] {
  const steps: EmitStep[] = [];
  // A handler of a base type also receives every subtype: receivers of each type, computed once.
  const receivers = new Map<string, string[]>();
  for (const event of doc.eventTypes) {
    for (const type of inheritanceChain(doc, event.id)) receivers.set(type.id, [...(receivers.get(type.id) ?? []), event.id]);
  }
  const name = (id: string) => {
    const event = doc.eventTypes.find((e) => e.id === id);
    return event ? label(event) : `'${id}'`;
  };
  doc.consumers.forEach((consumer, i) => consumer.handlers.forEach((handler, j) => handler.emits.forEach((emission, k) => {
    for (const received of receivers.get(handler.eventTypeId) ?? []) {
      steps.push({
        from: received,
        to: emission.eventTypeId,
        path: `/consumers/${i}/handlers/${j}/emits/${k}`,
        consumerId: consumer.id,
        says: `${label(consumer)} handles ${name(handler.eventTypeId)} and emits ${name(emission.eventTypeId)}`,
      });
    }
  })));
  return steps;
}

/** Strongly connected components of the emit graph (Tarjan). */
function components(nodes: string[], next: (id: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      result.push(component);
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return result;
}

/**
 * Emit cycles: handlers have no conditions, so when event X leads (through handlers that
 * emit) back to X, every delivery emits events forever. One problem per cycle.
 */
export function checkEmitCycles(sink: ProblemSink): void {
  const steps = emitSteps(sink.doc);
  const nodes = [...new Set(steps.flatMap((s) => [s.from, s.to]))];
  const adjacency = new Map<string, string[]>();
  for (const s of steps) adjacency.set(s.from, [...(adjacency.get(s.from) ?? []), s.to]);
  const next = (id: string) => adjacency.get(id) ?? [];
  for (const component of components(nodes, next)) {
    const members = new Set(component);
    const inside = steps.filter((s) => members.has(s.from) && members.has(s.to));
    if (inside.length === 0) continue;
    const first = [...inside].sort((a, b) => a.path.localeCompare(b.path))[0]!;
    const story = [...new Set(inside.map((s) => s.says))].join(', ');
    sink.add('emit-cycle', first.path, `Emit cycle: ${story}, so these events would be emitted forever`, first.consumerId);
  }
}
