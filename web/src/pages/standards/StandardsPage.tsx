import { AppstoreAddOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Empty,
  Grid,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { CreateStandardDrawer } from './CreateStandardDrawer';
import { standardsKey, useIndustryNames, useStandards } from './queries';
import { industryText, sortVersions, type Standard, type VersionSummary } from './standards-logic';
import './standards.css';
import { VersionStatusTag } from './StatusTag';
import { TemplatesModal } from './TemplatesModal';

const versionPath = (id: string) => `/standards/versions/${id}`;

function VersionsTable({ standard }: { standard: Standard }) {
  const { t } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const numberCell = (v: VersionSummary) => (
    <Link to={versionPath(v.id)} className="sc-std-version-link">
      {t('standards.versionNumber', { number: v.number })}
    </Link>
  );
  const columns: TableColumnsType<VersionSummary> = compact
    ? [
        {
          key: 'all',
          render: (_, v) => (
            <div className="sc-stack">
              <Space size={8} wrap>
                {numberCell(v)}
                <VersionStatusTag status={v.status} />
              </Space>
              {v.documentNumber ? <span>{v.documentNumber}</span> : null}
              <Typography.Text type="secondary" className="sc-small">
                {v.publishDate
                  ? t('standards.publishedOn', { date: v.publishDate })
                  : t('standards.createdOn', { date: formatDateTime(v.createdAt) })}
                {v.filedAt ? ` · ${t('standards.filedOn', { date: formatDateTime(v.filedAt) })}` : ''}
              </Typography.Text>
            </div>
          ),
        },
      ]
    : [
        { key: 'number', title: t('standards.field.version'), width: 120, render: (_, v) => numberCell(v) },
        {
          key: 'status',
          title: t('standards.field.status'),
          width: 100,
          render: (_, v) => <VersionStatusTag status={v.status} />,
        },
        {
          key: 'doc',
          title: t('standards.field.documentNumber'),
          render: (_, v) => v.documentNumber ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
        {
          key: 'publishDate',
          title: t('standards.field.publishDate'),
          width: 120,
          render: (_, v) => v.publishDate ?? '—',
        },
        {
          key: 'filedAt',
          title: t('standards.field.filedAt'),
          width: 150,
          render: (_, v) => formatDateTime(v.filedAt),
        },
        {
          key: 'createdAt',
          title: t('standards.field.createdAt'),
          width: 150,
          render: (_, v) => formatDateTime(v.createdAt),
        },
        {
          key: 'open',
          title: t('common.actions'),
          width: 90,
          render: (_, v) => <Link to={versionPath(v.id)}>{t('standards.open')}</Link>,
        },
      ];
  return (
    <Table<VersionSummary>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={sortVersions(standard.versions)}
      pagination={false}
      showHeader={!compact}
    />
  );
}

/** 合规标准: every standard of the jurisdiction with its versions; new ones from scratch or from a template. */
export default function StandardsPage() {
  const { t, locale } = useI18n();
  const access = useAccess();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const standards = useStandards();
  const industryNames = useIndustryNames();
  const [creating, setCreating] = useState(false);
  const [fromTemplate, setFromTemplate] = useState(false);
  const canCreate = access.abilities.createStandard === true;
  const colon = locale === 'zh-CN' ? '：' : ': ';

  const opened = (versionId: string) => {
    setCreating(false);
    setFromTemplate(false);
    void navigate(versionPath(versionId));
  };

  let body;
  if (standards.isPending) {
    body = (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  } else if (standards.isError) {
    body = (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={problemMessage(standards.error, locale)}
        extra={<Button onClick={() => void standards.refetch()}>{t('common.retry')}</Button>}
      />
    );
  } else if (standards.data.length === 0) {
    body = (
      <Card>
        <Empty description={canCreate ? t('standards.list.emptyCreate') : t('standards.list.empty')} />
      </Card>
    );
  } else {
    body = standards.data.map((s) => (
      <Card
        key={s.id}
        size="small"
        className="sc-std-card"
        title={<span className="sc-std-card-title">{s.title}</span>}
        extra={s.templateKey ? <Tag>{t('standards.list.fromTemplate')}</Tag> : null}
      >
        <div className="sc-std-meta">
          <div>
            <Typography.Text type="secondary">
              {t('standards.field.owningDepartment')}
              {colon}
            </Typography.Text>
            {s.owningDepartmentName}
          </div>
          <div>
            <Typography.Text type="secondary">
              {t('standards.field.industryScope')}
              {colon}
            </Typography.Text>
            <Space size={[4, 4]} wrap className="sc-std-scope">
              {s.industryScope.map((code) => (
                <Tag key={code} color="geekblue">
                  {industryText(code, industryNames)}
                </Tag>
              ))}
            </Space>
          </div>
        </div>
        <VersionsTable standard={s} />
      </Card>
    ));
  }

  return (
    <Space orientation="vertical" size={16} className="sc-full-width">
      <Card className="sc-page-card">
        <div className="sc-toolbar sc-std-toolbar">
          <Typography.Text type="secondary" className="sc-std-intro">
            {t('standards.list.intro')}
          </Typography.Text>
          <div className="sc-std-items-tools">
            {canCreate ? (
              <>
                <Button icon={<AppstoreAddOutlined />} onClick={() => setFromTemplate(true)}>
                  {t('standards.fromTemplate.button')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t('standards.create.button')}
                </Button>
              </>
            ) : null}
            <Tooltip title={t('common.refresh')}>
              <Button
                icon={<ReloadOutlined />}
                aria-label={t('common.refresh')}
                onClick={() => void queryClient.invalidateQueries({ queryKey: standardsKey })}
              />
            </Tooltip>
          </div>
        </div>
      </Card>
      {body}
      {canCreate ? (
        <>
          <CreateStandardDrawer open={creating} onClose={() => setCreating(false)} onCreated={opened} />
          <TemplatesModal open={fromTemplate} onClose={() => setFromTemplate(false)} onCreated={opened} />
        </>
      ) : null}
    </Space>
  );
}
