import { test, expect, settledTexts } from './fixtures';

/** Every test starts in run mode on the built-in example, before its first step. */
test.beforeEach(async ({ editor, run }) => {
  await editor.open();
  await run.enter();
  await expect(run.stepNumber).toHaveText('0');
});

test('fire a command and step through it: outbox, broker, inbox and projections change at each step', async ({ run, page }) => {
  // About twenty steps, each checked in the panels it changed: slow on a loaded machine.
  test.setTimeout(150_000);
  await test.step('fire IngestVideo from the prefilled form', async () => {
    await expect(page.getByRole('textbox', { name: 'authorId' })).not.toHaveValue('');
    await page.getByRole('textbox', { name: 'authorId' }).fill('author-e2e');
    await page.getByRole('textbox', { name: 'title' }).fill('Outboxes explained');
    await run.fire();
    await expect(run.rows('Outbox')).toHaveCount(0);
  });

  await test.step('step 1 (Step button): the producer loads the aggregate; step 2: it commits the row and a pending outbox row', async () => {
    await run.button('Step S').click();
    await expect(run.stepNumber).toHaveText('1');
    await expect(run.lastStep).toContainText('content-ingest took IngestVideo');
    await expect(run.rows('Outbox')).toHaveCount(0);
    await run.stepWithKey();
    await expect(run.lastStep).toContainText('content-ingest handled IngestVideo');
    await expect(run.row('Outbox', 'e-1')).toContainText('pending');
    await page.screenshot({ path: test.info().outputPath('sim-step-1.png') });
  });

  const seen = new Set<string>();
  await test.step('every later step (S key): the panels show what the step did', async () => {
    for (let i = 0; i < 60; i++) {
      if (await run.button('Run until quiet').isDisabled()) break;
      const text = await run.stepWithKey();
      let m: RegExpMatchArray | null;
      if ((m = text.match(/relay published (\w+) (e-\S+) to (.+)$/))) {
        seen.add('publish');
        await run.openTab('Outbox');
        await expect(run.row('Outbox', m[2]!)).toContainText(/pending|sent/);
        await run.openTab('Broker');
        for (const subscriber of m[3]!.split(', ')) await expect(run.row('Broker deliveries', m[2]!, subscriber.trim())).toHaveCount(1);
      } else if ((m = text.match(/relay marked (\w+) (e-\S+) sent/))) {
        seen.add('sent');
        await run.openTab('Outbox');
        await expect(run.row('Outbox', m[2]!)).toContainText('sent');
      } else if ((m = text.match(/broker delivered (\w+) (e-\S+) to ([\w-]+)/))) {
        seen.add('deliver');
        await run.openTab('Broker');
        await expect(run.row('Broker deliveries', m[2]!, m[3]!)).toContainText(/in-flight|acked/);
      } else if ((m = text.match(/([\w-]+) applied (\w+) (e-\S+?): /))) {
        seen.add('apply');
        await run.openTab('Inbox');
        await expect(run.row('Inbox', m[1]!, m[3]!)).toHaveCount(1);
        const projection = { 'author-service': 'author-videos', 'status-board': 'videos-by-status', 'follow-center': 'notifications' }[m[1]!];
        if (projection) {
          await run.showProjection(projection);
          await expect(run.rows(`Projection ${projection}`)).toHaveCount(1);
        }
      } else if ((m = text.match(/([\w-]+) acknowledged (\w+) (e-\S+)/))) {
        seen.add('ack');
        await run.openTab('Broker');
        await expect(run.row('Broker deliveries', m[3]!, m[1]!)).toContainText('acked');
      }
    }
    expect([...seen].sort()).toEqual(['ack', 'apply', 'deliver', 'publish', 'sent']);
  });

  await test.step('quiet: every projection holds the command\'s effect', async () => {
    await expect(run.status).toContainText('quiet');
    await run.showProjection('notifications');
    await expect(run.row('Projection notifications', 'author-e2e')).toContainText('Outboxes explained');
    await expect(run.cell(run.row('Projection notifications', 'author-e2e'), 1)).toHaveText('1');
    await run.showProjection('author-videos');
    await expect(run.row('Projection author-videos', 'author-e2e')).toHaveCount(1);
    await expect(page.getByTestId('run-badges.author-videos')).toHaveText('1 row');
    await page.screenshot({ path: test.info().outputPath('sim-quiet.png') });
  });
});

