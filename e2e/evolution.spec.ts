import { test, expect } from './fixtures';

test('schema evolution: an export is the baseline, a breaking change on v1 is a problem, v2 with an upcaster replays the old events', async ({ editor, inspector, exchange, run, page }) => {
  await editor.open();

  await test.step('a run writes VideoInputEvent v1 events to the event store', async () => {
    await run.enter();
    await run.fireMany(3);
    await run.runUntilQuiet();
    await editor.designMode();
  });

  await test.step('exporting the schemas records the baseline', async () => {
    await exchange.download('AsyncAPI 3.0 (.yaml)');
    await editor.clickEmptyCanvas();
    await editor.toolbarButton('Inspector').click();
    await expect(page.getByTestId('evolution.baseline')).toContainText('Compared with the export content-platform.asyncapi.yaml');
    await expect(editor.toolbarButton('✓ No problems')).toBeVisible();
  });

  await test.step('renaming a required field of v1 is a breaking change: the problems list says where', async () => {
    await inspector.inspect('event', 'VideoInputEvent');
    await inspector.panel.getByLabel('Field 1 name').fill('headline');
    const problems = editor.toolbarButton('⚠ 1 problem');
    await expect(problems).toBeVisible();
    await problems.click();
    const list = editor.sidePanel.getByRole('tabpanel');
    await expect(list).toContainText("VideoInputEvent v1: breaking change (backward) since the export content-platform.asyncapi.yaml");
    await expect(list).toContainText("new required field 'headline'");
    await page.screenshot({ path: test.info().outputPath('evolution-breaking-change.png') });
  });

  await test.step('starting v2 keeps v1 as exported; an upcaster renames the field in old events', async () => {
    await editor.sidePanel.getByRole('tab', { name: 'Inspector' }).click();
    await expect(inspector.name).toHaveValue('VideoInputEvent');
    const versions = inspector.panel.getByRole('region', { name: 'Versions' });
    await versions.getByRole('button', { name: 'Start v2' }).click();
    await expect(inspector.field('Version')).toHaveValue('2');
    await expect(versions.getByRole('group', { name: 'Version 1' })).toContainText('v1 → v2');
    await expect(versions.getByRole('group', { name: 'Version 1' })).toContainText('1 breaking');
    await versions.getByRole('button', { name: '+ Step' }).click();
    await versions.getByLabel('From', { exact: true }).fill('/title');
    await versions.getByLabel('To', { exact: true }).fill('/headline');
    await expect(editor.toolbarButton('✓ No problems')).toBeVisible();
    await versions.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('evolution-versions.png') });
  });

  await test.step('run mode replays the event store written with v1 through the v2 design', async () => {
    await run.enter();
    const banner = page.getByRole('alert').filter({ hasText: 'The design changed since this run started' });
    await expect(banner).toBeVisible();
    await banner.getByRole('button', { name: 'Replay the event store with this design' }).click();
    const dialog = page.getByRole('dialog', { name: 'Event store replayed with the current design' });
    await expect(dialog.getByTestId('replay.summary')).toContainText('3 upcast from an older version · 0 left out');
    const authorVideos = dialog.getByRole('region', { name: 'Projection author-videos' });
    await expect(authorVideos.getByRole('row')).toHaveCount(4);
    await expect(authorVideos.getByRole('cell').filter({ hasText: /\S/ }).first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('evolution-replay.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});
