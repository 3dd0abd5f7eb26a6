import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Result,
  Skeleton,
  Typography,
  type FormRule,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiProblem, problemMessage } from '../../api/problem';
import { applyProblemToForm } from '../../components/form-problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { NoticePeriod } from './NoticesPage';
import {
  objectionBody,
  objectionFieldError,
  objectionLimits,
  objectionRefusal,
  type ObjectionField,
  type ObjectionValues,
} from './public-logic';
import { useFileObjection, usePublicNotices, type ObjectionReceipt } from './queries';

const fields = ['name', 'contact', 'content', 'evidence'] as const;

function BackToNotices() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return <Button onClick={() => void navigate('/public/notices')}>{t('public.object.back')}</Button>;
}

function Receipt({ receipt }: { receipt: ObjectionReceipt }) {
  const { t } = useI18n();
  return (
    <Result
      className="sc-pub-receipt"
      status="success"
      title={t('public.object.done')}
      subTitle={t('public.object.receiptHint')}
      extra={<BackToNotices />}
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('public.object.receiptId')}>
          <Typography.Text copyable className="sc-mono sc-break">
            {receipt.id}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('public.object.receiptTime')}>
          {formatDateTime(receipt.filedAt, true)}
        </Descriptions.Item>
      </Descriptions>
    </Result>
  );
}

/** /public/notices/:id/object?applicationId=…: a named objection to one enterprise of a running notice. */
export default function ObjectionPage() {
  const { t, locale } = useI18n();
  const { id: noticeId = '' } = useParams();
  const [params] = useSearchParams();
  const applicationId = params.get('applicationId') ?? '';
  const notices = usePublicNotices();
  const [form] = Form.useForm<ObjectionValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const file = useFileObjection(noticeId);

  if (file.data) return <Receipt receipt={file.data} />;
  if (notices.isPending) return <Skeleton active />;
  if (notices.isError) return <Alert type="error" showIcon title={problemMessage(notices.error, locale)} />;
  const notice = notices.data.find((n) => n.id === noticeId);
  const application = notice?.applications.find((a) => a.id === applicationId);
  if (!notice || !application) {
    return (
      <Result
        status="warning"
        title={t(notice ? 'public.object.noEnterprise' : 'public.object.noNotice')}
        extra={<BackToNotices />}
      />
    );
  }

  const rule = (field: ObjectionField): FormRule => ({
    required: field !== 'evidence',
    validator: async () => {
      const error = objectionFieldError(form.getFieldsValue(), field);
      if (error) throw new Error(t(error.key));
    },
  });

  const submit = (values: ObjectionValues) => {
    setAlert(null);
    file.mutate(objectionBody(application.id, values), {
      onError: (error) => {
        const refusal = isApiProblem(error) ? objectionRefusal(error.status, error.code) : null;
        setAlert(refusal ? t(refusal) : applyProblemToForm(form, error, locale, fields));
      },
    });
  };

  return (
    <Card className="sc-pub-form-card" title={t('public.object.title')} size="small">
      <Typography.Paragraph strong>
        {t('public.object.about', { enterprise: application.enterpriseName })}
      </Typography.Paragraph>
      <div className="sc-pub-notice-meta">
        <div>{t('public.object.notice', { number: notice.number, title: notice.title })}</div>
        <NoticePeriod notice={notice} />
      </div>
      <Typography.Paragraph type="secondary" className="sc-small">
        {t('public.object.hint')}
      </Typography.Paragraph>
      {alert ? <Alert type="error" showIcon role="alert" title={alert} className="sc-form-alert" /> : null}
      <Form<ObjectionValues> form={form} layout="vertical" onFinish={submit} disabled={file.isPending}>
        <Form.Item name="name" label={t('public.object.name')} rules={[rule('name')]}>
          <Input maxLength={objectionLimits.nameMax} autoComplete="name" />
        </Form.Item>
        <Form.Item name="contact" label={t('public.object.contact')} rules={[rule('contact')]}>
          <Input
            maxLength={objectionLimits.contactMax}
            autoComplete="tel"
            placeholder={t('public.object.contactPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="content" label={t('public.object.content')} rules={[rule('content')]}>
          <Input.TextArea
            autoSize={{ minRows: 5, maxRows: 12 }}
            showCount
            maxLength={objectionLimits.contentMax}
            placeholder={t('public.object.contentPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="evidence" label={t('public.object.evidence')} rules={[rule('evidence')]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            showCount
            maxLength={objectionLimits.evidenceMax}
            placeholder={t('public.object.evidencePlaceholder')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={file.isPending}>
          {t('public.object.submit')}
        </Button>
      </Form>
    </Card>
  );
}
