import { ArrowRightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { Fragment, useMemo } from 'react';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n';
import { standardsKey } from './queries';
import {
  compareCandidates,
  defaultCompareTarget,
  diffDirection,
  presentDiff,
  versionStatusMeta,
  type ChangedItemView,
  type DiffPresentation,
  type FieldChange,
  type TextSegment,
  type VersionDetail,
  type VersionSummary,
} from './standards-logic';

function Marked({ segments, side }: { segments: TextSegment[]; side: 'before' | 'after' }) {
  return (
    <>
      {segments.map((s, i) => {
        if (s.kind === 'same') return <Fragment key={i}>{s.text}</Fragment>;
        if (s.kind === 'del') return side === 'before' ? <del key={i}>{s.text}</del> : null;
        return side === 'after' ? <ins key={i}>{s.text}</ins> : null;
      })}
    </>
  );
}

function FieldRows({ fields }: { fields: FieldChange[] }) {
  const { t } = useI18n();
  return (
    <div className="sc-std-diff-fields">
      <div className="sc-std-diff-fields-head">{t('standards.diff.field')}</div>
      <div className="sc-std-diff-fields-head">{t('standards.diff.before')}</div>
      <div className="sc-std-diff-fields-head">{t('standards.diff.after')}</div>
      {fields.map((f) => (
        <Fragment key={f.field}>
          <div className="sc-std-diff-label">{t(f.labelKey)}</div>
          <div className="sc-std-diff-before" data-label={t('standards.diff.before')}>
            {f.segments ? <Marked segments={f.segments} side="before" /> : f.before}
          </div>
          <div className="sc-std-diff-after" data-label={t('standards.diff.after')}>
            {f.segments ? <Marked segments={f.segments} side="after" /> : f.after}
          </div>
        </Fragment>
      ))}
    </div>
  );
}

function ChangedItem({ change }: { change: ChangedItemView }) {
  const { t } = useI18n();
  const showsRequirement = change.fields.some((f) => f.field === 'requirement');
  return (
    <div className={change.keyChange ? 'sc-std-diff-item sc-std-diff-key' : 'sc-std-diff-item'}>
      <div className="sc-std-diff-item-head">
        <span className="sc-std-item-code">{change.code}</span>
        <Typography.Text type="secondary" className="sc-small">
          {change.module}
        </Typography.Text>
        {change.keyFlip === 'became' ? <Tag color="red">{t('standards.diff.becameKey')}</Tag> : null}
        {change.keyFlip === 'dropped' ? <Tag color="red">{t('standards.diff.droppedKey')}</Tag> : null}
        {change.keyChange && !change.keyFlip ? <Tag color="red">{t('standards.diff.keyChanged')}</Tag> : null}
      </div>
      {showsRequirement ? null : <div className="sc-std-diff-context">{change.requirement}</div>}
      <FieldRows fields={change.fields} />
    </div>
  );
}

function ListedItems({
  items,
  keyCodes,
  kind,
}: {
  items: DiffPresentation['added'];
  keyCodes: ReadonlySet<string>;
  kind: 'added' | 'removed';
}) {
  const { t } = useI18n();
  return (
    <>
      {items.map((item) => (
        <div
          key={item.code}
          className={[
            'sc-std-diff-item',
            `sc-std-diff-${kind}`,
            keyCodes.has(item.code) ? 'sc-std-diff-key' : '',
          ].join(' ')}
        >
          <div className="sc-std-diff-item-head">
            <span className="sc-std-item-code">{item.code}</span>
            <Typography.Text type="secondary" className="sc-small">
              {item.moduleLabel}
            </Typography.Text>
            {item.isKey ? <Tag color="red">{t('standards.key')}</Tag> : null}
          </div>
          <div className="sc-std-diff-context">{item.requirement}</div>
        </div>
      ))}
    </>
  );
}

function versionOption(v: VersionSummary, statusText: (s: string) => string, label: (n: string) => string) {
  return {
    value: v.id,
    label: [label(v.number), statusText(v.status), v.documentNumber].filter(Boolean).join(' · '),
  };
}

/**
 * 版本比较: this version against another of the same standard, read from the older to the newer: added, removed
 * and changed items, field by field; changes that touch key items in red (supplementary advice letters follow
 * from them).
 */
export function DiffPanel({
  version,
  versions,
  against,
  onAgainst,
}: {
  version: VersionDetail;
  versions: VersionSummary[];
  against: string | undefined;
  onAgainst: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const candidates = compareCandidates(versions, version.id);
  const otherId = candidates.some((v) => v.id === against)
    ? against
    : defaultCompareTarget(version, versions);
  const other = candidates.find((v) => v.id === otherId);
  const direction = other ? diffDirection(version, other) : null;
  const numberOf = (id: string) => (id === version.id ? version.number : (other?.number ?? ''));

  const diff = useQuery({
    queryKey: [...standardsKey, 'diff', direction?.from, direction?.to],
    queryFn: () =>
      call(
        api.GET('/api/standard-versions/{id}/diff', {
          params: { path: { id: direction!.to }, query: { against: direction!.from } },
        }),
      ),
    enabled: direction !== null,
    staleTime: 60_000,
  });

  const view = useMemo(
    () =>
      diff.data
        ? presentDiff(diff.data, {
            locale,
            modules: version.modules,
            yes: t('standards.yes'),
            no: t('standards.no'),
            none: t('standards.none'),
          })
        : null,
    [diff.data, locale, version.modules, t],
  );

  if (candidates.length === 0) {
    return <Empty description={t('standards.diff.noOther')} />;
  }
  const statusText = (s: string) => {
    const key = versionStatusMeta(s).key;
    return key ? t(key) : s;
  };

  return (
    <div className="sc-std-diff">
      <div className="sc-toolbar">
        <Space wrap>
          <span>{t('standards.diff.against')}</span>
          <Select
            value={otherId}
            onChange={onAgainst}
            options={candidates.map((v) =>
              versionOption(v, statusText, (n) => t('standards.versionNumber', { number: n })),
            )}
            className="sc-std-diff-select"
            popupMatchSelectWidth={false}
            aria-label={t('standards.diff.against')}
          />
        </Space>
        {direction ? (
          <div className="sc-std-diff-direction">
            <Tag>{t('standards.versionNumber', { number: numberOf(direction.from) })}</Tag>
            <ArrowRightOutlined />
            <Tag color="blue">{t('standards.versionNumber', { number: numberOf(direction.to) })}</Tag>
          </div>
        ) : null}
      </div>
      {diff.isPending ? (
        <Skeleton active />
      ) : diff.isError ? (
        <Alert type="error" showIcon title={problemMessage(diff.error, locale)} />
      ) : view?.empty ? (
        <Empty description={t('standards.diff.same')} />
      ) : view ? (
        <Space orientation="vertical" size={16} className="sc-full-width">
          <Space size={[8, 8]} wrap className="sc-std-diff-summary">
            <Tag color="green">{t('standards.diff.addedCount', { n: view.counts.added })}</Tag>
            <Tag>{t('standards.diff.removedCount', { n: view.counts.removed })}</Tag>
            <Tag color="blue">{t('standards.diff.changedCount', { n: view.counts.changed })}</Tag>
            <Tag color={view.counts.key > 0 ? 'red' : 'default'}>
              {t('standards.diff.keyCount', { n: view.counts.key })}
            </Tag>
          </Space>
          {view.counts.key > 0 ? (
            <Alert
              type="error"
              showIcon
              title={t('standards.diff.keyAlert', { codes: [...view.keyCodes].join('、') })}
            />
          ) : null}
          {view.changed.length > 0 ? (
            <section>
              <Typography.Title level={5}>
                {t('standards.diff.changed', { n: view.changed.length })}
              </Typography.Title>
              {view.changed.map((c) => (
                <ChangedItem key={c.code} change={c} />
              ))}
            </section>
          ) : null}
          {view.added.length > 0 ? (
            <section>
              <Typography.Title level={5}>
                {t('standards.diff.added', { n: view.added.length })}
              </Typography.Title>
              <ListedItems items={view.added} keyCodes={view.keyCodes} kind="added" />
            </section>
          ) : null}
          {view.removed.length > 0 ? (
            <section>
              <Typography.Title level={5}>
                {t('standards.diff.removed', { n: view.removed.length })}
              </Typography.Title>
              <ListedItems items={view.removed} keyCodes={view.keyCodes} kind="removed" />
            </section>
          ) : null}
        </Space>
      ) : null}
    </div>
  );
}
