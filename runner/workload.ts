/**
 * The seed-derived workload: the commands the simulator's `fireMany` would fire for this design and
 * seed (same generator, same order, same payloads), taken from a simulator run on an in-memory
 * store. The real runner queues exactly these, so `--compare` runs both on one workload.
 */
import { createMemorySimulationStore, createSimulationEngine, type CommandRecord, type FlowDocument } from '../src/core';

export async function seededWorkload(flow: FlowDocument, seed: number, count: number): Promise<CommandRecord[]> {
  if (count === 0) return [];
  const engine = createSimulationEngine(createMemorySimulationStore());
  await engine.startRun(flow, { seed });
  return engine.fireMany(flow.id, { count });
}
