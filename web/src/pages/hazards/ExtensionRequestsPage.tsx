import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Grid, List, Segmented, Select, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useSession } from '../../auth/session';
import { useSearchState } from '../../components/use-search-state';
import { useI18n } from '../../i18n';
import { lockedSubdistrict } from '../registry/registry-logic';
import { useSubdistricts } from '../registry/queries';
import { DecideModal, ExtensionCard } from './Extensions';
import {
  extensionListQuery,
  extensionSearchKeys,
  extensionStatuses,
  extensionStatusLabel,
  type Extension,
} from './hazards-logic';
import { extensionsKey } from './queries';
import './hazards.css';

const wideRoles = new Set([
  'system_admin',
  'bureau_admin',
  'bureau_reviewer',
  'department_officer',
  'enforcement_officer',
]);

/**
 * 延期申请: the subdistrict's queue (pending first, as the server sorts) with approve / refuse, the decided ones with
 * their documents; for an enterprise its own requests with withdraw. Status and subdistrict are kept in the URL.
 */
export default function ExtensionRequestsPage() {
  const { t, locale } = useI18n();
  const me = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchState(extensionSearchKeys);
  const [deciding, setDeciding] = useState<{ x: Extension; d: 'approve' | 'refuse' } | null>(null);
  const query = extensionListQuery(search);
  const pickSubdistrict = !lockedSubdistrict(me.roles) && me.roles.some((r) => wideRoles.has(r.role));
  const subdistricts = useSubdistricts();
  const list = useQuery({
    queryKey: [...extensionsKey, 'list', query],
    queryFn: () => call(api.GET('/api/extension-requests', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const pending = useQuery({
    queryKey: [...extensionsKey, 'count', 'pending', query.subdistrictId ?? null],
    queryFn: () =>
      call(
        api.GET('/api/extension-requests', {
          params: { query: { status: 'pending', subdistrictId: query.subdistrictId, page: 1, pageSize: 1 } },
        }),
      ),
    select: (p) => p.total,
  });

  return (
    <Card className="sc-page-card">
      <div className="sc-toolbar">
        <Typography.Title level={4} className="sc-page-title">
          {t('extensions.title')}
        </Typography.Title>
        <Tooltip title={t('common.refresh')}>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              void list.refetch();
              void pending.refetch();
            }}
            aria-label={t('common.refresh')}
          />
        </Tooltip>
      </div>
      <Space wrap className="sc-hz-filter-row">
        <div className="sc-hz-views">
          <Segmented<string>
            value={search.status ?? 'all'}
            onChange={(v) => setSearch({ status: v === 'all' ? null : v, page: null })}
            options={[
              { value: 'all', label: t('extensions.view.all') },
              ...extensionStatuses.map((s) => ({
                value: s,
                label:
                  s === 'pending' && pending.data !== undefined ? (
                    <span className={pending.data > 0 ? 'sc-hz-view sc-hz-view-alarm' : 'sc-hz-view'}>
                      {t(extensionStatusLabel[s])}
                      <span className="sc-hz-count">{pending.data}</span>
                    </span>
                  ) : (
                    t(extensionStatusLabel[s])
                  ),
              })),
            ]}
          />
        </div>
        {pickSubdistrict ? (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('hazards.filter.subdistrict')}
            value={search.sub}
            options={(subdistricts.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            onChange={(v?: string) => setSearch({ sub: v, page: null })}
            className="sc-filter-select-narrow"
            aria-label={t('hazards.filter.subdistrict')}
          />
        ) : null}
      </Space>
      {list.isError ? (
        <Typography.Text type="danger">{problemMessage(list.error, locale)}</Typography.Text>
      ) : null}
      <List<Extension>
        grid={{ gutter: 12, xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 3 }}
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: t('extensions.list.empty') }}
        renderItem={(x) => (
          <List.Item>
            <ExtensionCard extension={x} onDecide={(ext, d) => setDeciding({ x: ext, d })} />
          </List.Item>
        )}
        pagination={
          (list.data?.total ?? 0) > (query.pageSize ?? 20)
            ? {
                current: query.page,
                pageSize: query.pageSize,
                total: list.data?.total ?? 0,
                simple: compact,
                showSizeChanger: false,
                showTotal: (total) => t('hazards.list.total', { total }),
                onChange: (p) => setSearch({ page: p === 1 ? null : p }),
                align: 'center',
              }
            : false
        }
      />
      <DecideModal
        extension={deciding?.x ?? null}
        decision={deciding?.d ?? null}
        onClose={() => setDeciding(null)}
      />
    </Card>
  );
}
