import { Type } from 'typebox';
import { Nullable, PageQuery, Uuid } from '../../platform/http/schemas.js';

export const NotificationView = Type.Object(
  {
    id: Uuid,
    kind: Type.String(),
    title: Type.String(),
    body: Type.String(),
    /** a route of the web app, e.g. /hazards/<id> */
    link: Nullable(Type.String()),
    entityType: Nullable(Type.String()),
    entityId: Nullable(Uuid),
    unitKind: Type.String(),
    unitId: Uuid,
    createdAt: Type.String({ format: 'date-time' }),
    /** read by the caller (reads are per user) */
    read: Type.Boolean(),
    readAt: Nullable(Type.String({ format: 'date-time' })),
  },
  { $id: 'Notification' },
);

export const NotificationList = Type.Object({
  total: Type.Integer(),
  /** the caller's unread notifications, whatever the filter */
  unreadCount: Type.Integer(),
  items: Type.Array(NotificationView),
});

export const NotificationListQuery = Type.Object(
  {
    /** only the unread ones */
    unread: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const UnreadCount = Type.Object({ unreadCount: Type.Integer() });

export const ReadAllResult = Type.Object({
  /** how many were marked read */
  marked: Type.Integer(),
  unreadCount: Type.Integer(),
});