test('inbox off and duplicate delivery on: the duplicate effect is reported and the projection counts twice', async ({ run, page }) => {
  await run.openTab('Faults & patterns');
  await page.getByRole('checkbox', { name: 'Inbox for follow-center' }).uncheck();
  await page.getByRole('slider', { name: 'Duplicate delivery' }).fill('1');
  await expect(page.getByRole('checkbox', { name: 'Inbox for follow-center' })).not.toBeChecked();
  await run.fire();
  await run.runUntilQuiet();

  await run.openTab('Anomalies');
  const anomaly = run.row('Anomalies', 'applied twice by follow-center');
  await expect(anomaly).toContainText('it keeps no inbox');
  await expect(anomaly).toContainText('notificationsSent 1 → 2');
  await expect(page.getByTestId('run-badges.follow-center')).toContainText(/⚠ \d+ anomal/);
  await anomaly.click();
  await expect(page.getByTestId('sim.event-filter')).toContainText('e-1:author-service#1');
  await page.screenshot({ path: 'docs/simulation.png' });
  await page.getByRole('checkbox', { name: 'only its rows' }).check();
  await run.openTab('Broker');
  await expect.poll(() => run.rows('Broker deliveries').count()).toBeGreaterThan(1);
  for (const text of await run.rows('Broker deliveries').allTextContents()) expect(text).toContain('e-1:author-service#1');
  await page.getByRole('checkbox', { name: 'only its rows' }).uncheck();

  await run.showProjection('notifications');
  await expect(run.rows('Projection notifications')).toHaveCount(1);
  await expect(run.cell(run.rows('Projection notifications').first(), 1)).toHaveText('2');
  await run.openTab('Inbox');
  await expect(run.table('Inbox')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sim-duplicate.png') });
  // Column headers are never cut (e.g. "Processed at step", "notificationsSent").
  const cut = (label: string) => run.table(label).getByRole('columnheader')
    .evaluateAll((headers) => headers.filter((h) => h.scrollWidth > h.clientWidth).map((h) => h.textContent));
  expect(await cut('Inbox')).toEqual([]);
  await run.showProjection('notifications');
  expect(await cut('Projection notifications')).toEqual([]);
});

test('dual write with a crash after commit: the lost event is reported', async ({ run, page }) => {
  await run.openTab('Faults & patterns');
  await page.getByRole('checkbox', { name: 'Outbox for content-ingest' }).uncheck();
  await page.getByRole('slider', { name: 'Crash after commit, before publish' }).fill('1');
  await run.fire();
  await run.runUntilQuiet();
  await run.openTab('Anomalies');
  // The first group is where it went wrong first: the lost event, at content-ingest.
  await expect(page.getByRole('group', { name: 'Anomalies by kind' }).getByRole('button').first()).toContainText('lost event1root cause content-ingest');
  await expect(run.row('Anomalies', 'never published')).toContainText('content-ingest committed e-1 and never published it');
  // The anomaly's sentence is read in full at 1280×800, not cut at the column's edge.
  const message = run.cell(run.row('Anomalies', 'never published'), 0);
  expect(await message.evaluate((cell) => cell.scrollHeight <= cell.clientHeight && cell.scrollWidth <= cell.clientWidth)).toBe(true);
  // Keyboard: into the table, down to the anomaly, Enter follows its event across the panels.
  await page.getByRole('table', { name: 'Anomalies', exact: true }).getByLabel('Anomalies: scroll the rows').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sim.event-filter')).toContainText('e-1');
  await expect(run.tab('Anomalies')).toContainText('3');
  await run.openTab('Event store');
  await expect(run.rows('Event store')).toHaveCount(1);
  await expect(run.row('Event store', 'e-1')).toHaveAttribute('aria-selected', 'true');
  await run.openTab('Broker');
  await expect(run.rows('Broker deliveries')).toHaveCount(0);

  // The fault of the last step stays in view even though the step's text is long.
  const fault = page.getByTestId('sim.last-step-fault');
  await expect(fault).toHaveText('crash-after-commit');
  const [line, pill] = [await run.lastStep.boundingBox(), await fault.boundingBox()];
  expect(pill!.x + pill!.width).toBeLessThanOrEqual(line!.x + line!.width);
  expect(pill!.y + pill!.height).toBeLessThanOrEqual(line!.y + line!.height);

  // The rebuild replays the lost event into the projection (the run is quiet), after asking; its row names that event.
  await run.showProjection('author-videos');
  await expect(run.rows('Projection author-videos')).toHaveCount(0);
  await run.button('Replace with the rebuild…').click();
  await page.getByRole('alert').getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(run.rows('Projection author-videos')).toHaveCount(1);
  await expect(run.cell(run.rows('Projection author-videos').first(), 3)).toHaveText('e-1');
});

test('what the user typed in the command form survives the steps taken before firing it', async ({ run, page }) => {
  const title = page.getByRole('textbox', { name: 'title' });
  const generated = await title.inputValue();
  await run.fire();
  // The form is filled again for the next command after a fire.
  await expect(title).not.toHaveValue(generated);
  await title.fill('My own title');
  await title.blur();
  await run.stepWithKey();
  await run.stepWithKey();
  await expect(title).toHaveValue('My own title');
  await run.fire();
  await expect(title).not.toHaveValue('My own title');
  await run.runUntilQuiet();
  await run.showProjection('author-videos');
  await expect(run.row('Projection author-videos', 'My own title')).toHaveCount(1);
});

test('the time-travel slider shows an earlier projection state', async ({ run, page }) => {
  await run.fireMany(2);
  await run.runUntilQuiet();
  await run.showProjection('author-videos');
  await expect(run.rows('Projection author-videos')).toHaveCount(2);
  const live = 2;

  const slider = page.getByRole('slider', { name: 'Event-store position to show the projections at' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('sim.time-travel')).toContainText('as of position 0');
  await expect(run.rows('Projection author-videos at position 0')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('sim.time-travel')).toContainText('as of position 1');
  // What the consumers had built by then (the first event may not have reached them yet) …
  await expect.poll(() => run.rows('Projection author-videos at position 1').count()).toBeLessThanOrEqual(1);
  // … and, apart, what a rebuild from the store up to position 1 gives: its one row.
  await page.getByRole('radio', { name: 'what a rebuild gives' }).check();
  await expect(run.rows('Projection author-videos at position 1, rebuilt')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('sim-time-travel.png') });

  await run.button('Back to live').click();
  await expect(run.rows('Projection author-videos')).toHaveCount(live);
  await run.button('Compare with a rebuild').click();
  await expect(page.getByText(/identical to the live projections/)).toBeVisible();
});

test('a reload mid-run resumes with the same tables', async ({ run, page }) => {
  await run.fireMany(3);
  for (let i = 0; i < 7; i++) await run.stepWithKey();
  await run.openTab('Trace');
  await expect(run.rows('Trace')).toHaveCount(7);
  const trace = await settledTexts(run.rows('Trace'));
  await run.openTab('Outbox');
  const outbox = await settledTexts(run.rows('Outbox'));
  expect(outbox.length).toBeGreaterThan(0);
  const splitter = page.getByRole('separator', { name: /Resize the simulation panels/ });
  const height = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(height + 32));

  await page.reload();
  await run.enter();
  await expect(run.stepNumber).toHaveText('7');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(height + 32));
  await run.openTab('Outbox');
  await expect(run.rows('Outbox')).toHaveText(outbox);
  await run.openTab('Trace');
  await expect(run.rows('Trace')).toHaveText(trace);
  await run.stepWithKey();
  await expect(run.rows('Trace')).toHaveCount(8);
});

