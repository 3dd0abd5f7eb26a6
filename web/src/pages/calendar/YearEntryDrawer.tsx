import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Grid,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, call } from '../../api/client';
import { fieldErrorMessage, isApiProblem, problemMessage } from '../../api/problem';
import { useI18n, type MessageKey } from '../../i18n';
import {
  addPeriod,
  entryDays,
  expandRange,
  nextYearToEnter,
  rowProblems,
  rowsFromDays,
  sentOrder,
  serverRowErrors,
  type DayKind,
  type EntryRow,
  type RowProblem,
} from './calendar-logic';
import { calendarKey, useCalendarDays } from './queries';

const problemKeys: Record<RowProblem, MessageKey> = {
  dateMissing: 'calendar.entry.problem.dateMissing',
  dateOtherYear: 'calendar.entry.problem.dateOtherYear',
  dateRepeated: 'calendar.entry.problem.dateRepeated',
  nameMissing: 'calendar.entry.problem.nameMissing',
};

/**
 * 录入年度节假日安排 (bureau admin): the year, the notice it comes from and one row per holiday or make-up workday.
 * Saving replaces the bureau's earlier entries for that year (`PUT /api/calendar/years/{year}`).
 */
export function YearEntryDrawer({
  open,
  knownYears,
  onClose,
  onSaved,
}: {
  open: boolean;
  knownYears: readonly number[];
  onClose: () => void;
  onSaved: (year: number) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const counter = useRef(0);
  const newKey = () => `n${(counter.current += 1)}`;

  const [year, setYear] = useState<number>(() => nextYearToEnter(knownYears, dayjs().year()));
  const [noticeRef, setNoticeRef] = useState('');
  const [rows, setRows] = useState<EntryRow[]>([]);
  const [period, setPeriod] = useState<{ range: [Dayjs, Dayjs] | null; kind: DayKind; name: string }>({
    range: null,
    kind: 'holiday',
    name: '',
  });
  const [tried, setTried] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Map<string, string>>(new Map());
  const existing = useCalendarDays(open && knownYears.includes(year) ? year : undefined);

  useEffect(() => {
    if (!open) return;
    setYear(nextYearToEnter(knownYears, dayjs().year()));
    setNoticeRef('');
    setRows([]);
    setTried(false);
    setAlert(null);
    setServerErrors(new Map());
    // reset on opening only (knownYears is read at that moment)
  }, [open]);

  const problems = useMemo(() => rowProblems(year, rows), [year, rows]);
  const noticeMissing = noticeRef.trim() === '';

  const save = useMutation({
    mutationFn: (sent: EntryRow[]) =>
      call(
        api.PUT('/api/calendar/years/{year}', {
          params: { path: { year } },
          body: { noticeRef: noticeRef.trim(), days: entryDays(sent) },
        }),
      ),
    onMutate: () => {
      setAlert(null);
      setServerErrors(new Map());
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: calendarKey });
      void message.success(t('calendar.entry.saved', { year }));
      onSaved(year);
    },
    onError: (e, sent) => {
      if (isApiProblem(e) && e.errors.length > 0) {
        const localized = e.errors.map((f) => ({ field: f.field, message: fieldErrorMessage(f, locale) }));
        const byRow = serverRowErrors(sent, localized);
        setServerErrors(byRow);
        if (byRow.size < e.errors.length) setAlert(problemMessage(e, locale));
      } else setAlert(problemMessage(e, locale));
    },
  });

  const submit = () => {
    setTried(true);
    if (noticeMissing || problems.size > 0 || rows.length === 0) return;
    const sent = sentOrder(rows);
    setRows(sent);
    save.mutate(sent);
  };

  const update = (key: string, patch: Partial<EntryRow>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setServerErrors((m) => {
      if (!m.has(key)) return m;
      const next = new Map(m);
      next.delete(key);
      return next;
    });
  };

  const addRange = () => {
    if (!period.range || !period.name.trim()) return;
    const dates = expandRange(period.range[0].format('YYYY-MM-DD'), period.range[1].format('YYYY-MM-DD'));
    setRows((rs) => addPeriod(rs, dates, period.kind, period.name, newKey));
    setPeriod((p) => ({ ...p, range: null }));
  };

  const inYear = (d: Dayjs) => d.year() !== year;
  const kindOptions = [
    { value: 'holiday', label: t('calendar.kind.holiday') },
    { value: 'workday', label: t('calendar.kind.workday') },
  ];

  return (
    <Drawer
      open={open}
      title={t('calendar.entry.title')}
      onClose={onClose}
      size={screens.md === false ? '100%' : 720}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={submit}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" className="sc-small">
        {t('calendar.entry.intro')}
      </Typography.Paragraph>
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <div className="sc-cal-entry-fields">
        <label className="sc-cal-entry-field">
          <span>{t('calendar.entry.year')}</span>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            value={year}
            inputMode="numeric"
            onChange={(v) => typeof v === 'number' && setYear(v)}
          />
        </label>
        <label className="sc-cal-entry-field sc-cal-entry-notice">
          <span>{t('calendar.entry.noticeRef')}</span>
          <Input
            value={noticeRef}
            maxLength={200}
            status={tried && noticeMissing ? 'error' : undefined}
            placeholder={t('calendar.entry.noticeRefPlaceholder')}
            onChange={(e) => setNoticeRef(e.target.value)}
          />
          {tried && noticeMissing ? (
            <Typography.Text type="danger" className="sc-small">
              {t('calendar.required')}
            </Typography.Text>
          ) : null}
        </label>
      </div>
      {knownYears.includes(year) ? (
        <Alert
          type="info"
          showIcon
          className="sc-form-alert"
          title={t('calendar.entry.known', { year })}
          action={
            <Button
              size="small"
              disabled={!existing.data}
              loading={existing.isFetching}
              onClick={() => existing.data && setRows(rowsFromDays(existing.data).map((r) => ({ ...r, key: newKey() })))}
            >
              {t('calendar.entry.loadExisting')}
            </Button>
          }
        />
      ) : null}

      <div className="sc-cal-period">
        <Typography.Text strong>{t('calendar.entry.addPeriod')}</Typography.Text>
        <Space size={8} wrap>
          <DatePicker.RangePicker
            inputReadOnly
            value={period.range}
            disabledDate={inYear}
            onChange={(r) => setPeriod((p) => ({ ...p, range: r && r[0] && r[1] ? [r[0], r[1]] : null }))}
          />
          <Select
            value={period.kind}
            options={kindOptions}
            onChange={(kind: DayKind) => setPeriod((p) => ({ ...p, kind }))}
            className="sc-cal-kind-select"
          />
          <Input
            value={period.name}
            maxLength={40}
            placeholder={t('calendar.entry.namePlaceholder')}
            onChange={(e) => setPeriod((p) => ({ ...p, name: e.target.value }))}
            className="sc-cal-name-input"
          />
          <Button icon={<PlusOutlined />} disabled={!period.range || !period.name.trim()} onClick={addRange}>
            {t('calendar.entry.addPeriodButton')}
          </Button>
        </Space>
      </div>

      <Table<EntryRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 520 }}
        locale={{ emptyText: t('calendar.entry.noRows') }}
        columns={[
          {
            key: 'date',
            title: t('calendar.entry.date'),
            width: 170,
            render: (_v, r) => {
              const err = serverErrors.get(r.key) ?? (tried ? problems.get(r.key) : undefined);
              const text = err && (problemKeys as Record<string, MessageKey>)[err] ? t(problemKeys[err as RowProblem]) : err;
              return (
                <div>
                  <DatePicker
                    inputReadOnly
                    size="small"
                    value={r.date ? dayjs(r.date) : null}
                    disabledDate={inYear}
                    status={text ? 'error' : undefined}
                    onChange={(d) => update(r.key, { date: d ? d.format('YYYY-MM-DD') : null })}
                  />
                  {text ? (
                    <div>
                      <Typography.Text type="danger" className="sc-small">
                        {text}
                      </Typography.Text>
                    </div>
                  ) : null}
                </div>
              );
            },
          },
          {
            key: 'kind',
            title: t('calendar.entry.kind'),
            width: 130,
            render: (_v, r) => (
              <Select
                size="small"
                value={r.kind}
                options={kindOptions}
                onChange={(kind: DayKind) => update(r.key, { kind })}
                className="sc-cal-kind-select"
              />
            ),
          },
          {
            key: 'name',
            title: t('calendar.entry.name'),
            render: (_v, r) => (
              <Input
                size="small"
                value={r.name}
                maxLength={40}
                status={tried && !r.name.trim() ? 'error' : undefined}
                placeholder={t('calendar.entry.namePlaceholder')}
                onChange={(e) => update(r.key, { name: e.target.value })}
              />
            ),
          },
          {
            key: 'remove',
            width: 48,
            render: (_v, r) => (
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('calendar.entry.remove')}
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              />
            ),
          },
        ]}
      />
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        className="sc-cal-add-row"
        onClick={() => setRows((rs) => [...rs, { key: newKey(), date: null, kind: 'holiday', name: '' }])}
      >
        {t('calendar.entry.addRow')}
      </Button>
      {tried && rows.length === 0 ? (
        <Typography.Text type="danger" className="sc-small">
          {t('calendar.entry.noRows')}
        </Typography.Text>
      ) : null}
    </Drawer>
  );
}
