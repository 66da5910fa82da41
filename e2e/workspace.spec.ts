import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Nothing of the app is cut off or scrolls sideways: the page, the toolbar, the mode switch. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth || window.scrollX !== 0) problems.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    const app = document.querySelector('.app');
    if (app && app.scrollLeft !== 0) problems.push(`the app is scrolled ${app.scrollLeft} px sideways`);
    const toolbar = document.querySelector('[role="toolbar"][aria-label="Editor toolbar"]')!;
    if (toolbar.scrollWidth > toolbar.clientWidth) problems.push(`the toolbar overflows (${toolbar.scrollWidth} > ${toolbar.clientWidth})`);
    for (const element of toolbar.querySelectorAll<HTMLElement>('button, input, [role="status"]')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      const name = element.getAttribute('aria-label') ?? element.textContent ?? element.tagName;
      if (box.right > window.innerWidth + 0.5 || box.left < -0.5) problems.push(`"${name}" is outside the window`);
      if (element.tagName === 'BUTTON' && element.scrollWidth > element.clientWidth + 1) problems.push(`"${name}" is cut`);
    }
    return problems;
  });
}

test.describe('the workspace at 1024×700 and 1280×800', () => {
  for (const [width, height] of [[1280, 800], [1024, 700]] as const) {
    test(`at ${width}×${height}: the toolbar fits, the Design/Run switch is whole, and keyboard focus never scrolls the app sideways`, async ({ editor, run, page }) => {
      await page.setViewportSize({ width, height });
      await editor.open();
      expect(await layoutProblems(page)).toEqual([]);
      await expect(page.getByRole('radio', { name: 'Design' })).toHaveText('Design');
      await page.screenshot({ path: test.info().outputPath(`workspace-design-${width}.png`) });

      // Tab through the whole toolbar to the mode switch: the focus never pushes the app sideways.
      await editor.designName.focus();
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Tab');
        if (await page.getByRole('radio', { name: 'Run' }).evaluate((e) => e === document.activeElement)) break;
      }
      await expect(page.getByRole('radio', { name: 'Run' })).toBeFocused();
      expect(await layoutProblems(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await expect(run.controls).toBeVisible();
      expect(await layoutProblems(page)).toEqual([]);

      // Every tab of the run dock is whole, on one row; those that do not fit are under "More ▾".
      const tabs = page.getByRole('tablist', { name: 'Run tables' }).getByRole('tab');
      const more = page.getByRole('button', { name: 'More run tables' });
      let underMore = 0;
      if (await more.isVisible()) {
        await more.click();
        underMore = await page.getByRole('menu', { name: 'More run tables' }).getByRole('menuitem').count();
        await page.screenshot({ path: test.info().outputPath(`workspace-run-more-${width}.png`) });
        await page.keyboard.press('Escape');
        await expect(more).toBeFocused();
      }
      expect(await tabs.count() + underMore).toBe(11);
      const tops = await tabs.evaluateAll((list) => list.map((tab) => Math.round(tab.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBe(1);
      const cutTabs = await tabs.evaluateAll((tabs) => tabs
        .filter((tab) => {
          const box = tab.getBoundingClientRect();
          const list = tab.parentElement!.getBoundingClientRect();
          return box.right > Math.min(window.innerWidth, list.right) + 0.5 || tab.scrollWidth > tab.clientWidth + 1;
        })
        .map((tab) => tab.textContent));
      expect(cutTabs).toEqual([]);
      if (underMore > 0) {
        const moreBox = (await more.boundingBox())!;
        expect(moreBox.x + moreBox.width).toBeLessThanOrEqual(width);
        // The keyboard reaches every tab, those under More too: End brings the last one into the row.
        await run.tab('Outbox').focus();
        await page.keyboard.press('End');
        await expect(run.tab('Scenarios')).toBeFocused();
        await expect(run.tab('Scenarios')).toHaveAttribute('aria-selected', 'true');
        await page.keyboard.press('Home');
        await expect(run.tab('Outbox')).toBeFocused();
        // The More menu by keyboard: Enter opens it on its first item, ↓ moves, Enter opens that tab in the row.
        await more.focus();
        await page.keyboard.press('Enter');
        const menu = page.getByRole('menu', { name: 'More run tables' });
        await expect(menu.getByRole('menuitem').first()).toBeFocused();
        await page.keyboard.press('ArrowDown');
        const second = ((await menu.getByRole('menuitem').nth(1).textContent()) ?? '').trim();
        await page.keyboard.press('Enter');
        await expect(menu).toBeHidden();
        await expect(run.tab(second)).toHaveAttribute('aria-selected', 'true');
        await expect(run.tab(second)).toBeFocused();
        await run.tab('Outbox').click();
      }
      await page.screenshot({ path: test.info().outputPath(`workspace-run-${width}.png`) });
    });
  }

  test('at 1024 px, Layout and Fit are in the ⋯ menu, and they work from there', async ({ editor, page }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await editor.open();
    await expect(editor.toolbarButton('Auto-layout')).toBeHidden();
    await expect(editor.toolbarButton('Undo')).toBeDisabled();
    await editor.toolbarButton('More actions').click();
    const menu = page.getByRole('menu', { name: 'More actions' });
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await page.screenshot({ path: test.info().outputPath('workspace-more-menu-1024.png') });
    await menu.getByRole('menuitem', { name: /^Auto-layout/ }).click();
    await expect(menu).toBeHidden();
    // The layout is one undoable edit: Undo becomes possible.
    await expect(editor.toolbarButton('Undo')).toBeEnabled();
    await editor.toolbarButton('More actions').click();
    await menu.getByRole('menuitem', { name: /^Fit view/ }).click();
    await expect(menu).toBeHidden();
    for (const name of ['content-ingest', 'notifications'] as const) {
      await expect(editor.node(name === 'content-ingest' ? 'producer' : 'projection', name)).toBeInViewport();
    }
  });
});

test.describe('the command palette', () => {
  test('Ctrl/⌘+K finds an action by what it does, shows its shortcut, and runs it with Enter', async ({ editor, page }) => {
    await editor.open();
    await page.keyboard.press('ControlOrMeta+k');
    const palette = editor.commandPalette;
    await expect(palette).toBeVisible();
    const search = palette.getByRole('combobox', { name: 'Search actions' });
    await expect(search).toBeFocused();
    await search.fill('read model');
    const options = palette.getByRole('option');
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText('Add a projection');
    await search.fill('redo');
    await expect(options.first()).toContainText('Redo');
    await expect(options.first()).toHaveAttribute('aria-disabled', 'true');
    await search.fill('');
    await expect(palette.getByRole('option', { name: /Undo/ })).toContainText('Ctrl+Z');
    await page.screenshot({ path: test.info().outputPath('command-palette.png') });

    await search.fill('add con');
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(editor.node('consumer', 'new-consumer')).toBeVisible();
    await expect(editor.sidePanel.getByLabel('Name', { exact: true })).toHaveValue('new-consumer');

    await editor.runCommand('undo');
    await expect(editor.node('consumer', 'new-consumer')).toHaveCount(0);
  });

  test('arrows choose, a disabled action does nothing on Enter, Esc closes and gives the focus back', async ({ editor, page }) => {
    await editor.open();
    await editor.designName.focus();
    await page.keyboard.press('ControlOrMeta+k');
    const palette = editor.commandPalette;
    const search = palette.getByRole('combobox', { name: 'Search actions' });
    await search.fill('paste');
    await expect(palette.getByRole('option').first()).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Enter');
    await expect(palette).toBeVisible();
    await search.fill('fit');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect(palette.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
    await expect(editor.designName).toBeFocused();
  });

  test('in run mode it offers the run actions: "run until quiet" runs the fired command to the end', async ({ editor, run }) => {
    await editor.open();
    await run.enter();
    await run.fire();
    await editor.runCommand('run until quiet');
    await expect(run.status).toContainText('quiet');
    await run.showProjection('author-videos');
    await expect(run.rows('Projection author-videos')).toHaveCount(1);
  });
});

test.describe('what a newcomer stumbles on', () => {
  test('with the problems list open, clicking a node shows its inspector', async ({ editor, inspector, page }) => {
    await editor.open();
    await editor.toolbarButton('✓ No problems').click();
    await expect(editor.sidePanel.getByRole('tab', { name: /Problems/ })).toHaveAttribute('aria-selected', 'true');
    await editor.node('consumer', 'follow-center').click();
    await expect(editor.sidePanel.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
    await expect(inspector.name).toHaveValue('follow-center');
    await page.screenshot({ path: test.info().outputPath('inspector-after-problems.png') });
  });

  test('Reset asks first and says what is lost; Cancel keeps the run, Reset the run empties it', async ({ editor, run, page }) => {
    await editor.open();
    await run.enter();
    await run.fireMany(2);
    await run.runUntilQuiet();
    const steps = await run.step();
    await run.button('Reset').click();
    const confirm = page.getByRole('alertdialog', { name: 'Reset the run?' });
    await expect(confirm.getByRole('list', { name: 'What the reset loses' }).getByRole('listitem')).toContainText([
      '2 fired commands', /^\d+ events in the event store$/, /^\d+ projection rows$/, `the trace of ${steps} steps`,
    ]);
    await expect(confirm).toContainText('Kept: the seed (1)');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.screenshot({ path: test.info().outputPath('reset-confirmation.png') });
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(run.stepNumber).toHaveText(String(steps));

    await run.button('Reset').click();
    await confirm.getByRole('button', { name: 'Reset the run' }).click();
    await expect(run.stepNumber).toHaveText('0');
    await run.openTab('Outbox');
    await expect(run.rows('Outbox')).toHaveCount(0);
  });
});
