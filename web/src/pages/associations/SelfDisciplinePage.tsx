import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n';
import { useVersion } from '../standards/queries';
import { moduleName } from '../standards/standards-logic';
import { groupItems } from './association-logic';
import { SelfDisciplineStatusTag } from './StatusTag';
import { associationsKey, useSelfDiscipline } from './queries';
import './associations.css';

/** 自律共治标准: the items taken from the referenced version, grouped by module; withdraw for the association. */
export default function SelfDisciplinePage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useSelfDiscipline(id);
  // the version's module names (industry modules are named by the version)
  const version = useVersion(detail.data?.standardVersionId);
  const groups = useMemo(
    () => groupItems(detail.data?.items ?? [], version.data?.modules ?? []),
    [detail.data, version.data],
  );
  const withdraw = useMutation({
    mutationFn: () =>
      call(api.POST('/api/self-discipline-standards/{id}/withdraw', { params: { path: { id: id! } } })),
    onSuccess: (saved) => {
      queryClient.setQueryData([...associationsKey, 'self-discipline', 'detail', id], saved);
      void queryClient.invalidateQueries({ queryKey: associationsKey });
      void message.success(t('associations.withdraw.done'));
    },
    onError: (e) => void message.error(problemMessage(e, locale)),
  });

  if (detail.isError) return <Alert type="error" showIcon title={problemMessage(detail.error, locale)} />;
  if (!detail.data) return <Spin />;
  const s = detail.data;
  const keyCount = s.items.filter((i) => i.isKey).length;
  return (
    <Card
      title={
        <Space wrap>
          {s.title}
          <SelfDisciplineStatusTag status={s.status} />
        </Space>
      }
      extra={
        s.abilities.withdraw ? (
          <Popconfirm
            title={t('associations.withdraw.confirm')}
            onConfirm={() => withdraw.mutate()}
            okButtonProps={{ danger: true }}
          >
            <Button danger loading={withdraw.isPending}>
              {t('associations.withdraw.button')}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'association', label: t('associations.detail.association'), children: s.associationName },
          {
            key: 'version',
            label: t('associations.detail.version'),
            children: (
              <Link to={`/standards/versions/${s.standardVersionId}`}>
                {s.standardTitle} v{s.versionNumber}
              </Link>
            ),
          },
          {
            key: 'items',
            label: t('associations.detail.items'),
            children: t('associations.detail.itemCounts', { n: s.items.length, key: keyCount }),
          },
          { key: 'created', label: t('associations.detail.createdAt'), children: s.createdAt.slice(0, 10) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('associations.detail.byReference')}
      </Typography.Paragraph>
      {groups.map((g, index) => (
        <section key={g.module.code} className="sc-assoc-module">
          <div className="sc-assoc-module-head">
            <Typography.Text strong>
              {index + 1}. {moduleName(g.module, locale)}
            </Typography.Text>
          </div>
          {g.items.map((item) => (
            <div key={item.code} className="sc-assoc-item">
              <Typography.Text code>{item.code}</Typography.Text>{' '}
              {item.isKey ? <Tag color="red">{t('associations.item.key')}</Tag> : null}
              {item.requirement}
            </div>
          ))}
        </section>
      ))}
    </Card>
  );
}
