import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Grid,
  Input,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useSession } from '../../auth/session';
import { applyProblemToForm } from '../../components/form-problem';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useAgencies } from '../agencies/queries';
import {
  chinaToday,
  confirmationStatuses,
  enterpriseUnits,
  isOpen,
  stateColor,
  stateKey,
  statusColor,
  statusKey,
  validityOf,
  type ConfirmationStatus,
  type ConfirmationSummary,
} from './confirmations-logic';
import { confirmationsKey, useConfirmations } from './queries';
import './confirmations.css';

const searchKeys = ['status', 'page'] as const;
const pageSize = 20;

interface RequestValues {
  enterpriseId: string;
  agencyId: string;
  note?: string;
}

/** 委托第三方确认: an active confirmation agency (grade shown; the server explains a refusal) and a note. */
function RequestModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const me = useSession();
  const enterprises = enterpriseUnits(me.roles);
  const [form] = Form.useForm<RequestValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const agencies = useAgencies({ kind: 'confirmation', status: 'active', page: 1, pageSize: 200 }, open);
  const save = useMutation({
    mutationFn: (v: RequestValues) =>
      call(
        api.POST('/api/confirmations', {
          body: { enterpriseId: v.enterpriseId, agencyId: v.agencyId, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: confirmationsKey });
      void message.success(t('confirmations.request.done'));
      form.resetFields();
      onClose();
      void navigate(`/confirmations/${created.id}`);
    },
    onError: (e) => setAlert(applyProblemToForm(form, e, locale, ['enterpriseId', 'agencyId', 'note'])),
  });
  return (
    <Modal
      open={open}
      title={t('confirmations.request.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('confirmations.request.submit')}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('confirmations.request.intro')}</Typography.Paragraph>
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<RequestValues>
        form={form}
        layout="vertical"
        initialValues={{ enterpriseId: enterprises[0]?.id }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="enterpriseId" label={t('confirmations.field.enterprise')} hidden={enterprises.length < 2} rules={[{ required: true }]}>
          <Select options={enterprises.map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
        <Form.Item
          name="agencyId"
          label={t('confirmations.field.agency')}
          rules={[{ required: true, message: t('confirmations.field.agencyRequired') }]}
          extra={t('confirmations.request.gradeHint')}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={agencies.isPending}
            placeholder={t('confirmations.field.agencyPlaceholder')}
            options={(agencies.data?.items ?? []).map((a) => ({
              value: a.id,
              label: a.grade
                ? `${a.name}（${t('agencies.gradeShort', { grade: a.grade })}${a.gradeValidUntil ? ` · ${t('agencies.validUntil', { date: a.gradeValidUntil })}` : ''}）`
                : `${a.name}（${t('confirmations.request.noGrade')}）`,
            }))}
            notFoundContent={agencies.isError ? problemMessage(agencies.error, locale) : undefined}
          />
        </Form.Item>
        <Form.Item name="note" label={t('confirmations.field.note')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function StatusTag({ status }: { status: ConfirmationStatus }) {
  const { t } = useI18n();
  return <Tag color={statusColor[status]}>{t(statusKey(status))}</Tag>;
}

/** The validity of a confirmed one: in force / expired / lapsed, with the end date. */
export function ValidityTag({ c }: { c: Parameters<typeof validityOf>[0] }) {
  const { t } = useI18n();
  const v = validityOf(c, chinaToday());
  if (!v) return null;
  return (
    <Tag color={stateColor[v.state]}>
      {t(stateKey(v.state))}
      {v.until ? ` · ${t('confirmations.validUntil', { date: v.until })}` : ''}
    </Tag>
  );
}

function useWithdraw() {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: (id: string) => call(api.POST('/api/confirmations/{id}/withdraw', { params: { path: { id } }, body: {} })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: confirmationsKey });
      void message.success(t('confirmations.withdraw.done'));
    },
    onError: (e) => void message.error(problemMessage(e, locale)),
  });
  return (c: ConfirmationSummary) =>
    modal.confirm({
      title: t('confirmations.withdraw.confirm'),
      content: c.agencyName,
      okButtonProps: { danger: true },
      onOk: () => withdraw.mutateAsync(c.id).catch(() => undefined),
    });
}

/** 第三方确认: the confirmations the user may see (enterprise: its own; agency: requests to it; bureau: all). */
export default function ConfirmationsPage() {
  const { t, locale } = useI18n();
  const me = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const isEnterprise = enterpriseUnits(me.roles).length > 0;
  const [search, setSearch] = useSearchState(searchKeys);
  const page = pageParam(search.page, 1);
  const status = confirmationStatuses.includes(search.status as ConfirmationStatus)
    ? (search.status as ConfirmationStatus)
    : undefined;
  const list = useConfirmations({ status, page, pageSize });
  const [requesting, setRequesting] = useState(false);
  const withdraw = useWithdraw();
  const items = list.data?.items ?? [];
  const hasOpen = items.some((c) => isOpen(c.status));

  const columns: TableColumnsType<ConfirmationSummary> = [
    {
      title: isEnterprise ? t('confirmations.field.agency') : t('confirmations.field.enterprise'),
      key: 'party',
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <Link to={`/confirmations/${c.id}`}>{isEnterprise ? c.agencyName : c.enterpriseName}</Link>
          {isEnterprise ? null : (
            <Typography.Text type="secondary" className="sc-small">
              {c.agencyName}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('confirmations.field.standard'),
      key: 'standard',
      render: (_, c) => `${c.standardTitle} ${c.versionNumber}`,
    },
    {
      title: t('confirmations.field.status'),
      key: 'status',
      render: (_, c) => (
        <Space size={4} wrap>
          <StatusTag status={c.status} />
          <ValidityTag c={c} />
        </Space>
      ),
    },
    { title: t('confirmations.field.requestedAt'), key: 'requestedAt', render: (_, c) => formatDateTime(c.requestedAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Space size={0}>
          <Link to={`/confirmations/${c.id}`}>
            <Button type="link" size="small">
              {t('confirmations.open')}
            </Button>
          </Link>
          {c.abilities.withdraw ? (
            <Button type="link" size="small" danger onClick={() => withdraw(c)}>
              {t('confirmations.action.withdraw')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('confirmations.title')}
      extra={
        isEnterprise ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting(true)}>
            {t('confirmations.request.button')}
          </Button>
        ) : null
      }
    >
      {isEnterprise ? (
        <Typography.Paragraph type="secondary">{t('confirmations.intro.enterprise')}</Typography.Paragraph>
      ) : null}
      {isEnterprise && hasOpen ? (
        <Alert type="info" showIcon className="sc-form-alert" title={t('confirmations.openExists')} />
      ) : null}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          value={status}
          placeholder={t('confirmations.field.status')}
          style={{ minWidth: 140 }}
          options={confirmationStatuses.map((s) => ({ value: s, label: t(statusKey(s)) }))}
          onChange={(s?: string) => setSearch({ status: s, page: undefined })}
        />
      </Space>
      {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, locale)} /> : null}
      {compact ? (
        <List
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: t('confirmations.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: (p) => setSearch({ page: p }),
            size: 'small',
          }}
          renderItem={(c) => (
            <List.Item
              actions={
                c.abilities.withdraw
                  ? [
                      <Button key="w" type="link" size="small" danger onClick={() => withdraw(c)}>
                        {t('confirmations.action.withdraw')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <Link to={`/confirmations/${c.id}`} className="sc-cf-row">
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{isEnterprise ? c.agencyName : c.enterpriseName}</Typography.Text>
                    <StatusTag status={c.status} />
                    <ValidityTag c={c} />
                  </Space>
                  <Typography.Text type="secondary" className="sc-small">
                    {isEnterprise ? '' : `${c.agencyName} · `}
                    {formatDateTime(c.requestedAt)}
                  </Typography.Text>
                </Space>
                <RightOutlined />
              </Link>
            </List.Item>
          )}
        />
      ) : (
        <Table<ConfirmationSummary>
          rowKey="id"
          columns={columns}
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: t('confirmations.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p) => setSearch({ page: p }),
            showSizeChanger: false,
          }}
        />
      )}
      <RequestModal open={requesting} onClose={() => setRequesting(false)} />
    </Card>
  );
}
