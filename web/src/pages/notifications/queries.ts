import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import {
  clickPlan,
  latestCount,
  pollIntervalMs,
  type NotificationItem,
  type NotificationListQuery,
} from './notifications-logic';

/** Query keys of the notifications: every change invalidates `notificationsKey` (the bell and the page). */
export const notificationsKey = ['notifications'] as const;

/** The latest ones and the unread count, for the bell: polled every minute and on window focus. */
export function useLatestNotifications() {
  return useQuery({
    queryKey: [...notificationsKey, 'latest'],
    queryFn: () =>
      call(api.GET('/api/notifications', { params: { query: { page: 1, pageSize: latestCount } } })),
    refetchInterval: pollIntervalMs,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

export function useNotificationPage(query: NotificationListQuery) {
  return useQuery({
    queryKey: [...notificationsKey, 'page', query],
    queryFn: () => call(api.GET('/api/notifications', { params: { query } })),
    placeholderData: (previous) => previous,
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/notifications/read-all')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

/** Clicking a notification: mark it read (in the background), then open its link. */
export function useOpenNotification(onOpened?: () => void) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const markRead = useMutation({
    mutationFn: (id: string) => call(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
  return (item: NotificationItem) => {
    const plan = clickPlan(item);
    if (plan.markRead) markRead.mutate(item.id);
    if (plan.navigateTo) {
      onOpened?.();
      void navigate(plan.navigateTo);
    }
  };
}
