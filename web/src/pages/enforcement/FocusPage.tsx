import { Alert, Card, Grid, List, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { problemMessage } from '../../api/problem';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { useI18n } from '../../i18n';
import { listPageSize } from './enforcement-logic';
import { useFocusEnterprises } from './queries';
import type { FocusEnterprise } from './types';
import './enforcement.css';

const focusSearchKeys = ['page'] as const;

/** Why an enterprise is on the list: overdue letters (red), unrectified violations (orange), a hot spot (gold). */
function ReasonTags({ f }: { f: FocusEnterprise }) {
  const { t } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      {f.overdueLetters > 0 ? (
        <Tag color="red">{t('enforcement.focus.reason.overdueLetters', { n: f.overdueLetters })}</Tag>
      ) : null}
      {f.overdueViolations > 0 ? (
        <Tag color="orange">
          {t('enforcement.focus.reason.overdueViolations', { n: f.overdueViolations })}
        </Tag>
      ) : null}
      {f.hotSpots > 0 ? <Tag color="gold">{t('enforcement.focus.reason.hotSpot')}</Tag> : null}
    </Space>
  );
}

/**
 * 不放心企业 `/enforcement/focus`: enterprises ranked by the server's weighted score (overdue advice letters,
 * violations past their rectification deadline, violation hot spots), for planning inspections; page in the URL.
 */
export default function FocusPage() {
  const { t, locale } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchState(focusSearchKeys);
  const page = pageParam(search.page, 1);
  const list = useFocusEnterprises({ page, pageSize: listPageSize });
  const items = list.data?.items ?? [];

  const columns: TableColumnsType<FocusEnterprise> = [
    {
      title: t('advice.field.enterprise'),
      key: 'ent',
      render: (_, f) => <Link to={`/enterprises/${f.enterpriseId}`}>{f.enterpriseName}</Link>,
    },
    { title: t('advice.field.subdistrict'), dataIndex: 'subdistrictName', key: 'sub' },
    { title: t('enforcement.focus.field.score'), dataIndex: 'score', key: 'score', align: 'right' },
    { title: t('enforcement.focus.field.reasons'), key: 'why', render: (_, f) => <ReasonTags f={f} /> },
  ];

  const pagination = {
    current: page,
    pageSize: listPageSize,
    total: list.data?.total ?? 0,
    onChange: (p: number) => setSearch({ page: p }),
  };

  return (
    <Card className="sc-page-card" title={t('enforcement.focus.title')}>
      <Typography.Paragraph type="secondary" className="sc-small">
        {t('enforcement.focus.intro')}
      </Typography.Paragraph>
      {list.isError ? (
        <Alert type="error" showIcon className="sc-enf-alert" title={problemMessage(list.error, locale)} />
      ) : null}
      <div data-testid="focus-list">
        {compact ? (
          <List
            loading={list.isPending}
            dataSource={items}
            locale={{ emptyText: t('enforcement.focus.empty') }}
            pagination={{ ...pagination, size: 'small', hideOnSinglePage: true }}
            renderItem={(f) => (
              <List.Item>
                <Space orientation="vertical" size={2}>
                  <Link to={`/enterprises/${f.enterpriseId}`}>
                    <Typography.Text strong>{f.enterpriseName}</Typography.Text>
                  </Link>
                  <Typography.Text type="secondary" className="sc-small">
                    {f.subdistrictName} · {t('enforcement.focus.field.score')} {f.score}
                  </Typography.Text>
                  <ReasonTags f={f} />
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Table<FocusEnterprise>
            rowKey="enterpriseId"
            size="small"
            columns={columns}
            loading={list.isPending}
            dataSource={items}
            locale={{ emptyText: t('enforcement.focus.empty') }}
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
