import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

// The short form of `npm run bench`: the same script, 3 s a route and Lighthouse once. It asserts what the report
// holds and that every request was answered, never how fast (that is for the full run to measure).
it('npm run bench -- --short writes every section, with no failed request', async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-')), 'benchmarks.md');
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--short', '--out', out], { timeout: 280_000, maxBuffer: 32 * 1024 * 1024 });
  const doc = fs.readFileSync(out, 'utf8');
  for (const heading of ['## Targets (issues 14 and 15)', '## Throughput, page cache on (the default)', '## Throughput, page cache off', '## `/` while chart images render', '## Page weight', '## Briefing build time (issue 15)', '## Lighthouse 12.2.3, mobile defaults']) {
    expect(doc).toContain(heading);
  }
  // Each load row: route, req/s, ratio, p50, p99, failures. Every route of both tables answered every request.
  const rows = [...doc.matchAll(/^\| (`[^`]+`|chart PNG, every request a new view) \| (\d+) \| ([\d.]+) \| (\d+) ms \| (\d+) ms \| (.+) \|$/gm)];
  expect(rows.length).toBe(14);
  for (const [, route, rps, , , , failures] of rows) {
    expect(Number(rps), route).toBeGreaterThan(0);
    expect(failures, route).toBe('0');
  }
  // Page weight of the four views and of the framework floor (an empty page of the same stack: less first-load
  // JavaScript than any view), briefing times of both formats, Lighthouse scores for `/` and the floor.
  expect([...doc.matchAll(/^\| `\/[^`]*` \| [\d.]+ KB \| [\d.]+ KB \| [\d.]+ KB \|/gm)].length).toBe(4);
  const firstLoadJs = (page: string) => Number(new RegExp(`^\\| ${page} \\|(?: [\\d.]+ KB \\|){3} [\\d.]+ KB \\(\\d+ files\\) \\| ([\\d.]+) KB \\|`, 'm').exec(doc)?.[1]);
  expect(firstLoadJs('framework floor')).toBeGreaterThan(50);
  expect(firstLoadJs('framework floor')).toBeLessThan(firstLoadJs('`/`'));
  expect(doc).toMatch(/^\| framework floor \| \d+ \| \d+ ms \| \d+ ms \| — \|/m);
  expect(doc).toMatch(/^\| `\/` \| \d+ \| \d+ ms \| \d+ ms \| -?\d+ ms \|/m);
  expect(doc).toMatch(/^\| overview PDF \| [\d.]+ s \|/m);
  expect(doc).toMatch(/^\| overview PPTX \| [\d.]+ s \|/m);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
}, 300_000);
