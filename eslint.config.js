// @ts-check
/**
 * One lint configuration for the whole repository: typescript-eslint's type-checked rules, React's
 * hooks rules, and the boundaries between the layers (shared/ knows no DOM, Node or UI; features meet
 * only through each other's index; features do not reach into the app shell). Allowances are here,
 * each with its reason, never as disable comments in the code.
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Production code: everything but tests, fakes, the bench and configuration files. */
const PRODUCTION = ['electron/**/*.ts', 'renderer/src/**/*.{ts,tsx}', 'shared/**/*.ts'];
const TESTS = ['test/**/*.{ts,tsx}', 'bench/**/*.ts', '**/*.test.{ts,tsx}'];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', 'resources/icons/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Interfaces of injected services are written with method shorthand for readability; they are never detached from `this`.
      '@typescript-eslint/unbound-method': 'off',
      // `const { a: _omit, ...rest } = x` is how a field is dropped from a copy; the underscore says it is unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Numbers and booleans in messages and keys read naturally; objects still may not be stringified by accident.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      // The live-query hook takes a dependency list like useEffect: check it the same way.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '(useLiveData)' }],
      // Advice for React Compiler users (TanStack Table and Virtual return unmemoisable functions); this app does not use the compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: PRODUCTION,
    ignores: TESTS,
    rules: {
      // Rooms a newcomer can find (code-health issue, point 4).
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // Rule tables transcribing the law keep the source's order and wording in one place (code-health issue, point 4).
    files: ['shared/rules/services.ts', 'shared/rules/wheelchairs.ts', 'shared/rules/medical-card.ts', 'shared/rules/ruleset-*.ts'],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**', 'electron', 'react', 'react-dom', 'dexie', 'node:*', 'fs', 'path'],
              message: 'shared/ is pure TypeScript: no DOM, no Node, no UI, no storage.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+app(/|$)', message: 'Features do not reach into the app shell; use renderer/src/core.' },
            {
              regex: '^\\.\\./(?!\\.)[^/]+/.+',
              message: 'A feature reaches another feature only through its index: import from "../<feature>".',
            },
            { regex: '^\\.\\./\\.\\./features/[^/]+/.+', message: 'A feature reaches another feature only through its index.' },
            { group: ['electron', 'node:*'], message: 'The renderer reaches the desktop only through the platform interface.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/{core,db,ui,platform,i18n}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+(app|features)(/|$)', message: 'Layers below the features know nothing of them or of the app shell.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+renderer(/|$)', message: 'The main process knows nothing of the renderer.' }] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
