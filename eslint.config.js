import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

const config = [
  { ignores: ['.next/**', 'scripts/floor-app/.next/**', 'node_modules/**', 'lib/generated/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    // Every interactive write runs under the one transaction policy (lib/db/transaction.ts): wait budget, timeout,
    // and "busy" refusals instead of errors. The seed runs alone at start and keeps its own options.
    files: ['app/**/*.ts', 'app/**/*.tsx', 'lib/**/*.ts', 'components/**/*.tsx'],
    ignores: ['lib/db/transaction.ts', 'lib/generated/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='$transaction']", message: 'Use writeTransaction (lib/db/transaction.ts) so the transaction policy applies.' },
      ],
    },
  },
  {
    // Dependencies point down: app → components → lib → prisma/generated. Product code in lib/ never reaches up into
    // components, pages, scripts, tests or the seed (curation data both use lives in lib/curation). Tests beside the
    // code may use the test support folder.
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    ignores: ['lib/generated/**', 'lib/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/components/**', '@/components/**', '**/app/**', '@/app/**', '**/scripts/**', '@/scripts/**', '**/e2e/**', '@/e2e/**', '**/test/**', '@/test/**', '**/prisma/seed/**', '@/prisma/seed/**'],
              message: 'lib/ is product code: it imports nothing from components/, app/, scripts/, e2e/, test/ or prisma/seed/ (dependencies point down).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/lib/db/*', '@/lib/db/*', '**/generated/prisma/*'], message: 'Components read data through lib/queries, never the database client.' }] },
      ],
    },
  },
];

export default config;
