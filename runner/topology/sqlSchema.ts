/**
 * The PostgreSQL DDL of a plan: every table the runner's processes write, with the constraints that
 * make the patterns work (the event store's unique (stream, version), the inbox's primary key on the
 * event id, the outbox's pending index the relays poll with FOR UPDATE SKIP LOCKED). The same text is
 * executed at the start of a run and exported for a team to read. Pure.
 */
import type { InfraPlan, ProjectionPlan } from './plan';
import { quoteIdent, quoteLiteral } from './names';

/** Internal projection columns; a design column with one of these names gets no generated column. */
const PROJECTION_INTERNALS = new Set(['_key', '_row', '_last_event_id', '_updated_at']);

function generatedColumn(column: { name: string; type: string }): string {
  const path = quoteLiteral(column.name);
  const name = quoteIdent(column.name);
  switch (column.type) {
    case 'number':
      return `${name} double precision GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(_row->${path}) = 'number' THEN (_row->>${path})::double precision END) STORED`;
    case 'boolean':
      return `${name} boolean GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(_row->${path}) = 'boolean' THEN (_row->>${path})::boolean END) STORED`;
    case 'list':
      return `${name} jsonb GENERATED ALWAYS AS (_row->${path}) STORED`;
    default:
      return `${name} text GENERATED ALWAYS AS (_row->>${path}) STORED`;
  }
}

function projectionTable(plan: InfraPlan, projection: ProjectionPlan): string {
  const columns = projection.columns.filter((c) => !PROJECTION_INTERNALS.has(c.name) && c.name !== '');
  const seen = new Set<string>();
  const unique = columns.filter((c) => (seen.has(quoteIdent(c.name)) ? false : (seen.add(quoteIdent(c.name)), true)));
  return [
    `-- projection ${projection.name} (key column ${projection.keyColumn}): the whole row is _row; readable columns are generated from it`,
    `CREATE TABLE ${plan.schemas.readModel}.${projection.table} (`,
    `  _key text PRIMARY KEY,`,
    `  _row jsonb NOT NULL,`,
    `  _last_event_id text NOT NULL,`,
    `  _updated_at timestamptz NOT NULL DEFAULT clock_timestamp()${unique.length > 0 ? ',' : ''}`,
    ...unique.map((c, i) => `  ${generatedColumn(c)}${i < unique.length - 1 ? ',' : ''}`),
    `);`,
  ].join('\n');
}

function outboxTable(schema: string): string {
  return [
    `CREATE TABLE ${schema}.outbox (`,
    `  seq bigserial PRIMARY KEY,`,
    `  event_id text NOT NULL,`,
    `  event_type_id text NOT NULL,`,
    `  event_type_name text NOT NULL,`,
    `  subject text NOT NULL,`,
    `  message jsonb NOT NULL,`,
    `  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),`,
    `  publish_attempts integer NOT NULL DEFAULT 0,`,
    `  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),`,
    `  sent_at timestamptz`,
    `);`,
    `-- the relays poll this: SELECT … WHERE status = 'pending' ORDER BY seq FOR UPDATE SKIP LOCKED`,
    `CREATE INDEX outbox_pending ON ${schema}.outbox (seq) WHERE status = 'pending';`,
  ].join('\n');
}

