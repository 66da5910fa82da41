/**
 * What the supervisor tells a child process (sent over the IPC channel right after the fork), and
 * what a child tells the supervisor. Plain JSON both ways.
 */
import type { FlowDocument, RunSettings } from '../../src/core';
import type { InfraPlan } from '../topology/plan';
import type { ChaosFaults } from '../supervisor/faults';

export type ProcessRole = 'producer' | 'relay' | 'consumer' | 'dead-letters';

/** The plan as JSON (its one Map as entries). */
export type PlanJson = Omit<InfraPlan, 'channelOf'> & { channelOf: [string, string][] };

export interface ProcessSpec {
  /** e.g. `consumer:follow-center#2`, `relay:content-ingest#1`, `producer:content-ingest`, `dead-letters`. */
  name: string;
  role: ProcessRole;
  /** The producer or consumer this process works for (relays: the outbox owner). */
  ownerId?: string;
  /** 0-based instance number (consumers, relays). */
  instance: number;
  /** 1 for the first start, +1 per restart: each incarnation draws its own seeded fault schedule. */
  incarnation: number;
  flow: FlowDocument;
  plan: PlanJson;
  pgUrl: string;
  natsUrl: string;
  seed: number;
  faults: ChaosFaults;
  /** The simulator's run settings: patterns (outbox, publish-first, inbox, derived ids, idempotency keys), retries. */
  settings: RunSettings;
}

/** Child → supervisor. */
export type ChildMessage =
  | { type: 'ready' }
  /** The child reached a crash point its schedule picked: the supervisor kills it with SIGKILL. */
  | { type: 'crash-point'; point: CrashPoint; detail: string }
  | { type: 'log'; kind: string; detail: string };

export type CrashPoint = 'before-commit' | 'after-commit' | 'after-publish' | 'after-handle';

export function planToJson(plan: InfraPlan): PlanJson {
  return { ...plan, channelOf: [...plan.channelOf] };
}

export function planFromJson(json: PlanJson): InfraPlan {
  return { ...json, channelOf: new Map(json.channelOf) };
}
