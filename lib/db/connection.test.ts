import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { assertReachable, DatabaseUnreachableError, describeUrl } from './connection';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('assertReachable', () => {
  it('fails within seconds with one line naming host, port and what to check', async () => {
    const port = await closedPort();
    const started = Date.now();
    const error = await assertReachable(`postgresql://u:secret@127.0.0.1:${port}/db`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    const message = (error as Error).message;
    expect(message).toContain(`127.0.0.1:${port}`);
    expect(message).toMatch(/check that the server is running/);
    expect(message).not.toContain('secret');
    expect(message.split('\n')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('rejects a URL that is not a Postgres URL', async () => {
    await expect(assertReachable('mysql://localhost/db')).rejects.toThrow(/must start with postgresql/);
    await expect(assertReachable('not a url')).rejects.toThrow(/not a valid URL/);
  });

  it('describes a URL without its password', () => {
    expect(describeUrl('postgresql://user:pw@db.example:6543/atlas')).toBe('db.example:6543/atlas');
  });
});
