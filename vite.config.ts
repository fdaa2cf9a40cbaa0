import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { rulesPlugin } from './src/rules/vite-plugin.ts';

export default defineConfig({
  plugins: [rulesPlugin(), react()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', sourcemap: false },
  test: {
    environment: 'jsdom',
    setupFiles: ['./vitest.setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'node_modules/**'],
  },
});
