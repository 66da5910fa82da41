import { describe, expect, it } from 'vitest';
import { checkRun } from '../../src/core';
import { pipelineFlow } from '../../src/core/engine/testing/smallFlows';
import { cleanPipelineRun } from '../testing/realRows';
import { checkInputOf } from './checkTables';
import { oracle } from './realOracle';

const flow = pipelineFlow();
const check = (rows: ReturnType<typeof cleanPipelineRun>) => checkRun(checkInputOf(flow, { rows, startedAt: 0, endedAt: 100, stalledAfterMs: 10_000 }));

describe('reading a real run: the oracle and the engine checker over the same rows', () => {
  it('finds nothing wrong in a clean run', () => {
    const rows = cleanPipelineRun();
    expect(oracle(flow, rows).entries).toEqual([]);
    expect(check(rows).entries).toEqual([]);
  });

  it('finds a committed event that never reached JetStream (lost), blaming its producer', () => {
    const rows = cleanPipelineRun();
    rows.publications = [];
    rows.events.pop();
    rows.outbox.pop();
    rows.handlings = [];
    rows.inbox = [];
    rows.projectionRows = [];
    expect(oracle(flow, rows).byKind.lost).toBe(1);
    const report = check(rows);
    expect(report.entries.find((e) => e.kind === 'lost' && e.eventIds.includes('c-1-e1'))?.rootCause.nodeId).toBe('shop');
    expect(report.ok).toBe(false);
  });

  it('finds a harmful repeat (the inbox did not stop a redelivery) and tells a harmless one apart', () => {
    const rows = cleanPipelineRun();
    const second = { ...rows.handlings[1]!, id: 3, deliveryCount: 2, at: 50, changes: [{ projectionId: 'owners', key: 'o-1', before: { owner: 'o-1', listed: 1, items: ['i-1'] }, after: { owner: 'o-1', listed: 2, items: ['i-1', 'i-1'] } }] };
    rows.handlings.push(second);
    rows.projectionRows[1] = { ...rows.projectionRows[1]!, values: second.changes[0]!.after };
    expect(oracle(flow, rows).byKind['duplicate-effect']).toBe(1);
    expect(check(rows).byKind.duplicate).toBe(1);

    const harmless = cleanPipelineRun();
    const same = harmless.handlings[0]!.changes[0]!.after;
    harmless.handlings.push({ ...harmless.handlings[0]!, id: 3, deliveryCount: 2, at: 50, emitted: ['c-1-e1:catalog#1'], changes: [{ projectionId: 'items', key: 'i-1', before: same, after: same }] });
    const truth = oracle(flow, harmless);
    expect(truth.byKind.repeat).toBe(1);
    expect(truth.ok).toBe(true);
    expect(check(harmless).byKind.repeat).toBe(1);
    expect(check(harmless).ok).toBe(true);
  });

  it('finds a subscriber that never applied a published event', () => {
    const rows = cleanPipelineRun();
    rows.handlings.pop();
    rows.projectionRows.pop();
    expect(oracle(flow, rows).byKind.gap).toBe(1);
    expect(check(rows).byKind.missed).toBe(1);
  });

  it('finds a request committed twice by a caller retry without an idempotency key', () => {
    const rows = cleanPipelineRun();
    rows.commands[0] = { ...rows.commands[0]!, attempts: 2, eventIds: ['c-1-r2-e1'] };
    rows.commandLog.push({ producerId: 'shop', requestId: 'c-1', attempt: 2, aggregateId: 'i-1', eventIds: ['c-1-r2-e1'], answeredFrom: null, at: 20 });
    rows.events.push({ ...rows.events[0]!, position: 3, eventId: 'c-1-r2-e1', version: 2, commandId: 'c-1#2', causationId: 'c-1#2', at: 20 });
    rows.publications.push({ ...rows.publications[0]!, seq: 2, eventId: 'c-1-r2-e1', version: 2, causationId: 'c-1#2', at: 21 });
    expect(oracle(flow, rows).byKind['duplicate-command-effect']).toBe(1);
    expect(check(rows).byKind['duplicate-command']).toBe(1);
  });

  it('finds a projection row that differs from a rebuild of the event store', () => {
    const rows = cleanPipelineRun();
    rows.projectionRows[1] = { ...rows.projectionRows[1]!, values: { owner: 'o-1', listed: 7, items: ['i-1'] } };
    expect(oracle(flow, rows).byKind['projection-differs']).toBe(1);
    expect(check(rows).byKind['rebuild-differs']).toBe(1);
  });
});
