import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Skeleton, Timeline, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { AuditEvent } from '../../api/types';
import { formatDateTime, formatValue } from '../../format';
import { useI18n } from '../../i18n';
import { eventKindText } from '../../labels';
import { useEnterprise, useIndustries, useParks, useSubdistricts } from './queries';
import {
  eventFieldChanges,
  eventImportId,
  fieldLabelKey,
  registryEventLabelKeys,
  scaleText,
  statusText,
} from './registry-logic';

const pageSize = 10;

/** An enterprise named by id in an event (a 厂中厂 host): its name when the user may read it, else the id. */
function EnterpriseName({ id }: { id: string }) {
  const e = useEnterprise(id);
  return <>{e.data?.name ?? id}</>;
}

/** The enterprise's operation history from the audit chain: who changed what, when (needs viewAudit). */
export function HistoryCard({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { t, locale } = useI18n();
  const [shown, setShown] = useState(pageSize);
  const events = useQuery({
    queryKey: ['audit', 'events', { entityType, entityId, pageSize: shown }],
    queryFn: () =>
      call(
        api.GET('/api/audit/events', {
          params: { query: { entityType, entityId, page: 1, pageSize: shown } },
        }),
      ),
  });
  const subdistricts = useSubdistricts();
  const parks = useParks();
  const industries = useIndustries();
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const u of subdistricts.data ?? []) m.set(u.id, u.name);
    for (const p of parks.data ?? []) m.set(p.id, p.name);
    return m;
  }, [subdistricts.data, parks.data]);

  const show = (field: string, value: unknown): ReactNode => {
    if (value === null || value === undefined || value === '') return t('registry.history.empty');
    if (typeof value !== 'string') return formatValue(value);
    if (field === 'scale') return scaleText(value, locale);
    if (field === 'operatingStatus') return statusText(value, locale);
    if (field === 'hostEnterpriseId') return <EnterpriseName id={value} />;
    if (field === 'industryCode') {
      const found = industries.data?.find((i) => i.code === value);
      return found ? `${found.code} ${found.name}` : value;
    }
    return names.get(value) ?? value;
  };

  const kindText = (e: AuditEvent) => {
    const key = registryEventLabelKeys[e.kind];
    return key ? t(key) : eventKindText(e.kind, locale);
  };

  const details = (e: AuditEvent) => {
    const changes = eventFieldChanges(e);
    const importId = eventImportId(e);
    const after = (e.after ?? {}) as Record<string, unknown>;
    return (
      <>
        {importId ? (
          <div>
            <Link to={`/enterprises/import?import=${importId}`} className="sc-small">
              {t('registry.history.viaImport')}
            </Link>
          </div>
        ) : null}
        {e.kind === 'enterprise.account_created' && typeof after.username === 'string' ? (
          <Typography.Text type="secondary" className="sc-small">
            {after.via === 'activation_code'
              ? t('registry.history.accountViaCode', { username: after.username })
              : t('registry.history.account', { username: after.username })}
          </Typography.Text>
        ) : null}
        {e.kind === 'enterprise.activation_code_issued' && typeof after.expiresAt === 'string' ? (
          <Typography.Text type="secondary" className="sc-small">
            {t('registry.accounts.codeExpires', { time: formatDateTime(after.expiresAt) })}
          </Typography.Text>
        ) : null}
        {changes.length > 0 ? (
          <ul className="sc-reg-history-change">
            {changes.map((c) => {
              const label = fieldLabelKey(c.field);
              return (
                <li key={c.field}>
                  {label ? t(label) : c.field}：<span className="sc-reg-old">{show(c.field, c.before)}</span>{' '}
                  → {show(c.field, c.after)}
                </li>
              );
            })}
          </ul>
        ) : null}
      </>
    );
  };

  const total = events.data?.total ?? 0;
  return (
    <Card title={t('registry.history.title')} size="small">
      {events.isError ? <Alert type="error" showIcon title={problemMessage(events.error, locale)} /> : null}
      {events.isPending ? (
        <Skeleton active />
      ) : (events.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.history.none')} />
      ) : (
        <Timeline
          items={(events.data?.items ?? []).map((e) => ({
            key: e.id,
            content: (
              <div>
                <div>
                  <Typography.Text strong>{kindText(e)}</Typography.Text>{' '}
                  <Typography.Text type="secondary" className="sc-small">
                    {formatDateTime(e.at)} · {e.actorLabel === 'system' ? t('audit.system') : e.actorLabel}
                  </Typography.Text>
                </div>
                {details(e)}
              </div>
            ),
          }))}
        />
      )}
      {total > shown ? (
        <Button type="link" onClick={() => setShown((n) => n + pageSize)} loading={events.isFetching}>
          {t('registry.history.more', { rest: total - shown })}
        </Button>
      ) : null}
    </Card>
  );
}
