"""A label set: what one sentence check flags, as data in ``shared_schema/lexicon/``.

The sentence engine (engine.py) is one; the checks it runs are several. The misplacement
check (record content in a private note) is the first label set; the progress-note
over-sharing check (private content in the record) is meant to be the second. Each is:

- a rules file (``rules.json`` format: "order" of categories, most important first, with
  "severity", "markers", "contexts" and per-category rules);
- a cue file (``cues.json`` format: named word lists that "together" rules combine);
- a model file (``sentence_model.npz``, written by ``tests/linter/train_model.py
  --label-set NAME``), optional: without it the rules run alone;
- the label of a sentence with nothing to flag ("private" here), which the corpus files
  of the label set use beside its categories;
- a spelling file (``spelling.json``, written by ``tests/linter/build_spelling.py`` from the
  rules' own words), optional: without it words are read only as written.

The first category of "order" is the one the model's first head watches and the one a
confident model may raise a finding to (for misplacement: safety).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from margin.errors import LintRulesMissing
from margin.lint.lexicon import Lexicon, lexicon_dir, load_lexicon
from margin.lint.model import SentenceModel, load_model
from margin.lint.spelling import Respeller


@dataclass(frozen=True)
class LabelSet:
    name: str
    rules_file: str
    cues_file: str
    model_file: str | None
    clear_label: str  # a sentence with nothing to flag
    directory: Path | None = None  # default: shared_schema/lexicon
    spelling_file: str | None = None

    def folder(self) -> Path:
        return self.directory or lexicon_dir()

    def load_lexicon(self) -> Lexicon:
        return load_lexicon(self.folder(), self.rules_file, self.cues_file)

    def load_model(self) -> SentenceModel | None:
        if self.model_file is None:
            return None
        return load_model(self.folder(), self.model_file)

    def load_respeller(self) -> Respeller | None:
        """The label set's reading of misspelt key words, or None when it has none. A
        damaged file is LintRulesMissing, like damaged rules: the file ships beside them."""
        if self.spelling_file is None:
            return None
        try:
            return Respeller.load(self.folder() / self.spelling_file)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise LintRulesMissing() from exc


MISPLACEMENT = LabelSet("misplacement", "rules.json", "cues.json", "sentence_model.npz",
                        clear_label="private", spelling_file="spelling.json")
LABEL_SETS = {MISPLACEMENT.name: MISPLACEMENT}
