// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The layers import one way: dashboard -> API -> queries -> warehouse; etl -> warehouse.
    files: ['warehouse/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/etl/**', '**/queries/**', '**/dashboard/**'], message: 'warehouse/ imports nothing above it.' },
      ] }],
    },
  },
  {
    files: ['queries/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/etl/**', '**/dashboard/**'], message: 'queries/ imports only warehouse/.' },
        { group: ['@duckdb/*'], message: 'Only warehouse/ opens DuckDB.' },
      ] }],
    },
  },
  {
    // Tests check queries against data loaded by the real ETL from generated demo files.
    files: ['queries/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/dashboard/**'], message: 'queries/ imports only warehouse/ (and, in tests, the ETL that fills it).' },
        { group: ['@duckdb/*'], message: 'Only warehouse/ opens DuckDB.' },
      ] }],
    },
  },
  {
    files: ['etl/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/queries/**', '**/dashboard/**'], message: 'etl/ imports only warehouse/.' },
        { group: ['@duckdb/*'], message: 'Only warehouse/ opens DuckDB.' },
      ] }],
    },
  },
  {
    files: ['dashboard/app/**/*.ts', 'dashboard/app/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/etl/**', '**/warehouse/**', '**/server/**', 'node:*', 'express', '@duckdb/*'], message: 'The browser bundle reaches data only through its client; no Node-only code.' },
      ] }],
    },
  },
);
