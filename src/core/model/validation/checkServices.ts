import { checkListNames, label } from './checkNames';
import { checkSchemaProblems } from './checkPayloads';
import { ProblemSink } from './problems';

/** Producers' commands, consumers' subscriptions and retry limits, projections' keys and columns. */
export function checkServices(sink: ProblemSink): void {
  const { doc } = sink;
  doc.producers.forEach((producer, i) => {
    const path = `/producers/${i}`;
    checkListNames(sink, producer, `${path}/commands`, producer.commands, 'command');
    producer.commands.forEach((command, j) => {
      const what = `${label(producer)}: input of ${command.name || 'a command'}`;
      checkSchemaProblems(sink, { node: producer, what, fix: `fix it in ${label(producer)}'s inspector` }, command.input, `${path}/commands/${j}/input`);
    });
  });
  const updated = new Set<string>();
  doc.consumers.forEach((consumer, i) => {
    const path = `/consumers/${i}`;
    const name = label(consumer);
    if (consumer.handlers.length === 0) {
      sink.add('consumer-without-subscription', `${path}/handlers`, `${name}: subscribes to no event type (connect an event type to it)`, consumer.id);
    }
    if (!Number.isInteger(consumer.retryLimit) || consumer.retryLimit < 0) {
      sink.add('invalid-retry-limit', `${path}/retryLimit`, `${name}: retry limit must be a whole number from 0 up (is ${consumer.retryLimit})`, consumer.id);
    }
    const handled = new Set<string>();
    consumer.handlers.forEach((handler, j) => {
      if (handled.has(handler.eventTypeId)) {
        const event = doc.eventTypes.find((e) => e.id === handler.eventTypeId);
        sink.add('duplicate-handler', `${path}/handlers/${j}`,
          `${name}: has two handlers for ${event ? label(event) : `'${handler.eventTypeId}'`}: remove one in its inspector`, consumer.id);
      }
      handled.add(handler.eventTypeId);
      for (const effect of handler.effects) updated.add(effect.projectionId);
      (handler.externalEffects ?? []).forEach((external, k) => {
        if (external.name.trim() === '') {
          sink.add('empty-name', `${path}/handlers/${j}/externalEffects/${k}/name`,
            `${name}: call #${k + 1} outside the transaction has no name: give it one (e.g. send e-mail) in its inspector`, consumer.id);
        }
      });
    });
  });
  doc.projections.forEach((projection, i) => {
    const path = `/projections/${i}`;
    const name = label(projection);
    checkListNames(sink, projection, `${path}/columns`, projection.columns, 'column');
    if (!projection.columns.some((column) => column.name === projection.key)) {
      sink.add('projection-key-not-a-column', `${path}/key`, `${name}: key '${projection.key}' is not one of its columns: pick the key column in its inspector`, projection.id);
    }
    if (!updated.has(projection.id)) {
      sink.add('projection-never-updated', path, `${name}: no consumer updates it (connect a consumer to it)`, projection.id);
    }
  });
}
