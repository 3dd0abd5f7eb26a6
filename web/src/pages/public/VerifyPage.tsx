import { QrcodeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { isWellFormedCode, verificationCodeOf, verifyPath } from './public-logic';

interface VerifyValues {
  code?: string;
}

/**
 * /public/verify: type the code printed on a document or plaque (or paste the QR code's address) and go to the
 * server's verification page `/verify/<code>`, which is outside this app (a full page load, not a route).
 */
export default function VerifyPage() {
  const { t } = useI18n();
  return (
    <Card
      className="sc-pub-form-card"
      size="small"
      title={
        <span>
          <SafetyCertificateOutlined /> {t('public.verify.title')}
        </span>
      }
    >
      <Typography.Paragraph>{t('public.verify.intro')}</Typography.Paragraph>
      <Form<VerifyValues>
        layout="vertical"
        onFinish={(v) => window.location.assign(verifyPath(verificationCodeOf(v.code ?? '')))}
      >
        <Form.Item
          name="code"
          label={t('public.verify.code')}
          validateTrigger="onSubmit"
          rules={[
            {
              required: true,
              validator: async (_, value?: string) => {
                const code = verificationCodeOf(value ?? '');
                if (code === '') throw new Error(t('public.verify.required'));
                if (!isWellFormedCode(code)) throw new Error(t('public.verify.malformed'));
              },
            },
          ]}
        >
          <Input
            size="large"
            className="sc-mono"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            autoComplete="off"
            placeholder={t('public.verify.placeholder')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large">
          {t('public.verify.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" className="sc-small sc-pub-scan">
        <QrcodeOutlined /> {t('public.verify.scanHint')}
      </Typography.Paragraph>
    </Card>
  );
}
