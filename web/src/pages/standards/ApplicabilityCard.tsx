import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { isApiProblem, problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { useI18n } from '../../i18n';
import { standardsKey } from './queries';
import { sameTags, tagOptions } from './standards-logic';
import './standards.css';

const applicabilityKey = (id: string) => [...standardsKey, 'enterprise', id] as const;

/**
 * 适用标准与适用情形 on an enterprise's page: the situations it declares (solvent adhesives, confined spaces,
 * leased premises …) — editable by whoever may update its contacts — and the filed standard that applies to
 * its industry, with how many items apply given those declarations.
 */
export function ApplicabilityCard({ enterpriseId, canEdit }: { enterpriseId: string; canEdit: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const access = useAccess();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<string[] | null>(null);

  const declared = useQuery({
    queryKey: [...applicabilityKey(enterpriseId), 'tags'],
    queryFn: () =>
      call(api.GET('/api/enterprises/{id}/applicability', { params: { path: { id: enterpriseId } } })),
  });
  const applicable = useQuery({
    queryKey: [...applicabilityKey(enterpriseId), 'standard'],
    queryFn: () =>
      call(api.GET('/api/enterprises/{id}/applicable-standard', { params: { path: { id: enterpriseId } } })),
    retry: (failures, error) => !(isApiProblem(error) && error.status === 404) && failures < 2,
  });

  const save = useMutation({
    mutationFn: (tags: string[]) =>
      call(
        api.PUT('/api/enterprises/{id}/applicability', {
          params: { path: { id: enterpriseId } },
          body: { tags },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData([...applicabilityKey(enterpriseId), 'tags'], saved);
      void queryClient.invalidateQueries({ queryKey: [...applicabilityKey(enterpriseId), 'standard'] });
      setDraft(null);
      void message.success(t('standards.applicability.saved'));
    },
  });

  const current = declared.data?.tags ?? [];
  const value = draft ?? current;
  const dirty = draft !== null && !sameTags(draft, current);

  let standardPart;
  if (applicable.isPending) {
    standardPart = <Skeleton active paragraph={{ rows: 1 }} />;
  } else if (applicable.isError) {
    standardPart = (
      <Typography.Text type="secondary">
        {isApiProblem(applicable.error) && applicable.error.code === 'STANDARD_NOT_APPLICABLE'
          ? t('standards.applicability.noStandard')
          : problemMessage(applicable.error, locale)}
      </Typography.Text>
    );
  } else {
    const a = applicable.data;
    const title = `${a.title} ${t('standards.versionNumber', { number: a.versionNumber })}`;
    standardPart = (
      <Space orientation="vertical" size={4}>
        {access.abilities.viewStandards ? (
          <Link to={`/standards/versions/${a.versionId}`} className="sc-std-applicable-title">
            {title}
          </Link>
        ) : (
          <span className="sc-std-applicable-title">{title}</span>
        )}
        <Space size={[6, 4]} wrap>
          {a.documentNumber ? <Tag>{a.documentNumber}</Tag> : null}
          <span>{t('standards.applicability.itemCount', { n: a.items.length })}</span>
          {a.excludedCount > 0 ? (
            <Typography.Text type="secondary">
              {t('standards.applicability.excluded', { n: a.excludedCount })}
            </Typography.Text>
          ) : null}
        </Space>
      </Space>
    );
  }

  return (
    <Card title={t('standards.applicability.title')} size="small" className="sc-std-applicability">
      <Typography.Title level={5} className="sc-std-applicability-heading">
        {t('standards.applicability.standard')}
      </Typography.Title>
      {standardPart}
      <Typography.Title level={5} className="sc-std-applicability-heading">
        {t('standards.applicability.tags')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="sc-small">
        {t('standards.applicability.hint')}
      </Typography.Paragraph>
      {declared.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : declared.isError ? (
        <Alert type="error" showIcon title={problemMessage(declared.error, locale)} />
      ) : (
        <>
          <Checkbox.Group
            value={value}
            onChange={(next) => setDraft(next)}
            disabled={!canEdit || save.isPending}
            className="sc-full-width"
          >
            <Row gutter={[12, 6]} className="sc-full-width">
              {tagOptions(locale).map((o) => (
                <Col key={o.value} xs={24} md={12}>
                  <Checkbox value={o.value}>{o.label}</Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
          {save.isError ? (
            <Alert
              type="error"
              showIcon
              className="sc-std-applicability-alert"
              title={problemMessage(save.error, locale)}
            />
          ) : null}
          {canEdit ? (
            <Space className="sc-std-applicability-actions">
              <Button
                type="primary"
                disabled={!dirty}
                loading={save.isPending}
                onClick={() => save.mutate(value)}
              >
                {t('common.save')}
              </Button>
              <Button disabled={!dirty || save.isPending} onClick={() => setDraft(null)}>
                {t('standards.applicability.reset')}
              </Button>
            </Space>
          ) : null}
        </>
      )}
    </Card>
  );
}
