import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The AsyncAPI import's lazy chunk uses the Avro schema parser, whose `avsc` needs Node's Buffer and
// util in the browser: the browser build takes avsc's types-only entry and the npm polyfills. Tests run
// in node and keep the real modules.
const browserShims = process.env.VITEST
  ? []
  : [
    { find: /^avsc$/, replacement: 'avsc/etc/browser/avsc-types.js' },
    { find: /^buffer$/, replacement: 'buffer/' },
    { find: /^util$/, replacement: 'util/' },
  ];

export default defineConfig({
  plugins: [react()],
  resolve: { alias: browserShims },
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // The bench pages are built apart (vite.bench.config.ts): nothing of the bench ships in `dist`.
    rolldownOptions: {
      // The core has no side effects at module level (see docs/ARCHITECTURE.md): a module of it that
      // the first visit does not use stays out of the main chunk even when the `core` barrel re-exports it,
      // so the engine, the exporters and yaml load only when first used.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]core[\\/]/.test(id) },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'runner/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto', 'scripts/vitest.setup.ts'],
    testTimeout: 60_000,
  },
});
