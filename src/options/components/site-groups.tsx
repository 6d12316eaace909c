/** Rules grouped by the sites they apply to, each group with "reset this site" and one row per rule. */
import type { Rule } from '../../core/rules/types.ts';
import { resetSite, type Settings } from '../../settings/index.ts';
import type { OptionsApi } from '../api.ts';
import type { Rules } from '../use-rules.ts';
import { RuleRow } from './rule-row.tsx';

/** Groups rules by their `sites` list as written ("*" first), keeping each group's order. */
export function groupBySite(list: readonly Rule[]): [string, Rule[]][] {
  const groups = new Map<string, Rule[]>();
  for (const r of list) {
    const key = r.sites.join(', ');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups].sort(([a], [b]) => (a === '*' ? -1 : b === '*' ? 1 : a.localeCompare(b)));
}

/** The switches stored for any of `sites` (and hosts below them), to put back on undo. */
function storedFor(settings: Settings, sites: string[]): Settings['sites'] {
  let left = settings;
  for (const s of sites) left = resetSite(left, s);
  return Object.fromEntries(Object.entries(settings.sites).filter(([host]) => !(host in left.sites)));
}

/** The groups of `list`; `own` rules can be edited and deleted, bundled ones only switched. */
export function SiteGroups({ api, rules, list, own }: { api: OptionsApi; rules: Rules; list: readonly Rule[]; own: boolean }) {
  const { t } = api;
  return (
    <>
      {groupBySite(list).map(([key, group]) => {
        const sites = group[0]!.sites;
        const name = key === '*' ? t('optionsAllSites') : key;
        const reset = () => {
          const back = storedFor(rules.state.settings, sites);
          void rules.save(s => sites.reduce(resetSite, s), t('siteReset', [name]), {
            label: name,
            apply: s => ({ ...s, sites: { ...back, ...s.sites } }),
          });
        };
        return (
          <section class="site-group" key={key} data-testid="site-group" data-site={key} aria-label={name}>
            <div class="group-head">
              <h3>{name}</h3>
              <button type="button" class="quiet" data-testid="site-reset" data-site={key} onClick={reset}>
                {t('resetSite')}
              </button>
            </div>
            <ul class="rule-rows">
              {group.map(r => (
                <RuleRow key={r.id} api={api} rules={rules} rule={r} own={own} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
