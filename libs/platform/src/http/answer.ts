import { isRefusal, type Refusal } from '../refusal/refusal';
import { conflict, invalidInput, notFound, type ProblemException } from './problem';

/** The problem+json a refusal is over HTTP (404, 409 or 400, as the REST contract says). */
export function problemOf(refusal: Refusal): ProblemException {
  switch (refusal.kind) {
    case 'notFound':
      return notFound(refusal.what, refusal.id);
    case 'conflict':
      return conflict(refusal.detail, refusal.extensions);
    case 'invalid':
      return invalidInput(refusal.errors, refusal.detail);
    default: {
      const unknownRefusal: never = refusal;
      throw new Error(`unknown refusal ${JSON.stringify(unknownRefusal)}`);
    }
  }
}

/**
 * What an HTTP handler answers for a use case's result: the value, or its refusal as
 * problem+json (thrown for the exception filter, which writes every error response).
 */
export function answer<T>(result: T | Refusal): T {
  if (isRefusal(result)) throw problemOf(result);
  return result;
}
