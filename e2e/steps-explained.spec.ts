import { test, expect } from './fixtures';

test('each step names its pattern step, the canvas draws the transaction around the rows it wrote, and "why?" explains the pattern', async ({ editor, run, page }) => {
  await editor.open();
  await run.enter();
  await run.fire();

  await test.step('the producer loads the aggregate: optimistic concurrency step 1, no transaction yet', async () => {
    await run.stepWithKey();
    await expect(page.getByTestId('sim.last-step-pattern')).toHaveText('optimistic concurrency step 1 of 3');
    await expect(page.getByTestId('canvas.tx-boundary')).toHaveCount(0);
  });

  await test.step('the commit: outbox steps 2–3 of 7, and a dashed boundary around the producer card', async () => {
    await run.stepWithKey();
    await expect(page.getByTestId('sim.last-step-pattern')).toHaveText('outbox steps 2–3 of 7');
    const boundary = page.getByTestId('canvas.tx-boundary');
    await expect(boundary).toContainText('one transaction: business row · event store · outbox row');
    const box = (await boundary.boundingBox())!;
    const producer = (await editor.node('producer', 'content-ingest').boundingBox())!;
    expect(box.x).toBeLessThanOrEqual(producer.x);
    expect(box.y).toBeLessThanOrEqual(producer.y);
    expect(box.x + box.width).toBeGreaterThanOrEqual(producer.x + producer.width);
    expect(box.y + box.height).toBeGreaterThanOrEqual(producer.y + producer.height);
    await page.screenshot({ path: test.info().outputPath('tx-boundary.png') });
  });

  await test.step('"why?" opens the outbox explained, with the steps this one took marked; Esc closes it', async () => {
    await run.lastStep.getByRole('button', { name: 'why?' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transactional outbox' });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('[aria-current="step"]')).toHaveText([
      'write the business row',
      'write the event to the outbox table, in the same local transaction',
    ]);
    await expect(dialog).toContainText('A crash after step 6 and before step 7');
    await page.screenshot({ path: test.info().outputPath('why-outbox.png') });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  await test.step('the relay publishes: outbox steps 4–6, which commit nothing, so no boundary', async () => {
    let text = '';
    for (let i = 0; i < 5 && !/relay published/.test(text); i++) text = await run.stepWithKey();
    expect(text).toMatch(/relay published/);
    await expect(page.getByTestId('sim.last-step-pattern')).toHaveText('outbox steps 4–6 of 7');
    await expect(page.getByTestId('canvas.tx-boundary')).toHaveCount(0);
  });
});
