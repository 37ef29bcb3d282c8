import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { embeddedDir } from './embedded';

const saved = process.env.EMBEDDED_DATA_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.EMBEDDED_DATA_DIR;
  else process.env.EMBEDDED_DATA_DIR = saved;
});

it('an unset or empty EMBEDDED_DATA_DIR is the default .data folder, never the working folder', () => {
  delete process.env.EMBEDDED_DATA_DIR;
  expect(embeddedDir()).toBe(path.resolve('.data'));
  process.env.EMBEDDED_DATA_DIR = '';
  expect(embeddedDir()).toBe(path.resolve('.data'));
  process.env.EMBEDDED_DATA_DIR = '/tmp/atlas-somewhere';
  expect(embeddedDir()).toBe('/tmp/atlas-somewhere');
});
