// Fault suites restart processes and the broker and wait for sagas to settle.
jest.setTimeout(600_000);
