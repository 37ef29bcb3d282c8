/**
 * `npm run check:office`: every view's briefing opened by real readers. The production build on the embedded default
 * (a fresh data folder, seeded) serves the PDF and the deck of the overview, a dimension, a partner and compare;
 * poppler reads each PDF (pages, text, embedded fonts) and LibreOffice converts each deck to PDF, which must succeed
 * with one page per slide at least. Prints one line per file and exits non-zero on any failure.
 *
 * Needs poppler-utils and LibreOffice Impress (`apt-get install -y poppler-utils libreoffice-impress`). The test
 * suite runs the short form (lib/briefing/briefing.int.test.ts: one deck through LibreOffice when it is installed).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { buildIfNeeded } from './build';
import { startAppServer } from './ops/process';
import { log } from './run';

const VIEWS = ['overview', 'dimensions/gas', 'partners/RUS', 'compare'];

async function main() {
  for (const bin of ['pdfinfo', 'soffice']) {
    try {
      execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'pipe' });
    } catch {
      throw new Error(`${bin} is not installed: apt-get install -y poppler-utils libreoffice-impress`);
    }
  }
  buildIfNeeded();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-office-'));
  const server = await startAppServer({ embeddedDir: path.join(dir, 'data') });
  let failures = 0;
  try {
    for (const view of VIEWS) {
      for (const format of ['pdf', 'pptx'] as const) {
        const response = await fetch(`${server.base}/api/briefings/${view}.${format}`);
        const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${view.replace('/', '-')}.${format}`;
        const file = path.join(dir, name);
        fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
        try {
          if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
          if (format === 'pdf') {
            const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
            const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
            if (!text.includes(`Page ${pages} of ${pages}`)) throw new Error('no page numbers');
            if (!/Inter/.test(execFileSync('pdffonts', [file], { encoding: 'utf8' }))) throw new Error('Inter is not embedded');
            console.log(`ok   ${name}: ${pages} pages, ${Math.round(fs.statSync(file).size / 1024)} KB`);
          } else {
            const zip = await JSZip.loadAsync(fs.readFileSync(file));
            const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length;
            const charts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).length;
            const out = path.join(dir, 'converted');
            execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', out, file], { timeout: 180_000, stdio: 'pipe' });
            const converted = path.join(out, name.replace(/\.pptx$/, '.pdf'));
            const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [converted], { encoding: 'utf8' }))?.[1]);
            if (!(pages >= slides)) throw new Error(`LibreOffice made ${pages} pages of ${slides} slides`);
            console.log(`ok   ${name}: ${slides} slides, ${charts} native charts; LibreOffice converted it to ${pages} PDF pages`);
          }
        } catch (error) {
          failures++;
          console.log(`FAIL ${name}: ${(error as Error).message}`);
        }
      }
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  log(`check:office: ${VIEWS.length * 2 - failures} of ${VIEWS.length * 2} files passed`);
  if (failures) process.exit(1);
}

await main();
