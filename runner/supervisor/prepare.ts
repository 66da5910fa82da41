/**
 * Lays out a run on the real components: drops and recreates the run's PostgreSQL schemas from the
 * DDL, replaces its JetStream streams and durable consumers, and queues the workload's commands.
 * Everything it removes carries the run's namespace: the runner owns those and nothing else.
 */
import type { JetStreamManager, StreamConfig, ConsumerConfig } from 'nats';
import type pg from 'pg';
import type { CommandRecord } from '../../src/core';
import { jetStreamConfig } from '../topology/jetstreamConfig';
import type { InfraPlan } from '../topology/plan';
import { dropDdl, schemaDdl } from '../topology/sqlSchema';

export async function prepareDatabase(db: pg.ClientBase, plan: InfraPlan): Promise<void> {
  await db.query('BEGIN');
  try {
    await db.query(dropDdl(plan));
    await db.query(schemaDdl(plan));
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export async function prepareJetStream(jsm: JetStreamManager, plan: InfraPlan): Promise<void> {
  const config = jetStreamConfig(plan);
  const ours = new Set(config.streams.map((s) => s.name));
  const prefix = `${plan.namespace.toUpperCase()}_`;
  for await (const stream of jsm.streams.list()) {
    const name = stream.config.name;
    if (ours.has(name) || name.startsWith(prefix)) await jsm.streams.delete(name);
  }
  for (const stream of config.streams) await jsm.streams.add(stream as unknown as Partial<StreamConfig>);
  for (const consumer of config.consumers) await jsm.consumers.add(consumer.stream, consumer.config as unknown as Partial<ConsumerConfig>);
}

/** Queues the workload: one pending row per command, in firing order. */
export async function queueCommands(db: pg.ClientBase, plan: InfraPlan, commands: readonly CommandRecord[]): Promise<void> {
  const table = `${plan.schemas.runner}.commands`;
  for (let i = 0; i < commands.length; i += 500) {
    const slice = commands.slice(i, i + 500);
    const values: unknown[] = [];
    const rows = slice.map((c, j) => {
      values.push(c.seq, c.id, c.producerId, c.commandId, c.commandName, JSON.stringify(c.payload));
      const o = j * 6;
      return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6})`;
    });
    await db.query(`INSERT INTO ${table} (seq, id, producer_id, command_id, command_name, payload) VALUES ${rows.join(', ')}`, values);
  }
}
