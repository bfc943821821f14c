// Integration tests talk to real Postgres and Kafka; Jest ignores testTimeout inside project configs.
jest.setTimeout(60_000);
