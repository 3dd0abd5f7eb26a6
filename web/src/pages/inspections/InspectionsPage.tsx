import { CopyOutlined, PlayCircleOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useSession } from '../../auth/session';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { applyProblemToForm } from '../../components/form-problem';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { ownEnterpriseIds } from '../registry/registry-logic';
import { inspectionsKey, readinessKey } from '../readiness/queries';
import { copySource, inProgress, type InspectionSummary } from './inspections-logic';
import { useInspections } from './queries';
import './inspections.css';

const searchKeys = ['enterpriseId', 'status', 'kind', 'page'] as const;
const pageSize = 20;

type StartBody = { enterpriseId: string; kind: InspectionSummary['kind']; copyFromId?: string };

function useStart() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: StartBody) => call(api.POST('/api/inspections', { body })),
    onSuccess: (detail) => {
      void queryClient.invalidateQueries({ queryKey: inspectionsKey });
      void queryClient.invalidateQueries({ queryKey: readinessKey });
      void navigate(`/inspections/${detail.id}`);
    },
  });
}

/** Enterprise user: start (or continue) the self-inspection of its enterprise, optionally from the last results. */
function SelfStart({ enterpriseId }: { enterpriseId: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const own = useInspections({ enterpriseId, kind: 'self', page: 1, pageSize: 50 });
  const start = useStart();
  if (!own.data) return null;
  const current = inProgress(own.data.items, 'self');
  const source = copySource(own.data.items, 'self');
  if (current) {
    return (
      <Link to={`/inspections/${current.id}`}>
        <Button type="primary" size="large" icon={<RightOutlined />} block>
          {t('inspections.continue')}
        </Button>
      </Link>
    );
  }
  const run = (body: StartBody) => start.mutate(body, { onError: (e) => void message.error(problemMessage(e, locale)) });
  return (
    <Space direction="vertical" className="sc-full-width">
      <Button
        type="primary"
        size="large"
        block
        icon={<PlayCircleOutlined />}
        loading={start.isPending && !start.variables?.copyFromId}
        onClick={() => run({ enterpriseId, kind: 'self' })}
      >
        {t('inspections.start')}
      </Button>
      {source ? (
        <>
          <Button
            size="large"
            block
            icon={<CopyOutlined />}
            loading={start.isPending && Boolean(start.variables?.copyFromId)}
            onClick={() => run({ enterpriseId, kind: 'self', copyFromId: source.id })}
          >
            {t('inspections.startCopy')}
          </Button>
          <Typography.Text type="secondary" className="sc-small">
            {t('inspections.startCopy.hint', { date: formatDateTime(source.completedAt).slice(0, 10) })}
          </Typography.Text>
        </>
      ) : null}
    </Space>
  );
}

/** Agency user: start a first inspection of an enterprise it serves (the select lists only enterprises it sees). */
function AgencyStartModal({ open, enterpriseId, onClose }: { open: boolean; enterpriseId?: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ enterpriseId: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const start = useStart();
  return (
    <Modal
      open={open}
      title={t('inspections.startAgency.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('inspections.startAgency.submit')}
      okButtonProps={{ loading: start.isPending }}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ enterpriseId }}
        onFinish={(v) => {
          setAlert(null);
          start.mutate(
            { enterpriseId: v.enterpriseId, kind: 'agency_first' },
            { onError: (e) => setAlert(applyProblemToForm(form, e, locale, ['enterpriseId'])) },
          );
        }}
      >
        <Form.Item
          name="enterpriseId"
          label={t('inspections.startAgency.enterprise')}
          rules={[{ required: true, message: t('inspections.startAgency.enterpriseRequired') }]}
        >
          <EnterpriseSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function InspectionItem({ item, showEnterprise }: { item: InspectionSummary; showEnterprise: boolean }) {
  const { t } = useI18n();
  return (
    <List.Item className="sc-insp-row">
      <Link to={`/inspections/${item.id}`} className="sc-insp-row-link">
        <span className="sc-insp-row-body">
          {showEnterprise ? <span className="sc-insp-row-enterprise">{item.enterpriseName}</span> : null}
          <span className="sc-insp-row-title">
            {item.standardTitle} <Typography.Text type="secondary">{item.versionNumber}</Typography.Text>
          </span>
          <span className="sc-insp-row-tags">
            <Tag>{t(`inspections.kind.${item.kind}`)}</Tag>
            <Tag color={item.status === 'completed' ? 'green' : 'blue'}>{t(`inspections.status.${item.status}`)}</Tag>
            {item.copiedFromId ? <Tag>{t('inspections.copied')}</Tag> : null}
          </span>
          <Typography.Text type="secondary" className="sc-small">
            {item.completedAt
              ? t('inspections.completedAt', { date: formatDateTime(item.completedAt) })
              : t('inspections.startedAt', { date: formatDateTime(item.startedAt) })}
          </Typography.Text>
        </span>
        <RightOutlined className="sc-insp-row-arrow" />
      </Link>
    </List.Item>
  );
}

/**
 * 自查: the inspections the user can see (the server scopes the list). Enterprise users start or continue their
 * self-inspection here; agency users start a first inspection of an enterprise they serve.
 */
export default function InspectionsPage() {
  const me = useSession();
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchState(searchKeys);
  const [agencyOpen, setAgencyOpen] = useState(false);
  const ownIds = ownEnterpriseIds(me.roles);
  const isEnterprise = ownIds.length > 0;
  const isAgency = me.roles.some((r) => r.role === 'agency_user');
  const ownId = search.enterpriseId && ownIds.includes(search.enterpriseId) ? search.enterpriseId : ownIds[0];
  const page = pageParam(search.page, 1);
  const status = search.status === 'in_progress' || search.status === 'completed' ? search.status : undefined;
  const kind = search.kind === 'self' || search.kind === 'agency_first' ? search.kind : undefined;
  const list = useInspections({
    enterpriseId: search.enterpriseId || undefined,
    status,
    kind,
    page,
    pageSize,
  });
  const showEnterprise = !isEnterprise || ownIds.length > 1;

  return (
    <Space direction="vertical" size="middle" className="sc-full-width">
      {isEnterprise && ownId ? (
        <Card title={t('inspections.kind.self')} size="small">
          <SelfStart enterpriseId={ownId} />
        </Card>
      ) : null}
      <Card
        title={t('inspections.title')}
        extra={
          isAgency ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAgencyOpen(true)}>
              {t('inspections.startAgency')}
            </Button>
          ) : null
        }
      >
        <div className="sc-toolbar">
          {!isEnterprise ? (
            <div className="sc-insp-filter-enterprise">
              <EnterpriseSelect
                value={search.enterpriseId ?? null}
                placeholder={t('inspections.filter.enterprise')}
                onChange={(id) => setSearch({ enterpriseId: id, page: null })}
              />
            </div>
          ) : null}
          <Select
            allowClear
            className="sc-filter-select"
            placeholder={t('inspections.filter.kind')}
            value={kind}
            onChange={(v?: string) => setSearch({ kind: v, page: null })}
            options={(['self', 'agency_first'] as const).map((k) => ({ value: k, label: t(`inspections.kind.${k}`) }))}
          />
          <Select
            allowClear
            className="sc-filter-select"
            placeholder={t('inspections.filter.status')}
            value={status}
            onChange={(v?: string) => setSearch({ status: v, page: null })}
            options={(['in_progress', 'completed'] as const).map((s) => ({ value: s, label: t(`inspections.status.${s}`) }))}
          />
        </div>
        {list.isError ? (
          <Alert type="error" showIcon title={t('common.loadFailed')} description={problemMessage(list.error, locale)} />
        ) : null}
        <List
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('inspections.empty') }}
          renderItem={(item) => <InspectionItem item={item} showEnterprise={showEnterprise} />}
          pagination={
            (list.data?.total ?? 0) > pageSize
              ? {
                  current: page,
                  pageSize,
                  total: list.data?.total,
                  showSizeChanger: false,
                  size: 'small',
                  onChange: (p) => setSearch({ page: p === 1 ? null : p }),
                }
              : false
          }
        />
      </Card>
      {isAgency ? (
        <AgencyStartModal open={agencyOpen} enterpriseId={search.enterpriseId} onClose={() => setAgencyOpen(false)} />
      ) : null}
    </Space>
  );
}
