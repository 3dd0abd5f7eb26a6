import { FilePdfOutlined, StopOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Grid,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { applyProblemToForm } from '../../components/form-problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import {
  documentPdfUrl,
  documentStatusColor,
  documentStatusLabel,
  type DocumentItem,
  type DocumentListQuery,
} from './documents-logic';

export const documentsKey = ['documents'] as const;

export function DocumentStatusTag({
  doc,
}: {
  doc: Pick<DocumentItem, 'status' | 'revokedReason' | 'revokedAt'>;
}) {
  const { t } = useI18n();
  const tag = <Tag color={documentStatusColor[doc.status]}>{t(documentStatusLabel[doc.status])}</Tag>;
  if (doc.status !== 'revoked' || !doc.revokedReason) return tag;
  return (
    <Tooltip
      title={t('documents.revokedBecause', {
        time: formatDateTime(doc.revokedAt),
        reason: doc.revokedReason,
      })}
    >
      {tag}
    </Tooltip>
  );
}

/** Revoke one document, with the reason the bureau gives (recorded in the document and its event). */
function RevokeModal({ doc, onClose }: { doc: DocumentItem | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (reason: string) =>
      call(api.POST('/api/documents/{id}/revoke', { params: { path: { id: doc!.id } }, body: { reason } })),
    onMutate: () => setAlert(null),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: documentsKey });
      void message.success(t('documents.revoke.done', { number: saved.number }));
      onClose();
    },
    onError: (error) => setAlert(applyProblemToForm(form, error, locale, ['reason'])),
  });
  return (
    <Modal
      open={doc !== null}
      title={t('documents.revoke.title', { number: doc?.number ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('documents.revoke.submit')}
      okButtonProps={{ danger: true, loading: revoke.isPending }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('documents.revoke.hint', { holder: doc?.holder.name ?? '' })}
      </Typography.Paragraph>
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => revoke.mutate(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('documents.revoke.reason')}
          rules={[
            { required: true, whitespace: true, message: t('documents.revoke.reasonRequired') },
            { min: 2, message: t('documents.revoke.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Documents as a table (a stacked column on phones): kind, number, holder, issue date, status, the PDF and — for
 * whoever the server lets — revocation. Used by the documents page and the enterprise detail page.
 */
export function DocumentsTable({
  query,
  onPageChange,
  showHolder = true,
  holderLinks = true,
  size = 'middle',
  emptyAsText = false,
}: {
  query: DocumentListQuery;
  onPageChange?: (page: number, pageSize: number) => void;
  showHolder?: boolean;
  /** link the holder to its enterprise page (needs the right to read it) */
  holderLinks?: boolean;
  size?: 'small' | 'middle';
  /** with no documents at all, a line of text instead of an empty table (cards) */
  emptyAsText?: boolean;
}) {
  const { t, locale } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const [revoking, setRevoking] = useState<DocumentItem | null>(null);
  const list = useQuery({
    queryKey: [...documentsKey, 'list', query],
    queryFn: () => call(api.GET('/api/documents', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  const holder = (d: DocumentItem) =>
    holderLinks && d.holder.type === 'enterprise' && d.holder.id ? (
      <Link to={`/enterprises/${d.holder.id}`}>{d.holder.name}</Link>
    ) : (
      d.holder.name
    );
  const actions = (d: DocumentItem) => (
    <Space size={0} wrap className="sc-row-actions">
      {d.abilities.downloadPdf ? (
        <Button
          type="link"
          size="small"
          icon={<FilePdfOutlined />}
          href={documentPdfUrl(d.id)}
          target="_blank"
          rel="noopener"
        >
          {t('documents.pdf')}
        </Button>
      ) : null}
      {d.abilities.revoke ? (
        <Button type="link" size="small" danger icon={<StopOutlined />} onClick={() => setRevoking(d)}>
          {t('documents.revoke.button')}
        </Button>
      ) : null}
    </Space>
  );

  const columns: TableColumnsType<DocumentItem> = compact
    ? [
        {
          title: t('documents.title'),
          key: 'doc',
          render: (_, d) => (
            <div className="sc-stack">
              <Typography.Text strong>{d.number}</Typography.Text>
              <Space size={[4, 4]} wrap>
                <Tag>{d.kindLabel}</Tag>
                <DocumentStatusTag doc={d} />
              </Space>
              {showHolder ? <span>{holder(d)}</span> : null}
              <Typography.Text type="secondary" className="sc-small">
                {t('documents.issuedOn', { time: formatDateTime(d.issuedAt) })}
                {d.validUntil
                  ? ` · ${t('documents.validUntilShort', { time: formatDateTime(d.validUntil) })}`
                  : ''}
              </Typography.Text>
              {actions(d)}
            </div>
          ),
        },
      ]
    : [
        {
          title: t('documents.field.number'),
          dataIndex: 'number',
          render: (v: string, d) => (
            <div>
              <Typography.Text strong>{v}</Typography.Text>
              <div>
                <Typography.Text type="secondary" className="sc-small">
                  {d.kindLabel}
                </Typography.Text>
              </div>
            </div>
          ),
        },
        ...(showHolder
          ? [
              {
                title: t('documents.field.holder'),
                key: 'holder',
                render: (_: unknown, d: DocumentItem) => holder(d),
              },
            ]
          : []),
        {
          title: t('documents.field.issuedAt'),
          dataIndex: 'issuedAt',
          width: 150,
          render: (v: string) => formatDateTime(v),
        },
        {
          title: t('documents.field.validUntil'),
          dataIndex: 'validUntil',
          width: 150,
          responsive: ['xxl'],
          render: (v: string | null) => (v ? formatDateTime(v) : t('documents.noExpiry')),
        },
        {
          title: t('documents.field.status'),
          key: 'status',
          width: 90,
          render: (_, d) => <DocumentStatusTag doc={d} />,
        },
        { title: t('common.actions'), key: 'actions', render: (_, d) => actions(d) },
      ];

  if (emptyAsText && list.data?.total === 0) {
    return <Typography.Text type="secondary">{t('documents.empty')}</Typography.Text>;
  }
  return (
    <>
      {list.isError ? (
        <Alert type="error" showIcon title={problemMessage(list.error, locale)} className="sc-form-alert" />
      ) : null}
      <Table<DocumentItem>
        rowKey="id"
        size={size}
        showHeader={!(compact && !showHolder)}
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('documents.empty') }}
        pagination={
          (list.data?.total ?? 0) <= (query.pageSize ?? 20) && (query.page ?? 1) === 1
            ? false
            : {
                current: query.page ?? 1,
                pageSize: query.pageSize ?? 20,
                total: list.data?.total ?? 0,
                showTotal: (total) => t('common.total', { total }),
                onChange: onPageChange,
                showSizeChanger: onPageChange !== undefined,
                size: compact ? 'small' : undefined,
              }
        }
      />
      <RevokeModal doc={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
