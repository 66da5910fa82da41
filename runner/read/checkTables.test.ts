import { describe, expect, it } from 'vitest';
import { pipelineFlow } from '../../src/core/engine/testing/smallFlows';
import { cleanPipelineRun } from '../testing/realRows';
import { checkTablesOf } from './checkTables';

const flow = pipelineFlow();

describe("a real run's rows as the checker's tables", () => {
  it('gives every attempt of a request its own command row: committed from the log, crashed without one', () => {
    const rows = cleanPipelineRun();
    rows.commands[0] = { ...rows.commands[0]!, attempts: 3 };
    rows.commandLog = [
      { producerId: 'shop', requestId: 'c-1', attempt: 2, aggregateId: 'i-1', eventIds: ['c-1-r2-e1'], answeredFrom: null, at: 20 },
      { producerId: 'shop', requestId: 'c-1', attempt: 3, aggregateId: 'i-1', eventIds: ['c-1-r2-e1'], answeredFrom: 2, at: 30 },
    ];
    const commands = checkTablesOf(flow, rows).commands;
    expect(commands.map((c) => [c.id, c.requestId, c.status, c.answered, c.answeredFrom])).toEqual([
      ['c-1', 'c-1', 'crashed', undefined, undefined],
      ['c-1#2', 'c-1', 'handled', false, undefined],
      ['c-1#3', 'c-1', 'handled', true, 'c-1#2'],
    ]);
  });

  it('derives each delivery from the durable: acked up to its ack floor, in flight up to what it delivered, dead from the dead-letter stream', () => {
    const rows = cleanPipelineRun();
    rows.publications.push({ ...rows.publications[0]!, seq: 2, eventId: 'x-2', at: 50 }, { ...rows.publications[0]!, seq: 3, eventId: 'x-3', at: 51 }, { ...rows.publications[0]!, seq: 4, eventId: 'x-4', at: 52 });
    rows.durables[0] = { ...rows.durables[0]!, ackFloorSeq: 2, deliveredSeq: 3 };
    rows.deadLetters.push({ consumerId: 'catalog', eventId: 'x-4', eventTypeName: 'ItemCreated', stream: 'EFD_ItemEvent', streamSeq: 4, deliveries: 4, at: 60 });
    const tables = checkTablesOf(flow, rows);
    const status = (eventId: string) => tables.deliveries.find((d) => d.eventId === eventId && d.consumerId === 'catalog')?.status;
    expect([status('c-1-e1'), status('x-2'), status('x-3'), status('x-4')]).toEqual(['acked', 'acked', 'in-flight', 'dead']);
    expect(tables.publications.find((p) => p.eventId === 'c-1-e1')?.subscriberIds).toEqual(['catalog']);
  });

  it('gives a dead letter the reason its consumer logged last', () => {
    const rows = cleanPipelineRun();
    rows.deadLetters.push({ consumerId: 'catalog', eventId: 'x-4', eventTypeName: 'ItemCreated', stream: 'EFD_ItemEvent', streamSeq: 4, deliveries: 2, at: 60 });
    rows.processEvents.push({ seq: 1, process: 'consumer:catalog#1@2', kind: 'handle-failed', detail: 'catalog failed ItemCreated x-4 on delivery 2 of 2: poison value "b" (fault); JetStream gives up: dead letter', at: 55 });
    expect(checkTablesOf(flow, rows).deadLetters).toEqual([{ consumerId: 'catalog', eventId: 'x-4', reason: 'poison value "b" (fault)', attempts: 2, step: 60 }]);
  });
});
