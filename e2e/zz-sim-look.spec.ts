import { test, expect } from './fixtures/editor';

test('look at every tab', async ({ editor, page }) => {
  await editor.open();
  await page.getByRole('radio', { name: 'Run' }).click();
  await page.getByRole('tab', { name: /^Faults/ }).click();
  await page.getByRole('slider', { name: 'Duplicate delivery' }).fill('0.3');
  await page.getByRole('slider', { name: 'Consumer failure' }).fill('0.3');
  await page.getByRole('checkbox', { name: 'Inbox for follow-center' }).uncheck();
  await page.screenshot({ path: test.info().outputPath('tab-faults.png') });
  await page.getByRole('spinbutton', { name: 'How many commands to fire' }).fill('40');
  await page.getByRole('button', { name: 'Fire 40' }).click();
  await page.getByRole('button', { name: 'Run until quiet' }).click();
  await expect(page.getByRole('toolbar', { name: 'Run controls' }).getByRole('status')).toContainText('· quiet', { timeout: 60_000 });
  for (const tab of ['Outbox', 'Broker', 'Inbox', 'Projections', 'Event store', 'Dead letters', 'Trace', 'Anomalies']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: test.info().outputPath(`tab-${tab.replace(' ', '-')}.png`) });
  }
  await page.getByRole('group', { name: 'Consumer follow-center' }).click();
  await page.getByRole('tab', { name: /^Broker/ }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: test.info().outputPath('filtered-broker.png') });
});
