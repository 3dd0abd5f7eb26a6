import { FilePdfOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  List,
  Radio,
  Result,
  Skeleton,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { applyProblemToForm } from '../../components/form-problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { OwnEnterprisePicker, useOwnEnterprise } from './own-enterprise';
import {
  commitmentKey,
  documentPdfUrl,
  readinessKey,
  uploadFile,
  useCommitment,
  type Commitment,
  type CommitmentSigning,
} from './queries';
import { commitmentState, commitmentStateMeta, paragraphs } from './readiness-logic';
import './readiness.css';

type Capacity = CommitmentSigning['signatoryCapacity'];

interface SignValues {
  signatoryCapacity: Capacity;
  signatoryName: string;
  authorisationFile?: { sha256: string; name: string } | null;
  agree: boolean;
}

function PdfButton({ documentId, block }: { documentId: string; block?: boolean }) {
  const { t } = useI18n();
  return (
    <Button icon={<FilePdfOutlined />} href={documentPdfUrl(documentId)} target="_blank" rel="noopener" block={block}>
      {t('commitment.openPdf')}
    </Button>
  );
}

/** The letter of authorisation: uploaded to the enterprise's files first, then named by its hash when signing. */
function AuthorisationUpload({
  enterpriseId,
  value,
  onChange,
}: {
  enterpriseId: string;
  value?: SignValues['authorisationFile'];
  onChange?: (v: SignValues['authorisationFile']) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Space direction="vertical" className="sc-full-width">
      <Upload
        accept="image/*,application/pdf"
        showUploadList={false}
        customRequest={({ file }) => {
          const f = file as File;
          setBusy(true);
          uploadFile('enterprise', enterpriseId, f, t('commitment.sign.authorisation'))
            .then((up) => onChange?.({ sha256: up.sha256, name: f.name }))
            .catch((e: unknown) => void message.error(problemMessage(e, locale)))
            .finally(() => setBusy(false));
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} size="large">
          {t('commitment.sign.upload')}
        </Button>
      </Upload>
      {value ? (
        <Typography.Text>
          <PaperClipOutlined /> {t('commitment.sign.uploaded', { name: value.name })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

function SignForm({ data, onSigned }: { data: Commitment; onSigned: (c: Commitment) => void }) {
  const { t, locale } = useI18n();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SignValues>();
  const capacity = Form.useWatch('signatoryCapacity', form);
  const [alert, setAlert] = useState<string | null>(null);
  const sign = useMutation({
    mutationFn: (v: SignValues) =>
      call(
        api.POST('/api/enterprises/{id}/commitment', {
          params: { path: { id: data.enterpriseId } },
          body: {
            signatoryCapacity: v.signatoryCapacity,
            signatoryName: v.signatoryName.trim(),
            authorisationFile: v.signatoryCapacity === 'authorised' ? (v.authorisationFile?.sha256 ?? null) : null,
          },
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: (c) => {
      queryClient.setQueryData(commitmentKey(data.enterpriseId), c);
      void queryClient.invalidateQueries({ queryKey: readinessKey });
      onSigned(c);
    },
    onError: (e) =>
      setAlert(applyProblemToForm(form, e, locale, ['signatoryCapacity', 'signatoryName', 'authorisationFile'])),
  });

  const confirm = (v: SignValues) => {
    modal.confirm({
      title: t('commitment.confirm.title'),
      content: t('commitment.confirm.body', {
        capacity: t(`commitment.capacity.${v.signatoryCapacity}`),
        name: v.signatoryName.trim(),
        version: data.current.textVersion,
      }),
      okText: t('commitment.confirm.ok'),
      cancelText: t('common.cancel'),
      onOk: () => sign.mutateAsync(v).catch(() => undefined),
    });
  };

  return (
    <Card title={t('commitment.sign.title')} className="sc-commit-sign">
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<SignValues>
        form={form}
        layout="vertical"
        initialValues={{ signatoryCapacity: 'legal_representative', signatoryName: data.legalRepresentative, agree: false }}
        onValuesChange={(changed: Partial<SignValues>) => {
          if (changed.signatoryCapacity === 'legal_representative')
            form.setFieldsValue({ signatoryName: data.legalRepresentative });
          else if (changed.signatoryCapacity === 'authorised') form.setFieldsValue({ signatoryName: '' });
        }}
        onFinish={confirm}
      >
        <Form.Item name="signatoryCapacity" label={t('commitment.sign.capacity')}>
          <Radio.Group
            size="large"
            optionType="button"
            buttonStyle="solid"
            options={(['legal_representative', 'authorised'] as const).map((c) => ({
              value: c,
              label: t(`commitment.capacity.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="signatoryName"
          label={t('commitment.sign.name')}
          rules={[{ required: true, whitespace: true, message: t('commitment.sign.nameRequired') }]}
          extra={
            capacity === 'legal_representative' && data.legalRepresentative
              ? t('commitment.sign.legalHint', { name: data.legalRepresentative })
              : undefined
          }
        >
          <Input size="large" maxLength={50} autoComplete="name" />
        </Form.Item>
        {capacity === 'authorised' ? (
          <Form.Item
            name="authorisationFile"
            label={t('commitment.sign.authorisation')}
            extra={t('commitment.sign.authorisationHint')}
            rules={[{ required: true, message: t('commitment.sign.authorisationRequired') }]}
          >
            <AuthorisationUpload enterpriseId={data.enterpriseId} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="agree"
          valuePropName="checked"
          rules={[
            {
              validator: (_, v: boolean) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('commitment.sign.agreeRequired'))),
            },
          ]}
        >
          <Checkbox>{t('commitment.sign.agree')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={sign.isPending}>
          {t('commitment.sign.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function History({ items }: { items: Commitment['history'] }) {
  const { t } = useI18n();
  return (
    <Card title={t('commitment.history')}>
      <List
        dataSource={items}
        locale={{ emptyText: t('commitment.history.empty') }}
        renderItem={(h) => (
          <List.Item
            actions={[
              <Button
                key="pdf"
                type="link"
                icon={<FilePdfOutlined />}
                href={documentPdfUrl(h.documentId)}
                target="_blank"
                rel="noopener"
              >
                PDF
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={<span className="sc-mono">{h.documentNumber}</span>}
              description={
                <>
                  <div>
                    {t('commitment.signedBy', {
                      name: h.signatoryName,
                      capacity: t(`commitment.capacity.${h.signatoryCapacity}`),
                      date: formatDateTime(h.signedAt),
                    })}
                  </div>
                  <div>{t('commitment.version', { version: h.textVersion })}</div>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 承诺书: read the current text, see whether it is signed (and for which version), sign it, open the PDF. */
export default function CommitmentPage() {
  const { t, locale } = useI18n();
  const own = useOwnEnterprise();
  const commitment = useCommitment(own.id);
  const [signed, setSigned] = useState<Commitment['latest']>(null);

  if (!own.id) return <Result status="info" title={t('readiness.noEnterprise')} />;
  if (commitment.isPending) return <Skeleton active />;
  if (commitment.isError)
    return <Alert type="error" showIcon title={t('common.loadFailed')} description={problemMessage(commitment.error, locale)} />;
  const c = commitment.data;
  const state = commitmentState({ signed: c.latest !== null, upToDate: c.upToDate });
  const meta = commitmentStateMeta[state];

  return (
    <Space direction="vertical" size="middle" className="sc-full-width sc-commit">
      <Card
        title={t('commitment.title')}
        extra={<OwnEnterprisePicker own={own} />}
      >
        {signed ? (
          <Result
            status="success"
            title={t('commitment.done.title')}
            subTitle={t('commitment.done.subtitle', { number: signed.documentNumber })}
            extra={<PdfButton documentId={signed.documentId} />}
          />
        ) : null}
        <Typography.Paragraph strong>{c.enterpriseName}</Typography.Paragraph>
        <div className="sc-commit-status">
          <Tag color={meta.color}>{t(meta.key)}</Tag>
          <Typography.Text type="secondary">{t('commitment.version', { version: c.current.textVersion })}</Typography.Text>
        </div>
        {state === 'outdated' && c.latest ? (
          <Alert
            type="warning"
            showIcon
            className="sc-form-alert"
            title={t('commitment.outdatedHint', { signed: c.latest.textVersion, current: c.current.textVersion })}
          />
        ) : null}
        {c.latest && !signed ? (
          <Descriptions column={1} size="small" className="sc-commit-latest">
            <Descriptions.Item label={t('commitment.documentNumber')}>
              <span className="sc-mono">{c.latest.documentNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item>
              {t('commitment.signedBy', {
                name: c.latest.signatoryName,
                capacity: t(`commitment.capacity.${c.latest.signatoryCapacity}`),
                date: formatDateTime(c.latest.signedAt),
              })}
            </Descriptions.Item>
            <Descriptions.Item>
              <PdfButton documentId={c.latest.documentId} />
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
      <Card title={t('commitment.text')}>
        <div className="sc-commit-text">
          {paragraphs(c.current.text).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      </Card>
      {!c.upToDate && c.abilities.sign ? (
        <SignForm data={c} onSigned={(next) => setSigned(next.latest)} />
      ) : !c.upToDate ? (
        <Alert type="info" showIcon title={t('commitment.noSign')} />
      ) : null}
      <History items={c.history} />
    </Space>
  );
}
