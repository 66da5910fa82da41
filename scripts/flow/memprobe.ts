import { readFileSync } from 'node:fs';
import { createMemorySimulationStore, createSimulationEngine, type FlowDocument } from '../../src/core';
const flow = JSON.parse(readFileSync('/work/wt/engine/public/examples/content-platform.json', 'utf8')) as FlowDocument;
const mb = () => Math.round(process.memoryUsage().heapUsed / 1e6);
const cpu = () => Math.round(process.cpuUsage().user / 1e5) / 10;
(async () => {
  const engine = createSimulationEngine(createMemorySimulationStore({ indexes: 'lean', copyOnWrite: false, discard: process.env.DISCARD ? ['trace'] : [] }));
  await engine.startRun(flow, { seed: 7, faults: { duplicateDelivery: 0.1, crashAfterPublish: 0.05 } });
  const n = Number(process.argv[2] ?? 5000);
  for (let d = 0; d < n; d += 5000) await engine.fireMany(flow.id, { count: Math.min(5000, n - d) });
  global.gc?.(); console.log('fired', mb());
  const t = Date.now();
  const r = await engine.runUntilQuiet(flow.id, { maxSteps: 10_000_000, stepsPerTransaction: 2000 });
  global.gc?.(); console.log('ran', mb(), r.steps, (Date.now() - t) / 1000, 's wall', cpu(), 's cpu');
  const rep = await engine.report(flow.id);
  global.gc?.(); console.log('reported', mb(), rep.ok, cpu(), 's cpu');
})();
