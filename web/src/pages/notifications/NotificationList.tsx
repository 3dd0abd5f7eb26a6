import { Empty, Typography } from 'antd';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import type { NotificationItem } from './notifications-logic';
import './notifications.css';

/**
 * Notifications as a list of buttons (keyboard and screen readers included): unread ones carry a dot and bold
 * titles; a click is handled by the caller (mark read + open the link).
 */
export function NotificationList({
  items,
  onOpen,
  empty,
  compact = false,
}: {
  items: NotificationItem[];
  onOpen: (item: NotificationItem) => void;
  empty: string;
  compact?: boolean;
}) {
  const { t } = useI18n();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <ul className={compact ? 'sc-ntf-list sc-ntf-list-compact' : 'sc-ntf-list'}>
      {items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            className={item.read ? 'sc-ntf-item' : 'sc-ntf-item sc-ntf-unread'}
            onClick={() => onOpen(item)}
          >
            <span className="sc-ntf-dot" aria-label={item.read ? undefined : t('notifications.unread')} />
            <span className="sc-ntf-text">
              <span className="sc-ntf-title">{item.title}</span>
              {item.body ? (
                <Typography.Paragraph
                  type="secondary"
                  className="sc-ntf-body"
                  ellipsis={compact ? { rows: 2 } : false}
                >
                  {item.body}
                </Typography.Paragraph>
              ) : null}
              <span className="sc-ntf-time">{formatDateTime(item.createdAt)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
