import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Grid,
  Input,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiProblem, problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { applyProblemToForm } from '../../components/form-problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { chinaToday, isStaleProblem, replyDeadline, withBodyFieldPaths } from './enforcement-logic';
import { letterKey, replyLetter, useLetter, useRefreshEnforcement } from './queries';
import { LetterStatusTag, PdfButton, ReplyByText } from './Tags';
import type { Letter } from './types';
import './enforcement.css';

/** 书面回复: the enterprise writes what it checked and corrected (required); a late reply is still taken, flagged. */
function ReplyForm({ letter }: { letter: Letter }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = useRefreshEnforcement();
  const [form] = Form.useForm<{ reply: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const late = replyDeadline(letter, chinaToday())?.tone === 'danger';
  const save = useMutation({
    mutationFn: (reply: string) => replyLetter(letter.id, reply),
    onMutate: () => setAlert(null),
    onSuccess: (answered) => {
      queryClient.setQueryData(letterKey(letter.id), answered);
      refresh();
      void message.success(t('advice.reply.done'));
    },
    onError: (e) => {
      if (isStaleProblem(e)) refresh();
      setAlert(applyProblemToForm(form, withBodyFieldPaths(e), locale, ['reply']));
    },
  });
  return (
    <>
      {late ? (
        <Alert type="warning" showIcon className="sc-enf-alert" title={t('advice.reply.lateWarning')} />
      ) : null}
      {alert ? (
        <Alert
          type="error"
          showIcon
          className="sc-enf-alert"
          title={alert}
          data-testid="letter-reply-error"
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v.reply)}
        data-testid="letter-reply-form"
      >
        <Typography.Paragraph type="secondary" className="sc-small">
          {t('advice.reply.hint')}
        </Typography.Paragraph>
        <Form.Item
          name="reply"
          label={t('advice.reply.label')}
          rules={[{ required: true, whitespace: true, message: t('advice.reply.required') }]}
        >
          <Input.TextArea rows={6} maxLength={4000} showCount data-testid="letter-reply" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SendOutlined />}
          loading={save.isPending}
          data-testid="letter-reply-submit"
        >
          {t('advice.reply.submit')}
        </Button>
      </Form>
    </>
  );
}

function ReplyCard({ letter }: { letter: Letter }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('advice.letter.replyTitle')} data-testid="letter-reply-card">
      {letter.reply !== null ? (
        <Space orientation="vertical" size={6} className="sc-full-width">
          <div className="sc-enf-reply sc-enf-text" data-testid="letter-reply-text">
            {letter.reply}
          </div>
          <Space wrap size={[8, 2]}>
            <Typography.Text type="secondary" className="sc-small">
              {t('advice.letter.repliedAt', { time: formatDateTime(letter.repliedAt) })}
            </Typography.Text>
            {letter.repliedLate ? (
              <Tag color="orange" data-testid="letter-late">
                {t('advice.letter.late')}
              </Tag>
            ) : null}
          </Space>
        </Space>
      ) : letter.abilities.reply ? (
        <ReplyForm letter={letter} />
      ) : (
        <Typography.Text type="secondary">{t('advice.letter.noReply')}</Typography.Text>
      )}
    </Card>
  );
}

/**
 * 合规建议书 `/advice/letters/:id` (notifications link here): why it was sent, the items to check, the PDF, and the
 * enterprise's written reply — the form while it may answer, the answer once given (late replies flagged).
 */
export default function LetterDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const access = useAccess();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md === false;
  const letter = useLetter(id);

  if (letter.isPending) {
    return (
      <Card className="sc-page-card">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (letter.isError) {
    const notFound = isApiProblem(letter.error) && letter.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('advice.letter.notFound') : t('common.loadFailed')}
        subTitle={problemMessage(letter.error, locale)}
        extra={<Button onClick={() => void navigate('/advice/letters')}>{t('advice.letter.back')}</Button>}
      />
    );
  }
  const l = letter.data;
  const origin =
    l.campaignId && access.abilities.viewCampaigns === true ? (
      <Link to={`/advice/campaigns/${l.campaignId}`}>{t('advice.letter.campaignLink')}</Link>
    ) : l.campaignId ? (
      t('advice.letter.fromCampaign')
    ) : (
      t('advice.letter.fromInspection')
    );

  return (
    <Space orientation="vertical" size="middle" className="sc-full-width" data-testid="letter-detail">
      <Card className="sc-page-card">
        <Space orientation="vertical" size={8} className="sc-full-width">
          <Link to="/advice/letters">
            <ArrowLeftOutlined /> {t('advice.letter.back')}
          </Link>
          <Space wrap size={[8, 4]}>
            <LetterStatusTag status={l.status} />
            {l.repliedLate ? <Tag color="orange">{t('advice.letter.late')}</Tag> : null}
            <Typography.Text className="sc-mono" data-testid="letter-number">
              {l.number}
            </Typography.Text>
          </Space>
          <Typography.Title level={compact ? 5 : 4} className="sc-page-title">
            {t('advice.letter.heading', { type: l.violationTypeName })}
          </Typography.Title>
          <span>
            <Typography.Text type="secondary">{t('advice.field.replyBy')}</Typography.Text>{' '}
            <ReplyByText letter={l} />
          </span>
          <div className="sc-enf-actions">
            <PdfButton
              documentId={l.documentId}
              label={t('advice.letter.pdf')}
              testId="letter-pdf"
              block={compact}
            />
          </div>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size="middle" className="sc-full-width">
            <Card size="small" title={t('advice.letter.reason')}>
              <div className="sc-enf-text">{l.reason}</div>
            </Card>
            <Card size="small" title={t('advice.letter.items', { n: l.items.length })}>
              <ol className="sc-enf-items" data-testid="letter-items">
                {l.items.map((item, i) => (
                  <li key={i} className="sc-enf-text">
                    {item.text}
                  </li>
                ))}
              </ol>
            </Card>
            <ReplyCard letter={l} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('advice.letter.facts')}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'ent', label: t('advice.field.enterprise'), children: l.enterpriseName },
                { key: 'sub', label: t('advice.field.subdistrict'), children: l.subdistrictName || '—' },
                { key: 'dep', label: t('advice.field.department'), children: l.departmentName },
                { key: 'type', label: t('advice.field.violationType'), children: l.violationTypeName },
                { key: 'sent', label: t('advice.field.sentAt'), children: formatDateTime(l.sentAt) },
                { key: 'by', label: t('advice.field.replyBy'), children: l.replyBy },
                { key: 'origin', label: t('advice.field.origin'), children: origin },
                ...(l.overdueAt
                  ? [{ key: 'od', label: t('advice.field.overdueAt'), children: formatDateTime(l.overdueAt) }]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
