/** One field at fault, named by its path in the request (`materials[1].quantity`). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** Marks a value as a refusal, so `T | Refusal` is told apart whatever `T` looks like. */
const refused: unique symbol = Symbol('refused');

/**
 * An expected business refusal: application services return it (never throw it), and the
 * transport says it in its own terms (problem+json over HTTP, a reply message over Kafka).
 * Exceptions stay for bugs and infrastructure faults.
 */
export type Refusal = { readonly [refused]: true } & (
  | { readonly kind: 'notFound'; readonly what: string; readonly id: string }
  /** The current state does not allow it; `extensions` say the state and what is allowed instead. */
  | { readonly kind: 'conflict'; readonly detail: string; readonly extensions: Readonly<Record<string, unknown>> }
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[]; readonly detail: string }
);

export const refuse = {
  notFound: (what: string, id: string): Refusal => ({ [refused]: true, kind: 'notFound', what, id }),
  conflict: (detail: string, extensions: Record<string, unknown> = {}): Refusal => ({ [refused]: true, kind: 'conflict', detail, extensions }),
  invalid: (errors: readonly FieldError[], detail = 'The request is not valid.'): Refusal => ({ [refused]: true, kind: 'invalid', errors, detail }),
};

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && refused in value;
}

/** What a unit of work rolls back with: carries its refusal out of the transaction. */
class RolledBackForRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(`refused: ${refusal.kind}`);
  }
}

/**
 * Runs `work` in one transaction of `db` (Prisma or SqlDatabase); when it returns a refusal the
 * transaction rolls back, so a refused request changes nothing even if it wrote before deciding.
 */
export async function refusableTransaction<Tx, T>(
  db: { $transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> },
  work: (tx: Tx) => Promise<T | Refusal>,
): Promise<T | Refusal> {
  try {
    return await db.$transaction(async (tx) => {
      const result = await work(tx);
      if (isRefusal(result)) throw new RolledBackForRefusal(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBackForRefusal) return error.refusal;
    throw error;
  }
}
