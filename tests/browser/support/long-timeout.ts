// A scenario drives sagas through the screens: give it room, as the e2e tier does.
jest.setTimeout(120_000);
