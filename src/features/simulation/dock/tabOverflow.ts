/**
 * Which dock tabs fit on one line (the rest go under "More ▾"), pure. The tabs keep their order;
 * the active tab is always among those shown (it takes the place of the last ones that fit when it
 * would overflow), so the tab row never hides what the panel below shows.
 */
export interface TabFit {
  /** Indexes of the tabs shown in the row, ascending. */
  shown: number[];
  /** Indexes of the tabs under "More ▾", ascending. */
  overflow: number[];
}

/**
 * `widths`: each tab's width; `available`: the row's width; `moreWidth`: the More button's width;
 * `gap`: the space between two tabs; `active`: the index of the active tab (−1: none).
 */
export function fitTabs(widths: readonly number[], available: number, moreWidth: number, gap: number, active: number): TabFit {
  const all = widths.map((_, i) => i);
  const span = (indexes: readonly number[]) => indexes.reduce((sum, i) => sum + (widths[i] ?? 0), 0) + gap * Math.max(0, indexes.length - 1);
  if (span(all) <= available) return { shown: all, overflow: [] };
  const room = available - moreWidth - gap;
  const shown: number[] = [];
  for (const i of all) {
    if (span([...shown, i]) > room) break;
    shown.push(i);
  }
  if (active >= 0 && active < widths.length && !shown.includes(active)) {
    while (shown.length > 0 && span([...shown, active]) > room) shown.pop();
    shown.push(active);
  }
  return { shown, overflow: all.filter((i) => !shown.includes(i)) };
}
