/** How a run badge reads: waiting, fine, worth a look, broken, or just a number. */
export type RunBadgeTone = 'neutral' | 'wait' | 'ok' | 'warn' | 'bad';

/** A live counter on a node during a run, e.g. "outbox 2 pending". */
export interface RunBadge {
  label: string;
  tone: RunBadgeTone;
  /** The longer explanation shown on hover. */
  title: string;
}

const NO_BADGES: readonly RunBadge[] = [];
const sameBadges = (a: readonly RunBadge[], b: readonly RunBadge[]) =>
  a.length === b.length && a.every((badge, i) => badge.label === b[i]?.label && badge.tone === b[i]?.tone && badge.title === b[i]?.title);

/**
 * What a run draws over the canvas (badges per node, edges a message travels on), as a store the
 * nodes and edges subscribe to one by one: a run update re-renders only the nodes whose badges
 * changed and the edges that lit up or went dark, never the whole canvas.
 */
export class RunOverlayStore {
  private badges = new Map<string, readonly RunBadge[]>();
  private active: ReadonlySet<string> = new Set();
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The badges of a node: the same array for as long as they read the same. */
  readonly badgesOf = (nodeId: string): readonly RunBadge[] => this.badges.get(nodeId) ?? NO_BADGES;

  readonly isEdgeActive = (edgeId: string): boolean => this.active.has(edgeId);

  /** Shows the run's state now: badges per node id (absent = none) and the active edge ids. */
  show(badges: ReadonlyMap<string, readonly RunBadge[]>, activeEdgeIds: ReadonlySet<string>): void {
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
    const activeChanged = activeEdgeIds.size !== this.active.size || [...activeEdgeIds].some((id) => !this.active.has(id));
    this.badges = next;
    if (activeChanged) this.active = new Set(activeEdgeIds);
    if (changed || activeChanged) for (const listener of this.listeners) listener();
  }
}
