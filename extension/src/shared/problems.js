// What the clinician reads for each way the daemon can be out of reach, and the fix.
// The worker decides which problem it is (background/daemon.js); pages only show it.
import { t } from './i18n.js';

// Each problem's words are in the catalogue: problem_<name> (what happened) and
// problem_<name>_fix1.. (what to do); here only how many steps each has.
const FIX_STEPS = {
  not_running: 2,
  lna_blocked: 2,
  not_paired: 2,
  no_vault: 1,
  locked: 1,
  worker_unavailable: 1,
  error: 1,
};

const words = (name) => ({
  title: t(`problem_${name}`),
  fix: Array.from({ length: FIX_STEPS[name] }, (_, index) => t(`problem_${name}_fix${index + 1}`)),
});

export function describe(problem, envelope) {
  const known = words(FIX_STEPS[problem] ? problem : 'error');
  // The daemon's own message and hint are written for clinicians (errors.py) and never
  // hold note text, so they are shown as they come when the problem is a plain error.
  if ((problem === 'error' || !FIX_STEPS[problem]) && envelope?.message) {
    return { title: envelope.message, fix: [envelope.hint].filter(Boolean) };
  }
  return known;
}
