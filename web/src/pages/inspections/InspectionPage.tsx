import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, List, Progress, Result, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { isApiProblem, problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { NotFoundPage } from '../ErrorPages';
import { inspectionsKey, readinessKey } from '../readiness/queries';
import { AnswerCard } from './AnswerCard';
import {
  answerFilters,
  filterCounts,
  filterGroups,
  filterLabels,
  groupByModule,
  isAnswerFilter,
  itemProblems,
  moduleLabel,
  progressPercent,
  type AnswerFilter,
  type InspectionDetail,
} from './inspections-logic';
import { inspectionKey, useInspection, useModuleNames } from './queries';
import './inspections.css';

const noNames = new Map<string, string>();

/** A hazard the completion raised: its title and deadline once loaded, a numbered link before. */
function HazardLine({ id, n }: { id: string; n: number }) {
  const { t } = useI18n();
  const hazard = useQuery({
    queryKey: ['inspections', 'raised-hazard', id],
    queryFn: () => call(api.GET('/api/hazards/{id}', { params: { path: { id } } })),
    retry: false,
  });
  const h = hazard.data;
  return (
    <List.Item>
      <Link to={`/hazards/${id}`}>
        {h ? (
          <>
            {h.severity === 'major' ? <Tag color="red">{t('readiness.hazard.major')}</Tag> : null}
            {h.itemCode ? <span className="sc-mono">{h.itemCode} </span> : null}
            {h.title}
          </>
        ) : (
          t('inspections.done.hazard', { n })
        )}
      </Link>
    </List.Item>
  );
}

function Completed({ detail, hazardIds }: { detail: InspectionDetail; hazardIds: string[] | null }) {
  const { t } = useI18n();
  return (
    <Result
      status="success"
      className="sc-insp-done"
      title={t('inspections.done.title')}
      subTitle={
        <>
          <div>{t('inspections.completedAt', { date: formatDateTime(detail.completedAt) })}</div>
          <div>
            {t('inspections.summary', {
              compliant: detail.progress.compliant,
              nonCompliant: detail.progress.nonCompliant,
              notApplicable: detail.progress.notApplicable,
            })}
          </div>
        </>
      }
      extra={
        hazardIds === null ? (
          detail.progress.nonCompliant > 0 ? (
            <Link to="/hazards">{t('inspections.done.allHazards')}</Link>
          ) : null
        ) : hazardIds.length === 0 ? (
          <Typography.Text>{t('inspections.done.noHazards')}</Typography.Text>
        ) : (
          <div className="sc-insp-done-hazards">
            <Typography.Paragraph>{t('inspections.done.hazards', { n: hazardIds.length })}</Typography.Paragraph>
            <List
              size="small"
              bordered
              dataSource={hazardIds}
              renderItem={(id, i) => <HazardLine id={id} n={i + 1} />}
            />
            <Link to="/hazards">{t('inspections.done.allHazards')}</Link>
          </div>
        )
      }
    />
  );
}

/**
 * One self-inspection (or agency first inspection) as a form for a phone: items by module as cards, a filter,
 * each answer saved at once (leave and resume any time), a sticky bar with the progress and 完成自查.
 */
export default function InspectionPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const { modal, message } = App.useApp();
  const access = useAccess();
  const queryClient = useQueryClient();
  const detail = useInspection(id);
  const names = useModuleNames(detail.data?.standardVersionId, Boolean(access.abilities.viewStandards));
  const [search, setSearch] = useSearchState(['filter'] as const);
  const [problems, setProblems] = useState<Map<string, string[]>>(new Map());
  const [hazardIds, setHazardIds] = useState<string[] | null>(null);

  // "to fix" lives only as long as the refusal it shows (after a reload it has nothing to show)
  const filter: AnswerFilter =
    isAnswerFilter(search.filter) && (search.filter !== 'problems' || problems.size > 0) ? search.filter : 'all';
  const answers = detail.data?.answers;
  const groups = useMemo(() => groupByModule(answers ?? []), [answers]);
  const counts = useMemo(() => filterCounts(answers ?? [], problems), [answers, problems]);
  const shown = useMemo(() => filterGroups(groups, filter, problems), [groups, filter, problems]);

  const complete = useMutation({
    mutationFn: () => call(api.POST('/api/inspections/{id}/complete', { params: { path: { id: id! } } })),
    onSuccess: (done) => {
      setProblems(new Map());
      setHazardIds(done.hazardIds ?? []);
      queryClient.setQueryData(inspectionKey(id!), done);
      void queryClient.invalidateQueries({ queryKey: inspectionsKey });
      void queryClient.invalidateQueries({ queryKey: readinessKey });
      window.scrollTo({ top: 0 });
    },
    onError: (e) => {
      const byItem = itemProblems(e, locale);
      setProblems(byItem);
      if (byItem.size > 0) {
        setSearch({ filter: 'problems' });
        void message.error(t('inspections.complete.blocked', { n: byItem.size }));
        window.scrollTo({ top: 0 });
      } else {
        void message.error(problemMessage(e, locale));
      }
    },
  });

  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) {
    if (isApiProblem(detail.error) && detail.error.status === 404) return <NotFoundPage />;
    return <Alert type="error" showIcon title={t('common.loadFailed')} description={problemMessage(detail.error, locale)} />;
  }
  const d = detail.data;
  const editable = d.abilities.answer && d.status === 'in_progress';
  const percent = progressPercent(d.progress);
  const declared = names.data ?? noNames;

  const askComplete = () =>
    modal.confirm({
      title: d.kind === 'self' ? t('inspections.complete') : t('inspections.completeAgency'),
      content: t('inspections.complete.confirm'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: () => complete.mutateAsync().catch(() => undefined),
    });

  return (
    <div className={editable ? 'sc-insp sc-insp-editing' : 'sc-insp'}>
      <Link to="/inspections" className="sc-insp-back">
        <ArrowLeftOutlined /> {t('inspections.back')}
      </Link>
      <Card size="small" className="sc-insp-header">
        <Typography.Title level={5} className="sc-insp-title">
          {d.enterpriseName}
        </Typography.Title>
        <div className="sc-insp-meta">
          <span>
            {d.standardTitle} <Typography.Text type="secondary">{d.versionNumber}</Typography.Text>
          </span>
          <span>
            <Tag>{t(`inspections.kind.${d.kind}`)}</Tag>
            <Tag color={d.status === 'completed' ? 'green' : 'blue'}>{t(`inspections.status.${d.status}`)}</Tag>
            {d.copiedFromId ? <Tag>{t('inspections.copied')}</Tag> : null}
          </span>
        </div>
        <Progress percent={percent} size="small" />
        <Typography.Text type="secondary" className="sc-small">
          {t('inspections.progress', { answered: d.progress.answered, items: d.progress.items })}
          {d.progress.toReview > 0 ? ` · ${t('inspections.progress.toReview', { n: d.progress.toReview })}` : ''}
          {' · '}
          {t('inspections.summary', {
            compliant: d.progress.compliant,
            nonCompliant: d.progress.nonCompliant,
            notApplicable: d.progress.notApplicable,
          })}
        </Typography.Text>
        {!editable && d.status === 'in_progress' ? (
          <Alert type="info" showIcon className="sc-form-alert" title={t('inspections.readOnly')} />
        ) : null}
      </Card>

      {d.status === 'completed' ? <Completed detail={d} hazardIds={hazardIds} /> : null}

      <div className="sc-insp-filter">
        <Segmented<AnswerFilter>
          value={filter}
          onChange={(f) => setSearch({ filter: f === 'all' ? null : f })}
          options={answerFilters
            .filter((f) => f !== 'problems' || problems.size > 0)
            .map((f) => ({ value: f, label: `${t(filterLabels[f])} ${counts[f]}` }))}
        />
      </div>

      {shown.length === 0 ? (
        <Card size="small">
          <Typography.Text type="secondary">{t('inspections.filter.none')}</Typography.Text>
        </Card>
      ) : null}
      {shown.map((g) => (
        <section key={g.module} className="sc-insp-module">
          <Typography.Title level={5} className="sc-insp-module-title">
            {moduleLabel(g.module, declared, locale)}
          </Typography.Title>
          <Space direction="vertical" size="small" className="sc-full-width">
            {g.answers.map((a) => (
              <AnswerCard
                key={a.itemCode}
                inspectionId={d.id}
                answer={a}
                editable={editable}
                problems={problems.get(a.itemCode)}
              />
            ))}
          </Space>
        </section>
      ))}

      {d.abilities.complete && d.status === 'in_progress' ? (
        <div className="sc-insp-bar">
          <div className="sc-insp-bar-progress">
            <Progress percent={percent} size="small" showInfo={false} />
            <span className="sc-small">
              {t('inspections.progress', { answered: d.progress.answered, items: d.progress.items })}
            </span>
          </div>
          <Button type="primary" size="large" icon={<CheckOutlined />} loading={complete.isPending} onClick={askComplete}>
            {d.kind === 'self' ? t('inspections.complete') : t('inspections.completeAgency')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
