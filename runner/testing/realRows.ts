/**
 * Builders of a real run's rows for the runner's unit tests: a clean, complete run of one command
 * through one consumer, which a test then breaks on purpose (drop a publication, repeat a handling…).
 */
import type { RealRunRows } from '../read/readRealRun';

export function emptyRows(): RealRunRows {
  return {
    events: [], commands: [], commandLog: [], businessRows: [], outbox: [], publications: [], handlings: [], inbox: [],
    deadLetters: [], externalEffects: [], projectionRows: [], durables: [], processEvents: [],
  };
}

/**
 * The pipeline flow (`pipelineFlow()`), one CreateItem for item `i-1` owned by `o-1`: shop commits
 * `c-1-e1`, the relay publishes it, catalog applies it (upserts items[i-1], emits `c-1-e1:catalog#1`),
 * the relay publishes that, counter applies it (owners[o-1]: listed 1, items [i-1]).
 */
export function cleanPipelineRun(): RealRunRows {
  const rows = emptyRows();
  const created = { position: 1, eventId: 'c-1-e1', eventTypeId: 'item-created', eventTypeName: 'ItemCreated', streamId: 'item/i-1', aggregateType: 'item', aggregateId: 'i-1', version: 1, occurredAt: '2026-01-01T00:00:00.000Z', payload: { itemId: 'i-1', owner: 'o-1', state: 'a' }, sourceId: 'shop', commandId: 'c-1', causationId: 'c-1', at: 10 };
  const listed = { position: 2, eventId: 'c-1-e1:catalog#1', eventTypeId: 'item-listed', eventTypeName: 'ItemListed', streamId: 'owner/o-1', aggregateType: 'owner', aggregateId: 'o-1', version: 1, occurredAt: '2026-01-01T00:00:01.000Z', payload: { itemId: 'i-1', owner: 'o-1' }, sourceId: 'catalog', commandId: 'c-1', causationId: 'c-1-e1', at: 30 };
  rows.events.push(created, listed);
  rows.commands.push({ seq: 1, id: 'c-1', producerId: 'shop', commandId: 'create', commandName: 'CreateItem', payload: { itemId: 'i-1', owner: 'o-1', state: 'a' }, status: 'handled', attempts: 1, aggregateId: 'i-1', eventIds: ['c-1-e1'], reason: null, firedAt: 0, answeredAt: 11 });
  rows.commandLog.push({ producerId: 'shop', requestId: 'c-1', attempt: 1, aggregateId: 'i-1', eventIds: ['c-1-e1'], answeredFrom: null, at: 10 });
  rows.outbox.push(
    { ownerId: 'shop', seq: 1, eventId: 'c-1-e1', eventTypeId: 'item-created', eventTypeName: 'ItemCreated', status: 'sent', publishAttempts: 1, createdAt: 10, sentAt: 15 },
    { ownerId: 'catalog', seq: 1, eventId: 'c-1-e1:catalog#1', eventTypeId: 'item-listed', eventTypeName: 'ItemListed', status: 'sent', publishAttempts: 1, createdAt: 30, sentAt: 35 },
  );
  rows.publications.push(
    { stream: 'EFD_ItemEvent', seq: 1, subject: 'efd.evt.ItemEvent.p0.ItemCreated', eventId: 'c-1-e1', eventTypeId: 'item-created', eventTypeName: 'ItemCreated', ownerId: 'shop', via: 'relay', publisher: 'relay:shop#1@1', streamId: 'item/i-1', version: 1, causationId: 'c-1', at: 14 },
    { stream: 'EFD_ItemListed', seq: 1, subject: 'efd.evt.ItemListed.p0.ItemListed', eventId: 'c-1-e1:catalog#1', eventTypeId: 'item-listed', eventTypeName: 'ItemListed', ownerId: 'catalog', via: 'relay', publisher: 'relay:catalog#1@1', streamId: 'owner/o-1', version: 1, causationId: 'c-1-e1', at: 34 },
  );
  rows.handlings.push(
    { id: 1, consumerId: 'catalog', instance: 'consumer:catalog#1@1', eventId: 'c-1-e1', eventTypeName: 'ItemCreated', streamId: 'item/i-1', version: 1, deliveryCount: 1, outcome: 'applied', at: 30,
      changes: [{ projectionId: 'items', key: 'i-1', before: null, after: { itemId: 'i-1', state: 'a', at: '2026-01-01T00:00:00.000Z' } }], emitted: ['c-1-e1:catalog#1'] },
    { id: 2, consumerId: 'counter', instance: 'consumer:counter#1@1', eventId: 'c-1-e1:catalog#1', eventTypeName: 'ItemListed', streamId: 'owner/o-1', version: 1, deliveryCount: 1, outcome: 'applied', at: 40,
      changes: [{ projectionId: 'owners', key: 'o-1', before: null, after: { owner: 'o-1', listed: 1, items: ['i-1'] } }], emitted: [] },
  );
  rows.inbox.push({ consumerId: 'catalog', eventId: 'c-1-e1', eventTypeName: 'ItemCreated', duplicatesSkipped: 0 }, { consumerId: 'counter', eventId: 'c-1-e1:catalog#1', eventTypeName: 'ItemListed', duplicatesSkipped: 0 });
  rows.projectionRows.push(
    { projectionId: 'items', key: 'i-1', values: { itemId: 'i-1', state: 'a', at: '2026-01-01T00:00:00.000Z' }, lastEventId: 'c-1-e1' },
    { projectionId: 'owners', key: 'o-1', values: { owner: 'o-1', listed: 1, items: ['i-1'] }, lastEventId: 'c-1-e1:catalog#1' },
  );
  rows.durables.push(
    { consumerId: 'catalog', durable: 'catalog__ItemEvent__p0', stream: 'EFD_ItemEvent', partition: 0, deliveredSeq: 1, ackFloorSeq: 1, pending: 0, ackPending: 0 },
    { consumerId: 'counter', durable: 'counter__ItemListed__p0', stream: 'EFD_ItemListed', partition: 0, deliveredSeq: 1, ackFloorSeq: 1, pending: 0, ackPending: 0 },
  );
  return rows;
}
