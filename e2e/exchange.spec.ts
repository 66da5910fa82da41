import { readFile, writeFile } from 'node:fs/promises';
import { Parser } from '@asyncapi/parser';
import { unzipSync, strFromU8 } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { test, expect } from './fixtures';

const examplePath = 'public/examples/content-platform.json';

/** Every test starts on the built-in example. */
test.beforeEach(async ({ editor }) => {
  await editor.open();
  await expect(editor.node('event', 'VideoInputEvent')).toBeVisible();
});

test('downloads every export from the Export menu, and each one parses', async ({ exchange, run, page, context }) => {
  await test.step('JSON Schema bundle', async () => {
    const { name, bytes } = await exchange.download('Schema bundle (.json)');
    expect(name).toBe('content-platform.events.schema.json');
    const bundle = JSON.parse(bytes.toString('utf8'));
    expect(bundle.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const types = ['AbstractContentEvent', 'VideoEvent', 'VideoInputEvent', 'VideoStatusChangeEvent', 'AuthorVideoAddedEvent'];
    // Every event type's payload and whole message (the envelope around it) under $defs.
    expect(Object.keys(bundle.$defs)).toEqual([...types.map((t) => `${t}Payload`), ...types]);
    expect(bundle.anyOf).toEqual(['VideoInputEvent', 'VideoStatusChangeEvent', 'AuthorVideoAddedEvent'].map((t) => ({ $ref: `#/$defs/${t}` })));
  });

  await test.step('one schema per event, zipped', async () => {
    const { name, bytes } = await exchange.download('One file per event (.zip)');
    expect(name).toBe('content-platform.schemas.zip');
    const files = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(files).sort()).toContain('VideoStatusChangeEvent.v1.schema.json');
    expect(Object.keys(files)).toHaveLength(7);
    const schema = JSON.parse(strFromU8(files['VideoStatusChangeEvent.v1.schema.json']!));
    // Self-contained: the base's payload is under $defs, referenced from the subtype's payload.
    expect(schema.$defs.VideoStatusChangeEventPayload.allOf[0]).toEqual({ $ref: '#/$defs/VideoEventPayload' });
  });

  await test.step('copy the bundle to the clipboard', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await exchange.exportButton.click();
    await exchange.menuItem('Copy schema bundle').click();
    await expect(page.getByRole('status').filter({ hasText: 'copied to the clipboard' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(copied).title).toBe('Content platform events');
  });

  await test.step('AsyncAPI as JSON (parses with zero errors) and as YAML', async () => {
    const json = await exchange.download('AsyncAPI 3.0 (.json)');
    expect(json.name).toBe('content-platform.asyncapi.json');
    const doc = JSON.parse(json.bytes.toString('utf8'));
    const { diagnostics } = await new Parser().parse(doc);
    expect(diagnostics.filter((d) => d.severity === 0)).toEqual([]);
    const yaml = await exchange.download('AsyncAPI 3.0 (.yaml)');
    // The first export became the design's baseline (kept in x-eventflow-design); everything else is the same document.
    const again = parseYaml(yaml.bytes.toString('utf8'));
    expect(again['x-eventflow-design'].document.evolution.baselineJson).toContain('content-platform.asyncapi.json');
    expect({ ...again, 'x-eventflow-design': undefined }).toEqual({ ...doc, 'x-eventflow-design': undefined });
  });

  await test.step('AsyncAPI 3.1 and one file per service', async () => {
    const v31 = await exchange.download('AsyncAPI 3.1 (.yaml)');
    expect(parseYaml(v31.bytes.toString('utf8')).asyncapi).toBe('3.1.0');
    const services = await exchange.download('One file per service (.zip)');
    expect(services.name).toBe('content-platform.services.asyncapi.zip');
    const files = unzipSync(new Uint8Array(services.bytes));
    expect(Object.keys(files).sort()).toEqual(['author-service.asyncapi.yaml', 'content-ingest.asyncapi.yaml', 'follow-center.asyncapi.yaml', 'status-board.asyncapi.yaml']);
    for (const text of Object.values(files)) {
      const { diagnostics } = await new Parser().parse(strFromU8(text));
      expect(diagnostics.filter((d) => d.severity === 0)).toEqual([]);
    }
  });

  await test.step('the design as a flow document', async () => {
    const { name, bytes } = await exchange.download('Design (.json)');
    expect(name).toBe('content-platform.flow.json');
    const design = JSON.parse(bytes.toString('utf8'));
    const example = JSON.parse(await readFile(examplePath, 'utf8'));
    // The schema exports above recorded the baseline later edits are checked against; the rest is the example.
    expect(design.evolution.baseline.label).toMatch(/^the export content-platform\.services\.asyncapi\.zip/);
    expect({ ...design, id: example.id, layout: example.layout, evolution: undefined }).toEqual({ ...example, layout: example.layout, evolution: undefined });
  });

  await test.step('the canvas as PNG and SVG', async () => {
    const png = await exchange.download('Canvas image (.png)');
    expect(png.name).toBe('content-platform.png');
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.bytes.length).toBeGreaterThan(10_000);
    await writeFile(test.info().outputPath('exchange-canvas-export.png'), png.bytes);
    const svg = await exchange.download('Canvas image (.svg)');
    expect(svg.name).toBe('content-platform.svg');
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('VideoStatusChangeEvent');
  });

  await test.step('no run yet: the run exports are disabled', async () => {
    await exchange.exportButton.click();
    await expect(exchange.menuItem('Run trace (.json)')).toBeDisabled();
    await expect(exchange.menuItem('Run fixtures (.json)')).toBeDisabled();
    await page.keyboard.press('Escape');
  });

  await test.step('after a run: the trace and the given/when/then fixtures', async () => {
    await run.enter();
    await run.fire();
    await run.runUntilQuiet();
    const trace = JSON.parse((await exchange.download('Run trace (.json)')).bytes.toString('utf8'));
    expect(trace.format).toBe('event-flow-designer/trace');
    expect(trace.trace.length).toBeGreaterThan(5);
    expect(trace.trace[0].text).toContain('content-ingest took IngestVideo');
    expect(trace.trace[1].text).toContain('content-ingest handled IngestVideo');
    const fixture = JSON.parse((await exchange.download('Run fixtures (.json)')).bytes.toString('utf8'));
    expect(fixture.given.commands).toHaveLength(1);
    expect(fixture.then.events.map((e: { eventType: string }) => e.eventType)).toEqual(['VideoInputEvent', 'AuthorVideoAddedEvent']);
    expect(fixture.then.projections['videos-by-status']).toHaveLength(1);
  });
});

