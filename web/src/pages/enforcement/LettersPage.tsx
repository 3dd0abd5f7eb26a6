import { Alert, Button, Card, Input, Segmented, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useAccess } from '../../auth/session';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { useSearchState } from '../../components/use-search-state';
import { useI18n } from '../../i18n';
import {
  hasLetterFilters,
  isEnterpriseOnly,
  isOneOf,
  letterListQuery,
  letterSearchKeys,
  letterStatuses,
  letterStatusKey,
} from './enforcement-logic';
import { LetterList } from './LetterList';
import { useLetters } from './queries';
import './enforcement.css';

/**
 * 合规建议书 `/advice/letters`. For an enterprise, its inbox: the letters it received as cards (number, department,
 * reply-by, status; overdue in red) with a status switch. For staff, the letters in their scope with filters by
 * status, text (enterprise or number), enterprise and campaign (`?campaign=` from a campaign's page), in the URL.
 */
export default function LettersPage() {
  const { t } = useI18n();
  const access = useAccess();
  const inbox = isEnterpriseOnly(access.roles);
  const [search, setSearch] = useSearchState(letterSearchKeys);
  const [qDraft, setQDraft] = useState(search.q ?? '');
  useEffect(() => setQDraft(search.q ?? ''), [search.q]);
  const query = letterListQuery(search);
  const status = isOneOf(letterStatuses, search.status) ? search.status : undefined;
  // the name of the enterprise filtered on, from the page of its letters (the picker only knows its search results)
  const letters = useLetters(query, !inbox && Boolean(search.enterprise));
  const enterpriseLabel = letters.data?.items.find(
    (l) => l.enterpriseId === search.enterprise,
  )?.enterpriseName;
  const filterBy = (patch: Parameters<typeof setSearch>[0]) => setSearch({ ...patch, page: null });

  if (inbox) {
    return (
      <Card className="sc-page-card" title={t('advice.inbox.title')}>
        <Typography.Paragraph type="secondary" className="sc-small">
          {t('advice.inbox.intro')}
        </Typography.Paragraph>
        <div className="sc-enf-filters">
          <Segmented
            value={status ?? 'all'}
            options={[
              { value: 'all', label: t('advice.filter.all') },
              ...letterStatuses.map((s) => ({ value: s, label: t(letterStatusKey(s)) })),
            ]}
            onChange={(v) => filterBy({ status: v === 'all' ? null : String(v) })}
            data-testid="letters-status-filter"
          />
        </div>
        <LetterList query={query} onPage={(p) => setSearch({ page: p })} inbox showCampaign={false} />
      </Card>
    );
  }

  return (
    <Card className="sc-page-card" title={t('advice.letters.title')}>
      <Typography.Paragraph type="secondary" className="sc-small">
        {t('advice.letters.intro')}
      </Typography.Paragraph>
      <div className="sc-enf-filters">
        <Select
          allowClear
          value={status}
          placeholder={t('advice.filter.status')}
          aria-label={t('advice.filter.status')}
          className="sc-enf-filter-select"
          options={letterStatuses.map((s) => ({ value: s, label: t(letterStatusKey(s)) }))}
          onChange={(s?: string) => filterBy({ status: s })}
          data-testid="letters-status-filter"
        />
        {access.abilities.viewRegister === true ? (
          <div className="sc-enf-filter-enterprise" data-testid="letters-enterprise-filter">
            <EnterpriseSelect
              value={search.enterprise ?? null}
              label={enterpriseLabel}
              placeholder={t('advice.filter.enterprise')}
              onChange={(id) => filterBy({ enterprise: id })}
            />
          </div>
        ) : null}
        <Input.Search
          allowClear
          value={qDraft}
          placeholder={t('advice.filter.q')}
          aria-label={t('advice.filter.q')}
          className="sc-enf-filter-q"
          onChange={(e) => setQDraft(e.target.value)}
          onSearch={(v) => filterBy({ q: v.trim() })}
          data-testid="letters-search"
        />
        {hasLetterFilters(search) ? (
          <Button
            type="link"
            onClick={() => filterBy({ status: null, q: null, enterprise: null, campaign: null })}
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </div>
      {search.campaign ? (
        <Alert type="info" showIcon className="sc-enf-alert" title={t('advice.filter.campaignOnly')} />
      ) : null}
      <LetterList query={query} onPage={(p) => setSearch({ page: p })} />
    </Card>
  );
}
