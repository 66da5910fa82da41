/** How a run badge reads: waiting, fine, worth a look, broken, or just a number. */
export type RunBadgeTone = 'neutral' | 'wait' | 'ok' | 'warn' | 'bad';

/** A live counter on a node during a run, e.g. "outbox 2 pending". */
export interface RunBadge {
  label: string;
  tone: RunBadgeTone;
  /** The longer explanation shown on hover. */
  title: string;
  /** Takes a line of its own (a consumer instance: partitions, lag, in flight). */
  line?: boolean;
}

/** A node's patterns as a run overrides them against its design (only the switched ones are set). */
export interface RunOverrides {
  /** How it publishes in this run. */
  publish?: 'outbox' | 'dual-write' | 'publish-first';
  inbox?: boolean;
  emittedIds?: 'derived' | 'fresh';
  idempotencyKey?: boolean;
}

/** The last micro-step's local transaction: the nodes whose rows it wrote, and what it wrote. */
export interface RunTransaction {
  nodeIds: readonly string[];
  /** e.g. "one transaction: business row · event store · outbox row". */
  label: string;
  /** The step it belongs to: a new step with the same nodes is a new boundary. */
  step: number;
}

const NO_BADGES: readonly RunBadge[] = [];
const sameOverrides = (a: RunOverrides, b: RunOverrides) =>
  a.publish === b.publish && a.inbox === b.inbox && a.emittedIds === b.emittedIds && a.idempotencyKey === b.idempotencyKey;
const sameBadges = (a: readonly RunBadge[], b: readonly RunBadge[]) =>
  a.length === b.length && a.every((badge, i) => badge.label === b[i]?.label && badge.tone === b[i]?.tone && badge.title === b[i]?.title && badge.line === b[i]?.line);

/**
 * What a run draws over the canvas (badges per node, edges a message travels on), as a store the
 * nodes and edges subscribe to one by one: a run update re-renders only the nodes whose badges
 * changed and the edges that lit up or went dark, never the whole canvas.
 */
export class RunOverlayStore {
  private badges = new Map<string, readonly RunBadge[]>();
  private active: ReadonlySet<string> = new Set();
  private overrides = new Map<string, RunOverrides>();
  private transaction: RunTransaction | null = null;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The badges of a node: the same array for as long as they read the same. */
  readonly badgesOf = (nodeId: string): readonly RunBadge[] => this.badges.get(nodeId) ?? NO_BADGES;

  readonly isEdgeActive = (edgeId: string): boolean => this.active.has(edgeId);

  /** The last step's transaction boundary, or null when the step committed nothing. */
  readonly transactionNow = (): RunTransaction | null => this.transaction;

  /** What the run switched for a node (its card shows the run's value): the same object while unchanged. */
  readonly overridesOf = (nodeId: string): RunOverrides | undefined => this.overrides.get(nodeId);

  /**
   * Shows the run's state now: badges per node id (absent = none), the active edge ids and the
   * run's overrides per node id (absent = as designed).
   */
  show(
    badges: ReadonlyMap<string, readonly RunBadge[]>,
    activeEdgeIds: ReadonlySet<string>,
    overrides: ReadonlyMap<string, RunOverrides> = new Map(),
    transaction: RunTransaction | null = null,
  ): void {
    const next = new Map<string, readonly RunBadge[]>();
    let changed = false;
    for (const [nodeId, list] of badges) {
      if (list.length === 0) continue;
      const previous = this.badges.get(nodeId);
      const kept = previous && sameBadges(previous, list) ? previous : list;
      changed ||= kept !== previous;
      next.set(nodeId, kept);
    }
    changed ||= next.size !== this.badges.size;
    const nextOverrides = new Map<string, RunOverrides>();
    for (const [nodeId, value] of overrides) {
      const previous = this.overrides.get(nodeId);
      const kept = previous && sameOverrides(previous, value) ? previous : value;
      changed ||= kept !== previous;
      nextOverrides.set(nodeId, kept);
    }
    changed ||= nextOverrides.size !== this.overrides.size;
    this.overrides = nextOverrides;
    const activeChanged = activeEdgeIds.size !== this.active.size || [...activeEdgeIds].some((id) => !this.active.has(id));
    this.badges = next;
    if (activeChanged) this.active = new Set(activeEdgeIds);
    const previous = this.transaction;
    const transactionChanged = previous?.step !== transaction?.step || previous?.label !== transaction?.label
      || previous?.nodeIds.join('\u0000') !== transaction?.nodeIds.join('\u0000');
    if (transactionChanged) this.transaction = transaction;
    if (changed || activeChanged || transactionChanged) for (const listener of this.listeners) listener();
  }
}
