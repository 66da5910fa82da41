import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test.describe('the editor', () => {
  test('builds a small flow with the mouse, and a reload finds it unchanged', async ({ editor, inspector, page }) => {
    await editor.open();
    await editor.createEmptyDesign();

    await test.step('add each kind: a click for the producer, drag-and-drop for the others', async () => {
      const producer = await editor.addByClick('producer', 'new-producer');
      await editor.dragNode(producer, { x: 20, y: -150 });
      await editor.clickEmptyCanvas();
      await editor.addByDrag('event', { x: 420, y: 110 });
      await editor.clickEmptyCanvas();
      await editor.addByDrag('consumer', { x: 700, y: 110 });
      await editor.clickEmptyCanvas();
      await editor.addByDrag('projection', { x: 700, y: 420 });
      await editor.clickEmptyCanvas();
      await expect(editor.allNodes()).toHaveCount(4);
    });

    const producer = editor.node('producer', 'new-producer');
    const event = editor.node('event', 'NewEvent');
    const consumer = editor.node('consumer', 'new-consumer');
    const projection = editor.node('projection', 'new-projection');

    await test.step('connect them by dragging from handle to handle', async () => {
      await editor.connect(producer, event);
      await expect(editor.edge('new-producer emits NewEvent')).toBeVisible();
      await editor.connect(event, consumer);
      await expect(editor.edge('NewEvent is consumed by new-consumer')).toBeVisible();
      await editor.connect(consumer, projection);
      await expect(editor.edge('new-consumer updates new-projection')).toBeVisible();
    });

    await test.step('edit fields in the inspector', async () => {
      await event.click();
      await inspector.name.fill('OrderPlaced');
      await inspector.panel.getByRole('button', { name: '+ Add field' }).click();
      await inspector.panel.getByLabel('Field 2 name').fill('total');
      await inspector.panel.getByLabel('Field 2 type').selectOption('number');
      await inspector.panel.getByLabel('Field 2 required').check();
      await expect(editor.node('event', 'OrderPlaced')).toContainText('total');

      await consumer.click();
      await inspector.field('Inbox (deduplicate)').uncheck();
      await inspector.field('Retry limit').fill('5');
      await expect(consumer).toContainText('INBOX off');
      await expect(consumer).toContainText('retry 5');

      await projection.click();
      await inspector.panel.getByRole('button', { name: '+ Add column' }).click();
      await inspector.panel.getByLabel('Column 2 name').fill('total');
      await expect(projection).toContainText('total');
    });

    const before = await Promise.all([producer, editor.node('event', 'OrderPlaced'), consumer, projection].map((n) => n.boundingBox()));
    await editor.clickEmptyCanvas();
    await editor.waitUntilSaved();

    await test.step('reload: the same design, nodes, edges, fields and positions', async () => {
      await page.reload();
      await expect(editor.designName).toHaveValue(/Untitled design/);
      await expect(editor.allNodes()).toHaveCount(4);
      await expect(editor.node('event', 'OrderPlaced')).toContainText('total');
      await expect(consumer).toContainText('INBOX off');
      await expect(consumer).toContainText('retry 5');
      await expect(editor.edge('new-producer emits OrderPlaced')).toBeVisible();
      await expect(editor.edge('OrderPlaced is consumed by new-consumer')).toBeVisible();
      await expect(editor.edge('new-consumer updates new-projection')).toBeVisible();
      const after = await Promise.all([producer, editor.node('event', 'OrderPlaced'), consumer, projection].map((n) => n.boundingBox()));
      expect(after).toEqual(before);
    });
  });

  test('an edit is kept even when the page is reloaded at once (saved on page hide)', async ({ editor, page }) => {
    await editor.open();
    await editor.node('consumer', 'follow-center').click();
    await editor.sidePanel.getByLabel('Retry limit').fill('7');
    await page.reload();
    await expect(editor.node('consumer', 'follow-center')).toContainText('retry 7');
  });

  test('undo and redo every edit, with the keyboard and the toolbar', async ({ editor, inspector, page }) => {
    await editor.open();
    await editor.createEmptyDesign();
    await editor.addByClick('event', 'NewEvent');
    await inspector.name.fill('');
    await inspector.name.pressSequentially('Shipped');
    await expect(editor.node('event', 'Shipped')).toBeVisible();
    await editor.clickEmptyCanvas();

    await page.keyboard.press(`${mod}+z`);
    await expect(editor.node('event', 'NewEvent')).toBeVisible();
    await page.keyboard.press(`${mod}+z`);
    await expect(editor.allNodes()).toHaveCount(0);
    await page.keyboard.press(`Shift+${mod}+z`);
    await expect(editor.node('event', 'NewEvent')).toBeVisible();
    await page.keyboard.press('Control+y');
    await expect(editor.node('event', 'Shipped')).toBeVisible();

    await editor.toolbarButton('Undo').click();
    await expect(editor.node('event', 'NewEvent')).toBeVisible();
    await editor.toolbarButton('Redo').click();
    await expect(editor.node('event', 'Shipped')).toBeVisible();
    await expect(editor.toolbarButton('Redo')).toBeDisabled();
  });

  test('deleting a node others use says first what else goes; Delete removes it with its edges, undo brings all back', async ({ editor, page }) => {
    await editor.open();
    const event = editor.node('event', 'VideoInputEvent');
    await expect(editor.edge('content-ingest emits VideoInputEvent')).toBeVisible();
    await expect(editor.edge('VideoInputEvent is consumed by author-service')).toBeVisible();
    const count = await editor.allNodes().count();

    await event.click();
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('alertdialog', { name: 'Delete VideoInputEvent?' });
    const consequences = confirm.getByRole('list', { name: 'What else is removed' }).getByRole('listitem');
    await expect(consequences).toHaveText([
      "content-ingest's command IngestVideo no longer emits VideoInputEvent (with its field mapping)",
      'author-service stops handling VideoInputEvent: its handler goes, with 1 effect and 1 emission',
      'status-board stops handling VideoInputEvent: its handler goes, with 1 effect',
    ]);
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.screenshot({ path: test.info().outputPath('delete-confirmation.png') });

    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(event).toBeVisible();
    await expect(editor.allNodes()).toHaveCount(count);

    await page.keyboard.press('Delete');
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(event).toHaveCount(0);
    await expect(editor.allNodes()).toHaveCount(count - 1);
    await expect(editor.edge('content-ingest emits VideoInputEvent')).toHaveCount(0);
    await expect(editor.edge('VideoInputEvent is consumed by author-service')).toHaveCount(0);
    await expect(editor.edge('VideoInputEvent is consumed by status-board')).toHaveCount(0);
    await expect(editor.edge('author-service emits AuthorVideoAddedEvent')).toHaveCount(0);

    await page.keyboard.press(`${mod}+z`);
    await expect(event).toBeVisible();
    await expect(editor.edge('VideoInputEvent is consumed by author-service')).toBeVisible();
    await expect(editor.edge('author-service emits AuthorVideoAddedEvent')).toBeVisible();
  });

  test('deleting a node nobody uses happens at once', async ({ editor, page }) => {
    await editor.open();
    await editor.node('producer', 'content-ingest').click();
    await page.keyboard.press('Backspace');
    await expect(editor.node('producer', 'content-ingest')).toHaveCount(0);
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  });

  test('a selected connection can be removed on its own', async ({ editor, page }) => {
    await editor.open();
    const edge = editor.edge('status-board updates videos-by-status');
    await edge.focus();
    await page.keyboard.press('Enter');
    await expect(editor.sidePanel).toContainText('Removing it removes every effect of the consumer on this projection');

    await page.keyboard.press('Delete');

    await expect(edge).toHaveCount(0);
    await expect(editor.node('consumer', 'status-board')).toBeVisible();
    await expect(editor.node('projection', 'videos-by-status')).toBeVisible();
    await expect(editor.edge('VideoInputEvent is consumed by status-board')).toBeVisible();
  });

  test('an illegal connection is refused with its reason', async ({ editor }) => {
    await editor.open();
    const producer = editor.node('producer', 'content-ingest');
    const projection = editor.node('projection', 'author-videos');
    const edgesBefore = await editor.page.locator('.react-flow__edge').count();

    await editor.connect(producer, projection.or(editor.node('projection', 'author-videos')));

    const alert = editor.page.getByRole('alert');
    await expect(alert).toContainText('Cannot connect');
    await expect(alert).toContainText('A producer does not update read models');
    await expect(editor.page.locator('.react-flow__edge')).toHaveCount(edgesBefore);
  });

  test('names render as text, never as HTML', async ({ editor, inspector, page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    const hostile = '<img src=x onerror=alert(1)>';
    await editor.open();
    await editor.createEmptyDesign();
    await editor.addByClick('event', 'NewEvent');
    await inspector.name.fill(hostile);
    await editor.designName.fill(hostile);

    const node = editor.node('event', hostile);
    await expect(node).toContainText(hostile);
    await expect(page.getByTestId('canvas').locator('img')).toHaveCount(0);
    await editor.waitUntilSaved();
    await page.reload();
    await expect(node).toContainText(hostile);
    await expect(editor.designName).toHaveValue(hostile);
    expect(dialogs).toEqual([]);
  });

  test('multi-select, copy and paste with the keyboard', async ({ editor, page }) => {
    await editor.open();
    await editor.node('consumer', 'author-service').click();
    // The inspector opened beside the canvas and may now cover follow-center: fit the view to what is left.
    await editor.toolbarButton('Fit view').click();
    await editor.node('consumer', 'follow-center').click({ modifiers: ['Shift'] });
    await expect(editor.sidePanel).toContainText('2 nodes selected');

    await page.keyboard.press(`${mod}+c`);
    await page.keyboard.press(`${mod}+v`);

    await expect(editor.node('consumer', 'author-service2')).toBeVisible();
    await expect(editor.node('consumer', 'follow-center2')).toBeVisible();
    await expect(editor.edge('AuthorVideoAddedEvent is consumed by follow-center2')).toBeVisible();
    await page.keyboard.press('Delete');
    await expect(editor.node('consumer', 'author-service2')).toHaveCount(0);
    await expect(editor.node('consumer', 'follow-center2')).toHaveCount(0);
  });

  test('clicking a problem selects its node', async ({ editor, inspector, page }) => {
    await editor.open();
    await editor.createEmptyDesign();
    await expect(editor.toolbarButton('✓ No problems')).toBeVisible();
    await editor.addByClick('consumer', 'new-consumer');
    await editor.clickEmptyCanvas();

    await page.getByRole('button', { name: /1 problem/ }).click();
    await editor.sidePanel.getByRole('button', { name: /new-consumer/ }).click();

    await expect(editor.sidePanel.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
    await expect(inspector.name).toHaveValue('new-consumer');
  });

  test('designs: create, rename, duplicate, switch and delete with a confirmation', async ({ editor, page }) => {
    await editor.open();
    await expect(editor.designName).toHaveValue('Content platform');
    const menu = page.getByRole('dialog', { name: 'Designs' });

    await editor.createEmptyDesign();
    await expect(editor.designName).toHaveValue('Untitled design');

    await editor.toolbarButton('☰ Designs').click();
    await menu.getByRole('button', { name: 'Rename Untitled design' }).click();
    await menu.getByLabel('New name for Untitled design').fill('Payments');
    await menu.getByLabel('New name for Untitled design').press('Enter');
    await expect(editor.designName).toHaveValue('Payments');

    await menu.getByRole('button', { name: 'Duplicate Content platform' }).click();
    await expect(editor.designName).toHaveValue('Content platform copy');
    await expect(editor.node('event', 'VideoInputEvent')).toBeVisible();

    await editor.toolbarButton('☰ Designs').click();
    await menu.getByRole('button', { name: 'Delete Payments' }).click();
    await menu.getByRole('button', { name: 'Cancel' }).click();
    await expect(menu.getByRole('button', { name: /^Open Payments/ })).toBeVisible();
    await menu.getByRole('button', { name: 'Delete Payments' }).click();
    await menu.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(menu.getByRole('button', { name: /^Open Payments/ })).toHaveCount(0);

    await menu.getByRole('button', { name: /^Open Content platform$/ }).click();
    await expect(editor.designName).toHaveValue('Content platform');
    await page.reload();
    await expect(editor.designName).toHaveValue('Content platform');
  });

  test('adding one node of each kind by clicking keeps every node on screen', async ({ editor, page }) => {
    await editor.open();
    await editor.createEmptyDesign();
    const added: Locator[] = [];
    for (const [kind, name] of [['producer', 'new-producer'], ['event', 'NewEvent'], ['consumer', 'new-consumer'], ['projection', 'new-projection']] as const) {
      await editor.clickEmptyCanvas();
      added.push(await editor.addByClick(kind, name));
    }
    // The side panel is open on the last one; every card must still be inside the visible canvas.
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    const panel = (await editor.sidePanel.boundingBox())!;
    const visibleRight = Math.min(canvas.x + canvas.width, panel.x);
    await expect.poll(async () => {
      const outside: string[] = [];
      for (const node of added) {
        const box = (await node.boundingBox())!;
        if (box.x < canvas.x || box.x + box.width > visibleRight || box.y < canvas.y || box.y + box.height > canvas.y + canvas.height) {
          outside.push((await node.getAttribute('aria-label')) ?? '?');
        }
      }
      return outside;
    }).toEqual([]);
  });

  test('auto-layout arranges the design left to right, undoably', async ({ editor }) => {
    await editor.open();
    const producer = editor.node('producer', 'content-ingest');
    const projection = editor.node('projection', 'notifications');
    const before = await producer.boundingBox();

    await editor.toolbarButton('Auto-layout').click();
    await expect.poll(async () => (await producer.boundingBox())?.x).not.toBe(before?.x);
    const [p, q] = await Promise.all([producer.boundingBox(), projection.boundingBox()]);
    expect(p!.x).toBeLessThan(q!.x);

    await editor.toolbarButton('Undo').click();
    await editor.toolbarButton('Fit view').click();
  });

  test('every control has an accessible name: toolbar, palette, each inspector, problems, designs, shortcuts', async ({ editor, inspector, page }) => {
    await editor.open();
    const unnamed = new Set<string>();
    const collect = async (where: string) => { for (const control of await editor.unnamedControls()) unnamed.add(`${where}: ${control}`); };
    /** Opens each collapsed command/handler and each field's details in turn, collecting as it goes. */
    const collectExpanded = async (where: string) => {
      await collect(where);
      const toggles = editor.sidePanel.locator('.collapsible__toggle');
      for (let i = 0; i < await toggles.count(); i += 1) {
        if (await toggles.nth(i).getAttribute('aria-expanded') === 'false') await toggles.nth(i).click();
        await collect(`${where} (section ${i + 1} open)`);
      }
      const details = editor.sidePanel.getByRole('button', { name: /details$/ });
      if (await details.count() > 0) {
        await details.first().click();
        await collect(`${where} (field details open)`);
      }
    };

    await collect('design inspector hidden');
    await editor.toolbarButton('Inspector').click();
    await collect('design inspector');
    for (const [kind, name] of [
      ['producer', 'content-ingest'], ['event', 'AbstractContentEvent'], ['event', 'VideoStatusChangeEvent'],
      ['consumer', 'author-service'], ['consumer', 'follow-center'], ['projection', 'videos-by-status'],
    ] as const) {
      await editor.node(kind, name).click();
      await expect(inspector.name).toHaveValue(name);
      await collectExpanded(`${kind} ${name}`);
    }
    await editor.edge('status-board updates videos-by-status').focus();
    await page.keyboard.press('Enter');
    await expect(editor.sidePanel).toContainText('Removing it removes every effect');
    await collect('connection inspector');
    await editor.node('consumer', 'author-service').click();
    // The inspector opened beside the canvas and may now cover follow-center: fit the view to what is left.
    await editor.toolbarButton('Fit view').click();
    await editor.node('consumer', 'follow-center').click({ modifiers: ['Shift'] });
    await collect('multi-selection');

    await editor.clickEmptyCanvas();
    await editor.addByClick('consumer', 'new-consumer');
    await page.getByRole('button', { name: /1 problem/ }).click();
    await expect(editor.sidePanel.getByRole('button', { name: /new-consumer/ })).toBeVisible();
    await collect('problems');

    await editor.toolbarButton('☰ Designs').click();
    await page.getByRole('dialog', { name: 'Designs' }).getByRole('button', { name: 'Rename Content platform' }).click();
    await collect('designs list (renaming)');
    await page.keyboard.press('Escape');
    await editor.toolbarButton('Keyboard shortcuts').click();
    await collect('shortcuts help');

    expect([...unnamed], 'controls without a label, aria-label, aria-labelledby, title or text').toEqual([]);
  });

  test('the keyboard shortcuts help opens with ? or its button, lists the shortcuts and closes with Esc', async ({ editor, inspector, page }) => {
    await editor.open();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await page.keyboard.press('?');
    await expect(help).toBeVisible();
    for (const does of ['Undo', 'Redo', 'Copy the selected nodes', 'Select every node', 'Play or pause the simulation']) {
      await expect(help.getByRole('definition').filter({ hasText: does }).first()).toBeVisible();
    }
    await expect(help.getByRole('term').filter({ hasText: 'Delete' })).toContainText('Backspace');
    await expect(help.getByRole('definition').filter({ hasText: 'Command palette' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('shortcuts-help.png') });
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    await editor.node('event', 'VideoInputEvent').click();
    await inspector.name.press('End');
    await inspector.name.press('?');
    await expect(help).toBeHidden();
    await expect(inspector.name).toHaveValue('VideoInputEvent?');

    await editor.toolbarButton('Keyboard shortcuts').click();
    await expect(help).toBeVisible();
    await help.getByRole('button', { name: 'Close' }).click();
    await expect(help).toBeHidden();
  });

  test('opens the built-in example readable at first sight, under the CSP, and takes the README screenshot', async ({ editor, page }) => {
    const violations: string[] = [];
    page.on('console', (message) => { if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text()); });
    page.on('pageerror', (error) => violations.push(error.message));
    await editor.open();
    for (const [kind, name] of [
      ['producer', 'content-ingest'], ['event', 'VideoInputEvent'], ['event', 'VideoStatusChangeEvent'], ['event', 'AuthorVideoAddedEvent'],
      ['consumer', 'author-service'], ['consumer', 'follow-center'], ['projection', 'notifications'], ['projection', 'videos-by-status'],
    ] as const) {
      await expect(editor.node(kind, name)).toBeInViewport();
    }
    await expect(editor.node('event', 'VideoInputEvent')).toContainText('extends VideoEvent');
    await expect(editor.node('producer', 'content-ingest')).toContainText('OUTBOX');
    await expect(editor.node('consumer', 'author-service')).toContainText('INBOX on');
    const boxes = await editor.allNodes().evaluateAll((nodes) => nodes.map((node) => {
      const { x, y, width, height } = node.getBoundingClientRect();
      return { name: node.getAttribute('aria-label') ?? '', x, y, width, height };
    }));
    const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1)
      .filter((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
      .map((b) => `${a.name} / ${b.name}`));
    expect(overlapping).toEqual([]);
    const clipped = await page.locator('.react-flow__node :is(.flow-node__name, .item-list__head, .item-list__detail, .field-list__name)')
      .evaluateAll((texts) => texts.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent));
    expect(clipped, 'names and handler lines are shown in full').toEqual([]);
    const zoom = await page.locator('.react-flow__viewport').evaluate((viewport) => new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a);
    expect(zoom, 'the whole example fits at a readable zoom').toBeGreaterThanOrEqual(0.68);
    await editor.waitUntilSaved();
    await page.screenshot({ path: 'docs/screenshot.png' });
    expect(violations).toEqual([]);
  });
});
