import { deriveEdges, type FlowDocument } from '../src/core';
import { makeLargeFlow } from '../src/core/testing';
import { test, expect } from './fixtures';
import { installRenderCounter, rendered, startCounting, stopCounting, takeCommits, type CommitRenders } from './support/renderCounter';

// React Flow's own cost on a large design: a drag re-renders the dragged node and its edges, nothing
// else; opening renders each node at most twice. Counts, never times (benchmarks measure times).
// A design this large draws only what is on screen, so "every node" is every node drawn.
const design = makeLargeFlow({ nodes: 1000, seed: 11 });

/** Event types with a base type and subscribers: their edges are of every kind, `extends` included. */
function candidates(doc: FlowDocument) {
  const edges = deriveEdges(doc);
  return doc.eventTypes.filter((e) => e.extends !== undefined && edges.some((edge) => edge.source === e.id));
}

function incidentEdges(doc: FlowDocument, event: FlowDocument['eventTypes'][number]) {
  const edges = deriveEdges(doc);
  const incident = edges.filter((edge) => edge.source === event.id || edge.target === event.id).map((edge) => edge.id);
  incident.push(`extends:${event.id}->${event.extends}`);
  for (const child of doc.eventTypes) if (child.extends === event.id) incident.push(`extends:${child.id}->${event.id}`);
  return new Set(incident);
}

const commitsWith = (commits: readonly CommitRenders[], id: string) => commits.filter((c) => id in c.nodes).length;

test('on 1,000 nodes, a drag re-renders only the dragged node and its edges; opening renders each node at most twice', async ({ editor, exchange, page }) => {
  test.setTimeout(180_000);
  await installRenderCounter(page, { recordFromStart: true });
  await editor.open();
  await exchange.openFile('large.flow.json', JSON.stringify(design));
  await expect.poll(() => editor.allNodes().count(), { timeout: 60_000 }).toBeGreaterThan(50);
  await editor.waitUntilSaved();

  await test.step('opening the saved design renders each node at most twice', async () => {
    await page.reload();
    // Fitted (a large design draws what is on screen: many cards once zoomed out to fit), then still.
    await expect.poll(() => editor.allNodes().count(), { timeout: 60_000 }).toBeGreaterThan(50);
    await editor.viewportSettled();
    const commits: CommitRenders[] = [];
    // Settled: a poll that finds no new commit after the nodes are on screen.
    await expect.poll(async () => {
      const batch = await takeCommits(page);
      commits.push(...batch);
      return batch.length;
    }, { timeout: 30_000, intervals: [250] }).toBe(0);
    await stopCounting(page);
    const drawn = await page.locator('.react-flow__node').evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
    expect(drawn.length, 'nodes drawn').toBeGreaterThan(50);
    const perNode = drawn.map((id) => commitsWith(commits, id));
    test.info().annotations.push({ type: 'open', description: `${drawn.length} of 1,000 nodes drawn; ${commits.length} commits; each drawn node rendered in ${Math.min(...perNode)}–${Math.max(...perNode)} of them` });
    expect(Math.min(...perNode), 'every node rendered').toBeGreaterThanOrEqual(1);
    expect(Math.max(...perNode), 'commits that rendered a node, at most').toBeLessThanOrEqual(2);
  });

  // The first candidate the fitted view shows well inside the canvas.
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  let target: { id: string; incident: Set<string> } | undefined;
  let box: { x: number; y: number; width: number; height: number } | null = null;
  const drawnIds = new Set(await editor.allNodes().evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? '')));
  for (const event of candidates(design).filter((e) => drawnIds.has(e.id))) {
    box = await editor.node('event', event.name).boundingBox();
    if (box && box.x > canvas.x + 150 && box.y > canvas.y + 100 && box.x + box.width < canvas.x + canvas.width - 300
      && box.y + box.height < canvas.y + canvas.height - 200) {
      target = { id: event.id, incident: incidentEdges(design, event) };
      break;
    }
  }
  if (!target || !box) throw new Error('no candidate node is on screen');
  const node = page.getByTestId(`rf__node-${target.id}`);
  const start = { x: box.x + box.width / 2, y: box.y + Math.min(12, box.height / 2) };
  const transform = () => node.evaluate((el) => el.style.transform);

  await test.step('each move of a drag re-renders the dragged node and exactly its edges', async () => {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 6, start.y + 6);
    await startCounting(page);
    for (let move = 1; move <= 8; move++) {
      const before = await transform();
      await page.mouse.move(start.x + 6 + move * 12, start.y + 6 + move * 7);
      await expect.poll(transform).not.toBe(before);
      const commits = await takeCommits(page);
      const { nodes, edges } = rendered(commits);
      expect([...nodes.keys()], `nodes rendered by move ${move}`).toEqual([target.id]);
      expect(new Set(edges.keys()), `edges rendered by move ${move}`).toEqual(target.incident);
      if (move === 1) {
        const components = [...nodes.values(), ...edges.values()].reduce((a, b) => a + b, 0);
        test.info().annotations.push({ type: 'drag move', description: `1 node and ${edges.size} edges re-rendered (${components} components) in ${commits.length} commit(s)` });
      }
    }
    await page.mouse.up();
    await stopCounting(page);
  });

  await test.step('the counter sees every drawn node when every node does change (select all)', async () => {
    await page.keyboard.press('Escape');
    await expect(node).not.toHaveClass(/\bselected\b/);
    const drawn = await editor.allNodes().count();
    await startCounting(page);
    await page.keyboard.press('Control+a');
    const seen = new Set<string>();
    await expect.poll(async () => {
      for (const id of rendered(await takeCommits(page)).nodes.keys()) seen.add(id);
      return seen.size;
    }).toBe(drawn);
    await stopCounting(page);
  });
});
