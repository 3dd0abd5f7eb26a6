import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n';
import { documentPdfUrl } from '../documents/documents-logic';
import {
  campaignStatusColor,
  campaignStatusKey,
  chinaToday,
  letterStatusColor,
  letterStatusKey,
  originKey,
  replyDeadline,
  violationStatusColor,
  violationStatusKey,
} from './enforcement-logic';
import type { CampaignOrigin, CampaignStatus, LetterStatus, ViolationStatus } from './types';

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useI18n();
  return <Tag color={campaignStatusColor[status]}>{t(campaignStatusKey(status))}</Tag>;
}

export function LetterStatusTag({ status }: { status: LetterStatus }) {
  const { t } = useI18n();
  return <Tag color={letterStatusColor[status]}>{t(letterStatusKey(status))}</Tag>;
}

export function ViolationStatusTag({ status }: { status: ViolationStatus }) {
  const { t } = useI18n();
  return <Tag color={violationStatusColor[status]}>{t(violationStatusKey(status))}</Tag>;
}

export function OriginTag({ origin }: { origin: CampaignOrigin }) {
  const { t } = useI18n();
  return <Tag color={origin === 'frequency' ? 'volcano' : 'geekblue'}>{t(originKey(origin))}</Tag>;
}

/** A letter's reply-by date, then the days left or "已逾期" in red; just the date once replied. */
export function ReplyByText({ letter }: { letter: { status: LetterStatus; replyBy: string } }) {
  const { t } = useI18n();
  const view = replyDeadline(letter, chinaToday());
  return (
    <Space size={4} wrap>
      <span className="sc-enf-nowrap">{letter.replyBy}</span>
      {view ? (
        <Typography.Text type={view.tone} className="sc-small sc-enf-nowrap">
          {t(view.key, { n: view.n })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/** The PDF of an issued document (指令书, 建议书), opened by the browser in a new tab. */
export function PdfButton({
  documentId,
  label,
  testId,
  block,
}: {
  documentId: string;
  label: string;
  testId: string;
  block?: boolean;
}) {
  return (
    <Button
      icon={<FilePdfOutlined />}
      href={documentPdfUrl(documentId)}
      target="_blank"
      rel="noopener"
      block={block}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}

/** A refused request in the user's language (the server's Chinese `detail`, or the code's English text). */
export function ProblemAlert({ error, className }: { error: unknown; className?: string }) {
  const { locale } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      className={className ?? 'sc-enf-alert'}
      title={problemMessage(error, locale)}
    />
  );
}
