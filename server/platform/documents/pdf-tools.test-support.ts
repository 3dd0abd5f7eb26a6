import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Poppler and zbar for tests that look at a PDF the way a person does. CI installs them (.ci/apt-packages);
 * elsewhere the tests that need them say so and skip.
 */
export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

export const popplerMissing = !hasTool('pdftotext') || !hasTool('pdftoppm');
export const zbarMissing = !hasTool('zbarimg');

export function pdftotext(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

/** Rasterise every page, then decode every QR code found: the decoded texts. */
export function decodeQrCodes(pdf: Buffer, dpi = 150): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sc-qr-'));
  try {
    writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), path.join(dir, 'doc.pdf'), path.join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png'));
    const out: string[] = [];
    for (const page of pages) {
      const result = spawnSync('zbarimg', ['--quiet', '--raw', path.join(dir, page)], { encoding: 'utf8' });
      out.push(...result.stdout.split('\n').filter((line) => line.trim().length > 0));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
