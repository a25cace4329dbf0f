// The layer map of ARCHITECTURE.md, enforced. Each block lists what a layer may NOT import;
// a file belongs to exactly one layer block, because a later block replaces the rule of an
// earlier one for the same file instead of adding to it.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Import paths are matched as written, so relative paths are matched by what they end in. */
const DATABASE_CODE = {
  regex: '(^|/)db/(?!reference(/|$))',
  message:
    'Only app/db.server.ts reaches db/ (schema, client, outbox, fragments); import from ~/db.server. Reference data is db/reference.',
}
const DATABASE_DRIVERS = {
  regex: '^(drizzle-orm|postgres|@electric-sql/pglite)(/|$)',
  message: 'Database code is server-only: it belongs in app/domain/**/*.server.ts.',
}
const SEARCH_CODE = {
  regex: '(^|/)search/',
  message: 'Only app/search.server.ts reaches search/; import (types too) from ~/search.server.',
}
const DOMAIN_CODE = {
  allowTypeImports: true,
  regex: '(^|/)domain/(?!actor$)|\\.server$',
  message: 'Components and app/lib are browser code: data arrives through the route loader, not from the domain.',
}
const APP_CODE = {
  regex: '^~/|(^|/)app/',
  message: 'db/ and search/ sit below the app and never import from app/.',
}
const TEST_CODE = {
  regex: '(^|/)test/',
  message: 'Scripts must not depend on test code; move the shared helper to search/, db/ or scripts/lib.',
}
const OUTSIDE_REFERENCE = {
  regex: '^(?!\\./)',
  message: 'db/reference is the ground floor: it imports nothing but its own files (no drizzle, no database).',
}

const restrict = (...patterns) => ['error', { patterns }]
const RULE = '@typescript-eslint/no-restricted-imports'

export default tseslint.config(
  { ignores: ['build/**', 'data/**', 'node_modules/**', 'public/build/**', '.cache/**', 'db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },

  // Browser code: presentational components and shared client helpers.
  {
    files: ['app/components/**', 'app/lib/**'],
    ignores: ['app/lib/**/*.server.*'],
    rules: { [RULE]: restrict(DATABASE_CODE, DATABASE_DRIVERS, SEARCH_CODE, DOMAIN_CODE) },
  },
  // Routes and the root: server parts reach data through the domain and the two facades.
  {
    files: ['app/routes/**', 'app/root.tsx', 'app/entry.*'],
    rules: { [RULE]: restrict(DATABASE_CODE, DATABASE_DRIVERS, SEARCH_CODE) },
  },
  // The domain reaches the database through app/db.server.ts and search through app/search.server.ts.
  {
    files: ['app/domain/**', 'app/env.server.ts', 'app/lib/**/*.server.*', 'app/jobs/**'],
    rules: { [RULE]: restrict(DATABASE_CODE, SEARCH_CODE) },
  },
  {
    files: ['app/search.server.ts'],
    rules: { [RULE]: restrict(DATABASE_CODE) },
  },
  // TEMPORARY: the Postgres fallback still lives in app/domain/search/ and reads search/ internals;
  // the search-quality work moves it into search/ (taking db as an argument), then this block goes.
  {
    files: ['app/domain/search/**'],
    rules: { [RULE]: restrict(DATABASE_CODE) },
  },
  // One way to say no: the domain and the routes throw a DomainError (or a guard's response), never a hand-made one.
  {
    files: ['app/domain/**', 'app/routes/**'],
    ignores: ['app/domain/errors.server.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ThrowStatement > NewExpression[callee.name="Response"]',
          message: 'Throw a DomainError (app/domain/errors.server.ts) instead.',
        },
        {
          selector: 'ClassDeclaration[superClass.name="Error"]',
          message: 'Use DomainError with a code and a message key instead of a new error class.',
        },
      ],
    },
  },
  {
    files: ['db/**', 'search/**'],
    rules: { [RULE]: restrict(APP_CODE) },
  },
  {
    files: ['db/reference/**'],
    ignores: ['**/*.test.ts'],
    rules: { [RULE]: restrict(OUTSIDE_REFERENCE) },
  },
  {
    files: ['scripts/**'],
    rules: { [RULE]: restrict(TEST_CODE) },
  },
  prettier,
)
