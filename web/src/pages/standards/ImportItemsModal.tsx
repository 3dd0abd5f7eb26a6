import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Grid, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { fieldErrorMessage, isApiProblem, problemMessage, type ApiProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { standardsKey, versionKey } from './queries';
import type { VersionDetail } from './standards-logic';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 导入 Excel (drafts only): the sheet replaces all items of the draft, all or nothing. The export of a version
 * is the template; a refused sheet lists its errors by row and column.
 */
export function ImportItemsModal({
  version,
  open,
  onClose,
  onExport,
}: {
  version: VersionDetail;
  open: boolean;
  onClose: () => void;
  onExport: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const compact = Grid.useBreakpoint().md === false;
  const [refusal, setRefusal] = useState<ApiProblem | string | null>(null);

  const upload = useMutation({
    mutationFn: (file: File) =>
      call(
        api.POST('/api/standard-versions/{id}/items-import', {
          params: { path: { id: version.id } },
          body: file as never,
          bodySerializer: (body: unknown) => body,
          headers: { 'content-type': xlsxType },
        }),
      ),
    onMutate: () => setRefusal(null),
    onSuccess: (summary) => {
      void queryClient.invalidateQueries({ queryKey: versionKey(version.id) });
      void queryClient.invalidateQueries({ queryKey: [...standardsKey, 'diff'] });
      void message.success(t('standards.import.done', summary));
      onClose();
    },
    onError: (error) => setRefusal(isApiProblem(error) ? error : problemMessage(error, locale)),
  });

  return (
    <Modal
      open={open}
      title={t('standards.import.title', { number: version.number })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.cancel')}</Button>}
      width={compact ? '100%' : 600}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('standards.import.hint', { n: version.items.length })}</Typography.Paragraph>
      <Typography.Paragraph>
        <Button type="link" className="sc-link-cell" onClick={onExport}>
          {t('standards.import.template')}
        </Button>
      </Typography.Paragraph>
      {refusal ? (
        <Alert
          type="error"
          showIcon
          className="sc-form-alert"
          title={typeof refusal === 'string' ? refusal : problemMessage(refusal, locale)}
          description={
            typeof refusal !== 'string' && refusal.errors.length > 0 ? (
              <ul className="sc-std-import-errors">
                {refusal.errors.slice(0, 50).map((e, i) => (
                  <li key={i}>
                    <span className="sc-mono">{e.field}</span>：{fieldErrorMessage(e, locale)}
                  </li>
                ))}
                {refusal.errors.length > 50 ? (
                  <li>{t('standards.import.moreErrors', { n: refusal.errors.length - 50 })}</li>
                ) : null}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <Upload.Dragger
        accept=".xlsx"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          upload.mutate(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {upload.isPending ? t('standards.import.uploading') : t('standards.import.drop')}
        </p>
        <p className="ant-upload-hint">{t('standards.import.allOrNothing')}</p>
      </Upload.Dragger>
    </Modal>
  );
}
