import { test, expect } from './fixtures';

/**
 * Consistency at scale (issue 13) from the inspector: a consumer's instances, a subscription's
 * partitioned delivery and ordering key, a projection's concurrency and cache are set with the
 * keyboard and mouse, checked against the design's bounds, undoable, and the run uses them.
 */
test('set instances = 3 and partitioned:8 in the inspector; run mode shows three instances on the card', async ({ editor, inspector, run, page }) => {
  test.setTimeout(120_000);
  await editor.open();
  const card = editor.node('consumer', 'follow-center');

  await test.step('Instances: 65 is refused with what is wrong, 3 is taken', async () => {
    await inspector.inspect('consumer', 'follow-center');
    const instances = inspector.field('Instances');
    await instances.fill('65');
    await expect(instances).toHaveAttribute('aria-invalid', 'true');
    await expect(inspector.panel.getByText('Instances: a whole number from 1 to 64; 65 is too many')).toBeVisible();
    await instances.fill('3');
    await expect(instances).toHaveAttribute('aria-invalid', 'false');
    await expect(inspector.panel.getByText(/65 is too many/)).toBeHidden();
  });

  await test.step('concurrency control: each choice says in one line what it does; the lock shows the lease', async () => {
    const control = inspector.field('Concurrency control');
    await control.selectOption('lock');
    await expect(page.getByTestId('concurrency-hint')).toContainText('per-row lock');
    await expect(inspector.field('Lock lease (steps)')).toHaveValue('50');
    await control.selectOption('');
    await expect(inspector.field('Lock lease (steps)')).toBeHidden();
  });

  await test.step('Handler 1 delivery: partitioned, 8 partitions, ordered by authorId (keyboard)', async () => {
    const mode = inspector.field('Handler 1 delivery mode');
    await mode.focus();
    await mode.selectOption('partitioned');
    const partitions = inspector.field('Handler 1 partitions');
    await expect(partitions).toHaveValue('8');
    await partitions.fill('0');
    await expect(inspector.panel.getByText('Handler 1 partitions: a whole number from 1 to 1,024; 0 is too few')).toBeVisible();
    await partitions.fill('8');
    const key = inspector.field('Handler 1 ordering key');
    await expect(key).toHaveValue('');
    await key.selectOption({ label: 'authorId' });
    await expect(key).toHaveValue('/authorId');
    await page.screenshot({ path: test.info().outputPath('scale-inspector.png') });
  });

  await test.step('every edit is undoable: Undo takes the ordering key back, Redo brings it again', async () => {
    await editor.toolbarButton('Undo').click();
    await expect(inspector.field('Handler 1 ordering key')).toHaveValue('');
    await editor.toolbarButton('Redo').click();
    await expect(inspector.field('Handler 1 ordering key')).toHaveValue('/authorId');
  });

  await test.step('a projection: its concurrency override and cache-aside with leases, each saying what it does', async () => {
    await inspector.inspect('projection', 'notifications');
    const control = inspector.field('Concurrency control of its rows');
    await expect(control).toHaveValue('');
    await control.selectOption('optimistic');
    await expect(inspector.panel.getByText('The write compares the row’s version with the one read; on a conflict it reads again and retries.')).toBeVisible();
    const cache = inspector.field('Cache');
    await cache.selectOption('leases');
    await expect(inspector.panel.getByText(/a fill whose lease was cleared is refused/)).toBeVisible();
    await editor.toolbarButton('Undo').click();
    await expect(cache).toHaveValue('off');
    await expect(control).toHaveValue('optimistic');
    await editor.toolbarButton('Undo').click();
    await expect(control).toHaveValue('');
  });

  await test.step('run mode: the card shows three instance lines, the Scale tab three instances on 8 partitions', async () => {
    await run.enter();
    await run.fireMany(6);
    const lines = page.getByTestId('run-badges.follow-center').locator('.run-badge--line');
    await expect(lines).toHaveCount(3);
    await expect(lines.nth(0)).toHaveText(/^#1 P[\d,]+ · lag \d+/);
    await expect(lines.nth(2)).toHaveText(/^#3 P[\d,]+/);
    await run.openTab('Instances');
    const group = page.getByTestId('group.follow-center');
    await expect(group).toContainText('3 of 3 live');
    await expect(page.getByTestId('partitions.follow-center#1')).toHaveText('0, 3, 6');
    await expect(page.getByTestId('partitions.follow-center#3')).toHaveText('2, 5');
    await card.screenshot({ path: test.info().outputPath('scale-inspector-card.png') });
  });
});
