import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
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
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'runner/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto', 'scripts/vitest.setup.ts'],
    testTimeout: 60_000,
  },
});
