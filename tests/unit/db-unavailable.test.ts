// Which database errors mean "cannot answer now" (503, fail fast) rather than a bad query.
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailableError } from '@/lib/db-errors';

describe('isDatabaseUnavailableError', () => {
  it.each([
    ['refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['connect timeout', new Error('Connection terminated due to connection timeout')],
    ['answer timeout', new Error('Query read timeout')],
    // pg's own connect timer (client.js) when the server accepts the socket but never answers (SIGSTOP).
    ['handshake timeout', new Error('timeout expired')],
    ['pool exhausted', new Error('timeout exceeded when trying to connect')],
    ['server shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['statement timeout', Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })],
    ['connection exception class', Object.assign(new Error('x'), { code: '08006' })],
    ['through Prisma', { code: 'P1001', message: "Can't reach database server", meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable', port: 5432 } } } }],
    ['nested cause', { message: 'outer', cause: { kind: 'SocketTimeout' } }],
  ])('%s', (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it.each([
    ['unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['syntax error', Object.assign(new Error('syntax error at or near'), { code: '42601' })],
    ['not an error', 'text'],
    ['null', null],
  ])('not: %s', (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });
});
