import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { Parser } from '@asyncapi/parser';
import { test, expect, type EditorPage, type NodeKindName } from './fixtures/editor';

/** The inspector as a new user drives it: the name box, fields, columns. */
class InspectorDriver {
  constructor(readonly editor: EditorPage) {}

  get panel(): Locator {
    return this.editor.sidePanel;
  }

  /** Adds a node from the palette and names it. */
  async add(kind: NodeKindName, defaultName: string, name: string): Promise<void> {
    await this.editor.clickEmptyCanvas();
    await this.editor.addByClick(kind, defaultName);
    await this.panel.getByLabel('Name', { exact: true }).fill(name);
    await expect(this.editor.node(kind, name)).toBeVisible();
  }

  /** Sets row `n` (1-based) of the fields or columns list; adds the row when it does not exist yet. */
  async row(noun: 'Field' | 'Column', n: number, name: string, type?: string, required?: boolean): Promise<void> {
    if (n > 1) await this.panel.getByRole('button', { name: `+ Add ${noun.toLowerCase()}` }).click();
    await this.panel.getByLabel(`${noun} ${n} name`).fill(name);
    if (type) await this.panel.getByLabel(`${noun} ${n} type`).selectOption(type);
    if (required) await this.panel.getByLabel(`${noun} ${n} required`).check();
  }
}

/** Waits until the canvas stops moving (fit view and pans are animated), so handles stay where they are read. */
async function viewportSettled(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last: string | null = null;
  await expect.poll(async () => {
    const now = await viewport.getAttribute('style');
    const still = now === last;
    last = now;
    return still;
  }, { intervals: [100] }).toBe(true);
}

