import { FilePdfOutlined, LinkOutlined, PlusOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { problemMessage } from '../../api/problem';
import { useSession } from '../../auth/session';
import { formatDateTime } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { documentPdfUrl } from '../documents/documents-logic';
import { useEligibility } from '../eligibility/queries';
import { ownEnterpriseIds } from '../registry/registry-logic';
import { createApplication } from './actions';
import { ProblemAlert, ReasonModal, SubmitModal } from './ActionModals';
import { useApplication, useEnterpriseWhitelist, useRefreshWhitelist } from './queries';
import type { Application, ApplicationDetail, Entry } from './types';
import { ApplicationStatusTag, ApplicationSteps } from './WhitelistTags';
import { isOpenStatus } from './whitelist-logic';
import './whitelist.css';

const entryStatusColor: Record<Entry['status'], string> = { active: 'green', suspended: 'orange', exited: 'default' };
const entryStatusKey = (s: Entry['status']): MessageKey => `whitelist.entryStatus.${s}`;

function EntryView({ entry }: { entry: Entry }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'n', label: t('whitelist.entry.number'), children: <span className="sc-mono">{entry.number}</span> },
          {
            key: 'v',
            label: t('whitelist.entry.validity'),
            children: t('whitelist.entry.validRange', { from: entry.validFrom, to: entry.validTo }),
          },
          {
            key: 's',
            label: t('whitelist.entry.status'),
            children: <Tag color={entryStatusColor[entry.status]}>{t(entryStatusKey(entry.status))}</Tag>,
          },
          ...(entry.suspendedReason
            ? [{ key: 'r', label: t('whitelist.entry.suspendedReason'), children: entry.suspendedReason }]
            : []),
        ]}
      />
      {entry.plaque ? (
        <Space wrap className="sc-wl-gap">
          <Button icon={<FilePdfOutlined />} href={documentPdfUrl(entry.plaque.documentId)} target="_blank" rel="noopener">
            {t('whitelist.entry.plaque')}
          </Button>
          <Button icon={<LinkOutlined />} href={entry.plaque.verifyUrl} target="_blank" rel="noopener">
            {t('whitelist.entry.verify')}
          </Button>
          <Link to={`/whitelist/entries/${entry.id}`}>
            <Button icon={<RightOutlined />}>{t('whitelist.entry.details')}</Button>
          </Link>
        </Space>
      ) : null}
    </>
  );
}

/** An open application: where it stands, why it came back, and what the enterprise may do (server's actions). */
function OpenApplication({ application, canAct }: { application: Application; canAct: boolean }) {
  const { t } = useI18n();
  const detail = useApplication(canAct ? application.id : undefined);
  const actions = detail.data?.actions ?? [];
  const [submitting, setSubmitting] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  return (
    <Space orientation="vertical" size={8} className="sc-full-width">
      <Space wrap size={[8, 4]}>
        <ApplicationStatusTag status={application.status} />
        {application.submittedAt ? (
          <Typography.Text type="secondary" className="sc-small">
            {t('whitelist.card.submittedAt', { time: formatDateTime(application.submittedAt) })}
          </Typography.Text>
        ) : null}
      </Space>
      <ApplicationSteps application={application} />
      {application.status === 'returned' && application.reason ? (
        <Alert type="warning" showIcon title={t('whitelist.card.returnedReason', { reason: application.reason })} />
      ) : null}
      {application.status === 'draft' ? (
        <Typography.Text type="secondary" className="sc-small">
          {t('whitelist.card.draftHint')}
        </Typography.Text>
      ) : null}
      <Space wrap>
        {actions.includes('submit') ? (
          <Button type="primary" onClick={() => setSubmitting(true)}>
            {application.status === 'returned' ? t('whitelist.card.resubmit') : t('whitelist.action.submit')}
          </Button>
        ) : null}
        {actions.includes('withdraw') ? (
          <Button danger onClick={() => setWithdrawing(true)}>
            {t('whitelist.action.withdraw')}
          </Button>
        ) : null}
        <Link to={`/whitelist/applications/${application.id}`}>
          {t('whitelist.card.open')} <RightOutlined />
        </Link>
      </Space>
      <SubmitModal application={detail.data ?? null} open={submitting} onClose={() => setSubmitting(false)} />
      <ReasonModal
        target={application}
        action={withdrawing ? 'withdraw' : null}
        onClose={() => setWithdrawing(false)}
      />
    </Space>
  );
}

