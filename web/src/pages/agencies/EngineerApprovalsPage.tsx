import { Alert, Card, Segmented, Typography } from 'antd';
import { problemMessage } from '../../api/problem';
import { useSearchState } from '../../components/use-search-state';
import { useI18n } from '../../i18n';
import {
  engineerQueueOrder,
  engineerStatusKey,
  engineerStatuses,
  type EngineerStatus,
} from '../confirmations/confirmations-logic';
import { useEngineers } from '../confirmations/queries';
import { EngineerList } from './Engineers';

/** 工程师审核 (bureau): every agency's engineers, pending first; approve, reject with a note, revoke. */
export default function EngineerApprovalsPage() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchState(['status'] as const);
  const status = engineerStatuses.includes(search.status as EngineerStatus) ? (search.status as EngineerStatus) : undefined;
  const list = useEngineers(status ? { status } : {});
  const pending = useEngineers({ status: 'pending' });
  return (
    <Card title={t('engineers.queue.title')}>
      <Typography.Paragraph type="secondary">
        {t('engineers.queue.intro', { n: pending.data?.length ?? 0 })}
      </Typography.Paragraph>
      <div style={{ marginBottom: 16, overflowX: 'auto' }}>
        <Segmented
          value={status ?? 'all'}
          options={[
            { value: 'all', label: t('engineers.queue.all') },
            ...engineerStatuses.map((s) => ({ value: s, label: t(engineerStatusKey(s)) })),
          ]}
          onChange={(v) => setSearch({ status: v === 'all' ? undefined : String(v) })}
        />
      </div>
      {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, locale)} /> : null}
      <EngineerList
        engineers={engineerQueueOrder(list.data ?? [])}
        loading={list.isPending}
        showAgency
        empty={status === 'pending' ? t('engineers.queue.nonePending') : undefined}
      />
    </Card>
  );
}
