import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Grid,
  Input,
  Pagination,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { problemMessage } from '../../api/problem';
import { useDebounced } from '../../components/use-debounced';
import { useSearchState } from '../../components/use-search-state';
import { useI18n } from '../../i18n';
import {
  entryStatusTag,
  industryText,
  pageSizes,
  validityLines,
  validityText,
  whitelistQuery,
} from './public-logic';
import { usePublicWhitelist, type PublicEntry } from './queries';

const searchKeys = ['q', 'subdistrictId', 'industry', 'page', 'pageSize'] as const;

/**
 * A text filter typed into a box and kept in the URL once typing settles; a URL change from elsewhere (the back
 * button) refills the box.
 */
function useUrlText(
  fromUrl: string | undefined,
  write: (value: string) => void,
): [string, (v: string) => void] {
  const [draft, setDraft] = useState(fromUrl ?? '');
  const settled = useDebounced(draft.trim(), 400);
  const written = useRef(fromUrl ?? '');
  useEffect(() => {
    if (settled === written.current) return;
    written.current = settled;
    write(settled);
  }, [settled, write]);
  useEffect(() => {
    const value = fromUrl ?? '';
    if (value === written.current) return;
    written.current = value;
    setDraft(value);
  }, [fromUrl]);
  return [draft, setDraft];
}

function StatusTag({ status }: { status: PublicEntry['status'] }) {
  const { t } = useI18n();
  const tag = entryStatusTag(status);
  return <Tag color={tag.color}>{t(tag.key)}</Tag>;
}

function VerifyLink({ entry }: { entry: PublicEntry }) {
  const { t } = useI18n();
  return (
    <a href={entry.verifyUrl} target="_blank" rel="noopener noreferrer">
      <SafetyCertificateOutlined /> {t('public.whitelist.verify')}
    </a>
  );
}

function EntryCard({ entry }: { entry: PublicEntry }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" className="sc-pub-card">
      <div className="sc-pub-card-head">
        <span>{entry.enterpriseName}</span>
        <StatusTag status={entry.status} />
      </div>
      <dl className="sc-pub-fields">
        <dt>{t('public.whitelist.number')}</dt>
        <dd>{entry.number}</dd>
        <dt>{t('public.whitelist.uscc')}</dt>
        <dd className="sc-mono">{entry.uscc}</dd>
        <dt>{t('public.whitelist.subdistrict')}</dt>
        <dd>{entry.subdistrictName}</dd>
        <dt>{t('public.whitelist.industryCol')}</dt>
        <dd>{industryText(entry.industryName, entry.industryCode, locale)}</dd>
        <dt>{t('public.whitelist.validity')}</dt>
        <dd>{validityText(entry.validFrom, entry.validTo, locale)}</dd>
      </dl>
      <div className="sc-pub-card-actions">
        <VerifyLink entry={entry} />
      </div>
    </Card>
  );
}

/** /public/whitelist: the entries in force, searched by name or USCC, by subdistrict and industry. */
export default function WhitelistPage() {
  const { t, locale } = useI18n();
  // the table needs a laptop's width; phones and tablets get cards
  const compact = Grid.useBreakpoint().lg === false;
  const [search, setSearch] = useSearchState(searchKeys);
  const [q, setQ] = useUrlText(search.q, (value) => setSearch({ q: value, page: null }));
  const [industry, setIndustry] = useUrlText(search.industry, (value) =>
    setSearch({ industry: value, page: null }),
  );
  const filters = whitelistQuery(search);
  const list = usePublicWhitelist(filters);
  const data = list.data;

  const nowrap = (text: ReactNode) => <span className="sc-pub-nowrap">{text}</span>;
  const columns: TableColumnsType<PublicEntry> = [
    { key: 'number', title: t('public.whitelist.number'), render: (_, e) => nowrap(e.number) },
    { key: 'enterprise', title: t('public.whitelist.enterprise'), dataIndex: 'enterpriseName' },
    {
      key: 'uscc',
      title: t('public.whitelist.uscc'),
      render: (_, e) => <span className="sc-mono">{e.uscc}</span>,
    },
    {
      key: 'subdistrict',
      title: t('public.whitelist.subdistrict'),
      render: (_, e) => nowrap(e.subdistrictName),
    },
    {
      key: 'industry',
      title: t('public.whitelist.industryCol'),
      render: (_, e) => industryText(e.industryName, e.industryCode, locale),
    },
    {
      key: 'validity',
      title: t('public.whitelist.validity'),
      // two lines (from / to), so the enterprise's name keeps its width
      render: (_, e) => {
        const [from, to] = validityLines(e.validFrom, e.validTo, locale);
        return (
          <>
            {nowrap(from)}
            <br />
            {nowrap(to)}
          </>
        );
      },
    },
    { key: 'status', title: t('public.whitelist.status'), render: (_, e) => <StatusTag status={e.status} /> },
    { key: 'verify', title: '', render: (_, e) => nowrap(<VerifyLink entry={e} />) },
  ];

  return (
    <div>
      <Typography.Title level={4} className="sc-pub-title">
        {t('public.whitelist.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="sc-pub-intro">
        {t('public.whitelist.intro')}
      </Typography.Paragraph>
      <div className="sc-pub-filters">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('public.whitelist.search')}
          aria-label={t('public.whitelist.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Select
          allowClear
          placeholder={t('public.whitelist.allSubdistricts')}
          aria-label={t('public.whitelist.subdistrict')}
          value={search.subdistrictId}
          onChange={(v?: string) => setSearch({ subdistrictId: v ?? null, page: null })}
          options={(data?.subdistricts ?? []).map((s) => ({ value: s.id, label: s.name }))}
          loading={list.isPending}
        />
        <Input
          allowClear
          placeholder={t('public.whitelist.industry')}
          aria-label={t('public.whitelist.industry')}
          value={industry}
          onChange={(e) => setIndustry(e.target.value)}
        />
      </div>
      {list.isError ? (
        <Alert
          type="error"
          showIcon
          title={problemMessage(list.error, locale)}
          action={
            <Button size="small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : compact ? (
        list.isPending ? (
          <Skeleton active />
        ) : data && data.items.length > 0 ? (
          <>
            {data.items.map((e) => (
              <EntryCard key={e.number} entry={e} />
            ))}
            <div className="sc-pub-pager">
              <Pagination
                simple
                current={filters.page}
                pageSize={filters.pageSize}
                total={data.total}
                onChange={(page) => setSearch({ page })}
              />
            </div>
          </>
        ) : (
          <Empty description={t('public.whitelist.empty')} />
        )
      ) : (
        <Table<PublicEntry>
          rowKey="number"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: <Empty description={t('public.whitelist.empty')} /> }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: pageSizes.map(String),
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setSearch({ page, pageSize }),
          }}
        />
      )}
    </div>
  );
}
