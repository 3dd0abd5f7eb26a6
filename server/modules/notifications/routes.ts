import { actorOf } from '../../platform/auth/plugin.js';
import { inTransaction } from '../../platform/db/tx.js';
import { IdParams, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { markAllRead, markRead } from './commands/mark-read.js';
import { presentNotification } from './present.js';
import { listNotifications, unreadCount } from './queries.js';
import * as S from './schemas.js';

const tags = ['notifications'];

/** The caller's notifications: those addressed to a unit they are bound to. Reads are the caller's own. */
export function notificationRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: '我的通知（发给本人所属单位的通知，最新在前；unread=true 只列未读）',
        querystring: S.NotificationListQuery,
        response: responses({ 200: S.NotificationList }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const page = await listNotifications(db, actor, {
        unread: req.query.unread === true,
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 20,
      });
      return { total: page.total, unreadCount: page.unreadCount, items: page.items.map(presentNotification) };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: '标记通知为已读（仅本人）',
        params: IdParams,
        response: responses({ 200: S.UnreadCount }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await inTransaction(db, (tx) => markRead(tx, actor, req.params.id));
      return { unreadCount: await unreadCount(db, actor) };
    },
  );

  app.post(
    '/api/notifications/read-all',
    { schema: { tags, summary: '全部标记为已读（仅本人）', response: responses({ 200: S.ReadAllResult }) } },
    async (req) => {
      const actor = actorOf(req);
      const marked = await inTransaction(db, (tx) => markAllRead(tx, actor));
      return { marked, unreadCount: await unreadCount(db, actor) };
    },
  );
}
