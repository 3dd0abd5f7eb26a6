import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Skeleton, Space, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { useI18n } from '../../i18n';
import { ImportRecordsModal } from './ImportRecordsModal';
import { useAdverseRecords, type Accident, type DishonestyListing, type Penalty } from './queries';
import { RecordDrawer, type RecordKind } from './RecordDrawer';
import {
  formatYuan,
  gradeColor,
  gradeLabelKey,
  listingInForce,
  newestFirst,
  sourceKindKey,
} from './records-logic';
import './records.css';

function Source({ source, kind }: { source: string; kind: string }) {
  const { t } = useI18n();
  const kindKey = sourceKindKey(kind);
  return (
    <div className="sc-rec-source">
      {t('records.field.source')}：{source}
      {kindKey ? <Tag className="sc-rec-kind">{t(kindKey)}</Tag> : null}
    </div>
  );
}

function AccidentItem({ a }: { a: Accident }) {
  const { t } = useI18n();
  const grade = gradeLabelKey(a.grade);
  return (
    <List.Item className="sc-rec-item">
      <div className="sc-rec-head">
        <span className="sc-mono">{a.occurredOn}</span>
        <Tag color={gradeColor(a.grade)}>{grade ? t(grade) : a.grade}</Tag>
      </div>
      <div>
        {t('records.accident.casualties', { deaths: a.deaths, injuries: a.seriousInjuries })}
        {a.directLoss > 0 ? ` · ${t('records.accident.loss', { amount: formatYuan(a.directLoss) })}` : null}
      </div>
      {a.description ? <div className="sc-rec-text">{a.description}</div> : null}
      <Source source={a.source} kind={a.sourceKind} />
    </List.Item>
  );
}

function PenaltyItem({ p }: { p: Penalty }) {
  const { t } = useI18n();
  return (
    <List.Item className="sc-rec-item">
      <div className="sc-rec-head">
        <span className="sc-mono">{p.decidedOn}</span>
        <span className="sc-rec-strong">{p.authority}</span>
        {p.workSafety ? <Tag color="red">{t('records.penalty.workSafetyTag')}</Tag> : null}
      </div>
      <div className="sc-small">
        {t('records.penalty.decisionNumber')}：<span className="sc-mono">{p.decisionNumber}</span>
      </div>
      <div className="sc-rec-text">
        {t('records.penalty.violation')}：{p.violation}
      </div>
      <div className="sc-rec-text">
        {t('records.penalty.sanction')}：{p.sanction}
      </div>
      <Source source={p.source} kind={p.sourceKind} />
    </List.Item>
  );
}

function DishonestyItem({ d, today }: { d: DishonestyListing; today: string }) {
  const { t } = useI18n();
  const inForce = listingInForce(d, today);
  return (
    <List.Item className="sc-rec-item">
      <div className="sc-rec-head">
        <span className="sc-mono">
          {d.fromDate} ~ {d.toDate ?? t('records.dishonesty.open')}
        </span>
        <Tag color={inForce ? 'red' : 'default'}>
          {inForce ? t('records.dishonesty.inForce') : t('records.dishonesty.ended')}
        </Tag>
      </div>
      <div className="sc-small">
        {t('records.dishonesty.listedBy')}：{d.listedBy}
      </div>
      <div className="sc-rec-text">{d.reason}</div>
      <Source source={d.source} kind={d.sourceKind} />
    </List.Item>
  );
}

/**
 * 不良记录 of one enterprise: accidents, administrative penalties and serious-dishonesty listings, each with its
 * source; add buttons for those the server's abilities allow (recordAccidents, recordPenalties, listDishonesty), and
 * 导入 (a spreadsheet of records of any enterprises) with importAdverseRecords.
 * Render only when the user has `viewAdverseRecords`.
 */
export function AdverseRecordsCard({ enterpriseId }: { enterpriseId: string }) {
  const { t, locale } = useI18n();
  const access = useAccess();
  const records = useAdverseRecords(enterpriseId);
  const [adding, setAdding] = useState<RecordKind | null>(null);
  const [importing, setImporting] = useState(false);
  const today = dayjs().format('YYYY-MM-DD');

  const addButton = (kind: RecordKind, ability: string, label: string): ReactNode =>
    access.abilities[ability] === true ? (
      <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(kind)}>
        {label}
      </Button>
    ) : null;

  let body: ReactNode;
  if (records.isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (records.isError)
    body = (
      <Alert type="error" showIcon title={t('common.loadFailed')} description={problemMessage(records.error, locale)} />
    );
  else {
    const r = records.data;
    const tab = (
      key: RecordKind,
      label: string,
      count: number,
      add: ReactNode,
      list: ReactNode,
      empty: string,
    ) => ({
      key,
      label: (
        <span>
          {label} <Tag className="sc-rec-count" color={count > 0 ? 'red' : 'default'}>{count}</Tag>
        </span>
      ),
      children: (
        <Space orientation="vertical" size={8} className="sc-full-width">
          {add ? <div className="sc-rec-actions">{add}</div> : null}
          {count === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : list}
        </Space>
      ),
    });
    body = (
      <Tabs
        size="small"
        items={[
          tab(
            'accident',
            t('records.accident.tab'),
            r.accidents.length,
            addButton('accident', 'recordAccidents', t('records.accident.add')),
            <List
              size="small"
              dataSource={newestFirst(r.accidents, (a) => a.occurredOn)}
              renderItem={(a) => <AccidentItem a={a} />}
            />,
            t('records.accident.none'),
          ),
          tab(
            'penalty',
            t('records.penalty.tab'),
            r.penalties.length,
            addButton('penalty', 'recordPenalties', t('records.penalty.add')),
            <List
              size="small"
              dataSource={newestFirst(r.penalties, (p) => p.decidedOn)}
              renderItem={(p) => <PenaltyItem p={p} />}
            />,
            t('records.penalty.none'),
          ),
          tab(
            'dishonesty',
            t('records.dishonesty.tab'),
            r.dishonesty.length,
            addButton('dishonesty', 'listDishonesty', t('records.dishonesty.add')),
            <List
              size="small"
              dataSource={newestFirst(r.dishonesty, (d) => d.fromDate)}
              renderItem={(d) => <DishonestyItem d={d} today={today} />}
            />,
            t('records.dishonesty.none'),
          ),
        ]}
      />
    );
  }

  return (
    <Card
      size="small"
      title={t('records.title')}
      extra={
        access.abilities.importAdverseRecords === true ? (
          <Button size="small" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('records.import.button')}
          </Button>
        ) : null
      }
    >
      {body}
      <RecordDrawer kind={adding} enterpriseId={enterpriseId} onClose={() => setAdding(null)} />
      <ImportRecordsModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
