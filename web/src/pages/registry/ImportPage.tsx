import {
  CheckCircleOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  InboxOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Grid,
  Result,
  Row,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { isApiProblem, problemMessage, type ApiProblem } from '../../api/problem';
import { downloadFile } from '../../components/download';
import { JobProgress } from '../../components/JobProgress';
import { useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { importsKey, registryKey } from './queries';
import {
  importPhase,
  importSummary,
  missingColumns,
  uploadFileName,
  type ImportPhase,
  type ImportRecord,
} from './registry-logic';
import './registry.css';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const phaseTag: Record<ImportPhase, { color: string; label: MessageKey }> = {
  queued: { color: 'default', label: 'imports.status.queued' },
  running: { color: 'processing', label: 'imports.status.running' },
  done: { color: 'success', label: 'imports.status.done' },
  failed: { color: 'error', label: 'imports.status.failed' },
};

type ImportError = ImportRecord['errors'][number];

/** Seconds since this page started waiting (the client's clock only, so server clock skew does not show). */
function Waiting() {
  const { t } = useI18n();
  const [start] = useState(() => Date.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <>{t('imports.waiting', { s: Math.round((now - start) / 1000) })}</>;
}

function PhaseTag({ status }: { status: string }) {
  const { t } = useI18n();
  const p = phaseTag[importPhase(status)];
  return <Tag color={p.color}>{t(p.label)}</Tag>;
}

/** The outcome of one import: counts, the first errors (row, column, message) and the annotated error file. */
function ImportResult({ imp, onAgain }: { imp: ImportRecord; onAgain: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const compact = Grid.useBreakpoint().md === false;
  const [downloading, setDownloading] = useState(false);
  const s = importSummary(imp);
  if (s.phase === 'queued' || s.phase === 'running') return null;

  const downloadErrors = async () => {
    setDownloading(true);
    try {
      await downloadFile(
        api.GET('/api/enterprise-imports/{id}/errors.xlsx', {
          params: { path: { id: imp.id } },
          parseAs: 'blob',
        }),
        t('imports.errorFileName'),
      );
    } catch (error) {
      void message.error(problemMessage(error, locale));
    } finally {
      setDownloading(false);
    }
  };

  const errorColumns: TableColumnsType<ImportError> = compact
    ? [
        {
          title: t('imports.errors.title'),
          key: 'error',
          render: (_, e) => (
            <div className="sc-stack">
              <Typography.Text type="secondary" className="sc-small">
                {t('imports.error.at', { row: e.row, column: e.column })}
              </Typography.Text>
              <span>{e.message}</span>
            </div>
          ),
        },
      ]
    : [
        { title: t('imports.error.row'), dataIndex: 'row', width: 72 },
        { title: t('imports.error.column'), dataIndex: 'column', width: 180 },
        { title: t('imports.error.message'), dataIndex: 'message' },
      ];

  return (
    <div className="sc-reg-section" data-testid="import-result">
      <Result
        status={s.tone}
        title={
          s.phase === 'failed'
            ? t('imports.result.failed')
            : s.errorRows === 0
              ? t('imports.result.allIn', { total: s.total })
              : s.accepted === 0
                ? t('imports.result.noneIn', { errors: s.errorRows })
                : t('imports.result.someIn', { accepted: s.accepted, errors: s.errorRows })
        }
        subTitle={
          s.phase === 'failed'
            ? (imp.failure ?? t('imports.result.failedHint'))
            : s.errorRows > 0
              ? t('imports.result.fixHint')
              : t('imports.result.sameAgain')
        }
        extra={
          <Space wrap>
            {imp.hasErrorFile ? (
              <Button
                type="primary"
                danger
                icon={<DownloadOutlined />}
                loading={downloading}
                onClick={() => void downloadErrors()}
              >
                {t('imports.downloadErrors')}
              </Button>
            ) : null}
            <Link to="/enterprises">
              <Button>{t('imports.toRegister')}</Button>
            </Link>
            <Button onClick={onAgain}>{t('imports.again')}</Button>
          </Space>
        }
      />
      {s.phase === 'done' ? (
        <Row gutter={[16, 16]} className="sc-reg-stats">
          <Col xs={12} sm={8} lg={4}>
            <Statistic title={t('imports.count.total')} value={s.total} />
          </Col>
          <Col xs={12} sm={8} lg={5}>
            <Statistic
              title={t('imports.count.created')}
              value={s.created}
              styles={{ content: { color: '#389e0d' } }}
            />
          </Col>
          <Col xs={12} sm={8} lg={5}>
            <Statistic
              title={t('imports.count.updated')}
              value={s.updated}
              styles={{ content: { color: '#1f5fbf' } }}
            />
          </Col>
          <Col xs={12} sm={8} lg={5}>
            <Statistic title={t('imports.count.unchanged')} value={s.unchanged} />
          </Col>
          <Col xs={12} sm={8} lg={5}>
            <Statistic
              title={t('imports.count.errors')}
              value={s.errorRows}
              styles={{ content: { color: s.errorRows > 0 ? '#cf1322' : undefined } }}
            />
          </Col>
        </Row>
      ) : null}
      {imp.errors.length > 0 ? (
        <>
          <Typography.Title level={5} className="sc-reg-section-title sc-reg-errors-title">
            {s.truncated
              ? t('imports.errors.firstN', { shown: s.shownErrors, rows: s.errorRows })
              : t('imports.errors.title')}
          </Typography.Title>
          <Table<ImportError>
            rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
            size="small"
            columns={errorColumns}
            dataSource={imp.errors}
            pagination={
              imp.errors.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false
            }
            showHeader={!compact}
            scroll={compact ? undefined : { x: 'max-content' }}
          />
        </>
      ) : null}
    </div>
  );
}

/**
 * 批量导入: download the template, upload the filled .xlsx (refusals shown at once), follow the job's progress,
 * then read the outcome and fetch the error rows. The import being looked at is kept in the URL (`?import=`).
 */
export default function ImportPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchState(['import'] as const);
  const importId = search.import;
  const [refusal, setRefusal] = useState<ApiProblem | null>(null);
  const [templateLoading, setTemplateLoading] = useState(false);
  const compact = Grid.useBreakpoint().md === false;

  const current = useQuery({
    queryKey: [...importsKey, 'one', importId],
    queryFn: () => call(api.GET('/api/enterprise-imports/{id}', { params: { path: { id: importId! } } })),
    enabled: importId !== undefined,
    // the job reports progress; the record is read again until it says how it ended
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1500,
  });
  const recent = useQuery({
    queryKey: [...importsKey, 'list'],
    queryFn: () => call(api.GET('/api/enterprise-imports')),
  });

  const upload = useMutation({
    mutationFn: (file: File) =>
      call(
        api.POST('/api/enterprise-imports', {
          params: { query: { fileName: uploadFileName(file.name) } },
          body: file as never,
          bodySerializer: (body: unknown) => body,
          headers: { 'content-type': xlsxType },
        }),
      ),
    onMutate: () => setRefusal(null),
    onSuccess: (started) => {
      setSearch({ import: started.importId });
      void queryClient.invalidateQueries({ queryKey: importsKey });
    },
    onError: (error) => {
      if (isApiProblem(error)) setRefusal(error);
      else void message.error(problemMessage(error, locale));
    },
  });

  const downloadTemplate = async () => {
    setTemplateLoading(true);
    try {
      await downloadFile(
        api.GET('/api/enterprises/import-template', { parseAs: 'blob' }),
        t('imports.templateFileName'),
      );
    } catch (error) {
      void message.error(problemMessage(error, locale));
    } finally {
      setTemplateLoading(false);
    }
  };

  const imp = current.data;
  const phase = imp ? importPhase(imp.status) : null;
  const step = !importId ? (upload.isPending ? 1 : 0) : phase === 'done' || phase === 'failed' ? 2 : 1;
  const missing = refusal ? missingColumns(refusal.errors) : [];

  const fileLink = (r: ImportRecord) => (
    <Typography.Link onClick={() => setSearch({ import: r.id })}>
      <FileExcelOutlined /> {r.fileName}
    </Typography.Link>
  );
  const countsText = (r: ImportRecord) => {
    const s = importSummary(r);
    return s.phase === 'done'
      ? t('imports.list.countsText', {
          created: s.created,
          updated: s.updated,
          unchanged: s.unchanged,
          errors: s.errorRows,
        })
      : '—';
  };
  const recentColumns: TableColumnsType<ImportRecord> = compact
    ? [
        {
          title: t('imports.list.title'),
          key: 'import',
          render: (_, r) => (
            <div className="sc-stack">
              {fileLink(r)}
              <span>
                <PhaseTag status={r.status} />
                <Typography.Text type="secondary" className="sc-small">
                  {formatDateTime(r.createdAt)}
                </Typography.Text>
              </span>
              <Typography.Text className="sc-small">{countsText(r)}</Typography.Text>
            </div>
          ),
        },
      ]
    : [
        {
          title: t('imports.list.file'),
          dataIndex: 'fileName',
          render: (_: string, r) => fileLink(r),
        },
        {
          title: t('imports.list.at'),
          dataIndex: 'createdAt',
          width: 150,
          render: (v: string) => formatDateTime(v),
        },
        {
          title: t('imports.list.status'),
          dataIndex: 'status',
          width: 90,
          render: (v: string) => <PhaseTag status={v} />,
        },
        {
          title: t('imports.list.counts'),
          key: 'counts',
          render: (_, r) => countsText(r),
        },
      ];

  return (
    <Card className="sc-page-card">
      {compact ? null : (
        <Steps
          className="sc-reg-steps"
          size="small"
          current={step}
          items={[
            { title: t('imports.step.template') },
            { title: t('imports.step.upload') },
            { title: t('imports.step.result') },
          ]}
        />
      )}

      <div className="sc-reg-section">
        <Typography.Title level={5} className="sc-reg-section-title">
          1. {t('imports.step.template')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('imports.templateHint')}</Typography.Paragraph>
        <Button icon={<DownloadOutlined />} loading={templateLoading} onClick={() => void downloadTemplate()}>
          {t('imports.downloadTemplate')}
        </Button>
      </div>

      <div className="sc-reg-section">
        <Typography.Title level={5} className="sc-reg-section-title">
          2. {t('imports.step.upload')}
        </Typography.Title>
        {refusal ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="sc-form-alert"
            title={problemMessage(refusal, locale)}
            description={
              missing.length > 0 ? (
                <Space size={[4, 4]} wrap>
                  {t('imports.missingColumns')}
                  {missing.map((c) => (
                    <Tag key={c} color="red">
                      {c}
                    </Tag>
                  ))}
                </Space>
              ) : refusal.code === 'IMPORT_NOT_SPREADSHEET' ? (
                t('imports.notSpreadsheetHint')
              ) : undefined
            }
            closable={{ onClose: () => setRefusal(null) }}
          />
        ) : null}
        {importId ? (
          <Typography.Paragraph type="secondary">
            {imp ? t('imports.uploaded', { name: imp.fileName }) : null}
          </Typography.Paragraph>
        ) : (
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            customRequest={({ file, onSuccess, onError }) => {
              upload.mutate(file as File, {
                onSuccess: (r) => onSuccess?.(r),
                onError: (e) => onError?.(e),
              });
            }}
            className="sc-reg-dragger"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {upload.isPending ? t('imports.uploading') : t('imports.dropHere')}
            </p>
            <p className="ant-upload-hint">{t('imports.dropHint')}</p>
          </Upload.Dragger>
        )}
      </div>

      {importId ? (
        <div className="sc-reg-section">
          <Typography.Title level={5} className="sc-reg-section-title">
            3. {t('imports.step.result')}
            {imp ? (
              <Typography.Text type="secondary" className="sc-small">
                {' '}
                {imp.fileName} · {formatDateTime(imp.createdAt)}
              </Typography.Text>
            ) : null}
          </Typography.Title>
          {current.isError ? (
            <Alert type="error" showIcon title={problemMessage(current.error, locale)} />
          ) : null}
          {imp?.jobId && (phase === 'queued' || phase === 'running') ? (
            <div className="sc-reg-section" data-testid="import-progress">
              <JobProgress
                jobId={imp.jobId}
                onFinished={() => {
                  void queryClient.invalidateQueries({ queryKey: importsKey });
                  void queryClient.invalidateQueries({ queryKey: registryKey });
                }}
              />
              <Typography.Paragraph type="secondary" className="sc-small">
                <Waiting /> {t('imports.progressHint')}
              </Typography.Paragraph>
            </div>
          ) : null}
          {imp ? (
            <ImportResult
              imp={imp}
              onAgain={() => {
                setRefusal(null);
                setSearch({ import: null });
              }}
            />
          ) : null}
        </div>
      ) : null}

      <div className="sc-reg-section">
        <div className="sc-reg-section-head">
          <Typography.Title level={5} className="sc-reg-section-title">
            <CheckCircleOutlined /> {t('imports.list.title')}
          </Typography.Title>
          <Button
            size="small"
            icon={<ReloadOutlined />}
            onClick={() => void recent.refetch()}
            aria-label={t('common.refresh')}
          />
        </div>
        <Table<ImportRecord>
          rowKey="id"
          size="small"
          columns={recentColumns}
          showHeader={!compact}
          dataSource={recent.data}
          loading={recent.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
          locale={{ emptyText: t('imports.list.empty') }}
          rowClassName={(r) => (r.id === importId ? 'ant-table-row-selected' : '')}
        />
      </div>
    </Card>
  );
}
