import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Grid,
  Input,
  Result,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { applyProblemToForm } from '../../components/form-problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import {
  articleAfterOutcomeChange,
  articleRequired,
  decisionBody,
  decisionDefaults,
  departsFromSuggestion,
  factMarkSymbol,
  hazardStatusKey,
  isStaleProblem,
  leniencyChecklist,
  outcomeColor,
  outcomeKey,
  penaltyOutcomes,
  shortHash,
  suggestionModality,
  withBodyFieldPaths,
  type DecisionValues,
} from './enforcement-logic';
import { decidePenalty, useLeniency, useRefreshEnforcement } from './queries';
import type { LeniencyFacts, LeniencySuggestion, PenaltyDecision, SelfReport, Violation } from './types';

/** 首次违法 ✓, 检查前自查自报 ✗, …, 危害后果 无, 清单归属 从轻. */
function FactChecklist({ facts }: { facts: LeniencyFacts }) {
  const { t } = useI18n();
  return (
    <ul className="sc-enf-checklist" data-testid="leniency-facts">
      {leniencyChecklist(facts).map((row) => (
        <li key={row.key} data-testid={`leniency-fact-${row.key}`} data-mark={row.mark}>
          <span className={`sc-enf-mark sc-enf-mark-${row.mark}`} aria-hidden>
            {factMarkSymbol[row.mark]}
          </span>
          <span className="sc-enf-fact-label">{t(row.label)}</span>
          <Typography.Text type="secondary">
            {row.value
              ? t(row.value)
              : t(row.mark === 'yes' ? 'enforcement.fact.yes' : 'enforcement.fact.no')}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** The enterprise's own hazard report: what, when, and the audit event that fixes the time. */
function SelfReportView({ report }: { report: SelfReport | null }) {
  const { t } = useI18n();
  const access = useAccess();
  if (!report)
    return (
      <Typography.Text type="secondary" data-testid="leniency-self-report">
        {t('enforcement.leniency.noSelfReport')}
      </Typography.Text>
    );
  const status = hazardStatusKey(report.status);
  return (
    <div data-testid="leniency-self-report">
      <Space wrap size={[8, 2]}>
        {access.abilities.viewHazards === true ? (
          <Link to={`/hazards/${report.hazardId}`}>{report.title}</Link>
        ) : (
          <span>{report.title}</span>
        )}
        <Tag>{status ? t(status) : report.status}</Tag>
      </Space>
      <Descriptions
        size="small"
        column={1}
        className="sc-enf-gap"
        items={[
          {
            key: 'at',
            label: t('enforcement.leniency.reportedAt'),
            children: formatDateTime(report.reportedAt, true),
          },
          {
            key: 'event',
            label: t('enforcement.leniency.event'),
            children: report.event ? (
              <Typography.Text
                className="sc-mono"
                copyable={{ text: report.event.hash }}
                data-testid="leniency-event"
              >
                <span title={report.event.hash}>
                  {t('enforcement.leniency.eventLine', {
                    seq: report.event.seq,
                    hash: shortHash(report.event.hash),
                  })}
                </span>
              </Typography.Text>
            ) : (
              <Typography.Text type="warning">{t('enforcement.leniency.noEvent')}</Typography.Text>
            ),
          },
        ]}
      />
      {report.event ? (
        <Typography.Text type="secondary" className="sc-small">
          {t('enforcement.leniency.eventProof')}
        </Typography.Text>
      ) : null}
      {!report.byEnterprise ? (
        <Alert
          type="warning"
          showIcon
          className="sc-enf-gap"
          title={t('enforcement.leniency.notByEnterprise')}
          data-testid="leniency-not-by-enterprise"
        />
      ) : null}
    </div>
  );
}

/** 建议：应当 从轻处罚, the article, why, and the duty to educate when no penalty is suggested. */
function SuggestionView({ s }: { s: LeniencySuggestion }) {
  const { t } = useI18n();
  const modality = suggestionModality(s);
  return (
    <div className="sc-enf-suggestion" data-testid="leniency-suggestion">
      <Space wrap size={[8, 4]}>
        {modality ? (
          <Typography.Text strong data-testid="leniency-modality">
            {t(modality)}
          </Typography.Text>
        ) : null}
        <Tag color={outcomeColor[s.outcome]} data-testid="leniency-outcome">
          {t(outcomeKey(s.outcome))}
        </Tag>
      </Space>
      <Descriptions
        size="small"
        column={1}
        className="sc-enf-gap"
        items={[
          ...(s.article
            ? [{ key: 'article', label: t('enforcement.leniency.article'), children: s.article }]
            : []),
          { key: 'because', label: t('enforcement.leniency.because'), children: s.because },
        ]}
      />
      {s.educate ? (
        <Alert
          type="info"
          showIcon
          title={t('enforcement.leniency.educate')}
          data-testid="leniency-educate"
        />
      ) : null}
    </div>
  );
}

/** A decision taken: the outcome, whether it followed the suggestion of the time, the article, the reasons. */
function DecisionView({ d }: { d: PenaltyDecision }) {
  const { t } = useI18n();
  return (
    <div data-testid="decision-result">
      <Space wrap size={[8, 4]}>
        <Tag color={outcomeColor[d.outcome]}>{t(outcomeKey(d.outcome))}</Tag>
        <Tag color={d.followsSuggestion ? 'green' : 'orange'} data-testid="decision-follows">
          {d.followsSuggestion ? t('enforcement.decision.follows') : t('enforcement.decision.departed')}
        </Tag>
      </Space>
      <Descriptions
        size="small"
        column={1}
        className="sc-enf-gap"
        items={[
          { key: 'article', label: t('enforcement.decision.article'), children: d.article ?? '—' },
          {
            key: 'reason',
            label: t('enforcement.decision.reason'),
            children: <span className="sc-enf-text">{d.reason}</span>,
          },
          ...(d.decisionNumber
            ? [
                {
                  key: 'number',
                  label: t('enforcement.decision.number'),
                  children: <span className="sc-mono">{d.decisionNumber}</span>,
                },
              ]
            : []),
        ]}
      />
      {!d.followsSuggestion ? (
        <Typography.Text type="secondary" className="sc-small">
          {t('enforcement.decision.suggestedThen', { outcome: t(outcomeKey(d.suggestion.outcome)) })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

const decisionFields = ['outcome', 'article', 'reason', 'decisionNumber'];

/** The officer's decision, prefilled with the suggestion; a departure from it is flagged and must be reasoned. */
function DecisionForm({ violationId, suggestion }: { violationId: string; suggestion: LeniencySuggestion }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshEnforcement();
  const [form] = Form.useForm<DecisionValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const outcome = Form.useWatch('outcome', form);
  const needsArticle = articleRequired(outcome);
  const save = useMutation({
    mutationFn: (v: DecisionValues) => decidePenalty(violationId, decisionBody(v)),
    onMutate: () => setAlert(null),
    onSuccess: () => {
      refresh();
      void message.success(t('enforcement.decision.done'));
    },
    onError: (e) => {
      if (isStaleProblem(e)) refresh();
      setAlert(applyProblemToForm(form, withBodyFieldPaths(e), locale, decisionFields));
    },
  });
  return (
    <Form<DecisionValues>
      form={form}
      layout="vertical"
      initialValues={decisionDefaults(suggestion)}
      onValuesChange={(changed: Partial<DecisionValues>, all) => {
        if (changed.outcome)
          form.setFieldValue('article', articleAfterOutcomeChange(all.article, changed.outcome, suggestion));
      }}
      onFinish={(v) => save.mutate(v)}
      data-testid="decision-form"
    >
      {alert ? (
        <Alert type="error" showIcon title={alert} className="sc-form-alert" data-testid="decision-error" />
      ) : null}
      <Form.Item name="outcome" label={t('enforcement.decision.outcome')} rules={[{ required: true }]}>
        <Select
          options={penaltyOutcomes.map((o) => ({ value: o, label: t(outcomeKey(o)) }))}
          data-testid="decision-outcome"
        />
      </Form.Item>
      {departsFromSuggestion(outcome, suggestion) ? (
        <Alert
          type="warning"
          showIcon
          className="sc-enf-alert"
          title={t('enforcement.decision.departs')}
          data-testid="decision-departs"
        />
      ) : null}
      <Form.Item
        name="article"
        label={needsArticle ? t('enforcement.decision.article') : t('enforcement.decision.articleOptional')}
        dependencies={['outcome']}
        rules={[
          {
            required: needsArticle,
            whitespace: true,
            message: t('enforcement.decision.articleRequired'),
          },
        ]}
      >
        <Input maxLength={200} data-testid="decision-article" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('enforcement.decision.reason')}
        rules={[{ required: true, whitespace: true, message: t('enforcement.decision.reasonRequired') }]}
      >
        <Input.TextArea
          rows={4}
          maxLength={1000}
          showCount
          placeholder={t('enforcement.decision.reasonPlaceholder')}
          data-testid="decision-reason"
        />
      </Form.Item>
      <Form.Item name="decisionNumber" label={t('enforcement.decision.number')}>
        <Input maxLength={100} data-testid="decision-number" />
      </Form.Item>
      <Typography.Paragraph type="secondary" className="sc-small">
        {t('enforcement.decision.once')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" block loading={save.isPending} data-testid="decision-submit">
        {t('enforcement.decision.submit')}
      </Button>
    </Form>
  );
}

/**
 * 处罚裁量 of one violation (行政处罚法第三十二、三十三条): the facts read from the records as a checklist, the
 * enterprise's own earlier hazard report with its audit event, the penalty basis and range, the suggestion, and the
 * decision — its form for the inspecting department while undecided, the decision once taken.
 */
export function LeniencyDrawer({ violation, onClose }: { violation: Violation | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const compact = Grid.useBreakpoint().sm === false;
  const leniency = useLeniency(violation?.id);
  const l = leniency.data;
  const decision = l?.decision ?? violation?.decision ?? null;

  return (
    <Drawer
      open={violation !== null}
      title={violation ? t('enforcement.leniency.title', { type: violation.typeName }) : ''}
      onClose={onClose}
      size={compact ? '100%' : 560}
      destroyOnHidden
    >
      {leniency.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : leniency.isError ? (
        <Result
          status="error"
          title={t('common.loadFailed')}
          subTitle={problemMessage(leniency.error, locale)}
        />
      ) : l && violation ? (
        <div data-testid="leniency-panel">
          <Typography.Title level={5}>{t('enforcement.leniency.facts')}</Typography.Title>
          <Typography.Paragraph type="secondary" className="sc-small">
            {t('enforcement.leniency.factsHint')}
          </Typography.Paragraph>
          <FactChecklist facts={l.facts} />

          <Typography.Title level={5}>{t('enforcement.leniency.selfReport')}</Typography.Title>
          <SelfReportView report={l.selfReport} />

          <Typography.Title level={5}>{t('enforcement.leniency.penalty')}</Typography.Title>
          <div className="sc-enf-basis" data-testid="leniency-penalty">
            <div>
              <Typography.Text strong className="sc-small">
                {t('enforcement.type.penaltyBasis')}
              </Typography.Text>
              {l.penaltyBasis || '—'}
            </div>
            <div>
              <Typography.Text strong className="sc-small">
                {t('enforcement.type.penaltyRange')}
              </Typography.Text>
              {l.penaltyRange || '—'}
            </div>
          </div>

          <Typography.Title level={5}>{t('enforcement.leniency.suggestion')}</Typography.Title>
          <SuggestionView s={l.suggestion} />
          <Typography.Paragraph
            type="secondary"
            className="sc-small sc-enf-gap"
            data-testid="leniency-whitelist-note"
          >
            {t('enforcement.leniency.whitelistNote')}
          </Typography.Paragraph>

          <Divider />
          <Typography.Title level={5}>{t('enforcement.decision.title')}</Typography.Title>
          {decision ? (
            <DecisionView d={decision} />
          ) : violation.abilities.decide ? (
            <DecisionForm violationId={violation.id} suggestion={l.suggestion} />
          ) : (
            <Typography.Text type="secondary">{t('enforcement.leniency.undecided')}</Typography.Text>
          )}
        </div>
      ) : null}
    </Drawer>
  );
}
