import { WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useAccess } from '../../auth/session';
import { useI18n } from '../../i18n';
import type { ApplicationStatus, EntryStatus, ExitStatus, NoticeStatus, ReviewStatus } from './types';
import {
  applicationStatusColor,
  applicationStatusKey,
  chinaToday,
  entryStatusColor,
  entryStatusKey,
  exitReasonKey,
  exitReasonShortKey,
  exitStatusColor,
  exitStatusKey,
  isExitReason,
  noticeStatusColor,
  noticeStatusKey,
  objectionStatusColor,
  objectionStatuses,
  isOneOfStatus,
  objectionStatusKey,
  reviewStatusColor,
  reviewStatusKey,
  validityState,
} from './whitelist-admin-logic';

export function NoticeStatusTag({ status }: { status: NoticeStatus }) {
  const { t } = useI18n();
  return <Tag color={noticeStatusColor[status]}>{t(noticeStatusKey(status))}</Tag>;
}

export function EntryStatusTag({ status }: { status: EntryStatus }) {
  const { t } = useI18n();
  return <Tag color={entryStatusColor[status]}>{t(entryStatusKey(status))}</Tag>;
}

export function ExitStatusTag({ status }: { status: ExitStatus }) {
  const { t } = useI18n();
  return <Tag color={exitStatusColor[status]}>{t(exitStatusKey(status))}</Tag>;
}

export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  const { t } = useI18n();
  return <Tag color={reviewStatusColor[status]}>{t(reviewStatusKey(status))}</Tag>;
}

export function ObjectionStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  if (!isOneOfStatus(objectionStatuses, status)) return <Tag>{status}</Tag>;
  return <Tag color={objectionStatusColor[status]}>{t(objectionStatusKey(status))}</Tag>;
}

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n();
  return <Tag color={applicationStatusColor[status]}>{t(applicationStatusKey(status))}</Tag>;
}

/** An exit reason: the short name, the full wording on hover (the server's label for a reason unknown here). */
export function ExitReasonText({ reason, label }: { reason: string; label?: string }) {
  const { t } = useI18n();
  if (!isExitReason(reason)) return <span>{label ?? reason}</span>;
  return (
    <Tooltip title={t(exitReasonKey(reason))}>
      <span>{t(exitReasonShortKey(reason))}</span>
    </Tooltip>
  );
}

/** validFrom ~ validTo, with a tag when the validity ends soon or has ended (for entries in force). */
export function ValidityText({
  validFrom,
  validTo,
  status,
}: {
  validFrom: string;
  validTo: string;
  status: EntryStatus;
}) {
  const { t } = useI18n();
  const state = status === 'exited' ? 'valid' : validityState(validTo, chinaToday());
  return (
    <Space size={4} wrap>
      <span className="sc-mono">
        {validFrom} ~ {validTo}
      </span>
      {state === 'expiring' ? <Tag color="gold">{t('whitelistAdmin.validity.expiring')}</Tag> : null}
      {state === 'expired' ? <Tag color="red">{t('whitelistAdmin.validity.expired')}</Tag> : null}
    </Space>
  );
}

/** The end date of a notice period, with a warning when it was estimated (a year missing from the calendar). */
export function PeriodText({
  startsOn,
  endsOn,
  endsEstimated,
  workingDays,
}: {
  startsOn: string;
  endsOn: string;
  endsEstimated: boolean;
  workingDays: number | null;
}) {
  const { t } = useI18n();
  return (
    <Space size={[4, 0]} wrap>
      <span className="sc-mono">
        {startsOn} ~ {endsOn}
      </span>
      {workingDays !== null ? (
        <Typography.Text type="secondary" className="sc-small">
          {t('whitelistAdmin.notices.workingDays', { n: workingDays })}
        </Typography.Text>
      ) : null}
      {endsEstimated ? (
        <Tooltip title={t('whitelistAdmin.notices.estimatedHint', { year: endsOn.slice(0, 4) })}>
          <Tag color="warning" icon={<WarningOutlined />}>
            {t('whitelistAdmin.notices.estimated')}
          </Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}

/**
 * What the signed-in user may do on these pages, from the abilities of /api/me (the server's whitelist policy):
 * the bureau (`manageWhitelist`) handles objections and proposes exits; its administrators (`publishWhitelist`)
 * open and publish notices. Entities carry their own `actions` for everything else.
 */
export function useWhitelistAccess(): { admin: boolean; bureau: boolean } {
  const { abilities } = useAccess();
  return { admin: abilities.publishWhitelist === true, bureau: abilities.manageWhitelist === true };
}
