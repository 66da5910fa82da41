import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { restoreFlowDocument, type FlowDocument } from '../model';
import { createSimulationEngine } from './engine';
import { createMemorySimulationStore } from './memoryStore';

function example(): FlowDocument {
  const restored = restoreFlowDocument(JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')));
  if (!restored.ok) throw new Error('example refused');
  return restored.doc;
}

describe('fireMany with a workload mix', () => {
  it('given a 3:1 mix of two commands, when 2,000 are fired, then each command gets about its share, the same seed gives the same commands', async () => {
    const fire = async (seed: number) => {
      const engine = createSimulationEngine(createMemorySimulationStore());
      const flow = example();
      await engine.startRun(flow, { seed });
      return engine.fireMany(flow.id, {
        count: 2000,
        mix: [
          { producerId: 'content-ingest', commandId: 'ingest-video', weight: 3 },
          { producerId: 'content-ingest', commandId: 'change-video-status', weight: 1 },
        ],
      });
    };
    const commands = await fire(5);
    const ingest = commands.filter((c) => c.commandId === 'ingest-video').length;
    expect(commands).toHaveLength(2000);
    expect(ingest / 2000).toBeGreaterThan(0.7);
    expect(ingest / 2000).toBeLessThan(0.8);
    expect((await fire(5)).map((c) => [c.commandId, c.payload])).toEqual(commands.map((c) => [c.commandId, c.payload]));
  });

  it('given a mix whose weights are all 0, when fired, then it is refused with a message', async () => {
    const engine = createSimulationEngine(createMemorySimulationStore());
    const flow = example();
    await engine.startRun(flow);
    await expect(engine.fireMany(flow.id, { count: 3, mix: [{ producerId: 'content-ingest', commandId: 'ingest-video', weight: 0 }] }))
      .rejects.toThrow(/no command with a weight above 0/);
  });

  it('given a mix with a weight-0 entry, when fired, then that command never appears', async () => {
    const engine = createSimulationEngine(createMemorySimulationStore());
    const flow = example();
    await engine.startRun(flow);
    const commands = await engine.fireMany(flow.id, {
      count: 200,
      mix: [{ producerId: 'content-ingest', commandId: 'ingest-video', weight: 0 }, { producerId: 'content-ingest', commandId: 'change-video-status', weight: 2 }],
    });
    expect(new Set(commands.map((c) => c.commandId))).toEqual(new Set(['change-video-status']));
  });
});
