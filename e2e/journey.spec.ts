import { Parser } from '@asyncapi/parser';
import { test, expect } from './fixtures';

test('a new user builds a design from an empty one, runs it to quiet, exports and re-imports it', async ({ editor, inspector, run, exchange, page }) => {
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
    await editor.viewportSettled();
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
    await editor.viewportSettled();
  });

  await test.step('the defaults leave no problem to fix by hand', async () => {
    await expect(editor.toolbarButton('✓ No problems')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('journey-built.png') });
  });

  const orderId = '3f0c2b8e-1d4a-4c6b-9e2f-5a7b8c9d0e1f';
  await test.step('run: fire PlaceOrder-like command, run until quiet, the projections hold the order', async () => {
    await run.enter();
    const form = run.fireForm;
    await expect(form.getByRole('combobox', { name: 'Command' })).toHaveText('CreateOrder');
    await expect(form.getByRole('textbox', { name: 'orderId' })).not.toHaveValue('');
    await form.getByRole('textbox', { name: 'orderId' }).fill(orderId);
    await form.getByRole('spinbutton', { name: 'amount' }).fill('12.5');
    await form.getByRole('combobox', { name: 'status' }).selectOption('paid');
    await form.getByRole('button', { name: 'Fire', exact: true }).click();
    await run.runUntilQuiet();

    await run.showProjection('invoices');
    const invoice = run.rows('Projection invoices');
    await expect(invoice).toHaveCount(1);
    await expect(run.cell(invoice, 0)).toHaveText(orderId);
    await expect(run.cell(invoice, 1)).toHaveText('12.5');
    await run.showProjection('orders-by-status');
    const count = run.rows('Projection orders-by-status');
    await expect(count).toHaveCount(1);
    await expect(run.cell(count, 0)).toHaveText('paid');
    await expect(run.cell(count, 1)).toHaveText('1');
    await run.openTab('Event store');
    await expect(run.tab('Event store')).toContainText('2');
    await page.screenshot({ path: test.info().outputPath('journey-run.png') });
  });

  await test.step('export: AsyncAPI parses with zero errors and says what the design says', async () => {
    const asyncapi = JSON.parse((await exchange.download('AsyncAPI 3.0 (.json)')).text);
    const { diagnostics } = await new Parser().parse(asyncapi);
    expect(diagnostics.filter((d) => d.severity === 0)).toEqual([]);
    expect(Object.keys(asyncapi.channels).sort()).toEqual(['InvoiceIssued', 'OrderPlaced']);
    expect(Object.values(asyncapi.operations).map((o) => `${(o as { action: string }).action} ${(o as { summary: string }).summary}`).sort())
      .toEqual(['receive billing handles OrderPlaced', 'receive order-stats handles OrderPlaced', 'send billing publishes InvoiceIssued', 'send orders publishes OrderPlaced']);
  });

  await test.step('the design travels: export it and open it again as a new design', async () => {
    await editor.designMode();
    const design = (await exchange.download('Design (.json)')).text;
    await exchange.openFile('orders.flow.json', design);
    await expect(editor.designName).toHaveValue('Untitled design 2');
    await expect(editor.allNodes()).toHaveCount(7);
    await expect(editor.edge('billing emits InvoiceIssued')).toBeVisible();
    await expect(editor.toolbarButton('✓ No problems')).toBeVisible();
  });
});
