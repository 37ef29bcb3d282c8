import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startEmbedded } from '../../lib/db/embedded';
import { closeFingerprint } from './fingerprint';

export type TestDatabase = { url: string; kind: 'postgres' | 'embedded'; drop: () => Promise<void> };

/**
 * A fresh, empty database for one test file: a new database on the Postgres server named by DATABASE_URL,
 * or, without DATABASE_URL, a new embedded PGlite in a temporary folder. Dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-test-'));
    const server = await startEmbedded({ dir });
    return {
      url: server.url,
      kind: 'embedded',
      drop: async () => {
        await server.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `atlas_test_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'postgres',
    drop: async () => {
      await closeFingerprint(url.toString());
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
