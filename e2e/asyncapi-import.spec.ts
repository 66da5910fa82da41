import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';

const SPEC = 'testdata/asyncapi-spec';

test('imports a multi-file AsyncAPI set (a folder of 5 services and 4 shared files) as one design', async ({ editor, exchange, page }) => {
  await editor.open();
  await exchange.openThroughMenu('Folder…', `${SPEC}/3.1.0/social-media`);
  await expect(editor.designName).toHaveValue('social-media', { timeout: 30_000 });

  await test.step('every service is there, sending and receiving', async () => {
    for (const name of ['Website Backend', 'Comments Service', 'Website WebSocket Client']) await expect(editor.node('producer', name)).toBeVisible();
    for (const name of ['Notifications Service', 'Public API', 'Website Backend consumer', 'Comments Service consumer']) await expect(editor.node('consumer', name)).toBeVisible();
  });

  await test.step('a message one service sends and others receive is one event type with an edge on each side', async () => {
    await expect(editor.node('event', 'commentLiked')).toHaveCount(1);
    await expect(page.getByTestId('rf__edge-emits:website-backend->comment-liked')).toBeAttached();
    for (const consumer of ['comments-service-consumer', 'notifications-service-consumer', 'public-api-consumer']) {
      await expect(page.getByTestId(`rf__edge-subscribes:comment-liked->${consumer}`)).toBeAttached();
    }
    await editor.node('event', 'commentLiked').click();
    await expect(editor.sidePanel.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('commentLiked');
    await expect(editor.sidePanel).toContainText('Message that is being sent when a comment has been liked by someone.');
  });
  await page.screenshot({ path: test.info().outputPath('asyncapi-import-social-media.png') });
  expect(await exchange.savedDesignNames()).toContain('social-media');
});

test('imports an AsyncAPI 2.6 document with the spec\'s roles, and shows what it kept without reading', async ({ editor, exchange, page }) => {
  await editor.open();
  await test.step('2.6: subscribe is what the application sends, publish what it receives', async () => {
    await exchange.openThroughMenu('Files or .zip…', `${SPEC}/2.6.0/streetlights-kafka.yml`);
    await page.screenshot({ path: test.info().outputPath('asyncapi-open-menu-done.png') });
    await expect(editor.designName).toHaveValue('Streetlights Kafka API', { timeout: 30_000 });
    await expect(editor.node('producer', 'Streetlights Kafka API')).toBeVisible();
    await expect(editor.node('consumer', 'Streetlights Kafka API consumer')).toBeVisible();
    for (const name of ['lightMeasured', 'turnOnOff', 'dimLight']) await expect(editor.node('event', name)).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('asyncapi-import-streetlights-2.6.png') });
  });

  await test.step('a document whose Avro payloads are remote references opens, with its warnings listed', async () => {
    await exchange.openThroughMenu('Files or .zip…', `${SPEC}/3.1.0/adeo-kafka-request-reply-asyncapi.yml`);
    const dialog = page.getByRole('dialog', { name: /with 2 warnings/ });
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByRole('list', { name: 'Import warnings' }).getByRole('listitem')).toHaveCount(2);
    await expect(dialog).toContainText('CostingRequestPayload.avsc');
    await expect(dialog).toContainText('adeo-kafka-request-reply-asyncapi.yml:174');
    await page.screenshot({ path: test.info().outputPath('asyncapi-import-warnings.png') });
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(editor.designName).toHaveValue('Adeo AsyncAPI Case Study');
  });

  await test.step('a set missing a referenced file is refused with the file and line, and nothing is imported', async () => {
    const before = await exchange.savedDesignNames();
    const backend = await readFile(`${SPEC}/3.1.0/social-media/backend/asyncapi.yaml`, 'utf8');
    await exchange.openFile('asyncapi.yaml', backend, 'application/yaml');
    const refused = page.getByRole('alertdialog', { name: 'Import refused' });
    await expect(refused).toContainText('names the file "../common/servers.yaml", which is not among the one file given');
    await expect(refused).toContainText('(line 7)');
    await page.screenshot({ path: test.info().outputPath('asyncapi-import-refused.png') });
    await refused.getByRole('button', { name: 'OK' }).click();
    expect(await exchange.savedDesignNames()).toEqual(before);
  });
});
