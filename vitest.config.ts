import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    pool: 'threads',
    // CI machines have two cores and run every suite at once; PBKDF2 and crypto tests need headroom.
    testTimeout: 30_000,
  },
});
