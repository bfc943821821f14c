import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

/**
 * The console is a static bundle the gateway serves under /console/. `vite dev` proxies the API to
 * a running gateway (GATEWAY_URL, default http://localhost:3000) so the screens can be worked on
 * with hot reload against the real system.
 */
export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: { '@wo/contracts/rest': resolve(repoRoot, 'libs/contracts/rest/src/index.ts') },
  },
  build: { outDir: resolve(repoRoot, 'dist/console'), emptyOutDir: true, chunkSizeWarningLimit: 2_000 },
  server: {
    proxy: Object.fromEntries(
      [
        '/auth',
        '/work-orders',
        '/boms',
        '/sagas',
        '/merchants',
        '/warehouses',
        '/products',
        '/inventory',
        '/picking-requests',
        '/picking-lists',
        '/inbound-orders',
      ].map((prefix) => [prefix, process.env['GATEWAY_URL'] ?? 'http://localhost:3000']),
    ),
  },
  test: {
    environment: 'jsdom',
    setupFiles: [resolve(here, 'src/testing/setup-tests.ts')],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
