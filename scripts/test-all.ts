/**
 * `npm test`: lint, typecheck, unit and integration tests (on DATABASE_URL's server, or the embedded
 * database without it), system tests (short load, fault and HTTP fuzz runs against production servers), then
 * Playwright in Chromium against `next start`. Ends with one line
 * `N passed, N failed` totalled from the runners' JSON reports.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { CHROMIUM_MISSING, findChromium } from '../test/support/chromium';
import { buildIfNeeded } from './build';

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
const only = new Set((process.env.TEST_ONLY ?? 'lint,typecheck,data:check,unit,integration,system,e2e').split(','));

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  return result.status === 0;
}

function check(label: string, command: string, args: string[]): void {
  if (!only.has(label)) return;
  if (run(label, command, args)) total.passed++;
  else {
    total.failed++;
    failures.push(label);
  }
}

type VitestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number };
type PlaywrightReport = { stats?: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

fs.rmSync('reports', { recursive: true, force: true });
fs.mkdirSync('reports', { recursive: true });

// Lint and typecheck count as one check each.
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('typecheck', 'npx', ['tsc', '--noEmit']);
// The seeded research files pass the data check (values in their excerpts, years, periods, units, URLs).
check('data:check', 'npx', ['tsx', 'scripts/data-check.ts', ...['observations', 'events', 'fx', 'nato_members'].map((f) => `prisma/seed/research/${f}.csv`)]);

for (const project of ['unit', 'integration', 'system'] as const) {
  if (!only.has(project)) continue;
  // The system tests run production servers: build first (once; the e2e stage reuses it).
  if (project === 'system') buildIfNeeded();
  const report = `reports/vitest-${project}.json`;
  const ok = run(project, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  const json = readJson<VitestReport>(report);
  if (!json) {
    total.failed++;
    failures.push(`${project} (no report)`);
    continue;
  }
  total.passed += json.numPassedTests;
  total.failed += json.numFailedTests + (json.numFailedTests === 0 && !ok ? Math.max(1, json.numFailedTestSuites) : 0);
  total.skipped += json.numPendingTests + json.numTodoTests;
  if (!ok) failures.push(project);
}

if (only.has('e2e')) {
  const chromium = findChromium();
  if (!chromium) {
    console.error(`\n${CHROMIUM_MISSING}`);
    total.failed++;
    failures.push('e2e (no Chromium)');
  } else {
    const env: Record<string, string> = {};
    let drop = async () => {};
    const serverUrl = process.env.DATABASE_URL;
    if (serverUrl) {
      const name = `atlas_e2e_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE "${name}"`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      env.E2E_DATABASE_URL = url.toString();
      drop = async () => {
        const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
        await cleanup.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await cleanup.end();
      };
      console.log(`\n=== e2e on Postgres database ${name}`);
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-e2e-'));
      env.E2E_EMBEDDED_DIR = dir;
      drop = async () => fs.rmSync(dir, { recursive: true, force: true });
      console.log(`\n=== e2e on a fresh embedded database in ${dir}`);
    }
    try {
      buildIfNeeded();
      // E2E_GREP_INVERT leaves out tagged tests, e.g. CI's second pass skips the markup checks (@a11y), which do not depend on the database.
      const skip = process.env.E2E_GREP_INVERT ? ['--grep-invert', process.env.E2E_GREP_INVERT] : [];
      const ok = run('e2e', 'npx', ['playwright', 'test', ...skip], { ...env, CHROMIUM_PATH: chromium });
      const json = readJson<PlaywrightReport>('reports/playwright.json');
      const stats = json?.stats;
      if (!stats) {
        total.failed++;
        failures.push('e2e (no report)');
      } else {
        total.passed += stats.expected + stats.flaky;
        total.failed += stats.unexpected + (stats.unexpected === 0 && !ok ? 1 : 0);
        total.skipped += stats.skipped;
        if (!ok) failures.push('e2e');
      }
    } finally {
      await drop();
    }
  }
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 || failures.length > 0 ? 1 : 0;
