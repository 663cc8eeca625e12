import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.spec.ts', 'tests/unit/**/*.spec.tsx', 'tests/robustness/**/*.spec.ts', 'lib/**/*.spec.ts', 'cli/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
