import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Pagination, Segmented, Space, Spin, Typography } from 'antd';
import { problemMessage } from '../../api/problem';
import { useSearchState } from '../../components/use-search-state';
import { useI18n } from '../../i18n';
import { NotificationList } from './NotificationList';
import { notificationListQuery, notificationSearchKeys, pageSizes } from './notifications-logic';
import { useMarkAllRead, useNotificationPage, useOpenNotification } from './queries';

type Filter = 'all' | 'unread';

/** 通知: every notification addressed to the user's units, newest first, paged; filter and page in the URL. */
export default function NotificationsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchState(notificationSearchKeys);
  const query = notificationListQuery(search);
  const page = useNotificationPage(query);
  const markAll = useMarkAllRead();
  const openItem = useOpenNotification();
  const filter: Filter = query.unread ? 'unread' : 'all';
  const unread = page.data?.unreadCount ?? 0;

  return (
    <Space orientation="vertical" size={16} className="sc-full-width">
      <Typography.Title level={4} className="sc-ntf-page-title">
        {t('notifications.title')}
      </Typography.Title>
      <Card size="small">
        <div className="sc-ntf-panel-head sc-ntf-toolbar">
          <Space wrap>
            <Segmented<Filter>
              value={filter}
              onChange={(value) => setSearch({ filter: value === 'unread' ? 'unread' : null, page: null })}
              options={[
                { value: 'all', label: t('notifications.filter.all') },
                {
                  value: 'unread',
                  label: `${t('notifications.filter.unread')}${unread > 0 ? ` (${unread})` : ''}`,
                },
              ]}
            />
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void page.refetch()}
              aria-label={t('common.refresh')}
            />
          </Space>
          <Button
            icon={<CheckOutlined />}
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
        {page.isError && !page.data ? (
          <Alert type="error" showIcon title={problemMessage(page.error, locale)} className="sc-ntf-alert" />
        ) : page.isPending ? (
          <div className="sc-page-loading">
            <Spin />
          </div>
        ) : (
          <>
            <NotificationList
              items={page.data.items}
              onOpen={openItem}
              empty={t(filter === 'unread' ? 'notifications.emptyUnread' : 'notifications.empty')}
            />
            {page.data.total > query.pageSize! ? (
              <Pagination
                className="sc-ntf-pager"
                align="end"
                size="small"
                current={query.page}
                pageSize={query.pageSize}
                total={page.data.total}
                pageSizeOptions={pageSizes}
                showSizeChanger
                showTotal={(total) => t('common.total', { total })}
                onChange={(p, size) =>
                  setSearch({ page: p === 1 ? null : p, size: size === pageSizes[0] ? null : size })
                }
              />
            ) : null}
          </>
        )}
      </Card>
    </Space>
  );
}
