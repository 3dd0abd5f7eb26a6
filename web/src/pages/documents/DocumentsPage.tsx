import { EyeOutlined, FilePdfOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Grid, Input, Modal, Select, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import { fieldErrorMessage, isApiProblem, problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { fetchFile } from '../../components/download';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { useSearchState } from '../../components/use-search-state';
import { useI18n } from '../../i18n';
import '../registry/registry.css';
import { documentListQuery, documentSearchKeys, previewBody, type DocumentKind } from './documents-logic';
import { documentsKey, DocumentsTable } from './DocumentsTable';

function useKinds() {
  return useQuery({
    queryKey: [...documentsKey, 'kinds'],
    queryFn: () => call(api.GET('/api/documents/kinds')),
    staleTime: Infinity,
  });
}

/**
 * 预览文书模板 (bureau): render a template with its sample data, or with data pasted as JSON, into a watermarked,
 * unnumbered PDF — nothing is stored or recorded.
 */
function PreviewPanel({ kinds }: { kinds: DocumentKind[] }) {
  const { t, locale } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [dataText, setDataText] = useState('');
  const [pdf, setPdf] = useState<{ url: string; name: string } | null>(null);
  const [problem, setProblem] = useState<{ title: string; details: string[] } | null>(null);
  const chosen = kind ?? kinds[0]?.kind;

  // object URLs live until replaced or the panel goes
  useEffect(() => () => (pdf ? URL.revokeObjectURL(pdf.url) : undefined), [pdf]);

  const preview = useMutation({
    mutationFn: async () => {
      const parsed = previewBody(dataText);
      if (!parsed.ok) throw new Error(t(parsed.error));
      return fetchFile(
        api.POST('/api/documents/preview/{kind}', {
          params: { path: { kind: chosen! } },
          body: parsed.body,
          parseAs: 'blob',
        }),
        t('documents.preview.fileName'),
      );
    },
    onMutate: () => setProblem(null),
    onSuccess: ({ blob, name }) => setPdf({ url: URL.createObjectURL(blob), name }),
    onError: (error) =>
      setProblem(
        isApiProblem(error)
          ? {
              title: problemMessage(error, locale),
              details: error.errors.map(
                (e) => `${e.field.replace(/^data\//, '')}：${fieldErrorMessage(e, locale)}`,
              ),
            }
          : { title: error instanceof Error ? error.message : problemMessage(error, locale), details: [] },
      ),
  });

  return (
    <Card title={t('documents.preview.title')} size="small">
      <Typography.Paragraph type="secondary">{t('documents.preview.intro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => preview.mutate()} className="sc-reg-preview-form">
        <Form.Item label={t('documents.preview.kind')}>
          <Select
            value={chosen}
            onChange={setKind}
            options={kinds.map((k) => ({ value: k.kind, label: k.label }))}
          />
        </Form.Item>
        <Form.Item label={t('documents.preview.data')} extra={t('documents.preview.dataHint')}>
          <Input.TextArea
            rows={4}
            value={dataText}
            onChange={(e) => setDataText(e.target.value)}
            placeholder='{"enterpriseName": "…"}'
            className="sc-mono"
          />
        </Form.Item>
        {problem ? (
          <Alert
            type="error"
            showIcon
            className="sc-form-alert"
            title={problem.title}
            description={
              problem.details.length > 0 ? (
                <ul className="sc-reg-history-change">
                  {problem.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          icon={<EyeOutlined />}
          loading={preview.isPending}
          disabled={!chosen}
        >
          {t('documents.preview.submit')}
        </Button>
      </Form>
      <Modal
        open={pdf !== null}
        title={t('documents.preview.modalTitle')}
        onCancel={() => setPdf(null)}
        width={compact ? '100%' : 900}
        footer={
          <Space wrap>
            <Button href={pdf?.url} target="_blank" rel="noopener" icon={<FilePdfOutlined />}>
              {t('documents.preview.openNew')}
            </Button>
            <Button href={pdf?.url} download={pdf?.name}>
              {t('documents.preview.download')}
            </Button>
            <Button type="primary" onClick={() => setPdf(null)}>
              {t('common.ok')}
            </Button>
          </Space>
        }
        destroyOnHidden
      >
        {pdf && !compact ? (
          <iframe src={pdf.url} title={t('documents.preview.modalTitle')} className="sc-reg-pdf-frame" />
        ) : (
          <Typography.Paragraph>{t('documents.preview.phoneHint')}</Typography.Paragraph>
        )}
      </Modal>
    </Card>
  );
}

/** 文书: the documents the user may see (by kind and holder), their PDFs, revocation; the bureau's preview. */
export default function DocumentsPage() {
  const { t } = useI18n();
  const access = useAccess();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchState(documentSearchKeys);
  const query = documentListQuery(search);
  const kinds = useKinds();
  const [holderLabel, setHolderLabel] = useState<string | null>(null);
  const canPickHolder = access.abilities.viewRegister === true;

  return (
    <Space orientation="vertical" size={16} className="sc-full-width">
      <Card className="sc-page-card">
        <div className="sc-toolbar">
          <Space wrap>
            <Select
              allowClear
              placeholder={t('documents.filter.kind')}
              value={query.kind}
              options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: k.label }))}
              onChange={(v?: string) => setSearch({ kind: v, page: null })}
              className="sc-filter-select"
              aria-label={t('documents.filter.kind')}
            />
            {canPickHolder ? (
              <div className="sc-doc-holder-filter">
                <EnterpriseSelect
                  value={query.holderId}
                  label={holderLabel}
                  placeholder={t('documents.filter.holder')}
                  onChange={(id) => {
                    setHolderLabel(null);
                    setSearch({ holder: id, page: null });
                  }}
                />
              </div>
            ) : null}
          </Space>
          <Space className="sc-reg-actions">
            <Tooltip title={t('common.refresh')}>
              <Button
                icon={<ReloadOutlined />}
                onClick={() => void queryClient.invalidateQueries({ queryKey: documentsKey })}
                aria-label={t('common.refresh')}
              />
            </Tooltip>
          </Space>
        </div>
        <DocumentsTable
          query={query}
          holderLinks={canPickHolder || access.roles.includes('enterprise_user')}
          onPageChange={(p, size) =>
            setSearch({
              page: size !== query.pageSize || p === 1 ? null : p,
              size: size === 20 ? null : size,
            })
          }
        />
      </Card>
      {access.abilities.previewDocuments && kinds.data && kinds.data.length > 0 ? (
        <PreviewPanel kinds={kinds.data} />
      ) : null}
    </Space>
  );
}
