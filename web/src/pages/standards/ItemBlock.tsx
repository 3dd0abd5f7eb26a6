import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import {
  itemAnchor,
  legalBasisText,
  majorHazardSources,
  majorHazardText,
  tagLabel,
  type StandardItem,
} from './standards-logic';

export interface ItemEditing {
  onEdit: () => void;
  onDelete: () => void;
  onMove: (direction: 'up' | 'down') => void;
  canUp: boolean;
  canDown: boolean;
  busy: boolean;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** One item of a standard: code, 重点 tag, requirement, legal basis, how to check, evidence, tags and links. */
export function ItemBlock({
  item,
  editing,
  problem,
}: {
  item: StandardItem;
  editing?: ItemEditing;
  /** the server refused to publish because of this item */
  problem?: boolean;
}) {
  const { t, locale } = useI18n();
  const none = <Typography.Text type="secondary">{t('standards.none')}</Typography.Text>;
  const className = ['sc-std-item', item.isKey ? 'sc-std-item-key' : '', problem ? 'sc-std-item-problem' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} id={itemAnchor(item.code)}>
      <div className="sc-std-item-head">
        <Space size={[6, 4]} wrap>
          <span className="sc-std-item-code">{item.code}</span>
          {item.isKey ? <Tag color="red">{t('standards.key')}</Tag> : null}
          {item.majorHazard ? (
            <Tooltip title={majorHazardSources[item.majorHazard.source]?.full[locale]}>
              <Tag color="volcano" icon={<WarningOutlined />}>
                {t('standards.majorHazardTag')}
              </Tag>
            </Tooltip>
          ) : null}
          {problem ? <Tag color="error">{t('standards.publish.itemProblem')}</Tag> : null}
        </Space>
        {editing ? (
          <Space size={0} className="sc-std-item-actions">
            <Tooltip title={t('standards.item.up')}>
              <Button
                type="text"
                size="small"
                icon={<ArrowUpOutlined />}
                aria-label={t('standards.item.up')}
                disabled={!editing.canUp || editing.busy}
                onClick={() => editing.onMove('up')}
              />
            </Tooltip>
            <Tooltip title={t('standards.item.down')}>
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined />}
                aria-label={t('standards.item.down')}
                disabled={!editing.canDown || editing.busy}
                onClick={() => editing.onMove('down')}
              />
            </Tooltip>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={editing.onEdit}>
              {t('common.edit')}
            </Button>
            <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={editing.onDelete}>
              {t('standards.item.delete')}
            </Button>
          </Space>
        ) : null}
      </div>
      <div className="sc-std-item-req">{item.requirement}</div>
      <dl className="sc-std-item-fields">
        <Field label={t('standards.field.legalBasis')}>
          {item.legalBasis.length === 0 ? (
            none
          ) : (
            <ul className="sc-std-basis">
              {item.legalBasis.map((b, i) => (
                <li key={i}>{legalBasisText(b)}</li>
              ))}
            </ul>
          )}
        </Field>
        <Field label={t('standards.field.checkMethod')}>{item.checkMethod || none}</Field>
        <Field label={t('standards.field.evidence')}>{item.evidence || none}</Field>
        <Field label={t('standards.field.tags')}>
          {item.tags.length === 0 ? (
            <Typography.Text type="secondary">{t('standards.item.allEnterprises')}</Typography.Text>
          ) : (
            <Space size={[4, 4]} wrap>
              {item.tags.map((tag) => (
                <Tag key={tag} color="cyan">
                  {tagLabel(tag, locale)}
                </Tag>
              ))}
            </Space>
          )}
        </Field>
        {item.violationTypes.length > 0 ? (
          <Field label={t('standards.field.violationTypes')}>
            <Space size={[4, 4]} wrap>
              {item.violationTypes.map((v) => (
                <Tag key={v} className="sc-mono">
                  {v}
                </Tag>
              ))}
            </Space>
          </Field>
        ) : null}
        {item.majorHazard ? (
          <Field label={t('standards.field.majorHazard')}>
            <Tooltip title={majorHazardSources[item.majorHazard.source]?.full[locale]}>
              <Typography.Text type="danger">{majorHazardText(item.majorHazard, locale)}</Typography.Text>
            </Tooltip>
          </Field>
        ) : null}
      </dl>
    </div>
  );
}
