import { api, call } from '../../api/client';
import {
  batchBody,
  opinionBody,
  reasonBody,
  solicitBody,
  withdrawBody,
  type OpinionAnswer,
} from './whitelist-logic';

/** One step on an application, as the detail page and the status card send it. */
export type ActionInput =
  | { action: 'submit' }
  | { action: 'review' }
  | { action: 'withdraw'; reason?: string }
  | { action: 'return' | 'reject'; reason: string }
  | { action: 'solicit'; departmentIds: string[] }
  | { action: 'opinion'; answer: OpinionAnswer; reason?: string };

export function createApplication(enterpriseId: string) {
  return call(api.POST('/api/whitelist/applications', { body: { enterpriseId } }));
}

export async function runAction(id: string, input: ActionInput): Promise<unknown> {
  const path = { params: { path: { id } } };
  switch (input.action) {
    case 'submit':
      return call(api.POST('/api/whitelist/applications/{id}/submit', path));
    case 'review':
      return call(api.POST('/api/whitelist/applications/{id}/review', path));
    case 'withdraw':
      return call(api.POST('/api/whitelist/applications/{id}/withdraw', { ...path, body: withdrawBody(input.reason) }));
    case 'return':
      return call(api.POST('/api/whitelist/applications/{id}/return', { ...path, body: reasonBody(input.reason) }));
    case 'reject':
      return call(api.POST('/api/whitelist/applications/{id}/reject', { ...path, body: reasonBody(input.reason) }));
    case 'solicit':
      return call(
        api.POST('/api/whitelist/applications/{id}/opinions', { ...path, body: solicitBody(input.departmentIds) }),
      );
    case 'opinion':
      return call(
        api.POST('/api/whitelist/applications/{id}/opinion', { ...path, body: opinionBody(input.answer, input.reason) }),
      );
  }
}

export function createBatch(applicationIds: readonly string[], note?: string) {
  return call(api.POST('/api/whitelist/batches', { body: batchBody(applicationIds, note) }));
}
