import type { ArgumentsHost } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter';

/** The HTTP answer the filter writes for an exception, captured from a stand-in response. */
function answerFor(exception: unknown): { status: number; type: string; body: Record<string, unknown> } {
  const written: { status?: number; type?: string; body?: Record<string, unknown> } = {};
  const response = {
    status(code: number) {
      written.status = code;
      return this;
    },
    type(contentType: string) {
      written.type = contentType;
      return this;
    },
    json(body: Record<string, unknown>) {
      written.body = body;
      return this;
    },
  };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return { status: written.status!, type: written.type!, body: written.body! };
}

describe('ProblemDetailsFilter', () => {
  it('answers 503 problem+json when no pooled connection freed up in time (Prisma P2028), not 500', () => {
    const answer = answerFor(Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' }));
    expect(answer).toEqual({ status: 503, type: 'application/problem+json', body: expect.objectContaining({ status: 503, title: 'Service busy' }) });
  });

  it('answers 409 for a unique index refusing a concurrent duplicate (P2002)', () => {
    expect(answerFor(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' })).status).toBe(409);
  });

  it('answers 500 for anything unknown', () => {
    expect(answerFor(new Error('boom')).status).toBe(500);
  });
});
