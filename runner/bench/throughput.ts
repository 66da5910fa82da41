// `npm run bench:runner` — throughput of the real runner on the built-in example: commands per second
// end to end (first commit to last handling, read from the rows' commit times), per process count,
// on a throw-away PostgreSQL + nats-server. Printed, never asserted. `BENCH_COMMANDS` sets the
// workload (default 300).
import { readFileSync } from 'node:fs';
import type { FlowDocument } from '../../src/core';
import { runDesign } from '../runDesign';
import { localBinaries } from '../services/binaries';
import { startLocalServices } from '../services/localServices';
import type { DeliveryMode } from '../topology/plan';

const flow = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;
const commands = Number(process.env.BENCH_COMMANDS ?? 300);
const consumers = flow.consumers.map((c) => c.id);

const configurations: { name: string; relays: number; instances: number; mode: DeliveryMode }[] = [
  { name: '1 relay per outbox, 1 instance per consumer', relays: 1, instances: 1, mode: { kind: 'partitioned', partitions: 1 } },
  { name: '2 relays per outbox, 2 instances per consumer (4 partitions)', relays: 2, instances: 2, mode: { kind: 'partitioned', partitions: 4 } },
  { name: '2 relays per outbox, 3 instances per consumer (competing)', relays: 2, instances: 3, mode: { kind: 'competing' } },
];

const found = localBinaries();
if (!found.ok) {
  console.error(`bench:runner needs PostgreSQL and nats-server: ${found.reason}`);
  process.exit(1);
}
const services = await startLocalServices(found.binaries);
const results: Record<string, unknown>[] = [];
try {
  for (const [i, config] of configurations.entries()) {
    const pgUrl = await services.createDatabase(`efd_bench_${i}`);
    const outcome = await runDesign(flow, {
      pgUrl, natsUrl: services.natsUrl, commands, seed: 1, timeoutMs: 600_000,
      topology: {
        namespace: `bench${i}`, relaysPerOutbox: config.relays,
        instances: new Map(consumers.map((id) => [id, config.instances])), modes: new Map(consumers.map((id) => [id, config.mode])),
      },
    });
    const first = Math.min(...outcome.rows.events.map((e) => e.at));
    const last = Math.max(...outcome.rows.handlings.map((h) => h.at));
    const seconds = (last - first) / 1000;
    const row = {
      configuration: config.name,
      processes: outcome.processes.count,
      commands,
      events: outcome.rows.events.length,
      handlings: outcome.rows.handlings.length,
      quiet: outcome.quiet,
      endToEndSeconds: Math.round(seconds * 100) / 100,
      commandsPerSecond: Math.round((commands / seconds) * 10) / 10,
      handlingsPerSecond: Math.round((outcome.rows.handlings.length / seconds) * 10) / 10,
    };
    results.push(row);
    console.log(JSON.stringify(row));
  }
} finally {
  await services.stop();
}
console.table(results);
