// The misplacement linter's categories and the export checker's verdicts, in the plain words
// the clinician reads (from the message catalogue). The daemon's own messages say why; these
// only name the kind.
import { t } from './i18n.js';

export const CATEGORY_NAMES = {
  safety: 'category_safety',
  medication: 'category_medication',
  session_times: 'category_session_times',
  modality_frequency: 'category_modality_frequency',
  test_results: 'category_test_results',
  diagnosis: 'category_diagnosis',
  functional_status: 'category_functional_status',
  treatment_plan: 'category_treatment_plan',
  symptoms: 'category_symptoms',
  prognosis: 'category_prognosis',
  progress: 'category_progress',
  long_quote: 'category_long_quote',
  full_name: 'category_full_name',
};

export const categoryName = (category) => t(CATEGORY_NAMES[category] ?? 'category_other');

export const VERDICT_NAMES = {
  clean: 'verdict_clean',
  leak: 'verdict_leak',
  cannot_verify: 'verdict_cannot_verify',
};

export const verdictName = (verdict) => (VERDICT_NAMES[verdict] ? t(VERDICT_NAMES[verdict]) : verdict);
