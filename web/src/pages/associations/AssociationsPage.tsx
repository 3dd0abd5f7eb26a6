import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Grid,
  List,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { problemMessage } from '../../api/problem';
import { useAccess, useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { useIndustryNames } from '../standards/queries';
import { industryText } from '../standards/standards-logic';
import { AdoptDrawer } from './AdoptDrawer';
import { ownAssociations } from './association-logic';
import {
  useAssociations,
  useSelfDisciplineStandards,
  type Association,
  type SelfDisciplineSummary,
} from './queries';
import { RegisterAssociationDrawer } from './RegisterAssociationDrawer';
import { SelfDisciplineStatusTag } from './StatusTag';

/** One association's self-discipline standards, with 制定 for its own users. */
function OwnStandards({ association }: { association: { id: string; name: string } }) {
  const { t } = useI18n();
  const list = useSelfDisciplineStandards(association.id);
  const [adopting, setAdopting] = useState(false);
  return (
    <Card
      title={t('associations.own.title', { name: association.name })}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdopting(true)}>
          {t('associations.adopt.button')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      <StandardsList list={list} />
      <AdoptDrawer association={adopting ? association : null} onClose={() => setAdopting(false)} />
    </Card>
  );
}

function StandardsList({ list }: { list: ReturnType<typeof useSelfDisciplineStandards> }) {
  const { t, locale } = useI18n();
  if (list.isError) return <Alert type="error" showIcon title={problemMessage(list.error, locale)} />;
  return (
    <List<SelfDisciplineSummary>
      loading={list.isPending}
      dataSource={list.data ?? []}
      locale={{ emptyText: <Empty description={t('associations.standards.none')} /> }}
      renderItem={(s) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <Space wrap>
              <Link to={`/self-discipline-standards/${s.id}`}>
                <Typography.Text strong>{s.title}</Typography.Text>
              </Link>
              <SelfDisciplineStatusTag status={s.status} />
            </Space>
            <Typography.Text type="secondary" className="sc-small">
              {s.associationName} · {t('associations.standards.itemCount', { n: s.itemCount })} ·{' '}
              {s.createdAt.slice(0, 10)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 行业协会: the register of the jurisdiction, its self-discipline standards, and the association user's own. */
export default function AssociationsPage() {
  const { t, locale } = useI18n();
  const access = useAccess();
  const me = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const list = useAssociations();
  const all = useSelfDisciplineStandards(undefined);
  const industryNames = useIndustryNames();
  const [registering, setRegistering] = useState(false);
  const own = useMemo(() => ownAssociations(me.roles), [me.roles]);

  const scope = (a: Association) =>
    a.industryScope.map((code) => <Tag key={code}>{industryText(code, industryNames)}</Tag>);
  const contact = (a: Association) => [a.contactName, a.contactPhone].filter(Boolean).join(' ') || '—';
  const columns: TableColumnsType<Association> = [
    {
      title: t('associations.field.name'),
      key: 'name',
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{a.name}</Typography.Text>
          <Typography.Text type="secondary" className="sc-small">
            {a.uscc}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('associations.field.industryScope'), key: 'scope', render: (_, a) => scope(a) },
    { title: t('associations.field.contact'), key: 'contact', render: (_, a) => contact(a) },
    {
      title: t('associations.field.status'),
      key: 'status',
      render: (_, a) =>
        a.status === 'active' ? (
          <Tag color="green">{t('associations.status.registered')}</Tag>
        ) : (
          <Tag>{a.status}</Tag>
        ),
    },
  ];

  return (
    <>
      {own.map((a) => (
        <OwnStandards key={a.id} association={a} />
      ))}
      <Card
        title={t('associations.title')}
        extra={
          access.abilities.manageAssociations ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              {t('associations.register.button')}
            </Button>
          ) : null
        }
        style={{ marginBottom: 16 }}
      >
        {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, locale)} /> : null}
        {compact ? (
          <List<Association>
            loading={list.isPending}
            dataSource={list.data ?? []}
            renderItem={(a) => (
              <List.Item>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Typography.Text strong>{a.name}</Typography.Text>
                  <Typography.Text type="secondary" className="sc-small">
                    {a.uscc} · {contact(a)}
                  </Typography.Text>
                  <div>{scope(a)}</div>
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Table<Association>
            rowKey="id"
            columns={columns}
            loading={list.isPending}
            dataSource={list.data ?? []}
            pagination={false}
          />
        )}
      </Card>
      <Card title={t('associations.standards.title')}>
        <Typography.Paragraph type="secondary">{t('associations.standards.intro')}</Typography.Paragraph>
        <StandardsList list={all} />
      </Card>
      <RegisterAssociationDrawer open={registering} onClose={() => setRegistering(false)} />
    </>
  );
}
