import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Simplified Chinese font every document is set in: Noto Sans SC (SIL OFL 1.1), shipped through the npm
 * package `@expo-google-fonts/noto-sans-sc`, so a fresh machine needs nothing else. pdfkit embeds only the glyphs
 * a document uses (a one-page letter stays in the tens of KB). The files are pinned by package-lock.json: a
 * different font build changes the bytes of re-rendered documents (see docs/documents.md).
 */
const require = createRequire(import.meta.url);

const files = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof files;

const cache = new Map<FontWeight, Buffer>();

/** The TTF bytes of a weight, read once per process. */
export function fontBytes(weight: FontWeight): Buffer {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = readFileSync(require.resolve(files[weight]));
    cache.set(weight, bytes);
  }
  return bytes;
}
