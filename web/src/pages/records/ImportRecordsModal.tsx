import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Grid,
  List,
  Modal,
  Table,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { isApiProblem, problemMessage, type ApiProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { eligibilityKey } from '../eligibility/queries';
import { downloadRecordsTemplate, importRecordsFile, recordsKey, type ImportResult } from './queries';
import { importRowErrors, isXlsxName, type ImportRowError } from './records-logic';

/**
 * 导入不良记录: download the template, drop a filled one, and read either what was imported or, row by row, why
 * nothing was (the server checks the whole file first and writes all or nothing).
 */
export function ImportRecordsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const compact = !Grid.useBreakpoint().md;
  const [templateLoading, setTemplateLoading] = useState(false);
  const [refusal, setRefusal] = useState<ApiProblem | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const upload = useMutation({
    mutationFn: importRecordsFile,
    onMutate: () => {
      setRefusal(null);
      setResult(null);
    },
    onSuccess: (r) => {
      setResult(r);
      void queryClient.invalidateQueries({ queryKey: recordsKey });
      void queryClient.invalidateQueries({ queryKey: eligibilityKey });
    },
    onError: (error) => {
      if (isApiProblem(error)) setRefusal(error);
      else void message.error(problemMessage(error, locale));
    },
  });

  useEffect(() => {
    if (!open) return;
    setRefusal(null);
    setResult(null);
  }, [open]);

  const downloadTemplate = async () => {
    setTemplateLoading(true);
    try {
      await downloadRecordsTemplate(t('records.import.templateFileName'));
    } catch (error) {
      void message.error(problemMessage(error, locale));
    } finally {
      setTemplateLoading(false);
    }
  };

  const rowErrors = refusal ? importRowErrors(refusal) : [];
  const where = (e: ImportRowError) =>
    e.row === 1
      ? t('records.import.whereHeader', { sheet: e.sheet })
      : t('records.import.whereRow', { sheet: e.sheet, row: e.row });
  const columns: TableColumnsType<ImportRowError> = [
    { title: t('records.import.error.where'), key: 'where', width: 130, render: (_, e) => where(e) },
    { title: t('records.import.error.column'), dataIndex: 'column', width: 150 },
    { title: t('records.import.error.message'), dataIndex: 'message' },
  ];

  return (
    <Modal
      open={open}
      title={t('records.import.title')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('records.import.close')}</Button>}
      width={760}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('records.import.intro')}</Typography.Paragraph>
      <Button
        icon={<DownloadOutlined />}
        loading={templateLoading}
        onClick={() => void downloadTemplate()}
        className="sc-rec-import-template"
      >
        {t('records.import.downloadTemplate')}
      </Button>

      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          if (!isXlsxName(file.name)) {
            void message.error(t('records.import.notXlsx'));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          upload.mutate(file as File, {
            onSuccess: (r) => onSuccess?.(r),
            onError: (e) => onError?.(e),
          });
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {upload.isPending ? t('records.import.uploading') : t('records.import.dropHere')}
        </p>
        <p className="ant-upload-hint">{t('records.import.dropHint')}</p>
      </Upload.Dragger>

      {result ? (
        <Alert
          type="success"
          showIcon
          className="sc-rec-import-result"
          title={t('records.import.done', {
            name: result.fileName,
            accidents: result.accidents,
            penalties: result.penalties,
            dishonesty: result.dishonesty,
          })}
        />
      ) : null}

      {refusal ? (
        <div className="sc-rec-import-result" role="alert">
          <Alert type="error" showIcon title={problemMessage(refusal, locale)} />
          {rowErrors.length > 0 && compact ? (
            <List
              size="small"
              dataSource={rowErrors}
              renderItem={(e) => (
                <List.Item className="sc-rec-item">
                  <div className="sc-rec-head">
                    <span className="sc-rec-strong">{where(e)}</span>
                    <span>{e.column}</span>
                  </div>
                  <div className="sc-rec-text">{e.message}</div>
                </List.Item>
              )}
            />
          ) : null}
          {rowErrors.length > 0 && !compact ? (
            <Table
              size="small"
              rowKey={(e) => `${e.sheet}/${e.row}/${e.column}/${e.code}`}
              columns={columns}
              dataSource={rowErrors}
              pagination={rowErrors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
