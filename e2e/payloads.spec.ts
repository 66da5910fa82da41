import type { Locator, Page } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { test, expect, type EditorPage } from './fixtures';

/** The payload tree of the inspector, row by row ("Field 3.2 …"), as a user drives it. */
class PayloadTree {
  constructor(readonly editor: EditorPage, readonly page: Page) {}

  get panel(): Locator {
    return this.editor.sidePanel;
  }

  control(outline: string, what: string): Locator {
    return this.panel.getByLabel(`Field ${outline} ${what}`, { exact: true });
  }

  /** Types a new name into a row's name box with the keyboard. */
  async rename(outline: string, name: string): Promise<void> {
    const box = this.control(outline, 'name');
    await box.click();
    await box.press('ControlOrMeta+a');
    await box.pressSequentially(name);
    await expect(box).toHaveValue(name);
  }

  /** Adds a top-level field and names it. */
  async addField(outline: string, name: string, type?: string): Promise<void> {
    await this.panel.getByRole('button', { name: '+ Add field' }).click();
    await this.rename(outline, name);
    if (type) await this.control(outline, 'type').selectOption(type);
  }

  /** Adds a field inside the object (or list of objects) of row `parent`. */
  async addChild(parent: string, outline: string, name: string, type?: string): Promise<void> {
    await this.panel.getByRole('button', { name: `Add a field to Field ${parent}`, exact: true }).click();
    await this.rename(outline, name);
    if (type) await this.control(outline, 'type').selectOption(type);
  }

  async details(outline: string): Promise<Locator> {
    await this.control(outline, 'details').click();
    const details = this.panel.getByRole('region', { name: `Details of Field ${outline}` });
    await expect(details).toBeVisible();
    return details;
  }
}

/** Waits until a node stops moving (layout is animated and the view follows the selection). */
async function steady(node: Locator): Promise<void> {
  let last = '';
  await expect.poll(async () => {
    const now = JSON.stringify(await node.boundingBox());
    const still = now === last;
    last = now;
    return still;
  }, { intervals: [150] }).toBe(true);
}

