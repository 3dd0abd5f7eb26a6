import type { NotificationWithRead } from './queries.js';

export function presentNotification(row: NotificationWithRead) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    entityType: row.entityType,
    entityId: row.entityId,
    unitKind: row.unitKind,
    unitId: row.unitId,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
