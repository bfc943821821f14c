/**
 * A search term made literal for LIKE / ILIKE (and Prisma's `contains` and `startsWith`, which
 * pass the term into the pattern as it is): `%`, `_` and the escape character `\` match themselves.
 */
export function escapeLikePattern(term: string): string {
  return term.replace(/[\\%_]/g, (character) => `\\${character}`);
}
