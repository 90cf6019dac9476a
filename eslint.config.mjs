import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.tmp/**',
      '**/.cache/**',
      '**/.astro/**',
      '**/.strapi/**',
      'cms/types/generated/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // `as never` silences every type check on a value (Document Service data, lifecycle
    // subscribers): type it instead (cms/types/generated, Modules.Documents, lib/documents.ts).
    files: ['cms/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSNeverKeyword, TSTypeAssertion > TSNeverKeyword',
          message: 'No `as never` in cms/src: give the value its real type.',
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', 'cms/jest.config.js', 'cms/scripts/**/*.js', 'packages/nepal/index.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