test('a run never mixes two versions of a design: after an edit, run mode offers a reset', async ({ run, page, editor, inspector }) => {
  await run.fire();
  await run.stepWithKey();
  await editor.designMode();
  await inspector.inspect('consumer', 'follow-center');
  await inspector.panel.getByRole('checkbox', { name: 'Inbox (deduplicate)' }).uncheck();

  await run.enter();
  const banner = page.getByRole('alert').filter({ hasText: 'The design changed since this run started' });
  await expect(banner).toBeVisible();
  await expect(run.button('Step S')).toBeDisabled();
  await expect(run.stepNumber).toHaveText('1');

  await banner.getByRole('button', { name: 'Reset the run with this design' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Reset the run with this design?' });
  await expect(confirm).toContainText('1 fired command');
  await expect(confirm).toContainText('the trace of 1 step');
  await confirm.getByRole('button', { name: 'Reset the run' }).click();
  await expect(banner).toBeHidden();
  await expect(run.stepNumber).toHaveText('0');
  await run.openTab('Faults & patterns');
  await expect(page.getByRole('checkbox', { name: 'Inbox for follow-center' })).not.toBeChecked();
  await expect(run.button('Step S')).toBeEnabled();
});

test('Space plays and pauses; typing a space in a field does not', async ({ run, page }) => {
  await run.setSpeed(25);
  await run.fireMany(20);
  await page.getByRole('textbox', { name: 'title' }).press('Space');
  await expect(run.stepNumber).toHaveText('0');
  await run.tab('Trace').focus();
  await page.keyboard.press('Space');
  await expect(run.button('❚❚ Pause Space')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => run.step()).toBeGreaterThan(3);
  await page.keyboard.press('Space');
  await expect(run.button('▶ Play Space')).toHaveAttribute('aria-pressed', 'false');
  // Twenty commands are hundreds of steps: had Play not paused, the counter would keep moving.
  const paused = await run.settledStep();
  await expect(run.status).toContainText('work pending');
  await run.stepWithKey();
  expect(await run.settledStep()).toBe(paused + 1);
});

test('selecting a node in run mode filters the tables to it and leaves the canvas its room', async ({ run, editor }) => {
  await run.fire();
  await run.runUntilQuiet();
  await run.openTab('Outbox');
  await expect(run.row('Outbox', 'content-ingest')).toHaveCount(1);
  await expect(run.row('Outbox', 'author-service')).toHaveCount(1);

  await editor.node('consumer', 'author-service').click();

  await expect(run.rows('Outbox')).toHaveCount(1);
  await expect(run.row('Outbox', 'author-service')).toHaveCount(1);
  await expect(editor.sidePanel).toBeHidden();
  await editor.clickEmptyCanvas();
  await expect(run.rows('Outbox')).toHaveCount(2);
});

test('one stop for everything: Stop shows while playing and ends play; while a long action runs, Step and Play wait', async ({ run, page }) => {
  await run.setSpeed(500);
  await run.fireMany(200);
  await run.playButton.click();
  await expect(run.button('❚❚ Pause Space')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => run.step()).toBeGreaterThan(10);
  // Firing many is a long action of its own: it waits until play is paused, and says so.
  await expect(run.button('Fire 200')).toBeDisabled();
  await expect(run.button('Fire 200')).toHaveAttribute('title', /Pause first/);
  await page.screenshot({ path: test.info().outputPath('playing.png') });
  await run.button('Stop').click();
  await expect(run.button('▶ Play Space')).toHaveAttribute('aria-pressed', 'false');
  await expect(run.button('Stop')).toBeHidden();
  const stopped = await run.settledStep();
  await expect(run.status).toContainText('work pending');
  // Run until quiet is a long action: while it runs, the status says so and only Stop is offered.
  await run.button('Run until quiet').click();
  await expect(run.status).toContainText(/Running every pending step…|quiet/);
  await expect(run.status).toContainText('quiet');
  await expect(run.button('Step S')).toBeEnabled();
  expect(await run.step()).toBeGreaterThan(stopped);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
