import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['node_modules/', 'prisma/generated/', 'dist/', '.data/', '.tools/', 'scratch/', 'coverage/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Workflow code is replayed deterministically in a sandbox: no Node built-ins,
    // and activities / Prisma only as types.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'Workflows must be deterministic: no Node built-ins.' })),
        patterns: [
          { group: ['**/activities', '**/activities/*'], allowTypeImports: true, message: 'Import activities only as types (use proxyActivities).' },
          { group: ['@prisma/*', '**/prisma/generated/*', '**/infra/*', '**/data/*', '**/services/*'], allowTypeImports: true, message: 'No I/O modules in workflows.' },
          // A worker loads a workflow's modules afresh for every workflow it starts.
          { regex: '^(zod(/.*)?|.*/domain/dunning(/index|/policy-schema|/default-policy)?)$', allowTypeImports: true, message: 'No policy validation (zod) in workflows: import the ladder from domain/dunning/ladder.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly' } },
  },
);
