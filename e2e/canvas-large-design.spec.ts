import { allNodes, deriveEdges } from '../src/core';
import { makeLargeFlow } from '../src/core/testing';
import { test, expect } from './fixtures';

// A large design draws only what is on screen (onlyRenderVisibleElements), and loses nothing by it:
// edges to cards not drawn yet are drawn, the image export holds every card with its text, and the
// keyboard reaches cards off screen.
const design = makeLargeFlow({ nodes: 400, seed: 5 });

test('a 400-node design draws what is on screen, yet connects, exports and tabs to every node', async ({ editor, exchange, page }) => {
  test.setTimeout(240_000);
  await editor.open();
  await exchange.openFile('large.flow.json', JSON.stringify(design));
  await expect(editor.designName).toHaveValue(design.name);
  await editor.waitUntilSaved();
  await expect(editor.allNodes().first()).toBeVisible();

  const drawn = new Set(await editor.allNodes().evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? '')));
  expect(drawn.size, 'only what is on screen is drawn').toBeLessThan(400);
  expect(drawn.size).toBeGreaterThan(20);

  await test.step('an edge from a drawn card to one off screen is drawn', async () => {
    const across = deriveEdges(design).find((e) => drawn.has(e.source) !== drawn.has(e.target));
    if (!across) throw new Error('the generated design has no edge leaving the screen');
    const path = page.getByTestId(`rf__edge-${across.id}`).locator('path.react-flow__edge-path');
    await expect(path).toHaveAttribute('d', /\d/);
  });

  await test.step('the SVG export holds every card, with the text of cards that were off screen', async () => {
    const offScreen = allNodes(design).find((n) => !drawn.has(n.id) && n.kind === 'event');
    if (!offScreen || offScreen.kind !== 'event') throw new Error('no event type off screen');
    const svg = await exchange.download('Canvas image (.svg)');
    const cards = svg.text.match(/rf__node-/g)?.length ?? 0;
    expect(cards).toBe(400);
    expect(svg.text).toContain(offScreen.name);
    expect(svg.text).toContain(Object.keys(offScreen.payload.properties ?? {})[0]!);
    // Afterwards the canvas draws what is on screen again.
    await expect.poll(() => editor.allNodes().count()).toBeLessThan(400);
  });

  await test.step('Shift+Tab from the zoom controls reaches the last edge, brought on screen', async () => {
    await page.getByRole('button', { name: 'Zoom In' }).focus();
    await page.keyboard.press('Shift+Tab');
    const focused = page.locator(':focus');
    await expect(focused).toHaveClass(/react-flow__edge/);
    await expect(focused).toBeInViewport();
  });
});
