// A whole system, a Prometheus and a saga that must get stuck: minutes, not seconds.
jest.setTimeout(240_000);
