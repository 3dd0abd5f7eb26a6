import { RightOutlined } from '@ant-design/icons';
import {
  Alert,
  Card,
  Grid,
  Input,
  List,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { problemMessage } from '../../api/problem';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { useI18n } from '../../i18n';
import { useSubdistricts } from '../registry/queries';
import { useEntries } from './queries';
import { EntryStatusTag, useWhitelistAccess, ValidityText } from './Tags';
import type { Entry } from './types';
import { entryStatuses, entryStatusKey, statusParam } from './whitelist-admin-logic';
import './whitelist-admin.css';

const searchKeys = ['q', 'status', 'subdistrict', 'page'] as const;
const pageSize = 20;

/**
 * 白名单 `/whitelist/entries`: the entries the user may see (bureau: all; a subdistrict officer: its own
 * subdistrict, scoped by the server), searched by name, USCC or number, filtered by status and subdistrict.
 */
export default function EntriesPage() {
  const { t, locale } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const { bureau } = useWhitelistAccess();
  const [search, setSearch] = useSearchState(searchKeys);
  const page = pageParam(search.page, 1);
  const status = statusParam(entryStatuses, search.status);
  const [draft, setDraft] = useState(search.q ?? '');
  useEffect(() => setDraft(search.q ?? ''), [search.q]);
  const subdistricts = useSubdistricts();
  const list = useEntries({
    q: search.q,
    status,
    subdistrictId: bureau ? search.subdistrict : undefined,
    page,
    pageSize,
  });
  const items = list.data?.items ?? [];

  const columns: TableColumnsType<Entry> = [
    {
      title: t('whitelistAdmin.field.entryNumber'),
      key: 'number',
      className: 'sc-wla-nowrap',
      render: (_, e) => (
        <Link to={`/whitelist/entries/${e.id}`} className="sc-mono">
          {e.number}
        </Link>
      ),
    },
    {
      title: t('whitelistAdmin.field.enterprise'),
      key: 'enterprise',
      render: (_, e) => <Link to={`/whitelist/entries/${e.id}`}>{e.enterpriseName}</Link>,
    },
    {
      title: t('whitelistAdmin.field.uscc'),
      key: 'uscc',
      render: (_, e) => <span className="sc-mono">{e.uscc}</span>,
    },
    { title: t('whitelistAdmin.field.subdistrict'), dataIndex: 'subdistrictName', key: 'subdistrict' },
    {
      title: t('whitelistAdmin.field.validity'),
      key: 'validity',
      render: (_, e) => <ValidityText validFrom={e.validFrom} validTo={e.validTo} status={e.status} />,
    },
    {
      title: t('whitelistAdmin.field.status'),
      key: 'status',
      render: (_, e) => <EntryStatusTag status={e.status} />,
    },
  ];

  return (
    <Card className="sc-page-card" title={t('whitelistAdmin.entries.title')}>
      <div className="sc-toolbar">
        <Space wrap>
          <Input.Search
            allowClear
            value={draft}
            placeholder={t('whitelistAdmin.entries.search')}
            aria-label={t('whitelistAdmin.entries.search')}
            className="sc-search"
            style={{ width: compact ? '100%' : 280 }}
            onChange={(e) => {
              setDraft(e.target.value);
              if (e.target.value === '') setSearch({ q: undefined, page: undefined });
            }}
            onSearch={(v) => setSearch({ q: v.trim(), page: undefined })}
          />
          <Select
            allowClear
            value={status}
            placeholder={t('whitelistAdmin.field.status')}
            className="sc-filter-select-narrow"
            options={entryStatuses.map((s) => ({ value: s, label: t(entryStatusKey(s)) }))}
            onChange={(s?: string) => setSearch({ status: s, page: undefined })}
          />
          {bureau ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={search.subdistrict}
              placeholder={t('whitelistAdmin.entries.allSubdistricts')}
              className="sc-filter-select"
              loading={subdistricts.isPending}
              options={(subdistricts.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              onChange={(s?: string) => setSearch({ subdistrict: s, page: undefined })}
            />
          ) : null}
        </Space>
      </div>
      {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, locale)} /> : null}
      {compact ? (
        <List
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: t('whitelistAdmin.entries.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: (p) => setSearch({ page: p }),
            size: 'small',
          }}
          renderItem={(e) => (
            <List.Item>
              <Link to={`/whitelist/entries/${e.id}`} className="sc-wla-row">
                <Space orientation="vertical" size={2}>
                  <Space wrap size={4}>
                    <Typography.Text strong>{e.enterpriseName}</Typography.Text>
                    <EntryStatusTag status={e.status} />
                  </Space>
                  <Typography.Text type="secondary" className="sc-mono">
                    {e.number} · {e.uscc}
                  </Typography.Text>
                  <Typography.Text type="secondary" className="sc-small">
                    {e.subdistrictName}
                  </Typography.Text>
                  <ValidityText validFrom={e.validFrom} validTo={e.validTo} status={e.status} />
                </Space>
                <RightOutlined />
              </Link>
            </List.Item>
          )}
        />
      ) : (
        <Table<Entry>
          rowKey="id"
          columns={columns}
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: t('whitelistAdmin.entries.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p) => setSearch({ page: p }),
            showSizeChanger: false,
          }}
        />
      )}
    </Card>
  );
}
