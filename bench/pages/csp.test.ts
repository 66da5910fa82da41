import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const cspOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];

describe('the bench pages', () => {
  const appCsp = cspOf(readFileSync('index.html', 'utf8'));
  const pages = readdirSync('bench/pages').filter((name) => name.endsWith('.html'));

  it('exist, and the app has a CSP to compare with', () => {
    expect(appCsp).toContain("script-src 'self'");
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });

  it.each(pages)('%s carries exactly the app\'s Content-Security-Policy', (name) => {
    expect(cspOf(readFileSync(`bench/pages/${name}`, 'utf8'))).toBe(appCsp);
  });
});