test('imports by drag-and-drop and Open… as new designs; refuses a bad file with its message', async ({ exchange, editor, page }) => {
  const example = JSON.parse(await readFile(examplePath, 'utf8'));

  await test.step('a dropped design opens as a new design, the current one is kept', async () => {
    await exchange.dropFile('shared.json', JSON.stringify({ ...example, name: 'Dropped design' }));
    await expect(editor.designName).toHaveValue('Dropped design');
    await expect(editor.node('event', 'VideoStatusChangeEvent')).toBeVisible();
    expect(await exchange.savedDesignNames()).toEqual(['Content platform', 'Dropped design']);
  });

  await test.step('a file that is not JSON is refused with its line and column; nothing changes', async () => {
    await exchange.dropFile('broken.json', '{\n  "schemaVersion": 1,,\n}');
    const dialog = page.getByRole('alertdialog', { name: 'Import refused' });
    await expect(dialog).toContainText(`"broken.json" is not valid JSON: expected a property name in double quotes, found ',' at line 2, column 22.`);
    await page.screenshot({ path: test.info().outputPath('exchange-import-refused.png') });
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog).toBeHidden();
    await expect(editor.designName).toHaveValue('Dropped design');
    expect(await exchange.savedDesignNames()).toEqual(['Content platform', 'Dropped design']);
  });

  await test.step('a design with a dangling reference is refused with its JSON pointer', async () => {
    const broken = structuredClone(example);
    broken.consumers[0].handlers[0].eventTypeId = 'ghost';
    await exchange.dropFile('dangling.json', JSON.stringify(broken));
    await expect(page.getByRole('alertdialog')).toContainText(`at /consumers/0/handlers/0/eventTypeId: eventTypeId: no event type has the id 'ghost'`);
    await page.getByRole('button', { name: 'OK' }).click();
    expect(await exchange.savedDesignNames()).toEqual(['Content platform', 'Dropped design']);
  });

  await test.step('Open… reads an AsyncAPI 2.6 YAML file into a new design (subscribe: the service sends)', async () => {
    const yaml = 'asyncapi: 2.6.0\ninfo: { title: Account Service, version: 1.0.0 }\nchannels:\n  user/signedup:\n    subscribe:\n      operationId: signUp\n      message: { name: UserSignedUp, payload: { type: object, properties: { email: { type: string } } } }\n';
    await exchange.openFile('accounts.yaml', yaml, 'application/yaml');
    await expect(editor.designName).toHaveValue('Account Service');
    await expect(editor.node('event', 'UserSignedUp')).toBeVisible();
    await expect(editor.node('producer', 'Account Service')).toBeVisible();
    expect(await exchange.savedDesignNames()).toEqual(['Account Service', 'Content platform', 'Dropped design']);
  });
});

test('the Export menu and the drop overlay at 1280×800', async ({ exchange, page }) => {
  await exchange.exportButton.click();
  await expect(exchange.menuItem('Schema bundle (.json)')).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('exchange-export-menu.png') });
  await page.keyboard.press('Escape');
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['{}'], 'x.json'));
    document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
  await expect(exchange.dropOverlay).toContainText('Drop to import as a new design');
  await page.screenshot({ path: test.info().outputPath('exchange-drop-overlay.png') });
});