/**
 * 白名单 status of one enterprise (`GET /api/enterprises/:id/whitelist`): its entry, or its open application on
 * the steps, or the re-entry ban, or — for the enterprise's own users — the button to apply, enabled when the
 * checklist says eligible (the server judges again). On the enterprise home and the enterprise detail page.
 */
export function WhitelistStatusCard({ enterpriseId, className }: { enterpriseId: string; className?: string }) {
  const { t, locale } = useI18n();
  const me = useSession();
  const own = ownEnterpriseIds(me.roles).includes(enterpriseId);
  const status = useEnterpriseWhitelist(enterpriseId);
  const eligibility = useEligibility(own ? enterpriseId : undefined);
  const refresh = useRefreshWhitelist();
  const [draft, setDraft] = useState<ApplicationDetail | null>(null);
  const apply = useMutation({
    mutationFn: () => createApplication(enterpriseId),
    onSuccess: (created) => {
      refresh();
      setDraft(created);
    },
    onError: () => refresh(),
  });

  const extra = (
    <Tooltip title={t('common.refresh')}>
      <Button
        type="text"
        size="small"
        icon={<ReloadOutlined />}
        aria-label={t('common.refresh')}
        loading={status.isFetching}
        onClick={() => void status.refetch()}
      />
    </Tooltip>
  );

  let body;
  if (status.isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (status.isError)
    body = <Alert type="error" showIcon title={t('common.loadFailed')} description={problemMessage(status.error, locale)} />;
  else {
    const s = status.data;
    const entry = s.entry && s.entry.status !== 'exited' ? s.entry : null;
    const open = s.application && isOpenStatus(s.application.status) ? s.application : null;
    const last = s.application && !open ? s.application : null;
    const eligible = eligibility.data?.eligible === true;
    body = (
      <Space orientation="vertical" size={8} className="sc-full-width">
        {entry ? <EntryView entry={entry} /> : null}
        {entry && s.review ? (
          <Alert
            type="info"
            showIcon
            title={t('whitelist.card.review', { date: s.review.dueOn })}
          />
        ) : null}
        {open ? <OpenApplication application={open} canAct={own} /> : null}
        {!entry && !open && s.reentryBanUntil ? (
          <Alert type="warning" showIcon title={t('whitelist.card.ban', { date: s.reentryBanUntil })} />
        ) : null}
        {!entry && !open && last ? (
          <div>
            <Space wrap size={[8, 4]}>
              <Typography.Text type="secondary">{t('whitelist.card.last')}</Typography.Text>
              <ApplicationStatusTag status={last.status} />
              <Link to={`/whitelist/applications/${last.id}`}>{t('whitelist.card.open')}</Link>
            </Space>
            {last.reason ? (
              <Typography.Paragraph type="secondary" className="sc-small sc-wl-reason">
                {t('whitelist.card.lastReason', { reason: last.reason })}
              </Typography.Paragraph>
            ) : null}
          </div>
        ) : null}
        {!entry && !open && !s.reentryBanUntil ? (
          own ? (
            <>
              <Typography.Text type="secondary" className="sc-small">
                {eligible ? t('whitelist.apply.eligibleHint') : t('whitelist.apply.notEligibleHint')}
              </Typography.Text>
              <ProblemAlert error={apply.error} conditions={eligibility.data?.conditions} />
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={!eligible}
                loading={apply.isPending}
                onClick={() => apply.mutate()}
                block
              >
                {t('whitelist.apply.button')}
              </Button>
            </>
          ) : (
            <Typography.Text type="secondary">{t('whitelist.card.notListed')}</Typography.Text>
          )
        ) : null}
      </Space>
    );
  }

  return (
    <Card size="small" title={t('whitelist.card.title')} extra={extra} className={className}>
      {body}
      <SubmitModal application={draft} open={draft !== null} onClose={() => setDraft(null)} />
    </Card>
  );
}