/** The DDL of every schema and table of the plan, as one SQL script (drops nothing). Pure. */
export function schemaDdl(plan: InfraPlan): string {
  const { eventStore, readModel, runner } = plan.schemas;
  const parts: string[] = [
    `-- Event Flow Designer runner: PostgreSQL schema (namespace ${plan.namespace})`,
    `-- One PostgreSQL database stands in for the services' databases: each service has its own schema,`,
    `-- and a service's transaction touches only its schema, the shared event store and the read model.`,
    '',
    `CREATE SCHEMA ${eventStore};`,
    `-- the event store: append-only; one event per (stream, version) is what optimistic concurrency rests on`,
    `CREATE TABLE ${eventStore}.events (`,
    `  position bigserial PRIMARY KEY,`,
    `  event_id text NOT NULL,`,
    `  event_type_id text NOT NULL,`,
    `  event_type_name text NOT NULL,`,
    `  stream_id text NOT NULL,`,
    `  aggregate_type text NOT NULL,`,
    `  aggregate_id text NOT NULL,`,
    `  version integer NOT NULL CHECK (version >= 1),`,
    `  occurred_at text NOT NULL,`,
    `  payload jsonb NOT NULL,`,
    `  source_id text NOT NULL,`,
    `  command_id text NOT NULL,`,
    `  causation_id text NOT NULL,`,
    `  committed_at timestamptz NOT NULL DEFAULT clock_timestamp(),`,
    `  CONSTRAINT events_stream_version UNIQUE (stream_id, version)`,
    `);`,
    `CREATE INDEX events_event_id ON ${eventStore}.events (event_id);`,
    '',
  ];
  for (const producer of plan.producers) {
    parts.push(
      `-- producer ${producer.name}: ${producer.outbox ? 'business row + event + outbox row in one transaction' : 'dual write: business row + event, then a direct publish'}`,
      `CREATE SCHEMA ${producer.schema};`,
      `CREATE TABLE ${producer.schema}.${producer.businessTable} (`,
      `  aggregate_id text PRIMARY KEY,`,
      `  version integer NOT NULL,`,
      `  stream_version integer NOT NULL,`,
      `  columns jsonb NOT NULL,`,
      `  updated_at timestamptz NOT NULL DEFAULT clock_timestamp()`,
      `);`,
      `-- the command log, written in the command's transaction: one row per attempt that committed;`,
      `-- with an idempotency key, a caller's retry finds the first commit here and is answered from it`,
      `CREATE TABLE ${producer.schema}.command_log (`,
      `  request_id text NOT NULL,`,
      `  attempt integer NOT NULL,`,
      `  aggregate_id text NOT NULL,`,
      `  event_ids jsonb NOT NULL,`,
      `  answered_from integer,`,
      `  committed_at timestamptz NOT NULL DEFAULT clock_timestamp(),`,
      `  PRIMARY KEY (request_id, attempt)`,
      `);`,
      outboxTable(producer.schema),
      '',
    );
  }
  for (const consumer of plan.consumers) {
    parts.push(
      `-- consumer ${consumer.name}: inbox row + projection effects + own outbox rows in one transaction${consumer.inbox ? '' : ' (inbox off in this run)'}`,
      `CREATE SCHEMA ${consumer.schema};`,
      `CREATE TABLE ${consumer.schema}.inbox (`,
      `  event_id text PRIMARY KEY,`,
      `  event_type_name text NOT NULL,`,
      `  processed_at timestamptz NOT NULL DEFAULT clock_timestamp(),`,
      `  duplicates_skipped integer NOT NULL DEFAULT 0`,
      `);`,
      outboxTable(consumer.schema),
      '',
    );
  }
  parts.push(`CREATE SCHEMA ${readModel};`);
  for (const projection of plan.projections) parts.push(projectionTable(plan, projection));
  parts.push(
    '',
    `-- the runner's own bookkeeping: the workload (what callers asked), and a log each handling`,
    `-- transaction writes about itself in the same transaction (what a change-data-capture feed would show)`,
    `CREATE SCHEMA ${runner};`,
    `CREATE TABLE ${runner}.commands (`,
    `  seq integer PRIMARY KEY,`,
    `  id text NOT NULL UNIQUE,`,
    `  producer_id text NOT NULL,`,
    `  command_id text NOT NULL,`,
    `  command_name text NOT NULL,`,
    `  payload jsonb NOT NULL,`,
    `  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'taken', 'handled', 'rejected', 'crashed')),`,
    `  taken_by text,`,
    `  attempts integer NOT NULL DEFAULT 0,`,
    `  aggregate_id text,`,
    `  event_ids jsonb,`,
    `  reason text,`,
    `  fired_at timestamptz NOT NULL DEFAULT clock_timestamp(),`,
    `  answered_at timestamptz`,
    `);`,
    `CREATE INDEX commands_pending ON ${runner}.commands (producer_id, seq) WHERE status = 'pending';`,
    `CREATE TABLE ${runner}.handlings (`,
    `  id bigserial PRIMARY KEY,`,
    `  consumer_id text NOT NULL,`,
    `  instance text NOT NULL,`,
    `  event_id text NOT NULL,`,
    `  event_type_name text NOT NULL,`,
    `  stream_id text NOT NULL,`,
    `  version integer NOT NULL,`,
    `  delivery_count integer NOT NULL,`,
    `  outcome text NOT NULL CHECK (outcome IN ('applied', 'duplicate-skipped')),`,
    `  changes jsonb NOT NULL,`,
    `  emitted jsonb NOT NULL,`,
    `  handled_at timestamptz NOT NULL DEFAULT clock_timestamp()`,
    `);`,
    `CREATE TABLE ${runner}.process_events (`,
    `  seq bigserial PRIMARY KEY,`,
    `  process text NOT NULL,`,
    `  kind text NOT NULL,`,
    `  detail text NOT NULL,`,
    `  at timestamptz NOT NULL DEFAULT clock_timestamp()`,
    `);`,
  );
  return `${parts.join('\n')}\n`;
}

/** Drops every schema of the plan (the runner owns them). Pure. */
export function dropDdl(plan: InfraPlan): string {
  const schemas = [plan.schemas.eventStore, plan.schemas.readModel, plan.schemas.runner, ...plan.producers.map((p) => p.schema), ...plan.consumers.map((c) => c.schema)];
  return schemas.map((s) => `DROP SCHEMA IF EXISTS ${s} CASCADE;`).join('\n');
}
