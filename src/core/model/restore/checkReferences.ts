import { inheritanceCycle } from '../inheritance';
import type { FlowDocument } from '../types';
import type { RestoreError } from './ShapeChecker';

/** Duplicate node ids, references to nodes that do not exist and inheritance cycles, in a structurally sound document. */
export function checkReferences(doc: FlowDocument): RestoreError[] {
  const errors: RestoreError[] = [];
  const seen = new Set<string>();
  const lists = [['eventTypes', doc.eventTypes], ['producers', doc.producers], ['consumers', doc.consumers], ['projections', doc.projections]] as const;
  for (const [list, nodes] of lists) {
    nodes.forEach((node, i) => {
      if (seen.has(node.id)) errors.push({ path: `/${list}/${i}/id`, message: `id: '${node.id}' is used by another node too` });
      seen.add(node.id);
    });
  }
  const events = new Set(doc.eventTypes.map((e) => e.id));
  const projections = new Set(doc.projections.map((p) => p.id));
  const needEvent = (id: string, path: string) => {
    if (!events.has(id)) errors.push({ path, message: `${path.slice(path.lastIndexOf('/') + 1)}: no event type has the id '${id}'` });
  };
  const onReportedCycle = new Set<string>();
  doc.eventTypes.forEach((event, i) => {
    if (event.extends !== undefined) needEvent(event.extends, `/eventTypes/${i}/extends`);
    const cycle = onReportedCycle.has(event.id) ? undefined : inheritanceCycle(doc, event.id);
    if (cycle) {
      cycle.forEach((member) => onReportedCycle.add(member.id));
      const names = [...cycle, event].map((member) => member.name || member.id).join(' → ');
      errors.push({ path: `/eventTypes/${i}/extends`, message: `extends: ${event.name || event.id} inherits from itself (${names}); an event type cannot be its own base: remove one 'extends' of the cycle` });
    }
  });
  doc.producers.forEach((producer, i) => producer.commands.forEach((command, j) => command.emits.forEach((emission, k) => {
    needEvent(emission.eventTypeId, `/producers/${i}/commands/${j}/emits/${k}/eventTypeId`);
  })));
  doc.consumers.forEach((consumer, i) => consumer.handlers.forEach((handler, j) => {
    const path = `/consumers/${i}/handlers/${j}`;
    needEvent(handler.eventTypeId, `${path}/eventTypeId`);
    handler.effects.forEach((effect, k) => {
      if (!projections.has(effect.projectionId)) {
        errors.push({ path: `${path}/effects/${k}/projectionId`, message: `projectionId: no projection has the id '${effect.projectionId}'` });
      }
    });
    handler.emits.forEach((emission, k) => needEvent(emission.eventTypeId, `${path}/emits/${k}/eventTypeId`));
  }));
  return errors;
}
