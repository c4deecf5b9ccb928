// What the clinician reads for each way the daemon can be out of reach, and the fix.
// The worker decides which problem it is (background/daemon.js); pages only show it.

export const PROBLEMS = {
  not_running: {
    title: 'Margin is not running on this computer.',
    fix: [
      'Start it: run "margin setup" once in a terminal, and Margin starts now and at every login (or run "margin serve"; from a Margin folder, "make run").',
      'This panel tries again by itself every few seconds.',
    ],
  },
  lna_blocked: {
    title: 'Your browser is blocking the connection to Margin on this computer.',
    fix: [
      'Chrome asks before extensions talk to programs on this computer ("local network access").',
      'Open the browser\'s site settings for the Margin extension and set "Local network access" to Allow, then press Try again.',
    ],
  },
  not_paired: {
    title: 'This browser is not paired with Margin yet.',
    fix: [
      'In a terminal, run "margin pair" (from a Margin folder, ".venv/bin/margin pair") and type the code it shows below.',
      'After "margin setup", this browser pairs by itself: no code needed.',
    ],
  },
  no_vault: {
    title: 'Margin has no vault yet.',
    fix: ['Create it below. Margin will show you a recovery passphrase once: write it down.'],
  },
  locked: {
    title: 'Your notes are locked.',
    fix: ['Unlock with your passphrase below (or run "margin unlock"). Nothing was lost.'],
  },
  worker_unavailable: {
    title: 'The extension is restarting.',
    fix: ['Wait a moment; this panel tries again by itself.'],
  },
  error: {
    title: 'Margin could not do that.',
    fix: ['Try again. If it keeps happening, restart Margin.'],
  },
};

export function describe(problem, envelope) {
  const known = PROBLEMS[problem] ?? PROBLEMS.error;
  // The daemon's own message and hint are written for clinicians (errors.py) and never
  // hold note text, so they are shown as they come when the problem is a plain error.
  if ((problem === 'error' || !PROBLEMS[problem]) && envelope?.message) {
    return { title: envelope.message, fix: [envelope.hint].filter(Boolean) };
  }
  return known;
}
