import { CheckCircleFilled, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Result,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n';
import { api, call } from '../../api/client';
import { useApplicationsInOpinions, whitelistKey } from './queries';
import type { Application, NoticeDetail } from './types';
import { noticeableFirst, noticeBody, notNoticeableReason, opinionsCleared } from './whitelist-admin-logic';

/** The opinions of an application in a line: agreed of asked, and what is still open. */
export function OpinionSummary({ a }: { a: Application }) {
  const { t } = useI18n();
  const o = a.opinions;
  return (
    <Space size={[4, 4]} wrap>
      <Tag color={opinionsCleared(a) ? 'green' : 'default'}>
        {t('whitelistAdmin.create.opinionSummary', { cleared: o.cleared, total: o.total })}
      </Tag>
      {o.pending > 0 ? (
        <Tag color="blue">{t('whitelistAdmin.create.opinionPending', { n: o.pending })}</Tag>
      ) : null}
      {o.objected > 0 ? (
        <Tag color="red">{t('whitelistAdmin.create.opinionObjected', { n: o.objected })}</Tag>
      ) : null}
      {o.escalated > 0 ? (
        <Tag color="orange">{t('whitelistAdmin.create.opinionEscalated', { n: o.escalated })}</Tag>
      ) : null}
    </Space>
  );
}

/**
 * 新建公示 (bureau_admin): the applications asking for opinions, those whose opinions are all cleared selectable,
 * an optional title → `POST /api/whitelist/notices`; then the computed end date, large, with the estimate warning.
 */
export function NewNoticeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [created, setCreated] = useState<NoticeDetail | null>(null);
  const applications = useApplicationsInOpinions(open);
  const rows = noticeableFirst(applications.data?.items ?? []);

  const save = useMutation({
    mutationFn: () => call(api.POST('/api/whitelist/notices', { body: noticeBody(chosen, title) })),
    onSuccess: (notice) => {
      void queryClient.invalidateQueries({ queryKey: whitelistKey });
      void message.success(t('whitelistAdmin.create.done'));
      setCreated(notice);
    },
  });

  const close = () => {
    setChosen([]);
    setTitle('');
    setCreated(null);
    save.reset();
    onClose();
  };

  const columns: TableColumnsType<Application> = [
    {
      title: t('whitelistAdmin.field.enterprise'),
      key: 'enterprise',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <span>{a.enterpriseName}</span>
          <Typography.Text type="secondary" className="sc-mono">
            {a.uscc}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('whitelistAdmin.field.subdistrict'),
      dataIndex: 'subdistrictName',
      key: 'subdistrict',
      responsive: ['md'],
    },
    {
      title: t('whitelistAdmin.create.opinions'),
      key: 'opinions',
      render: (_, a) => {
        const why = notNoticeableReason(a);
        return (
          <Space orientation="vertical" size={2}>
            <OpinionSummary a={a} />
            {why ? (
              <Typography.Text type="secondary" className="sc-small">
                <WarningOutlined /> {t(why)}
              </Typography.Text>
            ) : (
              <Typography.Text type="success" className="sc-small">
                <CheckCircleFilled /> {t('whitelistAdmin.create.cleared')}
              </Typography.Text>
            )}
            {a.opinionDeadline ? (
              <Typography.Text type="secondary" className="sc-small">
                {t('whitelistAdmin.create.deadline', { date: a.opinionDeadline })}
              </Typography.Text>
            ) : null}
          </Space>
        );
      },
    },
  ];

  if (created) {
    return (
      <Modal
        open={open}
        title={t('whitelistAdmin.create.title')}
        onCancel={close}
        footer={null}
        destroyOnHidden
      >
        <Result
          status="success"
          title={t('whitelistAdmin.create.doneTitle', { number: created.number })}
          subTitle={created.title}
          extra={[
            <Button
              key="open"
              type="primary"
              onClick={() => {
                close();
                void navigate(`/whitelist/notices/${created.id}`);
              }}
            >
              {t('whitelistAdmin.create.openDetail')}
            </Button>,
            <Button key="close" onClick={close}>
              {t('common.ok')}
            </Button>,
          ]}
        >
          <Space orientation="vertical" size={8} className="sc-full-width">
            <Typography.Text type="secondary">{t('whitelistAdmin.create.endsOn')}</Typography.Text>
            <div className="sc-wla-end-date">{created.endsOn}</div>
            <Typography.Text type="secondary">
              {t('whitelistAdmin.create.period', { from: created.startsOn, n: created.count })}
            </Typography.Text>
            {created.endsEstimated ? (
              <Alert
                type="warning"
                showIcon
                title={t('whitelistAdmin.notices.estimatedHint', { year: created.endsOn.slice(0, 4) })}
              />
            ) : null}
            <Typography.Paragraph type="secondary" className="sc-small">
              {t('whitelistAdmin.create.doneHint')}
            </Typography.Paragraph>
          </Space>
        </Result>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('whitelistAdmin.create.title')}
      onCancel={close}
      onOk={() => save.mutate()}
      okText={t('whitelistAdmin.create.submit')}
      okButtonProps={{ loading: save.isPending, disabled: chosen.length === 0 }}
      width={820}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('whitelistAdmin.create.intro')}</Typography.Paragraph>
      {save.isError ? (
        <Alert type="error" showIcon title={problemMessage(save.error, locale)} className="sc-form-alert" />
      ) : null}
      {applications.isError ? (
        <Alert
          type="error"
          showIcon
          title={problemMessage(applications.error, locale)}
          className="sc-form-alert"
        />
      ) : null}
      <Form layout="vertical">
        <Form.Item label={t('whitelistAdmin.create.titleField')}>
          <Input
            value={title}
            maxLength={200}
            placeholder={t('whitelistAdmin.create.titlePlaceholder')}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Form.Item>
        <Form.Item
          label={t('whitelistAdmin.create.pick')}
          extra={t('whitelistAdmin.create.chosen', { n: chosen.length })}
          required
        >
          <Table<Application>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={applications.isPending}
            pagination={false}
            scroll={{ y: 360 }}
            locale={{ emptyText: t('whitelistAdmin.create.none') }}
            rowClassName={(a) => (opinionsCleared(a) ? '' : 'sc-wla-muted-row')}
            rowSelection={{
              selectedRowKeys: chosen,
              onChange: (keys) => setChosen(keys.map(String)),
              getCheckboxProps: (a) => ({ disabled: !opinionsCleared(a) }),
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
