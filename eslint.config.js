// One linter for the whole tree: typescript-eslint everywhere, Figma's own rules on the sandbox code
// (they flag the sync APIs that documentAccess: dynamic-page forbids).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import * as figmaPlugin from '@figma/eslint-plugin-figma-plugins';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  {
    // test/lint/fixtures/ holds code that must fail Figma's rules; test/lint/figma-rules.test.ts lints it on purpose.
    ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'coverage/**', 'test/lint/fixtures/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['plugin/**/*.ts', 'dev/figma-double/**/*.ts', 'test/lint/fixtures/**/*.ts'],
    plugins: { '@figma/figma-plugins': figmaPlugin },
    rules: { ...figmaPlugin.flatConfigs.recommended.rules },
  },
  {
    // Tests read JSON answers field by field; typing every probe would say nothing the assertions do not.
    files: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Scripts, benchmarks and servers talk to a terminal.
    files: ['scripts/**', 'bench/**', 'dev/gemini-double/server.ts', 'proxy/server.ts', 'proxy/cli/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
