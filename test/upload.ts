import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { ApiClient } from './client.js';

/** A multipart/form-data body as a browser sends it. */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer; type?: string },
) {
  const boundary = `----safecomply${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export function upload(
  client: ApiClient,
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer; type?: string },
) {
  const { body, headers } = multipart(fields, file);
  return client.request('POST', '/api/files', body, headers);
}

export const photo = (width = 1200, height = 900, colour = '#c0392b') =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg({ quality: 90 })
    .toBuffer();

/** Upload a (distinct) photo as evidence of an entity and return its sha256. */
export async function uploadEvidence(
  client: ApiClient,
  entityType: string,
  entityId: string,
  label = '现场照片',
): Promise<string> {
  const colour = `#${randomBytes(3).toString('hex')}`;
  const res = await upload(
    client,
    { entityType, entityId, label },
    { name: 'photo.jpg', bytes: await photo(64, 48, colour) },
  );
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { sha256: string }).sha256;
}
