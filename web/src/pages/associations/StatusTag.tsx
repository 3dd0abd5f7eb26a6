import { Tag } from 'antd';
import { useI18n } from '../../i18n';

/** 有效 / 已撤回 of a self-discipline standard. */
export function SelfDisciplineStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return status === 'active' ? (
    <Tag color="green">{t('associations.status.active')}</Tag>
  ) : (
    <Tag>{t('associations.status.withdrawn')}</Tag>
  );
}
