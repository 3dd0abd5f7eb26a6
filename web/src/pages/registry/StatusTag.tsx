import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { statusColors, statusText, type Enterprise } from './registry-logic';

/** An enterprise's operating status (在营 / 停产停业 / 关闭 / 注销) as a coloured tag. */
export function StatusTag({ status }: { status: Enterprise['operatingStatus'] }) {
  const { locale } = useI18n();
  return <Tag color={statusColors[status]}>{statusText(status, locale)}</Tag>;
}
