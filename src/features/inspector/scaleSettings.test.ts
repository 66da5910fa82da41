import { describe, expect, it } from 'vitest';
import { checkBounds, eventPayloadPaths, restoreFlowDocument, validateFlow, type Consumer, type FlowDocument, type Handler, type Projection } from '../../core';
import { pipelineFlow } from '../../core/engine/testing/smallFlows';
import {
  BOUNDS, CONSUMER_CONCURRENCY, PROJECTION_CONCURRENCY, orderingKeyOptions, orderingKeyProblem, parseWhole, withCache, withConsumerConcurrency,
  withConsumerNumber, withDeliveryChoice, withPartitioned, withProjectionConcurrency,
} from './scaleSettings';

const flow = pipelineFlow();
const consumer = flow.consumers[0]!;
const handler = consumer.handlers[0]!;
const projection = flow.projections[0]!;

/** The design with one node replaced, restored and validated as a file would be. */
function problemsWith(doc: FlowDocument): string[] {
  const restored = restoreFlowDocument(JSON.parse(JSON.stringify(doc)));
  if (!restored.ok) return restored.errors.map((e) => e.message);
  return validateFlow(restored.doc).filter((p) => p.severity === 'error').map((p) => p.message);
}
/** Problems the small flow has anyway (it is an engine fixture, not a finished design). */
const baseline = () => problemsWith(flow);
const withConsumer = (c: Consumer): FlowDocument => ({ ...flow, consumers: flow.consumers.map((x) => (x.id === c.id ? c : x)) });

describe('the scale settings of the inspector', () => {
  it('takes whole numbers within the design bounds and says what is wrong otherwise', () => {
    expect(parseWhole('3', BOUNDS.instances, 'Instances')).toEqual({ value: 3 });
    expect(parseWhole(' 64 ', BOUNDS.instances, 'Instances')).toEqual({ value: 64 });
    expect(parseWhole('65', BOUNDS.instances, 'Instances')).toEqual({ error: 'Instances: a whole number from 1 to 64; 65 is too many' });
    expect(parseWhole('0', BOUNDS.partitions, 'Partitions')).toEqual({ error: 'Partitions: a whole number from 1 to 1,024; 0 is too few' });
    expect(parseWhole('2.5', BOUNDS.prefetch, 'Prefetch')).toEqual({ error: 'Prefetch: a whole number from 1 to 10,000, not 2.5' });
    expect(parseWhole('', BOUNDS.lockLeaseSteps, 'Lock lease')).toEqual({ error: 'Lock lease: a whole number from 1 to 1,000,000 is needed' });
    expect(parseWhole('1024', BOUNDS.partitions, 'Partitions')).toEqual({ value: 1024 });
  });

  it('every value it accepts restores and validates; the first one past each bound does not', () => {
    for (const field of ['instances', 'prefetch', 'lockLeaseSteps'] as const) {
      const { max } = BOUNDS[field];
      expect('value' in parseWhole(String(max), BOUNDS[field], field)).toBe(true);
      expect(problemsWith(withConsumer(withConsumerNumber(consumer, field, max)))).toEqual(baseline());
      expect('error' in parseWhole(String(max + 1), BOUNDS[field], field)).toBe(true);
      expect(problemsWith(withConsumer({ ...consumer, [field]: max + 1 }))).not.toEqual(baseline());
    }
    const partitioned = withPartitioned({ ...handler, delivery: { kind: 'partitioned', partitions: 8 } }, { partitions: BOUNDS.partitions.max });
    expect(problemsWith(withConsumer({ ...consumer, handlers: [partitioned] }))).toEqual(baseline());
    expect(checkBounds(withConsumer({ ...consumer, instances: 65 })).map((e) => e.path)).toEqual([`/consumers/0/instances`]);
  });

  it('leaves a setting back at its default out of the document', () => {
    const three = withConsumerNumber(consumer, 'instances', 3);
    expect(three.instances).toBe(3);
    expect('instances' in withConsumerNumber(three, 'instances', 1)).toBe(false);
    expect('lockLeaseSteps' in withConsumerNumber(consumer, 'lockLeaseSteps', 50)).toBe(false);
    expect(withConsumerConcurrency(consumer, 'lock').concurrency).toBe('lock');
    expect('concurrency' in withConsumerConcurrency({ ...consumer, concurrency: 'lock' }, '')).toBe(false);
    expect(withProjectionConcurrency(projection, 'none').concurrency).toBe('none');
    expect('concurrency' in withProjectionConcurrency({ ...projection, concurrency: 'none' } as Projection, '')).toBe(false);
  });

  it('switches the cache off, on and on with leases', () => {
    expect(withCache(projection, 'on').cache).toEqual({ leases: false });
    expect(withCache(projection, 'leases').cache).toEqual({ leases: true });
    expect('cache' in withCache({ ...projection, cache: { leases: true } }, 'off')).toBe(false);
  });

  it('picks a delivery mode; partitioned starts at 8 partitions on the aggregate id and keeps what it had', () => {
    const partitioned = withDeliveryChoice(handler, 'partitioned');
    expect(partitioned.delivery).toEqual({ kind: 'partitioned', partitions: 8 });
    const keyed = withPartitioned(partitioned as Handler & { delivery: { kind: 'partitioned'; partitions: number } }, { partitions: 12, key: '/itemId' });
    expect(keyed.delivery).toEqual({ kind: 'partitioned', partitions: 12, key: '/itemId' });
    expect(withDeliveryChoice(keyed, 'partitioned').delivery).toEqual(keyed.delivery);
    expect(withDeliveryChoice(keyed, 'competing').delivery).toEqual({ kind: 'competing' });
    expect('delivery' in withDeliveryChoice(keyed, 'none')).toBe(false);
    const aggregate = withPartitioned(keyed as Handler & { delivery: { kind: 'partitioned'; partitions: number } }, { key: '' });
    expect(aggregate.delivery).toEqual({ kind: 'partitioned', partitions: 12 });
  });

  it('offers the aggregate id and the event’s payload paths as ordering keys; a key that is no field is shown and named', () => {
    const paths = eventPayloadPaths(flow, handler.eventTypeId);
    const options = orderingKeyOptions(paths, undefined);
    expect(options[0]).toEqual({ value: '', label: 'aggregate id (default)' });
    expect(options.slice(1).map((o) => o.value)).toEqual(paths.map((p) => p.path));
    expect(paths.length).toBeGreaterThan(0);
    expect(orderingKeyProblem(paths, paths[0]!.path)).toBeUndefined();
    expect(orderingKeyOptions(paths, '/gone').at(-1)).toEqual({ value: '/gone', label: 'gone (not a field of the event)' });
    expect(orderingKeyProblem(paths, '/gone')).toMatch(/gone is not a field of the event/);
    // The validator agrees: the key the picker marks is the one it reports.
    const broken = withConsumer({ ...consumer, handlers: [{ ...handler, delivery: { kind: 'partitioned', partitions: 2, key: '/gone' } }] });
    expect(problemsWith(broken).join('\n')).toMatch(/ordering key/);
  });

  it('says in one line what each concurrency control does', () => {
    for (const choice of [...CONSUMER_CONCURRENCY, ...PROJECTION_CONCURRENCY]) expect(choice.hint.length).toBeGreaterThan(20);
    expect(CONSUMER_CONCURRENCY.map((c) => c.value)).toEqual(['', 'none', 'optimistic', 'lock', 'single-writer']);
  });
});
