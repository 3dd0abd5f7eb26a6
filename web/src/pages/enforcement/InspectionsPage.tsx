import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Grid,
  Input,
  List,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { useI18n } from '../../i18n';
import {
  inspectionListQuery,
  inspectionSearchKeys,
  listPageSize,
  violationSummary,
} from './enforcement-logic';
import { useInspections } from './queries';
import type { Inspection } from './types';
import './enforcement.css';

function ViolationsCell({ i }: { i: Inspection }) {
  const { t } = useI18n();
  const summary = violationSummary(i);
  switch (summary.kind) {
    case 'count':
      return <Tag color="red">{t('enforcement.list.violations', { n: summary.n })}</Tag>;
    case 'found':
      return <Tag color="red">{t('enforcement.list.violationsFound')}</Tag>;
    case 'none':
      return <Tag color="green">{t('enforcement.list.noViolations')}</Tag>;
  }
}

/**
 * 执法检查 `/enforcement/inspections`: the inspections the user may see (the server scopes them: a subdistrict its
 * enterprises', an enterprise its own), searchable by enterprise name; 登记检查 for enforcement officers.
 */
export default function InspectionsPage() {
  const { t, locale } = useI18n();
  const access = useAccess();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchState(inspectionSearchKeys);
  const [qDraft, setQDraft] = useState(search.q ?? '');
  useEffect(() => setQDraft(search.q ?? ''), [search.q]);
  const list = useInspections(inspectionListQuery(search));
  const items = list.data?.items ?? [];
  const page = pageParam(search.page, 1);
  const canRecord = access.abilities.recordEnforcementInspections === true;

  const columns: TableColumnsType<Inspection> = [
    {
      title: t('enforcement.field.inspectedOn'),
      dataIndex: 'inspectedOn',
      key: 'on',
      className: 'sc-enf-nowrap',
    },
    {
      title: t('enforcement.field.enterprise'),
      key: 'ent',
      render: (_, i) => <Link to={`/enforcement/inspections/${i.id}`}>{i.enterpriseName}</Link>,
    },
    { title: t('enforcement.field.subdistrict'), dataIndex: 'subdistrictName', key: 'sub' },
    { title: t('enforcement.field.department'), dataIndex: 'departmentName', key: 'dep' },
    {
      title: t('enforcement.field.violations'),
      key: 'v',
      render: (_, i) => <ViolationsCell i={i} />,
    },
    {
      title: t('enforcement.field.rectifyBy'),
      key: 'by',
      className: 'sc-enf-nowrap',
      render: (_, i) => i.rectifyBy ?? '—',
    },
    {
      title: t('enforcement.field.notice'),
      key: 'notice',
      render: (_, i) => (i.noticeNumber ? <span className="sc-mono">{i.noticeNumber}</span> : '—'),
    },
  ];

  const pagination = {
    current: page,
    pageSize: listPageSize,
    total: list.data?.total ?? 0,
    onChange: (p: number) => setSearch({ page: p }),
  };

  return (
    <Card
      className="sc-page-card"
      title={t('enforcement.list.title')}
      extra={
        canRecord ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/enforcement/inspections/new')}
            data-testid="inspection-new"
          >
            {t('enforcement.new.button')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" className="sc-small">
        {t('enforcement.list.intro')}
      </Typography.Paragraph>
      <div className="sc-enf-filters">
        <Input.Search
          allowClear
          value={qDraft}
          placeholder={t('enforcement.list.search')}
          aria-label={t('enforcement.list.search')}
          className="sc-enf-filter-q"
          onChange={(e) => setQDraft(e.target.value)}
          onSearch={(v) => setSearch({ q: v.trim(), page: null })}
          data-testid="inspections-search"
        />
      </div>
      {list.isError ? (
        <Alert type="error" showIcon className="sc-enf-alert" title={problemMessage(list.error, locale)} />
      ) : null}
      <div data-testid="inspections-list">
        {compact ? (
          <List
            loading={list.isPending}
            dataSource={items}
            locale={{ emptyText: t('enforcement.list.empty') }}
            pagination={{ ...pagination, size: 'small' }}
            renderItem={(i) => (
              <List.Item>
                <Link to={`/enforcement/inspections/${i.id}`} className="sc-enf-row">
                  <Space orientation="vertical" size={2}>
                    <Typography.Text strong>{i.enterpriseName}</Typography.Text>
                    <Space wrap size={[8, 2]}>
                      <span className="sc-small">{i.inspectedOn}</span>
                      <ViolationsCell i={i} />
                    </Space>
                    <Typography.Text type="secondary" className="sc-small">
                      {i.departmentName} · {i.subdistrictName}
                    </Typography.Text>
                    {i.rectifyBy ? (
                      <Typography.Text type="secondary" className="sc-small">
                        {t('enforcement.list.rectifyBy', { date: i.rectifyBy })}
                      </Typography.Text>
                    ) : null}
                  </Space>
                  <RightOutlined />
                </Link>
              </List.Item>
            )}
          />
        ) : (
          <Table<Inspection>
            rowKey="id"
            columns={columns}
            loading={list.isPending}
            dataSource={items}
            locale={{ emptyText: t('enforcement.list.empty') }}
            pagination={{
              ...pagination,
              showTotal: (total) => t('common.total', { total }),
              showSizeChanger: false,
            }}
            scroll={{ x: 'max-content' }}
          />
        )}
      </div>
    </Card>
  );
}
