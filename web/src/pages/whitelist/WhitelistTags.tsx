import { Alert, Grid, Space, Steps, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import {
  chinaToday,
  deadlineView,
  estimatedYears,
  opinionStatusColor,
  opinionStatusKey,
  statusColor,
  statusKey,
  stepKeys,
  stepLabel,
  stepState,
  type ApplicationStatus,
  type OpinionStatus,
  type StepFacts,
} from './whitelist-logic';

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n();
  return <Tag color={statusColor[status]}>{t(statusKey(status))}</Tag>;
}

export function OpinionStatusTag({ status }: { status: OpinionStatus }) {
  const { t } = useI18n();
  return <Tag color={opinionStatusColor[status]}>{t(opinionStatusKey(status))}</Tag>;
}

/** A deadline: always the end date, then how many days are left (or that it passed); "估" when estimated. */
export function DeadlineText({
  deadline,
  estimated = false,
  showLeft = true,
}: {
  deadline: string;
  estimated?: boolean;
  showLeft?: boolean;
}) {
  const { t } = useI18n();
  const v = deadlineView(deadline, chinaToday());
  return (
    <Space size={4} wrap>
      <span className="sc-wl-nowrap">{deadline}</span>
      {estimated ? (
        <Tag color="warning" className="sc-wl-tag-tight">
          {t('whitelist.deadline.estimatedShort')}
        </Tag>
      ) : null}
      {showLeft ? (
        <Typography.Text
          type={v.color === 'red' ? 'danger' : v.color === 'orange' ? 'warning' : 'secondary'}
          className="sc-small sc-wl-nowrap"
        >
          {t(v.key, { n: v.n })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/** The warning under a table of deadlines any of which were counted on weekdays only. */
export function EstimatedWarning({ items }: { items: readonly { deadline: string; deadlineEstimated: boolean }[] }) {
  const { t } = useI18n();
  const years = estimatedYears(items);
  if (years.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="sc-wl-alert"
      title={t('whitelist.deadline.estimated')}
      description={t('whitelist.deadline.estimatedYears', { years: years.join('、') })}
    />
  );
}

/** 提交 → 街镇收集 → 形式审查 → 征求意见 → 公示 → 入库; vertical and small on a phone. */
export function ApplicationSteps({ application }: { application: StepFacts }) {
  const { t } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const s = stepState(application);
  return (
    <Steps
      size="small"
      current={s.current}
      status={s.status}
      orientation={compact ? 'vertical' : 'horizontal'}
      className="sc-wl-steps"
      items={stepKeys.map((k) => ({ title: t(stepLabel(k)) }))}
    />
  );
}
