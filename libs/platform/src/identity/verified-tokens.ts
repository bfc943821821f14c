/**
 * Tokens verified lately, so a client that sends the same bearer token with every request (the
 * console, a script) costs one signature check a minute rather than one per request: the check is
 * about a fifth of the gateway's CPU per request. An entry lasts until the token expires, and at
 * most `maxAgeMs`, so a key the provider withdraws stops being trusted within that time. Only
 * tokens that passed are kept; the oldest go first when the cache is full.
 */
export class VerifiedTokens<T> {
  private readonly entries = new Map<string, { readonly value: T; readonly until: number }>();

  constructor(private readonly options: { readonly maxAgeMs: number; readonly maxEntries: number }) {}

  /** What the token verified as, while the entry lasts. */
  get(token: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until > now) return entry.value;
    this.entries.delete(token);
    return undefined;
  }

  /** Keeps a token that passed; `expiresAtMs` is its `exp`, in milliseconds. */
  set(token: string, value: T, expiresAtMs: number, now = Date.now()): void {
    const until = Math.min(expiresAtMs, now + this.options.maxAgeMs);
    if (until <= now) return;
    this.entries.delete(token);
    this.entries.set(token, { value, until });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
