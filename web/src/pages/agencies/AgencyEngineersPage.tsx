import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { problemMessage } from '../../api/problem';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { agencyUnits } from '../confirmations/confirmations-logic';
import { useEngineers } from '../confirmations/queries';
import { AgencyRecordCard, EngineerList, EngineerModal } from './Engineers';

/** One agency's engineers: list (pending status and the bureau's note shown), add, edit; and its record. */
function AgencyEngineers({ agency }: { agency: { id: string; name: string } }) {
  const { t, locale } = useI18n();
  const [adding, setAdding] = useState(false);
  const list = useEngineers({ agencyId: agency.id });
  return (
    <>
      <Card
        title={t('engineers.agency.title', { agency: agency.name })}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('engineers.add.button')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('engineers.agency.intro')}</Typography.Paragraph>
        {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, locale)} /> : null}
        <EngineerList engineers={list.data ?? []} loading={list.isPending} />
      </Card>
      <AgencyRecordCard agencyId={agency.id} />
      <EngineerModal open={adding} agencyId={agency.id} onClose={() => setAdding(false)} />
    </>
  );
}

/** 注册安全工程师 (agency users): the engineers of their agency (or agencies), kept here and approved by the bureau. */
export default function AgencyEngineersPage() {
  const me = useSession();
  const agencies = agencyUnits(me.roles);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {agencies.map((a) => (
        <AgencyEngineers key={a.id} agency={a} />
      ))}
    </Space>
  );
}
