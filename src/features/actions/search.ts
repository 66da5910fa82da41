import type { AppAction } from './types';

/** A palette entry: the action and how well it matched (higher first). */
export interface ActionMatch {
  action: AppAction;
  score: number;
}

const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/**
 * The actions whose label, group or keywords contain every word of `query` (as the start of a
 * word, or anywhere in the label), best first: label prefix, then label word starts, then the
 * rest; ties keep the registry order. An empty query lists every action in registry order. Pure.
 */
export function searchActions(actions: readonly AppAction[], query: string): AppAction[] {
  const terms = words(query);
  if (terms.length === 0) return [...actions];
  const matches: ActionMatch[] = [];
  actions.forEach((action) => {
    const label = action.label.toLowerCase();
    const labelWords = words(action.label);
    const otherWords = [...words(action.group), ...(action.keywords ?? []).flatMap(words), ...words(action.id)];
    let score = 0;
    for (const term of terms) {
      if (labelWords.some((w) => w.startsWith(term))) score += 3;
      else if (label.includes(term)) score += 2;
      else if (otherWords.some((w) => w.startsWith(term))) score += 1;
      else return;
    }
    if (label.startsWith(terms.join(' '))) score += 5;
    matches.push({ action, score });
  });
  // Array.prototype.sort is stable: equal scores keep the registry order.
  return matches.sort((a, b) => b.score - a.score).map((m) => m.action);
}
