import { Card, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import type { NoticeDetail } from './types';

type Row = NoticeDetail['entries'][number];

/** 已入库企业: the entries a published notice created, with their white-list numbers. */
export function PublishedEntries({ entries }: { entries: readonly Row[] }) {
  const { t } = useI18n();
  const columns: TableColumnsType<Row> = [
    {
      title: t('whitelistAdmin.field.entryNumber'),
      key: 'number',
      render: (_, r) => (
        <Link to={`/whitelist/entries/${r.id}`} className="sc-mono">
          {r.number}
        </Link>
      ),
    },
    { title: t('whitelistAdmin.field.enterprise'), dataIndex: 'enterpriseName', key: 'enterprise' },
  ];
  return (
    <Card size="small" title={t('whitelistAdmin.publish.entries', { n: entries.length })}>
      {entries.length === 0 ? (
        <Typography.Text type="secondary">{t('whitelistAdmin.publish.noEntries')}</Typography.Text>
      ) : (
        <Table<Row> rowKey="id" size="small" columns={columns} dataSource={[...entries]} pagination={false} />
      )}
    </Card>
  );
}
