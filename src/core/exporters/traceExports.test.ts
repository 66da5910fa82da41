import { describe, expect, it } from 'vitest';
import { defaultRunSettings } from '../engine/settings';
import { emptyStats } from '../engine/processes';
import type { CommandRecord, EventRecord, RunRecord } from '../engine/records';
import { loadExample } from './testSupport';
import { toGivenWhenThen, toTraceJson, type RunSnapshot } from './traceExports';

const flow = loadExample();
const seq = { command: 2, event: 2, outbox: 2, direct: 0, publication: 0, delivery: 0, order: 0, inbox: 0, handling: 0, external: 0, deadLetter: 0 };
const run: RunRecord = {
  runId: flow.id, flow, settings: defaultRunSettings(7), rngState: 1, step: 3, clock: 0, seq, position: 2, stats: emptyStats(), processes: [], nextAckDeadline: null, quiet: false,
};
const command = (n: number, payload: CommandRecord['payload']): CommandRecord => ({
  runId: flow.id, seq: n, id: `c-${n}`, producerId: 'content-ingest', commandId: 'ingest-video', commandName: 'IngestVideo',
  payload, status: 'handled', firedStep: n, handledStep: n + 1, eventIds: [`e-${n}`], requestId: `c-${n}`, attempt: 1, conflicts: 0,
});
const event = (n: number): EventRecord => ({
  runId: flow.id, position: n, eventId: `e-${n}`, eventTypeId: 'video-input-event', eventTypeName: 'VideoInputEvent',
  streamId: `video/v${n}`, aggregateType: 'video', aggregateId: `v${n}`, version: 1, occurredAt: '2026-01-01T00:00:00.000Z',
  payload: { videoId: `v${n}`, title: `T${n}` }, sourceId: 'content-ingest', commandId: `c-${n}`, causationId: `c-${n}`, depth: 0, step: n + 1,
});
const snapshot: RunSnapshot = {
  run,
  commands: [command(2, { videoId: 'v2' }), command(1, { videoId: 'v1' })],
  events: [event(2), event(1)],
  projectionRows: [
    { runId: flow.id, projectionId: 'videos-by-status', key: 'v2', values: { videoId: 'v2', status: 'published' }, lastEventId: 'e-2', updatedStep: 3 },
    { runId: flow.id, projectionId: 'videos-by-status', key: 'v1', values: { videoId: 'v1', status: 'published' }, lastEventId: 'e-1', updatedStep: 2 },
  ],
  trace: [
    { runId: flow.id, step: 2, clock: 100, kind: 'command', text: 'content-ingest handled IngestVideo c-2', nodeIds: ['content-ingest'], edgeIds: [] },
    { runId: flow.id, step: 1, clock: 0, kind: 'command', text: 'content-ingest handled IngestVideo c-1', nodeIds: ['content-ingest'], edgeIds: [], fault: 'crash-after-commit' },
  ],
  anomalies: [{
    runId: flow.id, id: 'lost:e-1', seq: 1, kind: 'lost', severity: 'broken', eventIds: ['e-1'], nodeIds: ['content-ingest'], message: 'VideoInputEvent e-1 lost', step: 1,
    at: 1, rootCause: { nodeId: 'content-ingest', what: 'never published' }, affected: { eventIds: [], nodeIds: [] },
  }],
};

describe('trace exports', () => {
  it('given a run, the trace JSON lists the steps in order without run ids, with the settings and anomalies', () => {
    const trace = toTraceJson(snapshot);
    expect(trace).toMatchObject({ format: 'event-flow-designer/trace', design: { id: 'content-platform', name: 'Content platform' }, seed: 7, steps: 3, quiet: false });
    expect(trace.trace.map((t) => t.step)).toEqual([1, 2]);
    expect(trace.trace[0]).toEqual({ step: 1, clock: 0, kind: 'command', text: 'content-ingest handled IngestVideo c-1', nodeIds: ['content-ingest'], edgeIds: [], fault: 'crash-after-commit' });
    expect(trace.anomalies).toEqual([{ kind: 'lost', message: 'VideoInputEvent e-1 lost', eventIds: ['e-1'], nodeIds: ['content-ingest'], step: 1 }]);
  });

  it('given a run, the fixture has the commands given, the events that followed and the projection rows by name', () => {
    const fixture = toGivenWhenThen(snapshot);
    expect(fixture.given.commands).toEqual([
      { id: 'c-1', producer: 'content-ingest', command: 'IngestVideo', payload: { videoId: 'v1' }, status: 'handled' },
      { id: 'c-2', producer: 'content-ingest', command: 'IngestVideo', payload: { videoId: 'v2' }, status: 'handled' },
    ]);
    expect(fixture.when).toEqual({ action: 'run 3 micro-steps', steps: 3, quiet: false });
    expect(fixture.then.events.map((e) => [e.position, e.eventId, e.eventType, e.source, e.payload.title])).toEqual([
      [1, 'e-1', 'VideoInputEvent', 'content-ingest', 'T1'],
      [2, 'e-2', 'VideoInputEvent', 'content-ingest', 'T2'],
    ]);
    expect(fixture.then.projections).toEqual({
      'author-videos': [],
      notifications: [],
      'videos-by-status': [{ videoId: 'v1', status: 'published' }, { videoId: 'v2', status: 'published' }],
    });
    expect(fixture.then.anomalies).toEqual([{ kind: 'lost', message: 'VideoInputEvent e-1 lost', eventIds: ['e-1'] }]);
    expect(JSON.parse(JSON.stringify(fixture))).toEqual(fixture);
  });
});
