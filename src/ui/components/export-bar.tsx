/** The exports as a row of labelled buttons: the reader tab's bar and the end of the popup's article. */
import type { Translate } from '../api.ts';
import { exportActions, type ExportContext } from '../exports.ts';

/** Props of {@link ExportBar}: the export context, and whether its buttons carry the test ids (one control per id on a page). */
export interface ExportBarProps extends ExportContext {
  /** Give the buttons their data-testid (export-copy…); false for a second bar on the same page. */
  testIds?: boolean;
}

/** The four export buttons, in one labelled group. */
export function ExportBar({ testIds = true, ...ctx }: ExportBarProps) {
  const { t } = ctx.api;
  const act = exportActions(ctx);
  const id = (name: string) => (testIds ? name : undefined);
  return (
    <section class="export" aria-label={t('exportHeading')}>
      <button type="button" data-testid={id('export-copy')} onClick={() => void act.copy()}>
        {t('exportCopy')}
      </button>
      <button type="button" data-testid={id('export-txt')} onClick={() => void act.txt()}>
        {t('exportTxt')}
      </button>
      <button type="button" data-testid={id('export-md')} onClick={() => void act.md()}>
        {t('exportMd')}
      </button>
      <button type="button" data-testid={id('export-html')} onClick={() => void act.html()}>
        {t('exportHtml')}
      </button>
    </section>
  );
}

/** The label of each download format, for menus. */
export const formatLabels = (t: Translate) => ({ txt: t('exportTxt'), md: t('exportMd'), html: t('exportHtml') });
