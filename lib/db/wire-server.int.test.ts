import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type EmbeddedServer, EmbeddedDatabaseError } from './embedded';

let server: EmbeddedServer;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-wire-'));
  server = await startEmbedded({ dir });
  const sql = postgres(server.url, { max: 1, prepare: false, onnotice: () => {} });
  await sql.unsafe('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0);').simple();
  await sql.end();
});

afterAll(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('embedded database over the wire', () => {
  it('serves many concurrent connections with parameterised queries without mixing them up', async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 8 });
    try {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => pool.query<{ v: number; s: string }>('SELECT $1::int AS v, $2::text AS s', [i, `row-${i}`])),
      );
      results.forEach((result, i) => {
        expect(result.rows[0]).toEqual({ v: i, s: `row-${i}` });
      });
    } finally {
      await pool.end();
    }
  });

  it('keeps transactions of different connections apart: no lost update, rollback of a dropped client', async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 6 });
    try {
      await Promise.all(
        Array.from({ length: 60 }, async () => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            const { rows } = await client.query<{ n: number }>('SELECT n FROM counter WHERE id = $1', [1]);
            await new Promise((resolve) => setTimeout(resolve, 1));
            await client.query('UPDATE counter SET n = $1 WHERE id = 1', [(rows[0]?.n ?? 0) + 1]);
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        }),
      );
      const dropped = new pg.Client({ connectionString: server.url });
      await dropped.connect();
      await dropped.query('BEGIN');
      await dropped.query('UPDATE counter SET n = -1 WHERE id = 1');
      await dropped.end();
      const { rows } = await pool.query<{ n: number }>('SELECT n FROM counter WHERE id = 1');
      expect(rows[0]?.n).toBe(60);
    } finally {
      await pool.end();
    }
  });

  it('refuses a second owner of the same data directory with a clear message', async () => {
    await expect(startEmbedded({ dir })).rejects.toThrow(EmbeddedDatabaseError);
    await expect(startEmbedded({ dir })).rejects.toThrow(/in use by process/);
  });

  it('reports a damaged data directory clearly and deletes nothing', async () => {
    const damaged = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-damaged-'));
    try {
      fs.mkdirSync(path.join(damaged, 'pgdata'));
      fs.writeFileSync(path.join(damaged, 'pgdata', 'PG_VERSION'), 'not a version\n');
      fs.writeFileSync(path.join(damaged, 'pgdata', 'garbage'), 'x');
      await expect(startEmbedded({ dir: damaged })).rejects.toThrow(/could not be opened.*Nothing was deleted/s);
      expect(fs.readFileSync(path.join(damaged, 'pgdata', 'garbage'), 'utf8')).toBe('x');
      expect(fs.existsSync(path.join(damaged, 'owner.pid'))).toBe(false);
    } finally {
      fs.rmSync(damaged, { recursive: true, force: true });
    }
  });
});