test('a nested Order payload: built in the inspector tree, run, exported and opened in a fresh design', async ({ editor, inspector, run, exchange, page }) => {
  const tree = new PayloadTree(editor, page);
  const node = editor.node.bind(editor);
  await editor.open();
  await editor.createEmptyDesign();

  await test.step('build OrderPlaced: orderId, customer { name, email }, lines [{ quantity, price ≥ 0 }], coupon (nullable)', async () => {
    await inspector.add('event', 'NewEvent', 'OrderPlaced');
    await tree.rename('1', 'orderId');

    await tree.addField('2', 'customer', 'object');
    await tree.control('2', 'required').check();
    await tree.addChild('2', '2.1', 'name');
    await tree.control('2.1', 'required').check();
    await tree.addChild('2', '2.2', 'email');
    await (await tree.details('2.2')).getByLabel('Field 2.2 format').selectOption('email');

    await tree.addField('3', 'lines', 'array');
    await tree.control('3', 'required').check();
    const lines = await tree.details('3');
    await lines.getByLabel('Field 3 item type').selectOption('object');
    await lines.getByLabel('Field 3 min items').fill('1');
    await tree.addChild('3', '3.1', 'quantity', 'integer');
    await tree.control('3.1', 'required').check();
    await (await tree.details('3.1')).getByLabel('Field 3.1 minimum').fill('1');
    await tree.addChild('3', '3.2', 'price', 'number');
    await tree.control('3.2', 'required').check();
    await (await tree.details('3.2')).getByLabel('Field 3.2 minimum').fill('0');

    await tree.addField('4', 'coupon');
    const coupon = await tree.details('4');
    await coupon.getByLabel('Field 4 can be null').check();
    await coupon.getByLabel('Field 4 pattern').fill('^[A-Z0-9]{6}$');
    await coupon.getByLabel('Field 4 examples').fill('["SPRING", null]');
    await expect(coupon.getByRole('alert')).toHaveCount(0);
    await coupon.getByLabel('Field 4 examples').fill('["spring"]');
    await expect(coupon.getByRole('alert')).toHaveText('example 1 does not fit: must match the pattern ^[A-Z0-9]{6}$');
    await coupon.getByLabel('Field 4 examples').fill('["SPRING"]');

    // Reorder with the keyboard: coupon up one place and back.
    await tree.control('4', 'name').press('Alt+ArrowUp');
    await expect(tree.control('3', 'name')).toHaveValue('coupon');
    await tree.control('3', 'name').press('Alt+ArrowDown');
    await expect(tree.control('4', 'name')).toHaveValue('coupon');

    await expect(node('event', 'OrderPlaced')).toContainText('quantity');
    await expect(node('event', 'OrderPlaced')).toContainText('string | null');
    await page.screenshot({ path: test.info().outputPath('order-tree.png') });
  });

  await test.step('the JSON Schema tab shows the schema and explains a broken edit with its JSON pointer', async () => {
    await editor.sidePanel.getByRole('tab', { name: 'JSON Schema' }).click();
    const raw = editor.sidePanel.getByRole('textbox', { name: 'Payload of OrderPlaced as JSON Schema' });
    const text = await raw.inputValue();
    const schema = JSON.parse(text);
    expect(schema.properties.lines.items.properties.price).toEqual({ type: 'number', minimum: 0 });
    expect(schema.properties.coupon).toEqual({ type: ['string', 'null'], pattern: '^[A-Z0-9]{6}$', examples: ['SPRING'] });
    expect(schema.required).toEqual(['orderId', 'customer', 'lines']);
    await raw.fill(text.replace('"minimum": 0', '"minimum": "zero"'));
    await expect(editor.sidePanel.getByRole('alert')).toContainText('at /properties/lines/items/properties/price/minimum: minimum: expected a number, found the text "zero"');
    await page.screenshot({ path: test.info().outputPath('order-raw-error.png') });
    await raw.fill(text.replace('"type": "object",', '"type": "object", "x-team": "checkout",'));
    await expect(editor.sidePanel.getByRole('alert')).toHaveCount(0);
    await editor.sidePanel.getByRole('tab', { name: 'Tree' }).click();
    await expect(tree.control('3.2', 'name')).toHaveValue('price');
  });

  await test.step('wire it: shop emits OrderPlaced, crm keeps customers by name', async () => {
    await inspector.add('producer', 'new-producer', 'shop');
    await inspector.add('consumer', 'new-consumer', 'crm');
    await inspector.add('projection', 'new-projection', 'customers');
    await inspector.row('Column', 1, 'orderId');
    await inspector.row('Column', 2, 'name');
    await editor.clickEmptyCanvas();
    await editor.toolbarButton('Auto-layout').click();
    await editor.viewportSettled();
    for (const [source, target, edge] of [
      [node('producer', 'shop'), node('event', 'OrderPlaced'), 'shop emits OrderPlaced'],
      [node('event', 'OrderPlaced'), node('consumer', 'crm'), 'OrderPlaced is consumed by crm'],
      [node('consumer', 'crm'), node('projection', 'customers'), 'crm updates customers'],
    ] as const) {
      await steady(source);
      await steady(target);
      await editor.connect(source, target);
      await expect(editor.edge(edge)).toBeVisible();
    }
    await expect(editor.toolbarButton('✓ No problems')).toBeVisible();
    await node('consumer', 'crm').click();
    await expect(editor.sidePanel.getByRole('combobox', { name: 'Handler 1 effect 1 name from' })).toHaveValue('event:/customer/name');
  });

  await test.step('run: fire an order typed into the nested form, run until quiet, the projection holds the customer', async () => {
    await run.enter();
    const form = run.fireForm;
    await expect(form.getByRole('textbox', { name: 'orderId' })).not.toHaveValue('');
    await form.getByRole('textbox', { name: 'customer.name' }).fill('Ada Lovelace');
    const lines = form.getByRole('button', { name: 'Add an item to lines' });
    while ((await form.getByRole('spinbutton', { name: /^lines\.\d+\.price$/ }).count()) < 2) await lines.click();
    await form.getByRole('spinbutton', { name: 'lines.0.price' }).fill('-1');
    await expect(form.getByRole('alert').filter({ hasText: 'must be ≥ 0, is -1' })).toBeVisible();
    await expect(form.getByRole('button', { name: 'Fire', exact: true })).toBeDisabled();
    await form.getByRole('spinbutton', { name: 'lines.0.price' }).fill('9.5');
    await form.getByRole('spinbutton', { name: 'lines.0.quantity' }).fill('2');
    await form.getByRole('spinbutton', { name: 'lines.1.quantity' }).fill('1');
    await form.getByRole('spinbutton', { name: 'lines.1.price' }).fill('0');
    await form.getByRole('checkbox', { name: 'coupon is null' }).check();
    await expect(form.getByRole('textbox', { name: 'coupon (optional)' })).toHaveValue('');
    await page.screenshot({ path: test.info().outputPath('order-fire-form.png') });
    await form.getByRole('button', { name: 'Fire', exact: true }).click();
    await run.runUntilQuiet();
    await run.showProjection('customers');
    await expect(run.row('Projection customers', 'Ada Lovelace')).toHaveCount(1);
    await run.openTab('Event store');
    await page.screenshot({ path: test.info().outputPath('order-run.png') });
    await editor.designMode();
  });

  await test.step('export: the JSON Schema of OrderPlaced accepts a good order and refuses a negative price', async () => {
    const bundle = JSON.parse((await exchange.download('Schema bundle (.json)')).text);
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(bundle);
    const order = {
      eventId: 'e-1', eventType: 'OrderPlaced', occurredAt: '2026-01-01T00:00:00Z', aggregateId: 'o-1',
      orderId: '3f0c2b8e-1d4a-4c6b-9e2f-5a7b8c9d0e1f', customer: { name: 'Ada', email: 'ada@example.com' },
      lines: [{ quantity: 2, price: 9.5 }], coupon: null,
    };
    expect(validate(order), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...order, lines: [{ quantity: 2, price: -1 }] })).toBe(false);
    expect(validate({ ...order, coupon: 'spring' })).toBe(false);
  });

  await test.step('the design opens in a fresh design with its nested payload and no problem', async () => {
    const design = (await exchange.download('Design (.json)')).text;
    expect(JSON.parse(design).schemaVersion).toBe(2);
    await editor.createEmptyDesign();
    await exchange.openFile('orders.flow.json', design);
    await expect(node('event', 'OrderPlaced')).toBeVisible();
    await expect(editor.toolbarButton('✓ No problems')).toBeVisible();
    await node('event', 'OrderPlaced').click();
    await expect(tree.control('3.2', 'name')).toHaveValue('price');
    await expect(tree.control('2.1', 'required')).toBeChecked();
    await page.screenshot({ path: test.info().outputPath('order-reopened.png') });
  });
});

