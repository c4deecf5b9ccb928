"""Invented private notes and record text for the second corpus (no real people).

Written apart from the first corpus: other clinic, other clients, notes of very different
lengths (a short note of about twenty words is easy to cut into pieces shorter than the
minimum run), and record paragraphs that use the notes' vocabulary without their sentences.
"""

from __future__ import annotations

NOTES: dict[str, str] = {
    "q-ferry": (
        "Lucian told me about the winter he worked the night ferry to pay off his father's "
        "debts and slept in the engine room between crossings. He described the captain "
        "locking him in once as a joke, and his hands shook while he talked. I suspect the "
        "panic attacks on the subway began there, though he has never linked the two."
    ),
    "q-attic": (
        "Greta keeps her dead sister's letters in a shoebox in the attic and rereads them "
        "every anniversary, alone, with the door locked."
    ),
    "q-bakery": (
        "Anselm admitted he has been taking cash from the register at his aunt's bakery on "
        "Saturday mornings, small amounts he tells himself he will replace. He was flushed and "
        "angry with himself and then angry with me for asking how long it has been going on. "
        "I think the stealing is tied to the humiliation of being paid less than his cousin."
    ),
    "q-chess": (
        "Rosalind spoke about losing the county chess final to her former coach and feeling, "
        "in her words, erased. Countertransference: I felt impatient with her perfectionism "
        "today and caught myself wanting to reassure her rather than stay with the shame."
    ),
    "q-quarry": (
        "Ephraim described driving to the old quarry road twice last month and sitting at the "
        "edge without getting out. He says he was only thinking, and the thought of his "
        "granddaughter made him turn around both times."
    ),
    "q-tattoo": (
        "Marguerite showed me the tattoo on her wrist that covers the scar from the summer "
        "after her divorce, and she asked whether I thought less of her for hiding it from "
        "her new partner. We sat with the question rather than answer it."
    ),
    "q-greenhouse": (
        "Cornelius dreamed again that the greenhouse behind his childhood home was full of "
        "smoke and that he could hear his brother laughing inside but could not find the "
        "door. He woke with the taste of ash and has not told his wife about the dreams."
    ),
    "q-bus": (
        "Henrietta confided that she rides the number nine bus to the end of the line after "
        "sessions because she cannot face going home straight away, and that her husband "
        "believes she is at a book club."
    ),
    "q-ring": (
        "Thaddeus finally said aloud that he pawned his grandmother's engagement ring during "
        "the worst month of his drinking and that his mother still asks where it went at every "
        "family dinner. The guilt seems larger than the loss itself and he wept for the first "
        "time in our work together, then apologized for wasting the hour."
    ),
    "q-quote": (
        "Isadora kept returning to one line from the argument with her daughter, \u201cYou "
        "never once came to see me when I was in the hospital,\u201d and each time her jaw "
        "tightened. I wonder whether she is rehearsing her own defense or her daughter's "
        "accusation, and how much of the old custody fight lives in that sentence."
    ),
}

# A client's sentence that the progress note quotes too: not by itself a leak.
SHORT_QUOTE = "You never once came to see me when I was in the hospital,"

CLINIC = "Larkspur Counseling Associates"
CLIENT = "Client: Osric Vell  MRN 448-20-7731  DOB 09/23/1979"

# The EHR's own record: the notes' vocabulary (brother, grief, shame, panic, father,
# drinking, divorce, dreams) in clinical sentences that appear in no note.
RECORD: list[str] = [
    "Client seen for a 50 minute individual psychotherapy session via telehealth. Mood "
    "reported as low with intermittent panic attacks on public transit. Affect constricted "
    "but appropriate. Denies suicidal ideation, intent or plan.",
    "Session addressed grief after the death of a sibling and avoidance of reminders. Client "
    "identified anniversaries as high-risk times and agreed to schedule supportive contact "
    "with a friend around those dates.",
    "Client reports continued abstinence from alcohol for seven months and attends two "
    "mutual-help meetings weekly. Discussed guilt related to past drinking and the impact on "
    "family relationships. Relapse prevention plan reviewed.",
    "Interventions: cognitive restructuring of perfectionistic beliefs, paced breathing for "
    "panic symptoms, and values clarification. Client completed a thought record in session "
    "and identified two balanced alternative thoughts.",
    "Assessment: panic disorder without agoraphobia, improving; persistent complex "
    "bereavement features. PHQ-9 score 12, GAD-7 score 14. Functional status: employed, "
    "missed one day of work this month.",
    "Client described conflict with an adult daughter and a former spouse about a past "
    "custody arrangement. Practiced validation and boundary-setting statements using role "
    "play. Client engaged well.",
    "Plan: continue weekly cognitive behavioral therapy for twelve sessions, interoceptive "
    "exposure hierarchy next visit, coordinate with primary care regarding sleep. Return in "
    "one week.",
    "Client reports nightmares three nights a week and early waking. Sleep hygiene reviewed. "
    "Client declined referral for medication evaluation at this time and will reconsider at "
    "the next session.",
    "Financial stress discussed, including debts inherited from a parent. Client identified "
    "shame as a barrier to asking for help and agreed to meet with a credit counselor.",
    "Safety: no current risk factors beyond baseline; protective factors include "
    "grandchildren, employment and religious community. Crisis line information reviewed "
    "and provided again.",
]

FOOTNOTE = (
    "Scores collected with the standard self-report forms at check-in; see the measurement "
    "flowsheet for prior values."
)


def record(count: int = 6, start: int = 0) -> list[str]:
    return [RECORD[(start + i) % len(RECORD)] for i in range(count)]


def with_note(note_id: str, *, at: int = 2, count: int = 6, start: int = 0) -> list[str]:
    body = record(count, start)
    body.insert(at, NOTES[note_id])
    return body


def edited(text: str, every: int = 17) -> str:
    """A few words changed or dropped, as when a clinician reworks a copied paragraph."""
    words = text.split()
    out: list[str] = []
    for i, word in enumerate(words):
        if i and i % every == 0:
            out.append("(redacted)" if i % 2 else "")
            continue
        out.append(word)
    return " ".join(w for w in out if w)
