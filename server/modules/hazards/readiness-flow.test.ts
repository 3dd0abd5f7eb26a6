import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { answerAll, fileFootwearStandard, type AnswerLike } from '../../../test/readiness-factories.js';
import { buildEnterprise, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { uploadEvidence } from '../../../test/upload.js';
import { addDays, chinaDate } from '../../../domain/readiness.js';
import { notifications } from '../../db/schema/notifications.js';

let ctx: TestContext;
let enterprise: BuiltEnterprise;
let owner: ApiClient;
let shuangyu: ApiClient;
let yangyi: ApiClient;
let bureau: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  await fileFootwearStandard(ctx);
  enterprise = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
  owner = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: enterprise.id }] }),
  );
  shuangyu = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
  );
  yangyi = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'yangyi' }] }),
  );
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
});
afterAll(() => ctx.close());

const today = () => chinaDate(new Date());

type Answer = AnswerLike & { result: string | null; toReview: boolean };

describe('self-inspection, hazards and extensions', () => {
  let inspectionId: string;
  let answers: Answer[];
  let hazardIds: string[];

  it('pins the filed version and the declared tags, and refuses to complete with unanswered items', async () => {
    const signed = await owner.post(`/api/enterprises/${enterprise.id}/commitment`, {
      signatoryName: '张三',
      signatoryCapacity: 'legal_representative',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const started = await owner.post('/api/inspections', { enterpriseId: enterprise.id, kind: 'self' });
    expect(started.statusCode, started.body).toBe(201);
    const body = started.json();
    inspectionId = body.id;
    answers = body.answers;
    expect(body).toMatchObject({
      status: 'in_progress',
      versionNumber: '1.0',
      tags: [],
      abilities: { answer: true, complete: true },
    });
    expect(answers.length).toBeGreaterThan(20);
    expect(
      (await owner.post('/api/inspections', { enterpriseId: enterprise.id, kind: 'self' })).json().code,
    ).toBe('INSPECTION_IN_PROGRESS');

    const unanswered = await owner.post(`/api/inspections/${inspectionId}/complete`);
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.json().code).toBe('INSPECTION_ITEM_UNANSWERED');
    expect(unanswered.json().errors).toHaveLength(answers.length);
  });

  it('refuses a key item marked compliant without evidence, evidence from elsewhere, and a reason-less not applicable', async () => {
    const key = answers.find((a) => a.isKey)!;
    const na = await owner.put(`/api/inspections/${inspectionId}/answers/${key.itemCode}`, {
      result: 'not_applicable',
    });
    expect(na.json().code).toBe('INSPECTION_NA_WITHOUT_REASON');
    const foreign = await uploadEvidence(owner, 'enterprise', enterprise.id);
    const notHere = await owner.put(`/api/inspections/${inspectionId}/answers/${key.itemCode}`, {
      result: 'compliant',
      evidence: [foreign],
    });
    expect(notHere.statusCode).toBe(400);
    expect(notHere.json().code).toBe('EVIDENCE_NOT_ATTACHED');
    for (const a of answers) {
      await owner.put(`/api/inspections/${inspectionId}/answers/${a.itemCode}`, { result: 'compliant' });
    }
    const noEvidence = await owner.post(`/api/inspections/${inspectionId}/complete`);
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().code).toBe('INSPECTION_KEY_ITEM_NO_EVIDENCE');
    expect(noEvidence.json().errors.map((e: { field: string }) => e.field)).toContain(
      `answers/${key.itemCode}`,
    );
    expect(
      (await yangyi.put(`/api/inspections/${inspectionId}/answers/${key.itemCode}`, { result: 'compliant' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await shuangyu.put(`/api/inspections/${inspectionId}/answers/${key.itemCode}`, {
          result: 'compliant',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('turns every non-compliant item into a hazard on completion, major where the assessor says so', async () => {
    const general = answers.filter((a) => !a.isKey)[0].itemCode;
    const major = answers.filter((a) => !a.isKey)[1].itemCode;
    await answerAll(owner, inspectionId, answers, [general, major], [major]);
    const done = await owner.post(`/api/inspections/${inspectionId}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', progress: { nonCompliant: 2 } });
    hazardIds = done.json().hazardIds;
    expect(hazardIds).toHaveLength(2);
    expect(
      (await owner.put(`/api/inspections/${inspectionId}/answers/${general}`, { result: 'compliant' })).json()
        .code,
    ).toBe('INSPECTION_COMPLETED');

    const list = (await shuangyu.get(`/api/hazards?enterpriseId=${enterprise.id}`)).json();
    expect(list.total).toBe(2);
    expect(list.items[0]).toMatchObject({ severity: 'major', majorReason: 'assessor', status: 'open' });
    expect(list.items[1]).toMatchObject({
      severity: 'general',
      deadline: addDays(today(), 30),
      originalDeadline: addDays(today(), 30),
    });
    expect((await yangyi.get(`/api/hazards/${hazardIds[0]}`)).statusCode).toBe(404);
    expect((await yangyi.get(`/api/hazards?enterpriseId=${enterprise.id}`)).json().total).toBe(0);
  });

  it('keeps the reported time fixed and refuses past deadlines and self-granted extensions', async () => {
    const id = hazardIds[0];
    const readonly = await owner.patch(`/api/hazards/${id}`, { reportedAt: '2020-01-01T00:00:00Z' });
    expect(readonly.statusCode).toBe(400);
    expect(readonly.json().code).toBe('HAZARD_FIELD_READONLY');
    const past = await owner.patch(`/api/hazards/${id}`, { deadline: addDays(today(), -1) });
    expect(past.json().code).toBe('HAZARD_DEADLINE_PAST');
    const tooLate = await owner.patch(`/api/hazards/${id}`, { deadline: addDays(today(), 400) });
    expect(tooLate.json().code).toBe('HAZARD_DEADLINE_NEEDS_EXTENSION');
    const ok = await owner.patch(`/api/hazards/${id}`, {
      ownerName: '王安全',
      interimMeasures: '停用该工位，设置警戒线',
      deadline: addDays(today(), 20),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      ownerName: '王安全',
      deadline: addDays(today(), 20),
      originalDeadline: addDays(today(), 30),
    });
    expect((await shuangyu.patch(`/api/hazards/${id}`, { ownerName: 'x' })).statusCode).toBe(403);
  });

  it('asks the subdistrict for an extension with interim controls; the approval moves the deadline and is a document', async () => {
    const id = hazardIds[0];
    const noControls = await owner.post(`/api/hazards/${id}/extension-requests`, {
      requestedDeadline: addDays(today(), 50),
      reason: '设备供货周期长',
      interimControls: '  ',
    });
    expect(noControls.statusCode).toBe(400);
    expect(noControls.json().code).toBe('EXTENSION_INTERIM_CONTROLS_REQUIRED');
    const past = await owner.post(`/api/hazards/${id}/extension-requests`, {
      requestedDeadline: addDays(today(), -3),
      reason: 'x',
      interimControls: 'y',
    });
    expect(past.json().code).toBe('HAZARD_DEADLINE_PAST');
    const tooFar = await owner.post(`/api/hazards/${id}/extension-requests`, {
      requestedDeadline: addDays(today(), 500),
      reason: 'x',
      interimControls: 'y',
    });
    expect(tooFar.json().code).toBe('EXTENSION_DEADLINE_INVALID');

    const requested = await owner.post(`/api/hazards/${id}/extension-requests`, {
      requestedDeadline: addDays(today(), 50),
      reason: '排风设备需定制，供货约四周',
      interimControls: '减半作业，增设移动式排风机，每班检测浓度',
    });
    expect(requested.statusCode, requested.body).toBe(201);
    const x = requested.json();
    expect(x).toMatchObject({
      status: 'pending',
      deadlineAtRequest: addDays(today(), 20),
      abilities: { withdraw: true, decide: false },
    });
    expect(
      (
        await owner.post(`/api/hazards/${id}/extension-requests`, {
          requestedDeadline: addDays(today(), 40),
          reason: 'x',
          interimControls: 'y',
        })
      ).json().code,
    ).toBe('EXTENSION_PENDING_EXISTS');

    expect((await yangyi.post(`/api/extension-requests/${x.id}/approve`, {})).statusCode).toBe(404);
    expect((await owner.post(`/api/extension-requests/${x.id}/approve`, {})).statusCode).toBe(403);
    const pending = (await shuangyu.get('/api/extension-requests?status=pending')).json();
    expect(pending.items.map((i: { id: string }) => i.id)).toContain(x.id);

    const approved = await shuangyu.post(`/api/extension-requests/${x.id}/approve`, {
      approvedDeadline: addDays(today(), 45),
      reason: '临时措施可行',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedDeadline: addDays(today(), 45) });
    expect(approved.json().documentNumber).toMatch(/^鹿应急合规延〔\d{4}〕\d+号$/);
    expect((await shuangyu.post(`/api/extension-requests/${x.id}/refuse`, { reason: 'x' })).json().code).toBe(
      'EXTENSION_TRANSITION',
    );
    const hazard = (await owner.get(`/api/hazards/${id}`)).json();
    expect(hazard).toMatchObject({ deadline: addDays(today(), 45), originalDeadline: addDays(today(), 30) });
    expect(hazard.extensions).toHaveLength(1);
    const [notice] = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.unitId, enterprise.id), eq(notifications.kind, 'extension.approved')));
    expect(notice.link).toBe(`/hazards/${id}`);

    // a refusal needs reasons and is a document too
    const second = (
      await owner.post(`/api/hazards/${id}/extension-requests`, {
        requestedDeadline: addDays(today(), 60),
        reason: '再次申请',
        interimControls: '继续落实',
      })
    ).json();
    expect(
      (await shuangyu.post(`/api/extension-requests/${second.id}/refuse`, { reason: '' })).statusCode,
    ).toBe(400);
    const refused = await shuangyu.post(`/api/extension-requests/${second.id}/refuse`, {
      reason: '已延期一次，请按期完成',
    });
    expect(refused.json()).toMatchObject({ status: 'refused', approvedDeadline: null });
    expect(refused.json().documentId).toBeTruthy();
  });

  it('closes a hazard only with after-evidence, verified by the subdistrict, and can reopen it', async () => {
    const id = hazardIds[1];
    expect((await owner.post(`/api/hazards/${id}/verify`, {})).statusCode).toBe(409);
    const started = await owner.post(`/api/hazards/${id}/start`, { plan: '更换排风管道并设置检测' });
    expect(started.json().status).toBe('rectifying');
    const noEvidence = await owner.post(`/api/hazards/${id}/submit`, {
      closureNote: '已完成',
      afterEvidence: [],
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().code).toBe('HAZARD_AFTER_EVIDENCE_REQUIRED');
    const after = await uploadEvidence(owner, 'hazard', id, '整改后照片');
    const submitted = await owner.post(`/api/hazards/${id}/submit`, {
      closureNote: '已完成',
      afterEvidence: [after],
    });
    expect(submitted.json()).toMatchObject({ status: 'awaiting_verification', abilities: { verify: false } });
    expect((await owner.post(`/api/hazards/${id}/verify`, {})).statusCode).toBe(403);
    expect((await yangyi.post(`/api/hazards/${id}/verify`, {})).statusCode).toBe(404);
    const rejected = await shuangyu.post(`/api/hazards/${id}/reject`, { note: '照片不清晰' });
    expect(rejected.json().status).toBe('rectifying');
    await owner.post(`/api/hazards/${id}/submit`, { afterEvidence: [after] });
    const verified = await shuangyu.post(`/api/hazards/${id}/verify`, { note: '现场复核合格' });
    expect(verified.json()).toMatchObject({ status: 'closed', overdue: false });
    const reopened = await shuangyu.post(`/api/hazards/${id}/reopen`, { reason: '复查发现问题复发' });
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null });
  });

  it('logs every step in order in the enterprise’s event log', async () => {
    const log = (await bureau.get(`/api/audit/events?enterpriseId=${enterprise.id}&pageSize=200`)).json();
    const kinds = (log.items as { kind: string }[]).map((e) => e.kind).reverse();
    const firstOf = (k: string) => kinds.indexOf(k);
    expect(firstOf('commitment.signed')).toBeGreaterThanOrEqual(0);
    const order = [
      'commitment.signed',
      'inspection.started',
      'inspection.answered',
      'inspection.completed',
      'hazard.reported',
      'hazard.updated',
      'extension.requested',
      'extension.approved',
      'hazard.rectification_started',
      'hazard.closure_submitted',
      'hazard.verified',
      'hazard.reopened',
    ];
    const positions = order.map(firstOf);
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(positions),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('copies a completed inspection forward with every answer to review again', async () => {
    const copy = await owner.post('/api/inspections', {
      enterpriseId: enterprise.id,
      kind: 'self',
      copyFromId: inspectionId,
    });
    expect(copy.statusCode, copy.body).toBe(201);
    const body = copy.json();
    expect(body.copiedFromId).toBe(inspectionId);
    expect(body.progress).toMatchObject({ toReview: body.answers.length, answered: 0 });
    expect((await owner.post(`/api/inspections/${body.id}/complete`)).json().code).toBe(
      'INSPECTION_ITEM_UNANSWERED',
    );
    // evidence of the source still counts
    const key = body.answers.find((a: Answer & { evidence: string[] }) => a.isKey && a.evidence.length > 0);
    expect(
      (
        await owner.put(`/api/inspections/${body.id}/answers/${key.itemCode}`, {
          result: 'compliant',
          evidence: key.evidence,
        })
      ).statusCode,
    ).toBe(200);
  });
});
