import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photo, upload } from '../../../test/upload.js';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser, type BuiltUser } from '../../../test/factories.js';
import { buildEnterprise, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { fileLinks, files } from '../../db/schema/documents.js';
import { events } from '../../db/schema/platform.js';
import { users } from '../../db/schema/identity.js';
import { buildActor } from '../../platform/auth/sessions.js';
import { inTransaction } from '../../platform/db/tx.js';
import { registerEntityReadCheck } from '../../platform/files/entity-access.js';
import { DiskFileStore, sha256Of } from '../../platform/files/store.js';
import { changeSetting } from '../settings/commands/change-setting.js';
import { issueDocument } from './commands/issue-document.js';
import { commitmentTemplate } from './index.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sc-files-'));
process.env.DATA_DIR = dataDir;

// a test entity: readable by the users listed here
const readers = new Map<string, Set<string>>();
registerEntityReadCheck('test_case', async (_db, actor, id) => readers.get(id)?.has(actor.userId) ?? false);

let ctx: TestContext;
let ownerUser: BuiltUser;
let owner: ApiClient;
let outsider: ApiClient;
let enterprise: BuiltEnterprise;
let caseId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  enterprise = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
  ownerUser = await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: enterprise.id }] });
  owner = await loginAs(ctx, ownerUser);
  const other = await buildEnterprise(ctx, { subdistrict: 'yangyi' });
  outsider = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: other.id }] }),
  );
  caseId = `case-${randomBytes(4).toString('hex')}`;
  readers.set(caseId, new Set([ownerUser.id]));
});
afterAll(async () => {
  await ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every stored object under the store's root. */
function storedObjects(): string[] {
  const root = path.join(dataDir, 'files');
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const p = path.join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(entry);
    }
  };
  walk(root);
  return out;
}

