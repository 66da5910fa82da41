import { it } from 'vitest';
import { parseDesignText } from '../parseDesignText';
import { readAsyncApiSet } from './readAsyncApiSet';
import { loadAsyncApiTools } from './tools';
import { exampleFiles, specExamples } from './testing/specExamples';

it('smoke', async () => {
  const tools = await loadAsyncApiTools();
  for (const v of ["3.1.0"] as const) {
    const { single, socialMedia } = specExamples(v);
    const groups = [[single[0]!]];
    for (const files of groups) {
      const sources = files.map((f) => { const p = parseDesignText(f.text, f.path); if (!p.ok) throw new Error(p.message); return { path: f.path, text: f.text, value: p.value, lineOf: p.lineOf }; });
      const t = Date.now();
      const r = await readAsyncApiSet(sources, tools);
      console.log(v, files[0]!.path, Date.now() - t, 'ms', r.ok ? `${r.set.messages.size} msgs, lib ${r.set.library.size}, warnings: ${r.set.warnings.map((w) => `${w.file}${w.pointer}:${w.line} ${w.message}`).join(' | ')}` : r.message);
    }
  }
  void exampleFiles;
});
