import { describe, expect, it } from 'vitest';
import { fitTabs } from './tabOverflow';

const widths = [60, 60, 80, 100, 60, 70];

describe('which dock tabs fit on one line', () => {
  it('shows every tab when they fit, with no More menu', () => {
    expect(fitTabs(widths, 430 + 5 * 2, 50, 2, 0)).toEqual({ shown: [0, 1, 2, 3, 4, 5], overflow: [] });
  });

  it('keeps the tabs in order and puts the ones that do not fit beside the More button under it', () => {
    // Room 300 − 50 (More) − 2 = 248: 60 + 2 + 60 + 2 + 80 = 204 fits, + 2 + 100 does not.
    expect(fitTabs(widths, 300, 50, 2, 0)).toEqual({ shown: [0, 1, 2], overflow: [3, 4, 5] });
  });

  it('shows the active tab even when it would overflow, in place of the last ones that fit', () => {
    expect(fitTabs(widths, 300, 50, 2, 5)).toEqual({ shown: [0, 1, 5], overflow: [2, 3, 4] });
    expect(fitTabs(widths, 300, 50, 2, 3)).toEqual({ shown: [0, 1, 3], overflow: [2, 4, 5] });
    expect(fitTabs(widths, 230, 50, 2, 3)).toEqual({ shown: [0, 3], overflow: [1, 2, 4, 5] });
    // An active tab that fits changes nothing.
    expect(fitTabs(widths, 300, 50, 2, 1)).toEqual({ shown: [0, 1, 2], overflow: [3, 4, 5] });
  });

  it('shows at least the active tab in a row too narrow for any', () => {
    expect(fitTabs(widths, 40, 50, 2, 4)).toEqual({ shown: [4], overflow: [0, 1, 2, 3, 5] });
  });

  it('every tab is either shown or under More, once', () => {
    for (let available = 0; available < 500; available += 7) {
      for (let active = -1; active < widths.length; active++) {
        const { shown, overflow } = fitTabs(widths, available, 50, 2, active);
        expect([...shown, ...overflow].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
        if (active >= 0) expect(shown).toContain(active);
      }
    }
  });
});
