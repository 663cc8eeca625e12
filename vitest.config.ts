import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.spec.ts', 'tests/unit/**/*.spec.tsx', 'lib/**/*.spec.ts', 'cli/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
