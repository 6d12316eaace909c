/** Turns every way the popup can fail into one message a person can act on, in the UI's language. */
import type { CleanFailure } from '../page/protocol.ts';
import type { Translate } from './api.ts';
import type { UrlKind } from './restricted-url.ts';
import { detailOf } from '../ui/errors.ts';

/** The message for a tab we must not touch (classifyUrl's verdict). */
export function restrictedMessage(kind: Exclude<UrlKind, 'ok'>, t: Translate): string {
  const key = ({ browser: 'errorRestricted', store: 'errorStore', pdf: 'errorPdf', file: 'errorFile' } as const)[kind];
  return t(key);
}

/** The message for a failed executeScript; browsers word restricted pages differently, so match loosely. */
export function injectionMessage(e: unknown, url: string, t: Translate): string {
  const detail = detailOf(e);
  if (/no tab with id|tab was closed|frame with id 0 was removed|not found/i.test(detail)) return t('errorPageGone');
  if (/gallery cannot be scripted|webstore/i.test(detail)) return t('errorStore');
  if (/\.pdf($|[?#])/i.test(url)) return t('errorPdf');
  if (/cannot access|cannot be scripted|missing host permission|permission/i.test(detail)) return t('errorRestricted');
  return t('errorInjection', [detail]);
}

/** The message when the content script could not be reached (the tab navigated or closed meanwhile). */
export function unreachableMessage(t: Translate): string {
  return t('errorPageGone');
}

/** The message for a clean the content script reported as failed. */
export function cleanFailureMessage(error: CleanFailure, detail: string, t: Translate): string {
  switch (error) {
    case 'no-article':
      return t('errorNoArticle');
    case 'navigated':
      return t('errorPageGone');
    case 'pdf':
      return t('errorPdf');
    case 'failed':
      return t('errorFailed', [detail]);
  }
}
