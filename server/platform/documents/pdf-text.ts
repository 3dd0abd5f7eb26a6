import { inflateSync } from 'node:zlib';

/**
 * Read back the text of a PDF this engine wrote (pdfkit: Type0 fonts with Identity-H encoding and a ToUnicode
 * CMap, hex strings in TJ arrays). Not a general PDF parser: it lets tests check the Chinese text of a document
 * in-process, without poppler. Each text object (BT … ET) becomes one line.
 */
export function extractPdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream?: string }>();
  const objectPattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = objectPattern.exec(source); m; m = objectPattern.exec(source)) {
    const body = m[2];
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt);
    let start = streamAt + 'stream'.length;
    if (body[start] === '\r') start++;
    if (body[start] === '\n') start++;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? '0');
    const raw = Buffer.from(body.slice(start, start + length), 'latin1');
    const data = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
    objects.set(Number(m[1]), { dict, stream: data.toString('latin1') });
  }

  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (ref: number): Map<number, string> => {
    let map = cmaps.get(ref);
    if (map) return map;
    map = new Map();
    const text = objects.get(ref)?.stream ?? '';
    const rangePattern = /<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi;
    for (let r = rangePattern.exec(text); r; r = rangePattern.exec(text)) {
      const first = parseInt(r[1], 16);
      const values = [...r[3].matchAll(/<([0-9a-f ]+)>/gi)].map((v) =>
        String.fromCharCode(...v[1].trim().split(/\s+/).map((h) => parseInt(h, 16))),
      );
      values.forEach((value, i) => map.set(first + i, value));
    }
    cmaps.set(ref, map);
    return map;
  };

  // resource name (/F1) → ToUnicode map, per page resources
  const fontMaps = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(dict)?.[1];
    if (!fontDict) continue;
    for (const f of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(f[2]))?.dict ?? '')?.[1];
      if (toUnicode) fontMaps.set(f[1], cmapOf(Number(toUnicode)));
    }
  }

  const lines: string[] = [];
  for (const { dict, stream } of objects.values()) {
    if (!stream || /\/(Subtype|Type)\s*\/(XObject|Font|FontFile2|CIDFontType2)/.test(dict) || stream.includes('begincmap')) {
      continue;
    }
    let map: Map<number, string> | undefined;
    let line = '';
    const tokens = /\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-f]*)> Tj|\bET\b/gi;
    for (let t = tokens.exec(stream); t; t = tokens.exec(stream)) {
      if (t[1]) map = fontMaps.get(t[1]);
      else if (t[0] === 'ET') {
        if (line) lines.push(line);
        line = '';
      } else {
        const hexes = t[2] !== undefined ? [...t[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]) : [t[3]];
        for (const hex of hexes) {
          for (let i = 0; i + 4 <= hex.length; i += 4) line += map?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
        }
      }
    }
    if (line) lines.push(line);
  }
  return lines.join('\n');
}
