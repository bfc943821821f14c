import { HttpException } from '@nestjs/common';
import type { z } from 'zod';
import type { FieldError } from '../refusal/refusal';

export type { FieldError };

/** An RFC 9457 problem: the body every error response carries (`application/problem+json`). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly [extension: string]: unknown;
}

export class ProblemException extends HttpException {
  constructor(
    readonly problem: ProblemDetails,
    /** Response headers that belong to the refusal (`WWW-Authenticate` on a 401). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(problem, problem.status);
  }
}

const PROBLEM_BASE = 'https://work-orders.example/problems/';

export function invalidInput(errors: readonly FieldError[], detail = 'The request is not valid.'): ProblemException {
  return new ProblemException({ type: `${PROBLEM_BASE}invalid-input`, title: 'Invalid input', status: 400, detail, errors });
}

export function notFound(what: string, id: string): ProblemException {
  return new ProblemException({ type: `${PROBLEM_BASE}not-found`, title: `${what} not found`, status: 404, detail: `No ${what.toLowerCase()} with id ${id}.` });
}

/** An action the current state does not allow: says the state and what is allowed instead. */
export function conflict(detail: string, extensions: Record<string, unknown> = {}): ProblemException {
  return new ProblemException({ type: `${PROBLEM_BASE}conflict`, title: 'Action not allowed now', status: 409, detail, ...extensions });
}

export function zodFieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({ field: fieldPath(prefix, issue.path), message: issue.message }));
}

function fieldPath(prefix: string | undefined, path: readonly PropertyKey[]): string {
  let result = prefix ?? '';
  for (const segment of path) {
    if (typeof segment === 'number') result += `[${segment}]`;
    else result += result ? `.${String(segment)}` : String(segment);
  }
  return result || (prefix ?? 'body');
}

/** Parses request input with a schema; a mismatch is a 400 naming every field at fault. */
export function parseInput<TSchema extends z.ZodType>(schema: TSchema, input: unknown, prefix?: string): z.infer<TSchema> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(zodFieldErrors(result.error, prefix));
  return result.data;
}
