import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n';
import { engagementStatusColor, engagementStatusText, serviceText } from './labels';
import { agenciesKey, type Engagement } from './queries';

type Move = 'accept' | 'decline' | 'withdraw' | 'end';

/** Ask for a reason (required to end, optional to decline), then make the move. */
function ReasonModal({
  engagement,
  move,
  onClose,
}: {
  engagement: Engagement | null;
  move: 'decline' | 'end' | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ reason?: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (reason: string) =>
      move === 'end'
        ? call(api.POST('/api/engagements/{id}/end', { params: { path: { id: engagement!.id } }, body: { reason } }))
        : call(
            api.POST('/api/engagements/{id}/decline', {
              params: { path: { id: engagement!.id } },
              body: reason ? { reason } : {},
            }),
          ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: agenciesKey });
      void message.success(t('common.saved'));
      form.resetFields();
      onClose();
    },
    onError: (e) => setError(problemMessage(e, locale)),
  });
  return (
    <Modal
      open={engagement !== null && move !== null}
      title={move === 'end' ? t('engagements.end.title') : t('engagements.decline.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={move === 'end' ? t('engagements.action.end') : t('engagements.action.decline')}
      okButtonProps={{ danger: true, loading: run.isPending }}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} className="sc-form-alert" /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v.reason?.trim() ?? '')}>
        <Form.Item
          name="reason"
          label={t('engagements.reason')}
          rules={move === 'end' ? [{ required: true, whitespace: true, message: t('engagements.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Engagements as cards (readable on a phone): who engages whom, for what, the status, and the buttons the
 * server's abilities allow. `side` says which party's name leads the card.
 */
export function EngagementCards({
  items,
  loading,
  side,
  emptyText,
}: {
  items: Engagement[];
  loading: boolean;
  side: 'enterprise' | 'agency';
  emptyText: string;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<{ engagement: Engagement; move: 'decline' | 'end' } | null>(null);
  const quick = useMutation({
    mutationFn: ({ id, move }: { id: string; move: 'accept' | 'withdraw' }) =>
      move === 'accept'
        ? call(api.POST('/api/engagements/{id}/accept', { params: { path: { id } }, body: {} }))
        : call(api.POST('/api/engagements/{id}/withdraw', { params: { path: { id } }, body: {} })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: agenciesKey });
      void message.success(t('common.saved'));
    },
    onError: (e) => void message.error(problemMessage(e, locale)),
  });

  const button = (e: Engagement, move: Move) => {
    if (!e.abilities[move]) return null;
    const label = t(`engagements.action.${move}`);
    if (move === 'accept' || move === 'withdraw') {
      return (
        <Button
          key={move}
          size="small"
          type={move === 'accept' ? 'primary' : 'default'}
          loading={quick.isPending && quick.variables?.id === e.id}
          onClick={() => quick.mutate({ id: e.id, move })}
        >
          {label}
        </Button>
      );
    }
    return (
      <Button key={move} size="small" danger onClick={() => setAsking({ engagement: e, move })}>
        {label}
      </Button>
    );
  };

  return (
    <>
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        renderItem={(e) => {
          const actions = (['accept', 'decline', 'withdraw', 'end'] as const).map((m) => button(e, m)).filter(Boolean);
          return (
            <List.Item>
              <Card size="small" style={{ width: '100%' }}>
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap>
                    {side === 'agency' ? (
                      e.status === 'active' ? (
                        <Link to={`/enterprises/${e.enterpriseId}`}>
                          <Typography.Text strong>{e.enterpriseName}</Typography.Text>
                        </Link>
                      ) : (
                        <Typography.Text strong>{e.enterpriseName}</Typography.Text>
                      )
                    ) : (
                      <Typography.Text strong>{e.agencyName}</Typography.Text>
                    )}
                    <Tag color={engagementStatusColor[e.status]}>{engagementStatusText(e.status, locale)}</Tag>
                  </Space>
                  <Space wrap size={4}>
                    {e.services.map((s) => (
                      <Tag key={s}>{serviceText(s, locale)}</Tag>
                    ))}
                  </Space>
                  {e.note ? <Typography.Text type="secondary">{e.note}</Typography.Text> : null}
                  <Typography.Text type="secondary" className="sc-small">
                    {t('engagements.requestedAt', { date: e.requestedAt.slice(0, 10) })}
                    {e.acceptedAt ? ` · ${t('engagements.acceptedAt', { date: e.acceptedAt.slice(0, 10) })}` : ''}
                    {e.endedAt ? ` · ${t('engagements.endedAt', { date: e.endedAt.slice(0, 10) })}` : ''}
                  </Typography.Text>
                  {e.endReason ? (
                    <Typography.Text type="secondary">{t('engagements.reasonShown', { reason: e.endReason })}</Typography.Text>
                  ) : null}
                  {actions.length > 0 ? <Space wrap>{actions}</Space> : null}
                </Space>
              </Card>
            </List.Item>
          );
        }}
      />
      <ReasonModal engagement={asking?.engagement ?? null} move={asking?.move ?? null} onClose={() => setAsking(null)} />
    </>
  );
}
