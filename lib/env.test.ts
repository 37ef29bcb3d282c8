import { describe, expect, it } from 'vitest';
import { env, EnvError, poolMax } from './env';

describe('environment', () => {
  it('gives defaults for what is unset or empty', () => {
    const e = env({ DATABASE_URL: '', TRUST_PROXY: '' });
    expect(e).toMatchObject({ DATABASE_URL: undefined, TRUST_PROXY: false, UPLOAD_TTL_MINUTES: 60, RENDER_QUEUE_LIMIT: 32, RENDER_CACHE_MB: 64 });
    expect(poolMax(e)).toBe(10);
    expect(poolMax(env({ DATABASE_KIND: 'embedded' }))).toBe(4);
    expect(poolMax(env({ DATABASE_POOL_MAX: '3' }))).toBe(3);
    expect(env({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(true);
  });

  it('refuses a bad value with a message naming the variable', () => {
    for (const [name, value] of [['DATABASE_POOL_MAX', 'ten'], ['DATABASE_POOL_MAX', '0'], ['TRUST_PROXY', 'yes'], ['UPLOAD_TTL_MINUTES', '-5'], ['DATABASE_KIND', 'mysql']] as const) {
      expect(() => env({ [name]: value })).toThrow(EnvError);
      expect(() => env({ [name]: value })).toThrow(new RegExp(`^Environment variable ${name} is invalid`));
    }
  });
});

describe('README', () => {
  it('lists every variable the app reads, in its Environment table', async () => {
    const fs = await import('node:fs');
    const readme = fs.readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('## Environment'), readme.indexOf('## Scripts'));
    const { envVariables } = await import('./env');
    for (const name of envVariables) expect([name, table.includes(`\`${name}\``)]).toEqual([name, true]);
  });
});
