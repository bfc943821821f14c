/** Why a message can never be processed. It goes to the dead-letter topic with this reason. */
export type PoisonReason = 'unparseable' | 'invalid-envelope' | 'unknown-type' | 'invalid-payload' | 'handler-failed';

export class PoisonMessage extends Error {
  constructor(
    readonly reason: PoisonReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}
