"""One test per hard case of issue 8, in both directions, on sentences not in the corpus."""

from __future__ import annotations

import functools

import pytest

from margin.lint import Finding, lint_text
from margin.lint.engine import Linter


def category(text: str) -> str:
    """The most important category flagged in `text`, or "private"."""
    findings = lint_text(text)
    order = ["safety", "medication", "test_results", "diagnosis", "prognosis", "progress",
             "treatment_plan", "session_times", "functional_status", "symptoms",
             "modality_frequency"]
    return min((f.category for f in findings), key=order.index) if findings else "private"


@pytest.mark.parametrize("text", [
    "Denies SI/HI.",
    "pt denies si/hi, denies avh",
    "She denied thoughts of killing herself.",
    "No HI, no access to guns.",
])
def test_negated_safety_findings_are_record_content(text: str) -> None:
    assert category(text) == "safety"


@pytest.mark.parametrize("text", [
    "She dreamed she overdosed on her sleeping pills.",
    "In the dream he swallowed all the pills in the bottle.",
    "He has been giving away his tools and his records.",
    "He has a fantasy of beating up his landlord and went to the man's house on Sunday.",
    "She keeps joking that she'll shoot her ex, and she bought a gun in March.",
    "Her 7-year-old stays home alone after school until 8.",
    "I have a hunch her nephew is taking money from her grandfather's savings.",
    "Half joking, he asked how many of his pills it would take to die.",
])
def test_risky_dreams_fantasies_jokes_and_hunches_are_safety(text: str) -> None:
    assert category(text) == "safety"


@pytest.mark.parametrize("text", [
    "She'd kill for a week at the beach, she said, laughing.",
    "He gave away his old textbooks while cleaning out the garage.",
    "He fantasizes about quitting and moving to the mountains.",
    "She dreamed she was flying over her old school.",
])
def test_harmless_idioms_fantasies_and_dreams_are_private(text: str) -> None:
    assert category(text) == "private"


@pytest.mark.parametrize(("text", "expected"), [
    ("Mostly talked about her garden, but also said the Prozac gives her headaches.",
     "medication"),
    ("Long story about the wedding, and her PHQ-9 was 15 today.", "test_results"),
    ("I felt tired with her; she is sleeping 3 hours a night.", "symptoms"),
])
def test_a_mixed_sentence_with_a_record_fact_is_flagged(text: str, expected: str) -> None:
    assert category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Her aunt takes Klonopin for her nerves.", "private"),
    ("She has been taking Klonopin for her nerves.", "medication"),
    ("His son was diagnosed with autism last spring.", "private"),
    ("He was diagnosed with autism last spring.", "diagnosis"),
    ("I wonder if her fatigue is grief in disguise.", "private"),
    ("She reports fatigue and hopelessness most days.", "symptoms"),
    ("We talked about the PHQ-9 and how she hates forms.", "private"),
    ("PHQ-9 = 22 today.", "test_results"),
])
def test_a_mention_must_be_a_fact_about_the_client(text: str, expected: str) -> None:
    assert category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("She dreamed her father was a lighthouse keeper.", "private"),
    ("Nightmares about the fire 5 nights a week.", "symptoms"),
    ("Bad dreams nightly since the crash.", "symptoms"),
    ("He was late again and didn't say why.", "private"),
    ("He was 35 minutes late, so the session ran 15 minutes.", "session_times"),
    ("Session cut short, 90832.", "session_times"),
])
def test_dream_frequency_and_session_length_are_record(text: str, expected: str) -> None:
    assert category(text) == expected


def test_safety_outranks_everything_and_is_critical() -> None:
    findings = lint_text("Zoloft 100 mg, PHQ-9 18, passive SI without plan.")
    assert [f.category for f in findings] == ["safety"]
    assert findings[0].severity == "critical"


def test_other_categories_are_warnings_with_a_plain_reason() -> None:
    [finding] = lint_text("PHQ-9: 14.")
    assert finding == Finding(0, 10, "test_results", "warning",
                              "A PHQ-9 score is a clinical test result; it belongs in the "
                              "progress note.")


def test_spans_cover_each_flagged_sentence_and_nothing_else() -> None:
    text = "Talked about Lisbon.\n- Denies SI/HI; GAD-7 12\n- I felt moved. Plan: refer to IOP."
    findings = lint_text(text)
    spans = [(text[f.start:f.end], f.category) for f in findings]
    assert spans == [("Denies SI/HI", "safety"), ("GAD-7 12", "test_results"),
                     ("Plan: refer to IOP.", "treatment_plan")]


def test_an_empty_or_private_note_has_no_findings() -> None:
    assert lint_text("") == []
    assert lint_text("We laughed about her cat.\n\nShe seemed lighter today.") == []


@pytest.mark.parametrize("text", [
    "Said her husband would be better off if she were out of the picture.",
    "Keeps thinking how nice it would be to go to sleep and never wake up.",
    "Asked, laughing, if I would miss her if she was gone.",
    "Has been saving up his mother's sleeping pills in a drawer, just in case.",
    "Sat on the railway bridge ledge for an hour on Sunday.",
    "pt endorses fleeting si, no plan",
    "Wrote goodbye letters to each of her kids.",
    "Burns her own wrists with a cigarette when she is alone.",
    "Drove home from the bar after five beers.",
    "Fainted in the shower after purging twice in one day.",
    "His 4-year-old was found wandering on the road.",
    "Her dad, who has dementia, has bedsores and the aide never turns him.",
    "Hears a voice ordering him to hurt the neighbor.",
    "Won't let her leave the apartment and took her car keys.",
])
def test_risk_in_other_words_is_safety(text: str) -> None:
    assert category(text) == "safety"


@pytest.mark.parametrize("text", [
    "She is dying to see the new exhibit.",
    "Her grandmother died peacefully in March and she wishes she had visited more.",
    "He stood on the bridge taking photos at sunset with his wife.",
    "Her brother was drinking wine at dinner and took a cab home.",
    "Gave away the old sofa when they moved.",
    "We talked about a documentary on the gun show loophole.",
    "Her parrot takes Prozac for feather plucking.",
])
def test_risk_words_without_risk_stay_private(text: str) -> None:
    assert category(text) == "private"


def test_a_star_inside_a_phrase_is_any_ending_of_that_word() -> None:
    import re

    from margin.lint.lexicon import term_regex

    pattern = re.compile(term_regex("keep* looking at"), re.IGNORECASE)
    assert pattern.fullmatch("keeps looking at")
    assert pattern.fullmatch("keep looking at")
    assert not pattern.fullmatch("keeps looking")


def test_a_third_party_who_only_receives_does_not_make_it_private() -> None:
    assert category("Texted her sister 'look after mom for me' and turned her phone off.") \
        == "safety"
    assert category("Her sister wrote a will last year.") == "private"


# Issue 16, fourth round: sentences in no corpus file, one per family of the rules added.
@pytest.mark.parametrize("text", [
    # Risk split across a semicolon or a dash: neither part alone is risk.
    "Picked up a new hose at the hardware store; would not explain why.",
    "Has the old rifle out of the loft again - calls it his way out.",
    "Emptied her desk drawers at the office; says she won't be coming back.",
    # A "together" rule's two cues parted by a semicolon (purging, then a danger sign).
    "Vomiting after every meal; her heart races at night.",
    # Medicines saved up rather than taken.
    "He is tucking away a few of his sleeping tablets every night.",
    # Finality in everyday words.
    "Told her son he won't need to look after her for much longer.",
    "He said the dog should go to someone who will actually be around.",
    # Stopping a life-saving medicine on one's own.
    "Came off her anti-rejection meds in the spring without telling anyone.",
    "He has not been to dialysis for two weeks.",
])
def test_fourth_round_risk_families_are_safety(text: str) -> None:
    assert category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    # The other side of each family: no risk.
    ("Bought a hose for the garden; it was on sale.", "private"),
    ("She won't be around on Thursday because of the school play.", "private"),
    ("Her grandfather stopped his blood thinner before the hip surgery.", "private"),
    ("Stopped warfarin for the colonoscopy as advised by her cardiologist.", "medication"),
])
def test_fourth_round_look_alikes_are_not_safety(text: str, expected: str) -> None:
    assert category(text) == expected


def test_a_risk_split_across_a_semicolon_marks_both_parts() -> None:
    text = "Picked up a new hose at the hardware store; would not explain why."
    findings = lint_text(text)
    assert [(text[f.start:f.end], f.category) for f in findings] == [
        ("Picked up a new hose at the hardware store", "safety"),
        ("would not explain why.", "safety")]


# Issue 16's fourth round, mended on a held-out batch's misses: each wording family written
# anew here, in both directions.
@pytest.mark.parametrize("text", [
    "He threatened to 'break his jaw' if the neighbour parks there again.",
    "Said he'd put his fist through his brother-in-law's face at the wedding.",
    "Her boyfriend says he'll share the nude pictures unless she comes back.",
    "Asked whether anyone would show up to her funeral, then changed the subject.",
    "Keeps saying she just wants to be over with it all.",
])
def test_threats_and_death_talk_in_plain_words_are_safety(text: str) -> None:
    assert category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    ("Sessions with him always run over with small talk at the end.", "private"),
    ("Stable on buprenorphine-naloxone 8/2 mg daily.", "medication"),
    ("He threatened to quit the team if the coach benched him.", "private"),
])
def test_the_same_words_without_risk_are_not_safety(text: str, expected: str) -> None:
    assert category(text) == expected


def test_confinement_needs_a_person_confined_not_a_feeling() -> None:
    """The rule alone (the sentence model may still weigh the sentence on its own)."""
    rules_only = Linter(use_model=False)
    assert rules_only.predict("She keeps her worry out of the room by joking.") == "private"
    assert rules_only.predict("He kept her locked in the basement overnight.") == "safety"


# Mended on heldout9's misses: each family written anew here, in both directions.
@pytest.mark.parametrize("text", [
    "Gave the cat's carrier and food to her sister - 'you'll take care of her.'",
    "Wanted to know which parking garage downtown has no barrier on the top level.",
    "There is a loaded pistol in his glove box, he says for protection.",
    "Keeps a bag of old pills under the sink - calls it her 'way out'.",
    "Picked up two family-size bottles of Tylenol on the way home.",
    "New cuts on her left forearm, still healing.",
    "BMI now around 14.8 after the last month of restricting.",
    "Her 8-year-old's broken wrist went untreated for weeks.",
    "Grandma's new boyfriend now controls her bank account and her pension.",
    "Admits he drove past his ex's new place several times this week.",
])
def test_preparation_means_and_neglect_in_plain_words_are_safety(text: str) -> None:
    assert category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    ("Needs her son's help with groceries and paying bills.", "functional_status"),
    ("Showering only twice a week lately.", "functional_status"),
    ("Couples, in-person.", "modality_frequency"),
    ("Meeting him twice a week until the exposure work is done.", "modality_frequency"),
    ("Drinking 3-4 glasses of wine a night.", "symptoms"),
    ("Her roommate smokes weed daily and leaves the smell everywhere.", "private"),
    ("Her brother bought two bottles of wine for the party.", "private"),
])
def test_record_facts_in_plain_words_and_a_third_partys_habits(text: str, expected: str) -> None:
    assert category(text) == expected


# Mended on heldout10's misses: each family written anew here, in both directions.
@pytest.mark.parametrize("text", [
    "PHQ-9 #9 answered 'several days'.",
    "Edinburgh scale given; question 10 marked 'sometimes'.",
    "Says the kids would do better once she's out of the picture.",
    "Has started carrying a screwdriver in his jacket in case the neighbour 'starts something'.",
    "Knows his foreman's shift times by heart and has written them on the fridge.",
    "Hinted the ex might 'have a nasty accident' on the ice.",
    "Spent an hour sitting on the ledge of the car park roof on Friday.",
    "Drove with no seatbelt on the motorway after the argument.",
    "Went through two boxes of laxatives since Sunday.",
    "We wrote down what she can do when the urges hit: ice in her hand, a walk.",
    "Her 7yo often makes his own dinner and puts himself to bed.",
    "The carer has been signing her grandma's pension forms and cashing them.",
    "Hasn't got out of his bed for five days except to use the bathroom.",
    "Would like to shut her eyes and never open them again, she said quietly.",
])
def test_screening_answers_threats_risky_acts_and_neglect_are_safety(text: str) -> None:
    assert category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    ("Session ran fifteen minutes over; started late.", "session_times"),
    ("Says her commute is 'killing her' with the roadworks.", "private"),
    ("Her grandma keeps the family recipes in a box and makes her own bread.", "private"),
    ("Carries a hammer in his van for the building work.", "private"),
])
def test_the_same_words_in_ordinary_use_are_not_safety(text: str, expected: str) -> None:
    assert category(text) == expected


# Mended on heldout11's misses: each family written anew here, in both directions.
@pytest.mark.parametrize("text", [
    "Wondered aloud if counsellors go to their patients' funerals.",
    "Paid off all of her credit cards and sold her car for next to nothing.",
    "Asked how deep the water is off the end of the quay - then laughed it off.",
    "Said he doesn't care if a bus hits him on the way home.",
    "In the dream he took all his tablets and felt nothing but relief.",
    "Home visit: sheets soiled, fridge empty.",
    "Hasn't eaten a hot meal in five days; the electricity has been off since March.",
    "Her new 'lodger' took over her pension and cashes it each week.",
    "The scout leader was grooming the boys in his troop, she now believes.",
])
def test_preparation_indifference_neglect_and_grooming_are_safety(text: str) -> None:
    assert category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    ("Grooming: unkempt, hair unwashed.", "symptoms"),
    ("UDS: negative for all substances.", "test_results"),
    ("Session cut to 30 minutes; pt arrived late.", "session_times"),
    ("Introduced the window of tolerance using her week at work.", "modality_frequency"),
    ("Needs reminders from staff to shower and dress.", "functional_status"),
    ("Her dog groomer moved across town.", "private"),
])
def test_record_shorthand_and_ordinary_grooming_are_not_safety(text: str, expected: str) -> None:
    assert category(text) == expected


# Mended on heldout12's misses: each family written anew here, in both directions.
@pytest.mark.parametrize("text", [
    "Wants someone to keep the cats if anything should happen, and soon.",
    "Looking for a new home for the dog with someone who will actually be there.",
    "Told me he won't be needing his passport after all.",
    "Left the engine running in the closed garage last night, then went back inside.",
    "Mentioned the viaduct is right on her way to work, and smiled.",
    "Searched online how many tablets it would take.",
    "Everyone would manage better without her, she said flatly.",
    "Had three of her mum's zopiclone with most of a bottle of white.",
    "Throwing up 4x a day since the weekend.",
    "Was sexually assaulted at a party in March; first time she has said so.",
    "His nephew has been emptying his savings account since the stroke.",
    "Turned the district nurse away twice; the wound is not being dressed.",
    "Gave her the crisis line number and we rehearsed calling it.",
])
def test_arrangements_mixing_purging_assault_and_refused_care_are_safety(text: str) -> None:
    assert category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    ("Review in 6/52.", "treatment_plan"),
    ("DBT fortnightly alongside skills group.", "modality_frequency"),
    ("Wants to disappear off to the coast for a week after exams.", "private"),
    ("Her dad takes his diazepam with his morning tea.", "private"),
])
def test_plans_therapies_and_ordinary_words_are_not_safety(text: str, expected: str) -> None:
    assert category(text) == expected


# Mended on heldout13's misses: each family written anew here, in both directions.
@pytest.mark.parametrize("text", [
    "Can't see herself still being here by the summer, she says.",
    "Asked if her rabbits could go and live with her neighbour if anything happened.",
    "Streaks of blood in her vomit twice this week.",
    "Her ex has been showing up at the school gate every afternoon.",
    "Terrified that if she leaves he'll 'finish her'.",
    "Stopped taking his anti-rejection meds after the argument with his consultant.",
    "GP agreed to dispense his tablets weekly rather than monthly.",
    "Newspapers piled on the cooker and no smoke alarm; refuses a fire safety visit.",
    "Mum couldn't say when the baby last had a feed.",
    "Her father's leg ulcer has not been dressed for weeks; she is his only carer.",
    "His son keeps his bank card and hands him cash on Fridays.",
])
def test_death_talk_medical_danger_threat_and_neglect_in_plain_words_are_safety(text: str) -> None:
    assert category(text) == "safety"


@pytest.mark.parametrize("text", [
    "She wants to 'disappear' to the lake house for the long weekend.",
    "Her sister worries she will see her ex at the wedding.",
])
def test_holidays_and_ordinary_worries_stay_private(text: str) -> None:
    assert category(text) == "private"


@functools.cache
def _rules_linter() -> Linter:
    """One rules-only linter for the module (making one reads and compiles every rule)."""
    return Linter(use_model=False)


def rules_category(text: str) -> str:
    """The rules' own call, without the sentence model (the floor beneath it)."""
    return _rules_linter().predict(text)


@pytest.mark.parametrize("text", [
    # Issue 16, fifth round: the rules' own false flags on private sentences, narrowed.
    "My jaw was tight all session - I had skipped lunch.",
    "Shaky (mine) after the third cancellation call of the day.",
    "They booked a cliff jumping trip for her birthday.",
    "He wants to disappear into a long novel over the holidays.",
    "Her housemate was put on lithium last month.",
    "Her sponsor relapsed at Christmas.",
    "Spent the weekend checking on her mum after the fall.",
    "In the book's last chapter the narrator drowns himself; she found it moving.",
    "Says the commute is going to kill him.",
    "Her dad planned his own funeral service in detail after his heart scare.",
    "A colleague tried to end her life years ago; they haven't spoken since.",
    "He left thank-you letters for each of the nurses.",
    "Got married last spring, and they made a will with a solicitor.",
    "The kids got water guns for the beach.",
    "Did a photo shoot for her sister at the wedding.",
    "Bought steak knives as a housewarming present.",
    "Beat her brother at chess on Sunday.",
    "Gave the cat to her mum for a fortnight while she's away.",
    "I found myself more tired than I expected to be.",
    "I kept thinking about her between sessions.",
    "In the sand tray she built a fence around a little house.",
    "She kept returning to the picture of an empty chair at the kitchen table.",
])
def test_the_rules_leave_ordinary_and_third_party_sentences_private(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize(("text", "expected"), [
    # The same words where they still carry risk or a record fact.
    ("Her stepdad said he'd end her if she told anyone.", "safety"),
    ("Planning her own funeral in detail, songs and all.", "safety"),
    ("Wrote a will in a hurry last night and left it on the table.", "safety"),
    ("Stood on the bridge and thought about jumping.", "safety"),
    ("Keeps a gun in the glovebox.", "safety"),
    ("Bought a hunting knife and keeps it under his pillow.", "safety"),
    ("Threatened to shoot her boss.", "safety"),
    ("Client: 'my chest gets tight every morning.'", "symptoms"),
    ("Checking the locks 20x before bed.", "symptoms"),
    ("Sand tray used to explore the move.", "modality_frequency"),
    ("Used the empty chair with her late father.", "modality_frequency"),
    ("Assign thought record to complete between sessions.", "treatment_plan"),
])
def test_the_narrowed_rules_still_fire_on_risk_and_record_facts(text: str, expected: str) -> None:
    assert rules_category(text) == expected


# Issue 16, seventh round: mended on heldout17's and heldout18's misses, each family
# written anew here, in both directions (the rules alone, the floor beneath the model).
@pytest.mark.parametrize("text", [
    "Some mornings she prays she won't wake up at all.",
    "Asked me whether anyone would notice if he just vanished.",
    "'What if I stopped? I mean, stopped everything.'",
    "Talks about swimming out past the buoys at the beach and keep going.",
    "Gave her brother the login for her email, just in case, she said.",
    "Has chosen the hymns for his own funeral and written them down.",
    "Sorting her records to give to friends 'while I still can, so I decide who gets what.'",
    "Still has her late mother's oxycodone in the bathroom cabinet.",
    "There's still a hosepipe in the shed 'from before', he admitted.",
    "Has thought about taking her husband's sleeping tablets all at once.",
    "Disclosed thoughts of drowning herself after the court date.",
    "Partner agreed to remove the belts and cords from the flat tonight.",
    "Bought charcoal on the way home and went quiet when I asked about it.",
    "Says if his landlord turns up again 'he won't be walking away from it'.",
    "Daughter (6) had a black eye on Monday; told the teacher her stepdad did it.",
    "Her nine-year-old looks after the baby most evenings until midnight.",
    "The children have had cereal for tea all week; the cupboards are bare.",
    "History of CSA by an uncle, disclosed last session.",
    "Her carer has been taking money out of her savings account without asking.",
    "Nephew added himself to his aunt's bank account after her stroke.",
    "Drove the kids to school after a couple of glasses of wine at breakfast.",
    "Used a whole packet of laxatives before the weigh-in.",
    "C-SSRS: all questions answered no.",
])
def test_seventh_round_risk_families_are_safety(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    ("Drinks three or four cans most evenings after work.", "symptoms"),
    ("Compared with March, she's leaving the house most days.", "progress"),
    ("Mood worse since the move, lower than at the start of therapy.", "progress"),
    ("Goal 3 (exercise) partially met.", "progress"),
    ("I'd expect him to respond well to a few more sessions of exposure.", "prognosis"),
    ("She's likely to keep her job if the sleep gains continue.", "prognosis"),
    ("Session went to 70 minutes to finish the imagery work.", "session_times"),
    ("Back to full-time hours at the bakery since Monday.", "functional_status"),
    ("Works three shifts a week at the petrol station.", "functional_status"),
    ("Hasn't driven since the accident in May.", "functional_status"),
    ("New goal agreed: two alcohol-free days a week.", "treatment_plan"),
    ("Lithium level 0.6 on Tuesday.", "test_results"),
])
def test_seventh_round_record_families_are_flagged(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # The same words without risk, or about someone else.
    "Hoping she doesn't wake up late for the exam.",
    "Her manager jokes he will murder them if they miss the launch date.",
    "Gave the dog-sitter the alarm code in case it went off.",
    "Her grandmother chose the hymns for her own funeral years ago.",
    "Handing out leaflets at the market with her choir.",
    "Her brother is taking money out of his own savings for the deposit.",
    "She used to swim out to the raft and back as a girl.",
    "CT: drowsy, glancing at the clock, wanting the hour to end.",
    "I noticed I was tense before he arrived, as if I expected to be scolded.",
    "Her husband drinks four beers most nights; she hates it.",
    "Her sister is back to full-time hours at the hospital.",
    "Her husband drove home after five or six pints at the reunion.",
])
def test_seventh_round_look_alikes_stay_private(text: str) -> None:
    assert rules_category(text) == "private"


def test_a_coach_who_would_kill_them_if_practice_is_missed_is_an_idiom() -> None:
    text = "Her coach said he'd kill them if they missed another practice; she laughed."
    assert rules_category(text) != "safety"


@pytest.mark.parametrize("text", [
    # Issue 16, eighth round: families of heldout19's misses, each worded anew.
    "Has been setting a few of her sleepers aside each week 'just to have some'.",
    "Post-discharge call: the pills from the bathroom cabinet are now kept at his sister's.",
    "Said the rifle has been moved to his neighbour's garage since Friday.",
    "Laughed about taking a walk off the harbour wall, then asked how cold the water gets.",
    "Keeps telling me his dead wife is 'calling for him' at night.",
    "He says he's 'ready to go' and has stopped seeing his friends.",
    "Admits she imagines dropping the baby down the stairs and can't stop seeing it.",
    "The eight-year-old gets his brother to nursery because dad 'stays in bed all day'.",
    "Her children (3 and 5) were left with a 10-year-old neighbour overnight.",
    "Son (9) says there is no food at home most weekends; school staff concerned.",
    "An older man on the game chat keeps asking the 13-year-old for pictures.",
    "WAST positive; partner threw her phone and slammed her against the counter.",
    "Told her that if she ever left him 'you won't get far'.",
    "The 7-year-old drew dad squeezing mum's throat.",
    "Says the neighbour will 'get what's coming' and has been waiting by his gate.",
    "Her ex threatens to post the pictures online unless she drops the complaint.",
    "Repeats she was never meant to be here; the kids would be better off with someone else.",
    "Dad OD'd on purpose when pt was 12.",
    "ASQ completed in clinic today - all answers no.",
    "Safety-plan contacts reviewed: aunt and youth worker.",
    "AVH instructing him to walk into traffic; resisting so far.",
    "Pt drove to work after a few beers at lunch.",
    "A neighbour got her to sign forms about her pension; she does not know what they were.",
    "Grandson took over his bank card last spring and the gas bill is now months behind.",
])
def test_eighth_round_risk_families_are_safety(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    ("Eating plan likely to keep helping as long as she has support at meals.", "private"),
    ("She is likely to go on improving with weekly sessions.", "prognosis"),
    ("Arguments down to once a week since we started meeting.", "progress"),
    ("Nightmares 5x/wk -> 1x/wk since starting tx.", "progress"),
    ("IEP meeting set for next Thursday; will attend by phone.", "treatment_plan"),
    ("Had to leave early at 2:50 for a school pickup.", "session_times"),
    ("Connection froze at 11:40 and we finished the last 10 min by phone.", "session_times"),
    ("Manages laundry and meal prep with reminders from staff.", "functional_status"),
    ("Weight down 6 kg over the summer, not trying.", "symptoms"),
    ("Drinking 4-5 beers/night since the layoff.", "symptoms"),
    ("Couples Satisfaction Index 61, up from 48.", "test_results"),
])
def test_eighth_round_record_families_are_flagged(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # The same words without risk, or about someone else.
    "She keeps her vitamins aside for the weekend trips.",
    "Her grandson's inhaler dose went up after the winter.",
    "I caught myself rehearsing what I'd say to her mother - checking the clock too.",
    "He joked he'd strangle her if she loaded the car wrong again; both laughing.",
    "f/u on the camping-trip story.",
    "The holiday photos are now with her sister, who is making an album.",
    "Her son (10) was left with his grandmother overnight on Friday.",
    "Walked off the end of the pier to watch the fishing boats come in.",
    "She left work at 5:30 to beat the traffic.",
    "Feels 'ready to go' home from the ward on Friday.",
    "Says she's 'ready to go' back to work after her leave.",
    "Holiday plan: two nights at the coast with her sister.",
    "They cracked up when she said she'd kill him if he sang that song again.",
    "Grandpa's pocket knife was handed down to him on his birthday.",
    "Her daughter said the service at the funeral was lovely and made her feel better.",
])
def test_eighth_round_look_alikes_are_not_safety_or_record(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize("text", [
    # Issue 16, eighth round: the rules' false flags on train_more8 and train_more9, mended
    # by family (each worded anew): friends called mates or pals, step-relatives, a bruise
    # in sport or a simile, an instrument asked about, an ordinary power of attorney, an
    # offer declined, a childhood memory.
    "Her old uni mate overdosed at a party years back; she brought it up as a story.",
    "His pal from work relapsed over Christmas and owes everyone money.",
    "Stepbrother was started on lithium last spring.",
    "Came back from rugby bruised all down one side and grinning.",
    "Her nan bruises easily these days, and the family worries.",
    "She asked what the Columbia scale is for, out of interest.",
    "His aunt holds power of attorney for his grandfather; the paperwork was finally done.",
    "A colleague offered her a lift home, which she declined.",
    "Earliest memory: the smell of her grandmother's kitchen.",
])
def test_eighth_round_rules_false_flags_stay_private(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize(("text", "expected"), [
    ("Keeps a box of her old tablets 'in case it ever comes to that'.", "safety"),
    ("Says the gun stays in the loft if it gets to that.", "safety"),
    ("Son (12) came home with bruises on his arms and said his stepdad did it.", "safety"),
    ("Mood declined after the anniversary.", "progress"),
])
def test_eighth_round_narrowed_rules_still_fire(text: str, expected: str) -> None:
    assert rules_category(text) == expected



@pytest.mark.parametrize("text", [
    # Issue 16, ninth round: families of heldout20's and heldout21's misses, worded anew.
    "Told her ex he 'won't live to see the custody hearing'.",
    "Was beaten regularly by his stepdad as a teenager.",
    "Hx of burning (forearms) age 15-17, nil since.",
    "Smashed down the bathroom door while she and the baby were inside.",
    "Feels her family would be freer without her.",
    "Wondered aloud if the policy pays out when it looks like an accident.",
    "Says that if the scan is bad she's 'checking out'.",
    "Lies awake hoping not to see another morning.",
    "Since the funeral she says she won't be long behind him.",
    "Asking his son which of his tools he wants when the time comes.",
    "Has been sitting on the motorway bridge after her shifts.",
    "Said the landlord 'will regret it' and has been parking outside his office.",
    "Her husband controls all the money and keeps her passport.",
    "She has to ask his permission to see her sister.",
    "Off her antiretrovirals for a month; hasn't told the clinic.",
    "His mother (84) says her grandson 'helps' with large cash withdrawals every week.",
    "Client is 81; her pension now goes into her grandson's account.",
    "Her 76-year-old dad is scared of his carer and goes quiet when she's in.",
    "Twins (3) left in the care of their 8 y/o brother after school.",
    "Dizzy when she stands and heart racing - down to one small meal a day.",
    "A 'friend' from the club has her bank card and her statements no longer come.",
])
def test_ninth_round_risk_families_are_safety(text: str) -> None:
    assert rules_category(text) == "safety"


def test_a_marker_named_in_the_other_part_of_a_sentence_counts() -> None:
    # The rule needs a child; the child is named only before the semicolon.
    text = "Lives with her 3-year-old; no food in the house since Friday."
    findings = _rules_linter().lint(text)
    assert [f.category for f in findings] == ["safety", "safety"]
    # Two sentences are not one: the marker must be in the same sentence.
    assert rules_category("Lives with her 3-year-old. No food in the house since Friday.") \
        == "private"


@pytest.mark.parametrize(("text", "expected"), [
    ("Remission unlikely without a change of approach, in my view.", "prognosis"),
    ("The outlook for this episode looks favourable.", "prognosis"),
    ("Her panic has settled a great deal since we started.", "progress"),
    ("Slipped back after the funeral; nightmares most nights again.", "progress"),
    ("Sent a release so I can talk with his GP about the sleep referral.", "treatment_plan"),
    ("Lives with her daughter; does her own cooking and laundry.", "functional_status"),
    ("Her neurologist diagnosed MS in June.", "diagnosis"),
    ("Used the scaling question to rate her week.", "modality_frequency"),
    ("Labs: TSH and B12 wnl.", "test_results"),
])
def test_ninth_round_record_families_are_flagged(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # The same words without risk, or about someone else.
    "He remembers his grandmother fondly.",
    "The old barn burned down years ago; they rebuilt it as a studio.",
    "Has a tattoo of two crossed pistols from his unit days.",
    "Will rewrite her will once the divorce is through.",
    "It felt like she was checking whether I'd judge her.",
    "Memory: aged six, the smell of the sea at her aunt's.",
    "She keeps her own car keys in a dish by the door.",
    "She'll regret it if she misses the concert, she said.",
    "Bought groceries for her own shopping list.",
])
def test_ninth_round_look_alikes_are_not_safety(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize("text", [
    # The rules' false flags on train_more10, mended by family (each worded anew).
    "Says she's 'checking out' from the book club until the spring.",
    "Binge-watched the whole series over the weekend and laughed about it.",
    "Her colleagues would cope fine without me for a few days, she said of her leave.",
    "After the house sale she wants to redo her will with the solicitor.",
    "The dosette box on the windowsill is her husband's.",
])
def test_ninth_round_rules_false_flags_stay_private(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize(("text", "expected"), [
    ("Says everyone would be fine without her.", "safety"),
    ("Bingeing four nights a week.", "symptoms"),
    ("Fills her own pill organizer every Sunday; no missed doses.", "medication"),
])
def test_the_ninth_rounds_narrowing_keeps_the_real_cases(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, tenth round: a child wandering in a dream is dream imagery (found on
    # train_more11's look-alikes); a child found wandering is still neglect.
    ("In the dream she was wandering a shopping centre, searching for a boy she'd lost.",
     "private"),
    ("Her 5-year-old was found wandering the car park alone at closing time.", "safety"),
    # A simile or a "dream job" is not a dream told: it silences nothing (found in review).
    ("Her 3-year-old was found wandering the street at 2am while she slept, like a bad dream"
     " she said.", "safety"),
    ("Since she lost her dream job her 6yo has been found wandering the estate after dark.",
     "safety"),
])
def test_a_child_wandering_in_a_dream_is_not_neglect(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, eleventh round: train_more12's warning-sign families, each worded anew.
    "This writer then phoned 999 and stayed on the line until the crew arrived.",
    "Paramedics took the client to A&E from the clinic car park.",
    "Requested a welfare check at 22:10 when texts stopped.",
    "Placed on a 72-hour hold after the ED assessment.",
    "Could not say she would keep herself safe over the weekend.",
    "Her brother told her she'd 'end up in the canal' if she talked to the police.",
    "Says her landlord threatened to finish him off over the rent.",
    "Her ex says he will post the photos of her to her church group.",
    "Left a card on the kitchen table: 'don't blame yourselves, it's not your fault'.",
    "Wrote in his journal that it is better this way for all of them.",
    "Drew up a list of who gets what among his nephews last week.",
    "Mum would have more money for the little ones if I wasn't around, she wrote.",
    "Calls herself a drain on her husband since the stroke.",
    "Asked if the life insurance would still pay out 'if it wasn't an accident'.",
    "Took around thirty paracetamol on Friday and told no one until Sunday.",
    "Admitted after drinking weedkiller in the shed.",
    "Her mother (88) has not been turned in bed for two days; her hips are red raw.",
    "Grandad has dementia and the neighbour got him to sign the farm over to her.",
    "The 7yo says his stepmum locks him in the cellar when he wets the bed.",
    "The boy (6) has belt marks from his father's buckle on his back.",
    "Her daughter (5) says uncle's 'secret game' happens at bath time.",
    "He takes the car keys and her phone every evening.",
    "Found a GPS tracker hidden under the seat of her car.",
    "Her ex has been parked outside her flat most nights this week.",
    "Told the class he'd 'bring something' to the leavers' assembly.",
    "Said the foreman had better watch his back after the tribunal.",
    "Drove the kids to school the morning after eight pints.",
    "Fresh cuts on her left forearm, seen when her sleeve rode up.",
    "Bought a coil of rope at the hardware store and wouldn't say what for, just in case.",
    "Sat on the railings of the bridge for an hour on Sunday night.",
])
def test_eleventh_round_warning_sign_families_are_safety(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize("text", [
    # The same words with no risk in them.
    "Her sister called the police when her car was stolen from the station.",
    "Years ago her flatmate's friend had a welfare check done on him after a hike.",
    "Saw a documentary about involuntary commitment in the 1950s.",
    "She joked the ball would end up in the river again at the picnic.",
    "Her son shuts the dog in the shed during storms.",
    "Her grandmother's will said who gets what, and the cousins still argue about it.",
    "We talked about the novel's ending, where the heroine says it is better this way.",
    "Her cat has fresh scratches on his arm from the cat next door, she joked.",
    "The weight on her shoulders at work has lifted since the reorganisation.",
    "Took twenty minutes to get here because of the roadworks.",
    "He locks his tools in the garage since the break-in.",
    "Bought a length of climbing rope for the bouldering trip.",
    "Took photos from the footbridge of the trains at sunset.",
    "Her husband took the car keys by mistake and she missed yoga.",
])
def test_eleventh_round_look_alikes_stay_private(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize(("text", "expected"), [
    # Found this round: "was/is locked in" fired on anything locked in anything. Now a person
    # (or a child's age) must be the one locked in, and a battle or a contract is not a room.
    ("She is locked in a custody battle with her ex.", "private"),
    ("The gym was locked in the evenings so he ran outside.", "private"),
    ("Her son's bike is locked in the shed for the winter.", "private"),
    ("The kids' bikes are locked in the shed till spring.", "private"),
    ("The 4yo was locked in the car while she shopped.", "safety"),
    ("She was locked in the bedroom by her husband overnight.", "safety"),
    ("Her daughter (7) was locked in all weekend.", "safety"),
    ("The twins, both under five, were left locked in while she worked nights.", "safety"),
])
def test_locked_in_needs_a_person_locked_in(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A clinician's musing or a guess opens a scope that "but" (or "anyway", "that said")
    # ends, as ConText's terminate does: what follows is a finding again.
    ("I wondered about my own pace with him, but he has met his goal of three social contacts"
     " a week.", "progress"),
    ("I'm not sure what drives it, but her panic attacks are down to one a week.", "progress"),
    # Without a terminator, or with the guess after it, the scope still holds.
    ("I wonder if her insomnia is about the grief.", "private"),
    ("Maybe it's bipolar, but I have nothing solid yet.", "private"),
    ("I felt protective of her when she cried.", "private"),
])
def test_but_ends_the_scope_of_a_musing(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, eleventh round: train_more13's record misses, worded anew.
    ("Next steps: arrange the parent review and share the plan with school.", "treatment_plan"),
    ("Will liaise with his care coordinator about the housing letter.", "treatment_plan"),
    ("I'll send a short summary to her psychiatrist after today.", "treatment_plan"),
    ("Working memory came out at the 5th percentile on the WISC.", "test_results"),
    ("Now caring for the twins on her own while her partner works away.", "functional_status"),
    # The same words about someone else or with no record fact.
    ("Her sister will send a letter to the school about the trip.", "private"),
    ("He finished 3rd in the race, his best ever, and was thrilled.", "private"),
])
def test_eleventh_round_record_families_are_flagged(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "book" as a verb (booking a review) is not a book talked about: the topic context no
    # longer silences what follows it. A book talked about still does.
    ("To book a review with her GP about the sertraline.", "medication"),
    ("Book in a follow-up with the psychiatrist re the lithium level of 0.9.", "test_results"),
    ("She is reading a book about bipolar disorder for her nephew.", "private"),
])
def test_booking_a_review_is_not_a_book_talked_about(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Found in review: "but" does not end a relative's scope; what follows is still theirs.
    "Her sister has bipolar disorder but manages it well with lithium.",
    "Her dad drinks heavily but is never violent, and takes sertraline.",
])
def test_but_leaves_a_relatives_facts_with_the_relative(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize("text", [
    # Issue 16, twelfth round: the safety misses of heldout22-27 (now tuned), each worded anew.
    "Swallowed about forty of his mum's paracetamol on Saturday night.",
    "Necked the whole packet of her zopiclone after the phone call.",
    "The ambulance crew gave him naloxone twice in the car park.",
    "Says the paramedics brought her back on the bathroom floor in March.",
    "Teacher reports the girl (8) comes in hungry; referral sent to CPS this morning.",
    "Her stepdad puts the 6yo in the cupboard under the stairs when she cries.",
    "The boy (9) was sent to bed without any food as a punishment for lying.",
    "Dad's girlfriend locked her in the bathroom as a punishment, she says.",
    "He spoke of the family holiday as if it will be the last one.",
    "Says she won't be a weight on her kids for much longer.",
    "Wants to drive to the lakes and just not come back.",
    "Asked who might take his dog - 'someone who will still be there for him'.",
    "Sitting on the bridge over the railway at midnight, 'just thinking about it'.",
    "Sent me a picture of the tablets lined up on her desk.",
    "Calls the insulin in the fridge her 'way out' - she's counted it.",
    "Her father (79) in the nursing home has sores on his heels again.",
    "Her disabled son's carer keeps his disability payments; the flat has gone without heating.",
    "Her nephew pressured her to sign forms without explaining them to her.",
    "Her boyfriend reads all her messages and installed location sharing on her phone.",
    "Said he could 'bring something' into college to sort them out.",
    "RFL - her grandson, the allotment.",
    "If he doesn't attend on Thursday, I will phone his wife and then the crisis team.",
    "Keeps getting images of stabbing the baby while she chops vegetables.",
    "Drove back from the party after 4-5 beers.",
    "Disclosed she was 'grabbed' by her swimming coach at 13; report made.",
])
def test_twelfth_round_safety_families_are_safety(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize("text", [
    # The same words with no risk in them.
    "Her flatmate took a handful of cough sweets before the interview.",
    "Her old flatmate once took a handful of pills after a breakup and is fine now.",
    "The paramedics at the marathon were lovely, she said.",
    "She referred a friend to the practice last spring.",
    "Her son keeps his bike in the shed.",
    "He talked about the match as if it were the most important game of his life.",
    "Said her new job feels like a weight off her shoulders.",
    "Her brother went to Canada in 2009 and did not come back.",
    "Wants a nanny who will be there for the kids after school.",
    "Stood on the footbridge over the river watching the rowers.",
    "Sent me a photo of her new kitten.",
    "Her mum keeps her pension in the post office account.",
    "Her sister signed the lease without reading it and regrets it.",
    "Her daughter reads her texts aloud to her because of her eyesight.",
    "If she misses Thursday, we'll pick up the following week.",
    "Dreams about losing the baby in a supermarket; no risk in it, she says.",
    "Had to sign a lot of forms at the bank to open the account.",
])
def test_twelfth_round_look_alikes_stay_private(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twelfth round: the record misses of heldout22-27 (now tuned), worded anew.
    ("Outlook for a return to full-time study fair, per the MDT.", "prognosis"),
    ("I anticipate he will need a further eight sessions before discharge.", "prognosis"),
    ("She is likely to benefit from a second block of CBT-I.", "prognosis"),
    ("Arrived twenty minutes after the agreed time; we ended at 4:50 as usual.", "session_times"),
    ("Contact time: 50 mins.", "session_times"),
    ("Client-centred counselling continues fortnightly.", "modality_frequency"),
    ("Non-directive play therapy this session, mostly the sand tray.", "modality_frequency"),
    ("Did two rounds of bilateral tapping on the safe-place image.", "modality_frequency"),
    ("His working memory index came out in the borderline range.", "test_results"),
    ("Parent SDQ questionnaire elevated for emotional problems.", "test_results"),
    ("Working part-time at the garden centre since May.", "functional_status"),
    ("Excluded twice this term for fighting.", "functional_status"),
    ("Hasn't attended a single seminar since reading week.", "functional_status"),
    ("Her worry has eased over the past four sessions.", "progress"),
    ("Largely unchanged since intake, by her own account.", "progress"),
    ("No fights since the group programme started in January.", "progress"),
    ("Next session, we will begin the trauma narrative.", "treatment_plan"),
    ("Booked a joint meeting with her care coordinator for the 14th.", "treatment_plan"),
    ("Referral made to the memory clinic for assessment.", "treatment_plan"),
    ("Panics before every shift, with a tight chest.", "symptoms"),
    ("Drinking 4-5 pints most nights, more at weekends.", "symptoms"),
    ("Mum reports the young person has stopped taking her sertraline.", "medication"),
])
def test_twelfth_round_record_families_are_flagged(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # The same words with no record fact about the client in them.
    "Her outlook on life has always been sunny, she says.",
    "Her brother arrived twenty minutes late to the wedding.",
    "She keeps up with the news most mornings.",
    "Her husband is working part-time at the garden centre.",
    "Read a chapter on play therapy for my own CPD.",
    "We talked about the family holiday to Cornwall.",
    "Her sister's mood has lifted over the past few weeks.",
])
def test_twelfth_round_record_look_alikes_stay_private(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize("text", [
    # Issue 16, twelfth round: false flags of heldout22-27 (now tuned), worded anew.
    "In the dream a stranger took her phone and she couldn't call home.",
    "The shopkeeper wouldn't take his money because he'd helped her move.",
    "Said goodbye to everyone at her retirement party on Friday.",
    "Walked the dog over the railway bridge to see the bluebells.",
    "Sib: older sis dx asthma as a child.",
    "Transference: treats me like a strict teacher, then apologises for being late.",
])
def test_twelfth_round_false_flags_stay_private(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize("text", [
    # Issue 16, twelfth round, second pass: train_more14's families, worded anew again.
    "Swallowed roughly forty of her nan's co-codamol on Friday.",
    "Took a handful and went to bed hoping not to wake up.",
    "The ambulance crew got him back after the heroin on Sunday.",
    "Phoned children's social care about the bruises this morning (boy, 7).",
    "Her partner makes the 6yo go without tea as a punishment for wetting.",
    "The school says the 5-year-old has been eating out of the bins at lunch.",
    "Said Christmas this year is her last Christmas for me - 'make it a good one'.",
    "Says they won't be lumbered with me much longer and smiled.",
    "Talked about a long walk off the end of the pier one night.",
    "Made arrangements for the cat 'for when I'm no longer around'.",
    "Sat at the very edge of the quarry looking down for an hour.",
    "Showed me a picture on his phone of the rope in the loft.",
    "Calls the stash of zopiclone 'the long sleep'.",
    "Her mother's flat had an empty fridge and the carer hadn't been for days.",
    "Her husband demands her phone passcode and goes through her messages nightly.",
    "Student told peers he's 'bringing something' to the prom.",
    "What keeps her alive: her son, her choir.",
    "Agreed: if he doesn't turn up on Tuesday I will ring his mum, then request a welfare check.",
    "She keeps picturing herself drowning her son in the bath and is terrified of it.",
    "Drove home after 'three or four' ciders and a shot.",
    "Said the lodger 'would undress me and tell me not to tell' when she was nine.",
])
def test_twelfth_round_second_pass_families_are_safety(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize("text", [
    # The same words with no risk in them.
    "Her cousin was arrested for drink driving in 2019 and lost his licence.",
    "She stood at the edge of the Grand Canyon and wept at the view.",
    "Sitting on the edge of her chair all hour, leaning in.",
    "What keeps him going at work is the Friday quiz.",
    "Saw a drink-driving advert on TV that upset her.",
    "Her brother took a handful of sweets from the jar.",
    "Her dad took the whole packet of biscuits to the match.",
])
def test_twelfth_round_second_pass_look_alikes_stay_private(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twelfth round, second pass: train_more14's record families, worded anew again.
    ("Came in ten minutes into the session, apologising about parking.", "session_times"),
    ("CBCL (parent) externalising scale in the borderline range.", "test_results"),
    ("Has missed three weeks of school since half-term.", "functional_status"),
    ("Working modified duties on the ward since the injury.", "functional_status"),
    ("Attendance at 74% per the head of year.", "functional_status"),
    ("Not much change since the first session, by his own account.", "progress"),
    ("Review scheduled for 3 March with the CMHT.", "treatment_plan"),
    ("I will set up a joint meeting with his key worker.", "treatment_plan"),
    ("Headaches most mornings since the new job.", "symptoms"),
])
def test_twelfth_round_second_pass_record_families_are_flagged(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Found in review of the second pass: ordinary sentences its wider patterns first flagged.
    "Sat on the edge of the bath crying after the call.",
    "Her husband feeds the cat when I'm not here, she said, laughing about it.",
    "The crew brought him back to the station after the shift.",
    "Her son has been playing alone at dusk in the garden while she cooks.",
    "The last supper painting came up when we talked about her art course.",
    "Took a screenshot of the pills in the shop's leaflet to read later.",
    "Drink-driving is something she feels strongly about after her uncle's crash.",
])
def test_twelfth_round_second_pass_review_look_alikes_stay_private(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize(("text", "expected"), [
    # Found in the stop's review: a clock time ("at 9 this morning") read as a child's age.
    ("She was hurt by his comment at 9 this morning.", "private"),
    ("Got hit by a cyclist at 8 on Monday and was shaken up.", "private"),
    ("Touched by the card her team sent at 11 today.", "private"),
    ("Disclosed she was 'grabbed' by her swimming coach at 13; report made.", "safety"),
])
def test_a_clock_time_is_not_a_childs_age(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, thirteenth round: heldout28-31's safety misses, each family worded anew.
    "On her way out: 'don't know if I'll be around for Christmas' - called her back in.",
    "Rated her own risk tonight as maybe 6 out of 10.",
    "His view of his own risk: low; mine is that it is higher than he says.",
    "In my judgment her risk is elevated this week after the eviction letter.",
    "'If I end up back on the gear again there won't be a next time,' he said.",
    "He was clear he didn't mean quitting therapy when he said he might stop coming.",
    "Told me her partner would kill her if she ever went to the police.",
    "WAST completed alone with her, positive on two items.",
    "Got hold of some tubing last week and changed the subject when I asked what for.",
    "Wrote a note of who should get her records and her guitar.",
    "Has been counting out her sleeping tablets on the bedside table at night.",
    "In the dream he swallowed every one at once and felt relieved.",
    "Asked online which tablets would do it fastest.",
    "Stood at the railing of the car park roof for half an hour on Sunday.",
    "Using oxycodone with 4-5 pints most evenings.",
    "Ten-year-old and his brother get their own tea by themselves most nights.",
    "His mum usually gets home after midnight and the 8 yo puts himself to bed.",
    "Her boyfriend makes her sleep in the car when he's angry.",
    "Mandatory notification completed this afternoon.",
    "Worried he could do something stupid to himself over the weekend.",
    "SP reviewed with her mum; contacts updated.",
    "Pictures of the baby tumbling down the stairs keep coming to her, she says.",
    "Resting heart rate 41 at the GP today; still skipping lunch and dinner.",
    "Grandad (81) / pressure sores on his heels, the carers had not turned him.",
])
def test_thirteenth_round_safety_families_are_safety(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize("text", [
    # Look-alikes of the thirteenth round's safety families: private.
    "Not sure I'll be around for the next one as I'm on leave that week.",
    "Her flat's flood risk is higher this winter, the landlord says.",
    "Her dad will kill her if the car gets scratched again, she joked.",
    "Bought a new hose for the garden and planted the tomatoes.",
    "Made a list of who should get the Christmas cards this year.",
    "She counts out her mother's tablets into the dosette box every Sunday.",
    "Stood at the railing of the ferry watching the dolphins for an hour.",
    "Her brother's new band played a dragon song about burning down the castle.",
    "Our cat died and she wants to bury it under the apple tree.",
    "Hopes to disappear into her novels for the summer.",
    "Gave away his old drum kit to a neighbour who's always wanted one.",
    "Talk was about who gets what from the estate after her uncle's death.",
    "Her boss will murder them if the audit slips again - office banter.",
    "Sand tray: a wall of soldiers and a small house in the corner.",
])
def test_thirteenth_round_look_alikes_stay_private(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirteenth round: heldout28-31's record misses, each family worded anew.
    ("Couple Satisfaction Index today: 54 and 70.", "test_results"),
    ("Breathalyzer at check-in read 0.02.", "test_results"),
    ("DASS-21 depression 24, severe range.", "test_results"),
    ("Had to end at 25 minutes as her lift arrived.", "session_times"),
    ("Call with K's dad 09:10-09:40.", "session_times"),
    ("Goal two is now met: she takes the bus alone.", "progress"),
    ("He has slipped since Christmas, more withdrawn than at the start of therapy.", "progress"),
    ("Referred her to the council's carers' programme.", "treatment_plan"),
    ("Interim plan: weekly phone check-ins until a slot opens.", "treatment_plan"),
    ("Not attending school this week, per dad.", "functional_status"),
    ("Still needs prompting to shower, per her husband.", "functional_status"),
    ("Sleeping about four hours a night since the move.", "symptoms"),
    ("Return to full duties by June seems realistic.", "prognosis"),
    ("Used reminiscence work with old photographs today.", "modality_frequency"),
    ("Introduced some sand tray work in the second half.", "modality_frequency"),
    ("Has a generalised anxiety disorder diagnosis from 2019.", "diagnosis"),
])
def test_thirteenth_round_record_families_are_flagged(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, thirteenth round, second pass: train_more15's families, worded anew again.
    "Said she'd book the dentist 'if I'm still here by then'.",
    "Pt doubts he will still be around for the baby's christening.",
    "I'd rate his risk as moderate, not the low he gave himself.",
    "'If I go back on the pokies again, no next time,' he said.",
    "Partner's words, per pt: 'take the kids and you're dead'.",
    "Repeated the HARK with her on her own; answered yes to two.",
    "Picked up some tubing on Saturday; very cagey when asked.",
    "Made a list - bike to his cousin, laptop to his sister.",
    "Has been putting aside some of her quetiapine each week.",
    "Searched the quickest way to die twice this week.",
    "Temazepam + 4 cans most nights.",
    "Kids (4, 6) alone most evenings while dad is at the pub.",
    "Her stepdad made her sleep in the garage after she answered back.",
    "Safeguarding notification to children's services made this afternoon.",
    "Keeps seeing the pram rolling into the canal, she says.",
    "Nan, 88 / hasn't been washed in days, per pt.",
    "Pulse 46 at the GP, K+ 3.1; still restricting.",
])
def test_thirteenth_round_second_pass_families_are_safety(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    ("He bought rope for the climbing wall and was vague about the price.", "private"),
    ("Our GP says my dad's cardiac risk is elevated.", "private"),
    ("Counted out the cat's flea tablets for the month.", "private"),
    ("The school circulated its fire safety plan today.", "private"),
    ("Framed photo of the baby falling asleep on the dog.", "private"),
    ("She'd kill for eight hours of sleep, she joked.", "private"),
    ("Interim plan for the summer: visit her aunt in Devon.", "private"),
    ("Only managed 30 minutes before she had to collect her son.", "session_times"),
    ("Goal (set 4/2): two walks a week.", "treatment_plan"),
    ("She's getting five, maybe six hours of sleep.", "symptoms"),
    ("A phased return to work by March looks realistic.", "prognosis"),
])
def test_thirteenth_round_second_pass_record_and_look_alikes(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Found in the thirteenth round's review: ordinary sentences its wider patterns first flagged.
    "She wondered if she's still here by the time the lease ends, or in the new flat.",
    "He might not be here to keep the appointment as his train gets in late.",
    "Took everything in the box to the charity shop on Saturday.",
    "His mum is out until ten on Fridays at choir, and his dad does the kids' tea.",
    "Her mum gets home late on Tuesdays so grandma collects the children.",
    "Her risk assessment at work for the warehouse job is due next week.",
    "Stopping living in the city was the best decision she made, she said.",
    "Asked for a new assessment of her council tax band.",
    "Return to the choir by Easter seems realistic to her.",
])
def test_thirteenth_round_review_look_alikes_stay_private(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize("text", [
    # Issue 16, fourteenth round: heldout32-33's safety misses, each family worded anew.
    "Police found him on the motorway bridge with his legs over the railing.",
    "Crisis team called out: she was sitting on the footbridge above the station.",
    "Kept asking the night nurse how wide the top-floor bathroom windows open.",
    "Brought in the diazepam he'd been keeping back 'for the worst night'.",
    "Has been saving her sleeping tablets for a really bad night, she admitted.",
    "He has set up texts to his sisters, timed for Friday, so no one is left wondering why.",
    "Looked up the home address of her ex's new boyfriend and drove past twice.",
    "Thoughts of beating Gary up, and he has started parking outside Gary's house at night.",
    "Dad keeps seeing the buggy tipping into the river and him not grabbing it.",
    "Carer hasn't been in for two weeks; his mum, 84, is in the same clothes.",
    "Pressure sore on her sacrum, and the home care agency has not visited since Monday.",
])
def test_fourteenth_round_safety_families_are_safety(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, fourteenth round: heldout32-33's record misses and false flags, worded anew.
    ("A return to college in September judged achievable if the reduced timetable holds.",
     "prognosis"),
    ("I expect a lengthy course given how long the low mood has lasted.", "prognosis"),
    ("Employment goal partially met: CV done, no interviews yet.", "progress"),
    ("Has not missed a group session in two months.", "progress"),
    ("Ten days clean, his longest run since we started.", "progress"),
    ("Signed off on a sick note and behind with the rent.", "functional_status"),
    ("Needs reminders from staff to shower and change.", "functional_status"),
    ("Paranoid ideas about the landlord, held with partial conviction.", "symptoms"),
    ("Distractible during the WISC and needed refocusing.", "symptoms"),
    ("The child and adolescent team diagnosed her with ADHD at nine.", "diagnosis"),
    ("Went over by ten minutes, ending at 4:40.", "session_times"),
    ("Rang her psychiatrist about the medication review referral.", "treatment_plan"),
    ("Her dad will kill her when he sees the phone bill, she laughed.", "private"),
    ("Said the referee was 'hopeless' all match.", "private"),
    ("Gave the rabbit to a neighbour because the landlord says no pets.", "private"),
    ("Her mate's bruises are from kickboxing, she says proudly.", "private"),
    ("Talked about a man at work who jumps from task to task all day.", "private"),
    ("His plan is to cycle the coast road with his son in August.", "private"),
    ("Bought a new chef's knife set for his daughter's wedding present.", "private"),
    ("Complained about the discharge forms at the GP surgery.", "private"),
])
def test_fourteenth_round_record_families_and_look_alikes(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, fourteenth round, second pass: train_more16's families, worded anew again.
    "Paramedics found her on the hospital roof, leaning over the edge at 3am.",
    "Sat on the wrong side of the safety barrier at the quarry for twenty minutes.",
    "Both feet through the railings of the pier when the lifeguard reached him.",
    "Climbed out onto the window sill of her sixth-floor flat after the row.",
    "Kept asking which stairwell goes to the roof; would not say why.",
    "She looked up the viaduct online and how high it is from the road.",
    "Has been cheeking his olanzapine at night for a fortnight.",
    "Found a stash of co-codamol in her wardrobe, 'just in case'.",
    "She keeps the tablets for 'when it all gets too much', she admits.",
    "Keeps picturing her son slipping under the bathwater while she stands frozen.",
    "The respite carer never turned up and his wife, 79, was left in bed all day.",
    "Found his dad soaked and unfed when he got home from the late shift.",
    "Has a goodbye video saved for her children and won't say when it is for.",
    "Letters to each of the kids, to be opened 'when the time comes'.",
    "Kept turning up at his ex's flat after midnight despite the police warning.",
    "Rang his ex-partner's mother from a withheld number to find out where she is living.",
    "Talks of wanting to smash Dean's car, and sat outside Dean's flat in the van on Friday.",
])
def test_fourteenth_round_second_pass_families_are_safety(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    ("A return to her nursing post in the new year looks achievable if she keeps sleeping.",
     "prognosis"),
    ("I'd expect therapy to take longer than the twelve sessions funded.", "prognosis"),
    ("Prog: fair, if she stays engaged.", "prognosis"),
    ("He has met two of his three goals; the third is still open.", "progress"),
    ("On a fit note since the start of the month.", "functional_status"),
    ("Behind with the council tax and the electric.", "functional_status"),
    ("Loses the thread of conversations and reads the same line three times.", "symptoms"),
    ("Our session stretched to seventy-five minutes today.", "session_times"),
    ("Letter to Dr Osei re the move to fortnightly reviews.", "treatment_plan"),
    ("Joint plan agreed with the drug and alcohol team today.", "treatment_plan"),
    ("She leaned out of the car window to wave at the bridge walkers.", "private"),
    ("Her 'emergency supply' of chocolate lives in the desk drawer.", "private"),
    ("A picture of the baby falling asleep on the dog is her phone screen.", "private"),
    ("Her son keeps turning up at his ex's house to collect the children on Saturdays.",
     "private"),
    ("The emails to the book club are scheduled for Monday morning.", "private"),
    ("Gave her manager a goodbye card and a speech at his retirement do.", "private"),
    ("He said the new rota was career suicide for whoever wrote it.", "private"),
])
def test_fourteenth_round_second_pass_record_and_look_alikes(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, fourteenth round, third pass: risk without the usual risk words (train_more17),
    # each kind worded anew.
    "Says he is sorry when he wakes up and finds he is still here.",
    "Wants to switch off for good, she wrote in her diary.",
    "Pictures everyone gathered around his coffin and who would come.",
    "Designed her own headstone in art class and dated it this year.",
    "New red lines on her forearm under the sleeve, from this week.",
    "Has picked a Friday and will not say what for.",
    "Sorted where the dog goes so the kids don't find me, she said.",
    "He held the razor for a long time, then put it away.",
    "Gave his guitar to his nephew: 'he may as well have it now'.",
    "Messaged all her old school friends 'sorry for everything' last night.",
    "Her uncle walked into the loch in 1998.",
    "His mum was found in the garage when he was twelve.",
    "If she ever takes the boys, no one will find them, he told her.",
    "Swung at the HCA during the night and had to be separated.",
    "Says his neighbour deserves to be taught a lesson and he knows which car is his.",
    "The 9-year-old is not allowed food for two days as a punishment.",
    "Partner hides her walking frame when they row.",
    "Not allowed to see her friends without his say-so.",
    "He pins her to the wall when he is drunk.",
    "Naloxone given by his flatmate on Sunday.",
    "Tops up his methadone with vodka most nights.",
    "Nothing eaten for three days, dizzy on standing.",
    "Living on about 500 calories a day since Easter.",
    "Wrote down who he can call at 3am if it gets bad.",
    "Will stay with her brother so she is not alone on the anniversary.",
    "Adult safeguarding referral made about her neighbour's care of her.",
])
def test_fourteenth_round_third_pass_risk_without_risk_words_is_safety(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize("text", [
    # Their look-alikes, and ordinary sentences the third pass first flagged (review).
    "She was disappointed to wake up to rain on her birthday.",
    "Her phone switched off for good after it fell in the bath.",
    "They have set a date for the move, after her graduation.",
    "Will updated in a hurry before the operation.",
    "Grandad walked into the sea for a swim every morning.",
    "Fists raised in triumph when the team scored.",
    "The kids aren't allowed to eat sweets for a week as punishment.",
    "Her dad is away so she's left on her own for the weekend.",
    "She isn't allowed out without texting her mum where she is.",
    "Held him down for the injection with the nurse.",
    "Used the nasal spray for his hay fever.",
    "Her mum takes laxatives every night.",
    "The bar has 200 calories.",
    "His brother jumped off the train at the wrong stop.",
    "Her sister ended it with her boyfriend last spring.",
])
def test_fourteenth_round_third_pass_look_alikes_stay_private(text: str) -> None:
    assert rules_category(text) == "private"


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, fourteenth round, fourth pass: record facts without the usual record words
    # (train_more18), each kind worded anew.
    ("Time: 1400-1450.", "session_times"),
    ("The group ran from seven until half eight.", "session_times"),
    ("We had only twenty minutes as the interpreter was late.", "session_times"),
    ("Weekly sessions, Wednesdays at four.", "modality_frequency"),
    ("Format: video, individual.", "modality_frequency"),
    ("Mapped out the maintenance cycle together on the whiteboard.", "modality_frequency"),
    ("Keeps forgetting his morning tablets at weekends.", "medication"),
    ("Anxiety questionnaire scored eleven out of twenty-one.", "test_results"),
    ("Bloods came back normal, per the GP.", "test_results"),
    ("Carries a PTSD label from her army days.", "diagnosis"),
    ("Should settle with time, I think, once the court case is over.", "prognosis"),
    ("Chances of staying well look decent with the new job.", "prognosis"),
    ("Back to square one since the funeral.", "progress"),
    ("Calmer at home than back in March, her husband says.", "progress"),
    ("Referral sent to the memory service.", "treatment_plan"),
    ("Will ring the school nurse before the review.", "treatment_plan"),
    ("Doing reduced hours at the garage for now.", "functional_status"),
    ("Spends most of the day in bed at weekends.", "functional_status"),
    ("Checks the taps again and again before leaving.", "symptoms"),
])
def test_fourteenth_round_fourth_pass_record_families_are_flagged(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Private sentences with risky or record words (train_more19's kinds, worded anew), and
    # ordinary sentences the fourth pass first flagged (review).
    "He jumped the gun and told his mum about the engagement.",
    "A smoking gun in the detective novel she is reading.",
    "She kept cutting across her sister at the dinner table, she said.",
    "Said she overdosed on chocolate over Easter.",
    "Read an article about overdose statistics for her nursing course.",
    "Her son loves the Suicide Squad films.",
    "His appetite for detective novels is huge.",
    "The discharge summary template needs updating, note to self.",
    "Updated his will after the new granddaughter arrived.",
    "A knife-edge result in the council vote.",
    "The dosette box on the side is her dad's; she fills it on Sundays.",
    "I'm curious why she always takes the chair by the window.",
    "She should do well in her exams this summer.",
])
def test_fourteenth_round_look_alikes_with_risky_or_record_words_stay_private(text: str) -> None:
    assert rules_category(text) == "private"


# Issue 16, fifteenth round: whose matter a mention is. The nearest person named before it
# decides (context.py), except a third party who only found, saw or stopped what the client
# did, and a relative whose suicide or attempt is the client's family history. Sentences in
# no corpus file, for the rules alone (the model already reads some of them); each one was
# private to the rules before.
@pytest.mark.parametrize("text", [
    # A witness or rescuer reports the client's act.
    "Her boyfriend pulled her back from the platform edge as the train came in.",
    "Neighbour called an ambulance after finding him in the car with the engine running in "
    "the garage.",
    "Her flatmate saw fresh cuts on her thighs when she came out of the shower.",
    "His brother walked in on him with a rope round his neck in the garage on Sunday.",
    # A relative who rang to tell of it; one only written or sent to.
    "Leo's grandad called: Leo has been searching how many paracetamol it takes.",
    "Sent his sister a text at 2am saying sorry for everything.",
    "Wrote each of her aunts a card 'for after I'm gone'.",
    # A relative's suicide or attempt: the client's family history.
    "Her cousin's suicide two years ago is why she won't go near the bridge.",
    "Her uncle hanged himself when she was nine; it was never spoken of at home.",
    # The client thinks a relative would be better off without them: the burden is theirs.
    "She felt her family would be better off without her.",
    "Convinced his wife would cope better without him.",
    "Believes his wife would finally have some peace if he wasn't around any more.",
    "Endorses feeling that family better off w/o her.",
    # The client takes a relative's medicine, however many and however said.
    "Pinched a strip of his dad's tramadol and took the lot with vodka.",
    "Necked a few of her mum's diazepam with wine before the party.",
])
def test_fifteenth_round_the_clients_matter_though_another_is_named(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    # The third party's own matter, a friend's suicide, a relative's ideation, a neck tie;
    # and a collateral report, the client's own.
    ("Her sister found a lump last spring and is waiting for the biopsy.", "private"),
    ("His best friend killed himself at university; he still visits the grave.", "private"),
    ("Her mum has talked about wanting to end her life for years, she says wearily.", "private"),
    ("His grandfather walked him to school every day until he was ten.", "private"),
    ("Her dad works for a suicide prevention charity and runs marathons for it.", "private"),
    ("Her mum stopped her blood thinners on the surgeon's advice before the knee operation.",
     "private"),
    ("Her sister would be better off without him, she said of the divorce.", "private"),
    ("Collateral (class teacher, email): not handing in any homework since half term.",
     "functional_status"),
    ("Her mum rang: her own sister has been started on lithium.", "private"),
    ("She wore a scarf around her neck all session.", "private"),
    ("He tied his tie round his neck for the interview.", "private"),
])
def test_fifteenth_round_third_parties_own_matters_stay_theirs(text: str,
                                                                 expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A teenager at home alone is ordinary; a younger child, or one in a teenager's care, is not.
    ("Her 14-year-old lets himself in after school and is home alone till six.", "private"),
    ("Both teens, 15 and 17, stay home alone when she does nights; they like the quiet.",
     "private"),
    ("The twins, aged 7, are home alone after school until she gets in at 7.", "safety"),
    ("Leaves her 15-year-old home alone with the 2yo on weekend nights.", "safety"),
    ("Her 16yo was left in a hot car for an hour as punishment.", "safety"),
])
def test_fifteenth_round_a_teenager_home_alone_is_not_neglect(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "The child" in child work is the client; "her child", "the boy" of a relative are not.
    ("The child meets criteria for generalized anxiety disorder per parent and teacher report.",
     "diagnosis"),
    ("The child is likely to benefit from continued play therapy if attendance holds.",
     "prognosis"),
    # A parent or teacher reporting a change, or filling in a rating form, tells of the client.
    ("Dad says the tantrums are down to one a week since the reward chart.", "progress"),
    ("Teacher Conners: inattention T-score 72, hyperactivity 58.", "test_results"),
    ("Her mum says her knees are worse and the GP has upped her naproxen.", "private"),
    ("Her son's paediatrician thinks the boy has ADHD.", "private"),
    ("Her child has asthma and uses an inhaler at school.", "private"),
])
def test_fifteenth_round_child_work_the_child_and_who_reports_on_it(text: str,
                                                                   expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, sixteenth round, mended on heldout45's and heldout46's misses; each worded
    # anew. A ligature, the marks it leaves and the watch kept for it.
    "Night staff found a torn strip of sheet tied tight around his neck in the shower.",
    "Faint linear bruising noted across the front of her neck at the 0700 check.",
    "Dressing gown cord found looped over the wardrobe rail in her room.",
    "Ligature removed by staff at 2210; no injury.",
    "Kept on arm's length obs through the night.",
    "Continues on suicide precautions with 15-minute checks.",
    # A past attempt in shorthand; a relative's attempts counted.
    "Most recent attempt 2021, overdose of paracetamol, admitted to ICU.",
    "Paternal uncle attempted x3, per client.",
    # Stopped at a height or the water; found on the tracks.
    "A passer-by pulled her back from the railings of the viaduct on Friday night.",
    "Her brother stopped her wading into the river after the funeral.",
    "Police found him sitting on the railway tracks near the station at 4 am.",
    # Means found or taken along; affairs put in order; a goodbye message.
    "Her flatmate found empty paracetamol packets in the bin and called 111.",
    "Her husband found duct tape and a length of hosepipe on the back seat.",
    "He locked himself in the bathroom with a packet of razor blades until police came.",
    "She tried to take a bread knife into the ward toilets after the phone call.",
    "A handwritten will, unsigned by witnesses, was found in his jacket.",
    "His sister saw a goodbye video he had saved to post at midnight.",
    "Wrote in his journal who gets his bike and his records 'after'.",
    "The text just said 'tell mum I'm sorry' and then his phone went off.",
    # Violence and veiled threats toward staff and others; risk to others rated.
    "Hurled a food tray at the nurse during the evening med round.",
    "Required prone restraint and seclusion after assaulting a peer.",
    "Told the security guard he would 'sort out' the consultant after discharge.",
    "Said the judge will 'regret it' and went quiet.",
    "Wants to go home and 'finish what I started', she told the F1.",
    "Keeps saying he wants it all 'over with' tonight.",
    "Risk to self assessed as high following the disclosure.",
    # Being a burden; a drawing of oneself dead; an overdose dream regretted on waking.
    "Says she is sick of being a burden to everybody.",
    "Drew herself in a coffin with the family standing round.",
    "Dreamt she'd taken all her tablets and was upset that it wasn't real.",
    # A dependent left without care; a pet given away; means locked away; days without food.
    "Paramedics found a toddler strapped in the hot car outside the pub.",
    "Since the carer left nobody has been in to wash or feed him, and he's bed-bound.",
    "Gave his spaniel to a neighbour on Sunday without saying why.",
    "Her son has agreed to keep the shotgun locked away at his house for now.",
    "Has had four days of eating nothing and fainted at the bus stop.",
    "A teacher heard him shouting 'I'll kill you' to his baby brother.",
])
def test_sixteenth_round_risk_in_acute_and_reported_phrasing(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    # The look-alikes: the same words without risk to the client or to others.
    ("The ligature audit of the new ward is booked for March.", "private"),
    ("He posted a farewell message on the staff page when he retired from the bank.",
     "private"),
    ("She wore a silk scarf knotted around her neck for the interview.", "private"),
    ("Her first attempt at the driving test went badly; she laughed about it.", "private"),
    ("Her daughter won't stop talking about the new puppy.", "private"),
    ("He cheeked the maths teacher and got a detention.", "private"),
    ("Her mum fills the dosette box for her own tablets every Sunday.", "private"),
    ("Her best friend was signed off work with stress last month.", "private"),
    ("Walks her dog along the old railway line path each morning.", "private"),
    # Record facts told by others, and ward shorthand.
    ("CIWA-Ar 16 overnight, 9 this morning.", "test_results"),
    ("Her daughter filled in the IQCODE as informant: average 4.1.", "test_results"),
    ("ANC 1,420 today.", "test_results"),
    ("Mute, posturing on and off since admission.", "symptoms"),
    ("Observed muttering to himself and glancing at an empty chair.", "symptoms"),
    ("Oriented to person only.", "symptoms"),
    ("Believes the food on the ward is poisoned and refuses trays.", "symptoms"),
    ("Mobilises with a zimmer, assist x1 for transfers.", "functional_status"),
    ("His son handles his banking now; he couldn't say his balance.", "functional_status"),
    ("Needs her husband to remind her to wash and change her clothes.", "functional_status"),
    ("Occupational health: light duties, no night shifts for a month.", "functional_status"),
    ("CL psychiatry to review again on Friday.", "treatment_plan"),
    ("Recommend a hearing assessment before the next review.", "treatment_plan"),
    ("D/c home tomorrow with CMHT follow-up.", "treatment_plan"),
    ("Referred them on to a family mediation service.", "treatment_plan"),
    ("I'd expect her sleep to settle over the next month.", "prognosis"),
    ("Far less withdrawn than on admission, and eating in the dining room.", "progress"),
    ("Arguments have largely stopped since we started the weekly check-ins.", "progress"),
    ("Arrived thirty minutes late; session shortened.", "session_times"),
    ("Family mtg 2:00-3:10.", "session_times"),
    ("Session format: video, both parents joined.", "modality_frequency"),
    ("Practised the anger thermometer with her and her foster carer.", "modality_frequency"),
    ("PCIT: coached mum through labelled praise.", "modality_frequency"),
    ("ED registrar's impression was an acute psychotic episode.", "diagnosis"),
    ("Cheeking suspected, so the tablets were changed to a liquid.", "medication"),
])
def test_sixteenth_round_look_alikes_and_record_facts_in_ward_shorthand(
        text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, sixteenth round, mended on heldout41's and heldout42's misses; each worded
    # anew. The risk assessment's own words.
    "Met criteria as a danger to self; admitted to the crisis stabilization unit overnight.",
    "Presented after self-poisoning with her mother's amitriptyline.",
    "Aborted attempt in March: stood at the window, then closed it.",
    "Denies any intention to act on the thoughts this week.",
    "Asked where he would do it, he said the woods behind the depot.",
    "The head of year rang about a suicidal comment made in PE.",
    "Risk formulation: moderate chronic, low acute.",
    "Paramedics arrived; she had already taken the tablets by then.",
    "Kept supervised in the office until her father came to collect her.",
    # Means kept back or held by another; a height or water visited.
    "Night nurse saw him palming his evening quetiapine.",
    "About two weeks' worth saved and hidden in a shoebox.",
    "Her partner now holds the insulin pens and hands them out a day at a time.",
    "Sat on the viaduct railing for a while before walking home.",
    "Talked about the canal by his flat and said he'd been down there at night alone.",
    # Threats named to a person; driving after using; a message set to send later.
    "Said he would make Gary pay for the write-up.",
    "'He'll get what's coming' - about the neighbour who reported him.",
    "Her ex told her sister he'd 'finish her' if she moved away.",
    "Wanted to know which school the victim's children attend.",
    "Drove the kids home after a couple of lines at the party.",
    "He'd set up a text to his mum to send on Sunday at noon.",
    # A child or dependent adult confined, beaten or left; an older adult's money taken.
    "Her stepdad locks her in the cellar when she answers back.",
    "Found locked in his room all weekend by his nephew, per the district nurse.",
    "Says his dad beat him with a cable when he was small.",
    "6-week-old left asleep in the flat while mum went to the shop.",
    "Her 9 y/o sits outside the locked house until 7pm most evenings.",
    "Her grandson holds her debit card and she has no money for the electric.",
    "The carer has been 'borrowing' from her mother's purse for months.",
    # A wish to be gone and goodbye behaviour in plain words.
    "Keeps asking himself why he's still here.",
    "Told her tutor she won't be around for graduation anyway.",
    "'I've had a good innings, I'm ready to go,' she said calmly.",
    "Describes feeling like a weight on her whole family.",
    "Says he'll hurt the baby if he doesn't leave the room, or he'd shake him.",
    "Asked if I'd take her budgie 'if it came to it'.",
    "Has been giving out his tools to the lads at work.",
    # Safety plan steps and the clinician's worry.
    "Samaritans number added to her contacts in session.",
    "If the urges get stronger tonight she'll call her brother first.",
    "Protective: her dog, her nieces, her faith.",
    "I'm worried about him over the long weekend; duty team told.",
])
def test_sixteenth_round_risk_from_crisis_and_new_settings(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    ("She ran a Samaritans fundraising walk in May.", "private"),
    ("Her aunt has had a good innings, ninety-four next week.", "private"),
    ("Make sure the kitchen is tidy before the inspection.", "private"),
    ("Attendance up to 92% since the spring.", "functional_status"),
    ("Hasn't been in to work for ten days.", "functional_status"),
    ("Stopped driving after the seizure in June.", "functional_status"),
    ("Does the warehouse job four days a week.", "functional_status"),
    ("Much calmer since Christmas and sleeping through.", "progress"),
    ("Fewer panic attacks on the bus since the exposure work began.", "progress"),
    ("Some improvement in sleep eight weeks into therapy.", "progress"),
    ("Now 45 days without a drink.", "progress"),
    ("Going out twice a week now vs never on admission.", "progress"),
    ("She has gone from crying daily to crying once a week.", "progress"),
    ("Hasn't enjoyed anything since the move, not even painting.", "symptoms"),
    ("Daily shutdowns after school, lasting about an hour.", "symptoms"),
    ("Respite to be arranged by the care coordinator.", "treatment_plan"),
    ("Referred on to the eating disorders service.", "treatment_plan"),
    ("Between now and next session he will log his urges.", "treatment_plan"),
    ("Will liaise with her GP about the sick note.", "treatment_plan"),
    ("Diagnosed with borderline PD in 2019.", "diagnosis"),
    ("Currently on 45 mls a day of methadone.", "medication"),
    ("Li 0.9 on Tuesday's bloods.", "test_results"),
    ("Her AQ was scored at 41.", "test_results"),
    ("Seen 0930-1020 in clinic.", "session_times"),
    ("The war years 1939-1945 came up as her father's story.", "private"),
    ("Stayed the whole fifty minutes for the first time.", "session_times"),
    ("Practised urge surfing with the craving scale.", "modality_frequency"),
    ("Fortnightly, Thursdays, by video.", "modality_frequency"),
])
def test_sixteenth_round_record_facts_and_look_alikes_in_plain_words(text: str,
                                                                      expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, sixteenth round, mended on heldout43's and heldout44's misses; each worded
    # anew. Driving after drink; a height checked or stood on.
    "Drove back from the wedding 'way over the limit', she admitted.",
    "Had four pints at the match before driving his son home.",
    "Looked up how high the car park on Mill Street is.",
    "He was standing on the flyover for twenty minutes before a driver stopped.",
    # Goodbye messages and affairs settled; threats in plain words.
    "Her last post said 'bye all, sorry for being such a mess'.",
    "Did a will on her phone over the weekend without telling anyone.",
    "Wrote letters to each of the kids and left them with her passport, just in case.",
    "Told the group that if his neighbour parks there again he'll put him through the window.",
    "Says he'll do something no one will forget if the custody hearing goes badly.",
    "Her ex is threatening to share the videos unless she drops the case.",
    "His girlfriend threw a glass at him on Friday and he slept in the car.",
    # A child left to fend, groomed or hurt.
    "The seven-year-old is by himself until nine when mum works late.",
    "The nursery says he arrives hungry most days in the same dirty clothes.",
    "A man she met online told her to delete the chats so her mum wouldn't see.",
    "Year 8s have been doing the blackout challenge at break.",
    # Screens and risk levels as dictated; the rest.
    "PHQ item 9 endorsed at more than half the days.",
    "Acute risk low, chronic risk moderate.",
    "Her uncle died by his own hand in 1998.",
    "Has the rope picked out, he said with a flat laugh.",
    "He's done with it all, he said, and stopped his insulin.",
    "In the dream she swallowed the whole lot and felt relieved.",
    "The tablets she was saving are now with her sister.",
    "Not to be left alone on the ward tonight.",
    "Said she wants to be in the ground with her dad.",
    "Says it would be easier for everyone if she just wasn't here.",
    "Both seen alone; neither reports fear of the other.",
])
def test_sixteenth_round_risk_from_family_child_and_dictated_notes(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    ("They'll regret it when the council reads my letter, she laughed.", "private"),
    ("I wonder if she's a bit ADHD herself?", "private"),
    ("Next time: ask about her grandmother's shop.", "private"),
    ("His wife's meeting was cut short at thirty minutes.", "private"),
    ("Start ten oh five, stop ten fifty.", "session_times"),
    ("Session two to two forty-five, by phone.", "session_times"),
    ("Came in at nine twenty for a nine o'clock.", "session_times"),
    ("Arrived at nine twenty for a nine thirty.", "session_times"),
    ("Twenty-minute check-in only.", "session_times"),
    ("nine oh eight three four today", "session_times"),
    ("AUDIT came out at twenty two.", "test_results"),
    ("MoCA twenty six out of thirty.", "test_results"),
    ("F four one point one, generalised anxiety.", "diagnosis"),
    ("Eats lunch alone in the toilets most days.", "functional_status"),
    ("Needs two or three prompts to get up for school.", "functional_status"),
    ("Missing most Fridays this half term.", "functional_status"),
    ("Phone-only session today, her laptop broke.", "modality_frequency"),
    ("Introduced the 'stop-think' breathing routine with the puppet.", "modality_frequency"),
    ("Fair prospects of returning to work by the spring.", "prognosis"),
    ("Attendance up from 40% to 75% since Christmas.", "progress"),
    ("Has slipped back since the move.", "progress"),
    ("Goal two met: sleeping in her own bed.", "progress"),
    ("Three to four glasses of wine most nights.", "symptoms"),
    ("Meltdowns last 20 minutes most evenings.", "symptoms"),
    ("Wets the bed three nights a week.", "symptoms"),
    ("Has lost around four kilos since June.", "symptoms"),
    ("Will meet his SENCO about an EHCP.", "treatment_plan"),
    ("Review in six weeks.", "treatment_plan"),
])
def test_sixteenth_round_dictated_and_family_work_record_facts_and_look_alikes(
        text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, sixteenth round, mended on train_more20's misses; each worded anew.
    # Means gathered, hidden or rehearsed.
    "Practised tying the knot with the rope in the garage, 'just to see'.",
    "Three pill bottles lined up on the bedside table during the video call.",
    "His wife found a jar of loose tablets hidden behind the boiler.",
    "Kept a list in her diary of the tablets in the kitchen drawer.",
    "Tried to get the same prescription at two pharmacies on Friday.",
    "Asked the pharmacist how many paracetamol would be too many.",
    "Has been tipping each morning's dose into a tin in her wardrobe.",
    "Dad keeps the rest of the meds locked in the car now.",
    "Means: knives removed from the flat by her brother.",
    "Crisis # and two contacts added to her phone.",
    "Reasons to live: the grandchildren, the allotment.",
    # Heights, tracks, fumes.
    "Spends his breaks on the roof of the multi-storey looking over the edge.",
    "Was found sitting on the open third-floor window ledge at night.",
    "Staff saw her standing past the yellow line for forty minutes.",
    "Stops halfway across the bridge and stares down.",
    "Sat in the car with the engine running and the garage door shut.",
    "Called the mountain hut 'a good place never to come back from'.",
    # A wish to be gone in plain words.
    "She wonders if it would be simpler if she just wasn't around.",
    "Asked if I'd keep his file open if he isn't around by summer.",
    "Goes to bed hoping it's the last night.",
    "Has been choosing the hymns and who will carry the coffin.",
    "Told her sponsor she won't be around to collect her one-year chip.",
    "Says he is done being a burden to his wife.",
    "Has skipped dialysis twice this fortnight.",
    "Plans to use alone when he gets his own room.",
    "Keeps seeing herself dropping the baby over the banister.",
    "The voices are telling him his neighbour must die.",
    # Threats and approach.
    "Found his ex's new flat online and has walked past it every night.",
    "He still has her door code and mentioned it twice.",
    "Says he has 'dealt with' people like the manager before.",
    "Knows where the foreman parks and when he leaves.",
    "Said the ex 'better not be at the school gate' on Monday.",
    "Told her he'd make sure no one finds her if she leaves.",
    "Pinned her against the door during the row on Sunday.",
    "Keeps a bag packed by the door in case he comes back.",
    # A child hurt, touched, starved or left.
    "His account of the burn changed twice, ending with 'Mum didn't mean to'.",
    "Her uncle comes into her room at night and calls it their secret.",
    "Sent to his room with no dinner whenever he wets the bed.",
    "Hides food at school because there is nothing at home on weekends.",
    "The 6-year-old walked herself to school again this morning.",
    "Police found the toddler outside; no adult home.",
    "She's been watering down the formula to make it last.",
    # An adult's money taken; a past overdose told in passing.
    "A new lodger holds her debit card and buys her shopping.",
    "His nephew collects his disability money and keeps most of it.",
    "Heel sores noticed by the district nurse; daughter says she 'hasn't had time'.",
    "Took about 40 of her dad's sleeping tablets last spring.",
    "Admitted in 2019 after what he calls 'the pills night'.",
    "Old silvery scars along both forearms.",
    "Drove the kids to school with something in her system.",
    "Asked her neighbour to walk the dog 'from now on'.",
    "Gave out his medals and told them to remember him by them.",
    "Wrote emails to each of her children and saved them as drafts.",
    "The art teacher showed me a drawing of herself lying dead in the playground.",
])
def test_sixteenth_round_risk_stated_indirectly(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    ("They tied the knot in June and honeymooned in Crete.", "private"),
    ("Grandma's rule: whatever was in the cupboard went into the soup.", "private"),
    ("Her dad lost two years to the redundancy, she says.", "private"),
    ("My own goal this term: leave the office by six.", "private"),
    ("Photocopier's out of PHQ forms again.", "private"),
    ("Needs his son's help getting in and out of the shower.", "functional_status"),
    ("Working doubles at the warehouse six days straight.", "functional_status"),
    ("Attending lectures but behind on three essays.", "functional_status"),
    ("Handles her own bills and banking.", "functional_status"),
    ("Her partner says she's 'a different person' since the spring.", "progress"),
    ("Connected 14:02, disconnected 14:51.", "session_times"),
    ("Checks the oven 'thirty times' before leaving.", "symptoms"),
    ("Objectively flat, speech slow.", "symptoms"),
    ("Three bottles of wine over the weekend.", "symptoms"),
    ("Has lost about half a stone since the summer.", "symptoms"),
    ("Goals for the next block: sleep routine, one outing a week.", "treatment_plan"),
    ("Agreed a medication review with her GP.", "treatment_plan"),
])
def test_sixteenth_round_record_shorthand_and_look_alikes(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, sixteenth round, mended on train_more22's and train_more23's misses; each
    # worded anew.
    "Kept the last of her mother's morphine 'for when it's my time'.",
    "Wondered which way would leave less of a mess for whoever finds her.",
    "Thinks the children would be better off if she didn't exist.",
    "Has been giving her rings to her daughters so they have 'something of mine'.",
    "Said he took everything in the bathroom cabinet on Friday.",
    "Tired of being everyone's burden, she said, and has priced up cremation.",
    "After the lapse: 'I won't need the next appointment'.",
    "His own rating of his risk: two out of ten.",
    "Agreed a same-day crisis assessment with the duty psychiatrist.",
    "Admitted informally for her own safety.",
    "School made a report to DCFS this morning.",
    "Terrified her boyfriend will kill her if she tells the police.",
    "An adult from the club messages him at midnight asking for pictures.",
    "He tracks his wife through an app on her phone.",
    "Her son can't account for where her pension goes.",
    "Said the documentary showed 'how I'd do it' and went quiet.",
    "Read up on exactly how he did it after the funeral.",
    "'I'll just take the whole box,' she joked, with the packet in her bag.",
    "'They would all be better off,' he repeated.",
    "Her ex texted 'you'll regret leaving'.",
    "Mum's partner locks the toddler in the bedroom when she cries.",
])
def test_sixteenth_round_risk_in_published_notes_and_beside_films(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    # The look-alikes: another person's suicide, the clinician's own learning.
    ("The actor's suicide was in every paper this week.", "private"),
    ("Her old teammate took his own life in 2019; she went to the memorial.", "private"),
    ("Her uncle and his son both took their own lives.", "safety"),
    ("Booked a webinar on duty to warn for my CPD.", "private"),
    ("Peer consult group talked through a Tarasoff question on a case (not my client).",
     "private"),
    ("Going over my CBT training notes tonight.", "private"),
    ("Updated his will after the wedding, at his wife's insistence.", "private"),
    ("Drinks four or five pints Fridays and Saturdays.", "symptoms"),
])
def test_sixteenth_round_published_look_alikes(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, seventeenth round, mended on heldout47's to heldout50's misses; each worded
    # anew. Threats veiled in a grievance; the clinician's own read of the risk.
    "If the council evicts her, 'the housing officer is going to pay for this.'",
    "I think she's at higher risk than she's admitting - too composed.",
    # The safety plan's lines; screens for military sexual trauma.
    "Wrote only her sister under 'people I can ask for help'.",
    "MST screening came back positive; wants it kept general in the record.",
    # Assault, drugging, trafficking and grooming in the client's own words.
    "The perpetrator still messages her from new numbers every week.",
    "Woke up at someone's house with no memory of the night and her clothes torn.",
    "A man bought her a drink and she can't remember anything after.",
    "At sixteen her cousin sold her to older men for money.",
    "Her uncle calls it 'our secret game' and tells her not to tell.",
    # Better off with the insurance; holds and bites in group homes; burns.
    "Says his kids would get more out of his life insurance than out of him.",
    "Prone restraint used twice on the unit after he threw a chair.",
    "He bit a support worker during the transfer this morning.",
    "Her mother burned her with a lighter when she was nine.",
    # Means gathered a little at a time; goodbye words; a baby left alone.
    "Buying the tablets three packs at a time from different chemists.",
    "Has rung the surgery four times for an early refill of the zopiclone.",
    "Ordered a long rope online and wouldn't say what for.",
    "Gave her nephew the watch 'just so he has something to remember me by'.",
    "Keeps saying she wants to be 'gone for good'.",
    "The six-month-old was left alone in the cot while she went to the pub.",
    "Staff forgot him on the minibus for an hour after the outing.",
    # A sister's overdose is the client's family history.
    "Sister took a handful of pills at nineteen; she's well now.",
])
def test_seventeenth_round_risk_from_psychiatry_populations_and_long_reflections(
        text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    # The look-alikes: a format, a holiday, a class, an object on a wall, a dream, a will.
    ("Writing tonight's notes as bullet points for a change.", "private"),
    ("Dreams of a year off to disappear on a boat along the coast.", "private"),
    ("She loved the knife sharpening course her dad signed them up for.", "private"),
    ("The tow rope hung over the fence all winter.", "private"),
    ("Dream: a rope lying on the stairs, nothing else happened.", "private"),
    ("Redoing their wills because of the new baby.", "private"),
    ("I wondered if the gambling is a way of feeling something at all.", "private"),
    ("Her brother trains new volunteers at the shelter.", "private"),
    ("Her dad plays shooters till late; she finds it funny.", "private"),
    # Record facts in plain words, in template lines and at the end of a long reflection.
    ("Only drives in the daytime and avoids the motorway now.", "functional_status"),
    ("Can no longer sit through a full shift without a break.", "functional_status"),
    ("Relies on her son to pay the bills and sort the post.", "functional_status"),
    ("Needs prompting for showering; cooks simple meals unaided.", "functional_status"),
    ("Sofa surfing since March; still holding down the bar job.", "functional_status"),
    ("Household: he does the shopping, she does the laundry.", "functional_status"),
    ("Volunteers at the library two afternoons a week.", "functional_status"),
    ("Anticipate full recovery within six months if attendance holds.", "prognosis"),
    ("The crash memory barely bothers her any more.", "progress"),
    ("Will present him at Monday's MDT review.", "treatment_plan"),
    ("Will write a support letter for the housing application.", "treatment_plan"),
    ("Client to phone the GP about the referral.", "treatment_plan"),
    ("Goals agreed this session: walk daily, call one friend a week.", "treatment_plan"),
    ("I felt oddly sleepy in the room, and I should add that she's waking at 4 most days.",
     "symptoms"),
    ("My attention kept drifting until I noticed she was tearful and avoiding my eyes.",
     "symptoms"),
    ("I wondered about my own timing, so for the record: binge episodes down to one a week.",
     "progress"),
])
def test_seventeenth_round_record_facts_and_look_alikes(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, seventeenth round, mended on train_more24's and train_more25's misses; each
    # worded anew. The clinician's own medication and sleep; plans only considered; idioms.
    ("I'm on week two of a beta blocker myself and notice every tremor in the room.",
     "private"),
    ("Took my own sumatriptan at lunch; foggy for the first session.", "private"),
    ("Barely slept four hours myself after the on-call weekend.", "private"),
    ("Toying with adding a genogram next time, if she's up for it.", "private"),
    ("I'm tempted to name it PTSD already, which says more about my impatience.", "private"),
    ("The med student asked to sit in next week.", "private"),
    ("Exam season is murdering her sleep, she laughed.", "private"),
    ("A lad from his old regiment overdosed last year; he went to the funeral.", "private"),
    ("Dream: he was carrying a hunting knife through an empty school.", "private"),
    ("I keep wanting to explain away her collecting, and I notice why.", "private"),
    ("Wants to read more about schema therapy for my own learning.", "private"),
    # The client's own matters in the same words.
    ("Missed three doses of the lithium over the weekend.", "medication"),
    ("He laughed it off, but he's waking at 3 most nights.", "symptoms"),
    ("Worry worst in the evenings, lasting two to three hours.", "symptoms"),
    ("Stopped going to church and the Tuesday group since March.", "functional_status"),
    ("Completes her bedtime routine with the picture chart.", "functional_status"),
    ("Back on earlies, five shifts a week.", "functional_status"),
    ("Needs her neighbour's help with the shopping and forms.", "functional_status"),
    ("Takes the train to college independently now.", "functional_status"),
    ("Sensory regulation plan reviewed with the OT today.", "modality_frequency"),
    ("Taught using a timer to stay on task in class.", "modality_frequency"),
    ("Rehabilitation potential good for a return to part-time work.", "prognosis"),
    ("Sleeping through most nights, compared with barely at all before therapy.", "progress"),
    ("Family session to be booked once school breaks up.", "treatment_plan"),
    ("Next session: review the thought record and start the behavioural experiment.",
     "treatment_plan"),
    ("Warm handover to the adolescent team planned for June.", "treatment_plan"),
    ("Says the kids would be better off with the life insurance than with him.", "safety"),
])
def test_seventeenth_round_own_matters_plans_considered_and_record_lines(
        text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, seventeenth round, mended on train_more26's and train_more27's misses; each
    # worded anew. Means gathered, counted, kept, asked about, handed over or swallowed.
    "Stocking up on spare insulin pens and won't say why.",
    "Counting up her sleeping tablets every night, she admits.",
    "Still keeps his late wife's oxycodone in the bedside drawer.",
    "Wanted to know how many of those white ones it would take.",
    "Agreed to give her sister the pill bottles and keep only a week's supply.",
    "Swallowed half of the packet on Saturday and told no one.",
    "Took a few of his brother's xanax on top of the vodka.",
    "Left a letter for each grandchild 'just in case' in the bureau.",
    "Handed over his phone PIN: 'you'll need this one day'.",
    "Set up scheduled texts to send on her mum's anniversary; wouldn't say what they say.",
    # Passive wishes and plain-word risk.
    "Said he 'wouldn't mind' if a lorry hit him on the way home.",
    "Would be relieved if the plane crashed on the way back, she said flatly.",
    "Most days she's angry she woke up at all.",
    "Thinks the family will cope better once she's out of the picture.",
    "Says the band would do better without dead weight like him.",
    "Keeps saying she shouldn't be here any more.",
    "Wondered aloud if anyone would even notice if he was gone.",
    "Promised he won't 'do something stupid' this weekend, but wouldn't meet my eye.",
    "Denies acting on the thoughts since March.",
    "Drove to the viaduct again and sat in the lay-by at the top for an hour.",
    "Can't remember driving home from the wedding.",
    "Nearly passed out in training after hardly any food for two days.",
    "Fresh marks on her inner forearm she says the cat made.",
    # Threats, control, exploitation and grooming; a child or dependent left.
    "Told his ex 'next time I won't miss'.",
    "Warned the new tenant he'd better sleep with one eye open.",
    "Said if that manager comes near him again he won't walk out of there.",
    "Stepdad told the boys he'd sort them out if they told the teacher.",
    "Intrusive image of holding him under in the bath; horrified by it.",
    "Her husband pockets her keys so she can't go out.",
    "Her nephew draws her mum's pension and the house has been left with no food.",
    "A man from the gym keeps messaging him late at night asking for photos.",
    "His mother, who has dementia, lives alone; nobody's been round for four days.",
    "Toddler alone in the back garden when I arrived; mum asleep.",
    "The 10-year-old watches the baby until midnight on shift nights.",
    "Says her dad went off for five days and left the 12-year-old in charge.",
    "Her grandad 'does things' when he babysits, the 7-year-old said.",
    # The record the risk sits in.
    "Risk level assessed as increased since the eviction notice.",
    "Rang children's social care; the child would be put at further risk by telling mum.",
])
def test_seventeenth_round_indirect_risk_from_tuning_batches(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    # The look-alikes.
    ("Wants to vanish into the hills for a weekend after exams.", "private"),
    ("Cut his hair short for the new job.", "private"),
    ("The film's knife scenes were too much for her; she left early.", "private"),
    ("Her dad won't stop nagging about the mortgage.", "private"),
    ("It's a treadmill that doesn't stop, she said of the ward.", "private"),
    ("Clay pigeons with the shotgun at her uncle's farm made her summer.", "private"),
    ("Making a will now the baby's arrived.", "private"),
    ("She was thrown by the word 'prognosis' in the consultant's letter.", "private"),
    ("Her grown-up daughter was left alone at the party by her friends.", "private"),
    # Record facts in letters, therapy records and other professions' notes.
    ("Speech sound disorder confirmed at the review.", "diagnosis"),
    ("Not been to college since the assault in May.", "functional_status"),
    ("Orders her own coffee at the cafe now.", "functional_status"),
    ("Driving again, local trips only.", "functional_status"),
    ("Pump settings changed by the diabetes nurse.", "medication"),
    ("The gains should hold through the summer.", "prognosis"),
    ("Fewer prompts needed at mealtimes.", "progress"),
    ("Moving in the right direction with sleep and mood.", "progress"),
    ("Two of the three goals achieved.", "progress"),
    ("Appt 1400, arrived 1415.", "session_times"),
    ("Standard score 82 on the receptive scale.", "test_results"),
    ("Home practice: breathing exercise twice daily.", "treatment_plan"),
    ("Course of six more sessions approved by the funder.", "treatment_plan"),
])
def test_seventeenth_round_look_alikes_and_record_lines_from_letters(text: str,
                                                                     expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, eighteenth round, mended on heldout51's and heldout52's misses; each worded
    # anew (no sentence of any corpus file).
    "Wanted to know how long it would take the guards to find a man in the laundry room.",
    "Staff found a length of towel twisted into a loop under his mattress.",
    "Shoelaces and belt taken off him at booking per the risk protocol.",
    "Placed back on suicide watch after the court date.",
    "Second night in the safe cell, wearing the tear-proof smock.",
    "Swallowed two batteries and a screw in the holding room.",
    "I'm not comfortable with her going home alone tonight after that phone call.",
    "Lost the toddler at the supermarket again while she was on her phone.",
    "Woke with his hands around Marcy's neck, still half in the dream.",
    "Her nephew took her bank card in June; the heating bill went unpaid twice since.",
    "Drives her to the bank each Monday and she can't explain where the savings are going.",
    "Told the chaplain she's ready to go and be with Walter now.",
    "Wants to go and be with his late wife, he said quietly.",
    "Paid for the grave beside her mother's and said it won't be long.",
    "Gave away all his gear on the wing and asked for a letter to go to his nan 'after'.",
    "Some nights she wishes the flat would just burn down with her in it.",
    "Drove out to the viaduct after the hearing and sat there for an hour.",
    "Keeps imagining swimming out into the sea off the pier.",
    "Left the dog with a neighbour 'in case I'm not around next week' and went quiet.",
    "Her son locks his dad in the bedroom while he's at work; nobody checks till evening.",
    "The 8-year-old has been making her own dinner since her dad started drinking again.",
    "She sees the baby slipping under the water every bath time and has to step out.",
    "Pictures of the baby falling, no urge/intent, partner home at bath time.",
    "Asked what tablets are kept in the house; the old co-codamol is going back to the chemist.",
    "Still has the blade he took from the art room, won't hand it over.",
    "Her partner hid her keys and passport so she couldn't leave on Sunday.",
    "Left the baby in her cot alone while she went to the off-licence.",
    "Taking laxatives again, a whole box on Friday.",
    "Wrote her brother a text 'just in case' and then deleted it.",
    "'The kids would be happier without me,' he said at the door.",
    "Says the blood pressure tablets are pointless and stopped them last week.",
    "Sleeping tablet with two glasses of wine 'to make sure'.",
    "Had a few at the club and drove her friend home.",
    "Three crackers a day for a week and she fainted in the queue.",
])
def test_eighteenth_round_risk_from_forensic_older_adult_and_course_notes(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    # The look-alikes, which must stay private.
    ("He'd murder someone for a bacon sandwich, he said.", "private"),
    ("His cellmate overdosed last year; he tells it without feeling.", "private"),
    ("She stayed on watch at the harbour like her grandfather used to.", "private"),
    ("Lost the baby at twelve weeks last spring; she talks of it as 'the winter'.", "private"),
    ("She locked herself in her room to cry after the call.", "private"),
    ("Fluoxetine 20 mg, taken every morning per her pill app.", "medication"),
    # Record facts worded as these notes word them.
    ("Checks the oven 15 times before bed.", "symptoms"),
    ("Takes about two hours to fall asleep most nights.", "symptoms"),
    ("Began half an hour late because the interpreter was stuck in traffic.", "session_times"),
    ("Nightmares down from about five a week to one.", "progress"),
    ("Less tearful than at intake.", "progress"),
    ("Graded return on track, no further sick leave since March.", "progress"),
    ("Expect the low mood to lift over the next few months.", "prognosis"),
    ("Some further decline is anticipated given the diagnosis.", "prognosis"),
    ("Should manage a full return to work by the summer.", "prognosis"),
    ("Will send a summary to the parole officer each month.", "treatment_plan"),
    ("Referring her on to the memory clinic.", "treatment_plan"),
    ("Goals for Sam: walk daily, one phone call to his brother a week.", "treatment_plan"),
    ("Next session we start the exposure hierarchy.", "treatment_plan"),
    ("On light duties, four 6-hour shifts.", "functional_status"),
    ("Hasn't been to class in three weeks.", "functional_status"),
    ("No longer drives at night.", "functional_status"),
    ("Imaginal exposure to the crash memory today.", "modality_frequency"),
    ("Session type: brief solution-focused counselling, video.", "modality_frequency"),
])
def test_eighteenth_round_record_facts_and_look_alikes(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize("text", [
    # Issue 16, eighteenth round, mended on train_more28's to train_more31's misses (regional
    # and generational idiom, typing, child welfare); each worded anew.
    "Says she might top herself if the flat goes.",
    "Thinking of doing himself in since the layoff.",
    "Wants to neck himself, says the rope's in the shed.",
    "Texted 'kms fr' at 1am.",
    "Her story caption said 'gn forever'.",
    "Told me she's going to unalive herself after exams.",
    "Doesn't care what happens to him any more, stopped his insulin.",
    "'Quiero morirme,' she said twice.",
    "He batters her when the horses lose.",
    "Stepdad hit him till he bled, age 9.",
    "The swim coach keeps messaging her and touched her in the changing room.",
    "Wondered what happens if you swallow the whole month's tablets at once.",
    "Asked me to keep her pills 'so I don't take them all at once'.",
    "Using benzos on top of the methadone again.",
    "Says he can get to the shotgun at his dad's whenever he wants.",
    "Agreed to leave the car keys with his brother on nights he's drinking.",
    "Recorded a video for his sons 'just in case' and won't say more.",
    "Walked out onto the railway bridge at 3am to see how it feels.",
    "Cut her heart meds to zero this month.",
    "Laxatives about 15 a day since Easter.",
    "PHQ-9 item 9 = 2, reviewed.",
    "Warning signs reviewed: none today.",
    "Risk today: moderate, plan updated.",
    "The baby is minded by an 8-year-old while mum works nights.",
    "Left the 6yo and the baby alone till midnight.",
    "Kids' fridge: empty except milk.",
    "Mum leaves the twins on their own most evenings.",
    "Left the kids while she went to the pub, neighbour found them.",
    "Came to with no memory of the night and the toddler crying in the cot.",
    "Her nan's pension is being taken by a lodger and she hasn't seen any cash since June.",
    "Her grandad has been going without his tablets since the carer left.",
    "His brother took his life in 2011.",
    "Said if they sack him he'll take a few of them with him.",
    "Been looking up where her ex works and wants him to pay.",
    "Saying goodbye to everyone like she's not coming back.",
    "Urges to cut 7/10 this week.",
    "Found a bag of paracetamol in her locker and she wouldn't say why.",
    "Gave her the Childline number and saved it in her phone.",
    "Coming to school with no coat and no lunch for weeks.",
    "Her cousin has been touching the little ones at sleepovers.",
    "Her husband says he'll batter her if she leaves.",
])
def test_eighteenth_round_risk_in_idiom_and_typing_from_tuning_batches(text: str) -> None:
    assert rules_category(text) == "safety"


@pytest.mark.parametrize(("text", "expected"), [
    # The look-alikes.
    ("He joked his mum would batter him for missing dinner.", "private"),
    ("We talked about what the last question of the PHQ-9 asks.", "private"),
    ("Signed up for the C-SSRS refresher course.", "private"),
    ("Left the kids with her sister while she went to the interview.", "private"),
    ("She strapped the bike to the car and drove to the coast.", "private"),
    ("Drove 40 kms to the clinic and back.", "private"),
    # Record facts as the tuning batches word them.
    ("Drug screen came back negative on every panel.", "test_results"),
    ("Scored 24 out of 30 on the memory test.", "test_results"),
    ("Bloods showed her iron is low.", "test_results"),
    ("I expect him to keep improving through the spring.", "prognosis"),
    ("Prog good with the new supports.", "prognosis"),
    ("Referred him to the housing support worker.", "treatment_plan"),
    ("Sent a summary to the GAL before the hearing.", "treatment_plan"),
    ("Will liaise with the GP about the bloods.", "treatment_plan"),
    ("Plan to step down to fortnightly in March.", "treatment_plan"),
    ("Sesh ran 9 til 9.50.", "session_times"),
    ("We cut it to twenty minutes because of the fire alarm.", "session_times"),
    ("Keeping on top of the housework again.", "functional_status"),
    ("Stays in bed all day on weekends.", "functional_status"),
    ("On modified duty, four hours a day.", "functional_status"),
    ("Won't do the motorway since the crash.", "functional_status"),
    ("Down about two stone since the summer.", "symptoms"),
    ("Hears voices whispering when nobody is there.", "symptoms"),
    ("Sleeping 'maybe three hours' most nights.", "symptoms"),
    ("Halving her tablets because of the nausea.", "medication"),
    ("Family-based treatment session with both parents.", "modality_frequency"),
])
def test_eighteenth_round_look_alikes_and_record_lines_from_tuning_batches(
        text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, eighteenth round, mended on train_more32's and train_more33's misses (record
    # facts as published reports word them; the precise safety net); each worded anew.
    ("At her aunt's burial she said she wished it had been her own.", "safety"),
    ("Since his cousin's overdose he thinks it would be easier to go the same way.", "safety"),
    ("Has been planning her own funeral and picked the hymns.", "safety"),
    ("Said she keeps picturing steering into the bridge support on the ring road.", "safety"),
    ("Looked up how the singer did it and whether the same would work for her.", "safety"),
    ("Her brother's death brought up her own attempt at sixteen.", "safety"),
    ("Left a list of which cousins should get his records and his car.", "safety"),
    ("Says he'll make the landlord pay and has been parking outside his office.", "safety"),
    ("The 11-year-old is left in charge of the twins every weekend.", "safety"),
    ("Makes his 6-year-old do press-ups until she's sick.", "safety"),
    ("Her son has been drawing on his grandma's pension for months.", "safety"),
    ("Locks her mother with Alzheimer's in the bedroom while she shops.", "safety"),
    ("Stopped taking his heart pills on his own after the funeral.", "safety"),
    # The look-alikes.
    ("She said her sister would kill her if she knew about the tattoo.", "private"),
    ("She asked what 'remission' means on her mother's letter.", "private"),
    ("Her grandad went the same way as his brothers, slowly, with dementia.", "private"),
    # Record facts.
    ("Moderately limited in his ability to keep to a schedule.", "functional_status"),
    ("Needs prompting to finish household chores.", "functional_status"),
    ("Gets on well with classmates and teachers.", "functional_status"),
    ("Unable to return to her teaching job this term.", "functional_status"),
    ("Compared with baseline, she speaks up in group.", "progress"),
    ("Gains in sleep have held since discharge.", "progress"),
    ("Teacher ratings fell in the clinically significant range for inattention.", "test_results"),
    ("Short-term objective: attend three groups a week.", "treatment_plan"),
    ("The likelihood of relapse is judged to be moderate.", "prognosis"),
])
def test_eighteenth_round_published_report_lines_and_the_precise_safety_net(
        text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, eighteenth round, mended on train_more34's and train_more35's misses (risk
    # told indirectly in case vignettes; question, checklist and bullet lines); each worded
    # anew.
    ("Says he can't see himself still being around by Christmas.", "safety"),
    ("Thinks her dad would cope better if she just wasn't in the picture.", "safety"),
    ("Wrote that his crew were better off if he'd been the one who didn't make it.", "safety"),
    ("Says the girls will be okay, they'll get the insurance.", "safety"),
    ("Gave his tools to the neighbour, said he'd have no more use for them.", "safety"),
    ("Visiting old friends as though she won't be coming back.", "safety"),
    ("Keeps the pills in a drawer 'for when it comes to that'.", "safety"),
    ("Redid his will overnight and left it on the hall table.", "safety"),
    ("The rope in the garage is already up, he said quietly.", "safety"),
    ("Her husband called six times during the session to check where she was.", "safety"),
    ("He tracks her location and goes through her messages every night.", "safety"),
    ("Their grandad used the strap on the boys every week.", "safety"),
    ("Her partner smacked the two-year-old across the face.", "safety"),
    ("Police found her 4-year-old wandering on the high street at 6am.", "safety"),
    ("Her nephew takes money from her account and she can't say where it went.", "safety"),
    ("Signed papers for the bank she can't remember reading.", "safety"),
    ("Her father has a pressure sore that no one has looked at in weeks.", "safety"),
    ("Agreed his wife will keep his tablets and hand them out daily.", "safety"),
    ("Her mate sprayed Narcan up her nose in the stairwell.", "safety"),
    ("Ticked 'more than half the days' on the ninth question of the PHQ.", "safety"),
    ("Her sisters, five and seven, are getting themselves to school most days.", "safety"),
    ("She's 12; mum drinks until she passes out on weekends.", "safety"),
    ("Says his neighbour won't get to enjoy the garden; he's been driving past.", "safety"),
    ("Quit his seizure meds without telling the neurologist.", "safety"),
    ("Dialysis: skipped the last two sessions.", "safety"),
    ("Will: drafted last night, no solicitor.", "safety"),
    ("Letters to the kids - written, under the mattress.", "safety"),
    ("Asked her sister to mind the dog 'just in case'.", "safety"),
    ("Hugged her mum at the station like it was the last time.", "safety"),
    ("Partner takes her phone and car keys when he drinks.", "safety"),
    ("Five-year-old left with a 10-year-old cousin all weekend.", "safety"),
    ("Dad's pension -> son 'borrowing' it, dad doesn't know.", "safety"),
    # The look-alikes.
    ("Kept checking her phone during the session.", "private"),
    ("Hockey: we smashed them 5-0.", "private"),
    ("The first will she made was after her son was born.", "private"),
    # Record lines.
    ("Missed doses: about 3 a week.", "medication"),
    ("A1c: 7.9 per the diabetes nurse.", "test_results"),
    ("I expect remission by the autumn.", "prognosis"),
    ("Improving: yes, per her and her husband.", "progress"),
    ("Driving -> stopped since the seizure.", "functional_status"),
    ("Sleep: ~5 hrs.", "symptoms"),
    ("Drinks: 4-5 pints a night.", "symptoms"),
    ("Freq: fortnightly from March.", "modality_frequency"),
])
def test_eighteenth_round_vignettes_and_checklist_lines(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, nineteenth round, mended on heldout55's and heldout56's misses (published
    # phrasing from eating-disorder, substance-use, university, vocational, pastoral and sport
    # work; the client's own words quoted); each worded anew.
    ("Pt: \"Can't see myself being around at Easter, to be honest.\"", "safety"),
    ("She wants to fall asleep and skip the waking up bit.", "safety"),
    ("He said, \"I wish the train would come off the rails with me on it.\"", "safety"),
    ("\"They'd all sleep easier if I just wasn't there,\" she said.", "safety"),
    ("\"It'll be over soon, you won't need to worry about me,\" he said, and smiled.", "safety"),
    ("He told me he'd looked up how many of his sleeping tablets would be enough.", "safety"),
    ("She googled how high the multi-storey car park is, 'just curious'.", "safety"),
    ("He's been setting a few of his painkillers aside every week.", "safety"),
    ("Worked out who will take the cats, then asked if I'd be sad.", "safety"),
    ("Left her bank details in an envelope for her sister.", "safety"),
    ("She wrote letters to each of her sons and put them in the drawer with her will.",
     "safety"),
    ("His flatmate found a text to his mum that read like a goodbye.", "safety"),
    ("Gave her climbing gear to a friend as she 'won't be needing it any more'.", "safety"),
    ("Asked me, \"Would anyone miss me, do you think?\"", "safety"),
    ("Says he'll make his landlord pay and knows which door she uses.", "safety"),
    ("Her ex texted: 'I'll find you and you'll be sorry.'", "safety"),
    ("\"If he says that again I'm bringing the knife,\" he said.", "safety"),
    ("Her ex keeps showing up at the gym and outside her flat every night.", "safety"),
    ("\"Dad locks us in the bedroom when he goes to the pub.\"", "safety"),
    ("The boy said the strap did it.", "safety"),
    ("Passed out drunk on the bed with the baby beside her.", "safety"),
    ("Her father has been in the same incontinence pad since Friday.", "safety"),
    ("Says her daughter holds her pension book and she doesn't know where the money goes.",
     "safety"),
    ("Leaves the little ones with Jade after school; Jade is eight.", "safety"),
    ("Her gran hasn't had the heating on all winter.", "safety"),
    ("Punched the bathroom door on purpose until his knuckles bled.", "safety"),
    ("Water pills by the box before every weigh-in.", "safety"),
    ("Weight now under 70% of her expected body weight.", "safety"),
    ("Keeps picturing herself drowning the baby in the bath; won't bathe him alone.",
     "safety"),
    ("Drove the kids home after she didn't know how many glasses.", "safety"),
    ("Asked about people who take their own lives, and then about herself.", "safety"),
    ("Says she'll call the number on her crisis card if it gets bad tonight.", "safety"),
    ("Her three-year-old got out of the back gate and a driver found him in the road.",
     "safety"),
    # The look-alikes.
    ("Gave her old trainers to the under-12s at the end-of-season clear-out.", "private"),
    ("Her tutor was diagnosed with MS and is off for the term.", "private"),
    ("He sorted out who gets the car on which weekends with his ex.", "private"),
    ("She asked if I would miss her when we finish in June.", "private"),
    ("\"That'll be the end of his career,\" she said about the referee.", "private"),
])
def test_nineteenth_round_risk_in_quoted_words_and_new_settings(text: str,
                                                                expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, nineteenth round, record facts mended on heldout55's and heldout56's misses.
    ("Sixty days clean from heroin since starting the clinic.", "progress"),
    ("Her best run in years.", "progress"),
    ("\"Haven't touched a drink since March, that's twelve weeks,\" he said.", "progress"),
    ("Attends four of five groups, up from one in the first month.", "progress"),
    ("\"I went on the bus alone, I couldn't do that when I first came.\"", "progress"),
    ("Began a work trial at the garden centre.", "functional_status"),
    ("Making proper meals again most nights.", "functional_status"),
    ("Not able to train with the squad since the injury.", "functional_status"),
    ("No longer attending mass or the prayer group.", "functional_status"),
    ("Missing most of his morning seminars this term.", "functional_status"),
    ("\"Haven't been in to work since Monday,\" she said.", "functional_status"),
    ("Showered once this week.", "functional_status"),
    ("Sleeping about 5 hrs per night.", "symptoms"),
    ("\"Lucky if I get three hours.\"", "symptoms"),
    ("Tightness in her chest every morning before the bus.", "symptoms"),
    ("The falling nightmare again, five nights out of seven.", "symptoms"),
    ("BDI total 29 versus 17 now.", "test_results"),
    ("Reading age of eight on the school test.", "test_results"),
    ("\"It came back at 14 on the anxiety questionnaire.\"", "test_results"),
    ("Potassium within normal range on Friday's bloods.", "test_results"),
    ("\"The doctor upped me to the 200s last week.\"", "medication"),
    ("Keeps missing the evening dose, says it makes her groggy.", "medication"),
    ("Taking it every night with her dinner.", "medication"),
    ("Walked out at the 20-minute mark.", "session_times"),
    ("\"People in your position usually see good improvement,\" the consultant told him.",
     "prognosis"),
    ("\"You'll most likely recover well,\" her GP said.", "prognosis"),
    ("Agreed to try the breathing app before next session.", "treatment_plan"),
    ("Her dad said, \"The neurologist diagnosed him with epilepsy last year.\"", "diagnosis"),
    ("He said, \"I'm much better than when I started, no comparison.\"", "progress"),
])
def test_nineteenth_round_record_facts_in_quoted_words(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, nineteenth round, mended on train_more36's to train_more39's misses
    # (measurement, the client's words quoted, medical settings, hedged trainees' notes); each
    # worded anew.
    ("PHQ-9 14; final item answered 'not at all'.", "safety"),
    ("SAFE-T done with the duty worker.", "safety"),
    ("Risk: moderate acute / high chronic.", "safety"),
    ("She'd been reading about which tablets would be most lethal.", "safety"),
    ("He asked the pharmacist how much of the liquid it would take to stop a person "
     "breathing.", "safety"),
    ("Has enough oxycodone stashed to 'end it properly'.", "safety"),
    ("Old sleeping pills kept in case things get too much.", "safety"),
    ("Said she'd take everything in the bathroom cabinet if he left.", "safety"),
    ("Swallowed a handful of the white ones after the call.", "safety"),
    ("Took the cord down from the loft, he says.", "safety"),
    ("'Let the cancer do what it wants,' he said about stopping chemo.", "safety"),
    ("Hopes her heart just takes her in her sleep.", "safety"),
    ("Skipping her insulin doses on purpose this month.", "safety"),
    ("Transplant pills into the bin since Easter.", "safety"),
    ("Binned her blood pressure tablets after the diagnosis.", "safety"),
    ("Doesn't want to fight this any more, stopped the ART.", "safety"),
    ("Cancelled the transport for all his dialysis from next week.", "safety"),
    ("Asked whether the device could be set so that it just lets me go next time.", "safety"),
    ("'The kids would do better without the burden of me.'", "safety"),
    ("Told me he's not planning on sticking around once the house is sold.", "safety"),
    ("'I won't be a bother to anyone for much longer.'", "safety"),
    ("Says his wife would be better off collecting the insurance.", "safety"),
    ("'If this fails I've got another way to end it' - wouldn't say more.", "safety"),
    ("'If I don't get in I'm done, and I don't mean done with school.'", "safety"),
    ("Went round the pub buying rounds like he was leaving for good.", "safety"),
    ("'Would you even notice if I disappeared?'", "safety"),
    ("Showed his son where the will is kept last weekend.", "safety"),
    ("Said he'd 'come back with something' for the landlord.", "safety"),
    ("Breathalyser 0.12 on arrival; she had driven here.", "safety"),
    ("Her nephew has had her bank card for months.", "safety"),
    ("Hasn't seen a bank statement since June; her son handles it all.", "safety"),
    ("Her uncle takes the belt to the boys when they're cheeky.", "safety"),
    ("'Mum's boyfriend touches me when she's at work.'", "safety"),
    ("'He checks my phone and my location every hour.'", "safety"),
    ("Husband keeps her passport locked in the safe.", "safety"),
    ("'Dad made us sleep in the shed when he was drunk.'", "safety"),
    ("'Grandad doesn't get fed unless I go round.'", "safety"),
    ("Leaves her mother, who has dementia, locked in the house all day while at work.",
     "safety"),
    ("Left the baby with her 11-year-old niece overnight.", "safety"),
    ("Naps for hours while the 2-year-old is up, no other adult home.", "safety"),
    ("Her father has a sore on his heel that smells.", "safety"),
    ("Nothing but water for three days now.", "safety"),
    ("Laxatives, maybe forty a day.", "safety"),
    ("Almost fainted on the platform yesterday after fasting.", "safety"),
    ("'The voices say I have to stop eating.'", "safety"),
    ("Friend Narcanned him in the car park on Friday.", "safety"),
    ("'I'll wait for him at the gate,' and he knows where his car is.", "safety"),
    ("Would drift off in the bath and not come back, she said.", "safety"),
    ("Told me about the night she took all of her dad's tablets at sixteen.", "safety"),
    ("He has 'another way of sorting this' if the job goes.", "safety"),
    ("We agreed to ask his brother to take the stockpiled tablets to the pharmacy.",
     "safety"),
    # The look-alikes.
    ("Supervisor q: I keep cutting him off when he goes quiet.", "private"),
    ("Her old housemate took a handful of pills years ago and is well now.", "private"),
    ("She'd like more time with the kids without the cost of childcare.", "private"),
])
def test_nineteenth_round_risk_from_tuning_batches(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, nineteenth round, record lines mended on train_more36's to train_more39's
    # misses; each worded anew, beside look-alikes.
    ("Scored in the moderate range on the worry questionnaire.", "test_results"),
    ("Digit span low for her age.", "test_results"),
    ("The sleep study showed moderate apnoea.", "test_results"),
    ("CAPS-5 severity came to 38.", "test_results"),
    ("Maths at about a fourth-grade level on testing.", "test_results"),
    ("Breath reading was 0.00 at check-in.", "test_results"),
    ("Trough level came back at 0.7.", "test_results"),
    ("MMPI-2 elevations on scales 2 and 7.", "test_results"),
    ("Prog: guarded.", "prognosis"),
    ("I anticipate meaningful gains within ten sessions.", "prognosis"),
    ("Gains are likely to hold if he keeps to the routine.", "prognosis"),
    ("Chances of staying dry look decent with the group.", "prognosis"),
    ("Unlikely to make real progress while the court case goes on.", "prognosis"),
    ("Should be in a better place by the new year.", "prognosis"),
    ("Mood should lift within the next few weeks on this plan.", "prognosis"),
    ("We'll redo the outcome questionnaires at week twelve.", "treatment_plan"),
    ("He'll transfer to the eating disorder service in May.", "treatment_plan"),
    ("I'll see them separately for the next two sessions.", "treatment_plan"),
    ("Put him in touch with the debt advice team.", "treatment_plan"),
    ("Sent the discharge summary to her GP today.", "treatment_plan"),
    ("Recommended a neuropsychological assessment.", "treatment_plan"),
    ("Booster session in six weeks.", "treatment_plan"),
    ("Cleared for bariatric surgery from a psychological view.", "treatment_plan"),
    ("Agreed to complete the mood diary daily.", "treatment_plan"),
    ("Set that as her homework goal for the week.", "treatment_plan"),
    ("Practised cognitive restructuring on the 'I'm useless' thought.", "modality_frequency"),
    ("Coming in twice a week during the intensive phase.", "modality_frequency"),
    ("Non-directive play with the dolls' house.", "modality_frequency"),
    ("Taught him how the fight-or-flight response works.", "modality_frequency"),
    ("Two-chair dialogue with her inner critic.", "modality_frequency"),
    ("Stimulus control reviewed.", "modality_frequency"),
    ("Did one together in session and she took the sheet home.", "modality_frequency"),
    ("Hasn't managed to go to the bank on her own since spring.", "functional_status"),
    ("Back to running twice a week.", "functional_status"),
    ("Showering only every few days.", "functional_status"),
    ("Still keeping the household going on her own.", "functional_status"),
    ("Report card: mostly As and Bs.", "functional_status"),
    ("More withdrawn than in our early sessions.", "progress"),
    ("Panics about twice a month now instead of daily.", "progress"),
    ("Sleep better vs. baseline.", "progress"),
    ("Bingeing down from five times a week to once.", "progress"),
    ("Went to the cinema; couldn't have done that before we started.", "progress"),
    ("Two six-packs on weekends, per her.", "symptoms"),
    ("Lost about 10 kg since the summer without trying.", "symptoms"),
    ("PTSD added to her problem list this week.", "diagnosis"),
    ("Only 35 minutes of face-to-face time today.", "session_times"),
    # The look-alikes.
    ("Sand tray figures: the dragon guarded the castle all session.", "private"),
    ("Thinking about going back to uni next year.", "private"),
    ("She dreamt of an empty chair at her wedding.", "private"),
])
def test_nineteenth_round_record_lines_from_tuning_batches(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, nineteenth round, mended on train_more40's to train_more43's misses (hedged
    # and questioned facts, facts told by others, chart shorthand, the precise safety net in
    # medical and helping settings); each worded anew.
    ("Looked up the viaduct's height on her phone twice this week.", "safety"),
    ("Asked which car parks in town have no barriers on the top floor.", "safety"),
    ("Search history: cliff heights near the coast.", "safety"),
    ("Sat in the car at the flyover for about an hour on Friday night.", "safety"),
    ("Stood on the bridge after work staring down at the river.", "safety"),
    ("Sat on the harbour wall with her legs over the edge after the film.", "safety"),
    ("Has about fifty paracetamol stashed in a tin under the bed.", "safety"),
    ("Nurse found his locker full of tablets he was meant to have taken.", "safety"),
    ("Staff think he has been cheeking his evening meds.", "safety"),
    ("Kept her late father's morphine 'in case I need a way out'.", "safety"),
    ("Still has her sister's old sleeping tablets in the bathroom, just in case.", "safety"),
    ("Keeps back a few of her husband's painkillers every week.", "safety"),
    ("Counted the old pills and said it was good to know they're there.", "safety"),
    ("A vet nurse; took home a vial of the sedative on Friday.", "safety"),
    ("Has been diverting morphine from the ward 'just in case'.", "safety"),
    ("Wondered aloud which of the clinic's drugs would work quickest.", "safety"),
    ("Worked out how much insulin it would take for someone her size.", "safety"),
    ("Asked how many of her mother's tablets would stop a heart.", "safety"),
    ("Read about poisons that don't show up on a post-mortem.", "safety"),
    ("Knows which two medicines together would stop his own heart.", "safety"),
    ("Said 'see you next week, if I'm still around'.", "safety"),
    ("Hopes the dog goes to someone who'll actually be around.", "safety"),
    ("'The tortoise will be around longer than me anyway.'", "safety"),
    ("A letter to her godson, the kind you'd write if you weren't planning on seeing anyone "
     "again.", "safety"),
    ("Has started planning his own funeral, down to the readings.", "safety"),
    ("Asked me to help choose her hymns, since it'll be soon.", "safety"),
    ("Gave his brother the passwords so no one is stuck sorting it all.", "safety"),
    ("'If it comes back I'll let it take me.'", "safety"),
    ("Wants to scatter the ashes at the lake and go in after him.", "safety"),
    ("Dreamt she didn't wake up; said waking was the hardest part.", "safety"),
    ("Dreamt of drowning peacefully and said she would like that for real.", "safety"),
    ("Said she envies the dying patients on her ward.", "safety"),
    ("Her brother tried to end things at twenty.", "safety"),
    ("Said she's done fighting it and has stopped the treatment.", "safety"),
    ("Has skipped three dialysis runs on purpose.", "safety"),
    ("s/p OD x1 2019.", "safety"),
    ("Held a lighter against her forearm last night.", "safety"),
    ("Urges to cut up this week.", "safety"),
    ("Wrote letters to each of the kids 'in case'; in the glovebox.", "safety"),
    ("Safety contacts updated: sister, GP.", "safety"),
    ("Raised his risk to high after the call from his wife.", "safety"),
    ("Rope in the garage; evasive about it.", "safety"),
    ("Bought some rope; 'for the allotment, probably'.", "safety"),
    ("She's frightened by her partner's threats since the move.", "safety"),
    ("'If I go to the police he'll finish me.'", "safety"),
    ("He told her he knows how to make a body disappear.", "safety"),
    ("Took two of his wife's Xanax with whisky last night.", "safety"),
    ("Their dad hits the little ones when he's been drinking.", "safety"),
    ("Left the 6-year-old and the 4-year-old alone while she went out.", "safety"),
    ("Her sister, who has Down syndrome, is locked in her room while mum works.", "safety"),
    ("As kids they were beaten by their stepdad.", "safety"),
    ("Stopped giving her son's inhaler, says he doesn't need it.", "safety"),
    ("Her brother is taking the old man's morphine and leaving him unwashed.", "safety"),
    ("Left her mother, who can't stand, alone in the flat for two days.", "safety"),
    ("A pressure sore that hadn't been dressed in a week.", "safety"),
    ("A man online told the 13-year-old to delete their chats.", "safety"),
    ("Her ex sat outside her office in his car all afternoon.", "safety"),
    ("The 3-year-old was left in the car while she went into the shop.", "safety"),
    ("Her 8-year-old comes to school with no breakfast most days.", "safety"),
    ("The 10-year-old is left to look after the baby after school.", "safety"),
    ("Gran, 84, hasn't been out of bed in days, says her grandson.", "safety"),
    ("His granddad's pension is collected by an uncle and spent.", "safety"),
    ("Fainted at the gym; living on black coffee and crackers.", "safety"),
    ("Her stepfather broke her arm when she was nine.", "safety"),
    # The look-alikes.
    ("We sat on the bridge watching the boats race.", "private"),
    ("The film ended with the hero going in after the dog, which made her laugh.", "private"),
    ("Her cat will be around longer than the goldfish, she joked.", "private"),
])
def test_nineteenth_round_risk_hedged_reported_and_in_medical_work(text: str,
                                                                   expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, nineteenth round, record lines mended on train_more40's to train_more43's
    # misses; each worded anew.
    ("Started long-term disability leave in March.", "functional_status"),
    ("Now attending half days at school.", "functional_status"),
    ("Bathing q2d per her daughter.", "functional_status"),
    ("Night terrors have stopped since the move.", "progress"),
    ("Sleeping two to three hours a night this week.", "symptoms"),
    ("Her boss gets headaches most days, she says.", "private"),
    ("Off school daily with stomach aches.", "symptoms"),
    ("Coord with the care team re: next steps.", "treatment_plan"),
    ("Multi-family group for eating disorders, Tuesdays.", "modality_frequency"),
    ("Expect slow improvement over the next two months.", "prognosis"),
    ("Collat. (sister): drinks a bottle of wine nightly.", "symptoms"),
])
def test_nineteenth_round_record_lines_told_by_others_and_in_shorthand(text: str,
                                                                       expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twentieth round, mended on heldout59's and heldout60's misses (estimates for
    # one round, then read); each family worded anew, beside look-alikes.
    ("Keeps saying it should have been him who died, not the driver; 'I should have died too.' "
     "", "safety"),
    ("Wishes she'd died in the crash along with her cousin.", "safety"),
    ("Believes his old crew are 'waiting for him on the other side'.", "safety"),
    ("Said it's time to join the lads up there.", "safety"),
    ("Texted that she is done being here and tired of pretending.", "safety"),
    ("Can't see any point in going on since the divorce.", "safety"),
    ("Says the family would manage better on the insurance than with him still here.", "safety"),
    ("Told me the world would be better without someone like her.", "safety"),
    ("Has thought about stepping out in front of a lorry on the bypass.", "safety"),
    ("Pictured steering the car into the bridge support on purpose on the way home.", "safety"),
    ("Described an urge to swerve into the oncoming lane.", "safety"),
    ("Wants to lie down in the road and let it happen.", "safety"),
    ("Talked about walking into the sea one night and not coming back.", "safety"),
    ("Has thought of the railway bridge as his only way out for months.", "safety"),
    ("Stood at the cliff top for a while last night, 'deciding', she said.", "safety"),
    ("Asked the nurse how wide the windows open on the fourth floor.", "safety"),
    ("Wanted to know whether I'd have to tell his wife if he had a plan.", "safety"),
    ("Has drafted in her head what she'd write in a final letter to her son.", "safety"),
    ("Gave his tools to his son-in-law so nobody has to deal with them later.", "safety"),
    ("Giving away her furniture like she's leaving, though she isn't going anywhere.", "safety"),
    ("Said he'd put his foreman through the windscreen if he's docked again.", "safety"),
    ("Swore he would do something they will never forget if the court sides with her.", "safety"),
    ("After the threat, mentioned that he knows which route she walks after her shift.", "safety"),
    ("Her 7-year-old was found out on the estate alone at midnight.", "safety"),
    ("The school says her son turns up most days without lunch or a coat.", "safety"),
    ("The 5-year-old came in wearing yesterday's clothes several days running.", "safety"),
    ("Restricting again; says her heart is racing when she lies down.", "safety"),
    ("Hasn't eaten for two days and fainted in the queue at the bank.", "safety"),
    ("Risk rating raised from low to moderate after the call.", "safety"),
    ("Took two trigger locks home from the clinic but left them in the box.", "safety"),
    ("Said he won't be around for the wedding anyway.", "safety"),
    ("Stopped his transplant tablets last week without telling anyone.", "safety"),
    ("Went four days without her insulin after the funeral.", "safety"),
    ("Fasted x4 days before the weigh-in.", "safety"),
    ("Kept a stash of sleeping tablets in a film canister in her drawer.", "safety"),
    ("Watched a film about a ferry crash and couldn't stop crying.", "private"),
    ("His nan should have died in the war, the family story goes, but she was late for the train. "
     "", "private"),
    ("Her brother thinks the world would be better without social media.", "private"),
    ("They walked into the sea to paddle on the first warm day of the year.", "private"),
    ("We talked about the film's way out for its hero, a boat at dawn.", "private"),
    ("Parked at the quarry overlook with the hiking group, deciding where to eat lunch. "
     "", "private"),
    ("Put the old sofa through the window of the charity van, she laughed.", "private"),
    ("Her teenagers were out with friends until ten on Friday night.", "private"),
    ("Gave away the pram and cot as the baby has outgrown them.", "private"),
])
def test_twentieth_round_risk_in_survivors_and_plain_words(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twentieth round, record facts mended on heldout59's and heldout60's misses;
    # each worded anew.
    ("Can now drive over the river bridge without pulling over.", "progress"),
    ("Now able to sit through a whole meeting without leaving.", "progress"),
    ("Has slid back since the move, nearly to where she was when we started.", "progress"),
    ("Next time we'll move on to the third item on her hierarchy.", "treatment_plan"),
    ("SUDS 70 at the start of the exposure, 30 at the end.", "test_results"),
    ("Baseline SUDS 90 for the lift.", "test_results"),
    ("Checklist total score 41 at week 6.", "test_results"),
    ("Working memory came back in the borderline range.", "test_results"),
    ("Dropped two modules after the first term.", "functional_status"),
    ("Hasn't driven on the motorway since the crash.", "functional_status"),
    ("We've been meeting fortnightly since the spring.", "modality_frequency"),
    ("Session was held by phone because of the storm.", "modality_frequency"),
    ("I expect he will be ready to step down to monthly by March.", "prognosis"),
    ("Anticipate a phased return to work within six weeks.", "prognosis"),
    ("Panic comes about twice a week, mostly in supermarkets.", "symptoms"),
    ("Rule-out of ADHD added pending school reports.", "diagnosis"),
    ("Her husband can now drive again after his knee surgery.", "private"),
    ("Her sister dropped out of college years ago, she says.", "private"),
    ("I wonder whether she will be ready to finish by summer.", "private"),
])
def test_twentieth_round_record_facts_in_protocol_and_hedged_notes(text: str,
                                                                   expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twentieth round, mended on train_more44's and train_more47's misses (indirect
    # risk in everyday words; children and dependent adults at risk); each worded anew.
    ("Talked about a sleep you never wake up from, and how restful that sounds.", "safety"),
    ("Says at 80 she has outlived her usefulness to everyone.", "safety"),
    ("Believes he is owed the same fate as the men he left behind.", "safety"),
    ("Not sticking around much longer, she wrote in the portal message.", "safety"),
    ("Called the exam 'my last day on earth if it goes wrong'.", "safety"),
    ("Mentioned checking out for good once the kids are settled.", "safety"),
    ("Said he won't be hanging around for the radiotherapy if the scan is bad.", "safety"),
    ("Says she wouldn't fight it if the tumour comes back.", "safety"),
    ("Not bothered if he doesn't see another birthday, he said flatly.", "safety"),
    ("Joked that her retirement plan is the canal.", "safety"),
    ("Left tabs open with articles on helium and exit bags.", "safety"),
    ("Has been asking whether her late husband's pills would still be strong enough.", "safety"),
    ("Made a new will suddenly and wants it witnessed by Monday.", "safety"),
    ("Said she won't be around for her niece's christening anyway.", "safety"),
    ("The 6yo and 3yo are left with the 10-year-old overnight when she works nights.", "safety"),
    ("Her toddler stays asleep in the flat while she does the early cleaning shift.", "safety"),
    ("The kids are out on the streets until 1 am most nights, youngest aged 6.", "safety"),
    ("Her son, 10, slept in the park twice because no one answered the door.", "safety"),
    ("The two small children were knocking on neighbours' doors begging for food.", "safety"),
    ("The baby's fractured wrist was not taken to hospital for three days.", "safety"),
    ("Dad won't let the 9-year-old have his inhaler when he is 'playing up'.", "safety"),
    ("She gives her 3-year-old some of her own diazepam at bedtime.", "safety"),
    ("The nursery reports a nappy rash left raw and weeping.", "safety"),
    ("The 7-year-old has no bed or bedding, per the social worker.", "safety"),
    ("The girl has worn the same uniform for two weeks, the school says.", "safety"),
    ("He shuts his sister, who has dementia, in her bedroom while he is at work.", "safety"),
    ("The carer says his bed sores were left undressed all week.", "safety"),
    ("Her stepfather withholds her meals when she 'answers back'.", "safety"),
    ("Her nephew takes her pain meds to sell and leaves her in pain.", "safety"),
    ("Her son used a power of attorney she can't remember signing.", "safety"),
    ("Her disabled brother is made to hand over his benefits to a 'friend'.", "safety"),
    ("Their new lodger is a registered sex offender; the kids are 4 and 6.", "safety"),
    ("No one minds the kids after school until their dad gets in at nine.", "safety"),
    ("No one was watching the 16-year-old at the party, her mum said.", "private"),
    # Found in review: a relapse, fall or heart risk is not a risk rating; a sofa put through
    # a window is no threat; 'the kids' show' is a programme.
    ("Relapse risk reduced now that he has moved away from his old friends.", "progress"),
    ("Her fall risk increased after the hip surgery, the physio says.", "private"),
    ("Cardiac risk lowered with the new statin, per GP.", "private"),
    ("Her suicide risk reduced to low after the admission.", "safety"),
    ("He put the sofa through the window frame to get it upstairs.", "private"),
    ("Nobody is watching the kids' show with her anymore, she joked.", "private"),
    ("Her grandmother made a will when the first grandchild was born.", "private"),
    ("His marks were low average for the year, he said, and he didn't care.", "private"),
    ("She was out with friends until 1 am on Saturday, and she's 16.", "private"),
    ("Had tabs open with articles on helium balloons for her son's party.", "private"),
])
def test_twentieth_round_risk_in_everyday_words_and_to_dependants(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twentieth round, record facts mended on train_more45's and train_more46's
    # misses (daily life, change against an earlier time, results in words); each worded anew.
    ("Trails B at the 9th percentile.", "test_results"),
    ("Memory scores in the low average range on retest.", "test_results"),
    ("CAARS inattention scale in the clinically significant range.", "test_results"),
    ("Now below the clinical cut-off on the outcome measure.", "test_results"),
    ("Lithium level 0.6 last week.", "test_results"),
    ("Urine screen came back clean on Friday.", "test_results"),
    ("PEth negative x2 months.", "test_results"),
    ("Two months ago she couldn't open the post, but this week she paid every bill.", "progress"),
    ("The first time she has driven herself since we began.", "progress"),
    ("She has gone from no volunteering to three mornings a week since June.", "progress"),
    ("Back at choir after two years of not going.", "progress"),
    ("Goal of one bus stop alone met this week.", "progress"),
    ("Hasn't set foot in a supermarket since March.", "functional_status"),
    ("Works 4x10h on nights at the depot.", "functional_status"),
    ("Misses about 3 lectures a week.", "functional_status"),
    ("Her son's scores came back normal, she said with relief.", "private"),
    ("The average rent in the area is high, she said; the low average of last year is gone. "
     "", "private"),
])
def test_twentieth_round_results_progress_and_daily_life(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-first round, mended on the misses of heldout61 to heldout64 (estimates
    # run first in the twentieth round, tuned since); each family worded anew.
    ("Police found him with a piece of broken glass held to his throat.", "safety"),
    ("She pressed the razor against her wrist until her sister came in.", "safety"),
    ("Swallowed all of her sleeping tablets that were left in the box.", "safety"),
    ("Had his stomach pumped at the weekend, he told me almost proudly.", "safety"),
    ("Left an envelope marked 'for whoever finds me' on the desk.", "safety"),
    ("After the sedation wore off she said she wished it had been permanent.", "safety"),
    ("The nursery noticed a hand-shaped bruise on the four-year-old's cheek.", "safety"),
    ("Her son said his stepdad 'does the belt thing' when he's naughty.", "safety"),
    ("Is what the 6yo told me about bathtime reportable?", "safety"),
    ("Her ex has shown up outside her flat again since the injunction.", "safety"),
    ("The group home manager holds his bank card and his allowance money hasn't been "
     "given to him for weeks.", "safety"),
    ("Her grandmother, 90, lay on the floor for two days after a fall.", "safety"),
    ("Told the chemist he was stocking up on painkillers for the winter.", "safety"),
    ("He gave the rest of his pills to his brother to hold, as agreed.", "safety"),
    ("Reviewed our means safety plan again.", "safety"),
    ("His manager will murder him if he's late for the audit.", "private"),
    ("Her dad 'will kill her' if he finds out about the tattoo.", "private"),
    ("Her twin takes lithium and has done for years.", "private"),
    ("I felt oddly flat myself by the end of the hour.", "private"),
    ("I heard my own voice get quieter as she talked.", "private"),
    ("Took all the boxes that were left to the charity shop.", "private"),
    ("The novel she is reading ends with a letter 'to whoever finds this' in a bottle.", "private"),
    ("She wishes the holiday feeling could be permanent.", "private"),
    ("Her ex turned up at the school concert and they managed to be civil.", "private"),
    ("Bought a new belt for the interview.", "private"),
])
def test_twenty_first_round_risk_from_calls_and_expressive_work(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-first round, record facts mended on the misses of heldout61 to
    # heldout64 (counts against a baseline, techniques, results and prognosis in plain words);
    # each worded anew.
    ("Two panic attacks this week against nine at intake.", "progress"),
    ("No real change since the last review.", "progress"),
    ("Back at school every day now after missing most of the spring term.", "progress"),
    ("Calmer than when he was first assessed.", "progress"),
    ("Sleeping better since the third session of TMS.", "progress"),
    ("Her first bus trip alone since starting therapy.", "progress"),
    ("Next step is for her to phone the college herself.", "treatment_plan"),
    ("Team to update her behaviour support plan next month.", "treatment_plan"),
    ("Stepping up to weekly sessions while the court case runs.", "treatment_plan"),
    ("The GP has signed her off sick until the end of the month.", "functional_status"),
    ("She has stopped washing her hair and getting dressed most days.", "functional_status"),
    ("Sleeping 2-3 hours a night since the move.", "symptoms"),
    ("Checking the locks 30 times a night.", "symptoms"),
    ("Parent-child psychotherapy session with both present.", "modality_frequency"),
    ("Walked him through a safe place imagery exercise.", "modality_frequency"),
    ("Neuropsychological assessment showed weak working memory.", "test_results"),
    ("A return to driving seems realistic by summer.", "prognosis"),
    ("Should make a full recovery with the current plan.", "prognosis"),
    ("Her neighbour has been signed off work for a month.", "private"),
    ("Her best friend's scan came back clear.", "private"),
])
def test_twenty_first_round_record_facts_in_calls_and_expressive_work(text: str,
                                                                      expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-first round, mended on train_more50's and train_more51's misses (risk
    # in couples and families, risk told in numbers); each worded anew.
    ("He has no access to the joint account and has to ask her for money for petrol.", "safety"),
    ("Her wages are paid into his account and he gives her twenty pounds a week.", "safety"),
    ("She goes along with sex so that he stops shouting.", "safety"),
    ("Her husband hid her contraceptive pills because he wants another baby.", "safety"),
    ("The five-year-old told the teacher that daddy punches mummy.", "safety"),
    ("Gave her the refuge helpline and talked through a go-bag.", "safety"),
    ("He tracks her location every evening to see who she was with.", "safety"),
    ("He texts her every ten minutes when she is out.", "safety"),
    ("She is scared to go home tonight.", "safety"),
    ("He blocked the door for two hours and took her phone.", "safety"),
    ("Four days on nothing but water and diet cola.", "safety"),
    ("Has chosen her birthday as the day she will stop.", "safety"),
    ("Bought painkillers from three different pharmacies this week.", "safety"),
    ("Has been keeping back her nightly zopiclone.", "safety"),
    ("Had four pints before the school pickup.", "safety"),
    ("Smoked a joint and then drove to his sister's.", "safety"),
    ("Her mum, 84, has sent £3,000 to an online boyfriend she has never met.", "safety"),
    ("Her father, who has dementia, is alone 8am to 7pm on weekdays.", "safety"),
    ("Bought a length of rope and wouldn't say what for.", "safety"),
    ("In my judgement she is more at risk now than at any point this year.", "safety"),
    ("Held a piece of the smashed plate against her wrist.", "safety"),
    ("She wished the blackout would never end.", "safety"),
    ("The bruise on his arm is the shape of a hand, the childminder said.", "safety"),
    ("He has sex with her even though she doesn't want to.", "safety"),
    ("Told her the next time she sees her friends will be the last time.", "safety"),
    ("Has picked Friday as the day she'll be gone.", "safety"),
    ("Drinks gin before the school run most days.", "safety"),
    ("Staff at the home keep his bank card and he never sees his money.", "safety"),
    ("Her mother will kill her if she shows up late again.", "private"),
    ("He wants to ask his partner for money for a new bike.", "private"),
    ("Her sister keeps a bag packed for the gym in the car.", "private"),
    ("His sister did the school run all week.", "private"),
    ("Her brother bought a tow rope for the van.", "private"),
    ("Her aunt calls her every few minutes when the football is on.", "private"),
    ("Bought fish oil capsules at three different shops to compare.", "private"),
    ("Her flatmate took out a loan in her name to buy a car, and is thrilled.", "private"),
    ("The class buried letters to whoever finds them in 2075.", "private"),
    ("Her son says 'I'll know when' about being ready to swim without armbands.", "private"),
])
def test_twenty_first_round_risk_in_relationships_and_numbers(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-first round, record facts mended on train_more48's and train_more49's
    # misses (daily life in plain words, results told in words, the plan as agreed); each
    # worded anew.
    ("Working about forty hours a week at the garage.", "functional_status"),
    ("Back on two half-days a week at the library.", "functional_status"),
    ("Driving himself to the allotment again.", "functional_status"),
    ("Takes the train on her own to work now.", "functional_status"),
    ("Only leaves the flat to walk the dog.", "functional_status"),
    ("Went to all of his seminars and handed in the history essay.", "functional_status"),
    ("Hasn't opened her post since the funeral.", "functional_status"),
    ("Gave up her swimming club in the autumn.", "functional_status"),
    ("Hasn't seen any friends since the summer.", "functional_status"),
    ("Stays in bed until mid-afternoon most days.", "functional_status"),
    ("Self-care: unwashed, same shirt as last week.", "functional_status"),
    ("Came twenty minutes late, so we had thirty minutes.", "session_times"),
    ("His hair sample came back positive for cocaine.", "test_results"),
    ("Her anxiety score has dropped by six points since March.", "test_results"),
    ("The plan we agreed on is six more sessions, then review.", "treatment_plan"),
    ("We decided to pause the exposure work until after the move.", "treatment_plan"),
    ("I've asked him to keep a sleep diary for the week.", "treatment_plan"),
    ("Referral sent to the memory clinic.", "treatment_plan"),
    ("My next goal is to run a 10k before Easter.", "private"),
    ("He threatened to quit the choir over the seating plan.", "private"),
    ("Toyed with the idea of a worksheet, then left it.", "private"),
    ("The test match score sat at 200 for 3 at lunch.", "private"),
])
def test_twenty_first_round_daily_life_results_and_plans(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-first round, mended on train_more52's and train_more53's misses (risk
    # told by someone who rang or wrote; a reflexive points back to the person named before
    # it; stories and idioms); each worded anew.
    ("Her son rang to say the client had been found with a hose from the car exhaust.", "safety"),
    ("The warden wrote that my client was found on the stairwell floor until morning, aged 82.",
     "safety"),
    ("The support worker said she found him with tablets hidden in a sock.", "safety"),
    ("Keeps the old painkillers 'for when I've had enough'.", "safety"),
    ("Left a letter for her sister marked to be opened after she's gone.", "safety"),
    ("Keeps talking about falling asleep and never waking.", "safety"),
    ("Her ex was screaming at the door that she would pay for this.", "safety"),
    ("A man from the gaming site keeps asking the girl to keep it secret.", "safety"),
    ("Passed out drunk while minding the toddler on Sunday.", "safety"),
    ("Her grandson 'manages' her pension now and she never sees it.", "safety"),
    ("Found by the day staff still on the commode from the night before, aged 90.", "safety"),
    ("Sat outside her ex's new flat in the car till 3am; 'I could have killed him', she said.",
     "safety"),
    ("His aunt told me about her own panic attacks at work.", "private"),
    ("Her partner has his own ADHD diagnosis and takes methylphenidate himself.", "private"),
    ("She is raising both girls on her own and working full time.", "functional_status"),
    ("She's reading a thriller where the nanny poisons the soup.", "private"),
    ("We talked about the crime drama where the detective finds a note on the bridge.",
     "private"),
    ("'The move nearly finished me off,' she said, laughing.", "private"),
    ("Has chosen her brother's anniversary as the day she'll be gone.", "safety"),
    ("'Kept my dad's old sleeping pills, I'll know when,' he said.", "safety"),
    ("Staff found six of his tablets wrapped in foil under the mattress.", "safety"),
    ("Her grandmother's new boyfriend 'manages' her pension and she can't get at it.", "safety"),
    ("Her husband phoned to let me know the psychiatrist started her on sertraline.",
     "medication"),
    ("His dad tells me the consultant has now diagnosed him with epilepsy.", "diagnosis"),
    ("Her sister told me the nightmares are back most nights.", "symptoms"),
    ("Her sister told me her own nightmares are back most nights.", "private"),
    # Found on review before stopping: no rule named starving oneself.
    ("Her partner says she has been starving herself since the funeral.", "safety"),
    ("Her sister has been starving herself before the wedding.", "private"),
    ("His son, 6, was left at home by himself until midnight.", "safety"),
])
def test_twenty_first_round_reporters_reflexives_and_stories(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-second round, mended on the misses of heldout65 to heldout68 (estimates
    # run first in the twenty-first round, tuned since); each family worded anew, with
    # look-alikes that stay private.
    ("Her 13-year-old son was put in charge of the two under-fives all night.", "safety"),
    ("His sister says the kids will have some peace once he's not around.", "safety"),
    ("She left the three- and five-year-old on their own most of Friday night.", "safety"),
    ("Left both toddlers by themselves while she went to the pub.", "safety"),
    ("The 5 and 7 year old were on their own at home all afternoon, per the neighbour.", "safety"),
    ("His eight-year-old looks after the baby overnight while he works nights.", "safety"),
    ("Her ten-year-old was left in charge of the twins all weekend.", "safety"),
    ("Her twelve-year-old puts the toddler to bed every night while she works late.", "safety"),
    ("She left the kids with their grandmother for the weekend.", "private"),
    ("Her 15-year-old looks after the cat while she travels.", "private"),
    ("The twins were on their own team at sports day.", "private"),
    ("Left the two-year-old's birthday party early.", "private"),
    ("Her ten-year-old watches cartoons while she cooks.", "private"),
    ("Her eight-year-old is good at minding the neighbour's dog.", "private"),
    ("Said her mum and the boys would finally have some peace once she's not around.", "safety"),
    ("Told me the flat would be quieter for everyone once he's not in it.", "safety"),
    ("Said he won't be around for his daughter's graduation and wouldn't say why.", "safety"),
    ("She 'won't be around for the next family reunion', she said, and changed the subject.",
     "safety"),
    ("'You won't have to worry about me after the trial,' he said, smiling.", "safety"),
    ("She wants to be 'gone before fifty', and her birthday is in March.", "safety"),
    ("Says the family would be better off with one less mouth to feed, meaning himself.", "safety"),
    ("Told the nurse he won't be alive for the court date.", "safety"),
    ("Said everyone will have him out of their hair for good soon.", "safety"),
    ("The house will be quieter once he's around less - he has started a night shift.", "private"),
    ("She won't be around for the reunion because she's in Spain that week.", "private"),
    ("Her mum won't be around for the wedding, as she'll be working abroad.", "private"),
    ("She'll be out of their hair for good once she moves to Leeds.", "private"),
    ("Things will be easier once he's around more to help with the baby.", "private"),
    ("Her grandmother won't be alive by Christmas, the hospice says.", "private"),
    ("On the way home he has been stopping on the footbridge over the motorway 'to see what "
     "it feels like up there'.", "safety"),
    ("Mentioned the viaduct where she sat for half an hour last week just staring down.", "safety"),
    ("Climbed over the balcony railing at the party before his friends dragged him back.",
     "safety"),
    ("Asked how, she named the bridge near the hospital.", "safety"),
    ("She sat on the cliff path with her sister watching the boats.", "private"),
    ("When asked how, he named the two teachers who had helped him most.", "private"),
    ("Has been saving half of each week's zopiclone since the split.", "safety"),
    ("Keeps the tablets from the GP in a drawer rather than taking them.", "safety"),
    ("Her son agreed to keep her medication and hand her one tablet each evening.", "safety"),
    ("Says the watch goes to his grandson 'when it's time'.", "safety"),
    ("Keeps the money in an envelope and says she'll need it sooner than people think.", "safety"),
    ("Keeps the pills in the kitchen rather than taking them to work.", "private"),
    ("Saving half of each paycheck for the deposit.", "private"),
    ("She says he forced sex twice after the party.", "safety"),
    ("Her brother pointed a loaded gun at him during the row.", "safety"),
    ("Hit by her boyfriend twice last month, once in the face.", "safety"),
    ("Choked about 5 seconds during the argument on Friday.", "safety"),
    ("He warned her that if she goes to the police she will never see the kids again.", "safety"),
    ("Her employer keeps her passport and she is not allowed to leave the house.", "safety"),
    ("He locks the front door from the outside when he leaves for work.", "safety"),
    ("She has noticed her ex following her car home from the gym.", "safety"),
    ("Ex outside her flat 4x this week.", "safety"),
    ("Keeps going over what he would do to him if they met.", "safety"),
    ("Talked of killing the landlord who evicted him.", "safety"),
    ("Talks about killing time at the airport.", "private"),
    ("Was hit by a car on the school run in May.", "private"),
    ("Chopped onions and pointed the knife at the recipe card.", "private"),
    ("Her uncle took an overdose on purpose when she was small.", "safety"),
    ("Risk level raised from low to moderate after today's session.", "safety"),
    ("She says her next attempt would work.", "safety"),
    ("Honestly he'd be relieved if the plane went down.", "safety"),
    ("Her second attempt at the driving test will be next month.", "private"),
    ("Dad (88): his carer has taken about £2,000 from his account, pt thinks.", "safety"),
    ("Her mother, 91, was left alone in the flat all weekend with no one checking on her.",
     "safety"),
    ("Her son, 30, took money from his account to pay the rent.", "private"),
])
def test_twenty_second_round_children_alone_finality_heights_means_and_control(
        text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-second round, record facts mended on the misses of heldout65 to
    # heldout68 (a diagnosis by another clinician, totals and cut-offs, the expected course,
    # change named first, consent to share, a technique taught, drinking and ratings in
    # words); each worded anew.
    ("Her urologist diagnosed interstitial cystitis last winter.", "diagnosis"),
    ("The previous psychiatrist had given borderline personality disorder and I'm not "
     "changing it yet.", "diagnosis"),
    ("PCL-5 on the intake forms totalled 41.", "test_results"),
    ("K10 mean 3.4 (cutoff 3.0).", "test_results"),
    ("Her EPDS was just above the cut-off this time.", "test_results"),
    ("Their couple checkup came back showing low friendship scores for both.", "test_results"),
    ("The attachment inventory placed him in the anxious range.", "test_results"),
    ("I expect this work will take more than twenty sessions given the court case.", "prognosis"),
    ("I'd give her fair odds of staying off the drink through the summer.", "prognosis"),
    ("He is likely to remain off work for at least two months while the pain settles.",
     "prognosis"),
    ("Worse since Christmas: not sleeping, arguing daily.", "progress"),
    ("Better since starting the new job, she says.", "progress"),
    ("With her written consent I'll share the safety-free summary with the GP.", "treatment_plan"),
    ("Taught them the speaker-listener technique and had them practise twice.",
     "modality_frequency"),
    ("Walked her through box breathing in session.", "modality_frequency"),
    ("Imago dialogue practised for the second week.", "modality_frequency"),
    ("Family therapy format: both parents and the two teens, forty minutes together.",
     "modality_frequency"),
    ("Drinks a couple of bottles of cider most nights.", "symptoms"),
    ("Low mood about six out of ten most mornings.", "symptoms"),
    ("Her brother's therapist gave him an ADHD diagnosis last year.", "private"),
    ("The restaurant bill totalled 120 for the four of them.", "private"),
    ("Her husband drinks a couple of pints on Fridays.", "private"),
    ("Her sister's anxiety is about eight out of ten before flights.", "private"),
    ("The metamour takes sertraline and is doing well.", "private"),
    ("Memory: her grandmother's kitchen and the smell of bread.", "private"),
    ("Memory: intact for recent and remote events.", "symptoms"),
    ("We talked about the odds of her team winning the league.", "private"),
    ("The novel's profile of the killer came out as strangely sympathetic.", "private"),
])
def test_twenty_second_round_record_facts_in_plain_words(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-second round, mended on the misses of train_more54 to train_more56
    # (daily life in plain words; risk told second-hand; a pronoun its emphatic reflexive
    # follows is the reporter's; risk inside stories and art); each family worded anew.
    ("His mum mentioned she's on sertraline herself and it took months to settle.", "private"),
    ("Her dad told me he himself was diagnosed with bipolar disorder at thirty.", "private"),
    ("Her sister said she has panic attacks herself, mostly at night.", "private"),
    ("Her father had panic disorder and she has panic attacks herself, most nights.", "symptoms"),
    ("His teacher says she has just come off citalopram herself.", "private"),
    ("Her mum says she has been cutting herself again.", "safety"),
    ("Her mum says she hurt herself on Friday.", "safety"),
    ("His dad rang: he has been starving himself since the exam.", "safety"),
    ("Her sister said she overdosed on the paracetamol herself, on Sunday.", "safety"),
    ("Flatmate said she herself overdosed at uni years ago.", "private"),
    ("Her mum says she hasn't been herself and has panic attacks most days.", "symptoms"),
    ("Her mum says she is on sertraline now, started by the GP.", "medication"),
    ("Her partner said she locked herself in the bathroom with his razor.", "safety"),
    ("Can't face the supermarket at all now, so everything is delivered.", "functional_status"),
    ("She can only get to work three days out of five.", "functional_status"),
    ("He struggles to get dressed before eleven most days.", "functional_status"),
    ("Hasn't been into the office since the review in May.", "functional_status"),
    ("She hasn't opened her post in a month.", "functional_status"),
    ("Attends two of her four lectures a week.", "functional_status"),
    ("He has rung in sick three Fridays running.", "functional_status"),
    ("In bed until noon most days.", "functional_status"),
    ("Dropped one of her three evening classes to cope.", "functional_status"),
    ("Late for work most mornings this month.", "functional_status"),
    ("Needs help to fill in forms and open letters.", "functional_status"),
    ("Her husband can't face the supermarket since his knee op.", "private"),
    ("In the dream she couldn't get dressed in time for the wedding.", "private"),
    ("Her daughter attends three of her five lectures, she says, with some envy.", "private"),
    ("Said his avatar has nine lives and 'the tablets are lined up for my one'.", "safety"),
    ("Painted a barn with a rope hanging from the rafter and says she sees it at night.", "safety"),
    ("He'd be fine if his heart just stopped in his sleep, he said.", "safety"),
    ("Keeps dreaming of falling from the multi-storey and wakes up disappointed.", "safety"),
    ("Runs red lights at night 'to see if I make it'.", "safety"),
    ("He told her 'that's what happens to wives who leave' while the news played.", "safety"),
    ("Posted a photo of herself on a rooftop ledge last night.", "safety"),
    ("Since her late husband's anniversary she says she'll be with him soon.", "safety"),
    ("She walked to the middle of the viaduct on Sunday and stood for an hour.", "safety"),
    ("Has read everything about how she did it since the singer's death.", "safety"),
    ("He kicked the dog across the kitchen when it barked.", "safety"),
    ("Her 7-year-old walked to the park alone on Saturday while she slept.", "safety"),
    ("His 9yo walking herself to school along the dual carriageway.", "safety"),
    ("The nine-year-old was left minding the baby in the evenings while mum at work.", "safety"),
    ("We laughed about the crime novel where the butler poisons his employer.", "private"),
    ("She threw the dog's ball for an hour in the park.", "private"),
    ("I'll be with you soon, she told her sister on the phone.", "private"),
    ("Her favourite podcaster talked about his bipolar diagnosis.", "private"),
    ("The singer's last album ends on a ledge of piano chords.", "private"),
    ("Dad rang: found a shoebox full of co-codamol packets in her wardrobe.", "safety"),
    ("Staff say his evening tablets were hidden in a sock at the back of the drawer.", "safety"),
    ("His sister says he sent a text thanking them all 'for everything' and then switched his "
     "phone off.", "safety"),
    ("The agency left him in the same pad for two days, per his daughter.", "safety"),
    ("Her partner tracks where she is all day through her phone.", "safety"),
    ("Her husband agreed to lock away all the tablets in the house tonight.", "safety"),
    ("Police said he threatened his flatmate with a knife over the rent.", "safety"),
    ("The chemist rang: he tried to buy five packets of paracetamol in one visit.", "safety"),
    ("Her partner was throwing plates around her while the baby slept.", "safety"),
    ("Mum texted: he's cut again, forearms, not deep.", "safety"),
    ("Wrote in her diary that she has picked the night she'll do it.", "safety"),
    ("His manager said she has diabetes herself, so she understands the absences.", "private"),
    ("His wife said she's been exhausted herself since her mother died.", "private"),
    ("Found a box full of old photos in the loft.", "private"),
    ("Her son bought three boxes of cereal for the trip.", "private"),
    ("The carer says he's cut his hair short and looks well.", "private"),
    ("He can't book appointments himself; his wife does it.", "functional_status"),
    ("Not able to take the children to the pool alone.", "functional_status"),
    ("Couldn't face the train on Monday and worked from home.", "functional_status"),
    ("Can't manage the stairs without stopping twice.", "functional_status"),
    ("Off work since 3 March; fit note until the end of April.", "functional_status"),
    ("Has given up the running club and her band since the diagnosis.", "functional_status"),
    ("Not cleaning or shopping since the flare-up.", "functional_status"),
    ("Pays the rent and keeps up with her evening classes.", "functional_status"),
    ("Sleeps twelve or thirteen hours and wakes tired.", "symptoms"),
    ("Her stepdad shut her 8-year-old outside in the rain as a punishment.", "safety"),
    ("Left the baby asleep in the pram outside the bookies for half an hour.", "safety"),
    ("While she sleeps off the night shifts, her seven-year-old gets himself ready for "
     "school.", "safety"),
    ("Smokes weed and then drives the kids to school.", "safety"),
    ("Stopped his insulin on purpose last week.", "safety"),
    ("Keeps the old tablets 'just in case it gets like before'.", "safety"),
    ("In the dream he jumped off the bridge and felt peaceful.", "safety"),
    ("About 500 kcal/day for three weeks.", "safety"),
    ("Said he'd sooner drive the car into the river than go back to that office.", "safety"),
    ("Her husband's sick note runs out on Friday.", "private"),
    ("She books tickets for the theatre every month.", "private"),
    ("Her husband sleeps twelve hours at weekends.", "private"),
    ("Her sister stopped her thyroid tablets on purpose when she got pregnant.", "private"),
    ("The recipe is 600 calories per serving.", "private"),
])
def test_twenty_second_round_daily_life_reporters_and_stories(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-second round: a reviewer helper's fresh look-alikes and positives for
    # the round's families, each of which the families first got wrong; they were narrowed
    # or widened on them.
    ("Loves it when the kids are by themselves at Scout camp with their leaders.", "private"),
    ("Her children are unattended in the sense that no one helps with homework, she feels.",
     "private"),
    ("Her mum said, 'you won't have to worry about me again once the new carer starts.'",
     "private"),
    ("Told me he won't be here for his daughter's christening in May, no reason given, and "
     "changed the subject.",
     "safety"),
    ("They sat on the cliffs watching the sunset and wondering what it feels like to "
     "paraglide.",
     "private"),
    ("Climbed over the railing at the zoo to get her son's hat and a keeper pulled her "
     "back - embarrassing story.",
     "private"),
    ("Said the old car will go to her son when it's time for her to get a new one.", "private"),
    ("Her husband now holds the box of tablets and gives her one each night.", "safety"),
    ("Her husband holds her passport for safekeeping in their shared safe while they're on "
     "holiday, at her request.",
     "private"),
    ("She keeps rehearsing what she would do to him in the mediation - what she'd say, "
     "point by point.",
     "private"),
    ("The insurer's risk rating went up to high after the flood claim.", "private"),
    ("Pt's nan took £20 from her purse for the ice cream van, she remembered fondly.", "private"),
    ("There's an old rope hanging from the oak in their garden that the kids swing on.", "private"),
    ("Walked to the top of the multistorey car park to find her car, then sat in it and "
     "cried about the exam.",
     "private"),
    ("Wakes up gutted when her team loses, says her partner.", "private"),
    ("Wakes up gutted every Monday - hates the commute, she laughed.", "private"),
    ("As a 7 yo she walked alone through the woods in the story she wrote for class.", "private"),
    ("The 9 yo went alone into the changing room at swimming - first time, mum waited "
     "outside.",
     "private"),
    ("Left a card thanking the team for everything on her last day at work.", "private"),
    ("Picked the night to go to the concert with friends.", "private"),
    ("Her mum locks away all the medicines because of the toddler - childproofing.", "private"),
    ("Their dad left them in bed for three days with flu and chicken soup, a warm memory.",
     "private"),
    ("Puts her 4 year old out in the garden in the sun with a paddling pool every "
     "afternoon.",
     "private"),
    ("Left the pram outside the cafe for a minute while she grabbed a coffee - no baby in "
     "it, just shopping.",
     "private"),
    ("Keeps a spare umbrella just in case it gets bad again like last week's storm.", "private"),
    ("Would rather put the car into the garage than leave it on the street overnight.", "private"),
    ("The team made a plan for the disorder of the filing room - funny aside.", "private"),
    ("Her previous therapist gave her a sense that depression was her fault - a rupture we "
     "explored.",
     "private"),
    ("I think the kitchen renovation will take months, she groaned.", "private"),
    ("She reckons her thesis will take two more years.", "private"),
    ("With her consent I'll share her recipe for banana bread with the group.", "private"),
    ("With their consent, we'll call the dog Biscuit, she said of the kids.", "private"),
    ("Off work for the last week of Christmas as usual, went skiing.", "private"),
    ("Drinking a whole bottle of vodka most nights.", "symptoms"),
    ("Anxiety sits at about 6 out of ten most mornings.", "symptoms"),
    ("Coached them through speaker-listener with a timer.", "modality_frequency"),
    ("Her driving instructor demonstrated the parallel-parking technique.", "private"),
    ("His dad mentioned he has PTSD himself from the army.", "private"),
    ("Her partner said he sleeps 12 hours himself on weekends.", "private"),
    ("Left the under-fives alone in the flat while she went clubbing.", "safety"),
    ("The audit at work came to 3 findings, she's stressed.", "private"),
    ("Can no longer face the supermarket; husband does all the shopping.", "functional_status"),
])
def test_twenty_second_round_families_narrowed_on_a_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-second round, mended on the misses of train_more57 and train_more58
    # (daily living as care notes write it; symptoms with how often they come; change in
    # plain words; driving after drink); each family worded anew, with look-alikes.
    ("Dressing: needs help with buttons and shoes.", "functional_status"),
    ("Finances: son manages the bills; she does small shopping.", "functional_status"),
    ("Bathing w/ min assist from daughter.", "functional_status"),
    ("Showers independently; meals with set-up only.", "functional_status"),
    ("Needs reminders to take the bins out and to get to appointments.", "functional_status"),
    ("It takes her most of the morning to get dressed.", "functional_status"),
    ("Post piles up unopened on the mat for weeks.", "functional_status"),
    ("Rent went in late twice this term.", "functional_status"),
    ("Sees no one outside the house except her carer.", "functional_status"),
    ("Can only do about an hour at the desk before she has to lie down.", "functional_status"),
    ("Hasn't showered since Friday.", "functional_status"),
    ("Keeping up with her lectures and coursework again.", "functional_status"),
    ("Gave up the five-a-side team and now stays in most nights.", "functional_status"),
    ("Can't carry more than one bag of shopping.", "functional_status"),
    ("Pictures of the fire come back several times a day.", "symptoms"),
    ("Lying awake until three most nights, mind racing.", "symptoms"),
    ("Short fuse with the kids most evenings.", "symptoms"),
    ("~3 joints every evening to get to sleep.", "symptoms"),
    ("Coke at weekends, more since the split.", "symptoms"),
    ("Back to how she was before the miscarriage, she says.", "progress"),
    ("Seems to have turned a corner this month.", "progress"),
    ("Worse than two months ago - barely leaving her room.", "progress"),
    ("Panic comes less often now.", "progress"),
    ("Two arguments this month vs 'daily' at intake.", "progress"),
    ("Sleep better since the last review.", "progress"),
    ("Drove home from the party after four pints.", "safety"),
    ("Probably still over the limit when he drove to work.", "safety"),
    ("Keeps the old tramadol 'for when I can't cope'.", "safety"),
    ("Mum, 86: her neighbour has been taking notes from her purse.", "safety"),
    ("Her husband needs reminders to take his tablets.", "private"),
    ("Her sister's post piles up when she travels.", "private"),
    ("Her brother sees no one since the divorce.", "private"),
    ("Her dad drove home after two glasses of water.", "private"),
    ("The bins sit by the gate on Mondays.", "private"),
    ("Her son's lego piles up in the hall.", "private"),
    ("Her mum is back to her old self after the hip operation.", "private"),
    ("Her team turned a corner after the new coach arrived.", "private"),
    ("I lie awake most nights myself when work is busy.", "private"),
])
def test_twenty_second_round_daily_living_symptoms_and_change(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-third round, mended on the misses of heldout71 and heldout72 (estimates
    # run first in the twenty-second round) and of train_more59, 60 and 62 (tuning batches:
    # risk in psychosis and mania, community mental-health records, daily life in plain
    # words). Each family worded anew; none of these sentences is in a corpus file. 72 of the
    # 124 fail on the round's start (the look-alikes at the end must stay private on both).
    ("Beck SSI total 11 at intake.", "safety"),
    ("SBQ-R 8 this visit.", "safety"),
    ("LTBs since last session: none.", "safety"),
    ("Diary card: urges to self-harm 4/5 on Friday.", "safety"),
    ("HITS screen completed, score 3.", "safety"),
    ("Wanted to know if people survive a jump off the viaduct.", "safety"),
    ("Asked how many of her sertraline tablets it would take.", "safety"),
    ("'Lethal dose' was in her search history.", "safety"),
    ("Warfarin stopped for a week deliberately, she admits.", "safety"),
    ("Has been leaving the hob on unlit at night.", "safety"),
    ("Says the voices told him to jump from the balcony.", "safety"),
    ("The voice keeps telling her to step in front of the lorries on the bypass.", "safety"),
    ("Walked straight out into oncoming traffic on Friday night.", "safety"),
    ("Now spends afternoons sitting by the railway line behind the estate.", "safety"),
    ("Talks of going somewhere no one would ever find him.", "safety"),
    ("Gave her bank passwords to her brother 'for afterwards'.", "safety"),
    ("Left all her passwords written out for her son.", "safety"),
    ("Says the blade is the only thing that calms her down.", "safety"),
    ("Rang the line at 2am with a razor blade in her hand.", "safety"),
    ("Says he'll get them before they get him.", "safety"),
    ("Threatened to torch the hostel if they evict him.", "safety"),
    ("Told staff he would finish his brother off.", "safety"),
    ("Came at his dad with a screwdriver last week.", "safety"),
    ("Set fire to her own bedding on the ward.", "safety"),
    ("Two drink-driving bans in his twenties.", "safety"),
    ("Her son was found locked in the garage overnight.", "safety"),
    ("Thinks the lodger is pocketing her dad's pension.", "safety"),
    ("The baby was left with a neighbour's ten-year-old until midnight.", "safety"),
    ("Risk level rated high after the call.", "safety"),
    ("Said the bridge is still an option.", "safety"),
    ("Has eaten nothing since Sunday, sure the food is drugged.", "safety"),
    ("Had nothing to eat or drink for two days.", "safety"),
    ("Nil by mouth for three days on her own say-so.", "safety"),
    ("Barricaded herself in the bedsit over the weekend.", "safety"),
    ("Was doing about 120 on the ring road at night.", "safety"),
    ("Reckless driving reported by her partner.", "safety"),
    ("Police picked him up walking along the railway line.", "safety"),
    ("Last seen heading for the quarry on Tuesday.", "safety"),
    ("Went off with strangers from the bus station twice.", "safety"),
    ("Fire-setting at the hostel last month.", "safety"),
    ("Pulled out two of his own teeth to stop the transmitter.", "safety"),
    ("Swallowed her whole week's supply on Monday.", "safety"),
    ("Took the lithium in one go after the row.", "safety"),
    ("Says the man next door needs to be dealt with.", "safety"),
    ("Says he wants to push someone in front of a train.", "safety"),
    ("Threatened his key worker with a broken bottle.", "safety"),
    ("Believes God has chosen her to punish the vicar.", "safety"),
    ("Keeps turning up at his ex-wife's work.", "safety"),
    ("Her nine-year-old has been getting the twins fed because mum is in bed all day.", "safety"),
    ("Drove the kids round in the car at 4 am to get away from the watchers.", "safety"),
    ("The voice says she should not be alive.", "safety"),
    ("Says he's done with it all.", "safety"),
    ("Found two months' worth of tablets stashed in her wardrobe.", "safety"),
    ("Her son takes her pension and keeps the rest.", "safety"),
    ("Pulled a knife on his brother at Christmas.", "safety"),
    ("Wonders whether anyone would notice if she just disappeared.", "safety"),
    ("Getting by on a few rice cakes a day.", "safety"),
    ("His father, 90, has not been fed or changed for days.", "safety"),
    ("PANSS total 72 on admission.", "test_results"),
    ("Recovery Star: managing mental health 5, work 3.", "test_results"),
    ("FEP, referred by GP.", "diagnosis"),
    ("Thinks the TV is sending him signals.", "symptoms"),
    ("Believes the bus numbers are coded messages for her.", "symptoms"),
    ("No hospital admissions in the last two years.", "progress"),
    ("Much calmer than when he first joined the group.", "progress"),
    ("Less convinced than she was last month that she's being followed.", "progress"),
    ("I expect a slow recovery given the length of the illness.", "prognosis"),
    ("I expect him to make a full recovery.", "prognosis"),
    ("We anticipate she'll need support for some months yet.", "prognosis"),
    ("Depot due Friday; last given 2 weeks ago.", "medication"),
    ("Missed last week's depot.", "medication"),
    ("Moved to the three-monthly injection in June.", "medication"),
    ("Only taking the tablets when he remembers.", "medication"),
    ("Neutrophils 2.1, green.", "test_results"),
    ("Her lithium level came back at 0.7.", "test_results"),
    ("Volunteers 10 hrs/wk at the food bank.", "functional_status"),
    ("Lost job after the second warning.", "functional_status"),
    ("Back at the call centre three days a week.", "functional_status"),
    ("Rent now three months behind.", "functional_status"),
    ("Forgot both dental appointments.", "functional_status"),
    ("Only washes when her sister visits.", "functional_status"),
    ("Can't face the supermarket at all.", "functional_status"),
    ("Living on cereal and takeaways.", "functional_status"),
    ("Has rung in sick three Mondays running.", "functional_status"),
    ("Doing half her normal hours at the bakery.", "functional_status"),
    ("Missed the last two seminars and one deadline.", "functional_status"),
    ("Hasn't been out with friends since Easter.", "functional_status"),
    ("Relies on her daughter to pay the bills.", "functional_status"),
    ("Shopping: son does it online for her.", "functional_status"),
    ("Sleep: 3-4 hrs, wakes at 2.", "symptoms"),
    ("Wakes at about five every morning and can't get back off.", "symptoms"),
    ("Says food tastes of nothing lately.", "symptoms"),
    ("Rates his mood at three out of ten most days.", "symptoms"),
    ("Going over and over the meeting in his head.", "symptoms"),
    ("Talking so fast today it was hard to follow.", "symptoms"),
    ("Spends about £30 a day on cannabis.", "symptoms"),
    ("Introduced the hot cross bun model with him today.", "modality_frequency"),
    ("CBTp, session 4.", "modality_frequency"),
    ("AOT: daily contact, weekends included.", "modality_frequency"),
    ("We've added it to her care plan.", "treatment_plan"),
    ("Plan is twelve sessions of family work.", "treatment_plan"),
    ("I'll ring her social worker about the housing forms.", "treatment_plan"),
    ("Handover to the CMHT in the new year.", "treatment_plan"),
    ("Ended the session at 30 minutes as she was unwell.", "session_times"),
    ("Her brother had a first-episode psychosis at nineteen.", "private"),
    ("The bus depot is next to her flat.", "private"),
    ("Her dad lost his job at the plant last spring.", "private"),
    ("She asked whether I sleep badly myself.", "private"),
    ("Her boss will kill her if the accounts are late again.", "private"),
    ("Loves walking the cliffs with her dog.", "private"),
    ("He drove the van to the coast for a day out.", "private"),
    ("They sat by the river for a picnic.", "private"),
    ("Her mum's risk level at the bank was raised after the fraud.", "private"),
    ("The novel's hero walks into traffic in chapter two.", "private"),
    ("Her lodger is three months behind with the rent.", "private"),
    ("Her husband rang in sick for her with the flu last year.", "private"),
    ("Her sister only showers after the gym.", "private"),
    ("Her son is living on pot noodles at university.", "private"),
    ("His flatmate's mood is all over the place.", "private"),
    ("She wants to sort out the garden shed before spring.", "private"),
    ("He's done with the old car at last.", "private"),
    ("She sorted out the neighbour dispute over the fence.", "private"),
    ("The film ends with the villain pushed off the cliff.", "private"),
    ("She keeps the rest of her wages in a savings account.", "private"),
])
def test_twenty_third_round_psychosis_community_and_daily_life(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-third round: a reviewer helper's fresh look-alikes and positives for this
    # round's families (it read only LABELING.md and the families in words): the ones that
    # were wrong at the round's start or on the families' first version, and are right now.
    ("BSS total 17 today, up from 9 at intake.", "safety"),
    ("Wondered aloud if 40 of her sleeping tablets would be enough.", "safety"),
    ("Laptop open on a forum about the least painful way to end your life "
     "when mum walked in.", "safety"),
    ("Goes to sit by the level crossing with her camera for the steam specials - trainspotter "
     "since she was nine.", "private"),
    ("Hears a man's voice saying 'jump' whenever she's near the multistorey.", "safety"),
    ("Keeps going to sit by the railway at night, doesn't know why, she says.", "safety"),
    ("AH: commanding her to go to the motorway bridge.", "safety"),
    ("Her barber says a hot towel and straight razor is the only thing that calms him.", "private"),
    ("She wants to spend a weekend somewhere nobody would find her phone signal, a silent "
     "retreat.", "private"),
    ("Wants to go somewhere no one would ever find her body.", "safety"),
    ("Talks about just slipping away quietly so nobody has to deal with it.", "safety"),
    ("Had a blade in her hand when her mum walked in.", "safety"),
    ("Told me she'd like to walk into the woods and never be found.", "safety"),
    ("Left her phone PIN for her daughter 'so she can get in after'.", "safety"),
    ("The mouse in the kitchen has to be dealt with before her mum visits.", "private"),
    ("The old sofa has to be got rid of before the new one arrives.", "private"),
    ("The weeds have to be dealt with before the garden party, she says.", "private"),
    ("Swung a hammer at his flatmate on Saturday.", "safety"),
    ("Set fire to her own mattress in the flat last night.", "safety"),
    ("Says the councillor 'needs taking out' and he knows where her surgery is held.", "safety"),
    ("Her nephew draws her nan's pension and gives her twenty quid of it.", "safety"),
    ("Pulled a blade on a lad at the bus stop.", "safety"),
    ("Hasn't eaten or drunk anything for three days, says she's being purified.", "safety"),
    ("Collapsed in the street on Friday, high and hadn't eaten since Monday.", "safety"),
    ("Has pushed the wardrobe against his front door and won't let the team in.", "safety"),
    ("Did 110 down the motorway to test whether God would protect him.", "safety"),
    ("Picked up by police wandering across the dual carriageway at 2am.", "safety"),
    ("Last seen on the coast path by the cliffs, phone off; wife has rung the police.", "safety"),
    ("Went off in a van with men she'd only just met, while very high.", "safety"),
    ("Lit fires in the bins outside her block this week.", "safety"),
    ("Pulled out two of his own teeth with pliers to get at the transmitter.", "safety"),
    ("The flood risk level for her street was raised to amber.", "private"),
    ("Her 10-year-old has been doing all the cooking and getting the twins to school while mum"
     " stays in bed.", "safety"),
    ("Social worker rated risk to the children as high.", "safety"),
    ("Risk to baby: medium, per the health visitor.", "safety"),
    ("Her eldest, 11, feeds and bathes the baby because mum can't get up.", "safety"),
    ("Three months in arrears on the flat.", "functional_status"),
    ("Keeps forgetting GP and dentist appointments.", "functional_status"),
    ("Only showers when her mum reminds her.", "functional_status"),
    ("Can't bring herself to go into the corner shop.", "functional_status"),
    ("Her dad pays her gas and electric now; she can't keep on top of it.", "functional_status"),
    ("Nothing's fun anymore, sang the band she saw on Friday; she loved it.", "private"),
    ("Says food has lost all its taste.", "symptoms"),
    ("Paced the room throughout the session.", "symptoms"),
    ("Spending about £20 a day on weed.", "symptoms"),
    ("Drew a mode map on the whiteboard for my supervision presentation.", "private"),
    ("Depot now every 12 weeks instead of monthly.", "medication"),
    ("I think she'll recover well given how quickly she engaged.", "prognosis"),
    ("We drew out his stress-vulnerability bucket together.", "modality_frequency"),
    ("Started CBTp with him today, weekly.", "modality_frequency"),
    ("Added 'back to college by September' as a goal on her care plan.", "treatment_plan"),
    ("Started sertraline last month - her sister, not pt.", "private"),
    ("Dx ADHD - her son's, not hers.", "private"),
    ("Overdosed last year - her friend from work, not the client.", "private"),
    ("Panic attacks - mine, before the audit.", "private"),
    ("Lithium level 0.8 - her dad's, she said in passing.", "private"),
    ("Weight down 4kg - her dog's, on the vet's diet.", "private"),
    ("Pulled a knife - in the play she's rehearsing at the community theatre.", "private"),
    ("PHQ-9 of 22 - her flatmate's, she mentioned it.", "private"),
])
def test_twenty_third_round_families_on_a_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-fourth round, mended on the misses of heldout76 (an estimate run first in
    # the twenty-third round) and of train_more63 to 66 (tuning batches: quoted client speech,
    # therapy through screens, risk with none of the usual risk words, private look-alikes).
    # Each family worded anew; none of these sentences is in a corpus file. 33 of the 65 fail
    # on the round's start (the look-alikes at the end must stay private on both).
    ("He has rehomed his two budgies with a neighbour, saying they'll be better off.", "safety"),
    ("Signed the motorbike over to his nephew last week; told him he won't be needing it.",
     "safety"),
    ("Set emails to her two sons to send on Sunday morning and wouldn't say what they are "
     "about.", "safety"),
    ("Left a voice note for her niece to be played in case she isn't around for the wedding.",
     "safety"),
    ("A card on the kitchen table thanked her husband for trying.", "safety"),
    ("He says his funeral is already paid for and the hymns are picked.", "safety"),
    ("Gave her brother the spare keys and the building society card, 'for after'.", "safety"),
    ("Still collecting the quetiapine every month without taking it.", "safety"),
    ("She has a shoebox of old codeine stashed away under the bed.", "safety"),
    ("Slipping a couple out of every pack into an old pill pot since June.", "safety"),
    ("Made a list of every pill in the house with the strengths beside them.", "safety"),
    ("Looked up which express services go through the station without stopping; no trip "
     "planned.", "safety"),
    ("Stood at the far end of the platform for forty minutes on Monday.", "safety"),
    ("Police found him on the harbour wall at 2am with his shoes off.", "safety"),
    ("Describes a pull to step in front of the buses on the high street.", "safety"),
    ("Thinks about swimming out past the buoys and not coming back.", "safety"),
    ("Said she won't need next week's session and wouldn't say why.", "safety"),
    ("Told the group it was the last time they'd have to put up with him.", "safety"),
    ("Says it wouldn't be a great loss to anyone if he went.", "safety"),
    ("Feels like a millstone round the family's neck.", "safety"),
    ("She has stopped going to dialysis and cancelled Friday's slot.", "safety"),
    ("Says he'll batter the landlord, and keeps a hammer by the door.", "safety"),
    ("One more word from him and she'll be waiting for him after work, she said.", "safety"),
    ("He put his hands around her throat on Saturday night.", "safety"),
    ("Found an AirTag under the seat of her car after he turned up at the gym.", "safety"),
    ("Her ex says he'll post the videos online if she leaves him.", "safety"),
    ("Her older brother kicks the toddler when no one is looking.", "safety"),
    ("Her uncle used to creep into her bedroom after everyone was asleep, from age nine.",
     "safety"),
    ("As a boy his dad would lock him in the cellar for hours.", "safety"),
    ("Her 6yo sits in the car while she does the Saturday shift at the market.", "safety"),
    ("Four kids under eight, no adult home after school most days.", "safety"),
    ("Had five cans and then did the school run with the kids.", "safety"),
    ("Her mum, 84, is left in bed most days while he is at work.", "safety"),
    ("Granddad's pension has nearly gone since the lodger started helping with his money, and "
     "the savings have dropped.", "safety"),
    ("She hasn't eaten for three days and fainted in the queue at the post office.", "safety"),
    ("She is down to a rice cake a day.", "safety"),
    ("Swallowed the rest of her sleeping tablets on Sunday evening.", "safety"),
    ("Keeps a disposable barbecue in the bedroom of his bedsit.", "safety"),
    ("Asked the pharmacist which tablets are the strongest.", "safety"),
    ("Bought a one-way ticket to Inverness; says she won't need a return.", "safety"),
    ("Says she is tired of waking up every day.", "safety"),
    ("Format: chat-based therapy, therapist replies within a day.", "modality_frequency"),
    ("Therapist support via secure messaging, weekly.", "modality_frequency"),
    ("Session cut short at twenty minutes because of her shift.", "session_times"),
    ("Sleep study in March: mild apnoea.", "test_results"),
    ("Sleeping about three hours a night since the move.", "symptoms"),
    ("Drinking half a bottle of vodka a night.", "symptoms"),
    ("Hasn't been into the office since the 14th.", "functional_status"),
    ("Bunking off every science lesson this half-term.", "functional_status"),
    ("I'll liaise with her care coordinator before the review.", "treatment_plan"),
    ("Goal achieved: back on the bus to work alone.", "progress"),
    ("Some change over the last six sessions, mostly in sleep.", "progress"),
    ("Gains are likely to be modest while the benefits appeal drags on.", "prognosis"),
    ("Her sister rehomed the cat when she moved abroad for work.", "private"),
    ("He signed the flat over to his daughter before emigrating to Spain.", "private"),
    ("She scheduled the newsletter to send on Friday.", "private"),
    ("Thanked the plumber for trying, but the boiler is still broken.", "private"),
    ("Her dad has been sorting his affairs since he retired, mostly tax paperwork.", "private"),
    ("They swam out to the raft and back twice.", "private"),
    ("She made her decision about the job offer and feels relieved.", "private"),
    ("He won't need the next appointment because he is moving to Leeds.", "private"),
    ("Her grandmother has been on dialysis for years and copes well.", "private"),
    ("The film's villain puts his hands round the hero's neck.", "private"),
    ("Her sister's boyfriend says he'll post the holiday videos online.", "private"),
    ("She talked about a sleep app her partner swears by.", "private"),
])
def test_twenty_fourth_round_finality_means_threats_and_screens(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-fourth round: a reviewer helper's fresh look-alikes and positives for this
    # round's families (it read only LABELING.md and the families in words): the ones that
    # were wrong at the round's start and are right now.
    ("Transferred the dog's microchip registration to her friend, no explanation offered when "
     "asked why.", "safety"),
    ("He left his laptop and watch with his flatmate and told him to keep them, he won't have "
     "a use for them.", "safety"),
    ("Recorded a message for his kids on his phone 'for if I'm not around to say it'.", "safety"),
    ("Set up a delayed email to her partner for the 14th; would not tell me what it says.",
     "safety"),
    ("Pt has prepaid her own cremation and picked the songs for it in the last month.", "safety"),
    ("Gave his sister the PINs and online banking logins, saying she'd know what to do with "
     "them afterwards.", "safety"),
    ("Has been picking up his antidepressants each month but not taking them; they're in a "
     "shoebox under the bed.", "safety"),
    ("Stopped her repeat script because she's got 'loads put aside'.", "safety"),
    ("Pt has written out every medication in the house with the quantities.", "safety"),
    ("Checked which trains come through the station without stopping though she had nowhere to"
     " go.", "safety"),
    ("Police brought him home from the harbour wall at 2 a.m.", "safety"),
    ("Describes a pull to walk out in front of the buses on the high road.", "safety"),
    ("Has been reading up on currents and where the estuary is emptiest after dark.", "safety"),
    ("Feels she's just a millstone for her family and they'd be lighter with her gone.", "safety"),
    ("Wonders whether anyone at work would even clock it if she didn't come in ever again.",
     "safety"),
    ("Hasn't gone to her last three haemodialysis sessions and hasn't told the unit why.",
     "safety"),
    ("Told me he's going to glass the bloke from the pub next time he sees him.", "safety"),
    ("Pt said the foreman had better watch himself in the car park tonight.", "safety"),
    ("Threatened to cut her with the bread knife during the row on Saturday, per client.",
     "safety"),
    ("Disclosed that her mother's boyfriend would get into her bed when she was about eight.",
     "safety"),
    ("As a child she was shut in the coal bunker for hours when she wet the bed.", "safety"),
    ("Her 5- and 6-year-olds get themselves up and off to school because she leaves for work "
     "at five.", "safety"),
    ("Neighbour found the two toddlers in nappies on the pavement after 11 at night.", "safety"),
    ("Her brother has been keeping their mum in bed all day and she has raw patches on her "
     "hips.", "safety"),
    ("Dad's accounts have been draining since the new 'friend' started helping him with his "
     "post.", "safety"),
    ("The carer has him sign cheques he can't read.", "safety"),
    ("Her aunt's home help has been taking notes out of her handbag, client thinks.", "safety"),
    ("Has a full pack of zopiclone on her bedside table and said tonight might be the night.",
     "safety"),
    ("Pt asked me how many co-codamol it would take and whether it would hurt.", "safety"),
    ("She wrote in the chat: \"I just want it all to stop for good\".", "safety"),
    ("Treatment delivered by secure messaging, asynchronous, responses within 24 hours.",
     "modality_frequency"),
    ("PHQ-9 completed in the app before session: 17.", "test_results"),
    ("Overnight polysomnography: moderate obstructive sleep apnoea, AHI 22.", "test_results"),
    ("Working fifty-hour weeks at the distribution centre.", "functional_status"),
])
def test_twenty_fourth_round_families_on_a_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-fifth round, mended on the misses of train_more67 to 69 (tuning batches:
    # later-life mental health, the safety net's hard calls, record facts in plain words) and of
    # heldout79 and heldout80 (estimates run first at the round's start, then spent). Each family
    # worded anew; none of these sentences is in a corpus file. 69 of the 95 positives fail on
    # the round's start (the look-alikes must stay private on both).
    ("Her granny drowned herself in the loch when Mum was a girl.", "safety"),
    ("FHx: stepdad gassed himself in the garage in 2009.", "safety"),
    ("His nan took a deliberate overdose the year before he was born.", "safety"),
    ("Her first attempt, at nineteen, was an overdose of paracetamol.", "safety"),
    ("The lodger now keeps his bank card and PIN 'so nothing gets lost'.", "safety"),
    ("A neighbour has been holding onto her pension book since the winter.", "safety"),
    ("Cash withdrawals at midnight that he cannot account for.", "safety"),
    ("Her grandson draws her pension each Monday and she hasn't had a penny of it since "
     "Easter.", "safety"),
    ("The son-in-law bought himself a van out of his savings.", "safety"),
    ("She has sent over 12,000 to a man she met online who says he is a surgeon abroad.", "safety"),
    ("His son says if he won't sign the bungalow over he'll stop visiting.", "safety"),
    ("Lottery letters arrive daily and he posts off cheques for the 'release fees'.", "safety"),
    ("The bank cashier rang the surgery worried about a large withdrawal.", "safety"),
    ("The bungalow was freezing when we arrived and there was no food in the fridge.", "safety"),
    ("Her gas has been cut off since October and she boils water in the kettle to wash.", "safety"),
    ("Going without dinner to keep the meter topped up.", "safety"),
    ("Lives on tea and toast most days now, per the district nurse.", "safety"),
    ("Hoarded papers blocking the front door and the stairs.", "safety"),
    ("A week of post behind the door when the warden let us in; four days of milk on the "
     "step.", "safety"),
    ("Told the ward she won't be going back to dialysis and seemed at peace with it.", "safety"),
    ("Stopped picking up his insulin - 'no point at my age'.", "safety"),
    ("Begged that no one try to talk him round about stopping food.", "safety"),
    ("'I've had my innings, I'm ready to go,' she told the nurse.", "safety"),
    ("Says she's had enough of this life and this useless body.", "safety"),
    ("Would refuse antibiotics next time the pneumonia comes back, he says.", "safety"),
    ("Everyone would be better off once she's out of the way, she says.", "safety"),
    ("Says he will sort it himself before he ends up in a home.", "safety"),
    ("Out of the blue she said not to bother with flowers when the time comes.", "safety"),
    ("She thanked me for everything, 'in case', at the end.", "safety"),
    ("He has been looking at the Dignitas website and printed the forms.", "safety"),
    ("Joked about the old shotgun in the barn being 'the answer'.", "safety"),
    ("Says the pills in the bathroom cabinet call to her when she can't sleep.", "safety"),
    ("She is scared of what she might do tonight.", "safety"),
    ("Nurses found capsules tucked into the hem of his dressing gown.", "safety"),
    ("Asked how deep the canal by the lock is, then laughed it off.", "safety"),
    ("If it got that bad again he'd phone the crisis team first, he says.", "safety"),
    ("Would take herself to A&E rather than act on it.", "safety"),
    ("Resident says the carers drag her to the toilet and shout at her.", "safety"),
    ("Her husband admits he gave her a shove when she wouldn't take her tablets.", "safety"),
    ("The carer says she is terrified she'll lose it with him one of these nights.", "safety"),
    ("Son has been slipping Dad extra sleeping pills so he stays in bed while he goes "
     "out.", "safety"),
    ("She locks herself in her room when she hears the grandson on the stairs.", "safety"),
    ("Her partner took a strap to his little boy last weekend.", "safety"),
    ("Says he'll put the foreman through the canteen window if he docks his pay again.", "safety"),
    ("Found at 4am in his slippers on the ring road.", "safety"),
    ("The session ran on by twenty minutes because of the interpreter.", "session_times"),
    ("Assessment lasted just over two hours.", "session_times"),
    ("In at 10, out at ten to eleven.", "session_times"),
    ("About forty minutes by phone, start to finish.", "session_times"),
    ("The usual fifty-minute hour, on time.", "session_times"),
    ("Her GP put it down to postnatal depression rather than tiredness.", "diagnosis"),
    ("The neurologist told the family it was the early stage of dementia.", "diagnosis"),
    ("Fit note from the surgery says stress at work.", "diagnosis"),
    ("Her blood tests came back normal apart from vitamin D.", "test_results"),
    ("The memory screen at the surgery was borderline.", "test_results"),
    ("Scored just above the cut-off on the carers' strain scale.", "test_results"),
    ("Still on the little white ones at night; no side effects.", "medication"),
    ("The doctor gave him something for sleep last month.", "medication"),
    ("Reminiscence therapy again, with photos from her nursing days.", "modality_frequency"),
    ("Set up a worry diary with her and went through how to fill it in.", "modality_frequency"),
    ("Grounding today when the old memory came up.", "modality_frequency"),
    ("Before next session he'll try the breathing twice a day.", "treatment_plan"),
    ("Next time we'll look at the letter to his brother together.", "treatment_plan"),
    ("Nightmares down from most nights to about twice a week.", "progress"),
    ("Two more outings than last week, and she enjoyed one.", "progress"),
    ("Calmer at school than a month ago, per his teacher.", "progress"),
    ("I'd expect a slow recovery given how long this has gone on.", "prognosis"),
    ("Likely a long road back after the stroke.", "prognosis"),
    ("Only drives when his daughter is with him now.", "functional_status"),
    ("Carers help him with showering three mornings a week.", "functional_status"),
    ("Walks outdoors with a rollator.", "functional_status"),
    ("Marked word-finding difficulty through the session.", "symptoms"),
    ("Drinking half a bottle of vodka a day, by his own account.", "symptoms"),
    ("Came in looking exhausted and dishevelled.", "symptoms"),
    ("Hasn't slept properly for five nights.", "symptoms"),
    ("Her sister's work meeting ran over by an hour and she missed the train.", "private"),
    ("The film felt as though it lasted three hours, she joked.", "private"),
    ("I keep wondering whether she's testing me to see if I'll stay.", "private"),
    ("Her neighbour's husband drinks a bottle of wine a night, she says, and it worries "
     "her.", "private"),
    ("She found a shoebox of old photos from her nursing days and brought two in.", "private"),
    ("Her late father walked with a stick in his last years.", "private"),
    ("We talked about how her mother used to joke about everything.", "private"),
    ("She dreamed the reservoir was deep enough to swim in and woke up laughing.", "private"),
    ("My gut says she was relieved to talk about her dad at last.", "private"),
    ("Wants to keep some of the sleeping tablets back, in case it ever comes to that.", "safety"),
    ("Says the morphine in the drawer would be enough if he ever needed it to be.", "safety"),
    ("Her 'helper' stands next to her at the cash machine while she takes money out.", "safety"),
    ("She gave the caller her card details and the account was emptied by teatime.", "safety"),
    ("Small round burns on both forearms, cigarette-sized, no explanation given.", "safety"),
    ("The signatures on the last three cheques don't look like his.", "safety"),
    ("The cleaner has been 'borrowing' cash from his wallet, he thinks.", "safety"),
    ("Her nephew sold her car while she was in hospital without asking her.", "safety"),
    ("She whispered that one of the carers is rough with her at night.", "safety"),
    ("He lay on the kitchen floor for two days before anyone came.", "safety"),
    ("Labelled the furniture with who gets what, 'to save the kids the bother'.", "safety"),
    ("Keeps his late wife's tramadol and wouldn't hand it over for disposal.", "safety"),
    ("Her 9yo looks after the two younger ones till their mum gets home at eight.", "safety"),
    ("His wife will hold the tablets and give him one dose at a time for now.", "safety"),
    ("Crisis numbers on her phone: 111 option 2, then Samaritans 116 123.", "safety"),
    ("Dreamed she swallowed the whole bottle of her dad's pills and woke up relieved.", "safety"),
    ("Her cousin's husband said he knows which school her kids go to.", "safety"),
    ("Says he'd make sure none of them got far if she took the children.", "safety"),
    ("Her uncle's death on the rocks was no accident, she found out last year.", "safety"),
    ("Hears her late mother's voice telling her to walk into the sea.", "safety"),
    ("Says she wouldn't see the point in carrying on if her husband died first.", "safety"),
    ("If things get that bad with the neighbours she'll ring the council.", "private"),
    ("Her student flat was freezing all last winter, she grumbled.", "private"),
    ("Her book club calls itself cognitive stimulation with wine.", "private"),
    ("Nan threw herself under the bus at the quiz by owning up to the mix-up.", "private"),
    ("She asked that nobody try to talk her round about selling the caravan.", "private"),
])
def test_twenty_fifth_round_later_life_safety_net_and_plain_words(text: str,
                                                                   expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-fifth round: a reviewer helper who read only LABELING.md and this round's
    # families in words wrote 180 look-alikes and 100 positives; 74 of its 280 were wrong on the
    # round's start, 17 at its end. These are the ones the round's rules changed.
    ("FHx: paternal grandmother gassed herself (oven), 1974.", "safety"),
    ("Grandpa took a deliberate OD of his heart pills the winter after Grandma passed, client "
     "told me.", "safety"),
    ("He only learned last year that his gran threw herself under a train before he was "
     "born.", "safety"),
    ("Mum's bank card and PIN are kept by the lodger 'for safekeeping' and she can't account "
     "for £2,300 gone since June.", "safety"),
    ("She's been wiring money to a man she met on a widows' chat site, about nine thousand so "
     "far — he's 'stuck overseas'.", "safety"),
    ("Her son keeps at her to sign the bungalow over to him, or he'll stop bringing the "
     "grandkids round.", "safety"),
    ("Building society rang his daughter — Dad's savings down by thousands in a fortnight, "
     "withdrawals he can't explain.", "safety"),
    ("Mrs K, 84, has had no electric since the meter ran out Friday — sitting in the dark in "
     "her coat.", "safety"),
    ("She's skipping meals and leaving the heating off to make the pension stretch; tea and "
     "biscuits most nights, she's 81.", "safety"),
    ("The hoard now blocks the back door and half the stairs; Mr T, 81, sleeps in the chair "
     "downstairs as he can't get up to bed.", "safety"),
    ("Told the renal nurse she won't be back for dialysis Thursday — 'I've done my "
     "bit.'", "safety"),
    ("Hasn't collected her heart tablets in three weeks: 'what's the point at my age.'", "safety"),
    ("'Let me go to him, love, I've had my life' — said twice today about her late "
     "husband.", "safety"),
    ("Only taking sips of water since Monday; says she's a nuisance and would rather stop "
     "eating altogether.", "safety"),
    ("Reckons the family would have an easier time of it once she's out of the road.", "safety"),
    ("Thanked me for everything at the door 'just in case' — wouldn't say in case of "
     "what.", "safety"),
    ("Has been reading up on Dignitas and keeps the forms in her bedside drawer.", "safety"),
    ("Went through her wardrobe labelling who gets which coat, 'so nobody has to bother "
     "after.'", "safety"),
    ("Says the knives in the drawer 'call to her' at night, so she's asked her husband to "
     "keep them in the car.", "safety"),
    ("'I'm scared of myself at the minute' — would not elaborate.", "safety"),
    ("Night staff found tablets stitched into the lining of his dressing gown.", "safety"),
    ("Asked me, sort of offhand, whether the reservoir up at Hollins is deep enough at the "
     "far end.", "safety"),
    ("If it ever got that bad again she'd ring her sister in Galway, or get herself to A&E "
     "rather than do anything.", "safety"),
    ("Saw a care assistant yank Dad up by the arm and drag him to the toilet; she's "
     "complained to the manager.", "safety"),
    ("Son's giving Mum extra of the calming tablets at night so she'll sleep and stop ringing "
     "him.", "safety"),
    ("Mrs P says she stays in her room with the door shut whenever her son comes round.", "safety"),
    ("Pt says if the landlord comes round again 'he's going through that wall.'", "safety"),
    ("Threatened to put her ex through the front window at handover, in front of the "
     "kids.", "safety"),
    ("Says he'll 'stick the manager through the plate glass' if they dock his wages "
     "again.", "safety"),
    ("Hx: attempt 2015 — hanging, cut down by flatmate.", "safety"),
    ("Police brought Mum home at 3am — found in her nightie on the dual carriageway, no "
     "shoes.", "safety"),
    ("Wandered from the home twice this month, the second time into the middle of the ring "
     "road.", "safety"),
    ("Husband found her at 2am at the bus stop on the main road in her dressing gown, "
     "thinking it was time for work.", "safety"),
    ("Still on the little white ones, one at bedtime.", "medication"),
    ("Doctor's started her on a new yellow tablet for the mood and she thinks it's drying her "
     "mouth out.", "medication"),
    ("GP gave him something for the sleep — can't remember the name, takes it most "
     "nights.", "medication"),
    ("Memory check at the surgery came back a few points under, so they've sent her on to the "
     "clinic.", "test_results"),
    ("Bloods all fine, thyroid included, per the practice nurse.", "test_results"),
    ("GP has put it down to baby blues and said to give it a few weeks.", "diagnosis"),
    ("Psychiatrist thinks it's a mood illness rather than just stress at work.", "diagnosis"),
    ("School assessments all said it was his attention, per Mum.", "diagnosis"),
    ("I'd expect her memory to keep slipping over the coming year; planning should allow for "
     "it.", "prognosis"),
    ("Aiming at stability rather than full recovery — realistic given the long "
     "course.", "prognosis"),
    ("His difficulties will likely be lifelong, though he should cope well with the right "
     "support around him.", "prognosis"),
    ("Before next time she'll keep a diary of when the worry peaks.", "treatment_plan"),
    ("Next session we'll rehearse what she wants to say to her brother.", "treatment_plan"),
    ("Family meeting ran close on two hours.", "session_times"),
    ("In at nine, out at ten to ten.", "session_times"),
    ("Roughly forty minutes start to finish, cut short as she had a hospital "
     "appointment.", "session_times"),
    ("Can no longer find his way to the paper shop he's used for twenty "
     "years.", "functional_status"),
    ("Only drives now with his wife in the passenger seat.", "functional_status"),
    ("Says she can't manage on her own any more and is looking at sheltered "
     "housing.", "functional_status"),
    ("Noticeable word-finding trouble today — lost 'kettle' and 'Tuesday'.", "symptoms"),
    ("Sees people in the garden she knows aren't there; not distressed by it.", "symptoms"),
    ("Presented worn out and unkempt, hair unwashed, cardigan inside out.", "symptoms"),
    ("Not much in her face today; answered mostly in single words.", "symptoms"),
    ("Wrote down the thought 'I'm useless' and worked out a kinder answer to it "
     "together.", "modality_frequency"),
    ("By video today as she's snowed in.", "modality_frequency"),
])
def test_twenty_fifth_round_families_on_a_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-sixth round, mended on the misses of heldout85 and heldout86 (run first
    # at the round's start, then read) and of train_more70 to train_more72 (tuning batches:
    # substance-use treatment and harm reduction, family violence, sentences that name other
    # people). Each family worded anew; none of these sentences is in a corpus file. 59 of the
    # 81 positives fail on the round's start; of the look-alikes, which must stay private, one
    # ("apologises for everything, even the rain") was flagged on the round's start.
    # "her own" after a husband or father is the client's (context.py, _reflexive_fits).
    ("Two non-fatal ODs since the summer, the last one brought round by the ambulance crew. "
     "", "safety"),
    ("Hx of OD x2, both on heroin and street benzos.", "safety"),
    ("He went over at a party in May and his mate rang 999 and did CPR till they came.", "safety"),
    ("Narcan was given to him in the hostel corridor on Saturday night.", "safety"),
    ("Woke up on the kitchen floor with no memory of the last three hours after using.", "safety"),
    ("After six weeks in rehab his tolerance will have dropped right off.", "safety"),
    ("Just out of prison and says he'll go straight back to his old amount.", "safety"),
    ("Always shoots up by himself in the bedsit with the door locked.", "safety"),
    ("Nobody at home knows he's drinking again; he hides the cans in the shed.", "safety"),
    ("The gear round here changed last week and three people ended up in hospital.", "safety"),
    ("Has started buying off a new dealer since his usual one moved away.", "safety"),
    ("Takes a couple of street Valium on top of her 80 mg methadone most nights.", "safety"),
    ("Drinks four cans with his evening bupe, then some pregabalin.", "safety"),
    ("Drove to the clinic after a couple of lines, says he 'was fine'.", "safety"),
    ("Did the nursery run the morning after a heavy session, probably still over the limit. "
     "", "safety"),
    ("Woke up behind the wheel in a lay-by with the engine still running.", "safety"),
    ("Nodded off on the settee after using while the 3yo was awake in the room.", "safety"),
    ("Keeps her needles in a biscuit tin the toddler can reach.", "safety"),
    ("Leaves the kids with her drunk boyfriend when she goes out to score.", "safety"),
    ("Has not been drinking her take-home methadone; the bottles are stashed under the sink. "
     "", "safety"),
    ("Putting aside one of her zopiclone each night in a jam jar 'for later'.", "safety"),
    ("Wants to test whether the implant still blocks a hit.", "safety"),
    ("Said he couldn't care less whether he wakes up tomorrow.", "safety"),
    ("Thinks everyone would manage fine if the booze finally did its job.", "safety"),
    ("I'm genuinely afraid she'll be found dead in that flat.", "safety"),
    ("Left letters for his daughters with his sister 'in case anything happens'.", "safety"),
    ("Tried to give me his bank card and PIN 'for safekeeping, just in case'.", "safety"),
    ("Shares works with his girlfriend because 'it's only her'.", "safety"),
    ("She's been injecting into her groin since her arm veins collapsed.", "safety"),
    ("Abscess on his thigh is hot and weeping and he refuses to go to A&E.", "safety"),
    ("Owes his dealer 600 and they've threatened to break his knees.", "safety"),
    ("Swapping sex for crack with a man in the next block.", "safety"),
    ("Her 14-year-old has been picking up pills for her from a lad at the park.", "safety"),
    ("Drinking while breastfeeding her six-week-old, and co-sleeping after a few glasses. "
     "", "safety"),
    ("Nodding at the wheel on the way home since his dose went up.", "safety"),
    ("Bought 'diazepam' off a website and has no idea what's in them.", "safety"),
    ("Fent strip came up positive on his bag and he used it anyway.", "safety"),
    ("Asked if we'd look after his cat if anything happened to him.", "safety"),
    ("Two mates have died since Easter and he reckons he's 'probably next'.", "safety"),
    ("Plans to score the minute he's discharged from the ward.", "safety"),
    ("A runner has taken over his flat and he's too scared to tell him to leave.", "safety"),
    ("Said everything went black for a moment when he knelt on her throat.", "safety"),
    ("He put his hand over her mouth and nose until she couldn't breathe.", "safety"),
    ("Found a little black box stuck under the bumper of her car.", "safety"),
    ("Her ex somehow always knows which shop she's in.", "safety"),
    ("He's been waiting in the car park outside the surgery where she works.", "safety"),
    ("Protective order in place since June, but he came round to the house on Sunday anyway. "
     "", "safety"),
    ("Two breaches of the order logged with police this month.", "safety"),
    ("Referred to MARAC after she disclosed the strangulation.", "safety"),
    ("IDVA allocated and meeting her at the library next week.", "safety"),
    ("She has applied under Clare's Law about her new boyfriend.", "safety"),
    ("Says he'll take the girls to his parents in Lahore and she will never see them again. "
     "", "safety"),
    ("He sent her a video of her dog dangled out of the car window.", "safety"),
    ("Threatened to share the photos with her employer unless she withdraws her statement. "
     "", "safety"),
    ("Left a voicemail: 'if I can't have you, no one can'.", "safety"),
    ("He told her she 'won't see her birthday'.", "safety"),
    ("She keeps her shoes on in bed with her phone in her pocket in case she has to run. "
     "", "safety"),
    ("The kids hide under the stairs whenever they hear his car.", "safety"),
    ("Nowhere to go tonight and no refuge space in the county.", "safety"),
    ("Her passport and the kids' birth certificates are hidden at her sister's, ready for when "
     "she leaves.", "safety"),
    ("Seven months pregnant and he pushed her down the back step.", "safety"),
    ("Her partner has a shotgun licence and keeps the gun in the wardrobe.", "safety"),
    ("A credit card was taken out in her name and he ran it up to the limit.", "safety"),
    ("He hid her contraceptive pills so she would get pregnant.", "safety"),
    ("Her uncles are sent to check who she talks to at college.", "safety"),
    ("Second Sublocade injection given today, no site reaction.", "medication"),
    ("Missed three days of his bupe when the pharmacy was closed.", "medication"),
    ("Came off her sertraline herself over Christmas.", "medication"),
    ("Moved up to phase 3 of the programme after 90 clean days.", "progress"),
    ("Much calmer than at intake; now names her triggers herself.", "progress"),
    ("I'd expect modest gains while the housing situation is unresolved.", "prognosis"),
    ("Session started at 14.10 and finished at 15.00.", "session_times"),
    ("Assessment ran 2 hours including the risk paperwork.", "session_times"),
    ("Key worker to go with her to the housing appointment on Friday.", "treatment_plan"),
    ("Hep C antibody came back reactive; RNA to follow.", "test_results"),
    ("Back on the site rota three days a week.", "functional_status"),
    ("Has been off sick for two weeks with her back.", "functional_status"),
    ("Refuses to go to school most mornings, per his dad.", "functional_status"),
    ("Since her father's death, her own GAD-7 has climbed to 16.", "test_results"),
    ("GP letter confirms opioid dependence.", "diagnosis"),
    ("His brother has had two non-fatal ODs; he worries about him constantly.", "private"),
    ("We talked in general about why tolerance drops after a stay in prison.", "private"),
    ("She works on her own in the library most afternoons.", "private"),
    ("His sponsor drives him to meetings in the evenings.", "private"),
    ("Dreamt she was back in the squat and someone had left the door open.", "private"),
    ("Her mum used to have a glass of wine with her Valium, she remembers.", "private"),
    ("Throws the dog's ball in the park every morning before work.", "private"),
    ("The project moved up to phase 2 at his work, which he's proud of.", "private"),
    ("I notice I feel protective of her, almost parental.", "private"),
    ("He apologises for everything, even the rain.", "private"),
    ("Gave his old records to his nephew when he cleared out the loft.", "private"),
    ("Her husband's own PHQ-9 at his GP was 15; she worries about him.", "private"),
    ("His mum told me about her own drinking in the seventies.", "private"),
    ("Before next session: read up on harm reduction so I stop fumbling the language.", "private"),
    ("Her friend is on the monthly depot and swears by it.", "private"),
    ("Outlook fair: first go on maintenance after three detoxes.", "prognosis"),
    ("'If I can't have you, nobody will' is the line she has to sing in the show.", "private"),
    ("My tolerance for the noise in that waiting room has gone.", "private"),
])
def test_twenty_sixth_round_substance_use_family_violence_and_plain_words(text: str,
                                                                           expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-sixth round: a reviewer helper who read only LABELING.md and this round's
    # families in words wrote 200 look-alikes and 100 positives. Wrong on the round's start: 92
    # of 300; on the families' first version 66; after narrowing and widening 21. These are the
    # 74 rows the round put right.
    ("Her partner found her grey and not breathing right on the bathroom floor in March and rang "
     "999; she calls it 'my little wobble'.", "safety"),
    ("He came to on the kitchen lino with no idea how long he'd been gone, works still out on the "
     "table.", "safety"),
    ("Released from HMP Thurs after 8 months clean inside, went straight back to his old half "
     "gram, says it 'floored' him, tolerence clearly gone.", "safety"),
    ("After three weeks in detox she took what she always used to and was out cold for ages; she "
     "honestly hadn't realised her tolerance would go.", "safety"),
    ("Off the blocker jabs since October and plans to 'pick up where I left off' once it's worn "
     "off.", "safety"),
    ("Uses on her own every time now, door locked, so 'nobody has to see'; no one at home knows "
     "she's back on it.", "safety"),
    ("Says the gear's changed, new lot off a different line that hits 'way quicker', and two lads "
     "from his hostel got blue-lighted Sunday; still using it.", "safety"),
    ("Reckons the new batch going round has fent in it and she's 'just using half' to be safe. "
     "", "safety"),
    ("New dealer since Xmas, stuff is 'different, a lot stronger', and she had a near miss last "
     "wk.", "safety"),
    ("Taking street Xanax most nights on top of her methadone, 'just to switch my head off'. "
     "", "safety"),
    ("Still having three or four pints down the pub after his evening bupe.", "safety"),
    ("Gets pregabalin off a mate and takes it with the heroin; doesn't see what the fuss is "
     "about.", "safety"),
    ("Woke up behind the wheel at a red light with the engine running, after a smoke in the car "
     "park beforehand.", "safety"),
    ("Drove the kids to school the morning after a two-bottle night and reckons he'd still have "
     "blown over.", "safety"),
    ("Per HV, toddler (2) has the run of the flat while mum's gouching on the settee.", "safety"),
    ("Keeps his works in a shoebox under the bed, right where the baby crawls.", "safety"),
    ("School rang twice last month because she was too out of it to pick up her six-year-old. "
     "", "safety"),
    ("Hasn't been drinking his take-homes; keeping the bottles in the wardrobe and wouldn't say "
     "what for.", "safety"),
    ("Drops one tablet a night into an old vitamin tub 'in case I ever need them all at once'. "
     "", "safety"),
    ("Said she's been 'testing' whether the naltrexone still blocks by using on top of it. "
     "", "safety"),
    ("Reckons the family'd be better off if the drink just finished the job.", "safety"),
    ("His sister says they won't be chasing after him much longer 'the way he's going', and I'm "
     "genuinely frightened he'll be found dead one of these mornings.", "safety"),
    ("Tried to give me his spare house keys 'for safe keeping, just in case' - didn't take them. "
     "", "safety"),
    ("Gave her bank card and PIN to her sister last week, telling her 'you might as well have "
     "it'.", "safety"),
    ("Re his ex: 'she'll find out what I'm capable of', and he knows the new address, drove past "
     "it on Sunday.", "safety"),
    ("Her ex texted 'you'll be sorry' and has been seen on her road twice since she moved. "
     "", "safety"),
    ("Remembers her stepdad giving her 'his sleepy tablets' at bedtime when she was about seven "
     "so she'd stay in her room.", "safety"),
    ("Found out from her aunt that her mam used to put vodka in her bottle as a baby to get her "
     "to sleep.", "safety"),
    ("Ordering vallies online and taking two or three with her night-time dose.", "safety"),
    ("Sticks one of his dad's fentanyl patches on over his methadone when his back's bad. "
     "", "safety"),
    ("Been getting 'bars' off a Telegram group, reckons they're legit but has no idea what's in "
     "them, takes 2-3 arvo and night.", "safety"),
    ("Fent strip lit up on his last bag and he used it anyway, 'just slower'.", "safety"),
    ("Her usual guy got lifted so she's buying off a new lad in the flats with no idea what's in "
     "it; 'it's heavier', she says.", "safety"),
    ("Shares a spoon and filter with his partner 'because we're together anyway'.", "safety"),
    ("Uses in the disabled loo at the station with the door locked; her mate left while she was "
     "still under last time.", "safety"),
    ("Owes his dealer about 400 quid; two lads came to the door Friday and said they'd 'do his "
     "knees'.", "safety"),
    ("A lad from Birmingham has been staying at his since August and running business out of the "
     "flat; pt says he can't ask him to go.", "safety"),
    ("A 'friend' more than twice her age pays her rent and holds onto her phone, and sometimes "
     "she has sex with him for gear.", "safety"),
    ("Was injecting at the kitchen table while her 4yo watched telly in the next room.", "safety"),
    ("Drinking a bottle of wine most nights while still breastfeeding, and the baby sleeps in her "
     "bed.", "safety"),
    ("Since the dose went up he's been nodding off at the wheel on the drive back from the "
     "chemist.", "safety"),
    ("'Half my mates are dead now. I'm probably next,' he said, quite flat.", "safety"),
    ("Wants the team to 'sort the dog out if anything happens to me'.", "safety"),
    ("Says things 'went fuzzy' when he had his forearm across her throat on Saturday.", "safety"),
    ("He held his hand over her nose and mouth until she stopped screaming.", "safety"),
    ("GP referral letter gives the choking she disclosed as the main reason for sending her. "
     "", "safety"),
    ("Her ex always seems to know which café she's in; phone battery draining fast and there's an "
     "app on it she never installed.", "safety"),
    ("He's been parked in the car park at her work most afternoons since she left him.", "safety"),
    ("Non-mol granted in May; he's turned up at the school gates twice since, both breaches "
     "reported to police.", "safety"),
    ("He's told her he'll take the boys to his brother's in Pakistan and she'll never see them "
     "again; their passports are at his mum's.", "safety"),
    ("Her ex held the cat out over the balcony rail while she begged, 'to show me he could'. "
     "", "safety"),
    ("He says he'll send 'those videos' to her pastor unless she drops the order.", "safety"),
    ("Goes to bed fully dressed with keys and phone in her pocket in case she has to get out "
     "fast.", "safety"),
    ("The kids hide in the airing cupboard when they hear his van pull up outside.", "safety"),
    ("Nowhere to go tonight and every refuge full; rang the national line with her from the room. "
     "", "safety"),
    ("He shoved her into the worktop when she was six months gone with their youngest.", "safety"),
    ("Checks every receipt and times her trips to Aldi; she has to text him a photo of the till "
     "roll.", "safety"),
    ("Found out he'd taken out two loans in her name, and he rang her manager to get her shifts "
     "cut.", "safety"),
    ("Non-mol granted in March; he was outside her mum's within the week.", "safety"),
    ("The kids' passports are at his flat; she's terrified he'll book flights.", "safety"),
    ("XR-NTX given today, L glute, next due in 4/52.", "medication"),
    ("First Buvidal monthly given in clinic Thursday, no injection-site problems.", "medication"),
    ("DBS for HCV ab: reactive. RNA sent, result pending.", "test_results"),
    ("Hep B surface antigen negative and immune from vaccination per last bloods.", "test_results"),
    ("Staying in treatment looks unlikely unless the housing gets sorted first.", "prognosis"),
    ("Moved up to phase 2 of drug court last week and was beaming about it.", "progress"),
    ("Recovery coach to go with him to the hepatology appt on the 14th.", "treatment_plan"),
    ("Key worker will meet her at the surgery on Friday for the GP review.", "treatment_plan"),
    ("Intake ran two hours, 1pm to 3pm, interpreter present throughout.", "session_times"),
    ("Doing the school run and the kids' teas on her own now.", "functional_status"),
    ("Back on the warehouse rota four days a week since Monday.", "functional_status"),
    ("Barely leaves the flat apart from the 3pm pickup.", "functional_status"),
    ("Her son was discharged from CAMHS last week and her own sertraline went up to 100mg on "
     "Friday.", "medication"),
    ("Since his mother's death, his own thoughts of not waking up have crept back in.", "safety"),
])
def test_twenty_sixth_round_families_on_a_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-sixth round, mended on the misses of train_more73 to train_more75
    # (tuning batches: hurried notes with none of the usual risk words, men's mental health in
    # farming, trades and first-responder work, risk carried by the body). Each family worded
    # anew; none of these sentences is in a corpus file. 29 of the 47 positives fail on the
    # round's start; none of the look-alikes is flagged there or now.
    ("Attempted hanging at nineteen, cut down by her brother.", "safety"),
    ("He tried to drown himself off the pier in 2015.", "safety"),
    ("Endorses a passive wish not to wake up most mornings.", "safety"),
    ("'Sometimes I think I'll just end myself and save everyone the bother.'", "safety"),
    ("Says the pain won't decide for her: 'I'll decide when'.", "safety"),
    ("Wrote out a new will last night without telling his wife.", "safety"),
    ("She has picked the songs for her own funeral and sent them to her daughter.", "safety"),
    ("Has written down all his passwords for his son 'to make things easier'.", "safety"),
    ("Phoned the insurer to check the policy pays out if he dies, whatever the cause.", "safety"),
    ("Looked up what happens to a mortgage when someone dies.", "safety"),
    ("He's been 'sorting things out' for the family since the bank letter.", "safety"),
    ("Texted his brother thanking him for everything and saying sorry for all of it.", "safety"),
    ("Left me a voicemail: 'thanks for trying with me'.", "safety"),
    ("Said the debts 'won't be my problem much longer'.", "safety"),
    ("Asked his wife whether she'd manage the farm without him.", "safety"),
    ("'Nobody would notice for a month if I stopped turning up.'", "safety"),
    ("Sat looking at the tablets for ages last night and counted them out twice.", "safety"),
    ("Says he knows exactly how much of the insulin in the fridge it would take.", "safety"),
    ("Found a rope looped over a beam in his garage.", "safety"),
    ("Thinks about stepping off the platform so it would be nobody's fault.", "safety"),
    ("Went to the top of the car park and leaned over the barrier for a long time.", "safety"),
    ("Keeps picturing swerving into an oncoming truck on the motorway.", "safety"),
    ("Works on the roof without a harness now, 'not bothered either way'.", "safety"),
    ("Stopped her insulin for a week to lose weight and ended up in resus.", "safety"),
    ("She's been skipping her long-acting on purpose because she'd rather be thin.", "safety"),
    ("Stopped his anti-rejection tablets; says he never deserved the kidney.", "safety"),
    ("Let her HIV meds lapse; 'there's no point now'.", "safety"),
    ("Blood sugars in the 30s all week, on purpose, she admits.", "safety"),
    ("Nearly fainted after a ten-mile run on no breakfast.", "safety"),
    ("Laxatives most nights; got dizzy and collapsed in the shower on Monday.", "safety"),
    ("Eating about 300 kcal a day since the holiday.", "safety"),
    ("The baby went without a feed for most of Saturday, per the health visitor.", "safety"),
    ("Baby now dropping through the centiles; mum says she forgets feeds.", "safety"),
    ("Left the newborn alone in the flat while she went to the cashpoint.", "safety"),
    ("Neighbour found the toddler wandering outside in the rain while mum was asleep.", "safety"),
    ("Her partner locks the 8-year-old in the cupboard as a punishment.", "safety"),
    ("Her new boyfriend keeps asking to bath her daughter.", "safety"),
    ("His carer takes him to the cashpoint and keeps the cash.", "safety"),
    ("Says that after the hearing 'someone's going to pay for this'.", "safety"),
    ("Drinks in the cab overnight and then takes the wheel at six, still over.", "safety"),
    ("Has been putting her tramadol aside in a jar 'for when it gets too much'.", "safety"),
    ("Gave her brother her bank card and the dog 'just in case'.", "safety"),
    ("Back farming full-time since the spring.", "functional_status"),
    ("Working part-time from home, two days a week.", "functional_status"),
    ("Agreed to step him down to monthly after the summer.", "treatment_plan"),
    ("PGSI 12 at intake.", "test_results"),
    ("Post-exertional malaise lasting three days after the wedding.", "symptoms"),
    ("Her grandad attempted the Three Peaks at seventy, a family legend.", "private"),
    ("We talked about wills and why people put them off.", "private"),
    ("Her sister stopped her insulin pump for the swim and reconnected after.", "private"),
    ("I felt faint after the long session; skipped breakfast this morning.", "private"),
    ("Her husband is working part-time since his stroke.", "private"),
    ("She picked the songs for her sister's wedding and cried telling me.", "private"),
    ("Her dog went without breakfast because she overslept, she laughed.", "private"),
])
def test_twenty_sixth_round_attempts_affairs_in_order_and_the_body(text: str,
                                                                   expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-seventh round, mended on the misses of train_more76 to train_more78
    # (tuning batches: child and adolescent mental health and safeguarding, anxiety and
    # body-related specialty care, words of danger used harmlessly) and on old false flags from
    # term lists. Each family worded anew; none of these sentences is in a corpus file.
    # 38 of the 61 positives fail on the round's start, and 9 of the 23 look-alikes.
    ('Mum always says theirs was a shotgun wedding, and she tells it with a grin.', 'private'),
    ('Her son calls shotgun every morning before the school run.', 'private'),
    ('He was the one who fired the starting pistol at the village fun run.', 'private'),
    ('The leaving do was an overdose of speeches and warm prosecco, she said.', 'private'),
    ('Her cousin is a firearms officer in the Met and never talks about work.', 'private'),
    ('The overdose storyline in the soap upset her mum, not her.', 'private'),
    ('He knocked himself out on the low beam of the barn as a boy.', 'private'),
    ('They went to a clay pigeon shoot for his fortieth.', 'private'),
    ('The lorry hit his car at the roundabout in 2009; nobody was hurt.', 'private'),
    ('She finally hit her stride at the new job this month.', 'private'),
    ("Her dad jokes that she'll kill him with her cooking.", 'private'),
    ('He keeps a loaded pistol in the glovebox since the row with his neighbour.', 'safety'),
    ("Bought a shotgun last week and won't say why.", 'safety'),
    ('Says she will overdose on her tablets if he leaves.', 'safety'),
    ('He hit his wife during the argument on Saturday.', 'safety'),
    ('Her partner has a firearm at home and threatened to use it.', 'safety'),
    ('She has been putting aside two of her zopiclone each week for a really bad night.',
     'safety'),
    ('Admits he skipped his insulin deliberately over the weekend to feel something.', 'safety'),
    ("Asked reception where his social worker lives and got angry when they wouldn't say.",
     'safety'),
    ('Her stepdad drives the girls to school after six pints, all over the road.', 'safety'),
    ("Left a buckle mark across the boy's arm, the nursery said.", 'safety'),
    ('Someone online told him to pay £150 by tonight or the photos go to his whole school.',
     'safety'),
    ("He says he'll post the old pictures unless she sends new ones.", 'safety'),
    ("She sent the pictures last month and now he's demanding more every night.", 'safety'),
    ("Pupil has a designer bag and cash that she won't explain.", 'safety'),
    ("Found with a burner phone and £300, won't say who gave it to him.", 'safety'),
    ("Says he's been doing drops for some lads from the estate.", 'safety'),
    ("He's scared of the olders after losing their package.", 'safety'),
    ('The man at the chip shop buys her cigarettes and told her to keep it secret from her nan.',
     'safety'),
    ('An unknown man in a silver car has collected her from the gates three times.', 'safety'),
    ("Year 8 girl is 'going out with' a lad aged 19 she met at the park.", 'safety'),
    ('Went missing from her foster placement again on Friday.', 'safety'),
    ('Came home Sunday with a black eye and new clothes and refused to explain.', 'safety'),
    ("Out all night on Saturday and still won't say where.", 'safety'),
    ('Twins not collected from nursery until 7pm again.', 'safety'),
    ('Dad turned up to collect her slurring and smelling of alcohol.', 'safety'),
    ('Their 9 year old is left looking after the baby most evenings.', 'safety'),
    ("The children say there is 'no dinner' most nights and they go to bed hungry.", 'safety'),
    ('Mum fell asleep after a bottle of wine with the toddlers still awake.', 'safety'),
    ('Dad gives him cannabis during contact, the foster carer says.', 'safety'),
    ('Stepmum makes her sleep in the shed when she answers back.', 'safety'),
    ("They lock the fridge so he can't eat between meals as a punishment.", 'safety'),
    ("Mum's boyfriend keeps coming into her bedroom at night.", 'safety'),
    ("Mum's new partner is a registered sex offender.", 'safety'),
    ("She said home isn't safe when her brother is back from prison.", 'safety'),
    ('Her ex texted that he knows where she lives now.', 'safety'),
    ('Dad has locked all the paracetamol away and taken the cables out of his room.', 'safety'),
    ('Mum found a dressing gown cord tied into a loop behind her wardrobe.', 'safety'),
    ("She took fifteen of her nan's painkillers and went to school as normal.", 'safety'),
    ("'If they move me again I'll just disappear for good.'", 'safety'),
    ('Fainted at the bus stop; living on diet coke and rice cakes.', 'safety'),
    ('Forgot the bedtime insulin twice this week, the school nurse says.', 'safety'),
    ('The back door only opens a few inches because of the bags behind it.', 'safety'),
    ('Stairs blocked by boxes of papers, so she sleeps downstairs.', 'safety'),
    ('Electric fire surrounded by piles of magazines in the lounge.', 'safety'),
    ('Smoke alarm taken down, battery removed, because it kept beeping.', 'safety'),
    ("The ambulance crew couldn't get the chair past the stacks in the hall.", 'safety'),
    ('Rotting food in the kitchen and his 4yo has no clean clothes.', 'safety'),
    ('The wound on her leg is weeping and hot, and she refuses to see the GP.', 'safety'),
    ('He used a razor to cut out a mole he hated last night.', 'safety'),
    ('Injecting botox bought online into herself at home.', 'safety'),
    ('Having microsleeps on the drive home from night shifts.', 'safety'),
    ('He nodded off at the wheel on the M6 last week.', 'safety'),
    ('Had a seizure while bathing her baby and came round on the floor.', 'safety'),
    ("Part of her wants the illness to win: 'let it take me'.", 'safety'),
    ('He prays every night to be taken before morning.', 'safety'),
    ('She says she deserves to die for what happened to her sister.', 'safety'),
    ("Asked if anyone would notice him if he wasn't around.", 'safety'),
    ("'If the new tablets don't work, that's it for me.'", 'safety'),
    ("'If this is my life now I don't want it,' he said twice.", 'safety'),
    ('Has bookmarked a thread about people who killed themselves with tinnitus.', 'safety'),
    ('His wife has stopped bringing his meals up since the argument.', 'safety'),
    ('Her son got a new phone for his birthday from his grandad.', 'private'),
    ('We talked about the olders in her family and how they kept secrets.', 'private'),
    ('Her brother went missing for an hour at Disneyland when they were kids.', 'private'),
    ("She laughed about the time she wasn't collected from Brownies in 1994.", 'private'),
    ('The fire in her dream was everywhere and nobody could get out.', 'private'),
    ('Her flat mate leaves candles burning, which annoys her.', 'private'),
    ("He bookmarked a recipe thread for his mum's birthday cake.", 'private'),
    ('She prays for her father every night since his diagnosis.', 'private'),
    ("Her neighbour's smoke alarm beeps all night and keeps her awake.", 'private'),
    ('He dozed off watching the match and missed the ending.', 'private'),
    ('I felt dizzy at the end of the day and skipped tea.', 'private'),
    ('Her cat went missing from the cattery for two days last year.', 'private'),
])
def test_twenty_seventh_round_safeguarding_specialty_care_and_danger_words(text: str,
                                                                           expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-seventh round: a reviewer helper who read only LABELING.md and this round's
    # families described in words wrote 200 look-alikes and 100 positives; on the round's start
    # 96 of the 300 were wrong, on the families' first version 76, after narrowing and widening
    # 22. These are the 74 rows the round put right (59 positives, 15 look-alikes); all fail
    # on the round's start.
    ('Pt reports ex messaging daily demanding £200 by Friday or the clip goes on her '
     'work WhatsApp.',
     'safety'),
    ('She sent him one photo back in October and now he says unless she sends more '
     "he'll show it to her mam.",
     'safety'),
    ("14yo disclosed a Year 11 boy has been passing round pics she sent him - they're "
     "now all over the year group's Snapchat.",
     'safety'),
    ("Client says a man she met on a gaming app wants gift cards, or he'll forward "
     'the video to all her followers.',
     'safety'),
    ("Boyfriend keeps pushing her for nudes; told her he'll send round the old ones "
     'if she says no.',
     'safety'),
    ('Mum found a second handset in his school bag with £340 in cash and dozens of '
     "texts from a contact saved as 'Unc'.",
     'safety'),
    ("12yo keeps turning up in designer gear and a new iPhone - won't say where any "
     'of it came from.',
     'safety'),
    ("Says he has to 'go OT' for the olders at weekends and they pay him in food and phone credit.",
     'safety'),
    ('The Year 8 girl told her TA that a man at the skate park gives her vapes and '
     'cans and said to keep it between them.',
     'safety'),
    ('School: unknown adult male in grey Audi collecting pt at gate several '
     'afternoons, not known to family.',
     'safety'),
    ("She's fifteen and describes her boyfriend as twenty-three; he picks her up "
     'after school and buys her weed.',
     'safety'),
    ('Has a meet arranged in town with a bloke off Insta who says he scouts for a '
     "model agency - she hasn't told mum.",
     'safety'),
    ("His sister says he's out on 'jobs' most nights now, dropping parcels off for "
     "someone he won't name.",
     'safety'),
    ('Resi staff: absconded from unit Sat pm, back Sun 0700 with cut lip, refusing to '
     "say where he'd been.",
     'safety'),
    ('She went AWOL from her foster placement for two nights and came back in a new '
     "coat she won't talk about.",
     'safety'),
    ("Mum says the 13yo keeps coming in at 2 or 3am and won't say who she's been with.", 'safety'),
    ("It's the third missing-from-care report this month; the guards found her in a "
     'flat in another town with older lads.',
     'safety'),
    ('Nursery rang again - nobody came for the 3yo until 7pm, fourth time this term.', 'safety'),
    ('The school says dad turned up for pick-up slurring and swaying, then drove off '
     'with the twins.',
     'safety'),
    ("Kids told the TA there's often nothing for tea - they fill up on dry Weetabix.", 'safety'),
    ("Foster carer reports the boy says mum's partner gave him cider on the last contact visit.",
     'safety'),
    ('When the six-year-old misbehaves, the stepdad puts him out in the back yard '
     'after dark for an hour.',
     'safety'),
    ("Grandmother says the fridge and cupboards at mum's place are chained so the "
     "girl can't get at food.",
     'safety'),
    ("Client says her new boyfriend keeps going into her daughter's room at night 'to "
     "check on her'.",
     'safety'),
    ("The carer keeps forgetting the child's lunchtime insulin, and he's been "
     'admitted with DKA for the third time since spring.',
     'safety'),
    ("She won't go back to the flat at weekends because once her father's been "
     "drinking 'it's not safe in there'.",
     'safety'),
    ("Ex got her new address through the kids' school and has driven past twice this week.",
     'safety'),
    ("The teen says home 'gets scary' after her stepdad's had a few, and she sleeps "
     'with a chair against the door.',
     'safety'),
    ('Pt terrified - ex has found out where the refuge is.', 'safety'),
    ("Parents cleared her room of belts, phone chargers and the dog's lead after last week.",
     'safety'),
    ('Mum found a dressing-gown cord tied into a loop and stuffed down behind his wardrobe.',
     'safety'),
    ("Husband now holding pt's meds in car, dispensing one day at a time.", 'safety'),
    ("She admits she swallowed about fourteen of her mum's co-codamol on Thursday "
     'night and told no one.',
     'safety'),
    ("Pt thinks of vanishing off the face of the earth 'for keeps, not a holiday'.", 'safety'),
    ("Passed out in PE on Tuesday; admits she's been living on an apple and black coffee a day.",
     'safety'),
    ('He keeps getting dizzy at work and has cut down to one small meal every other day.',
     'safety'),
    ('Mum says she went grey and collapsed at the table, then refused her tea again.', 'safety'),
    ('HV: front door opens approx 30cm, hall stacked to ceiling w/ boxes, no other exit.',
     'safety'),
    ('Gas hob surrounded by piles of papers and carrier bags; smoke detector hanging '
     'off the ceiling, no battery.',
     'safety'),
    ("The ambulance crew couldn't get a trolley through the stuff in her hall last "
     'week and had to carry her out in a chair.',
     'safety'),
    ("The social worker found dog mess on the kids' bedroom floor, mouldy food "
     "everywhere and a toilet that doesn't flush.",
     'safety'),
    ('The scabs on her arms from picking are weeping and red; the GP wants her on '
     'antibiotics but she refuses to go back.',
     'safety'),
    ('Picking sites on face infected x3 wks, declining dressings clinic and all tx.', 'safety'),
    ('He admits to injecting botox he got online into his own forehead at home.', 'safety'),
    ('Woke to the rumble strip under her tyres on the A1 last Thursday - kids asleep in the back.',
     'safety'),
    ("She still does the school run though she's dozed off at the traffic lights twice this week.",
     'safety'),
    ('Pt drifted off driving the truck, woke on the hard shoulder.', 'safety'),
    ("She's kept fainting since the birth and is on her own with the newborn all day.", 'safety'),
    ("'If the cancer comes back, I hope it just takes me this time,' he said flatly.", 'safety'),
    ("Each night she asks God to 'call her home' before morning.", 'safety'),
    ("'If the biopsy's fine and I still feel like this, that's it for me,' she said.", 'safety'),
    ("Wrote a letter and left it in the drawer 'for if the pain gets the better of me'.",
     'safety'),
    ("Bedbound, she says her niece 'punishes' her by not bringing meals for days at a time.",
     'safety'),
    ("Son (7) told school his uncle was 'zig-zagging all over' driving them home from the party.",
     'safety'),
    ('The child says grandad drove them to school really fast, nearly hit a wall, and '
     'smelled of beer.',
     'safety'),
    ("Hasn't been taking all her zopiclone - putting some aside 'for when it gets really bad'.",
     'safety'),
    ("She's been giving herself half her usual basal dose on purpose so she'll lose weight.",
     'safety'),
    ("T1DM, deliberately not bolusing at tea - 'what's the point'.", 'safety'),
    ("She's been trying to get her ex's new address out of his sister, and says she "
     'wants him to suffer the way she has.',
     'safety'),
    ("Her brother had a shotgun wedding in 1996 and they've been happily married ever since.",
     'private'),
    ("Rode shotgun on her friend's road trip round Galway - loved every minute.", 'private'),
    ('The kids fight every single morning over the shotgun rule for the front seat.', 'private'),
    ("She's timekeeper at the athletics club and fires the starting pistol at the summer meets.",
     'private'),
    ('Water-pistol fight in the garden with the grandkids Sunday, she said, beaming.', 'private'),
    ("Her husband is a firearms officer and she hates the night rota he's on.", 'private'),
    ('She talked about her induction day in the admin team at the police firearms unit.',
     'private'),
    ('She said the wedding was an overdose of speeches: four best men and a poem read '
     'out on behalf of the dog.',
     'private'),
    ("She's had an overdose of romcoms this week, her treat to herself after the exams.",
     'private'),
    ("The soap's overdose storyline has the whole office talking - she thought it was "
     'well handled.',
     'private'),
    ("Her partner knocked himself out on the low beam in the new cottage, so she's "
     'taping foam over it.',
     'private'),
    ("Went clay-pigeon shooting for her brother's stag do - surprisingly good at it.", 'private'),
    ("Someone hit his car in the supermarket car park and drove off, and he's furious "
     'about the excess.',
     'private'),
    ('Her daughter has really hit her stride at uni after a rocky first term.', 'private'),
    ("'Mum would kill him with her driving,' she said of her dad's weekend trips to "
     'the coast with her mother at the wheel.',
     'private'),
])
def test_twenty_seventh_round_families_on_a_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-seventh round, mended on the misses of train_more79 (forensic and
    # criminal-justice mental health: custody, probation, secure wards). Each family worded
    # anew; none of these sentences is in a corpus file. 27 of the 29 positives fail on the
    # round's start.
    ('Officers found a strip ripped off his bedsheet tucked behind the toilet.', 'safety'),
    ('She had tied a towel round her neck when staff opened the hatch.', 'safety'),
    ('The light fitting in cell 14 was found loosened on the night check.', 'safety'),
    ('Asked the nurse how long the cords on the blinds are.', 'safety'),
    ('Ligatured on the ward on Sunday; found by staff within minutes.', 'safety'),
    ('ACCT reopened after he was told his appeal had failed.', 'safety'),
    ('Placed on constant obs after the phone call from his ex.', 'safety'),
    ('Custody nurse noted a risk of harm to self at booking-in.', 'safety'),
    ("'Honestly I don't care what happens to me now,' he said at the gate.", 'safety'),
    ("He says he's not bothered about waking up in the morning any more.", 'safety'),
    ('Refusing food and fluids since Monday; the duty doctor has been told.', 'safety'),
    ('Said the dog would be better off with his brother, and asked him to take her.', 'safety'),
    ("He owes for tobacco and the lads said they'll do him in the showers.", 'safety'),
    ("They'll do him at association if he doesn't pay by Friday.", 'safety'),
    ("Was beaten up in the exercise yard on Tuesday and won't name anyone.", 'safety'),
    ('Says he was made to carry a package onto the wing after a visit.', 'safety'),
    ('A sharpened toothbrush was found in his mattress during the search.', 'safety'),
    ('Probation say he has breached his no-contact condition twice.', 'safety'),
    ("He has been phoning the victim's mother from a withheld number.", 'safety'),
    ("Tried to get the victim's new address from a mutual friend.", 'safety'),
    ("Told the nurse he'd take a screw with him if they restrain him again.", 'safety'),
    ('Brought in drunk and incapable, with a head injury from a fall.', 'safety'),
    ('Could not be woken at unlock and was taken to healthcare.', 'safety'),
    ('Social care advise no unsupervised contact with the children for now.', 'safety'),
    ('OASys completed this week: total score 41, medium band.', 'test_results'),
    ('No adjudications since March and two ROTLs completed without issue.', 'progress'),
    ('Proposal: community order with a mental health treatment requirement.', 'treatment_plan'),
    ('Works as a wing cleaner and keeps to his routine.', 'functional_status'),
    ('Started Building Choices, one session a week.', 'modality_frequency'),
    ('He joked the cat would be better off with his mum, who feeds her tuna.', 'private'),
    ('Her brother is a prison officer and tells stories about the ACCT paperwork.', 'private'),
    ('We talked about the victim awareness course he finished in 2015.', 'private'),
    ("He's been reading a memoir about a hunger strike in the eighties.", 'private'),
    ("He described the torn sheets of music in his grandad's piano stool.", 'private'),
])
def test_twenty_seventh_round_custody_probation_and_secure_wards(text: str,
                                                                  expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-eighth round, mended on the misses of train_more80 (bereavement, palliative
    # and end-of-life care) and train_more81 (care between sessions and at a distance). Each
    # family worded anew; none of these sentences is in a corpus file. 37 of the 53 positives and
    # 0 of the 9 look-alikes fail on the round's start.
    ('Texted at 1am to say she had swallowed the whole box and was sorry.', 'safety'),
    ('Messaged that he took too many of his sleepers after the row, then stopped '
     'replying.',
     'safety'),
    ('On the video she had a packet of paracetamol beside her and kept turning it '
     'over.',
     'safety'),
    ('Sent a photo of the tablets lined up on her duvet with no words.', 'safety'),
    ('Neighbour found him unconscious in the garage with the engine running.', 'safety'),
    ('Her son said she had been passed out on the kitchen floor for hours.', 'safety'),
    ('Screen froze with him unresponsive, so I phoned 999 from my mobile.', 'safety'),
    ('I dialled 911 with the session still open and kept talking to her.', 'safety'),
    ('The duty worker called his local police while I kept him on the line.', 'safety'),
    ('Treated it as a medical emergency and stayed on camera until the crew arrived.', 'safety'),
    ('Halfway through the call she disclosed suicidal intent for tonight.', 'safety'),
    ('Could not say whether he would act on those urges if left alone this weekend.', 'safety'),
    ("When asked whether she felt safe she answered 'no' and lowered her voice.", 'safety'),
    ('She says he has been slapping her whenever the baby wakes him.', 'safety'),
    ('I could hear her boyfriend shouting at her off camera before she muted.', 'safety'),
    ('Heard something smashing and then the connection went dead.', 'safety'),
    ("He was behind the wheel and admitted he'd had a couple of pints at lunch.", 'safety'),
    ('She told me there was no point in slowing down as the car sped up.', 'safety'),
    ('Voicemail overnight: his brother can have the bike now, and thanks for '
     'everything.',
     'safety'),
    ("Last text read 'don't bother ringing back', then her phone was off.", 'safety'),
    ("Says he's got the hosepipe ready in the boot.", 'safety'),
    ('Was standing on the bridge over the motorway when she answered my call.', 'safety'),
    ("He admits sitting outside his ex's flat 'just to see' who comes and goes.", 'safety'),
    ('Wants to make his former boss suffer for the redundancy.', 'safety'),
    ('Logged on slurring with the toddler crying and no one else in the house.', 'safety'),
    ("Told me calmly she'll be with him by his birthday in May.", 'safety'),
    ('Said she has decided to follow him and thanked me for my help.', 'safety'),
    ('The day after the memorial is the day I go to her, he said.', 'safety'),
    ('Prays each night for his dead wife to come and take him.', 'safety'),
    ('They always said neither would carry on alone, and he means to keep the promise '
     "now she's gone.",
     'safety'),
    ('Says she has her own way out planned if the chemo fails.', 'safety'),
    ("He won't wait for the tumour to finish him and wants to choose his own date.", 'safety'),
    ('Asked the GP for something to end it before the pain gets worse.', 'safety'),
    ('Pointed at the balcony and said it would be quicker than this.', 'safety'),
    ('She is refusing meals to hurry things along, she told the nurse.', 'safety'),
    ('Keeps asking us why am I still alive.', 'safety'),
    ("She has some of her husband's oxycodone put by in the bathroom cabinet.", 'safety'),
    ("Won't give back her late mother's morphine to the district nurse.", 'safety'),
    ('The fentanyl patch count was short again this week.', 'safety'),
    ('Asked how many of the oxycodone capsules it would take.', 'safety'),
    ('Threatened to swallow the lot if the hospice sends him home.', 'safety'),
    ('Daughter admits she turned the syringe driver right up last night.', 'safety'),
    ('Wrote a letter to each of her grandchildren and sealed them last week.', 'safety'),
    ('Has started on her own clothes now, bagging them for the charity shop.', 'safety'),
    ('She drives to the viaduct and sits in the car for hours.', 'safety'),
    ('The son shook his mother hard when she refused her tablets.', 'safety'),
    ('Concerned he might act around the first anniversary of her death.', 'safety'),
    ('Grandad forgot the twins at nursery again on Friday.', 'safety'),
    ('Meets criteria for prolonged grief disorder at fourteen months.', 'diagnosis'),
    ('Meaning-centered psychotherapy continues weekly.', 'modality_frequency'),
    ('Session 5 of 8 of the grief programme.', 'modality_frequency'),
    ('Will probably need more sessions than the six funded.', 'prognosis'),
    ('Now walks to the post office alone, which she could not do at all when we '
     'started.',
     'progress'),
    ('Her flatmate took too many pills at a festival years ago and still talks about '
     'it.',
     'private'),
    ('As a boy he called 911 because the smoke alarm went off while his mum was out.', 'private'),
    ('He likes to follow her on Instagram but never comments.', 'private'),
    ("She'll be with him in Spain by Christmas if the visa comes through.", 'private'),
    ('Her dad took matters into his own hands and fixed the roof himself.', 'private'),
    ('The drive home took too many hours in the snow.', 'private'),
    ('She swallowed her pride and rang her sister.', 'private'),
    ('Look up the prolonged grief criteria before next week.', 'private'),
    ('He asked why am I still here at this job after ten years.', 'private'),
])
def test_twenty_eighth_round_between_sessions_and_at_the_end_of_life(text: str,
                                                                     expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-eighth round: a reviewer helper who read only LABELING.md and this round's
    # first families described in words wrote 200 look-alikes and 100 positives. These 44 rows
    # were wrong on the round's start and are right now.
    ('Pt on video with an open blister pack of co-codamol on the duvet beside her; '
     "kept fiddling with it, wouldn't put it out of reach.",
     'safety'),
    ('His partner found him slouched over the wheel in the shut garage with the motor '
     'still going and rang 911; he is in ICU.',
     'safety'),
    ('12yo on the phone says her mam has been lying on the kitchen lino since teatime '
     "and won't wake; kept her on the line till the ambulance came.",
     'safety'),
    ('She held a carrier bag of paracetamol packets up to the camera and asked me how '
     'many it would take.',
     'safety'),
    ('She went unresponsive on screen mid-session; I rang 000 from my mobile and kept '
     'the video running until the paramedics got in.',
     'safety'),
    ('Kept the Zoom open and had a colleague phone Harwell Road police to ask for a '
     'welfare visit to her flat.',
     'safety'),
    ("Dialled 999 from office landline while pt still on video describing what she'd "
     'taken; crew at her door shortly after.',
     'safety'),
    ("Session converted to emergency response; EMS dispatched to cl's address, session"
     ' ended on crew arrival.',
     'safety'),
    ('I rang 111 on the other line while he stayed on the call and kept him talking '
     'until the police reached the farm.',
     'safety'),
    ("When I asked if she'd be safe on her own tonight she shook her head and went "
     'quiet.',
     'safety'),
    ("Says he means to follow through once the kids are at their mum's - would not say"
     ' more.',
     'safety'),
    ('Halfway through the call I heard a man bellowing at her, then a crash, and the '
     'line went dead.',
     'safety'),
    ("Heard glass breaking and her shouting 'get off me' before the video cut - rang "
     'back x3, no answer.',
     'safety'),
    ('She whispered on the call that he had pinned her against the fridge this morning'
     ' and she was afraid to talk any louder.',
     'safety'),
    ("Obviously behind the wheel during the call, words slurring, said she'd 'only had"
     " three or four' at the pub.",
     'safety'),
    ('He was steering with one hand and holding the phone with the other, and told me '
     "he'd smoked a joint before setting off.",
     'safety'),
    ("Msg 1am from the footbridge over the motorway - 'just wanted to say bye "
     "properly'.",
     'safety'),
    ("He wants his team leader, Darren, to 'suffer like I have', and he has already "
     'looked up where Darren lives.',
     'safety'),
    ("States he'd 'love to see Mr Okafor bleed'; has been standing at end of his road "
     'after dark.',
     'safety'),
    ('Rang at 11pm clearly off her face, baby screaming in the background, partner '
     'away till Friday, nobody else in.',
     'safety'),
    ('Pt admits smoking weed until he nodded off on couch with 4mo, no one else home.', 'safety'),
    ('Dad on phone high on ket, sole carer for the 9-month-old tonight.', 'safety'),
    ('She took pills at a party earlier and is now on her own with the newborn, saying'
     ' she can barely keep her eyes open.',
     'safety'),
    ("This bereaved mum says she'll be with her daughter 'on her birthday, properly "
     "this time', and wouldn't say more.",
     'safety'),
    ("They always swore neither would be left on their own, and now Mary's gone he "
     "says he is 'keeping his side of the bargain'.",
     'safety'),
    ("Pt states 'going after him soon, waited long enough' re: late son.", 'safety'),
    ("Says she's 'not hanging about for the tumour to finish me'; has sorted a "
     'different way out.',
     'safety'),
    ("Pt w/ MND says he'll choose his own date and won't tell the team how.", 'safety'),
    ("His wife says he's hinting he'll 'sort it himself' and has been looking up a "
     "Swiss clinic's details without telling the kids.",
     'safety'),
    ("'Just look away when I take them,' he asked his daughter, about the tablets he's"
     ' been saving.',
     'safety'),
    ("Has held back some of her late mum's Oramorph 'for a rainy day'.", 'safety'),
    ("She won't hand her husband's OxyContin to the district nurse for disposal and "
     "says she has 'plans for it'.",
     'safety'),
    ('Hospice flagged morphine tally short at last count; cl is the only one with '
     'access to the box.',
     'safety'),
    ("He admitted he's thought about cranking his wife's syringe pump to the max so "
     "'she doesn't have to wait'.",
     'safety'),
    ("Since Frank died she's written out every bank login for her son 'so he's not "
     "left with a mess'.",
     'safety'),
    ("She's written each grandchild a card, sealed them, and told her daughter to give"
     " them out 'when the time comes'.",
     'safety'),
    ("Carer says she 'lost it' and shook her father till he cried - twice this week.", 'safety'),
    ("Admits she hasn't offered her gran a drink since the morning 'because she only "
     "wets herself'.",
     'safety'),
    ('I am concerned she may try something around the anniversary of the stillbirth on'
     ' 3 March.',
     'safety'),
    ("School rang: mum didn't collect 5yo from nursery, uncontactable till 7pm, "
     'arrived intoxicated.',
     'safety'),
    ("She admits this is the third time this term she's forgotten her 4-year-old at "
     'after-school club and the staff had to involve police.',
     'safety'),
    ('Nursery VM: toddler still there 18:45, dad not answering, 6th late pick-up this '
     'month, nursery raising safeguarding concern.',
     'safety'),
    ('Meaning-centred psychotherapy sess 3/7: legacy and historical sources of '
     'meaning.',
     'modality_frequency'),
    ("He now opens the post himself; when we started he couldn't touch a single "
     'envelope with her name on it.',
     'progress'),
])
def test_twenty_eighth_round_families_on_a_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-eighth round, mended on the misses of train_more82 to train_more86
    # (perinatal and infant mental health; physical health psychology; veterans and first
    # responders; abuse hidden by culture or circumstance; money, housing and gambling). Each
    # family worded anew; none of these sentences is in a corpus file. 35 of the 54 positives and
    # 0 of the 5 look-alikes fail on the round's start.
    ('Says the baby would be better off adopted by a couple who could cope.', 'safety'),
    ("She can't feel that this baby is hers and asked the midwife to take him.", 'safety'),
    ("He deserves a mum who'll still be around next year, she said.", 'safety'),
    ("Dad couldn't say when the last feed was and the bottle on the side was from "
     'yesterday.',
     'safety'),
    ('The baby was in the same soiled nappy at the morning and afternoon visits.', 'safety'),
    ('No formula in the flat and the baby was screaming when the HV arrived.', 'safety'),
    ('Weight has fallen below the 2nd centile since the last check.', 'safety'),
    ('After a bottle of wine she dozed off on the sofa with the baby on her chest.', 'safety'),
    ('Took a zopiclone and brought the baby into their bed at 3am.', 'safety'),
    ('Her mother-in-law is never leaving her alone with the baby now.', 'safety'),
    ('A voice tells her the baby must be washed clean in cold water.', 'safety'),
    ('Partner found her holding the baby over the balcony railing.', 'safety'),
    ('Admits she nearly shook her at 4am and put her down in the cot.', 'safety'),
    ("Small bruises on the 3-month-old's cheek that nobody can explain.", 'safety'),
    ('Left the 2-month-old in the car while she queued in the bank.', 'safety'),
    ('She secretly stopped her lithium when she found out she was pregnant.', 'safety'),
    ('He has not let her out alone since the baby was born.', 'safety'),
    ('Pre-birth child protection conference set for next month.', 'safety'),
    ('Has been skipping her Lantus to lose weight before the wedding.', 'safety'),
    ('Took his whole insulin pen after the argument and told no one.', 'safety'),
    ('Pulled the pump line out and silenced the Dexcom alarms overnight.', 'safety'),
    ('Had a hypo on the motorway last week and still drives the taxi.', 'safety'),
    ('Has cancelled her dialysis for the rest of the month without telling the unit.', 'safety'),
    ('Stopped taking his tacrolimus after the argument with his son.', 'safety'),
    ('Says he is done with being kept alive by machines and pills.', 'safety'),
    ('Her husband hides her inhalers when she wants to go out.', 'safety'),
    ('Keeps saying he should have died in the ambush with the others.', 'safety'),
    ('Carries a bullet in his pocket with his name on it.', 'safety'),
    ('Asked whether the life insurance pays out on suicide.', 'safety'),
    ('Stood on the railway bridge for an hour on Sunday, then went home.', 'safety'),
    ("She is worried he'll go through with it once the house is sold.", 'safety'),
    ("Knows which street the assessor lives on and says he'll get him.", 'safety'),
    ('Keeps a baseball bat by the front door for the bailiffs.', 'safety'),
    ("The lender said he'd send some people round if she missed Friday.", 'safety'),
    ('She and the kids have been sleeping in her car in the supermarket car park.', 'safety'),
    ('The two boys were left alone overnight while she worked.', 'safety'),
    ('Blew over twice the limit at the roadside check on Saturday.', 'safety'),
    ('Her husband keeps her passport in his locked desk.', 'safety'),
    ('Her wages go straight to her father-in-law every month.', 'safety'),
    ('Her brother reads her messages and reports back to their father.', 'safety'),
    ("She fears she won't be coming back if she goes on the family trip.", 'safety'),
    ("Her parents have said they won't have a daughter if she refuses the proposal.", 'safety'),
    ('Her girlfriend threatened to out her to her parents if she leaves.', 'safety'),
    ("He says they'll send him back if he tells anyone about the wages.", 'safety'),
    ("Still owes the agent for his flight and cannot leave until it's paid.", 'safety'),
    ('Her son has her bank card and PIN and she has no money for food.', 'safety'),
    ("Since her grandson's friends moved in she now sleeps on the sofa.", 'safety'),
    ('PAID-20 score of 48 at review.', 'test_results'),
    ('Remission within this year looks unlikely given the history.', 'prognosis'),
    ('Mood much brighter since moving out of the hostel.', 'progress'),
    ('Will book the six-week follow-up review.', 'treatment_plan'),
    ('Signed off by the GP for four weeks.', 'functional_status'),
    ('Urges to gamble daily, strongest on payday.', 'symptoms'),
    ('Session type: telephone; reviews monthly.', 'modality_frequency'),
    ("Her sister's baby was born early and spent a week below the centile charts, now "
     'thriving.',
     'private'),
    ('She read a novel about a woman who secretly stopped her medication.', 'private'),
    ('His grandad kept his army medals in a shoebox, which he inherited.', 'private'),
    ('Her cousin had an arranged marriage that she describes as very happy.', 'private'),
    ('She laughed that the baby would be better off with her mum, who actually gets '
     'him to sleep.',
     'private'),
])
def test_twenty_eighth_round_perinatal_health_service_money_and_hidden_abuse(text: str,
                                                                             expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-eighth round: a second reviewer helper who read only LABELING.md and the
    # later families (perinatal, physical health, veterans, money and housing, hidden abuse)
    # described in words wrote 200 look-alikes and 100 positives. These 58 rows were wrong on the
    # round's start and are right now.
    ("Asked whether his forces pension would still pay his wife if it was 'by his own "
     "hand'.",
     'safety'),
    ('Asks to come off the machine an hour early most sessions; renal nurses worried.', 'safety'),
    ('Blew over twice the limit at an RBT on the way home from the footy club.', 'safety'),
    ("Scared she won't be let back from Pakistan - her uncle is holding onto her "
     'return ticket.',
     'safety'),
    ('Injected the whole of a NovoRapid pen Sat night; husband rang 999.', 'safety'),
    ("Was held down by the elders at a deliverance prayer and told she'd be cursed if "
     'she left the church.',
     'safety'),
    ("Had a hypo behind the wheel on the M62 last week and hasn't let the DVLA know, "
     'still driving daily.',
     'safety'),
    ('Took him into the bed after her zopiclone and woke to find him right under the '
     'duvet.',
     'safety'),
    ("Gave his medals and a sealed envelope to his sister 'for safekeeping' on Sunday.", 'safety'),
    ('Been skipping her evening Levemir to drop a dress size before the wedding.', 'safety'),
    ("Hasn't bolused for meals all week; would rather be thin than have good sugars.", 'safety'),
    ("Keeps seeing herself steer into the big oak on the school road - 'it'd be "
     "quick'.",
     'safety'),
    ("Dad said he 'won't have a daughter' who turns down the match and there 'won't be"
     " a next time'.",
     'safety'),
    ("Ex says he'll tell her work about her HIV status unless she drops the non-mol.", 'safety'),
    ('Walked into the DWP office with a can of petrol in his rucksack; security called'
     ' the police.',
     'safety'),
    ("Still has one round from his last tour, 'the one with my name on it', in the "
     'bedside drawer.',
     'safety'),
    ('Has been reading up on whether a magnet over the ICD would switch it off.', 'safety'),
    ("Landlord tells her sex is 'how the rent gets paid' this month.", 'safety'),
    ("Owes the gangmaster for his flight, the 'fee' never goes down, and he doesn't "
     'know the address of the house he sleeps in.',
     'safety'),
    ('Has to hand over every till receipt at night so he can go through them.', 'safety'),
    ("Practised applied tension in session ahead of next week's blood test.",
     'modality_frequency'),
    ("Loan shark told her 'accidents happen' and they'll send someone round if "
     "Friday's payment is short.",
     'safety'),
    ('Full remission within six months looks unlikely while the housing situation '
     'stays this unsettled.',
     'prognosis'),
    ("Has been ringing round the old section to 'square things away' with each of "
     'them.',
     'safety'),
    ("'I could've shaken him, honest to God' at 3am - put him in the cot and walked "
     'out to the back step.',
     'safety'),
    ("Husband keeps her inhalers locked in his van and hands one over 'if she "
     "behaves'.",
     'safety'),
    ("'Should've been me that didn't come home from Musa Qala' - says it most weeks "
     'now.',
     'safety'),
    ('G-SAS 28 this wk - severe range.', 'test_results'),
    ("Left her asleep in the car seat in the Walmart parking lot while she 'ran in for"
     " twenty minutes'.",
     'safety'),
    ("Been on nothing but tap water since Thursday, hasn't eaten.", 'safety'),
    ("Couldn't tell me when the baby last had a bottle - 'yesterday dinnertime, "
     "maybe?'",
     'safety'),
    ('Wt now below the 2nd centile; nobody outside the household has seen him since '
     'the 3rd of the month.',
     'safety'),
    ("Wife rang: she's scared he'll go through with it - found a half-bottle of vodka "
     'beside a box of co-codamol in the shed.',
     'safety'),
    ('Her father-in-law is collecting her salary monthly and giving her pocket money '
     'only, she told.',
     'safety'),
    ('Yanked the pump cannula out on purpose twice after rows with her mum.', 'safety'),
    ("He's told her he'll take the baby to Morocco if she ever leaves him.", 'safety'),
    ("Has her CGM low alerts on silent overnight - 'if I go low I go low'.", 'safety'),
    ("If this is what the rest of his life looks like, he says, he doesn't want any of"
     ' it.',
     'safety'),
    ('Midwife queried a torn frenulum on the 9 wk baby - explanation vague and changed'
     ' twice.',
     'safety'),
    ("Says she left out all her boluses on Tuesday 'to see what would happen'.", 'safety'),
    ('Family of five sleeping in the Zafira in a lay-by since the eviction; youngest '
     'is 2.',
     'safety'),
    ('Relatives have been ringing round for her new address since she left the family '
     'home.',
     'safety'),
    ("Says he's 'done with being kept alive by machines' and hasn't been to renal "
     'clinic since.',
     'safety'),
    ("Told Gaz 'the lads can have the van' and wouldn't say why.", 'safety'),
    ("He says he'll ring immigration and get her sent back if she goes to the police.", 'safety'),
    ('HV found the baby in the same soaked nappy at both visits this week and no '
     'formula anywhere in the flat.',
     'safety'),
    ("A cousin is posted at the college gates every afternoon 'to bring her home'.", 'safety'),
    ('ITQ completed: meets threshold for CPTSD.', 'test_results'),
    ('Urges to gamble most days, acting on them 2-3x/wk.', 'symptoms'),
    ("I'll write a supporting letter to the housing officer re medical priority.",
     'treatment_plan'),
    ("Asked me straight out how many units it'd take so you just didnt wake up.", 'safety'),
    ("All her UC is paid into his account; she gets cash for the bus and that's it.", 'safety'),
    ('Pre-birth CP conference set for next month; LA leaning towards a plan of safe '
     'care with the baby on a CP plan from birth.',
     'safety'),
    ('PAID-20 today 54, down from 71 at intake.', 'test_results'),
    ("He video-calls at random and she has to pan round the room to show who's there.", 'safety'),
    ("His 'mate' collects his PIP every fortnight and hands him back twenty quid.", 'safety'),
    ("Mentioned there's room in her nan's plot for 'one more' and she's already asked "
     'the parish about it.',
     'safety'),
    ("Partner hides her T and tells her 'you know what happens if you say anything'.", 'safety'),
])
def test_twenty_eighth_round_later_families_on_a_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-ninth round, mended on the misses of train_more87 to train_more90
    # (counselling at work and at college; autistic clients, ADHD and intellectual disability;
    # abuse hidden by culture or circumstance; risk told without the usual words). Each family
    # worded anew; none of these sentences is in a corpus file. 54 of the 76 positives and 1 of
    # the 14 look-alikes fail on the round's start.
    ('The student paramedic admitted to taking morphine ampoules home off the '
     'ambulance station.',
     'safety'),
    ('She has been pocketing codeine out of the surgery drugs cupboard for weeks.', 'safety'),
    ('Pharmacist told OH the controlled drugs register was 40 mg short after his '
     'shift.',
     'safety'),
    ('Theatre vials of midazolam found inside his locker by the charge nurse.', 'safety'),
    ('Colleague found him collapsed in the on-call room with a cannula in situ.', 'safety'),
    ('Tram driver says he has three or four drinks most mornings before his early '
     'shift.',
     'safety'),
    ('She was using cocaine before her night shifts on the neonatal unit.', 'safety'),
    ('Her old tutor turned up at her house uninvited on Sunday evening.', 'safety'),
    ('He keeps waiting outside her office at the end of each day since she ended it.', 'safety'),
    ('She has changed her route to work four times to avoid him.', 'safety'),
    ('Her ex-boyfriend has been sitting in his car outside her work most evenings.', 'safety'),
    ("The manager cornered her in the store cupboard and she couldn't get out.", 'safety'),
    ('Her swimming coach texts her goodnight every evening.', 'safety'),
    ("Said if they sack him some of them won't be going home on Friday.", 'safety'),
    ("Told his brother-in-law he'd be going home in an ambulance next time.", 'safety'),
    ('He closed his bank account, returned the hire car and gave away his bike all on '
     'Monday.',
     'safety'),
    ('Has been handing out her laptop and her guitar to the girls on her corridor.', 'safety'),
    ("Left a list of her PINs in an envelope 'for the kids'.", 'safety'),
    ("Mum found a letter in his desk marked 'open when I'm gone'.", 'safety'),
    ("Bought a funeral plan this month and told the salesman it wouldn't be long.", 'safety'),
    ('Transferred all his savings to his daughter last week without saying why.', 'safety'),
    ("He asked his sister to 'look after the dog when I can't'.", 'safety'),
    ("Keeps a strip of diazepam in the glovebox 'in case'.", 'safety'),
    ('She says she has enough saved up to do it right this time.', 'safety'),
    ('Has been reading up on which tablets would be fastest.', 'safety'),
    ('Father found the hosepipe taped and cut in the garage.', 'safety'),
    ("He's been standing at the viaduct to see how far down it goes.", 'safety'),
    ("Partner says he's been timing the trains at the crossing after dark.", 'safety'),
    ('Thinks about driving them both into the canal on the way back from court.', 'safety'),
    ('Risk discussed with the crisis team this afternoon.', 'safety'),
    ('PHQ-9 risk item positive at review.', 'safety'),
    ("The knives now live in the locked cupboard at his mum's.", 'safety'),
    ("Told me calmly that he's made his arrangements.", 'safety'),
    ('She wants the curtain to come down on it all.', 'safety'),
    ("Keeps saying she'd like to go to sleep and stay there.", 'safety'),
    ('Says the sea has been calling him home this week.', 'safety'),
    ("Soon he won't be anybody's problem, he said.", 'safety'),
    ('Says he wants to switch himself off for good.', 'safety'),
    ("If I didn't wake up tomorrow that'd be a relief, she said.", 'safety'),
    ('The kids would be better off with the life insurance, he says.', 'safety'),
    ('Wondered whether anyone would notice if her seat were empty for good.', 'safety'),
    ('Night staff lock the key in her bedroom door after ten.', 'safety'),
    ('His dad locks him out in the yard when he screams.', 'safety'),
    ('The school kept his inhaler until he apologised.', 'safety'),
    ('PRN haloperidol given twice outside the protocol.', 'safety'),
    ('Staff put him under a cold shower to calm him down.', 'safety'),
    ('Held face down by three staff on the lounge floor.', 'safety'),
    ('Found left in soiled sheets at the morning handover.', 'safety'),
    ('He swallowed two button batteries from the TV remote.', 'safety'),
    ('She drank cleaning fluid from under the sink at the group home.', 'safety'),
    ('He darted into the traffic outside the day centre.', 'safety'),
    ("She's been holding her head under the water in the bath.", 'safety'),
    ("He's been binning his levetiracetam since Christmas.", 'safety'),
    ('The lads from the estate take his ESA every week.', 'safety'),
    ('They walked him to the cash machine on benefits day.', 'safety'),
    ('Her grandson cashes her pension and keeps it.', 'safety'),
    ("Her father's flat has been taken over by dealers.", 'safety'),
    ("Her passport is kept safe by her husband's mother.", 'safety'),
    ("The wedding was arranged for her and she doesn't want to go through with it.", 'safety'),
    ('She never said yes to the marriage, she told the school nurse.', 'safety'),
    ("She's booked to fly out in July with no return ticket.", 'safety'),
    ("He said if you leave me I'll have you deported.", 'safety'),
    ('Her girlfriend threatens to out her to her parents if she leaves.', 'safety'),
    ('Her husband throws away her HRT patches when they argue.', 'safety'),
    ('Elders warned that if he leaves the church his children will be taken.', 'safety'),
    ("Her uncles stopped the 12yo's insulin because prayer will heal her.", 'safety'),
    ("Her brother 'minds' her bank card and passport.", 'safety'),
    ("Coach called it 'our special secret'.", 'safety'),
    ('Youth leader comes to his room after lights out on camp.', 'safety'),
    ("The family say the girls will 'become women' there this summer.", 'safety'),
    ("Leaves the kids with the iPad while she's at the pub.", 'safety'),
    ('Hair drug test in March came back negative.', 'test_results'),
    ('Unlikely to be fit for frontline duties before the new year.', 'prognosis'),
    ('Compared with baseline, she sleeps through four nights in seven.', 'progress'),
    ('Plan: continue weekly CBT and repeat GAD-7 in four weeks.', 'treatment_plan'),
    ('Social story about the dentist used today.', 'modality_frequency'),
    ('Her mum took codeine home from the chemist after her knee operation.', 'private'),
    ('He had a pint with the team after his shift on Friday.', 'private'),
    ('She changed her route to work because of the roadworks.', 'private'),
    ('Her dad turned up at her flat with a surprise birthday cake.', 'private'),
    ('She cleared out her wardrobe and gave the clothes to the charity shop.', 'private'),
    ('The family sends money to the village for the school roof.', 'private'),
    ('Checking out of the hotel early to catch the ferry.', 'private'),
    ('She wants to switch off from work for the weekend.', 'private'),
    ('He wants to book a one-way ticket to Lisbon to start the new job.', 'private'),
    ("Her passport is in the drawer at her mum's because she keeps losing it.", 'private'),
    ('Her parents arranged the hall for the engagement party she planned.', 'private'),
    ('They shut the chickens in the shed at night because of the fox.', 'private'),
    ('She gives away courgettes every August because they grow too many.', 'private'),
    ('She loved the film where the sea calls the fisherman back, and cried at the end.',
     'private'),
])
def test_twenty_ninth_round_work_college_care_and_hidden_abuse(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-ninth round: a reviewer helper who read only LABELING.md and this round's
    # families of work, college and risk told sideways, described in words, wrote 200 look-alikes
    # and 100 positives. These 68 rows were wrong on the round's start and are right now.
    ("Admits she's been taking the leftover Oramorph home at the end of her shifts - "
     "'it's going down the sink anyway' - and keeps it in the bathroom.",
     'safety'),
    ('Pt (theatre ODP) found slumped in the staff toilets with a cannula in his hand '
     'and an empty propofol vial on the floor.',
     'safety'),
    ('The CD book on her ward has been short three times, all on her nights, and today'
     " she told me she's been taking the codeine and using it on shift.",
     'safety'),
    ('Student nurse on placement kept the tramadol she was meant to return to '
     'pharmacy; two boxes now in her bedroom drawer.',
     'safety'),
    ("GP client says he's been dipping into the practice's diazepam 'to take the edge "
     "off' before evening surgery.",
     'safety'),
    ("Ward manager found strips of the ward's zopiclone in her locker during a search;"
     ' she admits they were for her.',
     'safety'),
    ('He has been taking midazolam ampoules home from the endoscopy unit and injecting'
     ' at night, he told me right at the end.',
     'safety'),
    ("Took diamorphine from the hospice CD cupboard on Friday, hasn't used it yet - "
     "'it's just there if I need it'.",
     'safety'),
    ('Dental nurse - has been pocketing codeine from the surgery stock for months, '
     'about sixty tablets at home now, practice manager flagging the count.',
     'safety'),
    ('Having 3-4 schooners at lunch most days, then driving the afternoon school bus '
     'run.',
     'safety'),
    ("Drank till about 1 then started on the ward at 7 - 'still half cut', he said - "
     'with four patients on IV lines.',
     'safety'),
    ('Smoked a joint in the hospital car park before his theatre list on Tuesday; '
     "first time he's admitted it.",
     'safety'),
    ('Pt is a commercial pilot; reports cocaine on a layover the night before flying '
     'the return leg.',
     'safety'),
    ('Few cans in the cab at dinnertime, then back out on the special-needs minibus - '
     "'they're only little, they don't notice'.",
     'safety'),
    ("Crane op - has a couple of vodkas first thing before going up, 'to steady the "
     "hands'.",
     'safety'),
    ('Still over the limit when she clocked on for the early ambulance shift, by her '
     'own count of units.',
     'safety'),
    ("Admits he's been on the ket the night before his early shifts driving the Sunday"
     ' trains to Cardiff.',
     'safety'),
    ('Came in for the morning list still drunk from the night before; the scrub nurse '
     'smelled it and sent her home.',
     'safety'),
    ('Ex has been parked up by the staff entrance at the hospital when her nights '
     'finish, four times this fortnight.',
     'safety'),
    ('Line manager followed her into the stockroom, shut the door and stood in front '
     "of it while he went on about her 'attitude'.",
     'safety'),
    ("PhD supervisor messages her after midnight - 'sleep tight x' - and she's started"
     ' dreading their one-to-ones.',
     'safety'),
    ('A client of hers from the gym keeps appearing at her work, at her gym, and was '
     'sat on the wall outside her house Sunday.',
     'safety'),
    ('Has changed the way she walks home from uni three times since a lad from her '
     'seminar group started waiting at her bus stop.',
     'safety'),
    ('Colleague turned up at her flat uninvited on Saturday and kept on the buzzer for'
     " twenty minutes when she didn't answer.",
     'safety'),
    ("Music teacher sends him messages late at night saying it's 'our secret'; pt is "
     '14.',
     'safety'),
    ("Said at the team briefing that 'a few of you won't be getting home on Friday' "
     'and refused to say what he meant.',
     'safety'),
    ("Reckons the lad next door 'won't be walking right' after the weekend - knows "
     'which pub he drinks in.',
     'safety'),
    ("Re the landlord: 'he'll find out what happens to people who do that to me', said"
     ' quietly, jaw set, twice.',
     'safety'),
    ("Says the council officer who stopped her benefits 'should be careful leaving the"
     " building at night'.",
     'safety'),
    ("Texted his brother 'after Saturday there'll be one less of us at Christmas' and "
     "won't explain it to me or to him.",
     'safety'),
    ("Pt: 'the teachers at that school are going to remember my name' - asked about "
     'it, he changed the subject.',
     'safety'),
    ("Hinted his ex's new fella 'will be needing a wheelchair' if he sees him near the"
     ' kids again.',
     'safety'),
    ('In the same few days he took back all his library loans, stopped the gym direct '
     'debit and handed his PS5 to his flatmate, no reason given.',
     'safety'),
    ("Sealed envelope in the bureau marked 'after' - wouldn't tell me what's inside.", 'safety'),
    ("Moved nearly all his savings into his brother's account on Monday 'so it's "
     "sorted'; no explanation beyond that.",
     'safety'),
    ("Asked her eldest to 'look after your nan when I can't anymore' - said it at the "
     'school gate, out of nowhere.',
     'safety'),
    ("Spare keys laid out on the hall table, each tagged 'for when you're on your "
     "own'.",
     'safety'),
    ("Her Insta: photos of the kids captioned 'last time I'll see this view'.", 'safety'),
    ("Boxes in the spare room with his nephews' names on and a note saying who gets "
     "the Lego; he's 31 and physically well.",
     'safety'),
    ("Been going round his old mates one at a time to 'thank them for everything' - "
     'three visits this week.',
     'safety'),
    ("Keeping a strip of co-codamol tucked in the glove compartment 'just in case' - "
     "wouldn't say in case of what.",
     'safety'),
    ("Cut a length off the hosepipe and taped one end - it's in the boot of the Corsa.", 'safety'),
    ('Asked me how cold it would need to get for someone not to wake up if they slept '
     'out on the moor; laughed it off.',
     'safety'),
    ("Keeps thinking about driving himself and his wife into the reservoir 'so neither"
     " of us is left'.",
     'safety'),
    ("Has a knotted cord in his jacket pocket, fiddles with it in sessions and won't "
     'tell me why he carries it.',
     'safety'),
    ('Risk reviewed with the duty team after session: moderate, plan agreed, GP '
     'informed.',
     'safety'),
    ('SIDAS 24 today, up from 11 at intake.', 'safety'),
    ("CORE-10 risk item endorsed 'occasionally'; rest of the form much as before.", 'safety'),
    ('Paracetamol and her sertraline now held in the locked office on the unit; staff '
     'to hand out daily.',
     'safety'),
    ('Mum has hidden the kitchen knives under her mattress since his last episode.', 'safety'),
    ("Carer (his sister) says she's at the end of her rope and will take him to A&E "
     'and drive off.',
     'safety'),
    ('CORE-OM risk subscale 6, higher than at assessment; talked it through with her.', 'safety'),
    ("Says she's 'sorted everything' and 'made her arrangements', and wouldn't be "
     'drawn on what that means.',
     'safety'),
    ("'Time the curtain came down on me,' she said, looking at the floor.", 'safety'),
    ("Wishes she could fall asleep and just not come round - 'that would be a mercy'.", 'safety'),
    ("'I've had enough of this ride, I just want to get off' - about her life, not her"
     ' job, when I checked.',
     'safety'),
    ("Says the canal keeps 'calling her home' on her walks.", 'safety'),
    ("'Soon I won't be anyone's problem,' he said on his way out.", 'safety'),
    ("Has bought a one-way ticket and wouldn't say where to; 'it doesn't matter "
     "where'.",
     'safety'),
    ("Wants someone to 'flick my off switch', he said, tapping his temple.", 'safety'),
    ("Said that if she didn't wake up before the exam, 'that'd be grand, honestly'.", 'safety'),
    ("Admits he'd be glad if a lorry took him out on the motorway on the way home.", 'safety'),
    ('Wonders aloud whether anyone at work would notice her desk sitting empty '
     "'permanently'.",
     'safety'),
    ('Urine tox back clean this week, second in a row.', 'test_results'),
    ('OH view: unlikely to be fit for clinical duties for at least six weeks.', 'prognosis'),
    ('Good chance the insomnia settles once the low mood is treated, in my view.', 'prognosis'),
    ('Binge episodes 14 in Jan -> 5 in Apr.', 'progress'),
    ('Used a social story and the emotion thermometer with him today to prepare for '
     'the dentist.',
     'modality_frequency'),
])
def test_twenty_ninth_round_work_and_sideways_risk_on_a_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, twenty-ninth round: a second reviewer helper who read only LABELING.md and this
    # round's families of care, disability and hidden abuse, described in words, wrote 200 look-
    # alikes and 100 positives. These 77 rows were wrong on the round's start and are right now.
    ('Mum reports staff at his group home now bolt his bedroom door from the hall side'
     " after 10pm 'so he doesn't wander'.",
     'safety'),
    ("Pt (LD, supported living) says when she 'kicks off' they put her out on the "
     'patio and shut the door, even in the rain.',
     'safety'),
    ("Sister says his key worker holds on to his blue inhaler until he 'watches his "
     "language'.",
     'safety'),
    ("Advocate reports his tea gets stopped whenever he's 'rude to staff' — third time"
     ' this month.',
     'safety'),
    ("Per day-centre nurse, PRN lorazepam given at 4pm most days 'to make teatime "
     "easier', no agitation recorded, not in his protocol.",
     'safety'),
    ('Described 2 staff pinning him face down on the lounge floor, one knelt across '
     'his back, till he stopped crying.',
     'safety'),
    ("Her daughter found her at 7am still in the pad she'd been put in at teatime, "
     'soaked, sore and shivering; night staff never changed her.',
     'safety'),
    ('His aunt showed me a clip a support worker had posted in a staff group chat of '
     'him mid-meltdown, headbanging, someone laughing behind the camera.',
     'safety'),
    ("Her dad's nursing home stops residents' drinks from mid-afternoon 'to cut down "
     "on wet beds'; she's found him parched and muddled twice.",
     'safety'),
    ("Her carer's told her that if she keeps buzzing for the commode at night he'll "
     'stop coming in to help her at all.',
     'safety'),
    ('Pt w/ CP reports agency carer leaves her in bed till midday most days, not '
     'repositioned; new sore on L heel.',
     'safety'),
    ("Day-service manager admitted to me they 'sometimes' hold the quiet-room door "
     "shut on Jonah when he's loud, and nothing gets written down.",
     'safety'),
    ("A bank nurse tipped her off that her mum's being given extra haloperidol 'on "
     "short-staffed nights'; mum's been drowsy and falling.",
     'safety'),
    ("Mentioned almost in passing that weekend staff skip his evening meal if he's "
     'dozing, so he often goes hungry till breakfast.',
     'safety'),
    ('Mum found two button batteries gone from the TV remote and blood on his lips; '
     'she thinks he bit into them.',
     'safety'),
    ('Pt (ASD) drank toilet cleaner from under the sink Tues, ER, home next day, '
     'cupboard still not locked.',
     'safety'),
    ('Carer says the X-ray showed three screws and a hairgrip in his stomach; surgical'
     ' team reviewing.',
     'safety'),
    ("When he's overwhelmed he bolts across the road between moving cars; twice this "
     'week a van had to slam on.',
     'safety'),
    ("Says when he's wound up he puts his foot to the floor on the A-road and shuts "
     "his eyes 'to see what happens'.",
     'safety'),
    ('Carer walked in and found her pushing her own face under the bathwater; she came'
     " up gasping and said she 'wanted it quiet'.",
     'safety'),
    ('TA emailed: forearms scratched raw, blood coming through his jumper sleeves by '
     'lunch.',
     'safety'),
    ("Found her Keppra stuffed down the sofa; she's only been pretending to take it "
     'for about two weeks, two seizures since.',
     'safety'),
    ('The home says he spits his lamotrigine out once staff turn away, and they keep '
     'finding tablets in the plant pot.',
     'safety'),
    ('Pt w/ LD drank a bottle of hand gel at the day centre, appeared intoxicated, '
     'ambulance called.',
     'safety'),
    ("Pt with epilepsy has stopped her valproate completely bc it 'makes her slow'; "
     'neurology not told.',
     'safety'),
    ("Eats soil and small stones in the garden whenever nobody's watching and has been"
     " vomiting; GP doesn't know.",
     'safety'),
    ("He yanks the steering wheel when his brother's driving if the radio gets "
     'switched off, nearly had them in a ditch Sunday.',
     'safety'),
    ("Drank half a bottle of mouthwash 'for the taste' at respite; staff only knew "
     'when he threw up.',
     'safety'),
    ('Living on water and a couple of rice cakes a day, and says her heart flutters '
     'when she climbs the stairs.',
     'safety'),
    ("Pt (mild LD) says new 'mates' off the estate have him dropping packages round on"
     ' his bike, paid in vapes.',
     'safety'),
    ("Appointee (cousin) keeps his ESA, gives him a tenner on Fridays, says he 'can't "
     "be trusted' with more.",
     'safety'),
    ("Neighbour's lad walks Mr K to the cashpoint every Monday and stands right at his"
     ' shoulder while he keys in the PIN.',
     'safety'),
    ("Someone at the hostel got her to sign a loan application 'as a favour' and she "
     "has no idea how much it's for.",
     'safety'),
    ("'I don't see much of it,' she said of the pension her son draws for her every "
     'week.',
     'safety'),
    ("When cl went round, her mum's carer's boyfriend wouldn't let her in, said mum "
     "was 'sleeping', third time now.",
     'safety'),
    ('Mrs P reports son tried to force the back door last night after she refused him '
     'money; latch broken.',
     'safety'),
    ('A group of men have moved into his apartment; he sleeps on the couch now and '
     'they deal out of his kitchen.',
     'safety'),
    ("Lets a bloke stay in his box room for 'free gear' and says the bloke 'looks "
     "after' his money now.",
     'safety'),
    ("Support worker can't get in to see him, 5 wks, someone else always answers the "
     "door and says he's out.",
     'safety'),
    ("Pt says her elderly neighbour's son cashes the old lady's pension every week and"
     " she's out of food by Thursday.",
     'safety'),
    ("Pt (autistic, 17) has two extra phones he won't explain and has gone missing "
     'overnight 3x since half term.',
     'safety'),
    ("Gran's online 'boyfriend' has had £8k off her for 'visa fees' and the family "
     "can't make her see it.",
     'safety'),
    ("Mr D (81) has signed his car over and 'lends' his lodger cash weekly; looked "
     'frightened when the lodger was mentioned.',
     'safety'),
    ('Her brother (Down syndrome) keeps coming home from day centre with no bus money;'
     " a 'mate' there 'borrows' it every week.",
     'safety'),
    ("Since her stroke her daughter-in-law 'manages' her card and won't tell her the "
     'balance; red bills piling up.',
     'safety'),
    ("In-laws have her passport and BRP 'for safekeeping' and won't tell her where "
     'they are.',
     'safety'),
    ("MIL keeps her wedding gold locked up 'till she learns how a wife behaves'.", 'safety'),
    ("Family have picked a cousin from back home for her to marry next summer; she's "
     "said no and was told it's already settled.",
     'safety'),
    ("'Nobody asked me, I never agreed,' she said of the nikah her father arranged in "
     'March.',
     'safety'),
    ("Dad's booked her a one-way flight to Lahore for August; she's 16 and hasn't been"
     ' told why.',
     'safety'),
    ('Her brothers drive her to and from college and wait outside her classes; she '
     "isn't allowed her own phone.",
     'safety'),
    ("Hasn't been let out of the house except with her mother-in-law since March, "
     "'it's house arrest'.",
     'safety'),
    ("He says one phone call from him and she'll be deported if she ever walks out.", 'safety'),
    ('Partner withdrew sponsorship of her visa the same week she applied for the '
     'non-mol.',
     'safety'),
    ("Girlfriend threatens to tell his family and his boss he's gay if he ends it.", 'safety'),
    ('Partner flushed his ARVs down the toilet during a row Sat; no doses since.', 'safety'),
    ("Husband's been hiding her letters from the gender clinic; she found one torn up "
     'in his car.',
     'safety'),
    ("Church elders told her to hand over her wages 'or the boy won't get better'; "
     "she's given them about £2,000.",
     'safety'),
    ('Pastor told the family to pray instead of giving his insulin, and mum has '
     'started cutting his doses.',
     'safety'),
    ('Has to ask him before she buys so much as a coffee, and send a photo of every '
     'receipt.',
     'safety'),
    ('Her partner holds her keys when they go swimming because her costume has no '
     'pockets, a running joke.',
     'private'),
    ("Pt (14) says her coach calls their extra sessions 'just between us' and tells "
     "her he's the only one who really gets her.",
     'safety'),
    ("Son (12) has been doing one-on-one 'elite training' with his swim coach after "
     'the pool shuts.',
     'safety'),
    ("Her daughter says the gymnastics coach gives the girls 'sports massages' in his "
     'office with the door closed.',
     'safety'),
    ("Her lad says the scout leader came into the boys' tent after lights out on camp "
     'and sat on his sleeping bag.',
     'safety'),
    ("Choir master hugs her for ages and strokes her hair; she's 12 and says it makes "
     'her feel weird.',
     'safety'),
    ("Tutor's been giving him lifts home after their one-to-ones and buying him energy"
     " drinks and games; he's 13.",
     'safety'),
    ('Form tutor bought her a phone, messages her late at night and told her not to '
     'tell her mum.',
     'safety'),
    ("Mum mentioned the girls will 'be made women' in Somalia this summer, same as she"
     ' was.',
     'safety'),
    ("Disclosed she was cut at 7 in Guinea, first time she's ever told anyone.", 'safety'),
    ("Gran told her 8-year-old a 'special procedure' will happen at the family "
     'gathering back home.',
     'safety'),
    ('School nurse noticed the 9yo walking stiffly and avoiding the toilet since the '
     'family got back from Egypt.',
     'safety'),
    ("Her mum pressed a heated stone on her chest when she started developing 'so men "
     "won't look'; she was 10.",
     'safety'),
    ("Says partner's 'a bit heavy-handed' with the baby when she cries, shakes the cot"
     ' hard.',
     'safety'),
    ("10yo minds the 4yo and the baby after school until mum's in at seven.", 'safety'),
    ("Coach took her to his hotel room during the away tournament 'to go over "
     "tactics'; she's 15.",
     'safety'),
    ("Music teacher's started 'extra lessons' at his house and told her to keep them "
     'secret from her friends.',
     'safety'),
])
def test_twenty_ninth_round_care_and_hidden_abuse_on_a_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirtieth round, mended on the misses of train_more91 to train_more94 (DBT and
    # personality-disorder services; trauma-focused therapy; people of faith; strong feeling with
    # and without risk). Each family worded anew; none of these sentences is in a corpus file. 28
    # of the 54 positives and 6 of the 14 look-alikes fail on the round's start.
    ('Texted me at midnight from the footbridge over the bypass, crying and saying '
     'sorry.',
     'safety'),
    ('Police found him on the top level of the multi-storey car park after his sister '
     'rang them.',
     'safety'),
    ("She was up on the railway bridge and wouldn't come down until the crisis team "
     'arrived.',
     'safety'),
    ('I kept him talking till the ambulance reached the house.', 'safety'),
    ('Chain walked through: argument, vodka, then she was in the bathroom holding the '
     'razor.',
     'safety'),
    ('Target 1 - cutting on Thursday, superficial, cleaned it herself.', 'safety'),
    ('Had to get three steri-strips at the minor injuries unit on Sunday.', 'safety'),
    ('History includes a ligature attempt on the ward in 2019.', 'safety'),
    ('Spaced out on the A1 with her son in the back seat and missed the junction.', 'safety'),
    ('He lost about half an hour behind the wheel on the way back from the depot.', 'safety'),
    ("Says she 'came to' three junctions past her exit with no memory of the drive.", 'safety'),
    ('Drank most of a bottle of wine, then drove to pick up her daughter.', 'safety'),
    ('The captain admitted he has flown the morning shuttle still over the limit.', 'safety'),
    ('He has a couple of pints before the school run most days.', 'safety'),
    ('Takes the motorbike out at night hoping a lorry decides for him.', 'safety'),
    ("If God won't take him home this winter, he says he'll arrange it himself.", 'safety'),
    ("Posted that she'll be with the Lord before Christmas.", 'safety'),
    ('Told the chaplain the church would be cleaner without him.', 'safety'),
    ("He says he's going to hell anyway so he may as well get there sooner.", 'safety'),
    ("He keeps asking whether to go on living and says God hasn't answered.", 'safety'),
    ('She is praying until the Lord answers her or she dies, and has eaten nothing '
     'since Sunday.',
     'safety'),
    ('Since Frank died she is just waiting to join him and has stopped her heart '
     'tablets.',
     'safety'),
    ('The uncle says the boy must be beaten until the evil spirit leaves.', 'safety'),
    ('Parents refuse to take their baby to the doctor despite a week of fever; they '
     'want prayer only.',
     'safety'),
    ('The imam told her to go home and submit, and that it is a family matter.', 'safety'),
    ("Her brothers say they will 'sort out' their sister for marrying outside the "
     'faith.',
     'safety'),
    ("The scout leader calls her his special girl and says she mustn't tell her mum "
     'about the drives.',
     'safety'),
    ('He told the boy it was a secret between you and me and nobody else.', 'safety'),
    ("He says he'll find her wherever she runs to if she leaves with the baby.", 'safety'),
    ("Said he'd put a bottle through his landlord's face if the rent goes up again.", 'safety'),
    ('Threatened to burn down the pub and has a can of petrol in the van.', 'safety'),
    ("She's been parked outside her ex's new flat most evenings this month.", 'safety'),
    ("He's tracked down his ex's new address online and drove past twice.", 'safety'),
    ("Told his gaming friends he's going to do a school before the summer.", 'safety'),
    ('The man who attacked her was released on licence and is living two streets from '
     'her work.',
     'safety'),
    ('She thinks her stepfather does to the girls now what he did to her.', 'safety'),
    ('The kids, 7 and 9, were left home alone all night while she was out.', 'safety'),
    ('Has stockpiled sleeping tablets in a shoebox under the bed.', 'safety'),
    ('Gave his pill supply to his brother to lock in the gun safe.', 'safety'),
    ('The paramedic admits to pocketing leftover morphine from calls.', 'safety'),
    ("Her dad's pension keeps going missing since her cousin moved in.", 'safety'),
    ("The carer is 'milking' her 88-year-old neighbour, according to the warden.", 'safety'),
    ('She held a lit cigarette against her forearm after the call.', 'safety'),
    ('After switching she found fresh cuts across both wrists.', 'safety'),
    ('The voice tells him to take all the pills in the cabinet.', 'safety'),
    ('Wants his will done by tomorrow, though nothing has changed medically.', 'safety'),
    ('We went through his warning signs with his wife present.', 'safety'),
    ('PCL-5 scored 41, which is above the cut-off for probable PTSD.', 'test_results'),
    ('Session began at 2:10 pm and ended at 3:00 pm.', 'session_times'),
    ('He is missing three shifts a month since the accident.', 'functional_status'),
    ('Back at work two days a week on a phased return.', 'functional_status'),
    ('Some progress toward his sleep goals this month.', 'progress'),
    ('She has completed twelve sessions of the anger group.', 'progress'),
    ('We anticipate a marked reduction in flashbacks over the next month.', 'prognosis'),
    ('The family have always had raised voices at dinner; she likes it quiet.', 'private'),
    ('Her Detached Protector showed up when I mentioned the holiday.', 'private'),
    ('She slipped into the helpless-victim role with her mother again.', 'private'),
    ('The third IVF round failing has knocked both of them flat.', 'private'),
    ('Her card was declined at the supermarket and she felt mortified.', 'private'),
    ("If the bus had come 10 min later she'd have missed him entirely.", 'private'),
    ('He went over the footbridge to the station as usual and felt fine.', 'private'),
    ("Her son wouldn't come down for dinner after the argument.", 'private'),
    ("We talked about a chain of cafes she'd like to open one day.", 'private'),
    ('She drank a bottle of water before the run and felt strong.', 'private'),
    ('He sat in the car outside the school waiting to pick up his daughter.', 'private'),
    ("They're waiting to join her in Spain in June.", 'private'),
    ("Her husband's pension went up this year and they are planning a cruise.", 'private'),
    ('She saved up for a new bike for months.', 'private'),
])
def test_thirtieth_round_crisis_wheel_faith_threats_and_record_facts(text: str,
                                                                     expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirtieth round: a reviewer helper who read only LABELING.md and this round's
    # families, described in words, wrote 200 look-alikes and 100 positives. These 57 rows were
    # wrong on the round's start and are right now.
    ("Family told her cousin that apostates 'deserve what comes'; pt fears for her "
     "cousin's life.",
     'safety'),
    ('Her 11yo says the choir leader calls her his favourite and that their chats are '
     "'just for us'.",
     'safety'),
    ('Spaced out behind the wheel on the ring road and ended up on the hard shoulder, '
     'doesnt remember pulling over.',
     'safety'),
    ("Says she's been asking Our Lady to bring her home to her mammy, and she means "
     'soon, God willing.',
     'safety'),
    ('Her old youth leader sent her a friend request and she remembers him as kind and'
     ' a bit hopeless at football.',
     'private'),
    ('Links in the chain ran: no sleep, three glasses of wine, then the blister packs '
     'popped out onto the kitchen table.',
     'safety'),
    ("She admits she has been following her ex's new girlfriend home from work 'just "
     "to see what she's like'.",
     'safety'),
    ("About her job: 'I don't see the point of anything I do there, it's all reports "
     "nobody reads.'",
     'private'),
    ('Her priest told her to go back to her husband and carry the beatings as her '
     'cross.',
     'safety'),
    ("Her nan's account is being emptied and the new lodger has started 'borrowing' "
     'her bank card.',
     'safety'),
    ('Chain from Fri: row w/ mum -> locked bathroom -> sat with the razor in her hand '
     'when flatmate knocked.',
     'safety'),
    ("Said quietly someone should set the job centre alight - and he's 'got the diesel"
     " for it'.",
     'safety'),
    ("Found the new address of the woman who left him via her cousin's Instagram; has "
     'driven past twice.',
     'safety'),
    ("He believes his family and his church would be cleaner and holier once he's "
     'gone.',
     'safety'),
    ("'I'm damned whatever I do, so why not hurry it along' - said flatly, twice.", 'safety'),
    ('She left the baby (5 mo) in the bath to answer the door and came back to find '
     'him under the water, coughing.',
     'safety'),
    ("Takes the motorbike out at night and opens it right up - 'seeing if the road "
     "decides for me'.",
     'safety'),
    ('Dtr (3) febrile x4 days; parents refusing GP, relying on the prayer chain only.', 'safety'),
    ("She does the voices for her kids' bedtime stories and her Gruffalo is apparently"
     ' legendary.',
     'private'),
    ('Schema therapy, weekly; today chairwork with the Detached Protector mode.',
     'modality_frequency'),
    ('The helpless-victim position shows up in my countertransference more than in '
     'anything she actually says.',
     'private'),
    ("Pt's niece (6) taken off her epilepsy meds by parents after pastor declared her "
     'healed.',
     'safety'),
    ('On the back road home he catches himself easing the steering toward the oaks and'
     " isn't sure he'd pull it back.",
     'safety'),
    ("He said he'd like to put a brick through the landlord's skull and mentioned "
     'which pub the man drinks in.',
     'safety'),
    ('Card declined at the big Tesco - still mortified a week later.', 'private'),
    ("Wants to be in heaven with Jesus before his exams start - 'so I never have to "
     "sit them'.",
     'safety'),
    ('Her violent ex is just out of prison and has been asking mutual friends where '
     "she's living now.",
     'safety'),
    ('She says she is ready for the Lord to take her and has stopped asking Him to '
     'wait.',
     'safety'),
    ("'If I'd left 5 min later I'd have missed the bus and the whole conversation with"
     " my ex.'",
     'private'),
    ("Counted out and hid 40 of her late mum's tramadol 'just to know they're there'.", 'safety'),
    ("She says her stepfather is 'doing the same things to my girls that he did to me'"
     ' when he babysits.',
     'safety'),
    ("Says if his ex moves he'll 'track her down, whatever it takes, wherever she ends"
     " up'.",
     'safety'),
    ("Pt, a first officer, admits flying the early rotation w/ last night's drink "
     'still in his blood.',
     'safety'),
    ('Pt texted me a photo taken from the edge of the quarry at 2am, no message w/ it.', 'safety'),
    ('She has been praying for God to tell her whether she should keep on living, and '
     "says she'll obey whatever answer comes.",
     'safety'),
    ('Her partner found her old school diaries under the bed and read them aloud in '
     'silly voices, and she found it hilarious.',
     'private'),
    ("'The Lord's had long enough to take me - maybe I should save Him the bother,' he"
     ' told me.',
     'safety'),
    ('She rang her solicitor on Monday demanding her will be redone that day, and when'
     " he asked, couldn't say what she wanted changed.",
     'safety'),
    ('Raised voices in the corridor outside my room distracted us both for a minute.', 'private'),
    ("She is thinking about joining her late husband's bowls club after years of "
     'avoiding the green.',
     'private'),
    ("Pt (16) said he 'might as well shoot up the college'; has been reading up on "
     'other school attacks.',
     'safety'),
    ('Stockpiled loo roll in the first lockdown and is, she says, still working '
     'through it.',
     'private'),
    ("Pt talks of 'going home to the Father' soon and wants to choose the day himself.", 'safety'),
    ("Her alter 'Kit' wrote in her journal that 'we should all swallow the pills and "
     "stop'.",
     'safety'),
    ('The youth pastor has been giving her 15-year-old gifts and a secret phone, '
     'telling her God brought them together.',
     'safety'),
    ('She reports dissociating on the school run - came round at a red light with the '
     'kids in the back and no memory of the last mile.',
     'safety'),
    ("Her offer on the house was declined and she has decided that's a sign to stay "
     'put.',
     'private'),
    ("She doesn't see the point of half the meetings at work and thinks her manager "
     'agrees.',
     'private'),
    ("Kids (4, 7) on their own Fri-Sun while mum at a festival, per older one's "
     'teacher.',
     'safety'),
    ("Sent his former manager a text: 'I know where your kids go to school.'", 'safety'),
    ("Mother-in-law insists the baby's infected cord be treated with holy oil, not "
     'antibiotics - baby getting worse.',
     'safety'),
    ('She slides into a helpless-victim position with her sister, and I noticed myself'
     ' wanting to rescue her.',
     'private'),
    ("Wonders if God would forgive her if she 'went to Him early'.", 'safety'),
    ("Pt says he 'blanked' on the freeway Tues, surfaced two off-ramps past his exit "
     'w/ no memory of the drive.',
     'safety'),
    ('Gave her husband the rest of her lithium and diazepam to keep locked in his '
     'toolbox after last week.',
     'safety'),
    ('He half hopes a lorry will clip him when he cycles the dual carriageway, and he '
     'has stopped using his lights.',
     'safety'),
    ('She heard raised voices from the flat upstairs again and wondered whether to '
     'mention it to the landlord.',
     'private'),
])
def test_thirtieth_round_families_on_a_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-first round, mended on the misses of train_more95 to train_more98 (LGBTQ+
    # clients and sex therapy; older adults and carers; record phrasing; private look-alikes). Each
    # family worded anew; none of these sentences is in a corpus file. 36 of the 73 fail on the
    # round's start.
    ('Went under on GHB at the afterparty; mates put him in the recovery position.', 'safety'),
    ("He was G'd out for about an hour on Sunday morning, nobody with him.", 'safety'),
    ('She collapsed at the flat party and no one called an ambulance because of the '
     'drugs.',
     'safety'),
    ('Admits slamming on his own most weekends since the breakup.', 'safety'),
    ('Thinks someone slipped something into her drink at the club on Friday.', 'safety'),
    ("Keeps a stash of oxy in the glovebox 'for the end'.", 'safety'),
    ("Came round in a stranger's flat with a guy undressing him and no idea how he got "
     'there.',
     'safety'),
    ('After the party she has no memory of consenting to sex.', 'safety'),
    ("He can't remember whether he consented, he was so out of it on G.", 'safety'),
    ('Someone filmed her while she was unconscious at the house party.', 'safety'),
    ("Man from Grindr wants 500 quid or he'll send the pics to her boss.", 'safety'),
    ("Ex has threatened to out him at work if he doesn't come back.", 'safety'),
    ("Says if he ever ends it she'll post the videos and tell his parents he's bi.", 'safety'),
    ("Graffiti on her door: 'next time it'll be you'.", 'safety'),
    ('Sleeps with a kitchen knife under the pillow since the break-in threats.', 'safety'),
    ("Husband keeps her insulin in his van and only gives it to her if she's 'behaved'.",
     'safety'),
    ('15yo son kicked out by stepdad last week; sofa-surfing.', 'safety'),
    ('Her 14-year-old slept in the bus station on Saturday after the row.', 'safety'),
    ("Said he glassed a lad outside the pub in March and 'would do it again'.", 'safety'),
    ('Went on call on Sunday still drunk from the wedding.', 'safety'),
    ('Has a couple of vodkas before her night shift on the ward to calm down.', 'safety'),
    ('Paramedic admits pocketing morphine vials to take home.', 'safety'),
    ("Bought a hosepipe 'to wash the car' - he doesn't have a car.", 'safety'),
    ('Says the wedding photos would look better without me, and cropped herself out.', 'safety'),
    ('Worries her son would be better off without the burden of caring for her.', 'safety'),
    ('Wife of 50 years; he has thought about how to end it for the two of us if she has '
     'to go into care.',
     'safety'),
    ('Social worker raised possible undue influence from the lodger over the will.', 'safety'),
    ('Since the grandson was added as a joint account holder, money has been going '
     'missing.',
     'safety'),
    ('Has sent £4,000 to an online boyfriend she has never met; he now wants her '
     'savings.',
     'safety'),
    ('Mum has dementia and the neighbour got her to sign the flat over to him.', 'safety'),
    ('Leg ulcer left untreated for months; smell noted by carer.', 'safety'),
    ("Refusing food so that it's all over quicker, per daughter.", 'safety'),
    ("Won't touch the insulin since the diagnosis.", 'safety'),
    ('Still driving despite being told not to by the consultant - clipped a bollard on '
     'Friday.',
     'safety'),
    ('Drove the wrong way down the slip road on Tuesday.', 'safety'),
    ("Handing out her jewellery to the nieces 'while I still can'.", 'safety'),
    ('Wrote each of the grandchildren a letter and sealed them in the bureau.', 'safety'),
    ("Cleared the credit cards so the kids won't be stuck with anything, she said "
     'flatly.',
     'safety'),
    ('Sorry to wake up most mornings.', 'safety'),
    ("Told me she wouldn't use the alarm if she fell - 'just let it happen'.", 'safety'),
    ('Wondered aloud whether anybody would notice if he disappeared.', 'safety'),
    ("Asked her neighbour to take the dog's papers 'in case anything happens'.", 'safety'),
    ('Daughter threatened to put him in a care home if he wet himself again.', 'safety'),
    ("Son takes away her walking frame so she can't leave the lounge.", 'safety'),
    ("Dad (dementia) is locked in the house all day while they're at work.", 'safety'),
    ('Keeps saving the white ones for a rainy day, she laughed.', 'safety'),
    ('Ex does the school run most days and she could smell booze on him at the gate.', 'safety'),
    ('After the school stabbing he said he understands why the kid did it.', 'safety'),
    ('Old cuts on her forearm - reopened one of them last night.', 'safety'),
    ('Asked how far the drop from the car park would need to be for it to be certain.', 'safety'),
    ("At 16 she swallowed her gran's painkillers after a row.", 'safety'),
    ("He 'just grabbed' her throat, she said, and then cried.", 'safety'),
    ('Keeps a 12-bore in the loft from his shooting days.', 'safety'),
    ('Outlook remains guarded given the ongoing housing stress.', 'prognosis'),
    ('I expect the panic to ease once the house move is done.', 'prognosis'),
    ('Goal 3 achieved - attends group independently.', 'progress'),
    ('Compared with intake, he is sleeping through most nights.', 'progress'),
    ('Appointment ran over to seventy minutes because of the interpreter.', 'session_times'),
    ('Returned to work part time in May.', 'functional_status'),
    ('She saved a bottle of champagne for the end of the exams.', 'private'),
    ("The dog's walker has a key in case anything happens while she's in hospital.", 'private'),
    ("His daughter's school trip got cut short, which he thought was unfair.", 'private'),
    ('They spent the afternoon at the war museum looking at the old rifles.', 'private'),
    ('Her granddaughter is marrying in May, so she has updated her will.', 'private'),
    ('Brought a newspaper cutting about the flower show.', 'private'),
    ("Said she'd be better off without the commute.", 'private'),
    ('He takes the children out for ice cream on Sundays.', 'private'),
    ('Her neighbour glass-recycles everything and lectures the street about it.', 'private'),
    ('Went to the opera museum exhibition on Saturday.', 'private'),
    ('Still buzzing from the concert when she came in.', 'private'),
    ("Paid the car off early so there's one less bill.", 'private'),
    ('She hates the falls pendant and says it makes her look old.', 'private'),
    ('Her sister changed the locks after the burglary.', 'private'),
])
def test_thirty_first_round_chemsex_consent_exposure_elders_and_record_facts(
        text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-first round, mended on the misses of train_more99 to train_more102 (eating
    # disorders; children and school; psychosis and severe illness; couples and families). Each
    # family worded anew; none of these sentences is in a corpus file. 25 of the 50 fail on the
    # round's start.
    ('After purging on Saturday the sink was streaked with red, she said.', 'safety'),
    ('Has been halving his Lantus so the weight comes off faster.', 'safety'),
    ('Insulin held back to control weight, ketones high on Thursday.', 'safety'),
    ('Passed out in the changing room after skipping breakfast and lunch before the '
     'meet.',
     'safety'),
    ('Nothing to eat since Tuesday apart from black coffee.', 'safety'),
    ('Takes laxatives six at a time after a binge.', 'safety'),
    ('Pulled her feeding tube out overnight and is refusing another.', 'safety'),
    ("I'm worried he could collapse at training before the review.", 'safety'),
    ("Called not eating 'the slow way out'.", 'safety'),
    ('Dad padlocks the fridge at night, per the 9yo.', 'safety'),
    ("The girls are sent to bed without supper if their rooms are messy, she's 7 and 5.",
     'safety'),
    ("Per the 6yo, there's no food till Friday when Dad gets paid.", 'safety'),
    ("Said her uncle plays a game she doesn't like at bedtime; she's 8.", 'safety'),
    ("Ruby (5) said the neighbour 'does funny things at bathtime' when he babysits.", 'safety'),
    ("His online 'mentor' from Discord wants him to keep it just between them and sent "
     "gift cards; he's 13.",
     'safety'),
    ("A gaming 'friend' asked the 12yo for her home address.", 'safety'),
    ("The 10yo says there's no one home most nights and he makes his own tea.", 'safety'),
    ("Stepmum makes him sleep in the garage when he's 'naughty'; he's 11.", 'safety'),
    ("She pushes a chest of drawers against the bedroom door on nights her mum's "
     'boyfriend drinks.',
     'safety'),
    ("Told friends he'd bring his cousin's machete into school on Friday.", 'safety'),
    ("New Year 9 boy has a second phone and cash he won't explain.", 'safety'),
    ("Said 'you won't see me again' as she left the session.", 'safety'),
    ('Mum will lock away the paracetamol and razors tonight.', 'safety'),
    ('Held her hand over the candle flame until it blistered, because the voice said so.',
     'safety'),
    ("Keeps a bat by the bed and says he'll use it on whoever comes through the door.", 'safety'),
    ('Threatened to swallow every pill in the house if they admit him.', 'safety'),
    ('Two lads moved into her flat last month and take her money every payday.', 'safety'),
    ("The voices tell her the baby is possessed; she's 3 weeks postpartum.", 'safety'),
    ("There isn't anything worth staying around for, he said.", 'safety'),
    ('Punched a nurse on the ward on Sunday.', 'safety'),
    ("Has found the councillor's home address and posted it online.", 'safety'),
    ('Ran two red lights on the way here because the signs told him to.', 'safety'),
    ("Her husband won't let her see her sister or her old friends any more.", 'safety'),
    ('He chooses what she wears when they go out.', 'safety'),
    ('Her ex turned up outside her work again on Monday.', 'safety'),
    ("'If you leave, I'll jump off the balcony,' he told her last week.", 'safety'),
    ('Separate interviews: she says he has pushed her twice this year.', 'safety'),
    ('The kids hide upstairs when he throws plates at her.', 'safety'),
    ('His forearm across her throat during the row on Friday.', 'safety'),
    ('Worried her ex will take the children abroad after the hearing.', 'safety'),
    ("Nephew transferred all of his aunt's savings into his own account.", 'safety'),
    ('Drove home from the pub after four pints with the kids in the back.', 'safety'),
    ("He has driven past his ex's new flat every night this week.", 'safety'),
    ('She wrote thank-you letters to each of her teachers before leaving school.', 'private'),
    ('We talked about what a danger assessment is and who uses one.', 'private'),
    ('Her daughter wants a new phone for her birthday and keeps dropping hints.', 'private'),
    ('He locked up the shop at six and came straight here.', 'private'),
    ("Her mum used to say she'd kill her if she came home late, laughing.", 'private'),
    ('The lads moved into their new flat in town last month.', 'private'),
    ('Wrote a short story where a boy runs red lights on his bike.', 'private'),
])
def test_thirty_first_round_food_children_psychosis_and_couples(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-first round: a reviewer helper who read only LABELING.md and this round's
    # first families, described in words, wrote 200 look-alikes and 100 positives. These 61 rows
    # were wrong on the round's start and are right now.
    ('Mate keeled over on G at the after-party; the others rolled him on his side and '
     'carried on, no one rang 999.',
     'safety'),
    ('Pt reports slamming crystal alone in hotel room after chill-out ended, nobody else '
     'present.',
     'safety'),
    ('She thinks something was slipped into her gin at the club; she came to in a '
     "stranger's flat with no idea how she got there.",
     'safety'),
    ("She came round on her flatmate's friend's sofa with him undressing her; she'd had "
     'two drinks and remembers nothing after that.',
     'safety'),
    ("Pt unsure she consented - 'barely conscious' per her account; at ex's flat Sat.", 'safety'),
    ('He found out from a group chat that someone had filmed him in the bedroom while he '
     'was unconscious at the party.',
     'safety'),
    ('Woke to find him having sex with her - she had been asleep and never agreed; says '
     "she 'must have led him on'.",
     'safety'),
    ('Ex wants £500 a month - otherwise the intimate photos go to her new employer.', 'safety'),
    ("His girlfriend has said that if he ends it she'll tell his parents he's gay, and "
     "he feels he can't leave.",
     'safety'),
    ("Husband reminds her he 'has the videos' whenever she mentions moving out.", 'safety'),
    ('Her partner left a note saying the cat was only a warning and she would be the one '
     'he went for after that.',
     'safety'),
    ("Partner is holding her oestrogen - says she'll get it back once she drops the idea "
     'of moving out.',
     'safety'),
    ("His carer won't give him his inhalers until he signs the timesheet she has filled "
     'in herself.',
     'safety'),
    ("Bf has her T vials; returns them 'when she's nice to him'.", 'safety'),
    ('Her stepdad changed the locks on her fifteen-year-old after a row, and the girl '
     'has been sofa-surfing since.',
     'safety'),
    ('Son (14) spent 2 nights in bus shelter after mum told him not to come back.', 'safety'),
    ('At 13 pt was shut outside overnight in January as punishment - first disclosure '
     'today.',
     'safety'),
    ("He smashed a bottle over a man's head outside the club in May, and the police were "
     'involved.',
     'safety'),
    ("Told the doorman he'd 'put a pint pot in his face' next time he saw him.", 'safety'),
    ('Hx: glassed a stranger 2019, community order.', 'safety'),
    ("If his ex's new partner turns up at the local, he says, he'll shove a glass in his "
     'face.',
     'safety'),
    ('He admits he has done early-morning deliveries in the lorry while still over the '
     'limit from the night before.',
     'safety'),
    ("ICU RN - has a vodka 'livener' in the car park before nights.", 'safety'),
    ('Commercial pilot; flew morning after drinking until 0200 on two occasions.', 'safety'),
    ('Vet nurse - has ketamine vials at home from the practice; says nobody checks.', 'safety'),
    ('Says the length of rope in his boot is for towing - he sold the car last spring.', 'safety'),
    ("2 bags BBQ briquettes in bathroom 'for summer' - Nov, flat, no balcony.", 'safety'),
    ("He bought a clothes line 'for camping', yet he hasn't camped in twenty years and "
     'became evasive when I asked.',
     'safety'),
    ('He thinks his children would have had an easier life if he had never been around.',
     'safety'),
    ("'Everyone'd move on faster if I was out of the picture' - said flatly.", 'safety'),
    ("Caring for her husband with dementia, she said, 'sometimes I think we should just "
     "go together and be done with it'.",
     'safety'),
    ('Wife with MS - he wonders aloud whether a double dose for each of them would be '
     "'the kindest thing'.",
     'safety'),
    ("Mother of adult son w/ severe LD: 'if anything happens to me, I'm taking him with "
     "me'.",
     'safety'),
    ('Since her nephew moved in with Mrs C, who is 87 and forgetful, about thirty '
     'thousand pounds has gone from her savings.',
     'safety'),
    ("Gran's Facebook 'boyfriend' - never on video - has had £12,000 from her for 'visa "
     "fees'.",
     'safety'),
    ("New neighbour 'helps' Dad w/ bank cards; Dad can't say where the money goes.", 'safety'),
    ("Burn on R hand from July, never seen - 'it'll heal on its own'.", 'safety'),
    ("The school nurse found that the boy's forehead cut was never taken to be stitched "
     'and is now infected.',
     'safety'),
    ("Eating almost nothing - 'the less I eat, the quicker this ends'.", 'safety'),
    ("Apixaban left in drawer since the funeral; 'if my heart goes, it goes'.", 'safety'),
    ('The memory clinic told him to stop driving in March, but he drove himself to the '
     'garden centre yesterday.',
     'safety'),
    ('Daughter says he went up the slip road onto the motorway against the traffic last '
     'week.',
     'safety'),
    ('Mrs K (mod dementia) still drives grandson to school, against GP advice.', 'safety'),
    ('He gave his fishing gear to his nephew last week and his records to a neighbour - '
     "'better they have them now'.",
     'safety'),
    ("Cleared overdraft and credit cards in one go 'so nobody inherits a mess'.", 'safety'),
    ("Has written a sealed card for each grandchild, in a drawer 'for later'.", 'safety'),
    ('This week she finished arranging her funeral plan and wrote down the bank '
     'passwords, and she smiled, calm, as she told me.',
     'safety'),
    ("She says she would rather not open her eyes in the morning: 'another day of the "
     "same'.",
     'safety'),
    ("'Could go to sleep tonight and wouldn't mind if that was that.'", 'safety'),
    ("Care worker seen pulling Mr D's hair while changing him - reported by his "
     'daughter.',
     'safety'),
    ("Co-codamol stash in sock drawer 'for if it gets too much'.", 'safety'),
    ("A teacher told her the children's father smelled of beer at pickup and then drove "
     'off with them.',
     'safety'),
    ('Wife drinks in pm, then nursery pickup in car - pt scared for kids.', 'safety'),
    ("He says the man who shot up the supermarket 'had the right idea - people like that "
     "had it coming'.",
     'safety'),
    ("Has watched the attacker's livestream several times - calls him 'a legend'.", 'safety'),
    ("Pt (17) posted online that the mosque gunman 'did what needed doing'.", 'safety'),
    ('He talks about the school attacker with admiration and has been reading his '
     'manifesto.',
     'safety'),
    ("Keeps a newspaper cutting of grandad's prize marrow in her purse - showed me.", 'private'),
    ('She showed me that the old lines on her thigh have been opened up again this week.',
     'safety'),
    ("Asked me what height a fall would need to be 'so you don't wake up in hospital'.", 'safety'),
    ("She does the early bus route on the morning after her nights out and thinks she's "
     "'probably fine by then'.",
     'safety'),
])
def test_thirty_first_round_families_on_a_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-first round, second review: wider than meant on the round's first version
    # (said of an adult, not wanting to go home or no one in most evenings is not a child at home in
    # danger; a physio's 'no pushing'; an insulin dose halved by the diabetes team). The four
    # look-alikes fail on that version; the last row keeps what the narrowing must not lose.
    ("She doesn't want to go home because her husband snores so loudly.", 'private'),
    ("There's no one in most evenings since her husband died, and the house feels big.",
     'private'),
    ('Physio says no pushing through the pain this week.', 'private'),
    ('Diabetes team halving her insulin as her weight comes down, per the nurse.', 'medication'),
    ("He doesn't want to go home when his dad's been drinking; he's 9.", 'safety'),
])
def test_thirty_first_round_second_review_of_the_families(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-second round, mended on the misses of train_more103 to train_more106 (risk
    # without risk words, the record as published, private look-alikes, risk documentation), each
    # family worded anew: drinking before driving, flying or a shift; goodbyes, settling up, a
    # method told plainly, dialysis stopped, tablets kept unused, worth more to the insurance; past
    # self-harm told in passing; a child at risk told in passing; safety planning, the duty to warn
    # and consent to a safeguarding referral. Then the narrowings: nightmare content, a dream's
    # fire, a pub quiz, 'dead and buried' and 'the dead', a conditional idiom about a photo, an
    # anxious mum, a Tarasoff workshop, the clinician's own habit. 26 of these cases are wrong on
    # the round's start.
    ('Night-shift supervisor noticed he smelled of alcohol at the 7am handover again.', 'safety'),
    ('She drinks till 2 most nights before her early shifts on the ward.', 'safety'),
    ('He tops up with a can of cider before his afternoon route; says no one can tell.', 'safety'),
    ('Had a couple before driving the kids to football, she admits.', 'safety'),
    ('Had a coffee before driving the kids to football.', 'private'),
    ('Drinks plenty of water until noon before his long runs.', 'private'),
    ("Texted his ex apologising for everything he'd ever done, out of the blue.", 'safety'),
    ('Recording voice notes for after, one for each grandchild.', 'safety'),
    ('Saving messages for after the wedding to read at the reception.', 'private'),
    ("Very calm today; told me 'everything is decided' and wouldn't say more.", 'safety'),
    ('Drove into the bridge support in March; admits now it was not really an accident.',
     'safety'),
    ("The pregnancy wasn't exactly an accident, she laughs.", 'private'),
    ('Bought a length of hose this week and asked whether it would fit a car exhaust.', 'safety'),
    ('Sits on the railway bridge after work watching the trains go under.', 'safety'),
    ("Has stopped going to dialysis and hasn't told her family.", 'safety'),
    ("No dialysis since the 14th, and she hasn't told the unit.", 'safety'),
    ('Kept about 30 x zopiclone 7.5mg untaken in a shoebox.', 'safety'),
    ('Says the family would be better off with the life insurance than with him.', 'safety'),
    ("Scars up his forearms - 'a phase when I was 14', he shrugged.", 'safety'),
    ('Scars on her forearms from a cycling accident, she says.', 'private'),
    ("Referred to 'that time with the pills' in first year as if it were nothing.", 'safety'),
    ('Smashed the TV in a rage while his daughter was in the room.', 'safety'),
    ('The twins only get a hot meal at breakfast club, she thinks.', 'safety'),
    ("Didn't take her son to A&E for the burn because 'they'd ask questions'.", 'safety'),
    ('Lost track of her toddler at the beach while she was drunk.', 'safety'),
    ('Lost track of the kids at the fair for a minute - panicked, found them at the '
     'ice-cream van.',
     'private'),
    ('Added a new internal coping strategy to her plan: a cold flannel on her face.', 'safety'),
    ('Support contacts on her crisis plan updated: brother and neighbour.', 'safety'),
    ('People she named who she can ring when the urges get strong: her cousin and her '
     'coach.',
     'safety'),
    ('Keeps the refuge number saved under a fake name in her phone.', 'safety'),
    ("Told him in advance I'd be breaking confidentiality and why.", 'safety'),
    ('Phoned the ex-partner to warn her about the threat he made in session.', 'safety'),
    ('Mother agreed to the child protection referral after we talked it through.', 'safety'),
    ('Nightmare content: a lion in the school corridor, friendly, eating crisps.', 'private'),
    ('In the dream she burned down her old school and felt free.', 'private'),
    ("He's beating his dad at the pub quiz most weeks now.", 'private'),
    ("He's beating his girlfriend - she has bruises on her arms.", 'safety'),
    ("Says the feud with her brother is dead and buried and she's relieved.", 'private'),
    ('Works nights at the funeral home and says the dead are easier than the living.', 'private'),
    ("Says she'd be better off dead; her mum doesn't know.", 'safety'),
    ("Says she'll strangle her sister if she posts one more selfie of them.", 'private'),
    ('Anxious mums at the school gate wind her up.', 'private'),
    ('Pt anxious in session; fidgeting throughout.', 'symptoms'),
    ('Recalled a Tarasoff workshop from my training; the room went quiet.', 'private'),
    ("My habit of telling clients they're more improved than when we started.", 'private'),
])
def test_thirty_second_round_families(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-second round: a reviewer helper who read only LABELING.md and this round's
    # families described in words wrote 200 look-alikes and 100 positives (91 of 300 wrong on the
    # round's start, 93 on the families' first version, 46 after widening and narrowing). These are
    # the 46 rows it put right, each wrong on the round's start.
    ("Beat her brother at the pub quiz for the first time in years and hasn't stopped "
     'talking about it.',
     'private'),
    ('The anxious mums at the school gate make her feel judged.', 'private'),
    ('HGV driver; had a couple of cans in the cab before setting off on the 5.40 run.', 'safety'),
    ('Thinks she was still tipsy when she took over the night shift on the neonatal '
     'unit.',
     'safety'),
    ('Out till 1 on the vodka, then flew the 6am to Faro as first officer.', 'safety'),
    ('ETOH ~4 pints prior to driving the kids home from the party.', 'safety'),
    ('Swigs from a hip flask in the staff toilets before theatre lists.', 'safety'),
    ("Posted on Facebook apologising to anyone she's ever hurt, comments turned off.", 'safety'),
    ("Went round her friends one by one saying sorry for how she's been, as if it was "
     'the last time.',
     'safety'),
    ("Has recorded a video for her son to watch 'once I'm not here'.", 'safety'),
    ("Left sealed envelopes in the drawer marked 'open when it's over'.", 'safety'),
    ("Has made voice memos for each of the grandchildren to play after she's dead.", 'safety'),
    ("Pt writing letters 'to be read afterwards'; declined to say after what.", 'safety'),
    ("Sudden peace - says she's made her mind up and there's nothing left to worry "
     'about.',
     'safety'),
    ('After months of torment he smiled and told me everything was settled now.', 'safety'),
    ("Abrupt calm after last week's crisis: 'I've got it all worked out'.", 'safety'),
    ("Says the motorbike 'accident' in June was 'more of a decision'.", 'safety'),
    ("Admits she didn't brake when the lorry came through - 'I just let it happen'.", 'safety'),
    ('MVA last yr - pt now discloses it was intentional.', 'safety'),
    ("The fall from the balcony wasn't the accident she told A&E it was.", 'safety'),
    ("Took her hands off the wheel on the bypass 'to see what would happen'.", 'safety'),
    ("Bought tubing the right width for the car's tailpipe and kept the receipt in his "
     'wallet.',
     'safety'),
    ('Measured the exhaust pipe and ordered a length of hose to match.', 'safety'),
    ('Her husband found a hose cut to size on the back seat; when he asked, she said '
     'nothing.',
     'safety'),
    ('Parks by the railway bridge on the ring road after work and counts the trains.', 'safety'),
    ('Sat on the embankment above the main line for two hours on Sunday watching the '
     'expresses.',
     'safety'),
    ("Waited at the end of the platform where the fast trains don't stop and let three "
     'go by.',
     'safety'),
    ("Hasn't been to the renal unit since the 3rd and isn't answering their calls.", 'safety'),
    ("Dialysis missed x3 this wk; pt says 'what's the point'.", 'safety'),
    ("Peritoneal dialysis bags unopened since Friday; says she's 'had enough of the "
     "machine'.",
     'safety'),
    ('Has a shoebox of about 60 amitriptyline she never took.', 'safety'),
    ('Pt holding ~25 x diazepam 5mg, not taken.', 'safety'),
    ("Collects her zopiclone each month but doesn't take it - around 50 now.", 'safety'),
    ("Pt states fam 'would be richer and happier' if the policy paid out.", 'safety'),
    ("Keeps mentioning the life cover - 'at least I'm worth something dead'.", 'safety'),
    ("Long sleeves in July; eventually said the lines on her wrist were 'just a teenage "
     "thing'.",
     'safety'),
    ("Mentioned 'the time I took all Mum's pills' at 16 as if it was nothing.", 'safety'),
    ('Threw the laptop at the wall with the 2yo on the sofa.', 'safety'),
    ("Says the school dinner is the only hot food the kids get, and they're 'starving' "
     'by Monday.',
     'safety'),
    ("Son's finger looked broken but she didn't take him in - 'they'd ask how it "
     "happened'.",
     'safety'),
    ("Was so stoned on Saturday she didn't notice the baby had crawled out into the "
     'garden.',
     'safety'),
    ('Pt drunk, unsure where the 18mo was for ~1hr.', 'safety'),
    ('Reviewed her list of things she can do alone when it gets bad: cold shower, loud '
     'music, holding ice.',
     'safety'),
    ("Has Women's Aid saved in her phone as 'Dentist' so he won't see it.", 'safety'),
    ("Told pt I'd need to contact the police about the specific threat to her ex; she "
     'understood.',
     'safety'),
    ('Pt consented to MASH referral re: son.', 'safety'),
])
def test_thirty_second_round_families_on_a_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-second round, record families mended on the tuning files' record misses,
    # worded anew: self-care done only when prompted or with help, driving limits and their return,
    # hours of caring, shifts as 3x12s; a change told against an earlier season (not done since
    # then, not possible then). The look-alikes keep a relative's limits and a clinician's musing
    # private. Six of these cases are wrong on the round's start.
    ('Only washes her hair when her sister nags her about it.', 'private'),
    ('Eats only when her partner reminds her; skipping lunch most days.', 'functional_status'),
    ('Needs prompting with dressing and meals per daughter.', 'functional_status'),
    ("Still won't drive on the motorway since the crash; uses B-roads.", 'functional_status'),
    ("She's driving on the motorway again, short trips only.", 'functional_status'),
    ("Her dad won't drive on motorways since his stroke.", 'private'),
    ('Looks after her grandchildren about twenty hours a week alongside her own job.',
     'functional_status'),
    ('Nurse on 3x12s, nights this month.', 'functional_status'),
    ("Went to the cinema alone, which she hadn't done since the autumn.", 'progress'),
    ("Spoke up in the team meeting - couldn't do that in January.", 'progress'),
    ("She's cooking at weekends again, which hasn't happened since the new year.", 'progress'),
    ("I wonder whether she'd manage the motorway again if we tried graded driving.", 'private'),
])
def test_thirty_second_round_record_families(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-second round, review before stopping: the round's families read words that
    # ordinary life uses too (coffee until 2 before a shift, topping up the car, a smoke, on a high,
    # spare bedrooms, leftover cupcakes, better off by twenty pounds, a radiator hose, trainspotting
    # with a grandson, a rope swing, a car taken in for its MOT, the limits of confidentiality
    # explained, the threat of redundancies, the danger of ice). The fourteen look-alikes are
    # flagged as safety on the version before this review; the last six rows keep what the narrowing
    # must not lose, and a warning to an ex-wife is now read too.
    ('Drinks coffee until 2 before her night shifts, a habit from nursing school.', 'private'),
    ('Tops up the car with petrol before the school run on Mondays.', 'private'),
    ('Had a smoke before taking the class out to the field.', 'private'),
    ('Was on a high when she started the new job - loved the team.', 'private'),
    ('She has 2 spare bedrooms now the kids have moved out.', 'private'),
    ("Keeping 4 leftover cupcakes for her nephew's visit.", 'private'),
    ('Switched her life insurance and is better off by twenty pounds a month.', 'private'),
    ('Spent Saturday fixing the exhaust and a split radiator hose on his van.', 'private'),
    ('Goes to the railway bridge with his grandson to watch the steam trains.', 'private'),
    ('Laughed about that time with the rope swing at the lake.', 'private'),
    ("Won't take the car in for its MOT - too many questions about the dent.", 'private'),
    ("Told her I'd be breaking confidentiality only if someone was at risk.", 'private'),
    ('Her manager warned the team about the threat of redundancies.', 'private'),
    ('Her mum warned her about the danger of black ice on the school run.', 'private'),
    ('Drinks vodka until 3 before his early flights.', 'safety'),
    ('Tops up with gin from a flask before the late shift.', 'safety'),
    ('Keeping 40 x codeine 30mg unused in the glovebox.', 'safety'),
    ('Kids would be better off with the life insurance than with her, she said.', 'safety'),
    ('The hose she bought fits the exhaust exactly, she said flatly.', 'safety'),
    ('I warned his ex-wife of the threat he made today.', 'safety'),
])
def test_thirty_second_round_review_before_stopping(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-third round, mended on the misses of train_more107 to train_more110 (risk
    # work talked about, stoic and understated risk, the record as published notes write it, private
    # look-alikes; written by helpers who never saw the linter), each family worded anew here:
    # settling up and goodbyes (no mess left for the family, calls to people not spoken to in years,
    # not being anywhere any more, a sudden calm with everything sorted, tablets put aside for when
    # she is ready, a dog rehomed so she is looked after, sorry for everything by text, sessions
    # cancelled because it will be over by then, clocking off for good); thoughts of death and
    # method in plain words (not caring whether she wakes up, waking up where her mum is, a good
    # place to end it, 'had a go' with the tablets, the kids better off without her, this Christmas
    # his last, steering into traffic, 'there's always the reservoir', a quarry that would do the
    # job, the drop from a roof, not braking on purpose, a knife kept 'you never know', life
    # insurance and her own life, a footbridge 'to see how it would feel'); risk to others and
    # dependants told in passing, read whoever is named first (a spanner, a baseball bat, a toddler
    # left in a van, over the limit at clock-on, a relative's painkillers and an ambulance, a
    # husband who keeps her bank card, a clip round the ear, a belt on a 6yo, a gran locked in, a
    # drunk mother and a 10-year-old feeding the baby, stoned while minding a three-year-old, drunk
    # from the night before on a forklift, a threat about reaching her car, legs scraped raw, a
    # noose over a rafter, an idling van in a locked garage). Each case's look-alike stays private.
    ("Cleared the overdraft and the credit card this week - said he didn't want to leave "
     'a mess for the family.',
     'safety'),
    ("Tidied the flat before moving out; didn't want to leave a mess for the landlord.",
     'private'),
    ("Has been phoning cousins she hasn't spoken to in twenty years, to say thank you "
     'for everything.',
     'safety'),
    ("Asked whether anyone would notice if she simply wasn't anywhere any more.", 'safety'),
    ("Told the receptionist he won't be around much longer, then laughed it off.", 'safety'),
    ("Oddly calm this week; said it's all sorted now and there is nothing to worry "
     'about.',
     'safety'),
    ('Calmer after weeks of agitation since the dose went up; sleeping 7 hours.', 'medication'),
    ("Has a holdall of tablets put away for when she's ready, she admitted.", 'safety'),
    ("Rehomed the spaniel to his niece 'so she's looked after properly'.", 'safety'),
    ('Sent her brother a voice note saying sorry for everything at 3am.', 'safety'),
    ("Quiet and smiling after months low; thanked me for everything and said he won't "
     'need another appointment.',
     'safety'),
    ("Cancelled his remaining sessions - 'it will all be over by then', he said.", 'safety'),
    ('Said he wants to clock off for good.', 'safety'),
    ('Clocked off early for the bank holiday.', 'private'),
    ("Doesn't really care whether she wakes up tomorrow, she says.", 'safety'),
    ("Doesn't care whether she wins the quiz.", 'private'),
    ('Wishes she could go to sleep and wake up wherever her mum is now.', 'safety'),
    ("Called the headland 'a good place to end it all', looking out of the window.", 'safety'),
    ('Had a go with the tablets at nineteen; never told her parents.', 'safety'),
    ('Had a go at the crossword on the train.', 'private'),
    ('Says the kids would be better off without her around.', 'safety'),
    ("Wouldn't mind if this Christmas was his last, he said flatly.", 'safety'),
    ('Keeps imagining steering into oncoming traffic on the bypass.', 'safety'),
    ('Talks about going to sleep and not waking up.', 'safety'),
    ("Mentioned the reservoir: 'there's always the reservoir', then changed the subject.",
     'safety'),
    ("Said the old quarry 'would do the job' if it came to it.", 'safety'),
    ('Wanted to know how far the drop is from the multi-storey roof.', 'safety'),
    ("If he went off the bridge they'd get the insurance, he reasoned.", 'safety'),
    ("Hasn't braked at the junction twice this week - 'didn't want to'.", 'safety'),
    ('Rather the tumour took her than go through chemo again.', 'safety'),
    ("Knife in the glovebox, 'you never know', won't say more.", 'safety'),
    ('Asked whether her life insurance would pay out if she took her own life.', 'safety'),
    ("Goes up to the footbridge over the bypass 'to see how it would feel'.", 'safety'),
    ('Went at his brother with a spanner during the row; the neighbours pulled him off.',
     'safety'),
    ("Turned up at his ex's house with a baseball bat on Sunday night.", 'safety'),
    ('Toddler was left in the van for over an hour while he was in the pub.', 'safety'),
    ('Still over the limit when she clocked on for the early bus shift.', 'safety'),
    ("Took a few of her nan's painkillers after the row; ambulance called by her "
     'flatmate.',
     'safety'),
    ('Her husband keeps hold of her bank card and checks every receipt.', 'safety'),
    ('Admits he gave his lad a clip round the ear for answering back.', 'safety'),
    ('Reports hitting 6yo daughter with a belt last week.', 'safety'),
    ('Her gran is locked in her room all day while the carer is out.', 'safety'),
    ('Mum is drunk most afternoons and the 10-year-old feeds the baby.', 'safety'),
    ("Stepdad is usually stoned when he's minding the three-year-old.", 'safety'),
    ('Worked the forklift still drunk from the night before.', 'safety'),
    ("Told his manager she won't make it to her car if she reports him.", 'safety'),
    ('Scrapes her legs raw with a nail file when it gets too much.', 'safety'),
    ('Found a noose of blue rope over a rafter in the garage.', 'safety'),
    ('Neighbour found him asleep in the idling van in a locked garage.', 'safety'),
    ("Where I'm going I won't need my winter coat, he told his daughter.", 'safety'),
    ("Went to see his sister 'to square things before I go'.", 'safety'),
])
def test_thirty_third_round_safety_families(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-third round: record families mended on train_more109's misses (functioning in
    # label lines and how often the client washes; next steps, joint sessions booked or trialled,
    # summaries sent, cases closed, homework the client will practise; a telehealth label line), and
    # narrowings on train_more107 and train_more110's private rows (suicide-prevention training and
    # the Zero Suicide programme, a Samaritans listening volunteer, volunteering on a crisis text
    # line, tired of it all with the council, jokes about bridge tolls, a car-crash simile, deer
    # stalking, a crisis team asked about in general), each with the risk that must stay safety.
    ('Money: pays own rent; behind on the phone bill.', 'functional_status'),
    ('Social: sees her sister weekly, otherwise stays in.', 'functional_status'),
    ('Hygiene: poor; washes hair about once a fortnight.', 'functional_status'),
    ('Bathes roughly once every ten days now; partner prompts.', 'functional_status'),
    ('Next steps: liaise with the GP about the referral and review in four weeks.',
     'treatment_plan'),
    ('Joint session booked with mum for the 14th to agree the sleep plan.', 'treatment_plan'),
    ('Agreed a trial of three couples sessions before reviewing.', 'treatment_plan'),
    ('Will send the discharge summary to the GP this week.', 'treatment_plan'),
    ('Plan to close the case after the final review next month.', 'treatment_plan'),
    ('Pt will practise the breathing exercise twice a day before next session.', 'treatment_plan'),
    ('Telehealth: video, client in her car on a lunch break.', 'modality_frequency'),
    ('Our team is rolling out suicide-prevention training for all reception staff.', 'private'),
    ("Bought the Zero Suicide workbook for the service's library.", 'private'),
    ('Suicide is on her mind most days, she says.', 'safety'),
    ('She has signed up as a Samaritans listening volunteer and loves the shifts.', 'private'),
    ('Rang the Samaritans twice on Saturday night.', 'safety'),
    ('Tired of it all with the council and the parking permits.', 'private'),
    ("Tired of it all, she said; can't see the point any more.", 'safety'),
    ('Jokes about the bridge tolls whenever we talk about money.', 'private'),
    ('Jokes about the bridge on the way home every week.', 'safety'),
    ("Describes the meeting as like a car crash you can't look away from.", 'private'),
    ('His cousin volunteers on a crisis text line at weekends.', 'private'),
    ('Went deer stalking with his father as a boy.', 'private'),
    ('Her partner is stalking her, turning up outside work.', 'safety'),
    ('Gave her the crisis line number again.', 'safety'),
    ('Asked in general how the crisis team works - her flatmate is training as a nurse.',
     'private'),
])
def test_thirty_third_round_record_families_and_narrowings(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-third round: a reviewer helper who read only LABELING.md and this round's
    # families described in words wrote 200 look-alikes and 100 positives. These are the rows the
    # round puts right that were wrong on its start: positives in the reviewer's own wording
    # (settling up for whoever has to deal with it, grateful 'in case', a last round of visits, not
    # long for this world, 'so be it' if she doesn't wake up, the drop seen 'to see what it was like
    # to look down', a rope over a rafter to see if it would hold, a shovel and a tyre iron, a baby
    # left in a cab, weed smoked while minding a toddler), record lines (Money:, Social:, a bath
    # once a fortnight, a case to close, Telehealth: video), and look-alikes the round's narrowings
    # read as private (Zero Suicide training, a toolkit session, tired of it all with the council, a
    # reality show like a car crash, deer stalking and its season, a Samaritans listener, what
    # 'compassion fatigue' means, cuts to a crisis team read about in the paper).
    ("Has been squaring every bill and account this week; wants it all neat 'for whoever "
     "has to deal with it'.",
     'safety'),
    ("Cleared the farm's accounts with the merchants and told me 'at least they won't be "
     "saddled with that when I'm not here'.",
     'safety'),
    ("Phoned his sister and two school friends he hasn't spoken to in decades this week "
     "— 'just wanted them to know I was grateful, in case'.",
     'safety'),
    ("Out of the blue visited his ex-wife after twenty years to thank her 'for the good "
     "years' — called it his 'last round of visits'.",
     'safety'),
    ("States 'I'm not long for this world' — no physical illness known.", 'safety'),
    ("'Pretty soon I won't be anywhere, and that's fine,' she said quietly.", 'safety'),
    ("Keeps saying he won't be living much past the anniversary of Jean's death.", 'safety'),
    ("Strikingly serene after weeks of agitation; said 'it's all in hand now' and "
     'thanked me for putting up with her.',
     'safety'),
    ("Cancelled all future appts: 'there'll be nothing left to talk about by then'.", 'safety'),
    ("Told me he'll be 'signing off permanently' soon and grinned; no job change "
     'planned.',
     'safety'),
    ("Says if she doesn't wake up tomorrow, 'so be it — I'm not fussed'.", 'safety'),
    ("Wants to go to sleep and be with Ron again, 'wherever he is'.", 'safety'),
    ("Pt: would be 'no great loss' if this Christmas were her last.", 'safety'),
    ("Wouldn't mind if the tractor rolled on him, 'save everyone the bother'.", 'safety'),
    ("Indifferent to living — 'if I go in my sleep, fine'.", 'safety'),
    ('Told me the household would run better and quieter without him in it.', 'safety'),
    ('Goes to bed hoping not to see the morning, most nights this month.', 'safety'),
    ("Said the old quarry 'would be quick, and nobody'd find me for days'.", 'safety'),
    ("Stopped on the motorway bridge on the way home, 'just to see what it was like to "
     "look down'.",
     'safety'),
    ("'If I drowned in the beck, the insurance would clear the farm,' he said.", 'safety'),
    ("Keeps a length of baling rope in the hayloft; 'it's there if I need it'.", 'safety'),
    ("Stopped wearing his seatbelt and drives the lane flat out — 'whatever happens, "
     "happens'.",
     'safety'),
    ("Threw a rope over the rafter in the byre last week 'to see if it'd hold'.", 'safety'),
    ('Hx: tried to gas himself in the car in 2015, found by his brother.', 'safety'),
    ('Went for his neighbour with a shovel over the boundary fence.', 'safety'),
    ("Drove to his ex's with a tyre iron on the passenger seat and sat outside.", 'safety'),
    ('Left his 18-month-old asleep in the tractor cab for most of the milking.', 'safety'),
    ('Was still over the limit from the night before when he started his shift on the '
     'forklift.',
     'safety'),
    ("Admits he 'gave his wife a slap' when she answered back.", 'safety'),
    ("Smoked weed while looking after her sister's toddler on Saturday.", 'safety'),
    ('Did the Zero Suicide training at work as a ward nurse and found it dry but useful.',
     'private'),
    ('Went to a suicide-prevention toolkit session at the trust; note to self to reread '
     'the handout.',
     'private'),
    ('Volunteers as a Samaritans listener on Tuesday nights; talked about what the '
     'training taught her about silence.',
     'private'),
    ("Says she's tired of it all with the council and the bin collections.", 'private'),
    ("'I'm tired of it all with the council,' he said of the planning application — "
     'three years of forms.',
     'private'),
    ("The reality show is 'like a car crash you can't look away from', she said, and she "
     'watches every episode.',
     'private'),
    ('Went deer stalking with his uncle in Sutherland; talked about the quiet on the '
     'hill.',
     'private'),
    ("Stalking season starts next month and he's guiding clients on the estate again.", 'private'),
    ("We went over what 'compassion fatigue' means after she heard it at a carers' "
     'meeting.',
     'private'),
    ('Angry about the funding cuts to the county crisis team she read about in the '
     'paper.',
     'private'),
    ("Tired of it all with the council tax appeal — she's written four letters.", 'private'),
    ('Note to self: book the suicide-prevention toolkit refresher before June.', 'private'),
    ('Saw a Zero Suicide poster on the bus and critiqued the font at length.', 'private'),
    ("Money: son now handles bills; pt can't keep track of payments.", 'functional_status'),
    ('Social: darts club weekly, church on Sundays.', 'functional_status'),
    ('Social: isolated, leaves the farm only for the mart.', 'functional_status'),
    ('Social: back at five-a-side Wednesdays, pint with his brother Fridays.',
     'functional_status'),
    ("Baths once a fortnight at most; says she can't face the stairs.", 'functional_status'),
    ('Showers about once a fortnight; wears the same clothes most of the week.',
     'functional_status'),
    ('Plan to close the case after the review on the 20th if gains hold.', 'treatment_plan'),
    ('Telehealth: video, client at home in a private room.', 'modality_frequency'),
    ('Telehealth: video via Attend Anywhere, good connection.', 'modality_frequency'),
    ('Telehealth: video; pt in parked car on lunch break for privacy.', 'modality_frequency'),
    ('Telehealth: video, audio dropped twice, finished by phone.', 'modality_frequency'),
    ('Telehealth: video — first remote session after three in person.', 'modality_frequency'),
])
def test_thirty_third_round_review_rows(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-third round, review before stopping: read as a clinician, the round's
    # patterns and a few older ones took ordinary life for risk (the dog when I'm not here, a messy
    # husband nobody should clear up after, loose ends before maternity leave, a phone out of reach,
    # paternity leave, a house sale decided, a PRN tablet 'there if I need it', the motorway 'would
    # be quick', a tyre swing, moving out, making peace with a father, where he lives, waking next
    # to a husband, a rope climb, savings for a flat, a dog minded on holiday, sorry for what was
    # said in a row, a last job before retiring, a car park, the train if the car won't start, a
    # cheaper garage, a tow rope, where to park, a wedding brunch, a planned final session). Most
    # are flagged on the version before this review; the last rows keep what the narrowing must not
    # lose.
    ("The dog howls when I'm not here, the neighbours say.", 'private'),
    ("Says nobody should have to clear up after him - he's forty and still leaves his "
     'plates out.',
     'private'),
    ('Wants to tie up loose ends before I go on maternity leave - note to self.', 'private'),
    ("Texted Dad back: 'I won't be anywhere near a phone till Sunday.'", 'private'),
    ("He won't be around after the 15th; he's on paternity leave.", 'private'),
    ("The decision's made to sell the house and she feels lighter already.", 'private'),
    ("Keeps her diazepam in the drawer: 'it's there if I need it' before flights.", 'medication'),
    ("Taking the motorway 'would be quick', he said, so they left at six.", 'private'),
    ('Threw a rope over the branch for the tyre swing to see if it would hold.', 'private'),
    ("Didn't want to leave a mess behind when she moved out of the flat.", 'private'),
    ("Rang his dad, whom he hadn't spoken to in years, to apologise and make peace.", 'private'),
    ("Doesn't care whether he lives in town or in the country, as long as it's near "
     'work.',
     'private'),
    ('Wants to go to sleep and wake up next to her husband without the alarm going.', 'private'),
    ("Had a go at the rope climb at the kids' gym session.", 'private'),
    ("Savings put aside for when she's ready to buy a flat.", 'private'),
    ("Gave the dog to her sister so she's looked after while they're on holiday.", 'private'),
    ("Texted her sister 'sorry for everything I said' after the row; they made up.", 'private'),
    ('Would be happy if this job was her last before retiring, she says.', 'private'),
    ('Thinking about pulling into the car park at the station to meet her.', 'private'),
    ("There's always the train if the car won't start.", 'private'),
    ("The garage 'would do the job' for half the price, he reckoned.", 'private'),
    ("Rope in the boot - 'you never know when you'll need a tow'.", 'private'),
    ('At the top of the multi-storey deciding where to park.', 'private'),
    ("Still drunk from the night before at his cousin's wedding brunch, he laughs.", 'private'),
    ('Bright after months low; thanked me for everything at our planned final session.',
     'private'),
    ("Tying up loose ends, he says, and won't say what for.", 'safety'),
    ("Doesn't care whether he lives or dies now.", 'safety'),
    ("Texted her mum 'sorry for everything' at 2am and turned her phone off.", 'safety'),
    ("The cat will be fine when I'm no longer here, she said.", 'safety'),
    ("There's always the quarry, he said, and laughed.", 'safety'),
    ('Drove the school bus still drunk from the night before.', 'safety'),
    ("Stood at the top of the multi-storey 'deciding', she said.", 'safety'),
])
def test_thirty_third_round_review_before_stopping(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fourth round, mended on train_more111's look-alikes (ordinary life that
    # sounds final): a partner's phone on silent or do-not-disturb, a phone taken in for repair, a
    # pet rehomed for a landlord, an allergy or a care home, and 'won't be here much longer',
    # goodbyes or no need for the car when the same sentence part gives a move, emigration, a
    # transfer or a new flat (the new 'relocation' context); mandated-reporter training or
    # curiosity. Half are flagged as safety on the round's start; the last rows keep what the
    # narrowing must not lose (a move 'to a better place', goodbyes with the dog given away, a
    # report actually made). A move told in another part of the sentence, after a semicolon or a
    # dash, is not read: the context covers one part.
    ('Her boyfriend keeps his phone on do not disturb after ten.', 'private'),
    ('Husband took her phone in for a new screen while she was at work.', 'private'),
    ('Her wife took her phone to the repair shop on the high street.', 'private'),
    ('Had to rehome the cat when the landlord refused pets.', 'private'),
    ("They're rehoming the dog because the baby turned out to be allergic.", 'private'),
    ('Rehoming his rabbits before moving into the care home next month.', 'private'),
    ("'We won't be here much longer,' he said, as they're relocating to Bristol for her "
     'job.',
     'private'),
    ("She won't be around much longer at the practice as she is emigrating to Perth in "
     'May.',
     'private'),
    ('Saying his goodbyes at the choir now that the transfer to the Glasgow office is '
     'final.',
     'private'),
    ("He won't need his car where he's going, he said, as the new flat in Leeds is by "
     'the station.',
     'private'),
    ('Curious about what a mandated reporter has to do, after her safeguarding course at '
     'school.',
     'private'),
    ("He keeps her phone so she can't call her sister.", 'safety'),
    ('Her partner took her phone and smashed it against the wall.', 'safety'),
    ("Rehomed the dog so she'd be with someone who'll be around.", 'safety'),
    ("'I won't be here much longer,' she said, and wouldn't say why.", 'safety'),
    ("Won't be around much longer - I'm moving to a better place, she said.", 'safety'),
    ('Saying his goodbyes to everyone this week and has given the dog away.', 'safety'),
    ("As a mandated reporter I told her I would be calling children's services today.", 'safety'),
])
def test_thirty_fourth_round_ordinary_life_look_alikes(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fourth round, mended on the misses of train_more112 (safeguarding in
    # published phrasing): the words of safeguarding work on their own (FGM, MARAC, an IDVA, a DASH
    # score, strangulation, WNB, no welfare concerns, a 'DV screen:' label, a risk level in a word),
    # partner violence and control told in passing (the slapping got worse, terrified of what he'll
    # do, cards in her name, his permission, timing her, an ex in her email, a tracker found, an ex
    # outside her work, hair, location demanded, punched again, married off), children at risk and
    # exploited (a named-age child hit, children upstairs during an attack, 'going country', debts
    # to older boys, threats about a brother's school, a 13-year-old with a man of 24, money
    # demanded for photos, missing overnight again), adults at risk (benefits taken and a fiver
    # handed back, an attorney who kept the proceeds, an employer who keeps the passport, men
    # dealing from his flat, a nurse refused for an infected wound) and a threat to kill that was
    # not a joke. Over half are wrong on the round's start; the last rows are look-alikes that stay
    # private (a husband who times her run, a fitness tracker, a hairdresser, a weekend in the
    # Dales, the office keys, a boss who will throttle him over an order, news of a pregnancy, a
    # father's cardiac risk).
    ('Concern re FGM for both daughters before the summer trip.', 'safety'),
    ('MARAC on the 3rd; she agreed to the referral.', 'safety'),
    ('Linked in with the IDVA this week.', 'safety'),
    ('Disclosed non-fatal strangulation last month, never reported.', 'safety'),
    ('DASH 16 today.', 'safety'),
    ('Baby WNB to the 8-week check and two follow-ups.', 'safety'),
    ('Health visitor reports no safeguarding concerns.', 'safety'),
    ('DV screen: negative, nothing disclosed.', 'safety'),
    ('Risk HIGH given recent separation.', 'safety'),
    ('Suicide risk low; protective factors discussed.', 'safety'),
    ('The slapping got worse after the baby arrived, she said quietly.', 'safety'),
    ("Says she is terrified of what he'll do when he's released.", 'safety'),
    ('There are two credit cards in her name that she never applied for.', 'safety'),
    ('She has to ask his permission before going to see her friends.', 'safety'),
    ("He times how long she is at the shop and rings if she's late.", 'safety'),
    ('Her ex is still logged into her email and reads everything.', 'safety'),
    ('Found an AirTag taped under her car bumper.', 'safety'),
    ('Ex-husband waiting outside her work again on Friday.', 'safety'),
    ('Says he dragged her by the hair into the hallway.', 'safety'),
    ('Boyfriend demands her live location at all times.', 'safety'),
    ('Punched again on Saturday night; bruising to ribs.', 'safety'),
    ("Scared she'll be married off during the summer visit to her grandparents.", 'safety'),
    ('Partner slapped the 4yo across the face.', 'safety'),
    ('The kids were upstairs during the attack and heard everything.', 'safety'),
    ('Warning dad first would put the girl at greater risk, per the duty social worker.',
     'safety'),
    ("Says he's going 'country' again at the weekend for the lads.", 'safety'),
    ('Owes the older boys money so he has to hold stuff for them.', 'safety'),
    ('They told him they know where his brother goes to school.', 'safety'),
    ("13yo with a 'boyfriend' aged 24 who buys her vapes.", 'safety'),
    ('£500 demanded or the photos go to her whole school.', 'safety'),
    ('14yo missing overnight again, came back with new trainers.', 'safety'),
    ('His uncle takes his benefits and hands him back a fiver a week.', 'safety'),
    ('Son holds LPA and kept the proceeds of her flat.', 'safety'),
    ("Her employer keeps her passport 'for safekeeping' and takes rent from her pay.", 'safety'),
    ('Two men moved into his flat last month and are dealing from it.', 'safety'),
    ('Refusing the district nurse although the leg wound is infected.', 'safety'),
    ('Said her dad would kill her for real if he found out.', 'safety'),
    ("He said he'd kill her and he wasn't joking.", 'safety'),
    ('Her husband times her parkrun on his watch every Saturday.', 'private'),
    ('Found a fitness tracker down the back of the sofa.', 'private'),
    ('Her hairdresser pulled her hair too hard and she laughed about it.', 'private'),
    ('Going country for a long weekend in the Dales.', 'private'),
    ("Says he's going country for the older lads again.", 'safety'),
    ('Her boss holds the office keys and is always late.', 'private'),
    ("Says his boss will throttle him if the order's late again.", 'private'),
    ('She gave him the news of the pregnancy and he cried with joy.', 'private'),
    ('Cardiac risk is elevated, her GP told her dad.', 'private'),
])
def test_thirty_fourth_round_safeguarding(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fourth round, mended on train_more113's record misses (psychiatric and
    # medication notes) and train_more114's look-alikes and safety misses: how long we met or spoke,
    # how often the client sees each member of the team, a team member's next task, shared care and
    # re-referral, a release form signed so records can go, further admissions not expected, a task
    # done without prompting, shopping ordered online; the clinician's hunch, a differential held in
    # mind and a frame she is not sure of are private; a few hundred tablets put by, medicines
    # brought home from the ward, the children better off had she died, walking over a viaduct to
    # look down are safety.
    ('Met for fifty minutes in the family room.', 'session_times'),
    ('We spoke for half an hour by phone as she was unwell.', 'session_times'),
    ('Sees her CPN every two weeks and the psychiatrist monthly.', 'modality_frequency'),
    ('CPN to visit at home on Thursday.', 'treatment_plan'),
    ('Pharmacist to review the interactions before the next clinic.', 'treatment_plan'),
    ('Moving to shared care with the GP from next month.', 'treatment_plan'),
    ('Discharged, open to re-referral should her mood drop.', 'treatment_plan'),
    ('Once he signs the release form, the reports go to his new team.', 'treatment_plan'),
    ('Further admissions not expected if the current support continues.', 'prognosis'),
    ('We expect her to cope well with a step-down to monthly reviews.', 'prognosis'),
    ('Cooked a meal for herself on Sunday, no prompts needed.', 'functional_status'),
    ('She can manage her own medication box without prompting now.', 'functional_status'),
    ('Orders his shopping online as buses are still too much.', 'functional_status'),
    ('Hunch: the headaches come when her mother visits.', 'private'),
    ('My hunch is the anger is grief in disguise.', 'private'),
    ('Differential in my head: bipolar II vs complex trauma - too early to say.', 'private'),
    ('Not sure the attachment frame fits him yet.', 'private'),
    ('My autism question was set aside for now.', 'private'),
    ('Has a few hundred paracetamol put by in the wardrobe.', 'safety'),
    ('Admits bringing diazepam home from the ward most weeks.', 'safety'),
    ('Thinks the kids would be better off if she had been the one who died in the crash.',
     'safety'),
    ('Has been walking over the viaduct to look down on the way home.', 'safety'),
])
def test_thirty_fourth_round_record_hunches_and_plain_risk(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fourth round: a reviewer helper who read only LABELING.md and this round's
    # families described in words wrote 200 look-alikes and 100 positives. Wrong on the round's
    # start: 58 of 300; on the families' first version: 66; after widening and narrowing them and
    # five older rules: 17. The rows put right that were wrong on the round's start are kept here.
    # Still wrong, among others: an adult's own dental letter marked WNB, a joke about the acronyms
    # DASH and MARAC, a relative's care coordinator seen fortnightly, a move given after a
    # semicolon, goodbyes 'for good' before a move, a stepfather who goes into a little sister's
    # room at night, bruises the clinician doubts came from netball.
    ('She puts an AirTag in her own suitcase now, after the airline lost it last summer.',
     'private'),
    ('Her 5yo hit his sister with a foam sword during a pirate game and she was pleased '
     'she stayed calm.',
     'private'),
    ('She said her coach would kill her for skipping leg day.', 'private'),
    ("Her sister said she'd kill her if she spoiled the finale, and they were both in "
     'stitches.',
     'private'),
    ("Her brother teasingly threatened to 'end' her at Mario Kart.", 'private'),
    ('Her job interview lasted forty-five minutes and she thinks it went well.', 'private'),
    ('Her train was forty minutes late so she spent the time reading in the waiting '
     'room.',
     'private'),
    ("Her football team is expected to go down this season and she's in mourning.", 'private'),
    ("Her husband keeps his phone on do-not-disturb after 9pm and she's started doing "
     'the same.',
     'private'),
    ("She won't need the car after the move to Amsterdam, so she's selling it to her "
     'cousin.',
     'private'),
    ("She won't be here much longer because the family emigrates to Canada in the "
     'spring.',
     'private'),
    ("She asked what mandated reporting means before she'd say anything about work, "
     'which seemed a sensible question.',
     'private'),
    ('She did her mandated-reporter training at the nursery this week and found it dull.',
     'private'),
    ('Her friend is a social worker and explained mandated reporting to her over dinner.',
     'private'),
    ("My bipolar question is still there; I'll hold it lightly for now.", 'private'),
    ('Case heard at the multi-agency risk conference Tues - police and housing both '
     'attending.',
     'safety'),
    ('She told me she was cut as a girl before coming here and is worried about her '
     "daughter's trip back this summer.",
     'safety'),
    ("Son's paediatric appts missed x3; no contact from mum.", 'safety'),
    ('He took out a car loan using her details and she only found out from the bank.', 'safety'),
    ("She can't see her sister unless he okays it first.", 'safety'),
    ('Her ex got into her Instagram and has been messaging her friends as her.', 'safety'),
    ('He yanked her out of the car by her hair.', 'safety'),
    ("Her family are planning to take her 'home' this summer and she thinks she'll be "
     'wed there with no say.',
     'safety'),
    ('He sat in his car outside her gym again tonight, watching the door.', 'safety'),
    ('Both girls were upstairs and heard him throw her against the wardrobe.', 'safety'),
    ('Son (15) sent to a flat in another town to sell; back after 4 days.', 'safety'),
    ("A text said 'we've seen your little brother at the park' and she's terrified.", 'safety'),
    ("Her brother holds power of attorney for their mum and won't say where the money "
     'from the bungalow went.',
     'safety'),
    ('People she barely knows have been staying at her place for weeks, selling drugs '
     "from the lounge, and she can't get them out.",
     'safety'),
    ('Declining district nurse for leg ulcer; dressing not changed in 2 wks.', 'safety'),
    ("She says the carer holds back her dad's meals when he 'misbehaves'.", 'safety'),
    ("Boyfriend: 'I'll bury you' - no laugh this time, first time she's believed him.", 'safety'),
    ('She says if it had been her in the car instead of her brother, everyone would be '
     'fine.',
     'safety'),
    ("'Mum would have coped better losing me than him,' she said.", 'safety'),
    ("She rehomed the parrot and, asked why, said 'I won't be here to look after him'.", 'safety'),
    ("He said he'd 'make the news' one day, right after telling me he's thought about "
     'taking a knife into college.',
     'safety'),
    ('Her ex has sent her private photos to a local news page and says more will follow.',
     'safety'),
    ('We spoke by phone for twenty-five minutes today.', 'session_times'),
    ('Telephone contact, 20 mins.', 'session_times'),
    ('OT home assessment of kitchen safety booked for next month.', 'treatment_plan'),
    ('Shared-care arrangement agreed with GP; quarterly updates from me.', 'treatment_plan'),
    ('Door left open for re-referral through her GP if things slip.', 'treatment_plan'),
    ('Readmission unlikely given current stability.', 'prognosis'),
    ('Team expects good long-term outcome.', 'prognosis'),
])
def test_thirty_fourth_round_review_rows(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fourth round, review: older rules read ordinary life as risk or record: a
    # child's hit with a nerf gun or in a play fight, a trainer who 'would kill her' for skipping
    # burpees, 'end' her at Scrabble, a mum who 'would murder her' told with everyone in stitches,
    # an AirTag on her own keys, a driving test that lasted forty minutes, a bus twenty minutes
    # late, a team expected to win. The last rows keep what the narrowing must not lose.
    ('Her 6yo hit his cousin with a nerf gun in the garden and they both giggled.', 'private'),
    ('The boys were play-fighting and he hit her brother on the arm, all smiles.', 'private'),
    ('Her trainer would kill her for skipping the burpees, she joked.', 'private'),
    ("Her nephew swore he'd 'end' her at Scrabble on Boxing Day.", 'private'),
    ('She had them in stitches saying her mum would murder her if she burnt the turkey '
     'again.',
     'private'),
    ('Keeps an AirTag on her own keys since losing them twice.', 'private'),
    ('Her driving test lasted forty minutes and she passed first time.', 'private'),
    ('His bus was twenty minutes late, so he missed the start of the match.', 'private'),
    ('Her team is expected to win the league, which she is smug about.', 'private'),
    ('He hit her with the TV remote during the row.', 'safety'),
    ('Her partner put an AirTag in her handbag without telling her.', 'safety'),
    ('Arrived forty minutes late; session shortened to twenty minutes.', 'session_times'),
    ('Session lasted forty-five minutes.', 'session_times'),
    ('Expected to improve steadily over the coming months.', 'prognosis'),
])
def test_thirty_fourth_round_older_rules_narrowed(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fourth round, review before stopping: read as a clinician, the round's
    # families took ordinary life for risk: a husband in her email helping with the tax return, a
    # coach timing her on the bike, a mum who wants her daughter's location on at night, children
    # present at a panic attack or a heart attack, a boxing bag punched, girls cut from the netball
    # squad, lodgers dealing with repairs, a joke that got no laugh, ducks looked down on from a
    # bridge. They are narrowed: a current partner counts when he reads, checks or tracks, an ex
    # when he is in her accounts at all; timing and location need a partner; an attack needs no
    # panic or heart before it. The last rows keep what the narrowing must not lose. An ex who turns
    # up 'as agreed', a hair cut as a girl, a passport held for a visa renewal and a knife for a
    # catering course are still read as risk by older rules, on the round's start too.
    ('Her husband is in her email account helping her sort the tax return.', 'private'),
    ('Her coach times how long she is on the bike each session.', 'private'),
    ("Her mum insists on her location being on when she's out late.", 'private'),
    ('The kids were home during her panic attack and made her a cup of tea.', 'private'),
    ('The children saw her heart attack and still talk about the ambulance.', 'private'),
    ('The kids watched him punch the bag at the boxing gym.', 'private'),
    ('Worried about girls being cut from the netball squad this term.', 'private'),
    ('The lodgers moved into his house and are dealing with the repairs.', 'private'),
    ('His best joke got no laugh this time, he grumbled.', 'private'),
    ('They walk over the bridge to look down at the ducks on Sundays.', 'private'),
    ('Her ex is still in her email and forwards her messages to his friends.', 'safety'),
    ('Her husband reads her messages every night before bed.', 'safety'),
    ('Her boyfriend insists on her live location all day.', 'safety'),
    ("He times how long she is out and texts if it's over an hour.", 'safety'),
    ('The children were in the next room during the attack.', 'safety'),
    ('Both kids heard him beat her on Friday.', 'safety'),
    ('Two men moved into her flat and are dealing from the kitchen.', 'safety'),
    ('Walks over the viaduct most nights to look down at the tracks.', 'safety'),
])
def test_thirty_fourth_round_review_before_stopping(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fourth round, second reading as a clinician: the safeguarding terms read 'was
    # not brought up' (how someone was raised) and a child not brought to a party as a missed
    # appointment; fear of what a relative will do with an inheritance, and pushing at a gig, read
    # as partner violence. Narrowed; the last rows keep what the narrowing must not lose.
    ('He was not brought up to talk about his feelings, he says.', 'private'),
    ('She was not brought up religious and finds the hospital chaplain awkward.', 'private'),
    ('Her grandson was not brought to the christening party because of chickenpox.', 'private'),
    ('Nervous about what her brother will do with all the inheritance money.', 'private'),
    ('The pushing started the moment the gig doors opened, she laughed.', 'private'),
    ('Toddler was not brought to the hearing test or the dental review.', 'safety'),
    ("Frightened of what he'll do with the shotgun he keeps in the van.", 'safety'),
    ('The pushing started soon after they moved in together.', 'safety'),
])
def test_thirty_fourth_round_second_reading(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fifth round, probes written at the round's start: older rules read ordinary
    # life as risk: an ex at the school gate for an agreed handover, a haircut ('her hair cut
    # short'), a partner reading her messages for typos, an adult's own missed check-up marked WNB,
    # naloxone handed out by a charity. Narrowed; the last rows keep what the narrowing must not
    # lose.
    ('His ex-wife turned up at the school gates as arranged to take the boys for the '
     'weekend.',
     'private'),
    ('Her ex was waiting at the entrance as usual for the contact handover.', 'private'),
    ('She got her hair cut really short at fourteen and cried for a week.', 'private'),
    ('He had his fringe cut by his sister before the interview.', 'private'),
    ('Her boyfriend reads her emails for spelling mistakes before she applies for jobs.',
     'private'),
    ('Her husband goes through her texts to proofread the ones to the landlord.', 'private'),
    ('Got a WNB letter from the surgery after he missed his own asthma review.', 'private'),
    ('The church now hands out naloxone kits with the hymn books, he said.', 'private'),
    ('Her ex turned up at the school gates again and shouted at her in front of the '
     'children.',
     'safety'),
    ('She cut her thighs again last night and hid the plasters.', 'safety'),
    ('Her husband checks all her messages every night and takes her phone.', 'safety'),
    ('Baby was not brought to the 8-week check; second WNB this month.', 'safety'),
    ('He needed naloxone from his flatmate on Sunday after using alone.', 'safety'),
])
def test_thirty_fifth_round_older_rules_narrowed(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fifth round, mended on the safety misses of train_more115 to train_more118
    # (risk as others report it, risk to and from others, the past, thoughts of death in few risk
    # words): violence told by where a person was thrown or dragged; threats in other words and the
    # records of them (a threat assessment, an intended victim, a warning voicemail, a domestic
    # incident); steps toward a target; road rage; a child or baby at risk; cruelty to animals;
    # self-harm and a family history of suicide in shorthand; final arrangements and goodbyes;
    # means, rehearsal and their restriction; wishes to be dead in few words; working impaired and
    # medicines gone from work. Each family is worded anew here, with look-alikes that must stay
    # private. Older rules narrowed on the look-alikes: a drive past a grandmother's old house, the
    # dentist's address looked up, a car that hits a cat.
    ('He shoved her hard against the radiator when she tried to leave.', 'safety'),
    ('Her stepdad pinned her little brother against the kitchen door by the throat.', 'safety'),
    ('Says her boyfriend dragged her by the hair out of the bathroom.', 'safety'),
    ("Reports he 'grabbed and dragged' her across the landing.", 'safety'),
    ('Things got physical again on Saturday night, she said quietly.', 'safety'),
    ('Her friends pushed her into the pool at the hen party.', 'private'),
    ('Her sister dragged her to the gym at six this morning.', 'private'),
    ('Things got physical in the second half, he said of the rugby final.', 'private'),
    ("Told the receptionist the manager would 'pay with his life' for the sacking.", 'safety'),
    ("Keeps saying he'll make his old supervisor pay.", 'safety'),
    ("Wrote under the landlord's post that someone should pay him a visit.", 'safety'),
    ("Wrote in the group chat 'watch what happens at the prom'.", 'safety'),
    ("Yelled at the boy next door that next time I'll break your legs.", 'safety'),
    ('Threatened his neighbour in the car park on Friday; police attended.', 'safety'),
    ('School threat assessment completed today; rated transient.', 'safety'),
    ('Intended victim and police informed the same afternoon.', 'safety'),
    ('Left a warning voicemail for the ex-wife at 4 pm.', 'safety'),
    ('Violence prevention plan reviewed with his probation officer.', 'safety'),
    ('Attended by police after a domestic incident on Sunday.', 'safety'),
    ('He asked how her family would feel if they saw the videos.', 'safety'),
    ("He'll make his brother pay for dinner next time, he joked.", 'private'),
    ('She threatened her husband with divorce if he bought another motorbike.', 'private'),
    ('Said he knows which car his team leader drives and where she parks it.', 'safety'),
    ('He knows the route his ex walks to work and has timed it.', 'safety'),
    ('Has been asking when the headteacher leaves in the evening.', 'safety'),
    ("Drove past his ex's flat four times on Tuesday night.", 'safety'),
    ("Looked up her ex-husband's new address on the electoral roll.", 'safety'),
    ('Set up fake profiles to watch his ex after she blocked him.', 'safety'),
    ('Talked about the best way to poison his stepdad, smiling.', 'safety'),
    ('Searched online for how to kill someone without leaving marks.', 'safety'),
    ('Told a friend he was bringing something to school on Monday.', 'safety'),
    ("Won't go out without his knife since the fight at the chippy.", 'safety'),
    ('Two assault convictions, the last in 2021.', 'safety'),
    ("He drove past his grandmother's old house twice on the way home and cried.", 'private'),
    ("Looked up the dentist's address before the appointment.", 'private'),
    ('He wondered about the best way to kill time on the night shift.', 'private'),
    ('Tailgated a van for two miles, then got out and punched the window.', 'safety'),
    ('Ran a cyclist off the road after an argument at the lights.', 'safety'),
    ('We planned what she will do if her ex shows up at the library again.', 'safety'),
    ('He rammed the car in front at the junction, deliberately, he admits.', 'safety'),
    ('Her partner taught her six-year-old a lesson by locking him out in the cold.', 'safety'),
    ('She shook the cot hard at 3 am to stop the crying.', 'safety'),
    ('Has flashes of dropping the baby over the banister.', 'safety'),
    ('He fell asleep drunk with the toddler in the bath.', 'safety'),
    ('Her son, 8, set fire to the curtains in his room on Sunday.', 'safety'),
    ('Her son lit a fire in the garden to burn leaves with his grandad.', 'private'),
    ('Her brother kicked the puppy across the yard when it chewed his trainers.', 'safety'),
    ('A neighbour found the cat with its paws taped.', 'safety'),
    ('The car in front hit a cat on the lane; he stopped to help.', 'private'),
    ("He kicked the dog's ball across the field for an hour.", 'private'),
    ("His grandad 'went that way' in his forties and he always assumed he would too.", 'safety'),
    ('FH: paternal aunt, took own life 2003.', 'safety'),
    ('Cutting self since age 14, last episode in June.', 'safety'),
    ('Initials carved into her left thigh, scabbed over.', 'safety'),
    ("Another 'accident' with the iron; same wrist as last week.", 'safety'),
    ('Picks at the cuts so they never heal, she says.', 'safety'),
    ('Plasters over both forearms in PE, per school nurse.', 'safety'),
    ('Her self-esteem has been knocked by the redundancy.', 'private'),
    ('Her dad went the same way as his father: bald at forty.', 'private'),
    ("Gave his record collection to his son; 'he'll get more years out of it than me'.", 'safety'),
    ("Handed her mother's brooch to her niece 'while there's still time'.", 'safety'),
    ('Stuck notes on the furniture saying who each piece should go to.', 'safety'),
    ("Told me his affairs were now 'in order' and smiled.", 'safety'),
    ('He hugged his sister at the door as if he were never coming back.', 'safety'),
    ('She has been picking which hymn her family should play at the service.', 'safety'),
    ('Made a playlist of songs for my funeral, she said without a smile.', 'safety'),
    ('Unusually settled after weeks of agitation; has sorted things out, she says.', 'safety'),
    ('A sudden calm came over the sea after the storm, he remembered.', 'private'),
    ('Her late aunt left notes saying who each painting should go to; she got the '
     'seascape.',
     'private'),
    ("Has a big tub of co-codamol in her room and won't hand it over.", 'safety'),
    ('Still has the tablets left over from the overdose in 2020.', 'safety'),
    ('Meds now held by her mum per safety plan.', 'safety'),
    ('Husband has removed the knives from the kitchen at our request.', 'safety'),
    ('Lock to Live worked through with him and his dad.', 'safety'),
    ('Went up to the top floor of the car park to see what it would feel like.', 'safety'),
    ("Said a heart attack in her sleep would be 'a neat way out'.", 'safety'),
    ('Daydreams about getting hit by a lorry on the ring road.', 'safety'),
    ('Googled how many co-codamol would be lethal.', 'safety'),
    ("Swallowed about forty of her gran's tablets on Friday night.", 'safety'),
    ('Her partner found her clutching a handful of pills in the kitchen.', 'safety'),
    ('Found with the windows sealed and the car running in the garage.', 'safety'),
    ("Has stopped wearing a seatbelt; 'what's the point'.", 'safety'),
    ('Texted her friend that she wants to ctb tonight.', 'safety'),
    ('Took the easy way out and skipped the exam resit, she laughed.', 'private'),
    ("Took twenty of his dad's heart tablets on Sunday night.", 'safety'),
    ('Keeps asking God to take her home soon, says the nurse.', 'safety'),
    ('He asked me how to arrange his own end, calmly.', 'safety'),
    ('Took extra insulin because she wanted everything to stop.', 'safety'),
    ("Thinks she'd be better off at the bottom of the canal.", 'safety'),
    ("Wrote a story in which he doesn't make it past eighteen.", 'safety'),
    ('Screened neg on the C-SSRS today.', 'safety'),
    ('Risk status: moderate; risk state: elevated since the eviction.', 'safety'),
    ('She prays God will take away her fear of flying.', 'private'),
    ('Smelled of alcohol at the start of his bus route, a passenger said.', 'safety'),
    ('Failed a breath test before the 07:40 flight; grounded.', 'safety'),
    ('Ampoules of diamorphine went missing on three of her night shifts.', 'safety'),
    ('Controlled drug count was short again after his shift.', 'safety'),
    ('She failed her driving test twice and laughs about it now.', 'private'),
    ('Threatened flatmate w/ a screwdriver over the rent.', 'safety'),
])
def test_thirty_fifth_round_tuning_families(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fifth round, mended on the record misses of train_more115 to train_more118: a
    # 'Referral:' or 'Objective:' label line (treatment_plan); duties at work and workdays missed
    # (functional_status); criteria met for a named disorder (diagnosis). The last rows are
    # look-alikes that stay private: a husband's duties, a brother who meets an academy's criteria,
    # a diagnostic guess.
    ('Referral: community mental health team, letter sent today.', 'treatment_plan'),
    ('Referred to: bereavement counselling at the hospice, Tuesdays.', 'treatment_plan'),
    ('Objective for the next six sessions: two graded exposures a week.', 'treatment_plan'),
    ('Short-term objective: sleep before midnight five nights out of seven.', 'treatment_plan'),
    ('Now back on full duties at the depot after the phased return.', 'functional_status'),
    ('Returned to light duties on the ward on Monday.', 'functional_status'),
    ('Missed five working days this month because of the panic attacks.', 'functional_status'),
    ("Meets DSM-5 criteria for separation anxiety disorder on today's interview.", 'diagnosis'),
    ('Met full criteria for a moderate depressive episode at intake.', 'diagnosis'),
    ('Her husband is back on full duties at the fire station and she misses him at '
     'night.',
     'private'),
    ('Her brother meets the criteria for the football academy, she says proudly.', 'private'),
    ('I wonder whether she would meet criteria for avoidant personality disorder.', 'private'),
])
def test_thirty_fifth_round_record_families(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fifth round, a review: a reviewer who read only LABELING.md and the round's
    # families described in words wrote 200 look-alikes and 100 positives. Wrong on the round's
    # start: 86 of 300; on the families' first version: 87 (a salsa class where things got physical,
    # a surprise dance at the assembly, a threat assessment of a rival's product, a domestic dispute
    # over the dishwasher, a 'neat way out' of a contract, 'ctb' for call the builder, the risk
    # state of the stock market); after narrowing and widening: 44. The rows it put right are these
    # cases, in the reviewer's words.
    ('Had her hair cut short for the summer and loves it.', 'private'),
    ("Got his hair cut short for his sister's wedding.", 'private'),
    ('The car in front hit a cat last week and she still thinks about its owner.', 'private'),
    ('He shoved her into the bookcase so hard the shelf came down on her.', 'safety'),
    ('Says her boyfriend hauled her out of the bathroom by her ponytail.', 'safety'),
    ('Admits he rammed his flatmate up against the front door during the argument.', 'safety'),
    ("Threatened the care-home nurse who moved his mum's chair; staff have logged it.", 'safety'),
    ("Voicemail he left for his ex: 'last warning, you know what I'll do.'", 'safety'),
    ("Has been sitting outside the head teacher's house in the evenings 'just to see'.", 'safety'),
    ("Searched 'untraceable poisons' the night after the disciplinary, naming his "
     'manager.',
     'safety'),
    ("Runs three burner profiles to watch his ex's new girlfriend's posts.", 'safety'),
    ('Hx: ABH conviction 2019 v. former partner.', 'safety'),
    ("Followed a van to the lights, got out and punched the driver's window in.", 'safety'),
    ('Rear-ended a car deliberately after it cut him up on the A road.', 'safety'),
    ('Forced a cyclist into the verge after the man banged on his roof.', 'safety'),
    ('The man from the bus stop keeps appearing on her route home and outside her flat; '
     "she's frightened.",
     'safety'),
    ("Her partner held her son's hand on the hob 'so he learns'.", 'safety'),
    ('Mum admits she shook the Moses basket till he stopped crying.', 'safety'),
    ('Son (8) has lit fires in his wardrobe and the wheelie bin this month.', 'safety'),
    ("Daughter, 6, came to school with a handprint on her cheek; dad says she 'needed "
     "telling'.",
     'safety'),
    ('He booted the cat down the stairs when it got under his feet.', 'safety'),
    ('Partner hurled the puppy at the wall to frighten her.', 'safety'),
    ("Her son taped the dog's jaws shut 'to keep it quiet'.", 'safety'),
    ("Bound the rabbit's legs with tape and left it in the shed.", 'safety'),
    ('Flung the kitten off the balcony when he was drunk, she told me quietly.', 'safety'),
    ('10yo has been stamping on mice and drowning frogs, mum reports.', 'safety'),
    ('Burnt self with lighter x3 this wk.', 'safety'),
    ('Long sleeves in July and a fresh dressing on each wrist.', 'safety'),
    ('Has put sticky notes on the furniture saying who gets each piece.', 'safety'),
    ('Has chosen the reading for her own service.', 'safety'),
    ("Went up to the top of the multi-storey 'to see what it was like'.", 'safety'),
    ("Talks about a 'clean exit' where there's 'no fuss for anyone'.", 'safety'),
    ("Has stopped buckling up in the car: 'what's the point'.", 'safety'),
    ("Msg to friend: 'gonna ctb tonight'.", 'safety'),
    ("Asked me whether Dignitas takes people 'like me'.", 'safety'),
    ('Just wants everything to go quiet for good.', 'safety'),
    ('Midazolam vials have gone missing from the ward on the nights she worked.', 'safety'),
    ("The pharmacy CD register doesn't balance and she's the only one on lates.", 'safety'),
    ("Has been pocketing tramadol from the patients' drug trolley.", 'safety'),
    ("Partner reads every message and decides who she's allowed to reply to.", 'safety'),
    ("Cut her hair short so he can't grab her by it any more.", 'safety'),
    ("Found her ex's new address through the electoral roll, though he moved to get away "
     'from her.',
     'safety'),
])
def test_thirty_fifth_round_review_rows(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fifth round, the review's narrowings worded anew: look-alikes that the
    # families' first version read as risk (7 of these 9 were wrong on it).
    ('Things got physical at the ceilidh when the caller made everyone swap partners.', 'private'),
    ("'Watch what happens at the assembly', he grinned: his class is doing a surprise "
     'song.',
     'private'),
    ("The firm ran a threat assessment of a competitor's new software.", 'private'),
    ('A domestic dispute over the washing-up ended with a rota on the fridge.', 'private'),
    ('Her lawyer found a neat way out of the lease.', 'private'),
    ("'ctb' in her planner stands for 'call the bank', she explained.", 'private'),
    ('He is a risk status analyst at an insurer.', 'private'),
    ("'Sort the garage out for good this time,' her wife said.", 'private'),
    ('Her gran, who is dying, planned the songs for her own wake with the chaplain.', 'private'),
])
def test_thirty_fifth_round_review_narrowings(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fifth round, probes of the oldest violence rules: the idiom of exasperation
    # ('could have strangled her brother'), another person's car hit, a surprise party thrown, a
    # thigh slapped in laughter, a pony that threw him, paper-cutting as a craft. Narrowed; the last
    # rows keep what the narrowing must not lose.
    ('She said she could have strangled her brother for losing the tickets.', 'private'),
    ("She could've hit him for booking the wrong train again, she said.", 'private'),
    ("A lorry hit her dad's van at the roundabout; nobody was hurt.", 'private'),
    ('Her cousins threw her a surprise party for her fortieth.', 'private'),
    ('He slapped his thigh laughing at his own joke.', 'private'),
    ('The pony threw him at the second jump and he got straight back on.', 'private'),
    ('Her paper-cutting pieces sell well at the craft fair.', 'private'),
    ('He hit her again on Saturday when she asked for the car keys.', 'safety'),
    ('He could have killed her; he had his hands round her throat until she blacked out.',
     'safety'),
    ('She has been cutting her arms again since the funeral.', 'safety'),
])
def test_thirty_fifth_round_old_violence_rules_narrowed(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fifth round, probes of risk told plainly that no rule read: goodbyes said to
    # everyone beside belongings given away (the belongings alone read as an ordinary clear-out), a
    # goodbye posted to the world, a hose taped in a garage or car, a bridge that 'would do the
    # job', sleeping tablets collected early again, screaming and a thud heard through a wall. The
    # last rows are look-alikes that stay private.
    ('He has been saying his goodbyes to all his friends this week, his mum says.', 'safety'),
    ('Giving away all her books and plants, and would not say why.', 'safety'),
    ('Posted "goodbye world" on her story at 2 am.', 'safety'),
    ("Gave his brother his winter jacket; said he won't need it where he's going.", 'safety'),
    ('Found in the car in the lock-up with a hose taped to the exhaust.', 'safety'),
    ('Said the railway bridge by the station would do the job.', 'safety'),
    ('She collected her diazepam early from the pharmacy again, the third time this '
     'month.',
     'safety'),
    ('Neighbours heard shouting and a thud through the wall on Friday night.', 'safety'),
    ('Saying goodbye to everyone at her leaving do before the move to Cardiff.', 'private'),
    ('Giving away her old clothes to the charity shop after the clear-out.', 'private'),
    ('He washes the car in the garage with the hose attached to the outside tap.', 'private'),
    ('A bigger drill would do the job, her husband says.', 'private'),
    ('Collected the kids early from school again because of the snow.', 'private'),
])
def test_thirty_fifth_round_plain_warning_signs(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-fifth round, a second reading as a clinician: the round's families read
    # ordinary life as risk: a sister-in-law who knows her car, a father who knows his son's route
    # to school, a threat assessment training day, the intended victim of a prank, the calm once the
    # twins are asleep, labels on packing boxes, a seatbelt not worn on a quad bike, a baby held per
    # the birth plan, a loan's risk status, a visit to a neighbour who is poorly. Narrowed (a
    # target, a means or a cue of distress is now named); the last rows keep what the narrowing must
    # not lose.
    ('Her sister-in-law knows which car she drives and always flashes her lights.', 'private'),
    ('He knows the route his son cycles to school and rings if he is late.', 'private'),
    ('The school held a threat assessment training day for staff on Monday.', 'private'),
    ('The intended victim of the prank was her brother, who laughed it off.', 'private'),
    ('A sudden calm in the house once the twins were asleep.', 'private'),
    ('Sticky labels on the packing boxes say who each one should go to in the new flat.',
     'private'),
    ('Stopped wearing a seatbelt on the quad bike years ago, his wife says.', 'private'),
    ('Held by her dad per the birth plan, the baby settled at once.', 'private'),
    ('The risk status for the loan application came back low.', 'private'),
    ('Her neighbour said someone should pay her a visit since she has been poorly.', 'private'),
    ('Said he knows what car his supervisor drives and where she leaves it.', 'safety'),
    ('Her tablets are now held by her husband per the safety plan.', 'safety'),
    ('Sudden calm after weeks of agitation; says she has made up her mind.', 'safety'),
])
def test_thirty_fifth_round_second_reading(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-sixth round, probes of older rules: goodbyes said before a parental leave or
    # a retirement, and 'won't need X much longer' with an ordinary reason given after it (a new
    # contract, a sale), read as risk; the same words beside a solicitor or a will were read as
    # ordinary life. Narrowed and split; the last rows keep what the change must not lose.
    ('Said her goodbyes to everyone in the office ahead of her paternity leave, a bit '
     'teary.',
     'private'),
    ('He said goodbye to all his friends at the pub before his retirement party ended.',
     'private'),
    ("Won't need his van much longer once the new contract starts, he says.", 'private'),
    ("She won't need her car much longer because she is selling it to her nephew.", 'private'),
    ("Met the solicitor about the will on Tuesday; says he won't need the flat much "
     'longer.',
     'safety'),
    ("After the lawyer's visit she said she won't need her savings much longer.", 'safety'),
    ("Says he won't need his car much longer and smiled oddly.", 'safety'),
    ('Said goodbye to everyone at the group tonight, like it was for the last time.', 'safety'),
    ('Keeps saying goodbye to her friends and family this week, her daughter says.', 'safety'),
])
def test_thirty_sixth_round_older_rules_narrowed(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-sixth round, probes in hospital and health psychology settings: how much of a
    # medicine 'would be too much' asked of staff, assisted dying looked into or priced for oneself,
    # 'let him go' asked of family or staff and told by a relative, driving despite seizures or
    # blackouts. The last rows are look-alikes that stay out of safety (paint for a hallway, an
    # essay on a bill, a father's papers, leave asked of a boss, driving again seizure free).
    ('Asked the pharmacist how many of his co-codamol would be too many, half joking.', 'safety'),
    ('Searched online how much insulin would be enough, her partner found the tab open.',
     'safety'),
    ('Has been looking into assisted dying since the motor neurone diagnosis, including '
     'the fees.',
     'safety'),
    ('Rang about the cost of assisted suicide in Switzerland last week.', 'safety'),
    ('Her son says she begs the nurses to let her die every night on the ward.', 'safety'),
    ('After the second stroke he keeps telling his daughter to just let him go.', 'safety'),
    ('Still driving to work despite three blackouts since June, his wife reports.', 'safety'),
    ('Had two fits last month and carried on driving the school minibus.', 'safety'),
    ('Asked how much paint would be enough for the hallway.', 'private'),
    ('She looked up assisted dying for her essay on the new bill.', 'private'),
    ('Her father looked into assisted dying clinics before he died; she found the '
     'papers.',
     'private'),
    ('He asked his boss to let him go early on Friday for the match.', 'private'),
    ('Driving again after two years seizure free, with the consultant agreeing.',
     'functional_status'),
    ("Hasn't driven since the blackouts began; her brother takes her shopping.",
     'functional_status'),
    ('Driving: stopped since the seizure in May, per DVLA advice.', 'functional_status'),
])
def test_thirty_sixth_round_hospital_settings(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-sixth round, the safety misses of train_more119 to train_more121 worded anew:
    # a child's neglect told by its signs (a nursery's call about hunger, children's appointments
    # and jabs missed, a toddler found outside, no food in the home, a child left on his own, a
    # child's insulin run out), a child's sexual abuse or exploitation in ordinary words, coercive
    # control (an app never installed, keys kept, permission needed, calls to a manager), an older
    # or dependent adult exploited or neglected (a relative who pays nothing, money that cannot be
    # explained, post opened, a new will, benefits collected, extra sedatives, a water jug out of
    # reach, weight lost in a home, a romance scam, a blood thinner forgotten, a weekend without a
    # carer), harm by the person caring, safety plans and screens for a child, harm to a baby
    # feared, and the client's own plans in other words. The last rows are look-alikes that stay
    # private (nits told as a story, a ferry's railing, a fasting blood test, an accusation by a
    # father with dementia, the point of homework, thank-you letters).
    ('The nursery rang again about his unwashed clothes and that he arrives hungry most '
     'days.',
     'safety'),
    ('Missed the hearing and dental appointments for the boys twice now; letters '
     'unopened.',
     'safety'),
    ("Baby hasn't had her eight-week jabs and the health visitor can't get an answer at "
     'the door.',
     'safety'),
    ('A neighbour brought her two-year-old back from the main road in his nappy at 6 am.',
     'safety'),
    ('No food in the flat since the weekend; the kids have been eating at school only.', 'safety'),
    ("The children haven't been to school since the Easter holidays, the EWO says.", 'safety'),
    ('She leaves the six-year-old on his own while she walks to the shop.', 'safety'),
    ("Her daughter's insulin ran out on Friday and wasn't collected until Tuesday.", 'safety'),
    ("Her mum's boyfriend creeps into her bedroom at night when mum is on nights.", 'safety'),
    ('Her daughter, thirteen, has a boyfriend of twenty-two who picks her up in his car.',
     'safety'),
    ('A man from his online game has been buying him skins and told him to keep it '
     'secret.',
     'safety'),
    ('Her passport is with her father now and a wedding is being talked about for the '
     'summer; she is fifteen.',
     'safety'),
    ('There is an app on her phone she never downloaded, and he always knows where she '
     'has been.',
     'safety'),
    ('The car keys are kept by her husband and she needs his permission to go to her '
     "mum's.",
     'safety'),
    ('If she does not reply within ten minutes he phones her manager.', 'safety'),
    ("His cousin moved into his flat in June, pays nothing, and he daren't ask him to "
     'leave.',
     'safety'),
    ("Her dad can't explain where his savings went since the new lodger arrived.", 'safety'),
    ('A new neighbour opens her post and "helps" with the bank now.', 'safety'),
    ('Her gran signed a new will leaving the bungalow to the cleaner and has no memory '
     'of it.',
     'safety'),
    ("Her son collects his disabled brother's PIP and keeps most of it.", 'safety'),
    ('Says the night carer gives her father extra sedatives to keep him quiet.', 'safety'),
    ('Mum glances at the carer before answering anything I ask her.', 'safety'),
    ("Water jug left out of reach again on Dad's table at the home.", 'safety'),
    ('Down two stone since moving into the nursing home, her daughter says.', 'safety'),
    ("Sent nearly £6,000 to an online 'army surgeon' boyfriend she has never met.", 'safety'),
    ("He forgot his dad's warfarin for five days while he was staying over.", 'safety'),
    ('Her mother was left without any carer for the whole weekend after the agency '
     'mix-up.',
     'safety'),
    ('Pushed him back onto the bed hard enough that he cried, she admitted, after a bad '
     'night.',
     'safety'),
    ('She locks her dad in the bedroom while she goes to the shops.', 'safety'),
    ('He slapped his adult son during an argument last week.', 'safety'),
    ('Agreed a code word with her son: if he hears it he runs to the neighbour and rings '
     '999.',
     'safety'),
    ('Asked the online-safety questions with dad: no unknown contacts, no new gifts.', 'safety'),
    ('She says she never uses physical punishment with the girls.', 'safety'),
    ('Strategy meeting with police and social care about the disclosure is on Monday.', 'safety'),
    ('Keeps picturing her hands slipping when she lifts the baby out of the bath.', 'safety'),
    ("She's afraid she'll shake him when he screams for hours.", 'safety'),
    ("I'm quite worried about the baby after today's visit.", 'safety'),
    ('Gripped her son by the wrist hard enough to leave red marks when he ran off.', 'safety'),
    ('The little girl flinched when her stepfather raised his voice.', 'safety'),
    ('Has already written letters to the children and hidden them in her wardrobe.', 'safety'),
    ("Admits he's probably still over when he clocks on at the depot.", 'safety'),
    ("Has stopped 'bothering' with his insulin since the divorce.", 'safety'),
    ('f/u moved to tomorrow given the increase in risk since the eviction notice.', 'safety'),
    ('Her partner will keep the tablets and hand them out one day at a time.', 'safety'),
    ("Showed me his ex's new partner's address saved on his phone.", 'safety'),
    ('Drove to the viaduct on Friday and sat in the car near the parapet until dark.', 'safety'),
    ('After the film he told me he had stood by the railings of the bridge for an hour.',
     'safety'),
    ("Her son's school rang about nits; she laughed about it.", 'private'),
    ('Stood by the railing of the ferry watching the gulls.', 'private'),
    ('Fasting blood test on Monday; she joked about missing breakfast.', 'private'),
    ('Her father, who has dementia, accused her of stealing from his purse again.', 'private'),
    ("He doesn't see the point of therapy, he says, but he came anyway.", 'private'),
    ("She'd written thank-you letters to the children's teachers.", 'private'),
    ('Squeezed the lemons hard enough to get every drop for the cake.', 'private'),
    ('The boys sleep well since the new bunk beds arrived.', 'private'),
    ('She travels to see her mum in the care home every Sunday.', 'private'),
])
def test_thirty_sixth_round_safety_families(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-sixth round, the record misses of train_more119 to train_more121 worded anew:
    # bloods and thyroid tests reported in a letter line, SUDS from one rating to another and a VoC
    # rating, weight regained, the caring a client does and a house run alone, school days missed to
    # care, a benefits group, a licence surrendered, travel alone, another service's home visit
    # requested, links to welfare rights, transport booked, a meeting's agreed actions, homework for
    # the week, imagery rescripting practised. The last rows stay private (a sister's bloods, a
    # guess about a test, a mother's caring years ago, a brother's travel).
    ('Letter from GP: LFTs and ferritin within normal limits.', 'test_results'),
    ('SUDS for the car memory went from 9 to 2 over the set.', 'test_results'),
    ('VoC 5/7 at the end of the session.', 'test_results'),
    ('Regained 4 of the 10 kg lost since January.', 'progress'),
    ("Sole carer for her father (Parkinson's): meals, washing and dressing.", 'functional_status'),
    ('Runs the household on her own since the separation, with three children under ten.',
     'functional_status'),
    ('Misses about one day a week of college to care for her nan.', 'functional_status'),
    ('Placed in the LCWRA group in March, so no work-search requirements.', 'functional_status'),
    ('Surrendered his driving licence after the second seizure; relies on buses.',
     'functional_status'),
    ('Travels independently to the day centre; needs support for new journeys.',
     'functional_status'),
    ('Physio home visit requested for mobility and falls.', 'treatment_plan'),
    ('Will link with welfare rights about the PIP appeal before next session.', 'treatment_plan'),
    ('Transport booked for the memory clinic on the 3rd.', 'treatment_plan'),
    ('Agreed actions were a school mentor and a parenting group for mum.', 'treatment_plan'),
    ('Asked him to keep a sleep diary every day until we next meet.', 'treatment_plan'),
    ('Practised imagery rescripting for the hospital memory.', 'modality_frequency'),
    ("Her sister's bloods came back normal, she said with relief.", 'private'),
    ('Wondering whether her bloods might be abnormal, given how tired she seems.', 'private'),
    ('Her mother was the main carer for her grandfather for years.', 'private'),
    ('Her brother travels alone a lot for work and she misses him.', 'private'),
])
def test_thirty_sixth_round_record_families(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-sixth round, a second reading as a clinician: ordinary life the round's
    # families and three older rules read as risk or record (a takeaway after a holiday, a few days
    # off school with a bug, permission for a company van, a client's quoted worry about a flight,
    # caring for a neighbour's dog, letters to a son's teachers, a boyfriend 'of three years', ice
    # creams on a bridge). Narrowed; the last rows keep what the narrowing must not lose.
    ('No food in the flat when they got back from holiday, so they got a takeaway with '
     'the boys.',
     'private'),
    ("Her daughter hasn't been to school since Monday because of a bug.", 'private'),
    ('He needs her permission to take the company van, as it is in her business name.', 'private'),
    ("We're worried about the baby teething on the long flight, she said.", 'private'),
    ("Main carer for her neighbour's dog while they are away.", 'private'),
    ("Wrote letters to her son's teachers about the exam arrangements.", 'private'),
    ('Her boyfriend of three years is thirty now and a teacher.', 'private'),
    ('They sat on the wall of the bridge eating ice creams in the sun.', 'private'),
    ("No food in the flat for days; the children are eating at the neighbour's.", 'safety'),
    ("The kids haven't been to school since half-term and nobody has chased it.", 'safety'),
    ("I'm uneasy about the baby after what I saw at the visit today.", 'safety'),
    ('Sat on the wall of the multi-storey for an hour on Friday night.', 'safety'),
])
def test_thirty_sixth_round_second_reading(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-sixth round, a review: a reviewer who read only LABELING.md and the round's
    # families described in words wrote 200 look-alikes and 100 positives. Wrong on the round's
    # start: 74 of 300; on the families' first version: 61; after the second reading, narrowing and
    # widening: 14. The 60 rows it put right, as the rules read them now.
    ("EWO visited: 9yo absent most of this term; mum says he 'prefers being at home'.", 'safety'),
    ('She said the cupboards have been bare since Tuesday and the children have had '
     'toast once a day.',
     'safety'),
    ("Her son's asthma pump ran out three weeks ago and she hasn't got round to "
     'collecting a new one.',
     'safety'),
    ('Infant 14/12, no immunisations given; HV letters unopened.', 'safety'),
    ("13yo spends weekends with a 'mate' of 24 she met at the skate park - he buys her "
     'vapes.',
     'safety'),
    ('Someone her son met on a game has been sending him V-bucks and told him not to '
     'tell his parents.',
     'safety'),
    ('School report 14yo seen being picked up by different older men in cars after '
     'school.',
     'safety'),
    ("Her partner goes in to 'settle' her nine-year-old after lights out and stays a "
     'long time with the door shut.',
     'safety'),
    ("12yo said the man from the chat sent her phone credit and says it's 'their special "
     "secret'.",
     'safety'),
    ("The family is keeping her fifteen-year-old sister's passport and there is talk at "
     'home of her being married this summer.',
     'safety'),
    ('Daughter (14) came home with new trainers and a phone nobody bought her - says a '
     "'friend' of 25 got them.",
     'safety'),
    ('She has to ask him before she sees her sister, and he decides whether she can take '
     'their son with her.',
     'safety'),
    ("If she doesn't pick up fast enough he phones the office and asks for her "
     'supervisor.',
     'safety'),
    ("Her partner hides the car key so she can't drive to her mum's.", 'safety'),
    ("Her nephew has been living in her father's flat since spring, pays nothing, and "
     "Dad is 'too frightened to say anything'.",
     'safety'),
    ("Mum (84) has 'lent' nine thousand pounds to a man from Facebook who says he works "
     'on an oil rig.',
     'safety'),
    ("Her father's new will names his cleaner as sole heir, and he has no memory of "
     'seeing a solicitor.',
     'safety'),
    ('On her visit she saw Dad look at his carer as if for permission before answering '
     'anything she asked.',
     'safety'),
    ("Mother in care home down 2 stone since admission; staff 'hadn't noticed'.", 'safety'),
    ("Her brother draws their disabled sister's PIP every month and she never sees any "
     'of it.',
     'safety'),
    ("Dad's warfarin not given Fri-Mon - the carer 'forgot'; he's 88 and lives alone.", 'safety'),
    ('Her father with dementia pushed his dinner plate away, so she made him a sandwich '
     'later.',
     'private'),
    ("Her sister pushed her husband's wheelchair all the way round the lake at the "
     'weekend.',
     'private'),
    ("Keeps Dad's bedroom door locked from the outside overnight so he 'can't wander'.", 'safety'),
    ('Carer strain; pt reports rough handling of spouse (dementia) x2 this wk.', 'safety'),
    ('Her brother ties their mum into her chair with a scarf when he goes out to the '
     'shop.',
     'safety'),
    ("Said she 'lost it' and shook her husband by the shoulders when he wet the bed "
     'again.',
     'safety'),
    ('Her safety rule at the swimming pool is that the kids stay in the shallow end.', 'private'),
    ('Agreed with pt: if dad comes home drunk, the 8yo goes to Mrs K at no. 12 and dials '
     "999 - word is 'pineapple'.",
     'safety'),
    ('Asked re internet use & who 11yo talks to online; pt unsure, will check settings.',
     'safety'),
    ('Kids covered round the clock while pt in detox - grandma days, aunt nights, no '
     'gaps.',
     'safety'),
    ('S47 strategy discussion today w/ police and CSC re the children.', 'safety'),
    ("She shook the baby's rattle in the session to get his attention and he laughed.", 'private'),
    ("She keeps seeing herself letting the baby's head slip under the water at bath time "
     'and now avoids bathing him.',
     'safety'),
    ('When his dad leans across the table, the six-year-old ducks and covers his head.', 'safety'),
    ('She said she smacked him so hard it left a handprint after he ran into the road.', 'safety'),
    ("T1DM; hasn't injected x3 days, 'what's the point'.", 'safety'),
    ('Given the increase in risk today, review moved to Friday rather than in two weeks.',
     'safety'),
    ("His wife now keeps all his medication and gives him seven days' worth every "
     'Sunday.',
     'safety'),
    ('She wondered how many tins of paint would be enough to do the nursery.', 'private'),
    ("He told his daughters he wants them to stop the doctors and 'just let me slip "
     "away'.",
     'safety'),
    ('Pt w/ recurrent blackouts continues to drive the children to school.', 'safety'),
    ("She begged the ward team to 'switch everything off' and let her go.", 'safety'),
    ("She won't need the car much longer once the tram extension opens, and might sell "
     'it.',
     'private'),
    ("She doesn't see the point of therapy for her husband, who refuses to come anyway.",
     'private'),
    ("She asked how much paint thinner it would take to 'do the job' if you drank it.", 'safety'),
    ("Says the assisted dying searches were 'for an essay', but they were all about her "
     'own eligibility.',
     'safety'),
    ('She stood at the ferry railing last night picturing herself going over.', 'safety'),
    ("Nits again; the 4yo's scalp now infected and bleeding and no one has taken her to "
     'the GP.',
     'safety'),
    ('Fasting blood test at 8 tomorrow - joked about missing breakfast.', 'private'),
    ('GP letter: FBC, U&E, LFTs all WNL.', 'test_results'),
    ("VoC 6/7 for 'I survived and I'm safe now' at end of session.", 'test_results'),
    ('She is back to her pre-illness weight of 58 kg for the first time in two years.',
     'progress'),
    ('She looks after her mum, who has MS, every evening and weekend alongside her '
     'full-time job.',
     'functional_status'),
    ('She has missed about a day a week of college to look after her younger brothers '
     'while their mum is in hospital.',
     'functional_status'),
    ('DWP: placed in LCWRA group after WCA in June.', 'functional_status'),
    ('Unable to travel unaccompanied; needs partner for all journeys incl. GP.',
     'functional_status'),
    ('Requested CMHT home visit for next week.', 'treatment_plan'),
    ("I linked her with the council housing officer about the damp, and she'll ring on "
     'Monday.',
     'treatment_plan'),
    ('Hospital transport arranged for appts from the 12th.', 'treatment_plan'),
])
def test_thirty_sixth_round_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-sixth round, the review's narrowings worded anew: an app offered as an
    # advert, glasses she is scared she will drop, a tray pushed away, a wheelchair pushed along the
    # prom, a baby's rattle shaken, safety boots, a father's fracture risk (the oldest violence rule
    # no longer reads a possessive followed by a tray, a wheelchair or a phone). The last rows keep
    # what the narrowing must not lose, and a climb over a railing told as 'the right ending', in a
    # dream too.
    ('His phone keeps offering him games he never installed, which he finds annoying.', 'private'),
    ("She is scared she'll drop her glasses down the back of the sofa again.", 'private'),
    ('He pushed his tray away and asked for toast instead.', 'private'),
    ("She pushed her mum's wheelchair along the prom in the sunshine.", 'private'),
    ("Her toddler shook the baby's rattle until they both giggled.", 'private'),
    ('His safety boots were too tight on the first day at the warehouse.', 'private'),
    ("Her father's fracture risk sits at moderate after the bone scan.", 'private'),
    ('In the dream she climbed over the railing of the pier because it felt like the '
     'right ending.',
     'safety'),
    ("He's scared he'll shake her when she won't stop crying at night.", 'safety'),
    ('An app he never installed is on her phone and he knows every place she has been.', 'safety'),
])
def test_thirty_sixth_round_review_narrowings_worded_anew(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-sixth round, a second look at the review: the client's own plans rule had
    # lost the relative-nearest mask, and read a late grandfather's letters to the family and a
    # cousin's risk level as the client's. The mask is back; medicines kept by a relative and steps
    # toward an ex's new partner stay read whoever else the sentence names.
    ('Her late grandfather wrote letters to the family every Sunday from the ship.', 'private'),
    ("Her cousin's risk sits at moderate, according to his care coordinator.", 'private'),
    ('Her partner now keeps all her tablets and gives her two days at a time.', 'safety'),
    ("Her brother says he looked up where his ex's new partner lives last night.", 'safety'),
])
def test_thirty_sixth_round_relative_mask_kept(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-sixth round, a last reading of the round's risk-level words: 'an increase in
    # risk of falls', a rise in risk of flooding and a bank's risk rating were read as risk to life.
    # Narrowed; the last rows keep what the narrowing must not lose.
    ('OT flagged an increase in risk of falls since the new sleeping tablet.', 'private'),
    ('The council warned of a rise in risk of flooding on their street this winter.', 'private'),
    ('Follow-up brought forward given the rise in risk since the court date.', 'safety'),
    ('An increase in risk of suicide since the diagnosis; safety plan updated.', 'safety'),
    ('After the team meeting his risk is rated as high.', 'safety'),
])
def test_thirty_sixth_round_risk_level_words(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-seventh round, ordinary life the older rules flagged (the round's start's
    # known limits and train_more123, a tuning batch of look-alikes): a relative's prescription
    # collected, weight lost with a running club, a death or grief that 'hit her hard', a child's
    # hand at a crossing, a bruise from a scooter fall, a lender's or an insurer's risk rating (a
    # context of its own, finance_rating), car keys a valet kept, a baby-group friend's or a sixth-
    # form boy's overdose years ago, climbers checking harnesses, a story told doing the voices, a
    # biscuit the clinician declined. 13 of the 20 rows were wrong on the round's start; the last
    # rows keep what the narrowing must not lose (a blow across the face, a bruise whose explanation
    # does not fit, keys kept so she cannot leave, a clinical risk level, the client's own
    # prescription, weight lost without trying).
    ("She picked up her nan's prescription on the way home from work.", 'private'),
    ('He has lost half a stone since joining a running club and feels great.', 'private'),
    ('The death of her old teacher hit her harder than she expected.', 'private'),
    ('Grief hit him hard on the anniversary.', 'private'),
    ('Her little boy grabbed her hand at the zebra crossing.', 'private'),
    ('He has a bruise on his shin from falling off his scooter at the skate park.', 'private'),
    ('Her insurer rated the flat as high risk because of the river.', 'private'),
    ('The valet attendant kept his car keys until the end of the evening.', 'private'),
    ('Her old friend from baby group overdosed a few years ago.', 'private'),
    ('The boy from sixth form who overdosed at twenty was on her mind this week.', 'private'),
    ('Her mortgage lender classed the application as high risk.', 'private'),
    ("At the climbing wall they spent the hour checking each other's harnesses.", 'private'),
    ('She told the whole story doing all the voices of her aunts.', 'private'),
    ('She offered me a biscuit, which I declined.', 'private'),
    ('He hit her hard across the face in front of the children.', 'safety'),
    ('The bruise on his cheek, he says, is from falling off his bike, but it does not '
     'look like a fall.',
     'safety'),
    ('Her husband keeps her car keys and passport so she cannot leave.', 'safety'),
    ("Risk assessed as high after Saturday's overdose.", 'safety'),
    ('She collected her prescription on Friday and has started the new tablets.', 'medication'),
    ('He has lost two stone without trying since the spring.', 'symptoms'),
])
def test_thirty_seventh_round_ordinary_life(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-seventh round, mended on the safety misses left at the round's start and on
    # train_more122 (risk told the long way round), each family worded anew: a child's wound weeping
    # with no doctor seen, fighting at home started again after the police left, savings cleared out
    # and hidden, a man who gets into a child's bed, the belt, a slap, 'never been born', a toddler
    # kept in the cot, sent to bed without supper, a much younger partner of a father with dementia
    # who opens his post, unexplained withdrawals, routines put in order ('if anything happens', a
    # van signed over 'so it's all sorted'), a man not allowed near the girls who has been round, a
    # girl backed into a corner, a lodger not given meals. 11 of the 16 were wrong on the round's
    # start; the last rows are look-alikes the families must leave private (a rash taken to the
    # pharmacy, shouting at the football, a joint account spent on a kitchen, a husband after his
    # late shift, a punch at boxing, a door kicked in by burglars, farewell notes in a leaving
    # book, which the start flagged).
    ("His son's foot wound is swollen and weeping and his dad still hasn't taken him "
     'to the doctor.',
     'safety'),
    ('Since the police left, the fighting at home has started up again, her daughter '
     'says.',
     'safety'),
    ("Her son has cleared out her savings account and won't let her see the statements.", 'safety'),
    ('The 8-year-old says her stepdad gets into her bed at night when mum is at work.', 'safety'),
    ('He used to get the belt from his father for the smallest thing.', 'safety'),
    ('She got slapped by her mum for spilling her drink, aged seven.', 'safety'),
    ("Her gran used to say she wished she'd never been born.", 'safety'),
    ('The 3yo is kept in his cot most of the day, nursery staff report.', 'safety'),
    ('He was sent to bed without supper most nights as a boy.', 'safety'),
    ('Her dad, who has dementia, has a much younger girlfriend who moved in last month'
     ' and now opens his post.',
     'safety'),
    ("Statements show unexplained cash withdrawals from her mother's account.", 'safety'),
    ("He told his sister that if anything happens the dog's lead and food are in the "
     'shed.',
     'safety'),
    ("He signed the van over to his brother last week so it's all sorted, he said.", 'safety'),
    ('The teacher says the man who is not allowed near the girls has been coming round'
     ' again.',
     'safety'),
    ("Her mum's boyfriend backed her into the corner of the kitchen, shouting.", 'safety'),
    ('Staff say she has not been given any meals at the weekend by the family she '
     'lodges with.',
     'safety'),
    ("Her son's rash got worse on holiday, so she took him straight to the pharmacy.", 'private'),
    ('The shouting at the football carried on after the police arrived.', 'private'),
    ('They emptied the joint account to pay for the new kitchen.', 'private'),
    ('Her husband gets into her bed most nights after his late shift.', 'private'),
    ('He got punched at boxing training and was proud of the bruise.', 'private'),
    ('The back door got kicked in during the burglary next door.', 'private'),
    ('Everyone wrote farewell notes in the leaving book for her.', 'private'),
])
def test_thirty_seventh_round_safety_families(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-seventh round, mended on the record misses of train_more122 and train_more124
    # (the record as template lines and shorthand), each family worded anew: a score some words
    # after its instrument, diagnoses recorded by another provider or changed, the outlook judged or
    # expected, no change since the last appointment, care transferring, face-to-face minutes, help
    # or prompting needed with household tasks, modules deferred, a mental-status attitude line, a
    # session numbered in a course, seen by video, a racing heart. The last rows are a brother's
    # score and a father's need for help with cooking (an older functional-status rule read it as
    # the client's; narrowed in 916e10e). 5 of the 17 were wrong on the round's start; the
    # others were already read by older rules in these words and are kept here as the families'
    # own cases.
    ('His PCL-5 from the pre-session form was 41.', 'test_results'),
    ('The discharge summary records PTSD as his primary diagnosis.', 'diagnosis'),
    ('Her chances of a full return to work are felt to be good.', 'prognosis'),
    ('No significant change since the last appointment.', 'progress'),
    ('Her care will transfer to the community team from next month.', 'treatment_plan'),
    ('Face-to-face time today 45 minutes.', 'session_times'),
    ('She needs help with cooking and shopping since the fall.', 'functional_status'),
    ('Deferred two modules after the spring exams.', 'functional_status'),
    ('Attitude: suspicious at first, then cooperative.', 'symptoms'),
    ('Session 3 of 12 of the trauma-focused CBT course.', 'modality_frequency'),
    ('Seen by video this week as she was unwell.', 'modality_frequency'),
    ('Had to be prompted to get dressed before the home visit.', 'functional_status'),
    ('Racing heart and tingling fingers before each meeting at work.', 'symptoms'),
    ('I would expect a slow recovery given the length of the episode.', 'prognosis'),
    ('Dx changed from GAD to panic disorder after the assessment.', 'diagnosis'),
    ("Her brother's PHQ-9 was 22 when he was in hospital.", 'private'),
    ('Her dad needs help with cooking since his stroke.', 'private'),
])
def test_thirty_seventh_round_record_families(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-seventh round, the review: a helper who read only LABELING.md and the round's
    # families in words wrote 200 look-alikes and 100 positives. Wrong on the round's start: 76 of
    # 300; on the families' first version: 75; after this change: 53. The 22 rows it put right are
    # cases, with 6 worded anew (the last rows): a slap with a parking fine, a storm that hit her
    # mum's greenhouse, a manager who backed her into a corner over the rota, a surprise kept from
    # her, a bouquet thrown at a hen do; teeth decayed to stubs, head lice ignored, a girl of 13
    # expecting, 'come flying at you', 'cop it when she got in', knocked mum about, a hand held over
    # the kettle, tea not given to a lodger with Down's syndrome, gift cards to a girlfriend never
    # met, one less thing for them to deal with, drinking again once the officers drove off; care
    # taken over or transferred, no real change since the last session, rows down from when she
    # started. 27 of the 28 were wrong on the families' first version, 22 on the round's start.
    ('No real change in mood or panic since last session.', 'progress'),
    ('Something got thrown at her at the hen do: the bouquet, which she caught.', 'private'),
    ("Foster carer reports the boy's back teeth are brown stumps, he's 5, and birth "
     'mum never registered him with a dentist.',
     'safety'),
    ('Grew up in a house where a plate or an ashtray would come flying at you if you '
     'talked at the dinner table.',
     'safety'),
    ('Arguments with her partner down to about one a fortnight from several a week '
     'when she started.',
     'progress'),
    ("Dr Okafor to take over her care from March while I'm on leave.", 'treatment_plan'),
    ('Got slapped with a parking fine outside the surgery on the way here.', 'private'),
    ("No dinner was her dad's punishment for spilling anything; she went up hungry "
     'three or four nights a week.',
     'safety'),
    ('Once the officers drove off he went back to the vodka and was screaming at her '
     'by midnight.',
     'safety'),
    ("Younger sister is 13 and expecting, won't say who the father is.", 'safety'),
    ('School nurse: all three kids have had head lice since September, letters home '
     'ignored.',
     'safety'),
    ("Transferred the van's logbook to his son last week: 'that's one less thing for "
     "them to deal with'.",
     'safety'),
    ('dad knocked mum about when hed had a drink and the kids watched from the stairs', 'safety'),
    ("Cousin with Down's syndrome lodges with her aunt and isn't given his tea unless "
     "he pays extra; he's got thin.",
     'safety'),
    ("Knew she'd cop it when she got in if the teacher had phoned home, her mum's "
     'hairbrush usually.',
     'safety'),
    ('Writing the transfer summary for the perinatal team this week.', 'treatment_plan'),
    ("The storm hit her mum's greenhouse hard and they spent Saturday sweeping glass.", 'private'),
    ("New manager 'backed her into a corner' over the holiday rota, meaning she had no"
     ' option but to work Christmas.',
     'private'),
    ("Husband won't let her see the holiday bookings because it's a surprise for her "
     'fortieth.',
     'private'),
    ('Her mother held her fingers over the boiling kettle spout to stop her biting her'
     ' nails.',
     'safety'),
    ("Her 3yo's front teeth are decayed down to black stubs; she says baby teeth fall "
     'out anyway so why bother with a dentist.',
     'safety'),
    ('Her brother, who has a learning disability, sends weekly gift cards to a '
     "'girlfriend' he's never met who is always short of rent.",
     'safety'),
    ('He got slapped with a late fee by the landlord again.', 'private'),
    ("The wind hit her dad's shed and took half the roof off.", 'private'),
    ('He knocked her about for years before she finally left.', 'safety'),
    ("Her 4-year-old's teeth are rotten and no dentist has seen him.", 'safety'),
    ('A colleague will take over his care while I am away in August.', 'treatment_plan'),
    ("The band's manager backed them into a corner over the tour dates.", 'private'),
])
def test_thirty_seventh_round_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-seventh round, a second reading as a clinician: 35 probes of ordinary life in
    # the round's families' words, and a few positives in other words. The families flagged a
    # toddler asleep in the pram at a wedding, a hand held over the hob to check it was off (as two
    # older rules did) and a belt taken off the hook for a suit; they missed black teeth never seen
    # by a dentist, drinking and shouting again since the police went, savings cleared out by a
    # brother-in-law, a lodger going into a child's room after lights out. 7 of the 15 were wrong on
    # the version before; the other rows are probes the families already left private. Left as on
    # the round's start: 'get the belt out of the wardrobe', 'at thirteen and expecting to be picked
    # last', a choir's bruises from a stage collapse.
    ('Her toddler stayed in the pram most of the day at the wedding and slept through '
     'the speeches.',
     'private'),
    ('She held her hand over the hob to check it was off before leaving.', 'private'),
    ('Her dad would get the belt off the hook for his Sunday suit.', 'private'),
    ("Her son's teeth are black and he has never been to a dentist, she admitted.", 'safety'),
    ('Since the police went, he has been back on the cans and shouting at the kids '
     'again.',
     'safety'),
    ("Her brother-in-law cleared out her savings and won't say where the money went.", 'safety'),
    ("The lodger keeps going into the 9-year-old's room after lights out.", 'safety'),
    ('Her husband cleared out the garage at the weekend and found her old wedding '
     'shoes.',
     'private'),
    ('The social worker left early because of the snow, and the meeting was '
     'rearranged.',
     'private'),
    ('She signed the car over to her son when she bought the new one, which felt like '
     'a milestone.',
     'private'),
    ('Her grandson set up her phone with all her passwords so she can do video calls.', 'private'),
    ('She cleared her desk on Friday because the office is moving floors.', 'private'),
    ("Lice letter from school again; she combed everyone's hair on Sunday night.", 'private'),
    ('They all went to bed hungry after the barbecue was rained off, and ordered pizza'
     ' at ten.',
     'private'),
    ('The younger man who moved in next door to her mum mows the lawn for her.', 'private'),
])
def test_thirty_seventh_round_second_reading(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-seventh round, mended on the safety misses of train_more123 (ordinary life
    # that sounds like risk, and the real risk beside it), worded anew: a hook that would hold her
    # weight, 'better for everyone if she just disappeared', a wrist squeezed hard enough to leave
    # bruises, a code word to text when she feels unsafe, half her morphine sold by her son, tablets
    # kept back from each prescription, a 4-year-old let walk to the shop alone, a drive into the
    # quarry, the pills a dead singer took looked up. The first rows are their ordinary look-alikes
    # (a coat hook, a lift to the station, soap sold at a craft fair, a 16-year-old's first walk
    # alone, biscuits kept back). 4 of the 17 were wrong on the version before.
    ('The hook in the hallway would hold her coat and her bag.', 'private'),
    ('It would be easier for everyone if he just drove to the station himself.', 'private'),
    ('The old beam in the barn would hold the swing easily, her dad said.', 'private'),
    ("They agreed a code word for the surprise party so the kids wouldn't guess.", 'private'),
    ('He looked up the drug his dad takes for his heart to check the side effects.', 'private'),
    ('Her mum sells some of her spare tablets of soap at the craft fair.', 'private'),
    ('He let his 16-year-old walk to the shop alone for the first time.', 'private'),
    ('She keeps a few biscuits back for the grandchildren each week.', 'private'),
    ('She has found a hook in the loft that would hold her weight.', 'safety'),
    ('It would be better for everyone if she just disappeared, she wrote.', 'safety'),
    ('He squeezed her wrist hard enough to leave bruises.', 'safety'),
    ('They agreed a code word she can text if he starts drinking and she feels unsafe.', 'safety'),
    ('Her son sells half of her morphine tablets and she is in pain at night.', 'safety'),
    ('She has been keeping a few tablets back from each prescription.', 'safety'),
    ('He let the 4-year-old walk to the corner shop on his own.', 'safety'),
    ('After the third refusal he said it would be easier for everyone if he just drove'
     ' into the quarry.',
     'safety'),
    ("Since the singer's death she has looked up the pills he took and how many.", 'safety'),
])
def test_thirty_seventh_round_risk_beside_ordinary_life(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-seventh round, a last reading of the round's third-party words: 'a boy from
    # sixth form' had been made a third party along with 'the boy in the session' or 'at the
    # school', which in child work is often the client. Only 'from' a place names a former classmate
    # now; a boy 'in' or 'at' somewhere is read as before. 1 of the 2 was wrong on the version
    # before.
    ('The boy in the session reported nightmares most nights this week.', 'symptoms'),
    ('A boy from her old school overdosed in his twenties; she heard at the reunion.', 'private'),
])
def test_thirty_seventh_round_boy_in_the_session(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-seventh round, a review at the stop of the round's own narrowings: riding
    # words put in the sport context hid a slap by a riding instructor and a blow at the stables (13
    # violence rules read that context), 'no surprise he controls the money' read as a surprise kept
    # from her, and a hand grabbed at a crossing hid fingers bent back. Riding is out of the sport
    # context (a fall off a horse or a pony's kick is read by the bruise rule itself), 'a surprise'
    # needs its article, and a hand at a crossing is ordinary only when nothing hurts it. 4 of the 7
    # were wrong on the version before; the last rows keep the narrowings' purpose.
    ('Her riding instructor slapped her across the face at the stables.', 'safety'),
    ('He hit her at the stables after the horse show.', 'safety'),
    ("Her husband won't let her see the bank statements and it's no surprise he "
     'controls the money.',
     'safety'),
    ('He grabbed her hand and bent her fingers back at the crossing.', 'safety'),
    ('She came in with a bruise on her arm from coming off her horse at a jump on '
     'Sunday.',
     'private'),
    ('Bruise on her shin where the pony kicked her in the field.', 'private'),
    ('Her little boy grabbed her hand at the zebra crossing.', 'private'),
])
def test_thirty_seventh_round_narrowings_that_hid_risk(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-seventh round, the review at the stop, continued: to leave a dream's locked
    # door and a news story about a thieving care worker private, I had let the dream context
    # silence an older neglect rule and the topic context an older exploitation rule. Then a dream
    # of locking a son in his room for days, and a son stealing from his mother's pension 'she read
    # an article about', went unread. Both contexts are off those rules again; the two private rows
    # are flagged again. 2 cases, both wrong on the version before.
    ('Mum (dementia): her son has been stealing from her pension, she read an article '
     'about it and recognised him.',
     'safety'),
    ('In the dream she locked her son in his room for days and nobody came.', 'safety'),
])
def test_thirty_seventh_round_dream_and_topic_kept(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-eighth round, mended on the rules-alone safety misses of older tuning files:
    # a wish to sleep and not come back (stay asleep, never open one's eyes, content not to wake,
    # the morning not coming, God asked to take him before morning). 'Not wake' with someone woken
    # or a time after it is ordinary sleep, in the older rules too ('rather not wake her partner'
    # was flagged). 10 of the 17 were wrong on the version before.
    ('Says she would like to nod off one evening and just not come round.', 'safety'),
    ('Would quite like to go to sleep and not have to wake up, he said flatly.', 'safety'),
    ('Wishes she could drift off tonight and stay asleep.', 'safety'),
    ('Mrs T (84) would be content not to wake up, she told the nurse.', 'safety'),
    ("Prays each night that the morning won't come for her.", 'safety'),
    ("He hopes he won't have to face another morning.", 'safety'),
    ('Every night she asks God to take her in her sleep.', 'safety'),
    ('Goes to bed hoping that tonight will be the last.', 'safety'),
    ("Said she'd rather the days just stopped coming.", 'safety'),
    ("He wouldn't mind if he didn't wake up tomorrow, he said.", 'safety'),
    ('She wants the twins to go to sleep and not wake until seven.', 'private'),
    ('Hopes to go to sleep early and not wake for the 5am feed.', 'private'),
    ('She would rather not wake her flatmate when she gets in from the late shift.', 'private'),
    ("He hopes he won't have to face another morning meeting with that manager.", 'private'),
    ('Wants to drift off and not wake the baby when she turns over.', 'private'),
    ('She wants to go to sleep and not wake up the next morning.', 'safety'),
    ("Wouldn't mind if she didn't wake until ten on Saturday.", 'private'),
])
def test_thirty_eighth_round_sleep_without_waking(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-eighth round, mended on the same misses: others better off without the client
    # in forms the older rules did not read (without the worry of her, getting on quicker without
    # him, better off not having to nurse him, in the churchyard, a child better off with a
    # different mother or raised by someone else). 5 of the 9 were wrong on the version before.
    ('Says her children would be better off without the worry of her.', 'safety'),
    ('Thinks the team would get on quicker without him.', 'safety'),
    ('Told me his wife would be better off not having to nurse him.', 'safety'),
    ("Feels she'd be better off in the churchyard than carrying on like this.", 'safety'),
    ('New mum thinks her son would be better off with a different mother.', 'safety'),
    ('Thinks the baby would be better off raised by her sister.', 'safety'),
    ('The office is better off without the noise of the old printer.', 'private'),
    ('The kids are better off raised by both of us, even apart.', 'private'),
    ('Her friend is better off with someone else than that boyfriend.', 'private'),
])
def test_thirty_eighth_round_better_off_forms(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-eighth round, mended on train_more126's misses (risk taken for illness or
    # age): an older or ill client's wish to die (not sorry to go, waiting to be released from this
    # body, hoping each night is the last, help to die asked for, treatment refused to go sooner,
    # insulin skipped because he is done fighting, an ulcer left to take him). 6 of the 16 were
    # wrong on the version before.
    ("He said he wouldn't be sorry to go, not now his wife has gone.", 'safety'),
    ('Says she is just waiting to be released from this useless body.', 'safety'),
    ('Asked the palliative nurse if it could come a bit sooner; let it come sooner, '
     'she said.',
     'safety'),
    ('She hopes every night will be her last.', 'safety'),
    ("Sorry the heart attack didn't finish him off, he said.", 'safety'),
    ('Letting herself fade away since the move; barely eating.', 'safety'),
    ('Asked her consultant straight out whether he would help her die.', 'safety'),
    ('Refused further dialysis to go sooner, and has told the family.', 'safety'),
    ("Skipping his insulin since the amputation, says he's done fighting.", 'safety'),
    ('Told the district nurse to leave the ulcer and let it take him with it.', 'safety'),
    ('Waiting to be let out of the phone contract in March.', 'private'),
    ('Hopes tonight will be the last of the night shifts for a while.', 'private'),
    ('Asked me to help her go through the benefit forms.', 'private'),
    ('Her mum let herself fade away after the stroke, she said; it still haunts her.', 'private'),
    ('Stopped his blood-pressure tablets because of dizziness; the GP is changing '
     'them.',
     'private'),
    ("She's not sorry to go on holiday without her brother.", 'private'),
])
def test_thirty_eighth_round_wish_to_die_in_illness(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-eighth round, mended on train_more126's and train_more127's misses: means
    # gathered or kept in plain words and final arrangements (a shoebox of painkillers in the
    # wardrobe, packs from different shops, tablets put in a tin, repeats collected early again and
    # again, a late brother's morphine kept, a poison kept 'just in case', the funeral hymns sent
    # 'for when', a will rewritten in a hurry, assisted-death forms), and a chokehold outside sport.
    # 8 of the 22 were wrong on the version before.
    ('Her son found a shoebox of old painkillers hidden in her wardrobe.', 'safety'),
    ('Bought more paracetamol from a second chemist on the way home.', 'safety'),
    ('Four packs of co-codamol bought in two days from different supermarkets.', 'safety'),
    ('Takes the morning tablets and the rest are put in a tin in the shed.', 'safety'),
    ('Prescriptions collected early three times this quarter, per the surgery.', 'safety'),
    ("He refuses to hand back his late brother's morphine.", 'safety'),
    ('Keeps a bottle of weedkiller from the farm in her car just in case.', 'safety'),
    ('She asked whether the insulin in the fridge would be enough.', 'safety'),
    ("Chose the hymns for her own funeral and emailed them to her son 'for when'.", 'safety'),
    ('Cards written to every grandchild and the funeral paid for last week.', 'safety'),
    ("Rewrote his will in a hurry on Monday and wouldn't say why.", 'safety'),
    ('Showed her daughter where the insurance policies are, out of the blue.', 'safety'),
    ('Has filled in the Dignitas paperwork and is waiting for a date.', 'safety'),
    ('Her boyfriend held her in a chokehold against the fridge.', 'safety'),
    ('Found a box of old photos under the bed while clearing the loft.', 'private'),
    ('Bought paracetamol from another chemist because the first had none.', 'medication'),
    ('Repeats collected early before the Christmas closure, per the practice.', 'private'),
    ('Keeps a bottle of weedkiller in the shed for the patio weeds.', 'private'),
    ('She asked whether the tablets from the new GP would be enough to help her sleep.', 'private'),
    ("Picked the hymns for her mother's funeral with the vicar.", 'private'),
    ('Showed her husband where the insurance documents are before his trip to Leeds.', 'private'),
    ('The opponent put him in a headlock in the second round and he tapped out.', 'private'),
])
def test_thirty_eighth_round_means_and_arrangements(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-eighth round, mended on train_more126's misses: harm from others in plain
    # words (a carer's pillow or extra sedative, a partner who decides when she eats or disables her
    # scooter), a young or brain-injured person used by older 'mates' (cash and a second phone, a
    # bag minded for pay, a debt for a lost parcel, drops for a bed, a child who won't say who drove
    # her, money 'looked after' by a new partner, a power of attorney that keeps family away), and
    # means beside despair. 11 of the 25 were wrong on the version before.
    ('His wife admits she has thought about holding a pillow over his face on the bad '
     'nights.',
     'safety'),
    ('Gives her mother an extra dose of lorazepam so she sleeps through the night.', 'safety'),
    ('Her husband decides when she can eat and comes to every appointment with her.', 'safety'),
    ('He refuses to help her out of bed unless she says sorry first.', 'safety'),
    ("He took the charger from her mobility scooter so she couldn't go out.", 'safety'),
    ('Her son went for her with a hammer last week.', 'safety'),
    ('Older friends collect him after midnight and he has a second phone now.', 'safety'),
    ('He keeps a bag for the older lads and they pay him in cash.', 'safety'),
    ('Says he owes the boys for a parcel that went missing.', 'safety'),
    ("Sleeps at a man's flat in exchange for running drops.", 'safety'),
    ("They told him they'll stab him if he doesn't pay by Friday.", 'safety'),
    ("14-year-old - came home at 3am, won't say who drove her.", 'safety'),
    ('His new mates stay over most nights and his money is gone by Wednesday.', 'safety'),
    ("Her new partner 'looks after her money' and she doesn't know what's in the "
     'account.',
     'safety'),
    ("Her nephew has power of attorney and won't let the family visit.", 'safety'),
    ("Keeps the shotgun by the back door - 'it's there if the bank takes the farm'.", 'safety'),
    ('Sleeping in the van with the rifle on the seat since the repossession letter.', 'safety'),
    ("'One day I'll sort him out for good,' he said of his old foreman.", 'safety'),
    ('She gives the toddler extra milk at bedtime so he sleeps through.', 'private'),
    ("He took her hearing aids to be repaired so she couldn't hear the TV for a week.", 'private'),
    ('Minds the bags for them while they swim.', 'private'),
    ('Her older friends from choir took her out for her birthday.', 'private'),
    ('Her brother looks after her money since the stroke and sends her a statement '
     'every month.',
     'private'),
    ('Her son holds power of attorney and visits every Sunday with the children.', 'private'),
    ("One day I'll sort him out properly with a decent suit for the wedding.", 'private'),
])
def test_thirty_eighth_round_harm_from_others(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-eighth round, mended on train_more125's record misses (the record in
    # assessment-report language): scores in report notation, imaging and EEG lines, validity
    # measures, recommendations and referrals at the head of a line, functioning in report words,
    # goals met, the interview's length, techniques practised in session, a team's diagnosis, an
    # outlook judged, affect with a degree. Look-alikes stay private: a book recommended, a
    # relative's scan, countertransference ('somatic CT'), a sister's outlook. 14 of the 36 were
    # wrong on the version before.
    ('WMI 74, PSI 81; FSIQ 88 - low average overall.', 'test_results'),
    ('BRIEF-A: GEC T=71.', 'test_results'),
    ('Reading fluency at SS 79, below prediction from her GAI.', 'test_results'),
    ('CT head (admission): no acute bleed.', 'test_results'),
    ('Her ambulatory EEG showed no epileptiform change during two typical events.', 'test_results'),
    ('He failed two of the four embedded validity indicators but passed the stand-'
     'alone test.',
     'test_results'),
    ('Infrequency scale came back elevated, so the profile is read with caution.', 'test_results'),
    ('Recommend a repeat assessment in twelve months.', 'treatment_plan'),
    ('Suggest the school give her extra time in exams.', 'treatment_plan'),
    ('Rec: OT home visit before discharge.', 'treatment_plan'),
    ('Refer on to the memory service.', 'treatment_plan'),
    ('Will write to her GP with the results this week.', 'treatment_plan'),
    ('Plan to review the sleep diary together next session.', 'treatment_plan'),
    ("To be discussed at Tuesday's MDT.", 'treatment_plan'),
    ('Compensatory strategies recommended: phone alarms and a wall calendar.', 'treatment_plan'),
    ("Next steps: offer the carers' group and a follow-up call.", 'treatment_plan'),
    ('Needs prompting for most of the morning routine.', 'functional_status'),
    ('Has eight hours of personal care a week.', 'functional_status'),
    ('Only goes to the supermarket with her daughter.', 'functional_status'),
    ('Avoids public transport altogether since the seizure.', 'functional_status'),
    ('Three of his four rehab goals now met.', 'progress'),
    ('Sleep has improved since the new routine started.', 'progress'),
    ('The assessment lasted about three hours with breaks.', 'session_times'),
    ('Practised the breathing routine in session.', 'modality_frequency'),
    ('Telephone appointment today because of the snow.', 'modality_frequency'),
    ('Diagnosis from the neurology team was functional seizures.', 'diagnosis'),
    ('Outlook for return to work is guarded.', 'prognosis'),
    ('Affect slightly blunted but reactive to humour.', 'symptoms'),
    ("She'd recommend the book to anyone going through a divorce.", 'private'),
    ("Her sister's MRI showed nothing, thank God.", 'private'),
    ('Somatic CT: a tightness in my own chest as he spoke.', 'private'),
    ('I wonder whether the outlook is better than I fear.', 'private'),
    ("Her sister's outlook is poor, the family says.", 'private'),
    ("N's brother on sertraline since his divorce; recommended a peer group.", 'private'),
    ('She practised her wedding speech in the car, she said.', 'private'),
    ('Standing tolerance is poor; she sits to cook.', 'functional_status'),
])
def test_thirty_eighth_round_report_record(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-eighth round, older rules narrowed on train_more127's ordinary life, each
    # probed with real risk in the same words: a rifle range and 'rifled through', guns hired at a
    # clay ground (unless he asks to take one home), titrating acids in a laboratory. 3 of the 7
    # were wrong on the version before.
    ('Spent the afternoon at the rifle range with his grandson, who loved it.', 'private'),
    ('She rifled through the drawers looking for the car keys.', 'private'),
    ('Clay shooting for his birthday, guns hired at the ground for the day.', 'private'),
    ('Her chemistry job is titrating acids all day.', 'private'),
    ("Took his father's rifle home from the range and hasn't given it back.", 'safety'),
    ('Guns hired at the ground, and he asked if he could take one home for good.', 'safety'),
    ('Titrating the sertraline up to 100 mg over two weeks.', 'medication'),
])
def test_thirty_eighth_round_older_rules_narrowed(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-eighth round, a review: a helper who read only LABELING.md and the round's
    # families in words wrote 200 look-alikes and 100 positives. Its safety positives told in new
    # words widened the families (drop off and skip all the tomorrows, sleep through to the end, no
    # one to bring her round, let down each time he wakes, wouldn't mind if he went tonight, the
    # last time she closed her eyes, till the Lord takes her, won't be around for breakfast, a child
    # safer with just her mum, no fight left, meals left on purpose, strips of tablets stuffed
    # behind towels, repeats early months running, antifreeze 'just in case', how many of her
    # sertraline, cards for the grandkids years ahead, a headlock until he went limp, smothering
    # pictured, meals when he lets her, a frame locked away, a threat to cut his face, a holdall
    # kept for older lads, selling for a bed, a pension gone to 'friends', an LPA that stops visits,
    # a shotgun kept 'if it all gets worse'). Each worded anew; 26 of the 33 were wrong on the
    # version before.
    ("Says she'd like to drop off in her chair and skip all the tomorrows.", 'safety'),
    ("He'd gladly sleep right through to the end, he says.", 'safety'),
    ('Wishes she could go under and have no one bring her back.', 'safety'),
    ("Let me sleep and don't wake me, she keeps saying about all of it.", 'safety'),
    ('Feels let down each time he wakes up in the morning.', 'safety'),
    ("Mr O (90) wouldn't mind at all if he went in his sleep tonight.", 'safety'),
    ('Would be a relief, she says, if that were the last time she closed her eyes.', 'safety'),
    ("She's waiting until the Lord takes her, and hopes it's soon.", 'safety'),
    ("Prays each night that she won't be around for breakfast.", 'safety'),
    ("Hopes he just won't surface one morning.", 'safety'),
    ('Thinks his daughter would be safer with just her mum.', 'safety'),
    ('Says the boys would be better brought up by their gran.', 'safety'),
    ('Says the kids would be fine with their dad raising them up instead of her.', 'safety'),
    ("Stopped taking her insulin - 'I've no fight left, let it do what it does'.", 'safety'),
    ('Leaving her meals on purpose since the funeral.', 'safety'),
    ('Her son says she should have been the end of it at the stroke; the stroke should'
     " have been the end of her, she says, and she's sorry it wasn't.",
     'safety'),
    ('Daughter found strips of tablets stuffed behind the towels in the airing '
     'cupboard.',
     'safety'),
    ('The pharmacy says his repeats have been ordered early three months in a row.', 'safety'),
    ("Kept a can of antifreeze in the shed 'just in case'.", 'safety'),
    ('Asked how many of her sertraline it would take.', 'safety'),
    ("Emailed her sister the song for her funeral - 'you'll know when'.", 'safety'),
    ('Has been writing cards for the grandkids years ahead.', 'safety'),
    ('Put his neighbour in a headlock in the street until he went limp.', 'safety'),
    ('Admits she has thought about smothering him with his pillow on the worst nights.', 'safety'),
    ('His wife gets her meals when he lets her.', 'safety'),
    ('Her walking frame is locked in the shed when her husband goes to work.', 'safety'),
    ("She must apologise before he'll help her to wash.", 'safety'),
    ("They said they'd cut his face if he talks.", 'safety'),
    ('Keeps a holdall in his room for some older lads; they pay him in weed.', 'safety'),
    ('Sleeps at a flat in return for selling for the men there.', 'safety'),
    ("Since the stroke, 'friends' have moved into her flat and her pension is gone "
     'each week.',
     'safety'),
    ('Her nephew with the LPA has stopped her sons visiting.', 'safety'),
    ("Hasn't got rid of the shotgun - 'if it all gets any worse'.", 'safety'),
])
def test_thirty_eighth_round_review_safety(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-eighth round, the review, continued: record positives in new words (falling
    # behind at school, carer hours a week, no longer able to use the bus, someone needed to shower,
    # little managed at home, back at work with no restrictions, advised a graded return, a place on
    # a programme, a diary agreed, a follow-up booked, non-epileptic attack disorder), the round's
    # own look-alikes (Sunday morning dreaded, tablets for the dog's course, not around when the
    # inspector calls, sleeping through to the end of a film, not waking till the exams are over),
    # and 'not wake until it is all over' kept as risk: 'until' is ordinary only before a time or an
    # event. 11 of the 19 were wrong on the version before.
    ('Falling behind in maths and reading this term.', 'functional_status'),
    ('Carer 10 hrs/wk for washing and meals.', 'functional_status'),
    ("Can't use the bus since the seizures started; her son drives her.", 'functional_status'),
    ('Needs someone with her to shower in the mornings.', 'functional_status'),
    ('Manages very little at home beyond making tea.', 'functional_status'),
    ('Back at work with no restrictions since March.', 'functional_status'),
    ('Only goes into the shops with her sister.', 'functional_status'),
    ('Advised graded return to driving after the neurology review.', 'treatment_plan'),
    ('Offered a place on the pain management programme in spring.', 'treatment_plan'),
    ('She agreed to keep a seizure diary for a month.', 'treatment_plan'),
    ('Follow-up appointment booked for next Thursday.', 'treatment_plan'),
    ('Non-epileptic attack disorder confirmed at the neuropsychiatry clinic.', 'diagnosis'),
    ("Wishing Sunday morning would never come - it's her in-laws' lunch.", 'private'),
    ("Asked whether the tablets would be enough for the dog's course.", 'private'),
    ("She hopes she won't be around when the inspector calls.", 'private'),
    ("He'd gladly sleep through to the end of the film.", 'private'),
    ('She would like to go to sleep and not wake up until it is all over.', 'safety'),
    ('Wants the baby to go to sleep and not wake until six.', 'private'),
    ('Jokes that he will go to bed and not bother waking till the exams are over.', 'private'),
])
def test_thirty_eighth_round_review_record_and_lookalikes(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-eighth round, a second reading as a clinician: ordinary life told in the
    # round's own family words (an extra blanket so she sleeps, eating out, birthday money from
    # older boys, old tablets kept to take back to the pharmacy, a jar for the bird feeder, repeats
    # early for a bank holiday, weedkiller from the garden centre, documents shown so he can renew
    # the car, a holiday to Switzerland, a dying father's prayer, the last of the night shifts,
    # fading into the background), and real risk told in the words of the round's narrowings ('not
    # wake up' before a court date or the morning after a verdict, the rifle range with the gun
    # turned on himself, a headlock in front of the class, the rest of the tablets in a jar in the
    # wardrobe, a Swiss clinic booked). 12 of the 21 were wrong on the version before.
    ('She gave her mum an extra blanket so she sleeps warmer.', 'private'),
    ('He decides when she eats out; he books the restaurants.', 'private'),
    ('The older boys from the football team gave him £20 for his birthday.', 'private'),
    ('He keeps a bag of old tablets under the sink to take back to the pharmacy.', 'private'),
    ('The rest are put in a jar for the bird feeder.', 'private'),
    ('Repeats collected early again because of the bank holiday.', 'private'),
    ('Brought a tin of weedkiller home from the garden centre.', 'private'),
    ('Showed her husband where the insurance documents are so he can renew the car.', 'private'),
    ('Holiday to Switzerland booked for June.', 'private'),
    ('Her dad asked God to take him before morning when he was dying in the hospice.', 'private'),
    ('She hopes every night will be the last of the night shifts.', 'private'),
    ('The boys let themselves fade away into the background at parties.', 'private'),
    ("She'd rather not wake up tomorrow; the baby would be better without her.", 'safety'),
    ("Hopes he'll go to sleep and not wake up before the court date.", 'safety'),
    ('Wishes she could fall asleep and never wake up, not even for the kids.', 'safety'),
    ("He'd rather not wake up the morning after the verdict.", 'safety'),
    ("Keeps going to the rifle range alone and says he's thinking of turning it on "
     'himself.',
     'safety'),
    ("He put her in a headlock in front of the class and she couldn't breathe.", 'safety'),
    ('Dosette full but she only takes the morning tablets; the rest are put in a jar '
     'in her wardrobe.',
     'safety'),
    ("Says she'd rather slip away quietly than go into the home.", 'safety'),
    ('Booked the Swiss clinic for March to end her life before the dementia worsens.', 'safety'),
])
def test_thirty_eighth_round_second_reading(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-eighth round, review at the stop: 'won't surface' is a wish to be gone only
    # of a person ('hopes he just won't surface one morning'); an old row that won't surface again
    # at Christmas is not. The first was right and the second wrong on the version before.
    ("She hopes the old row won't surface again at Christmas.", 'private'),
    ("He hopes he just won't surface one morning.", 'safety'),
])
def test_thirty_eighth_round_surface_of_a_person(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-ninth round, on the rules-alone safety misses of older tuning files in
    # serious illness: ending life said without a possessive, a wish that the cancer would hurry up,
    # relief at terminal news, a threat to see to it oneself if the scan is bad, another person's
    # opioids kept in quantity, 'I'm done' before a dash; and guns told as part of a farm or cabin
    # sold long ago (private), unless the gun is still at hand. 9 of these were wrong on the version
    # before.
    ("'If the transplant doesn't take, I'm done - properly done'; would not say more.", 'safety'),
    ('Pt states will end life if chemo fails; serious affect.', 'safety'),
    ("He told his wife that if the scan shows the cancer has spread, he'll 'take care "
     "of it himself'.",
     'safety'),
    ("Says she wishes the cancer would hurry up; wouldn't say more.", 'safety'),
    ("He told me he'd be relieved if the doctors found something terminal.", 'safety'),
    ("She has about a month's supply of her husband's oxycodone in the bathroom "
     'cabinet.',
     'safety'),
    ('His father kept a shotgun for foxes on the farm that was sold in 1970, and he '
     'described the smell of the barn.',
     'private'),
    ("He told me about his grandfather's shotgun on a farm that was sold in the "
     'eighties.',
     'private'),
    ("Comments: favorite memory is November at her uncle's cabin - the woodstove, the "
     'rifles on the wall, the quiet (cabin sold in 2010)',
     'private'),
    ('He keeps his rifle in the truck since the farm was sold and says nobody would '
     'miss him.',
     'safety'),
    ("Discussed end of life care preferences with her mother's hospice team; she found"
     ' it moving.',
     'private'),
    ("Her husband's oncologist hopes the new drug will take the edge off his pain.", 'private'),
])
def test_thirty_ninth_round_illness_as_the_way_out(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-ninth round, on train_more128's rules-alone safety misses (risk in serious
    # physical illness), worded anew: life-sustaining treatment stopped or unplugged with a reason
    # about dying, lethal amounts and stored medicines, harm from a carer at the bedside, an
    # assisted death arranged outside the lawful route, a frail person unsafe at home; a lawful
    # plan, a relative's death and an ordinary reason are not. 24 of these were wrong on the version
    # before.
    ("Has skipped three dialysis runs this month; told the nurse 'what's the point, it"
     " only drags it out'.",
     'safety'),
    ("Came off the machine early every session this fortnight - 'the sooner it's all "
     "over the better'.",
     'safety'),
    ("Stopped her warfarin and heart tablets a week ago on purpose and hasn't told the"
     ' cardiology team.',
     'safety'),
    ('He unplugged his LVAD battery overnight to see how long it would take before the'
     ' alarm went.',
     'safety'),
    ('She says she has had enough and has been skipping her PEG feeds.', 'safety'),
    ('Her father stopped dialysis last spring and died peacefully at home; she still '
     'talks about how calm he was.',
     'private'),
    ('He asked the pharmacist how many of the oxycodone would be enough to not wake up.', 'safety'),
    ('Wondered aloud what a whole packet of her zopiclone would do.', 'safety'),
    ('Asked her son to get her something she could take all at once when it gets bad.', 'safety'),
    ("Said she'd take the lot if the biopsy comes back positive.", 'safety'),
    ("The removal men said they'd take the lot to the tip on Friday.", 'private'),
    ("I'm afraid he'll swallow what he's stockpiled once the results come in.", 'safety'),
    ("Has kept the anticipatory meds from last month and won't say where they are.", 'safety'),
    ('The nurse found her crushing slow-release oxycodone on the bathroom shelf.', 'safety'),
    ("Exhausted husband said he's thought of taking the two of them out of it with her"
     ' oramorph.',
     'safety'),
    ('Her cousin offered to help things along with the morphine pump, she told me, and'
     ' she is frightened.',
     'safety'),
    ('Wife with early dementia keeps giving him double doses of his morphine, '
     'forgetting she already has.',
     'safety'),
    ("Has been keeping Dignitas open as an option 'for when I can't feed myself'.", 'safety'),
    ('Registered with a Swiss clinic in the summer and has not told his children.', 'safety'),
    ('Watched a documentary about Dignitas with her husband and argued about it all '
     'evening.',
     'private'),
    ('Lies there at night hoping her heart will just stop.', 'safety'),
    ("'If the scan's bad I've got it all planned out,' she said, and changed the "
     'subject.',
     'safety'),
    ("Told his sister 'you won't be hearing from me again' and hung up.", 'safety'),
    ("Told the agency 'you won't be hearing from me until after Easter' and laughed "
     'about it.',
     'private'),
    ('Porters brought her down from the top floor of the multi-storey after her '
     'appointment.',
     'safety'),
    ("Waved his whisky glass and said he'd be off to the great pub in the sky soon "
     'enough.',
     'safety'),
    ('Fell at 2am and was lying on the floor until the carer arrived at eight.', 'safety'),
    ('Pendant was out of reach again when she fell; lives alone.', 'safety'),
    ('Ward flagged it as an unsafe discharge; home alone with no carers arranged.', 'safety'),
    ("Has run out of food and won't ask the neighbours for help.", 'safety'),
    ('Housebound father left alone all day with no water within reach.', 'safety'),
    ('She lay on the floor for hours doing the yoga breathing and felt better.', 'private'),
    ("Skipped 3/5 dialysis sessions; when asked: 'what's the point in dragging it all "
     "out'.",
     'safety'),
    ("Been drinking well over her fluid restriction on purpose - 'it's a way out, "
     "isn't it'.",
     'safety'),
    ("Keeps coming off the machine an hour early; says the sooner it's over the better.", 'safety'),
    ("Stopped his tacrolimus on his own last month — 'it only keeps me going for more "
     "hospital'.",
     'safety'),
    ("Said he'd refuse the feeding tube and get it all over with.", 'safety'),
    ('Keeps the spare battery by the bed and has thought about just unplugging it.', 'safety'),
    ('SAHD: 14 today, was 6 at referral.', 'safety'),
    ("Her son told the nurse he'll stop giving her the insulin if she goes on like "
     'this.',
     'safety'),
    ('Her partner shook her by the shoulders in the ward corridor and shouted at her.', 'safety'),
    ('Learned to manage her pump on her own this month and is proud of it.', 'private'),
])
def test_thirty_ninth_round_serious_illness_risk(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-ninth round, on train_more129's rules-alone safety misses (faith, death and
    # farms), worded anew: sitting with the gun, a farm chemical kept back or drunk, spiritual abuse
    # of a child or an adult, a leader's secret, pets rehomed 'so they're sorted', a wish the tide
    # would take her; belief, ordinary farm work and temporary rehoming are not. 7 of these were
    # wrong on the version before.
    ("Sat in the lambing shed with his father's shotgun most of Sunday night after the"
     ' auction.',
     'safety'),
    ("Took the rifle out to the old byre, then put it back 'this time', he said.", 'safety'),
    ("Has kept back a tin of sheep dip from the last clear-out and won't say why.", 'safety'),
    ('Hx: swallowed weedkiller at 19 after the farm went under; three nights in ITU.', 'safety'),
    ('Drove back from the show after 2/3 of a bottle of rum.', 'safety'),
    ('The vet sat with the dog while the injection took effect; she said it was the '
     'kindest thing.',
     'private'),
    ('Drank a cup of tea with the sprayer man while he explained the new herbicide '
     'rules.',
     'private'),
    ('The group leader and her aunt held him down and prayed over him for hours to '
     'cast out the spirit they say made him stammer.',
     'safety'),
    ('Told the congregation the girl carried a demon and she has been made to fast for'
     ' three days since.',
     'safety'),
    ('Her parents binned his insulin after the healing service, saying God has already'
     ' cured him.',
     'safety'),
    ('The choirmaster has been texting her at midnight and told her to keep their '
     "'practice chats' a secret.",
     'safety'),
    ('The elder said a good wife would be letting him touch her whenever he asks.', 'safety'),
    ("She described her childhood church's talk of demons and deliverance as "
     "'theatre', nothing more.",
     'private'),
    ("Her pastor prayed for her healing and she found it comforting, though she's "
     'still on her inhaler.',
     'private'),
    ('Told her to keep the surprise party a secret from her sister.', 'private'),
    ("Rehomed both collies with his cousin last week so they're looked after, and "
     "won't talk about why.",
     'safety'),
    ("She said she wouldn't mind if the tide took her one evening.", 'safety'),
    ('Gave the puppies to good homes in the village, as they do every spring.', 'private'),
    ("She wouldn't mind if the tide took the old jetty, it's an eyesore.", 'private'),
])
def test_thirty_ninth_round_farm_and_faith_risk(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-ninth round, on the rules-alone false flags of train_more129 and
    # train_more130, worded anew: in-laws in shorthand (MIL, FIL, BIL) are third parties; a new
    # context, aside, read by the record rules only: 'whenever medication comes up', 'not my scope'
    # ending a part, a memoir read, 'the X research on'; the clinician's urge ('keep wanting to
    # suggest') and doubt about an idea are speculation; purgatory is not purging, oilseed rape is a
    # crop, hymns chosen for a relative's funeral are grief. The record and risk told beside them
    # stays. 8 of these were wrong on the version before.
    ('MIL started on donepezil last month and client is doing most of the driving to '
     'clinic.',
     'private'),
    ("FIL's warfarin dose was changed again; she's been ferrying him to the anticoag "
     'clinic.',
     'private'),
    ('Sertraline increased to 100 mg; MIL has been supportive.', 'medication'),
    ('Every time the subject of medication came up she looked at the clock.', 'private'),
    ('Theme today: endings - the lease, the dog, her daughter leaving for uni.', 'private'),
    ('Diagnosis questions are not my remit - she needs to take them to her GP.', 'private'),
    ("She's reading a memoir about schizophrenia that her sister lent her.", 'private'),
    ('Must read the Foa research on exposure and shame before I see her again.', 'private'),
    ("I keep wanting to refer her for DBT and I'm not sure whose need that is.", 'private'),
    ('Doubt the group programme would suit him - talk it through in supervision first.', 'private'),
    ('Purging most evenings after dinner, she says, 4-5x/week.', 'symptoms'),
    ('She loves the old idea of purgatory as a waiting room, it comforts her.', 'private'),
    ("He keeps a rifle under the bed and says he won't be here by spring.", 'safety'),
    ('Walked the boundary of the oilseed rape with her dad; said it was the first good'
     ' conversation in years.',
     'private'),
    ('She disclosed that she was raped at a party in October.', 'safety'),
    ("Says her stepdad's friend tried to rape her when she was 12; first time she has "
     'told anyone.',
     'safety'),
    ("Spent the hour choosing hymns for her father's funeral with me listening.", 'private'),
    ('Has been choosing hymns for her own service and asked me to read at it.', 'safety'),
    ('No doubt the group programme is the right next step; referral sent today.', 'treatment_plan'),
    ('Not my scope, but her sertraline went up to 150 mg last week per the GP.', 'medication'),
    ("Doubt that he'll stop driving after drinking - he did it twice this week with "
     'the kids in the car.',
     'safety'),
    ('I keep wanting to ask about the overdose she mentioned; she says she took 30 '
     'paracetamol on Sunday.',
     'safety'),
    ("Reading the psychologist's report on her: WAIS FSIQ 84, working memory 76.", 'test_results'),
    ('Theme today: her new diagnosis of bipolar II, confirmed by the psychiatrist on '
     'Monday.',
     'diagnosis'),
    ('MIL drove her to the pharmacy; she has started quetiapine 25 mg at night.', 'medication'),
    ("SIL says she'll kill her if she comes near the kids again, and she's frightened.", 'safety'),
    ('Memoir-writing group is helping, though she still has panic attacks most '
     'mornings.',
     'symptoms'),
])
def test_thirty_ninth_round_private_in_faith_and_farm_words(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-ninth round, a second reading as a clinician: real risk in the narrowings'
    # own words (a gun from the farm that was sold still kept loaded, suicide or a gun that 'comes
    # up', a rope after 'not my scope', a memoir beside a plan, a doubt beside tablets counted out,
    # rape in an oilseed field, hymns for her own funeral, pets given away for good). 3 of these
    # were wrong on the narrowings' first version, 1 on the round's start.
    ('He still has the shotgun from the farm that was sold in 2010 and sat with it '
     'loaded last night.',
     'safety'),
    ('Whenever suicide comes up she says she has the pills ready.', 'safety'),
    ('Theme today: her plan to overdose on Friday when her husband is away.', 'safety'),
    ("Not my scope, but she told me there is a rope in her car for when she's ready.", 'safety'),
    ("Every time the subject of the gun comes up he says it's loaded and by the bed.", 'safety'),
    ('MIL hit her again last night and she has a bruise on her cheek.', 'safety'),
    ("Her FIL touched her inappropriately at the party and she's frightened to go back.", 'safety'),
    ("Reading a memoir about suicide and says she's started planning her own.", 'safety'),
    ("I keep wanting to ask about the noose he mentioned; he says it's still in the "
     'garage.',
     'safety'),
    ('Doubt that she will keep herself safe tonight - she has the tablets counted out.', 'safety'),
    ('She was raped in the field behind the oilseed rape last summer.', 'safety'),
    ("Choosing hymns for her own funeral, she said, because she won't be here by "
     'spring.',
     'safety'),
    ("Gave the dog to her sister for good so she's looked after, and wrote letters to "
     'everyone.',
     'safety'),
    ('Lay on the floor for hours crying with the pills in her hand.', 'safety'),
    ('Sat with his rifle in the cabin for an hour; says the cabin was sold years ago '
     'but the new owners let him use it.',
     'safety'),
    ("Kept back a bottle of paraquat when the farm was sold and won't say why.", 'safety'),
])
def test_thirty_ninth_round_second_reading(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-ninth round, on the record misses of train_more128 to train_more130, worded
    # anew: performance scales and spirometry with a value, a diagnosis confirmed or a cancer named
    # with its stage, end-of-life planning as the plan (a ReSPECT form completed, the preferred
    # place of death, fast-track funding, a withdrawal agreed), time left as the outlook, how often
    # the client is seen and a technique used in session, intrusive thoughts with a quoted word, a
    # ritual repeated until it feels right. A relative's scores and stage stay private. 14 of
    # these were wrong on the version before.
    ('ECOG 2, PPS 60% at the clinic review.', 'test_results'),
    ('FEV1 1.1 L, 38% predicted; GOLD 3 on the latest spirometry.', 'test_results'),
    ("NYHA class III at Tuesday's heart failure review.", 'test_results'),
    ("Her husband's ECOG was mentioned in the letter she brought, which upset her.", 'private'),
    ('Diagnosis given at the one-stop clinic: grade 3 glioma.', 'diagnosis'),
    ('Stage IIIb lung cancer confirmed by the MDT on Friday.', 'diagnosis'),
    ("Her sister's stage 4 breast cancer is all the family talks about.", 'private'),
    ('ReSPECT form completed with him and his daughter; copy sent to the GP.', 'treatment_plan'),
    ('Preferred place of death - home, with hospice at home support.', 'treatment_plan'),
    ('Fast-track funding application sent for nursing care at home.', 'treatment_plan'),
    ('Dialysis withdrawal agreed with the renal team for the end of the month.', 'treatment_plan'),
    ("Consultant's view: weeks rather than months.", 'prognosis'),
    ('Further radiotherapy unlikely to prolong his life, per the oncologist.', 'prognosis'),
    ("Seeing him weekly by phone while he's on the ward.", 'modality_frequency'),
    ('Body scan used in session to settle her before the exposure work.', 'modality_frequency'),
    ("Describes intrusive 'blasphemous' thoughts in church, many each service.", 'symptoms'),
    ('Rewrites each text until it feels right, up to an hour a night.', 'symptoms'),
    ("Her partner has missed three deadlines at work and she's worried for him.", 'private'),
])
def test_thirty_ninth_round_record_in_oncology_words(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-ninth round, the review: a helper who read only LABELING.md and the families
    # in words wrote 200 look-alikes and 100 positives. The families read the tuning wording and
    # little else: widened on its positives (treatment stopped in more words and for more reasons,
    # lethal doses asked about in other ways, means kept back whoever they belonged to, harm at the
    # bedside, an assisted death abroad in other words, a plan kept for bad news, more of a frail
    # person unsafe at home, faith abuse told the other way round) and narrowed on its look-alikes
    # (a buffet's rice, a ski week in Switzerland, a passport fast-tracked, a builder's weeks, a
    # vet's plan, a youth leader's Christmas secret, gun oil). 68 positives and look-alikes right
    # now that were wrong on the families' first version, and 24 look-alikes that stayed right; 63
    # of the 92 were wrong on the round's start.
    ('Has paid the membership fee and sent her medical records to a clinic in Basel.', 'safety'),
    ("Her grandad's .22 went with the farm when it was sold in 1994; she remembers the"
     ' smell of the gun oil.',
     'private'),
    ("Won't wear the alarm pendant - it's in a drawer - lives alone, falling most "
     'weeks.',
     'safety'),
    ("Signing off HD early every session; to the nurse: 'less time on it, less time "
     "left, suits me'.",
     'safety'),
    ("Last text to his daughter: 'this is the last you'll hear from me, look after "
     "your mum'.",
     'safety'),
    ("Rehomed the horse and the dog and sold the saddle - 'they deserve better than "
     "what's coming'.",
     'safety'),
    ("Walks by the weir most days and says she wouldn't fight it if she slipped.", 'safety'),
    ("Keeping the Swiss route 'in my back pocket' for when the MND reaches her hands.", 'safety'),
    ("keeps hoping the tumour grows faster so it's all over by the summer", 'safety'),
    ("Nurse reports the patient's brother shook her at the bedside and told her to "
     'hurry up and go.',
     'safety'),
    ('How much rice would do it for twenty people, she asked her sister, for the '
     'christening buffet.',
     'private'),
    ("Her son has stopped giving his father the Parkinson's tablets 'to save the cost'.", 'safety'),
    ("Said the lump was the best news she'd had in years - a way out nobody could "
     'blame her for.',
     'safety'),
    ("Drinking three litres a day against the fluid restriction; says it's quicker "
     'than waiting for the heart to give up.',
     'safety'),
    ('Fast-track passport application went in Monday, holiday in three weeks.', 'private'),
    ("Pt: 'if the transplant list falls through, that's my exit and I'll take it.'", 'safety'),
    ("Says he's thought about giving Jean and himself all the morphine together so "
     'neither of them has to go on.',
     'safety'),
    ("Stopped her 7yo's epilepsy medicine after the healing service; two seizures "
     'since.',
     'safety'),
    ('Goes to bed every night wishing his heart would give out before morning.', 'safety'),
    ("If the cancer returns, 'I know exactly what I'll do and when' - wouldn't "
     'elaborate.',
     'safety'),
    ("Neighbour found her on the bathroom floor, cold, couldn't get up, no idea how "
     "long she'd been there.",
     'safety'),
    ("Asked me outright what dose of paracetamol the liver can't come back from.", 'safety'),
    ('Police found him on the roof level of the multi-storey at 2am and walked him '
     'down.',
     'safety'),
    ('not bothering with the insulin since the news, says why keep her sugars right if'
     " she's dying anyway",
     'safety'),
    ("Told last Thursday it's a glioblastoma, grade 4.", 'diagnosis'),
    ('ADRT refusing CPR and ventilation signed and lodged with the GP.', 'treatment_plan'),
    ('Drove home from the mart after three-quarters of a bottle of whiskey, by his own'
     ' reckoning.',
     'safety'),
    ("Pt (carer, early dementia) doubling his wife's morphine because he forgets he's "
     'already given it.',
     'safety'),
    ("Remembers being held under the bath water at 8 by her grandmother's prayer group"
     " 'to cleanse' her.",
     'safety'),
    ("Has found new homes for both her cats this week and wouldn't say why.", 'safety'),
    ("dictated: she said if it turns out to be motor neurone she's not hanging about "
     "for the wheelchair part she'll go before that and she said it very calmly almost"
     ' cheerfully',
     'safety'),
    ("Daughter told the district nurse she could 'speed things up a bit' with the "
     'driver if they left her the key.',
     'safety'),
    ('Further chemotherapy unlikely to buy him more time, per oncology.', 'prognosis'),
    ("Has thought about leaving out Dad's insulin 'just one night' to end it for both "
     'of them.',
     'safety'),
    ('Housebound, nothing in the fridge since Friday, no proper meal in four days.', 'safety'),
    ('Has cut haemodialysis from three runs a week to one without telling the unit - '
     "'let it take its course'.",
     'safety'),
    ('Has been crushing her MST because she knows it all goes in at once that way.', 'safety'),
    ("Was 15 when the church elder told her being 'submissive' meant not stopping him "
     'when he touched her.',
     'safety'),
    ("Sent home from the ward with no care package and stairs she can't manage; OT "
     'called it unsafe.',
     'safety'),
    ('Keeping Switzerland open as an option for the ski week if the French resorts '
     'have no snow.',
     'private'),
    ("the boy's insulin was stopped by his father after the healing service because "
     'taking it would show a lack of faith',
     'safety'),
    ('CHC fast-track submitted by the ward so she can go home with a package.', 'treatment_plan'),
    ("Joked he's 'heading to the great bar upstairs' with a bottle of vodka and his "
     'pills on the table.',
     'safety'),
    ("Stood at the harbour wall at high tide and thought she wouldn't mind if it "
     'pulled her in.',
     'safety'),
    ("Her bedbound husband is on his own from 7 till 6 while she's at work, his drink "
     'on the far table.',
     'safety'),
    ("His mum asked him to help her go and he's been reading up on what would do it "
     'quietly.',
     'safety'),
    ("Hasn't run the PEG feed since Sunday - 'letting nature finish the job'.", 'safety'),
    ("He'll stop giving her the tablets once the infection clears - the vet's plan for"
     ' the cat.',
     'private'),
    ("If Friday's CT is bad she's not doing round two, she's 'doing it my way' - "
     "wouldn't say what that means.",
     'safety'),
    ("Consultant's view is probably short weeks now.", 'prognosis'),
    ("Secretly glad about the diagnosis - 'saves me the bother of doing it myself'.", 'safety'),
    ("Kept one drum of the organophosphate dip after they stopped dipping and won't "
     'say why.',
     'safety'),
    ("After the healing crusade her parents threw away her 12-year-old brother's "
     'inhalers.',
     'safety'),
    ('anticipatory meds box still in her fridge though the palliative nurse stopped '
     "them weeks ago and she won't give it back",
     'safety'),
    ("Around sixty of her dead mum's tramadol in the sewing box, never handed in.", 'safety'),
    ('Talked about switching off his LVAD controller one night just to find out how '
     "long he'd last.",
     'safety'),
    ('The builder says the extension will take weeks rather than months.', 'private'),
    ('Whenever medication comes up she repeats that she stopped the quetiapine on Dr '
     "Osei's advice in May.",
     'medication'),
    ('Joined an online voluntary euthanasia society last month and is reading their '
     "'peaceful exit' guide.",
     'safety'),
    ("Has a one-way ticket to Zurich for March; told the family it's a holiday, but "
     "the clinic's appointment letter was on the table.",
     'safety'),
    ('Reading the research on ADHD in women since Dr Lam confirmed her own diagnosis '
     'last month.',
     'diagnosis'),
    ('Fell in the kitchen Tuesday night, lay there till the carer came at 8.', 'safety'),
    ('Asked the pharmacist how many amitriptyline it would take to stop a heart.', 'safety'),
    ("If the biopsy shows it's spread, Mireille says she won't wait for the bad part -"
     " she'll 'see to it' before then.",
     'safety'),
    ("Off the furosemide and the bisoprolol on purpose - 'why drag it out'.", 'safety'),
    ('The youth leader asked the parents to keep the Christmas presents secret from '
     'the children.',
     'private'),
    ('Oncology confirmed the recurrence - stage IIIC ovarian.', 'diagnosis'),
    ("Told me he'd be relieved, honestly relieved, if the oncologist rang to say "
     "there's nothing more to be done.",
     'safety'),
    ("MIL's syringe driver was set up at home yesterday and the hospice nurse showed "
     'the family how it works.',
     'private'),
    ('Her book club read a novel about a woman who goes to Dignitas, and she hated the'
     ' ending.',
     'private'),
    ('Whenever medication comes up she steers us back to her garden.', 'private'),
    ('Sea swimming at high tide with the club is her Sunday treat.', 'private'),
    ('Her son still uses his brown inhaler morning and night; the prayer group prayed '
     'over his asthma at Pentecost.',
     'private'),
    ('Her dad was ECOG 3 by the end, she said, and still did the crossword every '
     'morning.',
     'private'),
    ("Her sister's dialysis unit is running a sponsored walk and she's signed up for "
     'it.',
     'private'),
    ("Wondered aloud whether one pot of the expensive eye cream 'would do it' before "
     'the wedding photos.',
     'private'),
    ('Her dog lay on the floor by the door all morning waiting for the postman.', 'private'),
    ('Gave her gran a double helping of trifle and gran was thrilled.', 'private'),
    ('Rehomed the rabbits when her son turned out to be allergic.', 'private'),
    ('MIL and FIL both on warfarin now; she jokes they compare INRs over breakfast.', 'private'),
    ('The healing service on Sunday moved her to tears during the last hymn.', 'private'),
    ('dictated: she was telling me about the flood last winter when the river came '
     "right up to the back door and the dog wouldn't go out and there were sandbags "
     'everywhere and she laughed about her husband in waders',
     'private'),
    ('Not my scope - the benefits appeal; she has a welfare advisor already.', 'private'),
    ('dictated: she said the house felt empty when the kids went back to uni and she '
     "lay on the floor of her daughter's room for a bit just to be near her things and"
     ' then got up and made tea',
     'private'),
    ("Her brother's bowel cancer was confirmed as stage 2 and she's going with him to "
     'clinic.',
     'private'),
    ("They're keeping Gran's 80th a secret and she made her sister swear not to let it"
     ' slip.',
     'private'),
    ("Her mother's locket is in a drawer; she can't bear to wear the pendant yet.", 'private'),
    ('Paraquat was banned years ago; her dad still talks about spraying it in the '
     'seventies.',
     'private'),
    ("Calls the waiting room at the job centre 'purgatory'.", 'private'),
    ("Her MIL says there's a spirit in the back bedroom; nobody takes it seriously.", 'private'),
    ('Her father decided with the renal team to stop dialysis last spring; she says it'
     ' was his right and she has made peace with it.',
     'private'),
    ("Her aunt's chemo has stopped working and the family are planning one more "
     'holiday together in Tenby.',
     'private'),
])
def test_thirty_ninth_round_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-ninth round, a second reading of the review's widenings as a clinician:
    # ordinary life in their words (tablets taken together at breakfast, a dialysis break arranged
    # with the unit, 'the last you'll hear from me on the subject', physio on the floor, no meal
    # because the kitchen is being refitted, a late father's tablets handed in, a reaction-free
    # 'whenever the topic comes up') and real risk beside them. Three older rules narrowed: tablets
    # taken together with a meal, a treatment break arranged or advised, a late relative's tablets
    # handed in. 6 of these were wrong on the version before, 4 on the round's start.
    ('She takes all her tablets together at breakfast now that the dosette is sorted.', 'private'),
    ('Took all her amitriptyline at once on Sunday night and told no one until Tuesday.', 'safety'),
    ("'That's the last you'll hear from me on the subject,' he said about the "
     'extension, and laughed.',
     'private'),
    ("Sent his brother a text: that's the last you'll hear from me, tell Mum I'm sorry.", 'safety'),
    ("Off the dialysis for a week's holiday in Cornwall, arranged with the unit.", 'private'),
    ("She's off the warfarin without telling the clinic and says she's had enough.", 'safety'),
    ('Drinking more than her fluid restriction in the heatwave; the renal nurse has '
     'reminded her.',
     'private'),
    ("Cut his insulin right down on purpose; says he doesn't see the point any more.", 'safety'),
    ('Found him on the lounge floor doing his physio exercises for hours, proud as '
     'anything.',
     'private'),
    ("Found her on the bathroom floor, couldn't get up, no idea how long she'd been "
     'there.',
     'safety'),
    ('Has had no proper meal in three days because the kitchen is being refitted; '
     'eating out.',
     'private'),
    ("Her late dad's tablets were handed in to the pharmacy last week; she felt "
     'lighter.',
     'private'),
    ("Her late dad's sleeping tablets were never handed in; she keeps them in her "
     'bedside drawer.',
     'safety'),
    ("Whenever the topic comes up, she notes she's been on lithium 800 mg since March.",
     'medication'),
    ('Took all her tablets at once with breakfast on Sunday and then rang her sister.', 'safety'),
    ('She took all of her sleeping tablets with a bottle of wine last night.', 'safety'),
    ("Came off dialysis three weeks ago against the renal team's advice and won't go "
     'back.',
     'safety'),
    ("Stopped his insulin on his brother's advice after the healing service.", 'safety'),
    ("Her late husband's morphine is still in the bedside drawer and she counts it at "
     'night.',
     'safety'),
    ("Off his anti-rejection meds since Christmas - 'what's the point'.", 'safety'),
])
def test_thirty_ninth_round_second_reading_of_the_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-ninth round, review at the stop: in-laws in shorthand are third parties only
    # in capitals (MIL, BIL), because 'mil' in lower case is a millilitre ('oramorph 5 mil', '200
    # mil of the oramorph bottle'): the lower-case form had turned a dose and an overdose private.
    # The clinician's 'keep wanting to' and 'doubt that' leave the client's own wish to die and a
    # risk at home as they were. 2 of these were wrong on the version before.
    ('On methadone 60 mil daily, picked up from the chemist each morning.', 'medication'),
    ('Oramorph 5 mil as needed, using it about twice a day.', 'medication'),
    ('Drank about 200 mil of the oramorph bottle on Saturday to try and not wake up.', 'safety'),
    ('Lactulose 15 mil bd and sertraline 100 mg mane.', 'medication'),
    ("'I keep wanting to kill myself,' she said, and then changed the subject.", 'safety'),
    ('She keeps wanting to die and says the feeling is worse at night.', 'safety'),
    ('I doubt that she is safe at home with him; he hit her again on Friday.', 'safety'),
    ('Keeps wanting to stop the sertraline; currently 100 mg daily.', 'medication'),
    ('MIL started on donepezil and the client drives her to every appointment.', 'private'),
    ('Her BIL is on methadone and she worries about the children.', 'private'),
])
def test_thirty_ninth_round_review_at_the_stop(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-ninth round, review at the stop, the three older rules narrowed this round
    # read again with real risk: a treatment stop 'planned' by the client herself (only a break
    # arranged with, or a stop advised by, a clinician is ordinary), tablets taken with a meal (only
    # 'together at breakfast' is ordinary), a late husband's morphine 'never returned' (only tablets
    # handed in or returned are ordinary). 3 of these were wrong on the version before.
    ('Stopped her insulin, which she had planned for weeks, so it would all be over by'
     ' Christmas.',
     'safety'),
    ("Stopped his insulin on his brother's advice after the prayer meeting.", 'safety'),
    ("Came off the warfarin last month - planned it, she says, 'so nature can take its"
     " course'.",
     'safety'),
    ("Off the dialysis for a week's holiday in Cornwall, arranged with the unit.", 'private'),
    ("Stopped the warfarin on the cardiologist's advice before the operation.", 'medication'),
    ('Took all 30 of her tablets with dinner last night and told no one until the '
     'morning.',
     'safety'),
    ('Swallowed all of her pills with her tea on Sunday.', 'safety'),
    ('She takes all her tablets together at breakfast now that the dosette is sorted.', 'private'),
    ("Her late husband's morphine was never returned to the hospice and she keeps it "
     'by the bed.',
     'safety'),
    ("Her late dad's tablets were handed in to the pharmacy last week; she felt "
     'lighter.',
     'private'),
])
def test_thirty_ninth_round_review_at_the_stop_older_narrowings(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, thirty-ninth round, review at the stop: 'brought her down from the top floor' is
    # risk only from a car park or a multi-storey, and 'walked her down' only when not to somewhere
    # ('to the river café'); a car park's top deck, a bridge parapet and a shotgun sat with after
    # the bank rang stay safety. 2 of these were wrong on the version before.
    ('Her manager brought her down from the top floor to meet the new team.', 'private'),
    ('They crossed the bridge and he walked her down to the river café for lunch.', 'private'),
    ('Security brought him down from the top deck of the hospital car park last night.', 'safety'),
    ('Police found her on the bridge parapet and talked her down after an hour.', 'safety'),
    ('Sat in the shed with the shotgun across his knees for an hour after the bank '
     'rang.',
     'safety'),
    ('Porters brought her down from the top floor of the multi-storey after her '
     'appointment.',
     'safety'),
])
def test_thirty_ninth_round_review_at_the_stop_brought_down(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, fortieth round, on train_more131's and train_more132's rules-alone safety misses
    # (risk told in the words of work and the road), worded anew: an edge stood at or a harness
    # unclipped in thought, a crash meant to pass as an accident, drink or drugs at the wheel or on
    # the tools, a seizure or blackout and still driving, drugs diverted from work, means looked at
    # or counted out, affairs put in order through a pension, a policy or a will, threats to a
    # workmate or a manager, control of a partner at work, a baby shaken, a resident harmed by a
    # carer; and the same words with no current risk (a workmate's fall years ago, a toolbox talk, a
    # will made when the twins were born). 38 of these were wrong on the round's start.
    ('Working on the 9th-floor slab; says he stood at the open edge on Thursday '
     "'wondering what it'd be like to just walk off.'",
     'safety'),
    ('Window cleaner; on the cradle yesterday he thought about how simple it would be '
     'to unhook the harness.',
     'safety'),
    ("Steel erector. Has stopped clipping on since his wife left - 'if I fall, I fall.'", 'safety'),
    ('Long-haul driver; keeps picturing the lorry going through the central '
     'reservation and everyone calling it an accident.',
     'safety'),
    ('Says he thinks about steering into the bridge support on the motorway most '
     'mornings.',
     'safety'),
    ("Avoids the high bridge on the ring road now - 'if I go over it I'll pull over "
     "and jump.'",
     'safety'),
    ('The manager rang to say the driver told a colleague he plans to drive off the '
     'quay on his way home.',
     'safety'),
    ('On the flight back from the rig he half wished the helicopter would come down.', 'safety'),
    ('Pt says the only thing stopping him putting the van into a wall is his daughter.', 'safety'),
    ('Topping up from a flask between deliveries, then drove the lorry back to the '
     'depot.',
     'safety'),
    ('Keeps gin in a water bottle in the cab of the school bus and drinks from it on '
     'the route.',
     'safety'),
    ('Stopped by police on the way to the early shift - over the limit after drinking '
     'all night.',
     'safety'),
    ('Drank till 3am and then flew the morning rotation.', 'safety'),
    ('Scaffolder took a couple of lines of coke to get up the tower and then signed '
     'the scaffold off.',
     'safety'),
    ('Had a seizure in April and has kept driving the forklift without telling his '
     'employer.',
     'safety'),
    ('Passed out at the wheel of the bus last month; the GP told him to stop driving '
     'but he is still doing the school runs.',
     'safety'),
    ('Pharmacist; admitted she has been using the diverted morphine from the '
     'controlled-drugs cupboard.',
     'safety'),
    ('She admitted taking home the fentanyl patches from the hospice.', 'safety'),
    ('Still has the banned weedkiller in the barn; after the repossession letter he '
     'went and stood looking at it for an hour.',
     'safety'),
    ('Quarry worker with access to the explosives store; asked the blaster how much it'
     ' would take to kill a man.',
     'safety'),
    ("Has been taking rope home from the yard a coil at a time and won't say what it's"
     ' for.',
     'safety'),
    ("Kept the strong painkillers from the site first-aid kit in his locker - 'enough "
     "to do the job.'",
     'safety'),
    ("Spent the weekend in the garage with the door down and the engine running 'to "
     "see what it felt like.'",
     'safety'),
    ("Asked whether the life insurance pays out if it's suicide; finances collapsing "
     'since the split.',
     'safety'),
    ('Rang the pension office twice this week to check his wife gets the lump sum if '
     'he dies.',
     'safety'),
    ("Made a will in a hurry on Monday 'to get it sorted this week' and wouldn't say "
     'why.',
     'safety'),
    ("Changed the nominee on his pension and left an envelope marked 'for Sue - what "
     "to do' with his passwords.",
     'safety'),
    ("Wrote letters to his children and left them in the cab of the truck so they'd be"
     ' found.',
     'safety'),
    ("His plan for payday: 'get the money, get a bottle, get the pills, and that's it.'", 'safety'),
    ('Security found her on the roof of the depot at 5am; she said she had gone up '
     'there to think.',
     'safety'),
    ('Joked that one slip with the saw would end his troubles, then asked to be moved '
     "off the machine 'before I do something stupid.'",
     'safety'),
    ("Took a job on the high towers 'so if I fall it's on them and she gets the "
     "payout.'",
     'safety'),
    ("Keeps a crowbar under the driver's seat 'for whoever the agency sends next.'", 'safety'),
    ("Says he's this close to putting the foreman's head through the wall.", 'safety'),
    ("He's driven past the old supervisor's house several times since being sacked and"
     " says the man 'has it coming.'",
     'safety'),
    ("Her ex turns up at her work most days and phones the desk to check she's where "
     "she said she'd be.",
     'safety'),
    ("Partner let the tyres down on her car so she'd miss her shift; she has to be "
     "home by six or there's trouble.",
     'safety'),
    ("When the baby cries after his night shift he says he has 'given her a shake to "
     "stop the noise.'",
     'safety'),
    ('Agency care worker reported for slapping and pinching a resident with dementia '
     'on nights.',
     'safety'),
    ('Hx: overdosed on his own heart tablets in the lorry cab at 30, found by another '
     'driver.',
     'safety'),
    ('Said the gang would be better off if it had been him who fell and not his mate -'
     ' did not laugh it off.',
     'safety'),
    ('Over the limit again when clocking on for the early dumper shift, twice this '
     'month.',
     'safety'),
    ('Stood at the edge of the quarry face after work on Saturday for a long time, '
     "'just seeing how it felt.'",
     'safety'),
    ('Leaves his two toddlers asleep alone in the caravan while he does the night '
     'delivery run.',
     'safety'),
    ("He looked up how long it takes with a car running in a shut garage, 'just out of"
     " curiosity.'",
     'safety'),
    ('Breath test 0.04 when he clocked on for the crane - sent home by the supervisor.', 'safety'),
    ('The drug count on the unit came up short on her shifts and she admitted taking '
     'the oxycodone home.',
     'safety'),
    ("Says he has thought about waiting by the supervisor's car after work to 'make "
     "sure he remembers it'; knows which car is his.",
     'safety'),
    ('Her partner came into the room during the video call, took the laptop and ended '
     'the session.',
     'safety'),
    ('Asked him directly about the bridge on his route; says no urge to stop there '
     'now, that was last winter.',
     'safety'),
    ('Keeps a copy of the safety plan behind the sun visor for the night runs.', 'safety'),
    ('Means safety: the spare box of painkillers from the first-aid room goes back to '
     'the site nurse, not into his locker.',
     'safety'),
    ('A roofer from his old crew fell to his death years ago; he talked about how the '
     'job carried on the next day.',
     'private'),
    ('The firm ran a toolbox talk on suicide awareness and he kept the leaflet in his '
     'wallet.',
     'private'),
    ("He's now a mental health first aider and practised asking a workmate about "
     'suicide on the course.',
     'private'),
    ("Another driver at the depot took an overdose years ago and recovered; he's the "
     'union rep now.',
     'private'),
    ('He joked the new hi-vis is bright enough to kill a man.', 'private'),
    ('Made a will years ago when the twins were born and updated it when he bought the'
     ' house.',
     'private'),
    ('He changed the pension nominee to his new wife after the wedding.', 'private'),
    ('He took the rope back to the yard after the job finished.', 'private'),
    ('Lorry went off the road near the depot last month, the driver was unhurt.', 'private'),
    ('He told me about freezing on a ladder in his first year on the tools.', 'private'),
    ('He got the 7am flight back to the rig on Monday after his leave.', 'private'),
])
def test_fortieth_round_risk_in_work_words(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, fortieth round, on the rules-alone false flags of train_more131 and train_more132: a
    # suicide-awareness toolbox talk, asking about suicide on a first-aid course, another lad's
    # overdose years ago, 'bright enough to kill a man', a workmate's or an offsider's own suicide,
    # diagnosis or breakdown, a farmer who cut himself free of a baler; and real risk in the same
    # words (a hosepipe from the exhaust found by the foreman, a Stanley knife). 8 of these were
    # wrong on the round's start.
    ('The company ran a toolbox talk on suicide awareness and he kept the card in his '
     'wallet.',
     'private'),
    ('Did the mental health first aid course and practised asking a colleague about '
     'suicide on the course.',
     'private'),
    ("Another lad on the crew took an overdose years back and pulled through; he's the"
     ' safety rep now.',
     'private'),
    ('He laughed that the new site lights are bright enough to kill a man.', 'private'),
    ('A scaffolder from his old crew died by suicide last year; the site carried on as'
     ' if nothing had happened.',
     'private'),
    ('His offsider has PTSD from the mine collapse, never been the same.', 'private'),
    ("He'd read about the farmer who cut himself free of the baler and said that's the"
     ' kind of man he was raised to be.',
     'private'),
    ('A workmate took his own life two years ago after the contract ended.', 'private'),
    ('A bloke from work had a breakdown and was off for months.', 'private'),
    ('His foreman found him sitting in the cab with a hosepipe from the exhaust.', 'safety'),
    ("A workmate took the keys off him because he said he'd drive into the river.", 'safety'),
    ('He cut himself on the forearm with a Stanley knife after the shift.', 'safety'),
    ('Another driver saw him standing on the bridge rail at 4am and called police.', 'safety'),
])
def test_fortieth_round_work_private(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, fortieth round, on train_more131's to train_more133's rules-alone record misses
    # (record facts in the shorthand of occupational health, workplace testing, habit reversal and
    # tic and pulling work), worded anew: tic and pulling scales with scores, gate and pre-
    # employment drug tests with results, a dilute specimen, an episode with its severity, a
    # disorder added to the problem list, back on full duties expected within weeks, a tic now only
    # in short bursts, days worked from home, off driving duties, where hair is pulled from and for
    # how long, an urge before each tic, habit reversal done in session, a brief alcohol
    # intervention, a return-to-work plan agreed, zopiclone and acetylcysteine named (drugs.json now
    # seeds the generics common outside the United States), a self-injurious tic with its injury;
    # and a therapist's reading, a relative's drinking and a hunch left private. 23 of these were
    # wrong on the round's start.
    ('YGTSS: motor 12, phonic 8, total tic 20; impairment 10.', 'test_results'),
    ('NIMH-TSS 9 today, down from 14.', 'test_results'),
    ('Random gate test this swing came back negative for alcohol and drugs.', 'test_results'),
    ('Pre-employment D&A screen: neg all panels.', 'test_results'),
    ('Lab reported the specimen as negative-dilute; employer wants a recollect.', 'test_results'),
    ('The OH report records a moderate depressive episode.', 'diagnosis'),
    ('Psychiatry added skin-picking disorder to his problem list at the last review.', 'diagnosis'),
    ('The sleep clinic report confirms obstructive sleep apnoea as the cause of his '
     'fatigue.',
     'diagnosis'),
    ('OH expects him back on full duties within about eight weeks if the phased plan '
     'holds.',
     'prognosis'),
    ('Her chances of staying in work look good now the night shifts have stopped.', 'prognosis'),
    ('The throat-clearing tic is now only there in short bursts in the evenings.', 'progress'),
    ('No change in use of the competing response since last review.', 'progress'),
    ('WFH 2 days/wk, site the rest.', 'functional_status'),
    ('Back on the tools this week but kept off the safety-critical rota.', 'functional_status'),
    ('Working 5 hrs a day, mornings only.', 'functional_status'),
    ('Off driving duties since the near miss; doing yard admin.', 'functional_status'),
    ('Pulls mainly from the crown, roughly an hour most evenings while on her phone.', 'symptoms'),
    ('Picks at cuticles ~3 h/day, worse in meetings.', 'symptoms'),
    ('Chews the root after pulling, several times a night.', 'symptoms'),
    ('Feels a tension in his neck just before each shoulder tic.', 'symptoms'),
    ('Drinking eight to ten cans after each shift on the rig.', 'symptoms'),
    ('Practised the competing response for pulling today, fists clenched for a minute.',
     'modality_frequency'),
    ('Did awareness training at the mirror this session.', 'modality_frequency'),
    ('HRT weekly; stimulus control added.', 'modality_frequency'),
    ('Brief alcohol intervention delivered using FRAMES.', 'modality_frequency'),
    ('RTW plan agreed with OH: 4 hrs/day for two weeks, then 6.', 'treatment_plan'),
    ('GP stopped the zopiclone because he drives for work.', 'medication'),
    ('Started NAC 600 mg bd for the pulling; also on acetylcysteine.', 'medication'),
    ('Eye-poking tic - corneal abrasion to the left eye, seen in A&E on Saturday.', 'safety'),
    ('Head-banging tic has left bruising on his forehead this week.', 'safety'),
    ('Breath test 0.03 at clocking on for a forklift shift; sent home.', 'safety'),
    ("I read the union's fit note guidance last night and it says little about mental "
     'health.',
     'private'),
    ("His brother's drinking eight cans a night worries him.", 'private'),
    ('I wonder whether the pulling will be slowest to shift.', 'private'),
])
def test_fortieth_round_record_shorthand(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, fortieth round, a review: a helper who read only LABELING.md and the round's
    # families in words wrote 200 look-alikes and 100 positives; these are worded anew from the ones
    # the families got wrong. A curfew said of a puppy, a climbing wall, a driver sacked for taking
    # morphine home, frost on the windscreen, a best man flown home as a passenger, a boiler that
    # has it coming, a parking order, a to-do list on the fridge stay private; an unclipped harness,
    # a quoted 'accidentally', a handbrake off at the quay, cans between runs, pentobarbital from
    # the surgery, a two-year suicide clause, a will-writing service and a tic that scratched the
    # cornea are risk. 48 of these were wrong on the round's start, 57 on the families' first
    # version.
    ("'Home by seven or there's hell to pay', she says of the puppy, who chews the "
     "sofa if she's late.",
     'private'),
    ("'If I fall, I fall,' he said, laughing about his first try at bouldering with "
     'his son.',
     'private'),
    ("A driver at his old depot was sacked for taking morphine home from his wife's "
     "hospice kit; he's still cross about it.",
     'private'),
    ('He timed how long it takes with the car running to clear the ice off the '
     'windscreen: ten minutes.',
     'private'),
    ('His best man drank till 4am and flew back the next day as a passenger, green the'
     ' whole way.',
     'private'),
    ('His old foreman died by suicide years ago; he told it flatly and moved on to the'
     ' rugby.',
     'private'),
    ("He knows which car is his son's in the college car park because of the dent in "
     'the door.',
     'private'),
    ("Said the old van has it coming, it's been rattling since last year.", 'private'),
    ("He'll sell the spare bike before he does something stupid like buy another.", 'private'),
    ("The council's parking order covers her office car park now, so she gets the bus.", 'private'),
    ('The lads on his crew drink ten cans after the Friday shift; he goes home to the '
     'kids.',
     'private'),
    ("Added 'clear the gutters' to the problem list pinned on the fridge.", 'private'),
    ("One of the drivers at his depot is off with depression and he's covering the "
     'extra runs.',
     'private'),
    ("He's six foot four and nearly put his head through the loft hatch again.", 'private'),
    ("Left his harness unclipped on the scaffold on purpose, 'to see if anyone up "
     "there wanted me.'",
     'safety'),
    ("Hasn't been clipping his lanyard on for weeks - 'who'd miss me anyway.'", 'safety'),
    ("When he's on the top lift he leans out over the handrail and wonders how long "
     'the drop would take.',
     'safety'),
    ('Roofer on the ridge without a harness thinking one step would sort everything '
     'out.',
     'safety'),
    ("Tree surgeon: 'one wrong cut and that's me done, and some days I wouldn't mind.'", 'safety'),
    ('Took the high-rise contract because if he comes off it his wife gets the '
     'compensation.',
     'safety'),
    ('Since his mate fell he keeps saying it should have been him, the family would be'
     ' fine on the payout.',
     'safety'),
    ("If the crane fails the inspection he'd rather it came down with him in the cab.", 'safety'),
    ("Keeps thinking about the bridge pillar on the bypass - at seventy it'd be quick.", 'safety'),
    ('On the rig flights, when the helicopter lurches, he catches himself hoping it '
     'just drops.',
     'safety'),
    ("Asked whether the insurer could tell it wasn't an accident if his van went into "
     'the river.',
     'safety'),
    ("Pt (forklift driver) reports thoughts of 'accidentally' reversing off the "
     'loading bay.',
     'safety'),
    ('Parks at the end of the quay facing the water and sits there with the handbrake '
     'off.',
     'safety'),
    ('Bus driver; has a can or two at the depot between runs.', 'safety'),
    ('Half bottle of gin in his bag, drinks it in a lay-by and then carries on with '
     'the delivery round.',
     'safety'),
    ('Keeps vodka in a Lucozade bottle in the door pocket of the van.', 'safety'),
    ('Smoking weed on breaks then back up in the crane cab.', 'safety'),
    ("Blew 48 on the depot breath test at the 6am start; he'd driven himself in.", 'safety'),
    ('Pilot drank until 1 and still flew the early rotation.', 'safety'),
    ('Signed out extra morphine on her nights in charge and has used some herself.', 'safety'),
    ('Vet nurse took pentobarbital from the surgery and keeps it in her locker.', 'safety'),
    ("Saving up the co-codamol from his knee op - 'there's enough now, I've counted.'", 'safety'),
    ("Stood in the barn with the weedkiller open 'for a bit, just looking at it.'", 'safety'),
    ('Asked a mechanic mate how long a car has to run in a closed garage before it '
     'kills you.',
     'safety'),
    ("Rang the insurer to check the policy pays out if it's self-inflicted; asked "
     'about the two-year clause.',
     'safety'),
    ('Switched his pension nomination to his son and left a folder on the table for '
     'him.',
     'safety'),
    ("Went to a will-writing service at lunch and won't say what prompted it.", 'safety'),
    ('Letters addressed to his children found tucked behind the sun visor of the lorry.', 'safety'),
    ('Keeps a claw hammer in the door pocket for the next bailiff who turns up.', 'safety'),
    ('Took all of his own heart tablets in the cab in 2019 and another driver found '
     'him.',
     'safety'),
    ('Texted the site manager to take him off the high work before he does something '
     "he can't undo.",
     'safety'),
    ("Her ex turns up at the shop most shifts to check she's actually on the till.", 'safety'),
    ("Husband slashed her tyres on the morning of her early so she'd have to stay home.", 'safety'),
    ('She has to send him a photo of the clock when she gets home or he goes mad.', 'safety'),
    ('Mid-session her husband came in and shut the laptop; the call dropped.', 'safety'),
    ('Care assistant says a colleague slaps the hands of a resident who grabs at her.', 'safety'),
    ('Eye-rubbing tic has scratched the cornea again; seen in eye casualty.', 'safety'),
    ('Barred from driving duties until the DVLA decision; on yard work.', 'functional_status'),
    ('Back on full shifts since Monday.', 'functional_status'),
    ('Working 12-hour days, four on.', 'functional_status'),
    ('Back driving the HGV on nights.', 'functional_status'),
    ('Awareness training for the skin picking done in session.', 'modality_frequency'),
    ('Brief alcohol advice given per protocol.', 'modality_frequency'),
    ("Good odds he'll be off the height restrictions by spring.", 'prognosis'),
    ('Unchanged since the January review.', 'progress'),
    ('Lab reported the work urine sample as dilute.', 'test_results'),
    ('Feels a pressure in her neck before each jerk.', 'symptoms'),
    ('Bites off the bulb after pulling.', 'symptoms'),
    ('Picking about three hours daily, mostly her fingers.', 'symptoms'),
])
def test_fortieth_round_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, fortieth round, a second reading as a clinician: real risk told in the words of the
    # round's narrowings ('not laughing', an extractor that is broken, a name that 'has it coming',
    # something stupid like jumping, a curfew with a hurt dog, a workmate who found him with a rope,
    # a suicide awareness day with tablets saved at home) stays safety; 'tablets saved him a trip'
    # does not. 5 of these were wrong on the round's start and on the version before.
    ("'If I go, I go,' he said, not laughing, and he hasn't clipped on since.", 'safety'),
    ('Sat in the garage with the door shut and the engine running; said the '
     "extractor's broken anyway.",
     'safety'),
    ("Says Dave 'has it coming' and he's found out where he drinks.", 'safety'),
    ('Asked to come off the scaffold before he does something stupid like jumping.', 'safety'),
    ("Has to be home by six or there's hell to pay, he hurt the dog last time.", 'safety'),
    ('One of the lads on his crew found him in the van with a rope on Sunday.', 'safety'),
    ('His old boss rang and threatened to kill him if he talks to the tribunal.', 'safety'),
    ('Another patient saw her cutting herself in the toilets on the ward.', 'safety'),
    ('Best man found him in the garage with the engine running the night before the '
     'wedding.',
     'safety'),
    ("Says it's cold enough to kill you out there and she plans to walk into the sea "
     'tonight.',
     'safety'),
    ('At the suicide awareness day he told the trainer he has tablets saved at home.', 'safety'),
    ("'Home by seven or there's hell to pay', she says of the puppy, who chews the "
     "sofa if she's late.",
     'private'),
    ('They only run the engines with the shutters down when the extraction is on.', 'private'),
    ("Says the old boiler has it coming, it's been clanking since 2010.", 'private'),
    ('The pharmacist said the tablets saved him a trip to the hospital.', 'private'),
    ('His tablets saved his life after the heart attack, he said.', 'private'),
])
def test_fortieth_round_second_reading(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, fortieth round, review at the stop: ordinary life in the round's new words (an
    # overdraft over the limit, the edge of a pitch, a trailer unhooked, going off road camping, a
    # car waiting with its engine running, a pension asked about for a mortgage, a hammer for
    # fencing, a ferry in a storm) stays private; real risk beside them (over the limit on the way
    # to a shift, the edge of a roof, fentanyl stolen from the pharmacy, oxycodone from the drugs
    # trolley, a lock-up with the shutters down) stays safety. 5 of these were wrong on the version
    # before.
    ("Over the limit on her overdraft, so she's picking up an extra shift at the care "
     'home.',
     'private'),
    ("He stood at the edge of the pitch for a long time watching his son's match.", 'private'),
    ('He wondered how easy it would be to unhook the trailer on his own.', 'private'),
    ('He wants to go off road camping in the new truck this summer.', 'private'),
    ('Mum takes the morphine from the hospice nurse each evening as prescribed.', 'private'),
    ('The blaster worked out how much explosive it would take to bring the face down '
     'safely.',
     'private'),
    ('He left the van running outside the garage while he loaded the tools.', 'private'),
    ('They sat in the cab with the heater running and the doors closed during the '
     'storm.',
     'private'),
    ('He checked with HR whether the pension goes to his wife if he dies before '
     'retirement, as part of sorting the mortgage.',
     'private'),
    ('Keeps a hammer in the van for the fencing jobs.', 'private'),
    ('She says her husband has it coming if he forgets their anniversary again, '
     'laughing.',
     'private'),
    ("They're hoping the ferry won't sink in the storm, she joked.", 'private'),
    ('Picturing the lorry going through the car wash always makes him smile.', 'private'),
    ('He stood at the edge of the quarry face for a long time after the funeral.', 'safety'),
    ('Sat in the garage with the door down and the engine running for an hour on '
     'Sunday.',
     'safety'),
    ('He asked how much it would take to kill himself with the insulin.', 'safety'),
    ('Took the oxycodone home from the ward stock after her shift.', 'safety'),
    ('Over the limit on the way to the early shift again, he admits.', 'safety'),
    ('He thinks about driving off the road on the bends coming home.', 'safety'),
    ('He stood at the edge of the roof for a long time after the call.', 'safety'),
    ('A nurse on the unit stole fentanyl from the pharmacy and keeps it at home.', 'safety'),
    ('Took the oxycodone from the drugs trolley and has been using it herself.', 'safety'),
    ('Rang the insurer to check the policy pays out if he kills himself.', 'safety'),
    ('Sits in the lock-up with the shutters down and the engine running most nights.', 'safety'),
])
def test_fortieth_round_review_at_the_stop(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, fortieth round, second reading of the whole change: a workmate (a third party since
    # this round) or a mate who supplies the client with drugs tells of the client's matter, like
    # one who found or stopped the client: 'his workmate has been supplying him with diazepam' had
    # turned private with the workmates added. 2 of these were wrong on the version before, 1 on the
    # round's start.
    ("His workmate has been supplying him with diazepam and he's taking ten a night.",
     'medication'),
    ("His mate gave him diazepam and he's taking it every night now.", 'medication'),
    ('His mate gave him a lift to the session; the mate is on diazepam himself.', 'private'),
    ('She was assaulted by another patient on the ward last night.', 'safety'),
    ('A driver at the depot saw him sitting in the cab with a rope.', 'safety'),
])
def test_fortieth_round_supplier_is_a_witness(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-first round, on the rules-alone false flags of train_more134 and
    # train_more135: a best mate's or a neighbour's relative's suicide is theirs, not the client's
    # family history; suicide as the subject of a podcast, a film, a dissertation or a song is a
    # topic, unless the part also says the client's own risk; a crisis line as a charity or a job is
    # not the client's crisis plan; a gun in a dream told as funny is dream imagery unless a weapon
    # is kept or at hand; affairs put in order for a move abroad are the move's. 11 of these were
    # wrong on the round's start.
    ("His best mate's father died by suicide when they were at college; he still goes "
     'to the grave with him.',
     'private'),
    ("Her neighbour's son killed himself in the spring and she has been dropping round"
     ' with meals.',
     'private'),
    ("A colleague's brother took his own life last year, and the office has been "
     'strange since.',
     'private'),
    ("Her mum's sister died by suicide in the 1990s.", 'safety'),
    ('His dad took his own life when he was nine.', 'safety'),
    ("Jo's dad died by suicide when she was a teenager, she told me, and it has come "
     'up again.',
     'safety'),
    ('He listened to a podcast on suicide in farmers for his course and thought it was'
     ' well made.',
     'private'),
    ('The film they chose for book club had a suicide in the last act and she hated '
     'the ending.',
     'private'),
    ("She's doing her dissertation on suicide prevention in young offenders.", 'private'),
    ("The song was written about a friend's suicide, she says, and it's her favourite.", 'private'),
    ('After the documentary on suicide she said she had been thinking about it herself.', 'safety'),
    ('She watched a series about suicide and told me she has a plan of her own now.', 'safety'),
    ('He listened to a podcast on suicide and then searched for how many tablets it '
     'would take.',
     'safety'),
    ('She volunteers on a crisis line on Tuesdays and finds the calls draining.', 'private'),
    ('He did a sponsored cycle for a crisis-line charity and raised six hundred '
     'pounds.',
     'private'),
    ('Crisis line number given; she agreed to ring it tonight if the urges come back.', 'safety'),
    ('In her dream she was holding a pistol at a fairground, trying to win a bear.', 'private'),
    ('In the dream a man with a rifle stood in the car park, and she woke up laughing '
     'at it.',
     'private'),
    ('He dreamt of shooting himself with the rifle he actually keeps in the shed.', 'safety'),
    ('She has a handgun at home and dreams of using it on herself.', 'safety'),
    ("He's getting his affairs in order for the move to New Zealand: the car, the "
     'flat, the bank.',
     'private'),
    ('He has been putting his affairs in order and giving away his fishing gear.', 'safety'),
    ('She was on a crisis line for two hours last night after the row.', 'safety'),
    ('Asked for a crisis line number before she left.', 'safety'),
    ('He used to work on a crisis line and asked whether I had ever done it.', 'private'),
])
def test_forty_first_round_precise_net(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-first round, on train_more134's and train_more135's rules-alone safety misses,
    # with look-alikes: a pet handed on 'when the time comes', a hunch that the client's words are
    # about dying, letters to each child 'in case', a rope already up in the garage, a goodbye as if
    # for the last time, insulin stopped, reading up on how much would be too much, how many of
    # these it would take, not trusting herself around the tablets, mornings worst because she's
    # still here; threats with a weapon to hand, watching an ex's flat night after night; a
    # grandparent with dementia found wandering on a road, children frightened for amid violence
    # next door or finding a parent passed out. 13 of these were wrong on the round's start.
    ("She has asked her sister to take the dog 'when the time comes' and wouldn't say "
     'what she meant.',
     'safety'),
    ("Arranged for the cat to go to her neighbour whenever it's needed, she said, and "
     'changed the subject.',
     'safety'),
    ("Arranged for the cat to go to her neighbour while she's in Portugal for a "
     'fortnight.',
     'private'),
    ("The budgie was handed over to a friend for good last week; she isn't moving and "
     'has no new job.',
     'safety'),
    ('The kitten was given to a friend for good because her son turned out to be '
     'allergic.',
     'private'),
    ("I wonder whether 'going to sleep for a long time' could be about dying; I'll ask"
     ' her directly next week.',
     'safety'),
    ('He keeps talking about resting for a long time once the court case is over.', 'safety'),
    ("He has written letters to each of his children 'in case', and keeps them in the "
     'glovebox.',
     'safety'),
    ('Has a rope already tied up in the garage, he said, and then went quiet.', 'safety'),
    ('The rope swing is already up in the garden for the grandchildren.', 'private'),
    ('Said goodbye at the door as if for the last time and thanked me for everything.', 'safety'),
    ("Said goodbye warmly; she's back in three weeks after her holiday.", 'private'),
    ("No insulin since Thursday, says he can't face it.", 'safety'),
    ("She has stopped her insulin and says she can't be bothered with any of it now.", 'safety'),
    ('He has been reading up on how much of the sertraline would be too much.', 'safety'),
    ('She asked how many of these it would take, holding up the box of codeine.', 'safety'),
    ('She asked how many sessions it would take before she feels better.', 'private'),
    ('He fantasises about taking all of them at once when the house is empty.', 'safety'),
    ("She's thinking about taking all of them to the seaside for the bank holiday.", 'private'),
    ("She doesn't trust herself around the tablets at night, so her husband keeps them.", 'safety'),
    ("He doesn't trust himself to cook for twelve on Christmas Day.", 'private'),
    ("After the actor's death he said he might 'do a him' one of these days.", 'safety'),
    ("Mornings are the worst because she's still here, she told me flatly.", 'safety'),
    ("Wakes up and finds he's still alive and is disappointed every time.", 'safety'),
    ('The worst bit of the move is that her old piano is still here.', 'private'),
    ('He waited by her car after work with a knife in his bag, he admitted, then drove'
     ' off.',
     'safety'),
    ("He's talking of going round to 'have a word' with his brother-in-law and taking "
     'a baseball bat.',
     'safety'),
    ('He went round to help his brother-in-law with a bat box for the garden.', 'private'),
    ("Says he'll deal with her first and then himself if she takes the house.", 'safety'),
    ("She has been parked outside her ex's new flat three nights running, just to see "
     'him.',
     'safety'),
    ("Her grandad, who has Alzheimer's, was found wandering on the bypass at 2am.", 'safety'),
    ('Her grandad was found wandering round the garden centre looking for the cafe.', 'private'),
    ("The shouting and smashing next door goes on most nights and she's frightened for"
     ' their toddler.',
     'safety'),
    ("The builders next door were smashing tiles all day and she's worried for her "
     'sleep.',
     'private'),
    ('The kids came home from school and found their mum passed out on the kitchen '
     'floor.',
     'safety'),
    ('On the crisis line she now catches herself agreeing that some callers have the '
     'right idea.',
     'safety'),
    ('Her sister has the right idea, moving to the coast before the kids start school.', 'private'),
])
def test_forty_first_round_risk_said_quietly(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-first round, a review: a helper who read only LABELING.md and the round's
    # families in words wrote 200 look-alikes and 100 positives (126 wrong with the rules alone on
    # the round's start, 113 on the families' first version, 35 at the end). Worded anew from its
    # misses: someone else's relative (a friend Imogen's brother, a mate who lost his dad, a
    # neighbour whose son) is not the client's family history; suicide as the subject of an episode
    # or a track; a lethal amount asked about and a famous person's death copied, whatever the
    # topic; waking to the client's regret; a pet for 'once she's gone'; means imagined or counted;
    # a noose in the loft; threats with a knife 'for Gary'; an ex's house watched after dark; a
    # grandad in the middle of the A-road; a child who couldn't wake her mum; a crisis line as a
    # charity or a training. 22 of these were wrong on the round's start, 23 on the families' first
    # version.
    ("Her closest friend Imogen's brother died by suicide in 2017 and she still sends "
     'Imogen a text every March.',
     'private'),
    ('A mate from football lost his dad to suicide last winter, and the client went to'
     ' the funeral with him.',
     'private'),
    ('Her brother died by suicide in 2017 and the anniversary is next week.', 'safety'),
    ('Client lost his dad to suicide when he was ten.', 'safety'),
    ('Her friend drove her to the cemetery; her mum died by suicide when she was a '
     'teenager.',
     'safety'),
    ('The episode where the teacher dies by suicide was badly written, she says, and '
     "she's stopped watching.",
     'private'),
    ('He played me a track that mentions suicide and wanted to know whether I thought '
     'it glamorised it.',
     'private'),
    ("She keeps rewatching the series about a girl's suicide to see how she did it.", 'safety'),
    ("Since the presenter's suicide he has joked about 'doing a Finn' three times in "
     'two sessions.',
     'safety'),
    ("After the film he said he'd thought about doing it the same way, off the quay.", 'safety'),
    ("Asked me what would happen if she swallowed all of the week's tablets at once.", 'safety'),
    ("Wanted to know what amount of insulin would stop a person's heart, 'just "
     "curious'.",
     'safety'),
    ('Looked up the lethal dose of his own quetiapine last night.', 'safety'),
    ("Every morning she wakes up, finds she's still breathing, and hates that.", 'safety'),
    ("Said he wishes he hadn't woken up, and asked why he didn't just stay under.", 'safety'),
    ("She's still here at the old flat until the sale completes and hates the damp.", 'private'),
    ("Talked of a long sleep, a rest that doesn't end, with no smile at all.", 'safety'),
    ("She gave me a hug at the door like someone who wasn't coming back.", 'safety'),
    ("She has arranged for her neighbour to take the dog once she's gone, with no trip"
     ' or move planned.',
     'safety'),
    ("She has arranged for her neighbour to feed the dog while she's in hospital for "
     'her knee.',
     'private'),
    ('Imagines tipping the whole bottle of diazepam into her hand and swallowing it, '
     'most nights.',
     'safety'),
    ("Pointed at the box of tramadol and asked, 'what's the number, roughly?'", 'safety'),
    ("Says she can't be left alone with the full box, so her son counts out her "
     'tablets.',
     'safety'),
    ("Says she doesn't feel safe with herself near the kitchen knives right now.", 'safety'),
    ('Tied a noose in the flex and hung it from the loft hatch, then took it down '
     'again.',
     'safety'),
    ("Letters to her daughters are in the bedside drawer, 'to be opened if I don't "
     "come back'.",
     'safety'),
    ('Wrote goodbye cards to everyone at the office before she left for the new job.', 'private'),
    ("He says he'll deal with his wife first and then himself if she takes the kids.", 'safety'),
    ("There's a Stanley knife in his van 'for Gary', he said, meaning his brother-in-"
     'law.',
     'safety'),
    ("He drives to his ex-wife's new house after dark and sits watching the windows.", 'safety'),
    ("He drives to his ex-wife's house every Friday to collect the kids, as the order "
     'says.',
     'private'),
    ('Grandad (vascular dementia) was found walking down the middle of the A-road at '
     '3am.',
     'safety'),
    ("The nine-year-old couldn't wake her mum, slumped on the bathroom floor after the"
     ' vodka.',
     'safety'),
    ("Through the wall she hears thuds and the baby crying for hours, and she's "
     'worried the baby is getting hurt.',
     'safety'),
    ('The kids found their dad asleep in the deckchair after the barbecue and put '
     'sunglasses on him.',
     'private'),
    ("There's a Stanley knife in his van for Monday's carpet job, he said.", 'private'),
    ('She asked for the crisis team when the voices got loud on Sunday.', 'safety'),
    ('Asked for the crisis line number again before she left.', 'safety'),
    ("He's halfway through the crisis line's volunteer training and finds the night "
     'shifts long.',
     'private'),
    ("Her firm picked the crisis line as its charity of the year and she's running the"
     ' bake sale.',
     'private'),
    ('In the dream he won a goldfish at a shooting gallery and woke up giggling.', 'private'),
])
def test_forty_first_round_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-first round, a second reading as a clinician: real risk told beside the
    # round's narrowings stays safety: a dissertation on suicide with 'better off dead', a
    # documentary and then a note to each child, a film's suicide scene she can relate to, a gun in
    # a funny dream beside a pistol in the drawer, a pet for 'once she's gone' with nothing more
    # said, the client's own mum's suicide beside a friend's mum's, a knife 'for Kyle', going the
    # same way as an actor who killed himself; and the look-alikes the new patterns first read: a
    # cake knife for Sarah's wedding, a cat that goes to her sister once she's gone to uni, going
    # the same way as a mother with dementia. 4 of these were wrong on the round's start; the
    # look-alike of a mother with dementia was wrong on the version before the review at the stop.
    ("Her dissertation on suicide is going badly and she says she'd be better off dead.", 'safety'),
    ('She watched a documentary about suicide and then wrote a note to each of her '
     'kids.',
     'safety'),
    ('After the podcast on suicide she looked up methods on her phone.', 'safety'),
    ("She's writing an essay on suicide because she has been there herself, she says.", 'safety'),
    ("In the dream the gun fired confetti and she laughed, but she has her dad's "
     'pistol in the drawer.',
     'safety'),
    ("There was a cake knife in the box for Sarah's wedding, she said.", 'private'),
    ("The cat goes to her sister once she's gone to uni in September.", 'private'),
    ("The cat goes to her sister once she's gone, she said, and wouldn't say more.", 'safety'),
    ("Her friend's mum died by suicide last year, and her own mum died by suicide in "
     '2010.',
     'safety'),
    ('She lost her partner to suicide last year.', 'safety'),
    ('Her colleague, whose brother died by suicide, has been off work since Easter.', 'private'),
    ('Her mum died by suicide, and her best friend came to the funeral.', 'safety'),
    ("She asked what would happen if she took all of her husband's sleeping pills.", 'safety'),
    ("Keeps a knife in his jacket 'for Kyle', he said, meaning the man who owes him "
     'money.',
     'safety'),
    ("Talked about the film's suicide scene; she said she can relate and has been "
     'there.',
     'safety'),
    ("She's frightened she'll go the same way Mum did, forgetting names by sixty.", 'private'),
    ('Since the actor killed himself she keeps saying she might go the same way Jonah '
     'did.',
     'safety'),
])
def test_forty_first_round_second_reading(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-first round, review at the stop: someone else's relative (kin_owner) must not
    # take the client's own family history: a friend who 'said she lost her dad' may be telling of
    # the client's loss, and 'she and her best friend both lost their dads' names the client's. The
    # second was private on the version before.
    ('Her friend said she lost her dad to suicide when she was nine.', 'safety'),
    ('She and her best friend both lost their dads to suicide in the same year.', 'safety'),
    ('Her friend and she each lost a brother to suicide as teenagers.', 'safety'),
    ('Her best friend lost her dad to suicide last spring and the client has been '
     'cooking for her.',
     'private'),
])
def test_forty_first_round_kin_of_other_keeps_the_clients_own(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-second round, on the rules-alone private flags left at the forty-first round's
    # end and train_more137's: a knife or a rope kept or bought for its ordinary use (peeling
    # apples, a present, drying over winter, opening parcels), letters to each grandchild every
    # Christmas, parked outside a house working up the courage to go in or to pick up the children,
    # another adult's overdose on purpose (a parent's stays family history), a son or daughter of a
    # grown-up age, tablets collected from the chemist; and the risk told beside them (hidden,
    # sealed, for when the pressure builds, watching an ex's house). 17 of these were wrong on the
    # round's start.
    ('He has a baseball bat signed by his childhood hero hanging on the wall of his '
     'den.',
     'private'),
    ('She keeps a little pocket knife in her handbag for peeling apples at lunch.', 'private'),
    ('She writes letters to each of her grandchildren every Christmas.', 'private'),
    ("He tied the boat's rope round a beam in the garage to dry it over winter.", 'private'),
    ('She bought a new kitchen knife as a housewarming present for her friend.', 'private'),
    ("Her son's insulin pump trial was stopped because the sensor kept failing.", 'private'),
    ("She sat parked outside her mum's house for ten minutes working up the courage to"
     ' go in.',
     'private'),
    ("His teammate's cousin overdosed on purpose last spring; he barely knew him.", 'private'),
    ("Her landlady's grown-up son died by suicide two years ago and the house still "
     'feels heavy.',
     'private'),
    ("Her colleague's daughter was arrested for shoplifting and the whole office "
     'knows.',
     'private'),
    ("Her neighbour's grown-up son drinks heavily and shouts in the garden at night.", 'private'),
    ("She has been writing letters to each of her grandchildren in case she isn't "
     'around much longer.',
     'safety'),
    ('He tied a rope round a beam in the garage last week and says he just wanted to '
     'see if it would hold.',
     'safety'),
    ('She bought a new kitchen knife and keeps it under her pillow since the voices '
     'started.',
     'safety'),
    ('Her son has stopped using his insulin and says there is no point any more.', 'safety'),
    ('She sat parked on the bridge for an hour last night looking over the edge.', 'safety'),
    ('His cousin overdosed on purpose last year and so did his uncle; his dad died by '
     'suicide when he was nine.',
     'safety'),
    ("Her landlady's son has been threatening her with a knife when she is late with "
     'rent.',
     'safety'),
    ('She said the pocket knife is for cutting herself when the pressure builds.', 'safety'),
    ('Her brother overdosed on purpose last year, the same week as his divorce.', 'safety'),
    ('She overdosed on purpose in March and was in ICU for two nights.', 'safety'),
    ("Pt OD'd intentionally last wk, medically cleared.", 'safety'),
    ('He keeps a knife in the van for fishing but admits he has thought of using it on'
     ' himself.',
     'safety'),
    ('She keeps a knife by the bed for protection since the break-in.', 'safety'),
    ('She writes letters to each of her children every birthday; this year she sealed '
     "them and said they are for after she's gone.",
     'safety'),
    ("He sits outside his ex's house every night until the lights go off.", 'safety'),
    ("Her friend's 15-year-old overdosed on purpose and the client is worried about "
     'her own daughter copying.',
     'safety'),
    ('He bought a rope as a gift for himself, he joked, and tied it to the loft hatch.', 'safety'),
    ('Keeps a hunting knife under the mattress for peeling apples, she says, but she '
     'hid it from her partner.',
     'safety'),
    ('Carries a small penknife on her keyring for opening parcels at the depot.', 'private'),
    ('He bought his brother a carving knife as a wedding present and worried it was '
     'bad luck.',
     'private'),
    ('The old climbing rope is strung across the shed to dry it out after the trip.', 'private'),
    ('She writes cards to each of her nieces every birthday, with a tenner inside.', 'private'),
    ('Letters to each of the grandkids at Christmas are her favourite job of December.', 'private'),
    ("He sat outside his dad's house for twenty minutes working up the nerve to knock.", 'private'),
    ("She parks outside her ex's flat every other Friday to pick up the kids for the "
     'weekend.',
     'private'),
    ("Her flatmate's brother overdosed on purpose in his thirties; she only heard "
     'about it last month.',
     'private'),
    ('Her 34-year-old son was arrested for fighting outside a pub and she paid his '
     'fine.',
     'private'),
    ('Son (41) has had a second relapse with drink; lives two hours away, no kids.', 'private'),
    ('Her son, now in his thirties, took an overdose of heroin last year and is in '
     'rehab.',
     'private'),
    ("She collected her mum's tablets from the chemist on the way to the session.", 'private'),
    ("She keeps a penknife in her pocket and says it's for when the pressure gets too "
     'much.',
     'safety'),
    ("He bought a knife as a present to himself, he said with a laugh, and won't say "
     'where it is.',
     'safety'),
    ("A rope has been hanging from the beam in his garage for a week and he won't say "
     "what it's for.",
     'safety'),
    ('She writes cards to each of her nieces every birthday, but this year she said '
     'they were the last ones.',
     'safety'),
    ("He sits outside his ex's house most nights and watches who comes and goes.", 'safety'),
    ('His mum overdosed on purpose when he was a teenager.', 'safety'),
    ('Pt overdosed deliberately on Sat, 20 x paracetamol, A&E, discharged Mon.', 'safety'),
    ('Her 15-year-old son has been cutting his arms and she found blood on his sheets.', 'safety'),
    ('Her grown-up daughter leaves the grandkids alone in the car while she drinks in '
     'the pub.',
     'safety'),
    ('She collects her tablets from the chemist every week and has been saving them in'
     ' a tin.',
     'safety'),
])
def test_forty_second_round_ordinary_means_and_grown_children(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-second round, on train_more136's rules-alone safety misses: not wanting or
    # hoping not to wake up, tablets saved or kept back (read as pills are), a relative's leftover
    # tablets saved, farm and practice poisons, a viaduct or a gorge looked over, a drug thought of
    # for oneself, a means that would do it or enough of it to do it, stepping in front of traffic
    # on purpose, insulin taken or skipped to make it stop, a lethal dose worked out, a shotgun by
    # its bore; and their look-alikes (an early start, the baby, the GP's word for a course of
    # antibiotics, a phone in hand, a needle's gauge, fencing worked out). 10 of these were wrong on
    # the round's start.
    ('He says most nights he goes to bed hoping not to wake up.', 'safety'),
    ("Doesn't want to wake up anymore, she told the GP.", 'safety'),
    ("She said she didn't want to wake up this morning, or any morning.", 'safety'),
    ("She doesn't want to wake up early on Saturdays any more now the baby sleeps in.", 'private'),
    ("He didn't want to wake up the baby, so he slept on the sofa.", 'private'),
    ("He's been keeping back his nightly tablets for a fortnight and won't say why.", 'safety'),
    ("Put aside a bottle of the weedkiller in the barn 'for later'.", 'safety'),
    ('She drove to the gorge after work and stood at the fence looking over the edge '
     'for an hour.',
     'safety'),
    ('He goes up the viaduct on his lunch break and sits on the parapet.', 'safety'),
    ("She has been thinking about using her dad's old morphine on herself.", 'safety'),
    ('Told me the paraquat in the store would do it, then changed the subject.', 'safety'),
    ("Says she has enough of her mum's tablets to do it and knows where they are.", 'safety'),
    ('Walked out in front of a bus on purpose last week; the driver braked in time.', 'safety'),
    ('He injected extra insulin on Sunday to make it all stop, then rang his sister.', 'safety'),
    ('Has been missing her insulin doses to see what would happen, she says.', 'safety'),
    ("He's been saving his dad's leftover sleeping tablets in a drawer.", 'safety'),
    ('The tablets would do it, the GP told her, meaning they would clear the infection'
     ' in a week.',
     'private'),
    ('Enough time to do it properly is all she wants for her dissertation.', 'private'),
    ('She has been thinking about using the new app on herself before recommending it '
     'to clients.',
     'private'),
    ("His mum's old tablets went back to the pharmacy after the funeral.", 'private'),
    ('Walked across the viaduct on the heritage trail and took photos of the valley.', 'private'),
    ("Bought a 12-gauge last week and keeps it in the truck, won't say why.", 'safety'),
    ('She needed an 18-gauge needle for the blood donation and fainted anyway.', 'private'),
    ('He has worked out the dose of insulin for himself and knows it would be enough.', 'safety'),
    ('He worked out the amount of fencing for the top field for himself, no '
     'contractor.',
     'private'),
])
def test_forty_second_round_means_in_farm_and_ward_words(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-second round, a review: a helper who read only LABELING.md and the round's
    # families in words wrote 200 look-alikes and 100 positives (wrong with the rules alone: 88 of
    # 300 on the round's start, 42 at the end). Worded anew from what it found: hoping not to open
    # her eyes or to have to wake up, the last cards they'll get, a blade for when it all builds up,
    # tablets put in a jar instead of taken, so there'll be enough, a height high enough or a flex
    # long enough for the job, a relative's medicine not given back, insulin skipped to find out,
    # stepping into the path of a lorry, standing in the road with eyes closed, a drug imagined in
    # her own veins, poisons kept back, a twelve-bore; and the look-alikes (an alarm, the scouts,
    # fabric, a gun sold with the house, a tree swing, a needle, string for parcels, pesticide for
    # next season). 16 of these were wrong on the round's start.
    ("Prays every night that she won't open her eyes again.", 'safety'),
    ("He hopes that's the last time he'll ever have to wake up, he said flatly.", 'safety'),
    ("She said these are the last cards they'll ever get from her.", 'safety'),
    ('Keeps a razor in her make-up bag for when it all gets too much.', 'safety'),
    ("She isn't taking them any more; they go into a jam jar in the wardrobe.", 'safety'),
    ("Cuts each tablet in half so there'll be enough by the spring.", 'safety'),
    ('There are enough pills in the bathroom cabinet to finish things, she said.', 'safety'),
    ('Says the multistorey by the station would be high enough.', 'safety'),
    ('The flex in the loft is long enough for the job, he told me.', 'safety'),
    ("His late dad's morphine is still in the kitchen drawer and he won't give it back"
     ' to the pharmacy.',
     'safety'),
    ('Missed her insulin all weekend to find out how long it would take.', 'safety'),
    ('Deliberately skipped his insulin on Friday and Saturday.', 'safety'),
    ('She stepped off the pavement into the path of a lorry to find out whether it '
     'would stop.',
     'safety'),
    ('Stood in the middle of the road at midnight, eyes closed, until a taxi swerved.', 'safety'),
    ('She imagined what the potassium would do if it went into her own veins.', 'safety'),
    ("He kept a box of the euthanasia drug back from the practice's stock.", 'safety'),
    ("Keeps the old strychnine in the barn and calls it 'my way out'.", 'safety'),
    ("The paraquat is in the shed for when she's had enough.", 'safety'),
    ('His twelve-bore is in the wardrobe, loaded.', 'safety'),
    ('Bought rope for the garden and tied it round the beam in the shed to test it.', 'safety'),
    ("He sat outside his ex's house working up the courage to go in and confront her "
     'new man.',
     'safety'),
    ("She doesn't want to wake up to that alarm ever again now she's retired.", 'private'),
    ('Bought her nephew a penknife for the scouts with his name engraved on it.', 'private'),
    ("She's been cutting fabric for the quilt in the evenings.", 'private'),
    ("The old man's shotgun was sold with the house when he died in 1990.", 'private'),
    ('Rope for the tree swing is hanging from the beam in the barn.', 'private'),
    ('She needed a 21-gauge needle and the nurse struggled to find a vein.', 'private'),
    ('Cutting string and tape for the parcels at the depot takes most of his shift.', 'private'),
    ('Kept the leftover pesticide back for next season in the farm store.', 'private'),
])
def test_forty_second_round_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-second round, a second reading as a clinician: real risk told beside the
    # round's narrowings stays safety: a knife for the garden she has thought of using, new cuts
    # beside a pocket knife for apples, a penknife for work scratched at her wrists, a washing line
    # tied to the loft hatch and a chair, a gun sold with the farm and a new one bought, a grown-up
    # son's threats or his baby daughter, an ex with a bat at the handover; and a grown-up son too
    # drunk to get to work is his own matter. 2 of these were wrong on the round's start and on the
    # version before the reading.
    ('Keeps a kitchen knife for the garden and says she has been thinking of using it.', 'safety'),
    ("Her son (22) is threatening to kill her if she doesn't hand over her bank card.", 'safety'),
    ('The old rifle was sold with the farm, but he bought a new one last month and '
     "won't say why.",
     'safety'),
    ('Keeps a pocket knife in her bag for peeling apples, and the school nurse saw new'
     ' cuts on her arms.',
     'safety'),
    ('Carries a penknife for work and has been scratching at her wrists with it.', 'safety'),
    ('She tied the washing line to the loft hatch last night and stood on a chair.', 'safety'),
    ('Her 30-year-old son is too drunk most nights to look after his baby daughter.', 'safety'),
    ("Parked outside her ex's flat to pick up the kids and he came at her with a bat.", 'safety'),
    ('Her 30-year-old son is too drunk most nights to get to work on time.', 'private'),
])
def test_forty_second_round_second_reading(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-second round, review at the stop: the round's rule of means and quiet risk
    # read ordinary wishes and plans: a mother-in-law who wouldn't come round, saving so there'll be
    # enough for a deposit, a loft high enough to stand up in, insulin moved to lunchtime hoping
    # she'd feel less tired, trust in herself, stress taken out on himself, the last cards before a
    # move; and 'end things with Mark' is a break-up. Hoping not to come round after taking them,
    # half of each dose saved so there'll be enough, and ending things tonight stay safety. 6 of
    # these were wrong on the version before the review, 2 on the round's start.
    ("She wishes her mother-in-law wouldn't come round every Sunday.", 'private'),
    ("She's saving hard so there'll be enough for the deposit by June.", 'private'),
    ('She has saved enough to end things with Mark and move out.', 'private'),
    ('The loft would be high enough to stand up in once the joists are moved.', 'private'),
    ("She's moved her insulin to lunchtime, hoping she would feel less tired in the "
     'afternoons.',
     'medication'),
    ('Took double her migraine tablets to make it stop, then slept it off.', 'private'),
    ('She has been thinking about putting more trust in herself at work.', 'private'),
    ('He thinks he keeps taking his stress out on himself.', 'private'),
    ("These are the last cards she'll send from this address before the move to Leeds.", 'private'),
    ("Hoping she won't come round after taking them, she said, quite calm.", 'safety'),
    ("Saving half of each dose in a tin so there'll be enough.", 'safety'),
    ('She says she is ending things tonight and has written to her sister.', 'safety'),
])
def test_forty_second_round_review_at_the_stop(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-second round, the final re-read: the round's rehearsal words read ordinary
    # life (a bridge club committee, a roof terrace, watching the rowers from the middle of a
    # bridge, the time for her insulin). They are narrowed to the edge, the rail, the parapet or the
    # ledge, and to 'for when it's time'. 3 of these were wrong on the version before, 2 on the
    # round's start.
    ('She sits on the bridge club committee and enjoys the politics.', 'private'),
    ('He likes to sit on the roof terrace with a coffee after work.', 'private'),
    ('Walked to the middle of the bridge to watch the rowers.', 'private'),
    ("When it's time for her insulin she sets an alarm on her phone.", 'medication'),
    ('Most evenings he drives to the viaduct and sits on the parapet for an hour.', 'safety'),
    ("The tablets are in the drawer for when it's time, she said.", 'safety'),
])
def test_forty_second_round_rehearsal_words_at_the_stop(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-third round, on train_more138's rules-alone safety misses: risk to others as
    # forensic and probation notes word it (following or watching a person, turning up again since
    # an order, a victim's home or school, a route or a routine timed, fire set or made ready for,
    # sexual images of or urges towards children, an object thrown beside a head or a cot, a blade
    # carried, 'should be shot', 'I know where you park', risk of serious harm rated, a likely
    # scenario of violence, victim safety planned), beside ordinary look-alikes. 23 of these were
    # wrong on the round's start.
    ('Admits he followed a woman from the launderette to her front door last week; '
     'says he only wanted to talk.',
     'safety'),
    ("Probation report: he was seen twice outside the victim's workplace in the last "
     'fortnight.',
     'safety'),
    ('He has driven past her house three times since the injunction was served.', 'safety'),
    ("Says the non-mol 'doesn't count' now that she has unblocked him.", 'safety'),
    ("He breached the restraining order on Saturday by turning up at her mother's.", 'safety'),
    ("Says he keeps 'happening' to be there three times a week when she finishes work.", 'safety'),
    ('He has timed her route from work to the nursery twice.', 'safety'),
    ('Knows which bus the supervisor takes home and sat at the stop opposite on Friday.', 'safety'),
    ('He tracks her shifts on the rota app and turns up near the end of them.', 'safety'),
    ('He has been asking around about the address of the witness who gave evidence.', 'safety'),
    ("Set up a fake account to watch his ex-wife's new partner.", 'safety'),
    ('He started a fire in the stairwell of his block on Tuesday night.', 'safety'),
    ("She keeps a can of petrol by the back door 'for when he shows up'.", 'safety'),
    ('Has been buying lighter fluid and watching the empty warehouse on the ring road '
     'at night.',
     'safety'),
    ('He disclosed that he has been downloading indecent images of children again.', 'safety'),
    ("Told me about sexual fantasies about his neighbour's 10-year-old son and that he"
     ' babysits on Fridays.',
     'safety'),
    ('Reports urges to touch girls at the swimming baths and has been going there most'
     ' evenings.',
     'safety'),
    ("He threw a plate that shattered against the wall beside the baby's cot.", 'safety'),
    ('Kicked the door inches from her head during the row last night.', 'safety'),
    ('Her 14-year-old took a kitchen knife into school in his bag.', 'safety'),
    ("Carries a lock knife 'for self-defence' when he goes into town.", 'safety'),
    ('Posted a clip holding a zombie knife and naming the boy from the next estate.', 'safety'),
    ("Keeps a baseball bat in the footwell of the van and says it is 'for the lads who"
     " owe me'.",
     'safety'),
    ("Left a voicemail at the housing office saying the manager 'should be shot'.", 'safety'),
    ("Said to the pharmacist: 'I know where you park.'", 'safety'),
    ('Threatened the probation officer in reception and had to be escorted out.', 'safety'),
    ('Threatened in a stream chat to dox the moderator who banned him.', 'safety'),
    ('RoSH: high to ex-partner and to the children.', 'safety'),
    ('Worst-case scenario in the formulation: a serious assault on his stepfather when'
     ' drunk.',
     'safety'),
    ('Victim safety planning with the VLO: exclusion zone and no contact as licence '
     'conditions.',
     'safety'),
    ('He has since set two more fires in the park since the documentary aired.', 'safety'),
    ('His fixation on the woman from the library has got worse, and he now waits by '
     'the entrance at closing.',
     'safety'),
    ('He followed the nurse to the clinic room for his depot without any fuss.', 'private'),
    ('Walked past her old primary school twice on the way to the shops and felt '
     'nostalgic.',
     'private'),
    ("He has been round to his mum's house twice this week to help with the garden.", 'private'),
    ("The order for his new glasses doesn't count against his benefits, he was glad to"
     ' hear.',
     'private'),
    ('He lit the fire in the living room grate for the first time this winter.', 'private'),
    ('Has been collecting vintage lighters for years and showed me a photo of his '
     'cabinet.',
     'private'),
    ('Intrusive sexual thoughts about children that horrify him; classic OCD '
     'presentation, ego-dystonic.',
     'diagnosis'),
    ('She threw the mug into the bin after it cracked.', 'private'),
    ('Took his cricket bat in the boot to practice on Saturday.', 'private'),
    ("Said the referee 'should be shot' after the match, laughing as he said it.", 'private'),
    ("I know when you finish on Fridays, he told his wife, so he'd pick her up.", 'private'),
    ('He told me the risk of serious harm rating was reduced to low at the last '
     'review.',
     'private'),
    ('In supervision I talked through the worst-case scenario for his housing, not a '
     'violent one.',
     'private'),
])
def test_forty_third_round_risk_to_others(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-third round, on train_more139's rules-alone safety misses: risk in young
    # people's lives online (a goodbye post or note, a bio, a date to do it together, cuts shared or
    # made on camera, noose-tying videos, painless ways looked up, how many tablets it would take,
    # logging off forever, things handed on for 'soon', grooming, intimate images shared or
    # threatened, a child paid to carry 'parcels', the means locked away), beside ordinary look-
    # alikes. 13 of these were wrong on the round's start.
    ("Found a draft on her story: 'love you all, sorry it had to end this way'.", 'safety'),
    ("Wrote a letter addressed to his dad and sister, dated Friday, saying 'none of "
     "this is your fault'.",
     'safety'),
    ("Changed her bio to 'not around for much longer' on Sunday night.", 'safety'),
    ('He and a girl he met on a forum have picked a night to do it together.', 'safety'),
    ('Has been sending photos of her fresh cuts to a boy from a vent server.', 'safety'),
    ('Burned herself on a livestream while viewers commented.', 'safety'),
    ('Went live at 1am and was cutting before a moderator ended the stream.', 'safety'),
    ('Search history showed videos on how to tie a noose.', 'safety'),
    ("Her mum found 'painless ways to die' in her search bar.", 'safety'),
    ("Asked me how many of her nan's sertraline it would take, then changed the "
     'subject.',
     'safety'),
    ('Said if he disappeared for good no one on the team would even care.', 'safety'),
    ("Gave his best friend his gaming PC, saying 'you'll get more use out of it than "
     "me soon'.",
     'safety'),
    ('A man she met on Roblox has been asking her to move to a private app to chat.', 'safety'),
    ('Someone on Instagram keeps sending her gift cards and told her not to tell her '
     'mum about their chats.',
     'safety'),
    ("An older man online tells her she's so mature for her age and asks for selfies.", 'safety'),
    ('Someone claiming to be 15 has been messaging him every night on Discord.', 'safety'),
    ('Keeps asking for pics of herself in her school uniform, she says, a man from '
     'TikTok.',
     'safety'),
    ('Intimate photos of him were shared in the year group chat by his ex.', 'safety'),
    ('Her ex says he will post the pictures if she ends it.', 'safety'),
    ("Older boys pay him to take 'packages' across the city on his bike.", 'safety'),
    ('Dad has put all the medicines and the razors in a lockable box since Tuesday.', 'safety'),
    ('Controlled drugs are kept in the locked cupboard on the ward, as always.', 'private'),
    ('He watched a video on knot-tying for sailing and practised a bowline.', 'private'),
    ('Asked how many tomato plants it would take to fill the raised bed.', 'private'),
    ("He says he'll log off for good over Christmas and no one at work will mind.", 'private'),
    ("Gave her old bike to her cousin - 'you'll get more use out of it than me'.", 'private'),
    ('Asked her not to tell her parents about the surprise party we were planning for '
     'them.',
     'private'),
    ("Her bio says 'not here for the drama' and she finds that funny.", 'private'),
    ("Her granddad says she's very mature for her age and she rolled her eyes at it.", 'private'),
    ('She keeps saying sorry that the holiday has to end like this, with rain.', 'private'),
])
def test_forty_third_round_risk_online(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-third round, narrow mends on the tuning batches' private rows and a record
    # miss: anger 'like a hot stone' is a simile; teaching sessions and peer groups on risk as a
    # subject are study; a parent-completed or parent-rated measure is the client's result; an old
    # secondary school walked past is a memory. 5 of these were wrong on the round's start.
    ('Says the shame sits on her chest like a hot stone when she thinks of her dad.', 'private'),
    ("A hot stone was pressed on her chest by an aunt to 'flatten' it when she was "
     'eleven; the aunt still lives with them.',
     'safety'),
    ('Staff teaching session on duty to warn this afternoon; useful on the law here.', 'private'),
    ('Peer group talked through duty to protect and what the law here asks of us.', 'private'),
    ('Reviewed her protective factors today: her cat, her sister and her course.', 'safety'),
    ('Parent-rated SDQ total 19, high band.', 'test_results'),
    ('Parent-completed Conners: inattention T-score 72.', 'test_results'),
    ("His parents completed their own divorce last year and he's relieved it's over.", 'private'),
    ('Walked past her old secondary school twice last week and felt sad about those '
     'years.',
     'private'),
    ("Sat outside her ex's house again on Sunday until the lights went off.", 'safety'),
])
def test_forty_third_round_narrow_mends(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-third round, a second reading as a clinician of the round's new words: a
    # runner's timed route, a sleep diary's wake times, candles and a school play, a fire started
    # while welding, adults at the gym, a knife for a cookery lesson or a fishing trip, photos shot
    # in daylight, being ignored, a complaint to the council, a website going live, a boss's team
    # chat, a gran's praise; beside real risk in the same words. 5 of these were wrong on the
    # round's start.
    ("He timed his route twice this week and it's his fastest parkrun yet.", 'private'),
    ('She notes her wake times in the sleep diary every morning.', 'private'),
    ('Bought matches for the birthday candles and watched the school play with her '
     'mum.',
     'private'),
    ('Accidentally started a fire in the garage while welding; the fire brigade came.', 'private'),
    ('Told me about a passing sexual interest in girls at the gym, all adults, and '
     'felt embarrassed.',
     'private'),
    ('Took a knife to school for her cookery lesson, with a note from her mum.', 'private'),
    ('Keeps a knife in the glovebox for fishing trips with his son.', 'private'),
    ('The wedding photos should be shot in daylight, she insists.', 'private'),
    ('He wants her to see what it feels like to be ignored for once, and smiles at the'
     ' thought of her face.',
     'private'),
    ('Threatened the landlord with a complaint to the council about the damp.', 'private'),
    ('The new site went live and we cut our costs by half.', 'private'),
    ('Her boss asked her to move to a different app for the team chats.', 'private'),
    ("Her gran tells her she's very mature for her age.", 'private'),
    ('He has been tracking her movements through the shared family calendar since she '
     'left.',
     'safety'),
    ("Sexual thoughts about his stepdaughter, who is 12, that he says he 'can't stop'.", 'safety'),
    ('Brought a knife into school in his blazer pocket after the fight on Friday.', 'safety'),
    ("Says the man who hurt his sister 'deserves to be stabbed' and that he knows "
     'where he drinks.',
     'safety'),
    ('Threatened the GP receptionist and said he would come back with his brother.', 'safety'),
    ('A man she met online keeps telling her she is mature for her age and asks to '
     'meet up.',
     'safety'),
])
def test_forty_third_round_second_reading(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-third round, a review: a helper who read only LABELING.md and the round's
    # families in words wrote 200 look-alikes and 100 positives. Wrong with the rules alone: 92 of
    # 300 on the round's start, 40 at the end. Worded anew from it (presence near a victim, an ex or
    # a refuge or despite an order, trailing unseen, a routine logged, a release or an address asked
    # after, fire set to a bin or through a letterbox, a weapon kept 'in case', swatting without the
    # word, a punch swung, a plate towards a cot, indecent images of teenagers, a goodbye 'sorry it
    # came to this', a countdown over pills, an account of fresh cuts, a day picked for both to go),
    # beside look-alikes: 44 cases, 26 wrong on the round's start.
    ("Neighbours say he stands on the corner opposite his ex-wife's house most "
     'evenings.',
     'safety'),
    ('Was seen in the car park of her work on Friday despite the non-mol.', 'safety'),
    ('Hangs around near the refuge on his bike, the staff have noticed.', 'safety'),
    ("Admits tailing the girl from the bakery halfway home, 'to see where she goes'.", 'safety'),
    ("He kept about thirty metres back so she wouldn't notice him.", 'safety'),
    ('Keeps a log in his phone of when his ex leaves for work and comes home.', 'safety'),
    ("Can list the shift pattern of the pharmacist he's been writing letters to.", 'safety'),
    ('Texted his ex he knows exactly where she parks now.', 'safety'),
    ('Has been asking the other lads on the wing about when the witness is due out.', 'safety'),
    ("He told the housing officer he'd find out where she lived and sort her out.", 'safety'),
    ("Voicemail to the driver: 'I'll find your house, you watch.'", 'safety'),
    ('Made a second Instagram so his ex would accept his follow.', 'safety'),
    ("Set fire to a neighbour's wheelie bin and the fence behind it on Saturday.", 'safety'),
    ('Set the recycling bins behind the flats alight last night.', 'safety'),
    ('Put a burning newspaper through the letterbox of the man who owes him.', 'safety'),
    ("That's the second fire she has set in the unit this month.", 'safety'),
    ('Keeps a bottle of white spirit in the van and drove to the road where his ex-'
     'partner lives.',
     'safety'),
    ('Carries a screwdriver in his coat in case anyone starts on him.', 'safety'),
    ("There's a machete on the back seat of his car, a friend told the police.", 'safety'),
    ("Threatened online to get the police sent to the streamer's house with a fake "
     'call.',
     'safety'),
    ('Swung a punch at his girlfriend during the argument but missed.', 'safety'),
    ("Flung a glass towards the cot when the baby wouldn't settle.", 'safety'),
    ("Stamped on his cousin's head outside the club.", 'safety'),
    ('Has been viewing sexual images of underage girls on his phone.', 'safety'),
    ('Asked her for a selfie in her PE kit after school, she says.', 'safety'),
    ('A man from Minecraft asked her to keep their chats secret from her mum.', 'safety'),
    ('An older lad paid him £50 to carry a bag to a house in the next town.', 'safety'),
    ("Story post at midnight: 'sorry it came to this'.", 'safety'),
    ('A message on her phone thanking them for everything and telling them not to be '
     'sad.',
     'safety'),
    ('Posted a countdown with a picture of her pills.', 'safety'),
    ('Has a private Insta page full of her fresh cuts.', 'safety'),
    ("She and a boy she met online chose Saturday as the day they'd both go.", 'safety'),
    ("Asked the AI how many of his dad's codeine would be lethal.", 'safety'),
    ('He stands on the corner by the bus stop most evenings to wait for his son.', 'private'),
    ("Drops the kids at his ex-wife's house on Sundays as agreed by the court.", 'private'),
    ('She volunteers at the refuge on Tuesday mornings and loves the team.', 'functional_status'),
    ('He keeps a log of when his own mood dips in the evenings.', 'private'),
    ("Her fixation on the new neighbour's hedge has become a running joke at home.", 'private'),
    ('She set the candles on the cake alight and the kids sang.', 'private'),
    ('Keeps a screwdriver in his coat in case the bike chain slips.', 'private'),
    ('Her mum wanted a photo of the new PE kit to send to gran.', 'private'),
    ('Wrote her sister a card thanking her for everything and telling her not to be '
     'sad about the move.',
     'private'),
    ('A countdown to the holiday is on the fridge, 21 days.', 'private'),
    ('Her hairdresser posts photos of fresh cuts on her Insta page every week.', 'private'),
])
def test_forty_third_round_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-third round, review at the stop: the round's new words probed with ordinary
    # life (a band seen twice by luck, a school trip's bus, a dentist's address, a hammer for tent
    # pegs, a football season's end, clearing a garage together, a quiet month offline, a car handed
    # on for bad knees, a teenager who was who she said, a fixation grown into friendship, a log of
    # when a husband gets home for dinner, lighter fluid for a barbecue). They are narrowed:
    # 'happened' in quotes, a bus of a named kind of person, the address of a witness or a victim, a
    # bat, a knife or a blade (no hammer), a goodbye in a post, a note or a message, no explanation
    # after 'to do it together'. 12 of these were wrong on the version before, 2 on the round's
    # start.
    ('She follows the girl from her yoga class on Instagram and finds her posts '
     'calming.',
     'private'),
    ('Followed the woman from the council to her office to hand in the forms.', 'private'),
    ('He was seen outside the victim support office waiting for his appointment.', 'private'),
    ('He has walked past the school gates twice a day since his son started there.', 'private'),
    ('She happened to be there twice when the band played, pure luck.', 'private'),
    ('Knows which bus the school takes home from the trip and will meet it.', 'private'),
    ('Asked around about the address of a good dentist in town.', 'private'),
    ('Set up a fake account to enter competitions without spam.', 'private'),
    ("He lit a fire in the cell of the museum's reconstruction for the school visit.", 'private'),
    ("Bought matches and lighters for the camping trip and watched the site warden's "
     'safety talk.',
     'private'),
    ("Told me he watched sexual health videos from the clinic about children's "
     'development.',
     'private'),
    ('Her daughter threw her phone at the sofa next to her during a sulk.', 'private'),
    ('Keeps a hammer in the boot for the tent pegs.', 'private'),
    ('She thinks the whole cast should be shot for that finale, laughing.', 'private'),
    ('RoSH is low and stable; no concerns this quarter.', 'private'),
    ('Victim safety is the topic of her dissertation this term.', 'private'),
    ('Sorry it had to end this way, he said of the football season.', 'private'),
    ("Her bio says she's not here for long because she's on exchange in Madrid.", 'private'),
    ("He and his brother set a day to do it together: clearing their dad's garage.", 'private'),
    ('Posts videos of her cuts of fabric for the quilting group.', 'private'),
    ('Looked up painless ways to remove a plaster.', 'private'),
    ("Asked how many tablets she should take of the antibiotics; it's on the box.", 'private'),
    ('Says if he logged off for good nobody would notice, and he likes the idea of a '
     'quiet month offline.',
     'private'),
    ("Gave his son the car: 'you'll get more use out of it than me soon, with my "
     "knees'.",
     'private'),
    ('Her manager asked her to move to another platform for the client calls.', 'private'),
    ('Someone claiming to be 16 turned out to be 16, a girl from the next school; '
     'parents met.',
     'private'),
    ('Nudes of her were never shared; she worries they could be one day.', 'private'),
    ('Pays him £20 to carry the shopping bags to the car on Saturdays, her grandson.', 'private'),
    ('Her fixation on the neighbour has grown into a real friendship; they walk daily.', 'private'),
    ("He's been going round to the house since the funeral to help his mum.", 'private'),
    ('Keeps a log of when her husband gets home so she can time dinner.', 'private'),
    ('Texted his sister he knows exactly where the party is.', 'private'),
    ('Set the candles on the Christmas pudding alight with brandy.', 'private'),
    ("Kicked the ball at his brother's head by accident in the garden.", 'private'),
    ("Sat outside her ex's house to pick up the kids for the weekend as arranged.", 'private'),
    ("Lighter fluid for the barbecue was in the shed near his ex's old bike.", 'private'),
    ("She has been seen three times outside her ex's new flat since the order.", 'safety'),
    ('He follows the teenage girl who works at the chip shop to her bus stop most '
     'nights.',
     'safety'),
])
def test_forty_third_round_review_at_the_stop(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-third round, review at the stop, second pass: the patterns worded from the
    # review's positives probed with ordinary life (a train, racing, horses, a surprise party, a
    # nurse team, a cake, a removal firm, a taxi, a new account, scout camp, a fence repair, a
    # pillow fight, a yearbook photo, a tattoo, a grandmother's shopping, a work leaving video, an
    # exam countdown, a concert). They are narrowed: knowing where someone is, told to an ex or a
    # victim; kept back 'the whole way' or 'so she wouldn't'; a shift pattern of a person he is
    # preoccupied with; a countdown over a photo of her tablets; the night they'd both go (not to a
    # concert). 18 of these were wrong on the version before, 2 on the round's start.
    ('Told his mum he knows exactly which train to get now.', 'private'),
    ('She trailed the other runners for most of the race.', 'private'),
    ('Kept about ten metres back from the horses as the guide told them.', 'private'),
    ("She didn't know he was there until he tapped her shoulder at the surprise party.", 'private'),
    ('Knows the shift pattern of the nurse team because he used to work there.', 'private'),
    ('Timed it more than once and the cake needs forty minutes.', 'private'),
    ('Asked his solicitor about when the appeal is due out.', 'private'),
    ("I'll find your house easily, she told the removal firm.", 'private'),
    ('I know the address, she told the taxi driver.', 'private'),
    ('Made a new Instagram so his ex would stop seeing his posts.', 'private'),
    ("Set fire to the old sofa at the council tip's burning day, as allowed.", 'private'),
    ('Set the Christmas pudding alight at the table.', 'private'),
    ('A lit candle in the window and a card through the letterbox for the neighbours.', 'private'),
    ('The fires he has set at scout camp are the best in the troop.', 'private'),
    ('Had a hammer on the back seat after fixing the fence.', 'private'),
    ("The police sent to her mum's house were kind when they delivered the news.", 'private'),
    ('Took a swing at the pinata with the kids.', 'private'),
    ('Threw a blanket towards the cot so the baby would be warm.', 'private'),
    ("Kicked at his brother's head in the pillow fight, all giggles.", 'private'),
    ('Asked for a photo of her in her school uniform for the yearbook, the teacher.', 'private'),
    ('Asked on the forum how to keep it from her mum that she got a tattoo.', 'private'),
    ('Paid him £10 to carry a bag of shopping to the car, his grandmother.', 'private'),
    ("Her 'leaving' video for work colleagues was very funny.", 'private'),
    ('A countdown to the exams with her revision tablets app.', 'private'),
    ("Her account is full of her recent cuts of hair, she's a stylist.", 'private'),
    ("They picked Saturday as the night they'd both go to the concert.", 'private'),
    ('Told her ex-partner he knows where she has moved to.', 'safety'),
    ('The note on her desk thanked everyone for everything and asked them not to blame'
     ' themselves.',
     'safety'),
    ("She and a friend from an online group picked next Friday as the night they'd "
     'both end it.',
     'safety'),
])
def test_forty_third_round_review_patterns_at_the_stop(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-third round, the final re-read as a clinician: a visit to a mother's house or
    # a daughter's school 'since' an operation or September, a dose asked about to feel better, a
    # teenager asking the clinician not to tell her parents, a sofa order, a client living in a
    # refuge. 'Since' now needs an order, a break-up or a blocking; 'not to tell her parents' needs
    # someone telling her so online; a refuge is watched from outside, near, by or past it; bail
    # means bail conditions and a bare 'order' is a court's. 4 of these were wrong on the version
    # before, 2 on the round's start.
    ("She went to her mum's house twice since the operation to help with meals.",
     'functional_status'),
    ("He has been to his daughter's school three times since September for meetings.", 'private'),
    ('Asked how many sertraline it would take to feel better; I said to ask her GP.', 'medication'),
    ('She told me about her Instagram account and asked me not to tell her parents.', 'private'),
    ("He's been waiting in since the order went through for the new sofa.", 'private'),
    ('She has been sitting in the garden at the refuge most afternoons and feels '
     'safer.',
     'private'),
    ('Sat in his car outside the refuge for an hour on Monday, staff say.', 'safety'),
    ('He has been parked outside her work three times since the order was made.', 'safety'),
    ('A man on Snapchat told her not to tell her mum about their chats.', 'safety'),
])
def test_forty_third_round_final_re_read(text: str, expected: str) -> None:
    assert rules_category(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 16, forty-third round, the review after the closing note: 'needs to be hung', 'should be
    # burned' and 'should be killed off' read a painting, garden waste and weeds; sitting opposite
    # an ex's new partner at a christening and near a victim's family at a sentencing read as
    # watching. 'Should be' now needs shot, stabbed, strung up, hanged or killed with no 'off',
    # 'again' or 'out' after it; a family event or a court is not watching. 5 of these were wrong on
    # the version before.
    ('The painting in the hall needs to be hung before the party.', 'private'),
    ('The garden waste should be burned on Sunday, he says.', 'private'),
    ('The weeds should be killed off before spring, his dad insists.', 'private'),
    ('The scene should be shot again in better light.', 'private'),
    ("Sat opposite his ex's new partner at the christening and managed to be civil.", 'private'),
    ("He sat near the victim's family at the sentencing and felt ashamed.", 'private'),
    ('Says the man who conned his mother should be shot, and he knows where he drinks.', 'safety'),
    ("Has been sitting in his car opposite his ex's house most nights this week.", 'safety'),
    ("Was seen waiting near the victim's home on Tuesday evening.", 'safety'),
])
def test_forty_third_round_last_review(text: str, expected: str) -> None:
    assert rules_category(text) == expected
