import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../types';
import { validateFlow } from './validateFlow';

describe('the built-in example', () => {
  it('validates with zero problems', () => {
    const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;
    expect(validateFlow(example)).toEqual([]);
  });
});
