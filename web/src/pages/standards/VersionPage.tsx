import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Grid,
  Result,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiProblem, problemMessage } from '../../api/problem';
import { useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { DiffPanel } from './DiffPanel';
import { ItemsPanel, scrollToItem } from './ItemsPanel';
import { useIndustryNames, useStandards, useVersion } from './queries';
import { industryText, sortVersions, type VersionDetail } from './standards-logic';
import './standards.css';
import { VersionStatusTag } from './StatusTag';
import { VersionActions } from './VersionActions';

const searchKeys = ['tab', 'against'] as const;

function StatusBanner({
  version,
  newer,
}: {
  version: VersionDetail;
  newer: { id: string; number: string } | null;
}) {
  const { t } = useI18n();
  switch (version.status) {
    case 'draft':
      return (
        <Alert
          type="warning"
          showIcon
          title={version.abilities?.edit ? t('standards.banner.draftEditable') : t('standards.banner.draft')}
        />
      );
    case 'published':
      return <Alert type="info" showIcon title={t('standards.banner.published')} />;
    case 'superseded':
      return (
        <Alert
          type="warning"
          showIcon
          title={t('standards.banner.superseded')}
          action={
            newer ? (
              <Link to={`/standards/versions/${newer.id}`}>
                {t('standards.banner.openNewer', { number: newer.number })}
              </Link>
            ) : undefined
          }
        />
      );
    default:
      return null;
  }
}

/** The route `/standards/versions/:id`: one version with its items by module, its lifecycle actions and diffs. */
export default function VersionPage() {
  const { id } = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md === false;
  const version = useVersion(id);
  const standards = useStandards();
  const industryNames = useIndustryNames();
  const [search, setSearch] = useSearchState(searchKeys);
  const [problemCodes, setProblemCodes] = useState<string[]>([]);
  const [openModules, setOpenModules] = useState<string[] | null>(null);
  const [shownFor, setShownFor] = useState(id);

  // another version (after 起草新版本, or a link): start from its defaults
  if (shownFor !== id) {
    setShownFor(id);
    setProblemCodes([]);
    setOpenModules(null);
  }

  // a new version (after 起草新版本, or a link from another version) opens at its top
  useEffect(() => window.scrollTo(0, 0), [id]);

  const standard = useMemo(
    () => standards.data?.find((s) => s.id === version.data?.standard.id),
    [standards.data, version.data?.standard.id],
  );
  const versions = useMemo(() => sortVersions(standard?.versions ?? []), [standard]);

  if (version.isPending) {
    return (
      <Card className="sc-page-card">
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (version.isError) {
    const notFound = isApiProblem(version.error) && version.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('standards.version.notFound') : t('common.loadFailed')}
        subTitle={problemMessage(version.error, locale)}
        extra={<Button onClick={() => void navigate('/standards')}>{t('standards.back')}</Button>}
      />
    );
  }
  const v = version.data;
  const problemSet = new Set(problemCodes);
  const newest = versions.find((x) => x.status === 'filed' || x.status === 'published');
  const newer = v.status === 'superseded' && newest && newest.id !== v.id ? newest : null;
  const basedOn = versions.find((x) => x.id === v.basedOnVersionId);
  const keyCount = v.items.filter((i) => i.isKey).length;
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const orDash = (value: ReactNode) => (value === null || value === undefined || value === '' ? dash : value);

  const reveal = (codes: string[]) => {
    setProblemCodes(codes);
    if (codes.length === 0) return;
    const modules = new Set(v.items.filter((i) => codes.includes(i.code)).map((i) => i.module));
    setOpenModules((open) => [...new Set([...(open ?? v.modules.map((m) => m.code)), ...modules])]);
    setSearch({ tab: null });
    scrollToItem(codes[0]);
  };

  return (
    <div className="sc-page sc-std-page">
      <div className="sc-std-head">
        <div className="sc-std-head-main">
          <Link to="/standards" className="sc-small">
            <ArrowLeftOutlined /> {t('standards.back')}
          </Link>
          <Typography.Title level={3} className="sc-std-title">
            {v.standard.title}
          </Typography.Title>
          <Space size={[6, 4]} wrap>
            <Tag color="blue" className="sc-std-version-tag">
              {t('standards.versionNumber', { number: v.number })}
            </Tag>
            <VersionStatusTag status={v.status} />
            {v.documentNumber ? <Tag>{v.documentNumber}</Tag> : null}
            <Typography.Text type="secondary" className="sc-small">
              {t('standards.items.count', { total: v.items.length, key: keyCount })}
            </Typography.Text>
          </Space>
        </div>
        <VersionActions version={v} onProblemItems={reveal} />
      </div>

      <Space orientation="vertical" size={16} className="sc-full-width">
        <StatusBanner version={v} newer={newer ? { id: newer.id, number: newer.number } : null} />
        <Card size="small">
          <Descriptions
            size="small"
            column={compact ? 1 : 3}
            items={[
              {
                key: 'dept',
                label: t('standards.field.owningDepartment'),
                children: orDash(standard?.owningDepartmentName),
              },
              {
                key: 'scope',
                label: t('standards.field.industryScope'),
                children: (
                  <Space size={[4, 4]} wrap>
                    {v.standard.industryScope.map((code) => (
                      <Tag key={code} color="geekblue">
                        {industryText(code, industryNames)}
                      </Tag>
                    ))}
                  </Space>
                ),
                span: compact ? 1 : 2,
              },
              { key: 'doc', label: t('standards.field.documentNumber'), children: orDash(v.documentNumber) },
              { key: 'date', label: t('standards.field.publishDate'), children: orDash(v.publishDate) },
              {
                key: 'filed',
                label: t('standards.field.filedAt'),
                children: v.filedAt ? formatDateTime(v.filedAt) : dash,
              },
              ...(v.supersededAt
                ? [
                    {
                      key: 'superseded',
                      label: t('standards.field.supersededAt'),
                      children: formatDateTime(v.supersededAt),
                    },
                  ]
                : []),
              {
                key: 'based',
                label: t('standards.field.basedOn'),
                children: basedOn ? (
                  <Link to={`/standards/versions/${basedOn.id}`}>
                    {t('standards.versionNumber', { number: basedOn.number })}
                  </Link>
                ) : (
                  dash
                ),
              },
              {
                key: 'created',
                label: t('standards.field.createdAt'),
                children: formatDateTime(v.createdAt),
              },
            ]}
          />
        </Card>

        <Card size="small" className="sc-std-body">
          <Tabs
            activeKey={search.tab === 'diff' ? 'diff' : 'items'}
            onChange={(tab) => setSearch({ tab: tab === 'items' ? null : tab })}
            items={[
              {
                key: 'items',
                label: t('standards.tab.items', { n: v.items.length }),
                children: (
                  <ItemsPanel
                    version={v}
                    problemCodes={problemSet}
                    openModules={openModules}
                    onOpenModules={setOpenModules}
                  />
                ),
              },
              {
                key: 'diff',
                label: t('standards.tab.diff'),
                children: (
                  <DiffPanel
                    version={v}
                    versions={versions}
                    against={search.against}
                    onAgainst={(against) => setSearch({ against })}
                  />
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}
