import './invite-i18n';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueVersion, Site } from '@phongdich/contracts/vaccination';
import type { CampaignList, CampaignSummary } from '@phongdich/contracts/vaccination-campaigns';
import type {
  AgeBandT,
  DueCount,
  InvitationList,
  InviteResult,
} from '@phongdich/contracts/vaccination-invitations';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../components/format';
import { currentLang } from '../../i18n';
import { InvitationListUpload } from './invitation-list-upload';

const AGE_BANDS: AgeBandT[] = ['all', '18+', '50+', '65+'];
const STATUSES = ['invited', 'sent', 'not_sent', 'booked', 'came'] as const;

/**
 * The commune officer's invitations: a campaign and site, then the due people of a priority group
 * (how many first, sent only once confirmed) or an uploaded list, and the invitations counted by
 * status (booked and came follow the people's bookings and doses).
 */
export default function InvitationsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [campaigns, setCampaigns] = useState<CampaignSummary[] | null>(null);
  const [sites, setSites] = useState<Site[]>([]);
  const [groupNames, setGroupNames] = useState<Record<string, string>>({});
  const [campaignId, setCampaignId] = useState('');
  const [siteId, setSiteId] = useState('');
  const [group, setGroup] = useState('');
  const [ageBand, setAgeBand] = useState<AgeBandT>('all');
  const [due, setDue] = useState<number | null>(null);
  const [sent, setSent] = useState<InviteResult | null>(null);
  const [counts, setCounts] = useState<InvitationList['counts'] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api
      .get<CampaignList>('/api/vaccination/campaigns', { limit: 100 })
      .then((list) => {
        setCampaigns(list.items);
        setCampaignId((id) => id || list.items[0]?.id || '');
      })
      .catch(setError);
    api
      .get<Site[]>('/api/vaccination/sites')
      .then((list) => {
        setSites(list);
        setSiteId((id) => id || list[0]?.id || '');
      })
      .catch(setError);
    api
      .get<CatalogueVersion[]>('/api/vaccination/catalogue')
      .then((versions) => {
        const inForce = versions.find((v) => v.inForce) ?? versions[0];
        setGroupNames(Object.fromEntries((inForce?.priorityGroups ?? []).map((g) => [g.code, g.name[lang]])));
      })
      .catch(setError);
  }, [lang]);

  const campaign = campaigns?.find((c) => c.id === campaignId);
  useEffect(() => setGroup(campaign?.targetGroups[0] ?? ''), [campaign]);
  useEffect(() => setDue(null), [campaignId, siteId, group, ageBand]);

  const loadCounts = useCallback(() => {
    if (!campaignId) return;
    api
      .get<InvitationList>(`/api/vaccination/campaigns/${campaignId}/invitations`, siteId ? { siteId } : {})
      .then((l) => setCounts(l.counts))
      .catch(setError);
  }, [campaignId, siteId]);
  useEffect(loadCounts, [loadCounts]);

  const groups = campaign?.targetGroups.length ? campaign.targetGroups : Object.keys(groupNames);

  async function check() {
    setError(null);
    setSent(null);
    try {
      const res = await api.get<DueCount>(`/api/vaccination/campaigns/${campaignId}/invitations/due`, {
        siteId,
        priorityGroup: group,
        ageBand,
      });
      setDue(res.due);
    } catch (err) {
      setError(err);
    }
  }

  async function invite() {
    setBusy(true);
    setError(null);
    try {
      setSent(
        await api.post<InviteResult>(`/api/vaccination/campaigns/${campaignId}/invitations`, {
          siteId,
          priorityGroup: group,
          ageBand,
        }),
      );
      setDue(null);
      loadCounts();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="vaccination-invite">
      <h1>{t('vaccinationInvite.title')}</h1>
      <p>{t('vaccinationInvite.intro')}</p>
      {campaigns && campaigns.length === 0 && (
        <p className="alert alert-warn">{t('vaccinationInvite.noCampaign')}</p>
      )}
      <div className="field">
        <label htmlFor="invite-campaign">{t('vaccinationInvite.campaign')}</label>
        <select id="invite-campaign" value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
          {(campaigns ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} · {c.areaName} · {t('vaccinationInvite.until', { date: formatDate(c.endsOn) })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="invite-site">{t('vaccinationInvite.site')}</label>
        <select id="invite-site" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {sites.length === 0 && <p className="hint">{t('vaccinationInvite.noSite')}</p>}
      </div>

      <ErrorBanner error={error} />

      <div className="card">
        <h2>{t('vaccinationInvite.byGroupTitle')}</h2>
        <div className="field">
          <label htmlFor="invite-group">{t('vaccinationInvite.group')}</label>
          <select id="invite-group" value={group} onChange={(e) => setGroup(e.target.value)}>
            {groups.map((g) => (
              <option key={g} value={g}>
                {groupNames[g] ?? g}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="invite-age">{t('vaccinationInvite.ageBand')}</label>
          <select id="invite-age" value={ageBand} onChange={(e) => setAgeBand(e.target.value as AgeBandT)}>
            {AGE_BANDS.map((b) => (
              <option key={b} value={b}>
                {t(`vaccinationInvite.ages.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn"
          disabled={!campaignId || !siteId || !group || busy}
          onClick={() => void check()}
        >
          {t('vaccinationInvite.check')}
        </button>
        {due !== null && (
          <div data-testid="invite-due">
            <p>{due > 0 ? t('vaccinationInvite.due', { count: due }) : t('vaccinationInvite.noneDue')}</p>
            {due > 0 && (
              <div className="actions">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy}
                  onClick={() => void invite()}
                >
                  {t('vaccinationInvite.confirm', { count: due })}
                </button>
                <button type="button" className="btn" disabled={busy} onClick={() => setDue(null)}>
                  {t('vaccinationInvite.cancel')}
                </button>
              </div>
            )}
          </div>
        )}
        {sent && (
          <p className="alert alert-ok" role="status">
            {t('vaccinationInvite.invited', sent)}
            {sent.more && ` ${t('vaccinationInvite.more')}`}
          </p>
        )}
      </div>

      <div className="card">
        <h2>{t('vaccinationInvite.countsTitle')}</h2>
        {counts && (
          <table aria-label={t('vaccinationInvite.countsTitle')} data-testid="invite-counts">
            <tbody>
              {STATUSES.map((s) => (
                <tr key={s} data-testid={`invite-count-${s}`}>
                  <th scope="row">{t(`vaccinationInvite.status.${s}`)}</th>
                  <td>{counts[s]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button type="button" className="btn" disabled={!campaignId} onClick={loadCounts}>
          {t('vaccinationInvite.refresh')}
        </button>
      </div>

      {campaignId && siteId && (
        <InvitationListUpload campaignId={campaignId} siteId={siteId} onDone={loadCounts} />
      )}
    </section>
  );
}
