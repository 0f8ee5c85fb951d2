"""The named context conditions: documented, registered, and judging small sentences as meant.

Each condition is checked through a one-rule pack whose `unless` names it, so the test sees
what a rule author sees: a sentence is flagged, or the condition drops the match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from langcheck.conditions import CONDITION_NAMES, CONDITIONS, describe
from langcheck.engine import CompiledRules
from langcheck.loader import RENAMED_CONDITIONS
from langcheck.nlp import load_pipeline
from langcheck.ruleset import load_pack

MakePack = Callable[..., Path]
DOCS = Path(__file__).resolve().parents[1] / "docs" / "writing-rules.md"
ALIASES = {"negated_clause": "negated", "peer_partner": "peer", "peer_age": "peer"}

FLAG, DROP = True, False

# (condition, phrase, [(sentence, flagged?)]): every registered name has at least one entry.
CASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    (
        "negated",
        "{lose} control",
        [
            ("He did not lose control.", DROP),
            ("He never lost control of himself.", DROP),
            ("Nobody saw him lose control.", DROP),
            ("None of the staff saw him lose control.", DROP),
            ("He could not resist her and lost control.", FLAG),  # "and" + a past form after "could not"
            ("She did not leave and he lost control.", FLAG),  # "and" + a new subject
            ("He did not ask; he lost control.", FLAG),
        ],
    ),
    (
        "negated",
        "disengaged",
        [
            ("Tyler is not engaging and has disengaged from school.", FLAG),  # "and" + a finite verb
            ("Tyler has not disengaged.", DROP),
            ("Tyler was not bored and disengaged.", DROP),  # a participle sharing "was not"
        ],
    ),
    (
        "negated",
        "complicit",
        [
            ("She is not regarded as complicit.", DROP),  # "as" before no subject is no clause
            ("Staff did not intervene because she was complicit.", FLAG),  # a subordinator ends it
            ("Staff did not intervene as she was complicit.", FLAG),
        ],
    ),
    (
        "negated",
        "because of her own actions",
        [
            ("Ana is at risk because of her own actions.", FLAG),
            ("Ana is at risk, not because of her own actions.", DROP),
        ],
    ),
    (
        "negated_clause",
        "working voluntarily",
        [
            ("NRM not considered as he is working voluntarily.", FLAG),
            ("He is not working voluntarily.", DROP),
        ],
    ),
    (
        "mention",
        "complicit",
        [
            ("The term complicit should not be used.", DROP),
            ("Avoid the word complicit in reports.", DROP),
            ("Remove language such as 'complicit' from the log.", DROP),
            ("The wording used was \u201ccomplicit\u201d.", DROP),
            ("Staff are describing her as complicit.", FLAG),  # a reporting verb is not a mention
            ("In other words she was complicit.", FLAG),  # cue words that name nothing
            ("This term she was complicit in the thefts.", FLAG),
            ("Her body language was complicit.", FLAG),
        ],
    ),
    (
        "suspect_account",
        "flirting with him",
        [
            ("The suspect told officers she had been flirting with him.", DROP),
            ("Staff say she had been flirting with him.", FLAG),
        ],
    ),
    (
        "suspect_claim",
        "looked 18",
        [
            ("The suspect said she looked 18.", DROP),
            ("The officer thought she looked 18.", FLAG),
        ],
    ),
    (
        "attributed",
        "family man",
        [
            ("A neighbour described him as a family man.", DROP),
            ("He is a family man.", FLAG),
        ],
    ),
    (
        "perpetrator_subject",
        "manipulative",
        [
            ("The suspect is manipulative.", DROP),
            ("The male is manipulative.", DROP),
            ("He was arrested and is manipulative.", DROP),
            ("The victim is manipulative.", FLAG),
            ("The male (15) is manipulative.", FLAG),
            ("Jayden (15) was found at the trap house. He is manipulative.", FLAG),  # a boy victim is "he"
            ("The boys (14 and 15) were at the flat. They are manipulative.", FLAG),
            ("The suspect, 34, was arrested. He is manipulative.", DROP),
            ("He is manipulative and goes missing.", FLAG),  # no one else in the note: presumed the child
            ("He was flirting with the 14-year-old and is manipulative.", DROP),  # the child is someone else
        ],
    ),
    (
        "adult_actor",
        "poor choices",
        [
            ("The OCG made poor choices.", DROP),
            ("He made poor choices.", FLAG),
            ("The 14-year-old was found at a party with adults and made poor choices.", FLAG),
            ("The men said the 13-year-old made poor choices.", FLAG),
            ("Adults from Enfield forced Reggie (15) to make poor choices.", DROP),
        ],
    ),
    (
        "not_about_victim",
        "claims",
        [
            ("He claims he was at work.", DROP),
            ("Lucy (12) claims he hit her.", FLAG),
        ],
    ),
    (
        "child_subject",
        "lashed out",
        [
            ("The boy (12) lashed out at staff.", DROP),
            ("The suspect lashed out at her.", FLAG),
        ],
    ),
    (
        "subject_not_child",
        "witnessed",
        [
            ("Her mother witnessed the assault.", DROP),
            ("The children witnessed the assault.", FLAG),
            ("The assault was witnessed by the couple's three children.", FLAG),
        ],
    ),
    (
        "relative_subject",
        "can look after herself",
        [
            ("Her mum can look after herself.", DROP),
            ("Mum says she can look after herself.", FLAG),
        ],
    ),
    (
        "thing_subject",
        "dangerous",
        [
            ("The road outside the school is dangerous.", DROP),
            ("The boy is dangerous.", FLAG),
        ],
    ),
    (
        "peer",
        "had sex with",
        [
            ("He had sex with a 13-year-old girl he met online.", FLAG),  # "he" may be an adult
            ("Jayden (14) had sex with a 14-year-old girl from school.", DROP),
            ("He had sex with her when she was 13.", FLAG),  # her own age, not a peer's
        ],
    ),
    (
        "adult_actor",
        "a runner",
        [
            ("Kai's role in the OCG is as a runner.", FLAG),  # "in the OCG": not who acts
            ("The OCG used Kai as a runner.", DROP),
        ],
    ),
    (
        "rationale_given",
        "graded as absent",
        [
            ("The report was graded as absent because she was with her aunt.", DROP),
            ("The report was graded as absent because there was no apparent risk.", FLAG),  # a grade is no reason
        ],
    ),
    (
        "no_exploitation_context",
        "earns good money",
        [
            ("Tom earns good money at the car wash.", DROP),
            ("The boy earns good money working for the older males.", FLAG),
        ],
    ),
    (
        "negated",
        "deserves it",
        [
            ("She never deserves it.", DROP),
            ("She never listened, she deserves it.", FLAG),  # a new clause after the comma
        ],
    ),
    (
        "suspect_account",
        "has a history of lying",
        [
            ("She has a history of lying, the suspect told police.", DROP),
            ("She has a history of lying, staff told police.", FLAG),
        ],
    ),
    (
        "adult_subject",
        "law unto himself",
        [
            ("The manager is a law unto himself.", DROP),
            ("Kai is a law unto himself.", FLAG),
        ],
    ),
    (
        "adult_owner",
        "her boyfriend",
        [
            ("The suspect is her boyfriend, a 27-year-old man from Luton.", FLAG),  # "is": not his own
            ("Mother believes she is staying with her boyfriend in Luton.", FLAG),  # Mother reports
            ("The victim, aged 34, was assaulted by her boyfriend.", DROP),
        ],
    ),
    (
        "adult_owner",
        "his partner",
        [("The suspect strangled his partner and threatened to kill her.", DROP)],
    ),
    (
        "perpetrator_subject",
        "flirtatious",
        [
            ("Her behaviour towards the men was flirtatious.", FLAG),  # the men are objects
            ("The suspect was flirtatious with staff.", DROP),
        ],
    ),
    (
        "adult_subject",
        "streetwise",
        [
            ("Her mother, aged 40, is streetwise.", DROP),
            ("Jade (14) is streetwise.", FLAG),
        ],
    ),
    (
        "generic_subject",
        "{go} missing",
        [
            ("Children who go missing repeatedly are at greater risk of exploitation.", DROP),
            ("Many exploited young people go missing from care.", DROP),
            ("A child who goes missing is at risk.", DROP),
            ("Jade goes missing most weekends.", FLAG),
            ("The children from this home go missing every weekend.", FLAG),
            ("Tayo (14), a child in care, goes missing every weekend.", FLAG),
        ],
    ),
    (
        "reported_label",
        "streetwise",
        [
            ("Inspectors found that staff described exploited children as streetwise.", DROP),
            ("Victims were often seen as streetwise by professionals.", DROP),
            ("The label implies that she is streetwise.", DROP),  # what a word implies, not a record
            ("Staff described Jade as streetwise.", FLAG),
            ("Police described the 15-year-old as streetwise.", FLAG),
            ("Intelligence suggests she is streetwise.", FLAG),
        ],
    ),
    (
        "advice_to_avoid",
        "streetwise",
        [
            ("Avoid describing a child as streetwise.", DROP),
            ("Do not describe her as streetwise in the referral.", DROP),
            ("Write what happened rather than streetwise.", DROP),
            ("She is streetwise rather than naive.", FLAG),
            ("Staff say Zara is very streetwise.", FLAG),
        ],
    ),
    (
        "adult_age",
        "young woman",
        [
            ("The young woman, 23, was seen.", DROP),
            ("The young woman, 15, was seen.", FLAG),
        ],
    ),
    (
        "adult_age",
        "(behaves|acts) as if she is (18|21)",
        [
            ("Her aunt, 25, acts as if she is 21.", DROP),
            ("Mia behaves as if she is 18.", FLAG),  # the age in the words is a claim, not hers
        ],
    ),
    (
        "very_young_child",
        "wandered off",
        [
            ("The 4-year-old wandered off at the park.", DROP),
            ("The 14-year-old wandered off at the park.", FLAG),
        ],
    ),
    (
        "peer",
        "sexually active",
        [
            ("Sam (16) is sexually active with his girlfriend (16).", DROP),
            ("Leah (17) is sexually active with a partner of the same age.", DROP),
            ("Jasmine (14) is sexually active.", FLAG),  # the child's own age is not the partner's
            ("Jasmine (14) is sexually active with a man, 24.", FLAG),
            ("Two 12-year-olds were sexually active.", FLAG),  # under 13: never a peer case
        ],
    ),
    (
        "peer",
        "in a relationship with",
        [
            ("Jade (15) is in a relationship with a boy, also 15.", DROP),
            ("The tutor, 32, is in a relationship with the 14-year-old.", FLAG),
            ("The teacher is in a relationship with a pupil (15); peers reported it.", FLAG),
        ],
    ),
    (
        "peer_partner",
        "boyfriend",
        [
            ("Amy (14) was with her boyfriend, also 15.", DROP),
            ("Amy (14) was with her boyfriend (24).", FLAG),
        ],
    ),
    (
        "peer_age",
        "spends time with older boys",
        [
            ("Freddie (12) spends time with older boys (14).", DROP),
            ("Freddie (12) spends time with older boys.", FLAG),
        ],
    ),
    (
        "no_adult_signal",
        "boyfriend",
        [
            ("Ellie (16) has a boyfriend in Year 12.", DROP),
            ("Ellie (16) has a boyfriend who is 31.", FLAG),
            ("Her PE teacher has been her boyfriend since May.", FLAG),
        ],
    ),
    (
        "adult_owner",
        "boyfriend",
        [
            ("Mum's boyfriend moved in.", DROP),
            ("Chloe (14) has been staying with her boyfriend.", FLAG),
        ],
    ),
    (
        "assessed_appropriate",
        "relationship",
        [
            ("The relationship was assessed: no power imbalance.", DROP),
            ("The relationship continues.", FLAG),
        ],
    ),
    (
        "sexual_health_note",
        "sexually active",
        [
            ("Mia (17) is sexually active and was given contraception advice.", DROP),
            ("Mia (14) is sexually active and was given contraception advice.", FLAG),
        ],
    ),
    (
        "offence_title",
        "sexual activity with a child",
        [
            ("He was charged with sexual activity with a child.", DROP),
            ("She described sexual activity with a child.", FLAG),
        ],
    ),
    (
        "abuse_named",
        "sex for cigarettes",
        [
            ("She was having sex for cigarettes; this is sexual exploitation.", DROP),
            ("She was having sex for cigarettes.", FLAG),
        ],
    ),
    (
        "non_sexual",
        "in return for",
        [
            ("He was given cannabis in return for carrying a package.", DROP),
            ("She was given vodka in return for sex.", FLAG),
        ],
    ),
    (
        "no_abuse_context",
        "argument",
        [
            ("Neighbours had an argument about parking.", DROP),
            ("There was an argument and she was strangled.", FLAG),
            ("There was an argument; no violence or threats.", DROP),
        ],
    ),
    (
        "no_abuse_after",
        "historic",
        [
            ("They walked through the historic town centre.", DROP),
            ("She disclosed historic abuse.", FLAG),
        ],
    ),
    (
        "actor_named",
        "argument",
        [
            ("They had an argument and he punched her.", DROP),
            ("There was an argument and she fractured her wrist.", FLAG),
        ],
    ),
    (
        "no_exploitation_context",
        "works willingly",
        [
            ("Tom works willingly in class.", DROP),
            ("He works willingly for the line.", FLAG),
        ],
    ),
    (
        "rationale_given",
        "graded medium",
        [
            ("Risk graded medium because she has been missing three times.", DROP),
            ("Risk graded medium.", FLAG),
        ],
    ),
    (
        "return_details_noted",
        "returned home",
        [
            ("She returned home. A return home interview was offered.", DROP),
            ("She returned home.", FLAG),
        ],
    ),
    (
        "victim_status_noted",
        "suspect",
        [
            ("He is a suspect and also a victim of criminal exploitation.", DROP),
            ("He is a suspect.", FLAG),
        ],
    ),
    (
        "school_attendance",
        "absent",
        [
            ("She was absent from school for 14 sessions.", DROP),
            ("She was absent from home overnight.", FLAG),
        ],
    ),
    (
        "coerced_to",
        "run drugs",
        [
            ("He was made to run drugs.", DROP),
            ("He chose to run drugs.", FLAG),
        ],
    ),
    (
        "no_risk_downgrade",
        "resilient",
        [
            ("She is resilient; risk lowered to medium.", FLAG),
            ("She is resilient and risk remains high.", DROP),
        ],
    ),
]


def test_every_condition_has_a_docstring_that_describe_shows() -> None:
    for name, fn in CONDITIONS.items():
        assert (fn.__doc__ or "").strip(), f"{name} has no docstring"
    assert all(line for _, line in describe(sorted(CONDITIONS)))


def test_the_docs_list_exactly_the_registered_conditions() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text[
        text.index("Conditions a rule can name under `unless`") : text.index("## Replacements, hints and messages")
    ]
    listed = re.findall(r"^- `([a-z_]+)`:", section, re.M)
    assert sorted(listed) == sorted([*CONDITIONS, *RENAMED_CONDITIONS])
    assert len(listed) == len(set(listed))


def test_older_names_stay_loadable_and_mean_the_new_condition(make_pack: MakePack) -> None:
    assert {old: r.new for old, r in RENAMED_CONDITIONS.items()} == ALIASES
    for old, new in ALIASES.items():
        assert old not in CONDITION_NAMES
        assert new in CONDITION_NAMES
        (rule,) = load_pack(make_pack(['phrase: "placeholder"'], unless=f"[{old}]"))
        assert rule.unless == (new,)


def test_every_condition_has_behaviour_cases() -> None:
    assert {name for name, _, _ in CASES} == set(CONDITIONS) | set(RENAMED_CONDITIONS)


@pytest.mark.parametrize(("name", "phrase", "sentences"), CASES, ids=[f"{n}:{p}" for n, p, _ in CASES])
def test_condition_behaviour(name: str, phrase: str, sentences: list[tuple[str, bool]], make_pack: MakePack) -> None:
    compiled = CompiledRules(load_pack(make_pack([f'phrase: "{phrase}"'], unless=f"[{name}]")), load_pipeline())
    got = [(text, bool(compiled.findings(text))) for text, _ in sentences]
    assert got == sentences


GUIDANCE_CASES = [
    (
        "generic_subject",
        "A woman who dresses provocatively has not contributed to a rape.",
        "dresses provocatively",
        True,
    ),
    ("generic_subject", "A woman was groped on the Northern line.", "groped", False),  # a particular event
    ("generic_subject", "Children who go missing place themselves at risk.", "place themselves at risk", False),
    ("generic_subject", "Leah was found with men who are exploiting girls.", "exploiting", False),
    ("reported_label", "The girls were labelled as promiscuous.", "promiscuous", True),
    ("reported_label", "Those who dealt with the girls referred to them as street wise.", "street wise", True),
    ("reported_label", "A 14-year-old girl was described as streetwise.", "streetwise", True),
    (
        "reported_label",
        "Professionals often wrongly view exploitative relationships as consensual.",
        "consensual",
        True,
    ),
    ("reported_label", "She may be exploited even if the activity appears consensual.", "consensual", True),
    (
        "reported_label",
        "The project worked with child prostitutes, as they were then called.",
        "child prostitutes",
        True,
    ),
    ("reported_label", "Leah (14) has been with men at the flat and is described as streetwise.", "streetwise", False),
    ("advice_to_avoid", "The myth that women cry rape must be challenged.", "cry rape", True),
    ("advice_to_avoid", "The guide advises against describing a child as streetwise.", "streetwise", True),
    ("reported_label", "Exploited girls were said by social workers to be streetwise.", "streetwise", True),
    ("reported_label", "A girl with warning markers was inappropriately treated as absent.", "treated as absent", True),
    ("reported_label", "Jade was treated as absent.", "treated as absent", False),
    (
        "generic_subject",
        "The reasons for a person deciding to go missing may be complex.",
        "deciding to go missing",
        True,
    ),
    (
        "advice_to_avoid",
        "Examples of victim blaming include saying that they put themselves at risk.",
        "put themselves at risk",
        True,
    ),
    ("advice_to_avoid", "Use domestic abuse instead of a domestic or a domestic dispute.", "a domestic dispute", True),
    ("generic_subject", "Children who go missing repeatedly are at greater risk.", "go missing", True),
    ("generic_subject", "Jade and other children go missing.", "go missing", False),
    ("reported_label", "Exploited girls were perceived to be streetwise.", "streetwise", True),
    ("reported_label", "Staff described Jade as streetwise.", "streetwise", False),
    ("reported_label", "The word implies that she consented.", "consented", True),
    ("advice_to_avoid", "Avoid saying that she consented.", "consented", True),
    ("advice_to_avoid", "She consented rather than refused.", "consented", False),
]


@pytest.mark.parametrize(("name", "text", "words", "holds"), GUIDANCE_CASES)
def test_each_guidance_condition_on_its_own(name: str, text: str, words: str, holds: bool) -> None:
    """Each guidance condition is judged alone: the engine applies all three, which could hide one."""
    from langcheck.conditions import Candidate
    from langcheck.context import analyse

    doc = load_pipeline().make_doc(text)
    start = next(t.i for t in doc if t.idx == text.index(words))
    end = start + len(load_pipeline().make_doc(words))
    cand = Candidate(doc, start, end, 0, len(doc), analyse(text))
    assert CONDITIONS[name](cand) is holds
