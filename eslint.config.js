// Boundaries enforced by the tools (README: Architecture). Nx tags on every project:
//   type:app          a deployable service; may use contracts and infrastructure libs
//   type:contracts    message types and topics; depends on nothing but other contracts
//   type:infrastructure  outbox/inbox, Kafka wiring, platform (config, HTTP errors, health)
//   type:testing / type:tooling / type:e2e   test helpers, the dev launcher, the test suites
//   scope:<service>   a service may use its own and shared code, and other services' contracts only
//   scope:shared      machinery every service uses; knows no service
//   scope:tooling     the dev system, chaos run, invariant check, tools, bench and tests: may use every service's contracts
const nx = require('@nx/eslint-plugin');

const restrictedInDomain = {
  patterns: [
    {
      group: [
        '@nestjs/*',
        'kafkajs',
        'pg',
        '@prisma/*',
        '**/generated/**',
        '@wo/database',
        '@wo/messaging',
        '@wo/platform',
        '**/persistence/**',
        '**/http/**',
        '**/messaging/**',
      ],
      message: 'domain and saga code stays pure: no transport, ORM or framework imports',
    },
  ],
};

module.exports = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['dist/**', '.local/**', '.nx/**', 'node_modules/**', '**/generated/**', 'coverage/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:infrastructure', onlyDependOnLibsWithTags: ['type:contracts', 'type:infrastructure'] },
            // The database layer (SqlDatabase, the pool, migrations) sits below messaging and platform: it uses no other lib of ours.
            { sourceTag: 'layer:database', onlyDependOnLibsWithTags: ['layer:database'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:infrastructure'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:infrastructure'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:tooling', 'type:testing', 'type:contracts'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:infrastructure', 'type:testing', 'type:tooling', 'type:example'] },
            // A sample consumer for another domain knows only the published documents, none of our code.
            { sourceTag: 'type:example', onlyDependOnLibsWithTags: [] },
            // Inventory reads the public work-order events (completions' genealogy, for the lot trace).
            { sourceTag: 'scope:inventory', onlyDependOnLibsWithTags: ['scope:inventory', 'scope:work-orders', 'scope:shared'] },
            // The orchestrator talks to every participant through their contracts.
            {
              sourceTag: 'scope:work-orders',
              onlyDependOnLibsWithTags: ['scope:work-orders', 'scope:inventory', 'scope:picking', 'scope:inbound', 'scope:catalog', 'scope:shared'],
            },
            // The message catalog lists every service's topics and messages: for the tools, and for work-orders' dead-letter index.
            {
              sourceTag: 'scope:catalog',
              onlyDependOnLibsWithTags: ['scope:catalog', 'scope:shared', 'scope:inventory', 'scope:work-orders', 'scope:picking', 'scope:inbound'],
            },
            { sourceTag: 'scope:picking', onlyDependOnLibsWithTags: ['scope:picking', 'scope:work-orders', 'scope:shared'] },
            { sourceTag: 'scope:inbound', onlyDependOnLibsWithTags: ['scope:inbound', 'scope:inventory', 'scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The web console reads the REST contract and nothing else of the back end.
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:shared'] },
            // Shared machinery knows no service: it may not import one service's contracts.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The launcher, chaos run, invariant check, tools, benchmark and test suites drive every service.
            {
              sourceTag: 'scope:tooling',
              onlyDependOnLibsWithTags: [
                'scope:tooling',
                'scope:catalog',
                'scope:shared',
                'scope:inventory',
                'scope:work-orders',
                'scope:picking',
                'scope:inbound',
              ],
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.ts', '**/*.tsx'], rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  { files: ['apps/*/src/domain/**/*.ts', 'apps/*/src/saga/**/*.ts'], rules: { 'no-restricted-imports': ['error', restrictedInDomain] } },
  // The REST contract runs in browsers too (the console): zod and its own files only.
  {
    files: ['libs/contracts/rest/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./)',
              message: 'the REST contract is browser-safe: it imports only zod and its own files (the envelope contract needs node:crypto)',
            },
          ],
        },
      ],
    },
  },
  // Test helpers read loosely typed JSON answers on purpose: the assertions are the type check.
  {
    files: ['libs/testing/**/*.ts', 'tools/seed-demo.ts', 'libs/chaos/src/**/*.ts', 'tests/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
