import { EditorPage, RunPage, expect, test } from './fixtures';

/**
 * One browser profile, two pages on the same design in run mode. A run is driven by one tab at a
 * time (a Web Lock per run); the other watches it live and can take it over.
 */
test('a run driven from two tabs: one drives, the other watches live and takes over; nothing lost, nothing doubled', async ({ editor, run, page }) => {
  test.setTimeout(120_000);
  const b = new RunPage(await page.context().newPage());
  const bEditor = new EditorPage(b.page);
  const stepButton = (tab: RunPage) => tab.button('Step S');
  const banner = (tab: RunPage) => tab.page.getByTestId('run.drive-banner');

  await test.step('page A opens run mode first and drives: it fires and steps three times', async () => {
    await editor.open();
    await run.enter();
    await expect(run.stepNumber).toHaveText('0');
    await expect(banner(run)).toHaveCount(0);
    await run.fire();
    for (let i = 1; i <= 3; i++) {
      await stepButton(run).click();
      await expect(run.stepNumber).toHaveText(String(i));
    }
  });

  await test.step('page B opens run mode on the same design: it shows A\'s counters, its controls are off, the banner says why', async () => {
    await bEditor.open();
    await b.enter();
    await expect(b.stepNumber).toHaveText('3');
    await expect(b.status).toHaveText(await run.status.innerText());
    await expect(banner(b)).toContainText('This run is driven in another tab');
    await expect(stepButton(b)).toBeDisabled();
    await expect(b.button('▶ Play Space')).toBeDisabled();
    await expect(b.button('Run until quiet')).toBeDisabled();
    await expect(b.button('Reset')).toBeDisabled();
    await expect(b.button('Fire')).toBeDisabled();
    // S does nothing in the watching tab.
    await b.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await b.page.keyboard.press('s');
    await b.page.screenshot({ path: test.info().outputPath('run-two-tabs-watching.png') });
  });

  await test.step('A steps twice more: B follows live', async () => {
    for (let i = 4; i <= 5; i++) {
      await stepButton(run).click();
      await expect(run.stepNumber).toHaveText(String(i));
      await expect(b.stepNumber).toHaveText(String(i));
    }
    await expect(b.status).toHaveText(await run.status.innerText());
  });

  await test.step('B takes over: A says it was taken over and its Step is off; B drives', async () => {
    await banner(b).getByRole('button', { name: 'Take over' }).click();
    await expect(banner(b)).toHaveCount(0);
    await expect(stepButton(b)).toBeEnabled();
    await expect(banner(run)).toContainText('Another tab took over this run');
    await expect(stepButton(run)).toBeDisabled();
    await expect(run.button('Fire')).toBeDisabled();
    await page.screenshot({ path: test.info().outputPath('run-two-tabs-taken-over.png') });
  });

  await test.step('B steps twice and fires once: A follows live', async () => {
    for (let i = 6; i <= 7; i++) {
      await stepButton(b).click();
      await expect(b.stepNumber).toHaveText(String(i));
      await expect(run.stepNumber).toHaveText(String(i));
    }
    // B's own status shows the fired command before A's is compared with it.
    const inFlight = await b.inFlight();
    await b.fire();
    await expect(b.status).toContainText(` ${inFlight + 1} in flight`);
    await expect(run.status).toHaveText(await b.status.innerText());
  });

  const before = await b.status.innerText();
  await test.step('reload both: the run is at step 7 = 5 steps of A + 2 of B, with the same counters', async () => {
    await page.reload();
    await b.page.reload();
    for (const [tabEditor, tab] of [[editor, run], [bEditor, b]] as const) {
      await expect(tabEditor.designName).toBeVisible();
      if (!(await tab.controls.isVisible())) await tab.enter();
      await expect(tab.stepNumber).toHaveText('7');
      await expect(tab.status).toHaveText(before);
    }
    // Exactly one of them drives.
    await expect.poll(async () => (await banner(run).count()) + (await banner(b).count())).toBe(1);
  });

  await test.step('the driving tab closes: the watching one drives by itself, without Take over', async () => {
    const [driver, watcher] = (await banner(run).count()) === 0 ? [run, b] : [b, run];
    await expect(banner(watcher)).toBeVisible();
    await driver.page.close();
    await expect(banner(watcher)).toHaveCount(0);
    await expect(stepButton(watcher)).toBeEnabled();
    await stepButton(watcher).click();
    await expect(watcher.stepNumber).toHaveText('8');
  });
});
