import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error.js';

/**
 * Read an upload stream into memory, failing with FILE_TOO_LARGE as soon as it passes `maxBytes`: nothing of an
 * oversized file is kept, let alone stored.
 */
export async function readLimited(stream: Readable & { truncated?: boolean }, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new AppError('FILE_TOO_LARGE', { detail: `文件超过大小上限（${formatBytes(maxBytes)}）`, extra: { maxBytes } });
    }
    chunks.push(buffer);
  }
  if (stream.truncated) {
    throw new AppError('FILE_TOO_LARGE', { detail: `文件超过大小上限（${formatBytes(maxBytes)}）`, extra: { maxBytes } });
  }
  return Buffer.concat(chunks);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}
