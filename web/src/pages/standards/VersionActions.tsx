import {
  AuditOutlined,
  BranchesOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Grid, Input, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { isApiProblem, problemMessage } from '../../api/problem';
import { downloadFile } from '../../components/download';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n } from '../../i18n';
import { ImportItemsModal } from './ImportItemsModal';
import { standardsKey, versionKey } from './queries';
import { problemItemCodes, type VersionDetail } from './standards-logic';

interface PublishValues {
  documentNumber: string;
  publishDate: Dayjs;
}

/**
 * 发布: the document number and date of the notice that publishes the version. The server refuses an empty
 * version or a key item without legal basis; the refusal names the items, which the page then marks.
 */
function PublishModal({
  version,
  open,
  onClose,
  onProblemItems,
}: {
  version: VersionDetail;
  open: boolean;
  onClose: () => void;
  onProblemItems: (codes: string[]) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PublishValues>();
  const queryClient = useQueryClient();
  const compact = Grid.useBreakpoint().md === false;
  const [problem, setProblem] = useState<{ title: string; codes: string[] } | null>(null);

  const publish = useMutation({
    mutationFn: (v: PublishValues) =>
      call(
        api.POST('/api/standard-versions/{id}/publish', {
          params: { path: { id: version.id } },
          body: { documentNumber: v.documentNumber.trim(), publishDate: v.publishDate.format('YYYY-MM-DD') },
        }),
      ),
    onMutate: () => setProblem(null),
    onSuccess: (updated) => {
      queryClient.setQueryData(versionKey(version.id), updated);
      void queryClient.invalidateQueries({ queryKey: standardsKey });
      onProblemItems([]);
      void message.success(t('standards.publish.done', { number: updated.number }));
      onClose();
    },
    onError: (error) => {
      const codes = isApiProblem(error) ? problemItemCodes(error.errors) : [];
      const left = applyProblemToForm(form, error, locale, ['documentNumber', 'publishDate']);
      setProblem(left ? { title: left, codes } : null);
      onProblemItems(codes);
    },
  });

  return (
    <Modal
      open={open}
      title={t('standards.publish.title', { number: version.number })}
      onCancel={onClose}
      okText={t('standards.publish.submit')}
      onOk={() => form.submit()}
      confirmLoading={publish.isPending}
      width={compact ? '100%' : 520}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('standards.publish.hint', { title: version.standard.title })}
      </Typography.Paragraph>
      {problem ? (
        <Alert
          type="error"
          showIcon
          className="sc-form-alert"
          title={problem.title}
          description={
            problem.codes.length > 0 ? (
              <span>
                {t('standards.publish.itemsToFix')}
                <span className="sc-mono">{problem.codes.join('、')}</span>
              </span>
            ) : undefined
          }
        />
      ) : null}
      <Form<PublishValues>
        form={form}
        name="publish-version"
        layout="vertical"
        initialValues={{ documentNumber: '', publishDate: dayjs() }}
        onFinish={(v) => publish.mutate(v)}
        disabled={publish.isPending}
      >
        <Form.Item
          name="documentNumber"
          label={t('standards.field.documentNumber')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('standards.publish.documentRequired') },
          ]}
        >
          <Input maxLength={60} placeholder={t('standards.publish.documentPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="publishDate"
          label={t('standards.field.publishDate')}
          rules={[{ required: true, message: t('standards.publish.dateRequired') }]}
        >
          <DatePicker className="sc-full-width" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 起草新版本: a new draft carrying this version's items; the number is the next major unless given. */
function DraftNextModal({
  version,
  open,
  onClose,
}: {
  version: VersionDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ number?: string }>();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);

  const draft = useMutation({
    mutationFn: (v: { number?: string }) =>
      call(
        api.POST('/api/standard-versions/{id}/next-draft', {
          params: { path: { id: version.id } },
          body: v.number?.trim() ? { number: v.number.trim() } : {},
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: (created) => {
      queryClient.setQueryData(versionKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: standardsKey });
      void message.success(t('standards.draftNext.done', { number: created.number }));
      onClose();
      void navigate(`/standards/versions/${created.id}`);
    },
    onError: (error) => setAlert(applyProblemToForm(form, error, locale, ['number'])),
  });

  return (
    <Modal
      open={open}
      title={t('standards.draftNext.title')}
      onCancel={onClose}
      okText={t('standards.draftNext.submit')}
      onOk={() => form.submit()}
      confirmLoading={draft.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('standards.draftNext.hint', { number: version.number, items: version.items.length })}
      </Typography.Paragraph>
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form form={form} name="draft-next" layout="vertical" onFinish={(v) => draft.mutate(v)}>
        <Form.Item
          name="number"
          label={t('standards.draftNext.number')}
          extra={t('standards.draftNext.numberHint')}
        >
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The lifecycle buttons the server allows on this version (abilities.publish / file / draftNext). */
export function VersionActions({
  version,
  onProblemItems,
}: {
  version: VersionDetail;
  onProblemItems: (codes: string[]) => void;
}) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [publishing, setPublishing] = useState(false);
  const [drafting, setDrafting] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const abilities = version.abilities ?? {};
  const fileName = `${version.standard.title}-${version.number}`;

  const exportItems = async () => {
    setExporting(true);
    try {
      await downloadFile(
        api.GET('/api/standard-versions/{id}/items.xlsx', {
          params: { path: { id: version.id } },
          parseAs: 'blob',
        }),
        `${fileName}.xlsx`,
      );
    } catch (error) {
      void message.error(problemMessage(error, locale));
    } finally {
      setExporting(false);
    }
  };

  const file = useMutation({
    mutationFn: () =>
      call(api.POST('/api/standard-versions/{id}/file', { params: { path: { id: version.id } } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(versionKey(version.id), updated);
      void queryClient.invalidateQueries({ queryKey: standardsKey });
      void message.success(t('standards.file.done', { number: updated.number }));
    },
    onError: (error) => void message.error(problemMessage(error, locale)),
  });

  const confirmFile = () => {
    modal.confirm({
      title: t('standards.file.title', { number: version.number }),
      content: t('standards.file.hint', {
        title: version.standard.title,
        doc: version.documentNumber ?? '—',
      }),
      okText: t('standards.file.submit'),
      cancelText: t('common.cancel'),
      onOk: () => file.mutateAsync().catch(() => undefined),
    });
  };

  return (
    <>
      <Space wrap>
        <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void exportItems()}>
          {t('standards.export.button')}
        </Button>
        {abilities.edit ? (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('standards.import.button')}
          </Button>
        ) : null}
        <Button
          icon={<FilePdfOutlined />}
          href={`/api/standard-versions/${encodeURIComponent(version.id)}/pdf`}
          target="_blank"
          rel="noopener"
        >
          {t('standards.pdf.button')}
        </Button>
        {abilities.publish ? (
          <Button type="primary" icon={<SendOutlined />} onClick={() => setPublishing(true)}>
            {t('standards.publish.button')}
          </Button>
        ) : null}
        {abilities.file ? (
          <Button type="primary" icon={<AuditOutlined />} loading={file.isPending} onClick={confirmFile}>
            {t('standards.file.button')}
          </Button>
        ) : null}
        {abilities.draftNext ? (
          <Button icon={<BranchesOutlined />} onClick={() => setDrafting(true)}>
            {t('standards.draftNext.button')}
          </Button>
        ) : null}
      </Space>
      {abilities.publish ? (
        <PublishModal
          version={version}
          open={publishing}
          onClose={() => setPublishing(false)}
          onProblemItems={onProblemItems}
        />
      ) : null}
      {abilities.edit ? (
        <ImportItemsModal
          version={version}
          open={importing}
          onClose={() => setImporting(false)}
          onExport={() => void exportItems()}
        />
      ) : null}
      {abilities.draftNext ? (
        <DraftNextModal version={version} open={drafting} onClose={() => setDrafting(false)} />
      ) : null}
    </>
  );
}
