import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // `server-only` throws outside React's server condition; the tests are server code.
  'server-only': path.resolve(import.meta.dirname, 'test/support/server-only-stub.ts'),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['{lib,prisma,components,scripts,test}/**/*.test.ts'], exclude: ['**/*.int.test.ts', '**/*.sys.test.ts', 'node_modules/**'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['{lib,prisma,scripts,test}/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file makes its own database; two at a time keeps a 2-core machine responsive.
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          // Production servers, load, faults and HTTP fuzzing: one file at a time, each with its own database.
          name: 'system',
          include: ['test/system/**/*.sys.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
