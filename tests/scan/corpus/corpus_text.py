"""The invented private notes and EHR record texts the corpus is made of (no real people)."""

from __future__ import annotations

NOTES: dict[str, str] = {
    "n-harbor": (
        "Marisol spent most of the hour circling back to the night at the harbor when her "
        "brother did not come home, and I noticed how her voice went flat whenever she "
        "described the rope on the dock. My sense is that she still believes she could have "
        "stopped him by calling sooner, and that this belief is holding the grief in place."
    ),
    "n-orchard": (
        "Theo admitted for the first time that he has been driving past his former wife's "
        "house on Orchard Lane several nights a week, sometimes sitting in the car with the "
        "engine off for an hour. He was embarrassed and asked me not to write it down. I "
        "wonder whether the ritual keeps the marriage alive for him in some way."
    ),
    "n-violin": (
        "Priyanka described the recital where her father walked out during the second "
        "movement and said she has not touched the violin since she was fourteen. She "
        "laughed while telling it, which felt like a door closing. I found myself feeling "
        "protective and a little angry at the father, something to watch in myself."
    ),
    "n-ledger": (
        "Desmond confessed that he moved money from the church building fund into his own "
        "account last spring to cover gambling losses and has been quietly repaying it. "
        "Nobody knows yet, including his wife. He is terrified of the audit in March and "
        "keeps rehearsing what he would say to the pastor if it came out."
    ),
    "n-lighthouse": (
        "Oksana brought a dream about a lighthouse whose lamp kept going dark each time she "
        "climbed the stairs to fix it. Associations went to her mother's long depression and "
        "the years she spent as the family's caretaker. The transference feels maternal; "
        "she apologizes whenever she takes up space in the session."
    ),
    "n-garage": (
        "Bartholomew told me that the affair with his business partner's sister started in "
        "the garage apartment after the holiday party and is still going on. He insists it "
        "is harmless, but he described checking his phone under the table at his son's "
        "graduation dinner, and the shame underneath the bravado was obvious to me."
    ),
    "n-kite": (
        "Wren talked about the summer her uncle taught her to fly a kite on the dunes and "
        "then, quietly, about what happened in the beach house afterwards. She stopped "
        "mid-sentence and stared at the carpet for a long while. I chose not to press and "
        "we agreed to come back to it only when she decides she is ready."
    ),
    "n-quote": (
        "Ignatius repeated, \u201cI am so tired of pretending everything is fine at work,\u201d "
        "several times today. Underneath it I hear his fear that his colleagues will see him "
        "as weak if he asks for the reduced schedule, and his old habit of swallowing anger "
        "until it comes out sideways at his teenage daughter over small things."
    ),
}

# Record text in the EHR's own words: the same clinical vocabulary, none of the notes.
CLEAN_PARAGRAPHS: list[str] = [
    "Client attended a 53 minute individual psychotherapy session. Mood was described as "
    "anxious with improving sleep. Affect congruent. Denies suicidal or homicidal ideation. "
    "Continues sertraline 50 mg daily as prescribed by the primary care physician.",
    "Session focused on grief related to the loss of a family member and on coping skills "
    "for intrusive memories. Client practiced paced breathing and grounding exercises and "
    "reported that they were helpful at night.",
    "Treatment plan: weekly cognitive behavioral therapy, continue behavioral activation, "
    "review sleep diary at next visit. Progress toward goals is moderate. Prognosis fair.",
    "Client discussed stress at work, conflict with a supervisor and worry about finances. "
    "We identified two situations this week where avoidance increased anxiety and planned "
    "graded exposure for both. Client agreed to the plan.",
    "Assessment: generalized anxiety disorder, moderate, improving. PHQ-9 score 9, GAD-7 "
    "score 11. Functional status: working full time, some difficulty concentrating in the "
    "afternoon. No safety concerns identified today.",
    "Client reports the family holiday went better than expected. Practiced assertive "
    "communication with spouse using role play. Homework: complete thought record three "
    "times before the next session and bring it in.",
    "Client described feeling tired and discouraged about the pace of progress. Reviewed "
    "the gains made since intake, including return to the gym and fewer panic episodes. "
    "Next appointment scheduled in one week.",
]

HEADER = "Riverbend Behavioral Health \u2022 Client: Nadia Quell \u2022 DOB 04/11/1986"
FOOTER = "Confidential health record \u2022 printed 2026-02-03"
# A short quote the client said, in both a private note and the record.
SHORT_QUOTE = "\u201cI am so tired of pretending everything is fine at work,\u201d"


def clean_record(paragraphs: int = 7, start: int = 0) -> list[str]:
    return [CLEAN_PARAGRAPHS[(start + i) % len(CLEAN_PARAGRAPHS)] for i in range(paragraphs)]


def with_leak(note_id: str, at: int = 3, paragraphs: int = 7) -> list[str]:
    body = clean_record(paragraphs)
    body.insert(at, NOTES[note_id])
    return body


def edited(text: str) -> str:
    """The note with a few words changed, as a clinician would when copying it over."""
    words = text.split()
    for position in (len(words) // 3, 2 * len(words) // 3):
        words[position] = "[edited]"
    return " ".join(words)


def hyphenate_lines(text: str, width: int = 38) -> list[str]:
    """Hard-wrapped lines with words broken by hyphens at line ends."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            room = width - len(current) - 2
            if room >= 3 and len(word) >= 7:
                lines.append(f"{current} {word[:room]}-")
                current = word[room:]
                continue
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    return lines
