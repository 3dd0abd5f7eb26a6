import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { versionStatusMeta } from './standards-logic';

/** A version's status (草稿 / 已发布 / 已备案 / 已废止) as a coloured tag. */
export function VersionStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const meta = versionStatusMeta(status);
  return <Tag color={meta.color}>{meta.key ? t(meta.key) : status}</Tag>;
}
