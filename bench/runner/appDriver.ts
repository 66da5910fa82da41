import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The app as the bench drives it: by roles and labels, as a user would (one place to follow when
 * the UI changes). Every wait takes the time the caller can give it.
 */
export class AppDriver {
  constructor(readonly page: Page, private readonly timeoutMs: number) {}

  /** Opens the app and waits until a design's nodes are on the canvas. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.locator('.react-flow__node').first()).toBeVisible({ timeout: this.timeoutMs });
  }

  /** The open design's name, as the toolbar shows it. */
  get designName(): Locator {
    return this.page.getByRole('textbox', { name: 'Design name' });
  }

  /**
   * Imports a flow document through Open… (as a new design, which the app opens) and waits until it
   * is on the canvas and saved. (A large design draws only the nodes on screen.)
   */
  async importDesign(json: string): Promise<void> {
    const name = (JSON.parse(json) as { name: string }).name;
    await this.page.getByTestId('exchange.open-input').setInputFiles({ name: 'bench.flow.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await expect(this.designName).toHaveValue(name, { timeout: this.timeoutMs });
    await expect(this.page.locator('.react-flow__node').first()).toBeVisible({ timeout: this.timeoutMs });
    await expect(this.page.getByTitle('Designs are saved automatically in this browser (IndexedDB)')).toHaveText('Saved', { timeout: this.timeoutMs });
  }

  async enterRunMode(): Promise<void> {
    await this.page.getByRole('radio', { name: 'Run' }).click();
    await expect(this.runControls).toBeVisible({ timeout: this.timeoutMs });
  }

  get runControls(): Locator {
    return this.page.getByRole('toolbar', { name: 'Run controls' });
  }

  get status(): Locator {
    return this.runControls.getByRole('status');
  }

  /** The step counter of the run toolbar (shown while no long action runs). */
  get stepCounter(): Locator {
    return this.page.getByTestId('sim.step');
  }

  /** Fires `count` generated commands with Fire N and waits until they are queued. */
  async fire(count: number): Promise<void> {
    await this.page.getByRole('spinbutton', { name: 'How many commands to fire' }).fill(String(count));
    await this.page.getByRole('button', { name: `Fire ${count.toLocaleString('en')}` }).click();
    await expect(this.page.getByRole('button', { name: 'Run until quiet' })).toBeEnabled({ timeout: this.timeoutMs });
  }

  /** A panel tab of the run dock, e.g. 'Trace'. */
  tab(name: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  async steps(): Promise<number> {
    return Number(await this.stepCounter.textContent({ timeout: this.timeoutMs }));
  }
}
