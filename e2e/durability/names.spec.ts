import { expect, test } from '../fixtures';

/** A design whose node ids and names, field and column names break plain objects. */
function hostileDesign() {
  const field = (name: string, required = true) => ({ name, type: 'string', required });
  return {
    schemaVersion: 1, id: 'constructor', name: '__proto__', description: '',
    eventTypes: [{ id: '__proto__', kind: 'event', name: 'constructor', description: '', version: 1, aggregateIdField: '__proto__', fields: [field('__proto__'), field('toString')] }],
    producers: [{
      id: 'constructor', kind: 'producer', name: 'toString', description: '', aggregate: 'item', publishMode: 'outbox',
      commands: [{
        id: 'valueOf', name: 'hasOwnProperty', inputFields: [field('__proto__'), field('toString'), field('constructor', false)],
        aggregateId: { from: 'input', field: '__proto__' }, rowChanges: [],
        emits: [{ eventTypeId: '__proto__', mappings: [
          { target: '__proto__', source: { from: 'input', field: '__proto__' } },
          { target: 'toString', source: { from: 'input', field: 'toString' } },
        ] }],
      }],
    }],
    consumers: [{
      id: 'toString', kind: 'consumer', name: '__defineGetter__', description: '', useInbox: true, retryLimit: 3, publishMode: 'outbox',
      handlers: [{ eventTypeId: '__proto__', emits: [], effects: [{
        kind: 'upsert', projectionId: 'hasOwnProperty', key: { from: 'event', field: '__proto__' },
        set: [{ target: 'constructor', source: { from: 'event', field: 'toString' } }],
      }] }],
    }],
    projections: [{ id: 'hasOwnProperty', kind: 'projection', name: 'valueOf', description: '', key: '__proto__', columns: [{ name: '__proto__', type: 'string' }, { name: 'constructor', type: 'string' }] }],
    layout: { positions: JSON.parse('{"__proto__":{"x":300,"y":0},"constructor":{"x":0,"y":0},"toString":{"x":600,"y":0},"hasOwnProperty":{"x":900,"y":0}}') },
  };
}

test('a design named and keyed with __proto__, constructor and toString: edit, run, reload, run again', async ({ editor, exchange, run, page }) => {
  await editor.open();
  await exchange.openFile('hostile.json', JSON.stringify(hostileDesign()));
  await expect(editor.designName).toHaveValue('__proto__');
  await expect(editor.node('event', 'constructor')).toBeVisible();
  await expect(editor.node('projection', 'valueOf')).toBeVisible();
  await expect(editor.edge('toString emits constructor')).toBeVisible();

  await test.step('the editor moves and renames nodes whose ids are prototype names', async () => {
    await editor.dragNode(editor.node('event', 'constructor'), { x: 0, y: 120 });
    await editor.node('consumer', '__defineGetter__').click();
    await editor.sidePanel.getByLabel('Name', { exact: true }).fill('hasOwnProperty');
    await expect(editor.node('consumer', 'hasOwnProperty')).toBeVisible();
    await editor.waitUntilSaved();
  });

  await test.step('run mode fires the command, with the optional input "constructor", through to the projection', async () => {
    await run.enter();
    await run.fireForm.getByLabel('__proto__', { exact: true }).fill('order-1');
    await run.fireForm.getByLabel('toString', { exact: true }).fill('shipped');
    await run.fireForm.getByLabel('constructor (optional)', { exact: true }).fill('optional');
    await run.fire();
    await run.runUntilQuiet();
    await run.showProjection('valueOf');
    await expect(run.row('Projection valueOf', 'order-1', 'shipped')).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath('hostile-names-run.png') });
  });

  await test.step('after a reload, the design and its run are as they were', async () => {
    await page.reload();
    await expect(editor.node('consumer', 'hasOwnProperty')).toBeVisible();
    await run.enter();
    await run.showProjection('valueOf');
    await expect(run.row('Projection valueOf', 'order-1', 'shipped')).toHaveCount(1);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  });
});
