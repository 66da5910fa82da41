import type { Page } from '@playwright/test';

/**
 * Counts which React Flow nodes and edges re-render, in the real production build, through the
 * hook React DevTools uses (`__REACT_DEVTOOLS_GLOBAL_HOOK__`, which production React also calls on
 * every commit). For each commit it walks only the subtrees React re-created, and counts a component
 * as rendered when it mounted or ran (React's PerformedWork flag). Renders are attributed to the
 * node or edge they belong to through React Flow's `rf__node-<id>` / `rf__edge-<id>` test ids.
 */
export interface CommitRenders {
  /** Component renders per node id (React Flow's wrapper and everything inside the card). */
  nodes: Record<string, number>;
  /** Component renders per edge id. */
  edges: Record<string, number>;
  /** Component renders outside any node or edge (panels, toolbar, React Flow's own). */
  other: number;
}

/**
 * Installs the hook before the app's scripts run (on every load of the page); call before the
 * first `goto`. With `recordFromStart`, each load records from its very first commit.
 */
export async function installRenderCounter(page: Page, options: { recordFromStart?: boolean } = {}): Promise<void> {
  await page.addInitScript((recordFromStart: boolean) => {
    type Fiber = {
      tag: number; flags: number; child: Fiber | null; sibling: Fiber | null; alternate: Fiber | null;
      memoizedProps: Record<string, unknown> | null;
    };
    const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
    const HOST_TAGS = new Set([5, 26, 27]);
    const PERFORMED_WORK = 1;
    const ownerKey = (fiber: Fiber): string | undefined => {
      const testId = fiber.memoizedProps?.['data-testid'];
      if (typeof testId !== 'string') return undefined;
      if (testId.startsWith('rf__node-')) return `n:${testId.slice('rf__node-'.length)}`;
      if (testId.startsWith('rf__edge-')) return `e:${testId.slice('rf__edge-'.length)}`;
      return undefined;
    };
    // A wrapper renders the element that carries its test id (the node div; the edge svg > g).
    const ownedBelow = (fiber: Fiber): string | undefined => {
      let host = fiber.child;
      while (host && !HOST_TAGS.has(host.tag)) host = host.child;
      if (!host) return undefined;
      return ownerKey(host) ?? (host.child && HOST_TAGS.has(host.child.tag) ? ownerKey(host.child) : undefined);
    };
    const state = { recording: recordFromStart, commits: [] as { nodes: Record<string, number>; edges: Record<string, number>; other: number }[] };
    const visit = (fiber: Fiber, owner: string | undefined, out: (typeof state.commits)[number]) => {
      const here = HOST_TAGS.has(fiber.tag) ? ownerKey(fiber) ?? owner : owner;
      if (COMPONENT_TAGS.has(fiber.tag) && (fiber.alternate === null || (fiber.flags & PERFORMED_WORK) !== 0)) {
        const key = ownedBelow(fiber) ?? here;
        if (key === undefined) out.other++;
        else {
          const map = key.startsWith('n:') ? out.nodes : out.edges;
          const id = key.slice(2);
          map[id] = (map[id] ?? 0) + 1;
        }
      }
      // Children the commit did not re-create were not rendered: skip the whole subtree.
      if (fiber.alternate !== null && fiber.child === fiber.alternate.child) return;
      for (let child = fiber.child; child; child = child.sibling) visit(child, here, out);
    };
    let nextId = 1;
    (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject() { return nextId++; },
      checkDCE() {},
      onScheduleFiberRoot() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      onCommitFiberRoot(_id: number, root: { current: Fiber }) {
        if (!state.recording) return;
        const out = { nodes: Object.create(null) as Record<string, number>, edges: Object.create(null) as Record<string, number>, other: 0 };
        visit(root.current, undefined, out);
        state.commits.push(out);
      },
    };
    (window as unknown as Record<string, unknown>).__renderCounter = {
      start() { state.recording = true; state.commits = []; },
      take() { const commits = state.commits; state.commits = []; return commits; },
      stop() { state.recording = false; const commits = state.commits; state.commits = []; return commits; },
    };
  }, options.recordFromStart ?? false);
}

type Counter = { start(): void; take(): CommitRenders[]; stop(): CommitRenders[] };

/** Starts recording commits. */
export function startCounting(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as { __renderCounter: Counter }).__renderCounter.start());
}

/** The commits recorded since the last take (recording goes on). */
export function takeCommits(page: Page): Promise<CommitRenders[]> {
  return page.evaluate(() => (window as unknown as { __renderCounter: Counter }).__renderCounter.take());
}

/** Stops recording and returns the commits not yet taken. */
export function stopCounting(page: Page): Promise<CommitRenders[]> {
  return page.evaluate(() => (window as unknown as { __renderCounter: Counter }).__renderCounter.stop());
}

/** The node and edge ids that rendered in any of the commits, with how many component renders each. */
export function rendered(commits: readonly CommitRenders[]): { nodes: Map<string, number>; edges: Map<string, number> } {
  const nodes = new Map<string, number>();
  const edges = new Map<string, number>();
  for (const commit of commits) {
    for (const [id, n] of Object.entries(commit.nodes)) nodes.set(id, (nodes.get(id) ?? 0) + n);
    for (const [id, n] of Object.entries(commit.edges)) edges.set(id, (edges.get(id) ?? 0) + n);
  }
  return { nodes, edges };
}
