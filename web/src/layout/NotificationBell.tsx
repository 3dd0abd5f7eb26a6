import { BellOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Drawer, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { problemMessage } from '../api/problem';
import { useI18n } from '../i18n';
import { NotificationList } from '../pages/notifications/NotificationList';
import { useLatestNotifications, useMarkAllRead, useOpenNotification } from '../pages/notifications/queries';

/**
 * The bell in the header: the unread count (asked every minute and when the window gets the focus back), the
 * latest ten in a popover (a drawer on phones), 全部已读, and a link to /notifications.
 */
export function NotificationBell({ compact }: { compact: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const latest = useLatestNotifications();
  const markAll = useMarkAllRead();
  const openItem = useOpenNotification(() => setOpen(false));
  const unread = latest.data?.unreadCount ?? 0;

  const panel = (
    <div className={compact ? 'sc-ntf-panel sc-ntf-panel-fill' : 'sc-ntf-panel'}>
      <div className="sc-ntf-panel-head">
        <Typography.Text strong>
          {t('notifications.latest')}
          {unread > 0 ? (
            <Typography.Text type="secondary">
              {' '}
              · {t('notifications.unreadCount', { n: unread })}
            </Typography.Text>
          ) : null}
        </Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: () => void message.success(t('notifications.allMarked')),
              onError: (error) => void message.error(problemMessage(error, locale)),
            })
          }
        >
          {t('notifications.markAllRead')}
        </Button>
      </div>
      <div className="sc-ntf-panel-list">
        {latest.isPending ? (
          <Spin className="sc-full-width" />
        ) : latest.isError && !latest.data ? (
          <Alert type="error" showIcon title={problemMessage(latest.error, locale)} />
        ) : (
          <NotificationList
            compact
            items={latest.data?.items ?? []}
            onOpen={openItem}
            empty={t('notifications.empty')}
          />
        )}
      </div>
      <div className="sc-ntf-panel-foot">
        <Button
          type="link"
          onClick={() => {
            setOpen(false);
            void navigate('/notifications');
          }}
        >
          {t('notifications.viewAll')}
        </Button>
      </div>
    </div>
  );

  const bell = (
    <Button
      type="text"
      className="sc-ntf-bell"
      aria-label={t('notifications.bell', { n: unread })}
      onClick={compact ? () => setOpen(true) : undefined}
      icon={
        <Badge count={unread} size="small" overflowCount={99} offset={[4, -2]}>
          <BellOutlined />
        </Badge>
      }
    />
  );

  if (compact) {
    return (
      <>
        {bell}
        <Drawer
          placement="right"
          size={Math.min(360, typeof window === 'undefined' ? 360 : window.innerWidth)}
          open={open}
          onClose={() => setOpen(false)}
          title={t('notifications.title')}
          styles={{ body: { padding: 12 } }}
        >
          {panel}
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      content={panel}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      arrow={false}
    >
      {bell}
    </Popover>
  );
}
