import { CalculatorOutlined, EditOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  InputNumber,
  List,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { countKinds, groupByMonth, runsOf, weekdayOf } from './calendar-logic';
import { useCalendarDays, useCalendarYears, useWorkingDayEnd } from './queries';
import { YearEntryDrawer } from './YearEntryDrawer';
import './calendar.css';

const weekdaysZh = ['日', '一', '二', '三', '四', '五', '六'];
const weekdaysEn = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function useWeekday() {
  const { locale } = useI18n();
  return (date: string) => (locale === 'zh-CN' ? `周${weekdaysZh[weekdayOf(date)]}` : weekdaysEn[weekdayOf(date)]);
}

/** 工作日计算: the end of a period of working days (start day not counted), with the warning when estimated. */
function WorkingDaysCalculator() {
  const { t, locale } = useI18n();
  const weekday = useWeekday();
  const [input, setInput] = useState<{ from: string; days: number } | null>(null);
  const result = useWorkingDayEnd(input);

  return (
    <Card size="small" title={<span><CalculatorOutlined /> {t('calendar.calc.title')}</span>}>
      <Form<{ from: Dayjs; days: number }>
        layout="inline"
        className="sc-cal-calc-form"
        initialValues={{ from: dayjs(), days: 20 }}
        onFinish={(v) => setInput({ from: v.from.format('YYYY-MM-DD'), days: v.days })}
      >
        <Form.Item name="from" label={t('calendar.calc.from')} rules={[{ required: true, message: t('calendar.required') }]}>
          <DatePicker inputReadOnly allowClear={false} />
        </Form.Item>
        <Form.Item name="days" label={t('calendar.calc.days')} rules={[{ required: true, message: t('calendar.required') }]}>
          <InputNumber min={0} max={365} precision={0} inputMode="numeric" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={result.isFetching}>
            {t('calendar.calc.submit')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" className="sc-small sc-cal-calc-hint">
        {t('calendar.calc.hint')}
      </Typography.Paragraph>
      {input && result.isError ? (
        <Alert type="error" showIcon title={problemMessage(result.error, locale)} />
      ) : null}
      {input && result.data ? (
        <div className="sc-cal-result">
          <div>
            {t('calendar.calc.result', { from: input.from, days: input.days })}
            <span className="sc-cal-result-date">
              {result.data.date} {weekday(result.data.date)}
            </span>
          </div>
          {result.data.estimated ? (
            <Alert
              type="warning"
              showIcon
              className="sc-cal-warning"
              title={t('calendar.calc.estimated', { year: result.data.unknownYears.join('、') })}
            />
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

/** The exceptional days of one year, month by month: holiday periods and make-up workdays. */
function YearDays({ year }: { year: number }) {
  const { t, locale } = useI18n();
  const weekday = useWeekday();
  const days = useCalendarDays(year);
  const months = useMemo(() => groupByMonth(days.data ?? []), [days.data]);

  if (days.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (days.isError)
    return <Alert type="error" showIcon title={t('common.loadFailed')} description={problemMessage(days.error, locale)} />;
  if (days.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.days.none')} />;
  const counts = countKinds(days.data);
  return (
    <>
      <Space size={[8, 4]} wrap className="sc-cal-counts">
        <Tag color="red">{t('calendar.days.holidayCount', { n: counts.holiday })}</Tag>
        <Tag color="blue">{t('calendar.days.workdayCount', { n: counts.workday })}</Tag>
      </Space>
      <Row gutter={[12, 12]}>
        {months.map((m) => (
          <Col key={m.month} xs={24} sm={12} xl={8}>
            <div className="sc-cal-month">
              <div className="sc-cal-month-title">{t('calendar.month', { month: m.month })}</div>
              {runsOf(m.days).map((run) => (
                <div key={run.from} className={`sc-cal-run sc-cal-run-${run.kind}`}>
                  <Tag color={run.kind === 'holiday' ? 'red' : 'blue'} className="sc-cal-kind">
                    {run.kind === 'holiday' ? t('calendar.kind.holiday') : t('calendar.kind.workday')}
                  </Tag>
                  <span className="sc-cal-run-dates sc-mono">
                    {run.from === run.to
                      ? `${run.from.slice(5)} ${weekday(run.from)}`
                      : `${run.from.slice(5)} ~ ${run.to.slice(5)}`}
                  </span>
                  <span className="sc-cal-run-name">
                    {run.name}
                    {run.days.length > 1 ? ` · ${t('calendar.days.length', { n: run.days.length })}` : null}
                  </span>
                </div>
              ))}
            </div>
          </Col>
        ))}
      </Row>
    </>
  );
}

/**
 * 节假日日历 (`/calendar`): the years the work calendar knows and where each came from, one year's holidays and
 * make-up workdays, the working-day calculator, and for the bureau admin the entry of a year from the notice.
 */
export default function CalendarPage() {
  const { t, locale } = useI18n();
  const access = useAccess();
  const canEnter = access.roles.includes('bureau_admin');
  const years = useCalendarYears();
  const known = useMemo(() => (years.data ?? []).map((y) => y.year).sort((a, b) => b - a), [years.data]);
  const thisYear = dayjs().year();
  const [picked, setPicked] = useState<number | undefined>();
  const year = picked ?? (known.includes(thisYear) ? thisYear : known[0]);
  const [entering, setEntering] = useState(false);
  const yearInfo = years.data?.find((y) => y.year === year);

  return (
    <div className="sc-page sc-cal">
      <div className="sc-cal-head">
        <Typography.Title level={3} className="sc-cal-title">
          {t('calendar.title')}
        </Typography.Title>
        {canEnter ? (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEntering(true)}>
            {t('calendar.entry.button')}
          </Button>
        ) : null}
      </div>
      <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size={16} className="sc-full-width">
        <WorkingDaysCalculator />
        <Card
          size="small"
          title={t('calendar.days.title')}
          extra={
            known.length > 0 ? (
              <Select
                size="small"
                value={year}
                onChange={setPicked}
                aria-label={t('calendar.years.pick')}
                options={known.map((y) => ({ value: y, label: t('calendar.year', { year: y }) }))}
                className="sc-cal-year-select"
              />
            ) : null
          }
        >
          {yearInfo ? (
            <Typography.Paragraph type="secondary" className="sc-small">
              {t('calendar.years.sourceLine', {
                source: yearInfo.source,
                notice: yearInfo.noticeRef ?? '—',
              })}
            </Typography.Paragraph>
          ) : null}
          {years.isPending ? (
            <Skeleton active />
          ) : years.isError ? (
            <Alert type="error" showIcon title={t('common.loadFailed')} description={problemMessage(years.error, locale)} />
          ) : year === undefined ? (
            <Empty description={t('calendar.years.none')} />
          ) : (
            <YearDays year={year} />
          )}
        </Card>
        <Card size="small" title={t('calendar.years.title')}>
          <List
            size="small"
            loading={years.isPending}
            dataSource={[...(years.data ?? [])].sort((a, b) => b.year - a.year)}
            locale={{ emptyText: t('calendar.years.none') }}
            renderItem={(y) => (
              <List.Item className="sc-cal-year-item">
                <div>
                  <Button type="link" size="small" className="sc-cal-year-link" onClick={() => setPicked(y.year)}>
                    {t('calendar.year', { year: y.year })}
                  </Button>
                  <Tag>{y.source}</Tag>
                </div>
                <div className="sc-small sc-cal-year-meta">
                  {y.noticeRef ? <span>{t('calendar.years.notice', { notice: y.noticeRef })}</span> : null}
                  <span>{t('calendar.years.enteredAt', { time: formatDateTime(y.enteredAt) })}</span>
                </div>
              </List.Item>
            )}
          />
        </Card>
      </Space>
      {canEnter ? (
        <YearEntryDrawer
          open={entering}
          knownYears={known}
          onClose={() => setEntering(false)}
          onSaved={(saved) => {
            setEntering(false);
            setPicked(saved);
          }}
        />
      ) : null}
    </div>
  );
}
