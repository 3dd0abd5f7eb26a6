/** Pure logic of the notifications bell and page: URL state → list query, safe links, what a click does. */
import type { QueryOf, ResponseBody } from '../../api/types';

export type NotificationPage = ResponseBody<'/api/notifications', 'get'>;
export type NotificationItem = NotificationPage['items'][number];
export type NotificationListQuery = QueryOf<'/api/notifications'>;

/** the bell asks again every minute (and when the window gets the focus back) */
export const pollIntervalMs = 60_000;
/** how many the bell's list shows */
export const latestCount = 10;

export const notificationSearchKeys = ['filter', 'page', 'size'] as const;
export type NotificationSearch = Partial<Record<(typeof notificationSearchKeys)[number], string>>;
export const pageSizes = [20, 50, 100];

/** The URL's filter and paging as the list query (malformed values dropped). */
export function notificationListQuery(search: NotificationSearch): NotificationListQuery {
  const page = Number(search.page);
  const size = Number(search.size);
  const query: NotificationListQuery = {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: pageSizes.includes(size) ? size : pageSizes[0],
  };
  if (search.filter === 'unread') query.unread = true;
  return query;
}

/**
 * The route a notification opens, or null. Only a path of this app is followed: a full URL, a protocol-relative
 * `//host` or a `javascript:` link (the server refuses them when sending, this is the second lock) is not.
 */
export function appLink(link: string | null | undefined): string | null {
  if (!link || !/^\/(?![/\\])\S*$/.test(link)) return null;
  return link;
}

/** What clicking a notification does: mark it read unless it is, then go where it points (if anywhere). */
export function clickPlan(item: Pick<NotificationItem, 'read' | 'link'>): {
  markRead: boolean;
  navigateTo: string | null;
} {
  return { markRead: !item.read, navigateTo: appLink(item.link) };
}
