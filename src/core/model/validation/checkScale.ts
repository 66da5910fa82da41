import { eventPayloadPaths } from '../inheritance';
import { pathLabel } from '../schema/paths';
import { label } from './checkNames';
import { ProblemSink } from './problems';

const whole = (value: number | undefined) => value === undefined || (Number.isInteger(value) && value >= 1);

/**
 * Consistency at scale (issue 13): instances, prefetch, lock lease and partitions are whole numbers
 * from 1; a partitioned subscription's ordering key is a field of the event; single-writer needs
 * partitioned delivery (without partitions, nothing names the one writer of a row).
 */
export function checkScale(sink: ProblemSink): void {
  const { doc } = sink;
  const singleWriterProjections = new Set(doc.projections.filter((p) => p.concurrency === 'single-writer').map((p) => p.id));
  doc.consumers.forEach((consumer, i) => {
    const path = `/consumers/${i}`;
    const name = label(consumer);
    for (const field of ['instances', 'prefetch', 'lockLeaseSteps'] as const) {
      if (!whole(consumer[field])) {
        sink.add('invalid-scale-setting', `${path}/${field}`, `${name}: ${field} must be a whole number from 1 up (is ${consumer[field]})`, consumer.id);
      }
    }
    consumer.handlers.forEach((handler, j) => {
      const delivery = handler.delivery;
      const event = doc.eventTypes.find((e) => e.id === handler.eventTypeId);
      if (delivery?.kind === 'partitioned') {
        if (!whole(delivery.partitions)) {
          sink.add('invalid-scale-setting', `${path}/handlers/${j}/delivery/partitions`, `${name}: partitions must be a whole number from 1 up (is ${delivery.partitions})`, consumer.id);
        }
        if (delivery.key !== undefined && event && !eventPayloadPaths(doc, event.id).some((entry) => entry.path === delivery.key)) {
          sink.add('ordering-key-not-a-field', `${path}/handlers/${j}/delivery/key`,
            `${name}: ordering key '${pathLabel(delivery.key)}' is not a field of ${label(event)}: pick the ordering key in its inspector`, consumer.id);
        }
      }
      const singleWriter = consumer.concurrency === 'single-writer' || handler.effects.some((e) => singleWriterProjections.has(e.projectionId));
      if (singleWriter && handler.effects.length > 0 && delivery?.kind !== 'partitioned') {
        sink.add('single-writer-without-partitions', `${path}/handlers/${j}/delivery`,
          `${name}: single writer needs partitioned delivery on its subscription to ${event ? label(event) : `'${handler.eventTypeId}'`}: pick partitioned delivery in its inspector`, consumer.id);
      }
    });
  });
}