test('a new user builds a design from an empty one, runs it to quiet, exports and re-imports it', async ({ editor, page }) => {
  const inspector = new InspectorDriver(editor);
  const node = editor.node.bind(editor);
  await editor.open();
  await editor.createEmptyDesign();

  await test.step('build: orders emits OrderPlaced, billing invoices it, order-stats counts per status', async () => {
    await inspector.add('producer', 'new-producer', 'orders');
    await inspector.add('event', 'NewEvent', 'OrderPlaced');
    await inspector.row('Field', 1, 'orderId');
    await inspector.row('Field', 2, 'amount', 'number', true);
    await inspector.row('Field', 3, 'status', 'enum', true);
    const values = inspector.panel.getByLabel('Field 3 enum values (comma separated)');
    await values.fill('');
    await values.pressSequentially('pending, paid');
    await expect(values).toHaveValue('pending, paid');

    await inspector.add('event', 'NewEvent', 'InvoiceIssued');
    await inspector.row('Field', 1, 'invoiceId');
    await inspector.row('Field', 2, 'orderId', 'uuid', true);
    await inspector.row('Field', 3, 'amount', 'number');
    await inspector.add('consumer', 'new-consumer', 'billing');
    await inspector.add('projection', 'new-projection', 'invoices');
    await inspector.row('Column', 1, 'orderId');
    await inspector.row('Column', 2, 'amount', 'number');
    await inspector.add('consumer', 'new-consumer', 'order-stats');
    await inspector.add('projection', 'new-projection', 'orders-by-status');
    await inspector.row('Column', 1, 'status');
    await inspector.row('Column', 2, 'count', 'number');
    await editor.clickEmptyCanvas();
    await editor.toolbarButton('Fit view').click();
    await viewportSettled(page);
    await page.screenshot({ path: test.info().outputPath('journey-nodes.png') });

    await editor.connect(node('producer', 'orders'), node('event', 'OrderPlaced'));
    await editor.connect(node('event', 'OrderPlaced'), node('consumer', 'billing'));
    await editor.connect(node('consumer', 'billing'), node('projection', 'invoices'));
    await editor.connect(node('consumer', 'billing'), node('event', 'InvoiceIssued'));
    await editor.connect(node('event', 'OrderPlaced'), node('consumer', 'order-stats'));
    await editor.connect(node('consumer', 'order-stats'), node('projection', 'orders-by-status'));
    for (const edge of ['orders emits OrderPlaced', 'billing updates invoices', 'billing emits InvoiceIssued', 'order-stats updates orders-by-status']) {
      await expect(editor.edge(edge)).toBeVisible();
    }

    await node('consumer', 'order-stats').click();
    await inspector.panel.getByLabel('Handler 1 effect 1 kind').selectOption('increment');
    await expect(node('consumer', 'order-stats')).toContainText('increment orders-by-status.count');
    await editor.toolbarButton('Auto-layout').click();
    await viewportSettled(page);
  });

  await test.step('the defaults leave no problem to fix by hand', async () => {
    await expect(editor.toolbarButton('✓ No problems')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('journey-built.png') });
  });

  const orderId = '3f0c2b8e-1d4a-4c6b-9e2f-5a7b8c9d0e1f';
  await test.step('run: fire PlaceOrder-like command, run until quiet, the projections hold the order', async () => {
    await page.getByRole('radio', { name: 'Run' }).click();
    const controls = page.getByRole('toolbar', { name: 'Run controls' });
    await expect(controls).toBeVisible();
    const form = page.getByRole('form', { name: 'Fire a command' });
    await expect(form.getByRole('combobox', { name: 'Command' })).toHaveText('CreateOrder');
    await expect(form.getByRole('textbox', { name: 'orderId' })).not.toHaveValue('');
    await form.getByRole('textbox', { name: 'orderId' }).fill(orderId);
    await form.getByRole('spinbutton', { name: 'amount' }).fill('12.5');
    await form.getByRole('combobox', { name: 'status' }).selectOption('paid');
    await form.getByRole('button', { name: 'Fire', exact: true }).click();
    await page.getByRole('button', { name: 'Run until quiet', exact: true }).click();
    await expect(controls.getByRole('status')).toContainText('quiet');

    await page.getByRole('tab', { name: /^Projections/ }).click();
    const shown = page.getByRole('combobox', { name: 'Projection shown' });
    await shown.selectOption({ label: 'invoices' });
    const invoice = page.getByRole('table', { name: 'Projection invoices', exact: true }).locator('[role="row"][aria-rowindex]');
    await expect(invoice).toHaveCount(1);
    await expect(invoice.getByRole('cell').nth(0)).toHaveText(orderId);
    await expect(invoice.getByRole('cell').nth(1)).toHaveText('12.5');
    await shown.selectOption({ label: 'orders-by-status' });
    const count = page.getByRole('table', { name: 'Projection orders-by-status', exact: true }).locator('[role="row"][aria-rowindex]');
    await expect(count).toHaveCount(1);
    await expect(count.getByRole('cell').nth(0)).toHaveText('paid');
    await expect(count.getByRole('cell').nth(1)).toHaveText('1');
    await page.getByRole('tab', { name: /^Event store/ }).click();
    await expect(page.getByRole('tab', { name: /^Event store/ })).toContainText('2');
    await page.screenshot({ path: test.info().outputPath('journey-run.png') });
  });

  const download = async (item: string): Promise<string> => {
    await editor.toolbarButton('⇩ Export').click();
    const menuItem = page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item, exact: true });
    const [file] = await Promise.all([page.waitForEvent('download'), menuItem.click()]) as [Download, void];
    return readFile(await file.path(), 'utf8');
  };

  await test.step('export: AsyncAPI parses with zero errors and says what the design says', async () => {
    const asyncapi = JSON.parse(await download('AsyncAPI (.json)'));
    const { diagnostics } = await new Parser().parse(asyncapi);
    expect(diagnostics.filter((d) => d.severity === 0)).toEqual([]);
    expect(Object.keys(asyncapi.channels).sort()).toEqual(['InvoiceIssued', 'OrderPlaced']);
    expect(Object.values(asyncapi.operations).map((o) => `${(o as { action: string }).action} ${(o as { summary: string }).summary}`).sort())
      .toEqual(['receive billing handles OrderPlaced', 'receive order-stats handles OrderPlaced', 'send billing publishes InvoiceIssued', 'send orders publishes OrderPlaced']);
  });

  await test.step('the design travels: export it and open it again as a new design', async () => {
    await page.getByRole('radio', { name: 'Design' }).click();
    const design = await download('Design (.json)');
    await page.getByTestId('exchange.open-input').setInputFiles({ name: 'orders.flow.json', mimeType: 'application/json', buffer: Buffer.from(design) });
    await expect(editor.designName).toHaveValue('Untitled design 2');
    await expect(editor.allNodes()).toHaveCount(7);
    await expect(editor.edge('billing emits InvoiceIssued')).toBeVisible();
    await expect(editor.toolbarButton('✓ No problems')).toBeVisible();
  });
});
