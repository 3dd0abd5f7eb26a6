import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, List, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { problemMessage } from '../../api/problem';
import { applyProblemToForm } from '../../components/form-problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { api, call } from '../../api/client';
import { whitelistKey } from './queries';
import { ReviewStatusTag } from './Tags';
import type { Review } from './types';
import { reviewActions, reviewsNewestFirst } from './whitelist-admin-logic';

interface DecideValues {
  decision: 'pass' | 'fail';
  note: string;
}

/** 复核结论 (bureau): pass (validity extended, plaque re-issued) or fail (an exit proposal opens), with a note. */
function DecideModal({ review, onClose }: { review: Review | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecideValues>();
  const decision = Form.useWatch('decision', form);
  const [alert, setAlert] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (v: DecideValues) =>
      call(
        api.POST('/api/whitelist/reviews/{id}/decide', {
          params: { path: { id: review!.id } },
          body: { decision: v.decision, note: v.note.trim() },
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: whitelistKey });
      void message.success(t('whitelistAdmin.review.decided'));
      onClose();
    },
    onError: (e) => setAlert(applyProblemToForm(form, e, locale, ['decision', 'note'])),
  });
  return (
    <Modal
      open={review !== null}
      title={t('whitelistAdmin.review.decideTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: decide.isPending, danger: decision === 'fail' }}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<DecideValues>
        form={form}
        layout="vertical"
        initialValues={{ decision: 'pass' }}
        onFinish={(v) => decide.mutate(v)}
        preserve={false}
      >
        <Form.Item
          name="decision"
          label={t('whitelistAdmin.review.decision')}
          extra={
            decision === 'fail' ? t('whitelistAdmin.review.failHint') : t('whitelistAdmin.review.passHint')
          }
        >
          <Radio.Group
            optionType="button"
            options={[
              { value: 'pass', label: t('whitelistAdmin.review.pass') },
              { value: 'fail', label: t('whitelistAdmin.review.fail') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('whitelistAdmin.review.note')}
          rules={[{ required: true, whitespace: true, message: t('whitelistAdmin.review.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReviewItem({ r, onDecide }: { r: Review; onDecide: (r: Review) => void }) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const can = reviewActions(r.actions);
  const submit = useMutation({
    mutationFn: () =>
      call(api.POST('/api/whitelist/reviews/{id}/submit', { params: { path: { id: r.id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: whitelistKey });
      void message.success(t('whitelistAdmin.review.submitted'));
    },
    onError: (e) => void message.error(problemMessage(e, locale)),
  });
  const e = r.eligibility;
  const met = e ? e.conditions.filter((c) => c.pass).length : 0;
  return (
    <List.Item
      actions={[
        can.submit ? (
          <Button
            key="s"
            type="primary"
            size="small"
            loading={submit.isPending}
            onClick={() =>
              modal.confirm({
                title: t('whitelistAdmin.review.submit'),
                content: t('whitelistAdmin.review.submitConfirm'),
                onOk: () => submit.mutateAsync().catch(() => undefined),
              })
            }
          >
            {t('whitelistAdmin.review.submit')}
          </Button>
        ) : null,
        can.decide ? (
          <Button key="d" type="primary" size="small" onClick={() => onDecide(r)}>
            {t('whitelistAdmin.review.decide')}
          </Button>
        ) : null,
      ].filter(Boolean)}
    >
      <Space orientation="vertical" size={2} className="sc-full-width">
        <Space wrap size={4}>
          <Typography.Text>{t('whitelistAdmin.review.dueOn', { date: r.dueOn })}</Typography.Text>
          <ReviewStatusTag status={r.status} />
        </Space>
        {e ? (
          <Typography.Text type={e.eligible ? 'success' : 'danger'} className="sc-small">
            {e.eligible ? <CheckCircleFilled /> : <CloseCircleFilled />}{' '}
            {t('whitelistAdmin.review.eligibility', { met, total: e.conditions.length, date: e.judgedOn })}
          </Typography.Text>
        ) : null}
        {e && !e.eligible ? (
          <ul className="sc-small" style={{ margin: 0, paddingInlineStart: 18 }}>
            {e.conditions
              .filter((c) => !c.pass)
              .map((c) => (
                <li key={c.key}>
                  {c.label}：{c.reason}
                </li>
              ))}
          </ul>
        ) : null}
        <Typography.Text type="secondary" className="sc-small">
          {[
            t('whitelistAdmin.review.openedAt', { time: formatDateTime(r.openedAt) }),
            r.submittedAt
              ? t('whitelistAdmin.review.submittedAt', { time: formatDateTime(r.submittedAt) })
              : null,
            r.decidedAt ? t('whitelistAdmin.review.decidedAt', { time: formatDateTime(r.decidedAt) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        {r.note ? (
          <Typography.Text className="sc-small sc-wla-text">
            {t('whitelistAdmin.review.note')}：{r.note}
          </Typography.Text>
        ) : null}
      </Space>
    </List.Item>
  );
}

/** 年度复核 of an entry: each review with its status and eligibility snapshot; submit / decide as `actions` allow. */
export function ReviewsCard({ reviews }: { reviews: readonly Review[] }) {
  const { t } = useI18n();
  const [deciding, setDeciding] = useState<Review | null>(null);
  return (
    <Card size="small" title={t('whitelistAdmin.entry.reviews')}>
      {reviews.length === 0 ? (
        <Typography.Text type="secondary">{t('whitelistAdmin.entry.noReviews')}</Typography.Text>
      ) : (
        <List
          dataSource={reviewsNewestFirst(reviews)}
          renderItem={(r) => <ReviewItem r={r} onDecide={setDeciding} />}
        />
      )}
      <DecideModal review={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
}
