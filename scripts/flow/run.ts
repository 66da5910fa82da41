// `npm run flow -- run <design.json> --pg postgres://… --nats nats://… [--commands N] [--seed S] [--faults …] …`
// Runs a design on real PostgreSQL + NATS JetStream (one OS process per producer, relay and consumer
// instance), prints the JSON report, exits 1 when an invariant is broken or the run does not get
// quiet, 2 on bad usage. `--help` lists every option.
import { compareKinds, simulatorReport } from '../../runner/compare';
import { ArgumentError, missingConnection, parseRunArguments, type RunArguments } from '../../runner/cli/runArguments';
import { realReport } from '../../runner/read/realReport';
import { runDesign } from '../../runner/runDesign';
import { startLocalServices, type LocalServices } from '../../runner/services/localServices';
import { CHAOS_NAMES } from '../../runner/supervisor/faults';
import { InputError, readDesignFile } from './commandLine';

export const RUN_USAGE = `usage: npm run -s flow -- run <design.json> (--pg postgres://… --nats nats://… | --local) [options]

Runs the design on real PostgreSQL + NATS JetStream: one OS process per producer, per relay and per
consumer instance, with real crashes; prints the invariant report as JSON (exit 1 when an invariant
is broken or the run does not get quiet, 2 on bad usage).

  --pg URL               PostgreSQL (default: $EFD_PG_URL); the runner owns every schema named <namespace>_*
  --nats URL             NATS server with JetStream (default: $EFD_NATS_URL); it owns every stream named <NAMESPACE>_*
  --local                start a throw-away PostgreSQL and nats-server -js for this run (needs the binaries)
  --commands N           commands to fire (default 100), the same seed-derived workload as \`flow simulate\`
  --seed S               seed of the workload and of the fault schedule (default 1)
  --faults LIST          ${CHAOS_NAMES.join(', ')}
                         e.g. crash-after-publish=0.2,crash-after-handle=0.1,kill-every=2s,nats-drop-every=3s
  --inbox-off IDS        consumers that run without their inbox
  --dual-write IDS       producers/consumers that publish directly after commit (no outbox)
  --publish-first IDS    dual-write owners that publish before they commit (phantoms when the commit fails)
  --fresh-ids IDS        consumers emitting fresh event ids instead of derived ones
  --idempotency-keys IDS producers whose callers send idempotency keys
  --caller-retries N     times a caller retries a request that got no answer (default 0)
  --conflict-retries N   re-reads after losing a race on a stream version before rejecting (default 3)
  --instances C=N,…      instances of a consumer (default: the design's, else 1)
  --mode C=partitioned:N|competing,…  delivery mode (default: the design's handlers', else partitioned:1, strictly ordered)
  --relays N             relay processes per outbox (default 1; they compete with SKIP LOCKED)
  --ack-wait D           JetStream ack wait (default 2s)
  --broker-dedupe on|off Nats-Msg-Id dedupe of republished events (default on)
  --allow KINDS          report these kinds but keep ok true, e.g. dead-letter,rejected
  --timeout D            give up waiting for quiet after D (default 180s)
  --stalled-after D      an outbox row waiting longer than D while no relay marks anything sent is stalled (default 10s)
  --namespace NAME       prefix of the schemas, streams and subjects of this run (default efd)
  --compare              also run the simulator on the same workload and list where they disagree in kind
  --verbose              print every process event and child output to stderr
`;

async function withServices<T>(args: RunArguments, fn: (pgUrl: string, natsUrl: string) => Promise<T>): Promise<T> {
  if (!args.local) return fn(args.pgUrl ?? '', args.natsUrl ?? '');
  let services: LocalServices | undefined;
  try {
    services = await startLocalServices();
    const pgUrl = await services.createDatabase('efd_run');
    return await fn(pgUrl, services.natsUrl);
  } finally {
    await services?.stop();
  }
}

/** Runs the command; resolves to the exit code. */
export async function run(argv: string[]): Promise<number> {
  let args: RunArguments;
  try {
    args = parseRunArguments(argv, process.env);
    const missing = args.help ? undefined : missingConnection(args);
    if (missing) throw new ArgumentError(missing);
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    console.error(`${error.message}\n\n${RUN_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(RUN_USAGE);
    return 0;
  }
  let flow;
  try {
    flow = await readDesignFile(args.file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(error.message);
    return 1;
  }
  const design = flow;
  return withServices(args, async (pgUrl, natsUrl) => {
    const outcome = await runDesign(design, {
      pgUrl, natsUrl, commands: args.commands, seed: args.seed, faults: args.faults, settings: args.settings, topology: args.topology,
      timeoutMs: args.timeoutMs, stalledAfterMs: args.stalledAfterMs, onLine: args.verbose ? (line) => console.error(line) : undefined,
    });
    const { report, check, ok } = realReport({ flow: design, seed: args.seed, commands: args.commands, faults: args.faults, allow: args.allow, outcome });
    if (args.compare) {
      const sim = await simulatorReport(design, args);
      report.compare = compareKinds(sim.report, check, { steps: sim.steps, quiet: sim.quiet, verdict: sim.verdict });
    }
    console.log(JSON.stringify(report, null, 2));
    return ok ? 0 : 1;
  });
}
