// The words of the panel's one save-status line for the saver as it stands.
import { describe } from '../shared/problems.js';
import { t } from '../shared/i18n.js';

const RETRYING = new Set(['error', 'pending', 'saving']);

/**
 * [kind, text] of the save-status line. A save retried after a failure keeps saying why it
 * failed until a save succeeds: switching to "Saving…" and back at every retry changed the
 * line's height, and the form below it moved under the clinician's pointer (in Firefox the
 * unlock button was missed that way).
 */
export function saveLine(saver) {
  if (saver.failure && RETRYING.has(saver.status)) {
    return ['error', t('statusNotSaved', describe(saver.failure.problem, saver.failure.error).title)];
  }
  const labels = {
    idle: ['info', ''], pending: ['saving', t('statusSaving')], saving: ['saving', t('statusSaving')],
    saved: ['saved', t('statusSaved')], conflict: ['conflict', t('statusConflict')],
    sync_conflict: ['conflict', saver.inFlight ? t('statusSaving') : t('statusSyncConflict')],
  };
  return labels[saver.status];
}
