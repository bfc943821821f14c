// Three tiers, each a Jest project (README: Tests):
//   unit         *.spec.ts         pure logic, no broker, no database: milliseconds
//   integration  *.int-spec.ts     real Postgres (and Kafka where the subject needs it)
//   e2e          *.e2e-spec.ts     the whole system through the gateway over real Kafka
//   browser      *.browser-spec.ts the console in headless Chromium (playwright-core) against a whole system of its own
//   observability *.obs-spec.ts    a system of its own scraped by a real Prometheus: dashboard queries, alert rules, a stuck saga's alert
//   faults       *.faults-spec.ts  systems of their own, with processes killed, the broker restarted, a short chaos run
const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
// SWC rewrites the @wo/* aliases (it needs an absolute baseUrl here); that also covers the e2e
// globalSetup, which Jest loads outside its module mapper.
swc.jsc.baseUrl = __dirname;
delete swc.$schema;

const tsPaths = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8')).compilerOptions.paths;
const moduleNameMapper = Object.fromEntries(Object.entries(tsPaths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target.replace(/^\.\//, '')}`]));

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, sourceMaps: 'inline', swcrc: false }] },
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.local/'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools,tests}/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/integration/long-timeout.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/e2e/support/long-timeout.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'],
      // The same system start and stop as the e2e tier; scripts/test.sh gives it its own port and databases.
      globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/browser/support/long-timeout.ts'],
    },
    {
      ...common,
      displayName: 'observability',
      testMatch: ['<rootDir>/tests/observability/**/*.obs-spec.ts'],
      // Starts its own system (it kills inventory to make a saga stuck) and a real Prometheus.
      setupFilesAfterEnv: ['<rootDir>/tests/observability/support/long-timeout.ts'],
    },
    {
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/tests/faults/**/*.faults-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/faults/long-timeout.ts'],
    },
  ],
};