test('a 5,000-field event opens in the inspector with only the rows in view in the page, and stays editable', async ({ editor, exchange, page }) => {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < 5000; i++) properties[`field${i}`] = { type: i % 3 === 0 ? 'integer' : 'string' };
  const design = {
    schemaVersion: 2, id: 'big', name: 'Big', description: '', envelope: { kind: 'eventflow' }, schemaLibrary: [],
    eventTypes: [{ id: 'big', kind: 'event', name: 'Big', description: '', version: 1, payload: { type: 'object', properties } }],
    producers: [], consumers: [], projections: [], layout: { positions: { big: { x: 0, y: 0 } } },
  };
  await editor.open();
  await exchange.openFile('big.flow.json', JSON.stringify(design));
  const event = editor.node('event', 'Big');
  await expect(event).toContainText('+ 4,976 more');
  await event.click({ position: { x: 40, y: 20 } });
  const tree = editor.sidePanel.getByRole('list', { name: 'Payload of Big: fields' });
  await expect(tree).toHaveAttribute('data-rows', '5000');
  const rendered = await tree.getByRole('group').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  await tree.evaluate((element) => { element.scrollTop = element.scrollHeight; });
  await expect(editor.sidePanel.getByLabel('Field 5000 name', { exact: true })).toHaveValue('field4999');
  await editor.sidePanel.getByLabel('Field 5000 name', { exact: true }).fill('last');
  await expect(event).toBeVisible();
  await editor.sidePanel.getByRole('combobox', { name: 'Aggregate id field' }).click();
  await editor.sidePanel.getByRole('combobox', { name: 'Aggregate id field' }).fill('last');
  await editor.sidePanel.getByRole('option', { name: 'last' }).click();
  await expect(editor.sidePanel.getByRole('combobox', { name: 'Aggregate id field' })).toHaveValue('last');
  await page.screenshot({ path: test.info().outputPath('big-event.png') });
});
