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
    // bench/index.html: the throughput benchmark page (`npm run bench`), shipped in the production build.
    rolldownOptions: { input: { main: 'index.html', bench: 'bench/index.html' } },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto', 'scripts/vitest.setup.ts'],
    testTimeout: 60_000,
  },
});
