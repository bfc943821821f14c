// The e2e tier waits on sagas over Kafka; Jest ignores testTimeout inside project configs.
jest.setTimeout(120_000);