describe('uploading evidence', () => {
  it('stores a photo by its sha256, makes a thumbnail, links it and records the upload', async () => {
    const bytes = await photo();
    const res = await upload(
      owner,
      { entityType: 'test_case', entityId: caseId, label: '整改后现场照片' },
      { name: 'C:\\fakepath\\现场.JPG', bytes },
    );
    expect(res.statusCode).toBe(201);
    const sha256 = sha256Of(bytes);
    const body = res.json();
    expect(body).toMatchObject({
      sha256,
      size: bytes.length,
      mime: 'image/jpeg',
      originalName: '现场.jpg',
      label: '整改后现场照片',
      entityType: 'test_case',
      entityId: caseId,
      url: `/api/files/${sha256}`,
      thumbnailUrl: `/api/files/${sha256}/thumbnail`,
    });
    expect(existsSync(path.join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(
      true,
    );

    const download = await owner.get(`/api/files/${sha256}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(sha256Of(download.rawPayload)).toBe(sha256);

    const thumb = await owner.get(`/api/files/${sha256}/thumbnail`);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width, meta.height)).toBe(320);

    const [event] = await ctx.db.select().from(events).where(eq(events.kind, 'file.uploaded'));
    expect(event).toMatchObject({ entityType: 'test_case', entityId: caseId, actorUserId: ownerUser.id });
    expect(event.after).toMatchObject({ sha256, mime: 'image/jpeg', label: '整改后现场照片' });

    const list = await owner.get(`/api/files?entityType=test_case&entityId=${caseId}`);
    expect(list.json().map((f: { sha256: string }) => f.sha256)).toContain(sha256);
  });

  it('keeps one copy of the same content and returns the existing link on a repeat upload', async () => {
    const bytes = await photo(600, 400, '#2980b9');
    const first = await upload(
      owner,
      { entityType: 'test_case', entityId: caseId },
      { name: 'a.jpg', bytes },
    );
    const again = await upload(
      owner,
      { entityType: 'test_case', entityId: caseId },
      { name: 'b.jpg', bytes },
    );
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(
      await ctx.db
        .select()
        .from(fileLinks)
        .where(eq(fileLinks.fileSha256, sha256Of(bytes))),
    ).toHaveLength(1);
  });

  it('accepts a PDF, without a thumbnail', async () => {
    const doc = await inTransaction(ctx.db, async (tx) =>
      issueDocument(tx, null, {
        template: commitmentTemplate,
        jurisdictionId: ctx.jurisdictionId,
        holder: { type: 'enterprise', id: enterprise.id, name: enterprise.name },
        subdistrictId: enterprise.subdistrictId,
        data: { ...commitmentTemplate.sample(), enterpriseName: enterprise.name, uscc: enterprise.uscc },
      }),
    );
    const res = await upload(
      owner,
      { entityType: 'test_case', entityId: caseId },
      { name: 'scan.pdf', bytes: doc.pdf, type: 'application/pdf' },
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mime: 'application/pdf', thumbnailUrl: null });
    expect((await owner.get(`/api/files/${sha256Of(doc.pdf)}/thumbnail`)).json().code).toBe(
      'FILE_NO_THUMBNAIL',
    );
  });

  it('attaches to an issued document whoever can read the document', async () => {
    const doc = await inTransaction(ctx.db, async (tx) =>
      issueDocument(tx, null, {
        template: commitmentTemplate,
        jurisdictionId: ctx.jurisdictionId,
        holder: { type: 'enterprise', id: enterprise.id, name: enterprise.name },
        data: { ...commitmentTemplate.sample(), enterpriseName: enterprise.name, uscc: enterprise.uscc },
      }),
    );
    const bytes = await photo(300, 300, '#16a085');
    const res = await upload(
      owner,
      { entityType: 'document', entityId: doc.id, label: '签字盖章扫描件' },
      { name: 'signed.jpg', bytes },
    );
    expect(res.statusCode).toBe(201);
    const refused = await upload(
      outsider,
      { entityType: 'document', entityId: doc.id },
      { name: 'x.jpg', bytes },
    );
    expect(refused.statusCode).toBe(404);
    expect((await outsider.get(`/api/files/${sha256Of(bytes)}`)).statusCode).toBe(404);
    expect((await owner.get(`/api/files/${sha256Of(bytes)}`)).statusCode).toBe(200);
  });
});

describe('bad uploads', () => {
  it('refuses an executable renamed .jpg, by its bytes', async () => {
    const elf = Buffer.concat([
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
      randomBytes(4096),
    ]);
    const exe = Buffer.concat([
      Buffer.from('MZ'),
      Buffer.alloc(58),
      Buffer.from([0x80, 0, 0, 0]),
      Buffer.alloc(64),
      Buffer.from('PE\0\0'),
      randomBytes(2048),
    ]);
    for (const bytes of [elf, exe]) {
      const res = await upload(
        owner,
        { entityType: 'test_case', entityId: caseId },
        { name: 'photo.jpg', bytes, type: 'image/jpeg' },
      );
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
      expect(
        await ctx.db
          .select()
          .from(files)
          .where(eq(files.sha256, sha256Of(bytes))),
      ).toHaveLength(0);
      expect(storedObjects()).not.toContain(sha256Of(bytes));
    }
    const text = await upload(
      owner,
      { entityType: 'test_case', entityId: caseId },
      { name: 'notes.pdf', bytes: Buffer.from('just text, not a PDF') },
    );
    expect(text.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses a file over the jurisdiction limit while it streams, and writes nothing', async () => {
    const admin = await buildActor(
      ctx.db,
      (
        await ctx.db
          .select()
          .from(users)
          .where(eq(users.id, (await buildUser(ctx, { roles: [{ role: 'system_admin' }] })).id))
      )[0],
    );
    await changeSetting(ctx.db, admin, 'files.maxBytes', 100_000);
    try {
      const big = await sharp({
        create: {
          width: 1600,
          height: 1600,
          channels: 3,
          background: '#808080',
          noise: { type: 'gaussian', mean: 128, sigma: 60 },
        },
      })
        .jpeg({ quality: 95 })
        .toBuffer();
      expect(big.length).toBeGreaterThan(100_000);
      const objectsBefore = storedObjects();
      const linksBefore = await ctx.db.select().from(fileLinks);
      const res = await upload(
        owner,
        { entityType: 'test_case', entityId: caseId },
        { name: 'big.jpg', bytes: big },
      );
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE', maxBytes: 100_000 });
      expect(
        await ctx.db
          .select()
          .from(files)
          .where(eq(files.sha256, sha256Of(big))),
      ).toHaveLength(0);
      expect(await ctx.db.select().from(fileLinks)).toHaveLength(linksBefore.length);
      expect(storedObjects()).toEqual(objectsBefore);
      // just under the limit passes
      const small = await photo(400, 300, '#8e44ad');
      expect(small.length).toBeLessThan(100_000);
      expect(
        (
          await upload(
            owner,
            { entityType: 'test_case', entityId: caseId },
            { name: 'small.jpg', bytes: small },
          )
        ).statusCode,
      ).toBe(201);
    } finally {
      await changeSetting(ctx.db, admin, 'files.maxBytes', 10 * 1024 * 1024);
    }
  });

  it('refuses a damaged image', async () => {
    const bytes = (await photo()).subarray(0, 400);
    const res = await upload(
      owner,
      { entityType: 'test_case', entityId: caseId },
      { name: 'cut.jpg', bytes },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FILE_UNREADABLE');
  });

  it('needs the entity fields and a file', async () => {
    const bytes = await photo(200, 200);
    const noEntity = await upload(owner, {}, { name: 'a.jpg', bytes });
    expect(noEntity.statusCode).toBe(400);
    expect(noEntity.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body/entityType',
      'body/entityId',
    ]);
    const noFile = await upload(owner, { entityType: 'test_case', entityId: caseId });
    expect(noFile.json().code).toBe('FILE_MISSING');
    const json = await owner.post('/api/files', { entityType: 'test_case', entityId: caseId });
    expect(json.statusCode).toBe(415);
  });

  it('refuses entity types that take no files (403) and entities the uploader cannot read (404)', async () => {
    const bytes = await photo(200, 200, '#f1c40f');
    const unknownType = await upload(
      owner,
      { entityType: 'nothing_registered', entityId: '1' },
      { name: 'a.jpg', bytes },
    );
    expect(unknownType.statusCode).toBe(403);
    expect(unknownType.json().code).toBe('FILE_ENTITY_NOT_SUPPORTED');
    const notReadable = await upload(
      outsider,
      { entityType: 'test_case', entityId: caseId },
      { name: 'a.jpg', bytes },
    );
    expect(notReadable.statusCode).toBe(404);
    expect(
      await ctx.db
        .select()
        .from(files)
        .where(eq(files.sha256, sha256Of(bytes))),
    ).toHaveLength(0);
  });
});

describe('reading evidence', () => {
  it('denies the file, its thumbnail and the list to a user who cannot read the entity', async () => {
    const bytes = await photo(500, 500, '#d35400');
    const sha256 = sha256Of(bytes);
    expect(
      (await upload(owner, { entityType: 'test_case', entityId: caseId }, { name: 'p.jpg', bytes }))
        .statusCode,
    ).toBe(201);
    for (const url of [`/api/files/${sha256}`, `/api/files/${sha256}/thumbnail`]) {
      const res = await outsider.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('FILE_NOT_FOUND');
    }
    expect((await outsider.get(`/api/files?entityType=test_case&entityId=${caseId}`)).statusCode).toBe(404);
    // once the outsider may read the entity, the file is theirs to see too
    const outsiderId = (await outsider.get('/api/me')).json().user.id as string;
    readers.get(caseId)!.add(outsiderId);
    expect((await outsider.get(`/api/files/${sha256}`)).statusCode).toBe(200);
    readers.get(caseId)!.delete(outsiderId);
  });

  it('answers an unknown hash like a forbidden one', async () => {
    const res = await owner.get(`/api/files/${'0'.repeat(64)}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('FILE_NOT_FOUND');
    expect((await owner.get('/api/files/not-a-hash')).statusCode).toBe(400);
  });

  it('requires a login', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/files/${'0'.repeat(64)}` });
    expect(res.statusCode).toBe(401);
  });
});

describe('the disk store', () => {
  it('is content-addressed and idempotent', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sc-store-'));
    try {
      const disk = new DiskFileStore(root);
      const bytes = randomBytes(1000);
      const sha = await disk.put(bytes);
      expect(sha).toBe(sha256Of(bytes));
      expect(await disk.put(bytes)).toBe(sha);
      expect(await disk.exists(sha)).toBe(true);
      expect(await disk.exists('f'.repeat(64))).toBe(false);
      const chunks: Buffer[] = [];
      for await (const c of await disk.get(sha)) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
      await expect(disk.get('e'.repeat(64))).rejects.toThrow();
      expect(readdirSync(path.join(root, sha.slice(0, 2), sha.slice(2, 4)))).toEqual([sha]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
