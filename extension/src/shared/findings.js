// The misplacement linter's categories and the export checker's verdicts, in the plain words
// the clinician reads. The daemon's own messages say why; these only name the kind.

export const CATEGORY_NAMES = {
  safety: 'Safety (risk to the client or to others)',
  medication: 'Medication',
  session_times: 'Session start and stop times',
  modality_frequency: 'Kind and frequency of treatment',
  test_results: 'Test results',
  diagnosis: 'Diagnosis',
  functional_status: 'How the client is functioning',
  treatment_plan: 'Treatment plan',
  symptoms: 'Symptoms',
  prognosis: 'Prognosis',
  progress: 'Progress to date',
};

export const categoryName = (category) => CATEGORY_NAMES[category] ?? 'Record content';

export const VERDICT_NAMES = {
  clean: 'Clean: every part was read, no private note in it',
  leak: 'LEAK: it holds words from your private notes',
  cannot_verify: 'Cannot verify',
};

export const verdictName = (verdict) => VERDICT_NAMES[verdict] ?? verdict;
