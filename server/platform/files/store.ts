import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where file bytes live, addressed by their sha256. The disk store is the default; an S3-compatible store can
 * implement the same interface (put under the key `ab/cd/<sha256>`, get as a stream, head for exists).
 */
export interface FileStore {
  /** store the bytes (idempotent: the same content is stored once) and give back their sha256 */
  put(bytes: Uint8Array): Promise<string>;
  /** the bytes of a stored sha256; fails when absent */
  get(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return sha256Pattern.test(value);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Files under `<root>/ab/cd/<sha256>`, written to a temporary name first and renamed, so a reader never sees half. */
export class DiskFileStore implements FileStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = sha256Of(bytes);
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) return sha256;
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, target);
    } catch (err) {
      await rm(temporary, { force: true });
      throw err;
    }
    return sha256;
  }

  async get(sha256: string): Promise<Readable> {
    const file = this.pathOf(sha256);
    await access(file);
    return createReadStream(file);
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}

/** The configured store: `<DATA_DIR>/files` on disk. */
export function fileStoreFromConfig(config: { dataDir: string }): FileStore {
  return new DiskFileStore(path.join(config.dataDir, 'files'));
}
