import { Space, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n';
import {
  chinaToday,
  daysLeft,
  deadlineMoved,
  extensionStatusColor,
  extensionStatusLabel,
  hazardStatusColor,
  hazardStatusLabel,
  majorReasonLabel,
  type ExtensionStatus,
  type Hazard,
  type HazardStatus,
} from './hazards-logic';

export function HazardStatusTag({ status }: { status: HazardStatus }) {
  const { t } = useI18n();
  return <Tag color={hazardStatusColor[status]}>{t(hazardStatusLabel[status])}</Tag>;
}

export function ExtensionStatusTag({ status }: { status: ExtensionStatus }) {
  const { t } = useI18n();
  return <Tag color={extensionStatusColor[status]}>{t(extensionStatusLabel[status])}</Tag>;
}

/** 重大 in red (with why on hover); nothing for a general hazard unless `showGeneral`. */
export function SeverityTag({
  hazard,
  showGeneral = false,
}: {
  hazard: Pick<Hazard, 'severity' | 'majorReason'>;
  showGeneral?: boolean;
}) {
  const { t } = useI18n();
  if (hazard.severity !== 'major') {
    return showGeneral ? <Tag>{t('hazards.severity.general')}</Tag> : null;
  }
  const reason = hazard.majorReason ? majorReasonLabel[hazard.majorReason] : undefined;
  const tag = (
    <Tag color="red" className="sc-hz-major">
      {t('hazards.severity.major')}
    </Tag>
  );
  return reason ? <Tooltip title={t(reason)}>{tag}</Tooltip> : tag;
}

/** The deadline: red with 已逾期 when overdue, days left when near, the original one when it moved. */
export function DeadlineText({
  hazard,
  showOriginal = true,
}: {
  hazard: Pick<Hazard, 'deadline' | 'originalDeadline' | 'overdue' | 'status'>;
  showOriginal?: boolean;
}) {
  const { t } = useI18n();
  const open = hazard.status !== 'closed';
  const left = daysLeft(hazard.deadline, chinaToday());
  return (
    <Space size={[4, 0]} wrap>
      <Typography.Text type={hazard.overdue ? 'danger' : undefined} strong={hazard.overdue}>
        {hazard.deadline}
      </Typography.Text>
      {hazard.overdue ? (
        <Tag color="red">{t('hazards.overdue')}</Tag>
      ) : open && left >= 0 && left <= 7 ? (
        <Typography.Text type="warning" className="sc-small">
          {left === 0 ? t('hazards.dueToday') : t('hazards.daysLeft', { n: left })}
        </Typography.Text>
      ) : null}
      {showOriginal && deadlineMoved(hazard) ? (
        <Typography.Text type="secondary" className="sc-small">
          {t('hazards.originalDeadlineShort', { date: hazard.originalDeadline })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
