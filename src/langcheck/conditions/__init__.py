"""Named context conditions that rule files list under `unless:`.

Each condition answers one question about a candidate match ("is it negated?", "is a suspect
the subject?"). They are defined once, in plain words, and rule files refer to them by name, so
the same judgement is made the same way by every rule. A condition that holds drops the
candidate.

`quoted` (in context.py), `mention` and the three `guidance` conditions are universal: the
engine applies them to every rule.
The modules split the conditions by what they read: `speech` (how the words are said),
`people` (who they are about), `ages` (the ages given), `partners` (the other person in a
relationship), `abuse` (whether the abuse is named) and `records` (what else the note records).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from langcheck.conditions.abuse import (
    abuse_named,
    actor_named,
    no_abuse_after,
    no_abuse_context,
    no_exploitation_context,
    non_sexual,
    offence_title,
)
from langcheck.conditions.adulthood import adult_subject
from langcheck.conditions.ages import adult_age, very_young_child
from langcheck.conditions.candidate import Candidate
from langcheck.conditions.guidance import advice_to_avoid, generic_subject, guidance_prose, reported_label
from langcheck.conditions.partners import (
    adult_owner,
    assessed_appropriate,
    no_adult_signal,
    peer,
    sexual_health_note,
)
from langcheck.conditions.people import (
    adult_actor,
    child_subject,
    not_about_victim,
    perpetrator_subject,
    relative_subject,
    subject_not_child,
    thing_subject,
)
from langcheck.conditions.records import (
    coerced_to,
    no_risk_downgrade,
    rationale_given,
    return_details_noted,
    school_attendance,
    victim_status_noted,
)
from langcheck.conditions.speech import (
    attributed,
    mention,
    negated,
    suspect_account,
    suspect_claim,
)

__all__ = ["CONDITIONS", "CONDITION_NAMES", "Candidate", "ConditionFn", "describe", "guidance_prose", "mention"]

ConditionFn = Callable[[Candidate], bool]

CONDITIONS: dict[str, ConditionFn] = {
    # speech.py: how the words are said
    "negated": negated,
    "mention": mention,
    "suspect_account": suspect_account,
    "suspect_claim": suspect_claim,
    "attributed": attributed,
    # guidance.py: prose about the language, not a record that uses it (the engine applies all three)
    "generic_subject": generic_subject,
    "reported_label": reported_label,
    "advice_to_avoid": advice_to_avoid,
    # people.py: who the words are about
    "perpetrator_subject": perpetrator_subject,
    "adult_actor": adult_actor,
    "not_about_victim": not_about_victim,
    "child_subject": child_subject,
    "subject_not_child": subject_not_child,
    "relative_subject": relative_subject,
    "thing_subject": thing_subject,
    # adulthood.py: whether the person the words describe is shown to be an adult
    "adult_subject": adult_subject,
    # ages.py: the ages given near the match
    "adult_age": adult_age,
    "very_young_child": very_young_child,
    # partners.py: the other person in a relationship
    "peer": peer,
    "no_adult_signal": no_adult_signal,
    "adult_owner": adult_owner,
    "assessed_appropriate": assessed_appropriate,
    "sexual_health_note": sexual_health_note,
    # abuse.py: whether the note names the abuse
    "offence_title": offence_title,
    "abuse_named": abuse_named,
    "non_sexual": non_sexual,
    "no_abuse_context": no_abuse_context,
    "no_abuse_after": no_abuse_after,
    "actor_named": actor_named,
    "no_exploitation_context": no_exploitation_context,
    # records.py: what else the note records
    "rationale_given": rationale_given,
    "return_details_noted": return_details_noted,
    "victim_status_noted": victim_status_noted,
    "school_attendance": school_attendance,
    "coerced_to": coerced_to,
    "no_risk_downgrade": no_risk_downgrade,
}
"""Every condition a rule file may name, by name. Add new ones here, with a docstring.

A renamed condition's old name is not listed here: the loader redirects it (loader.RENAMED_CONDITIONS)."""

CONDITION_NAMES = frozenset(CONDITIONS)


def describe(names: Sequence[str]) -> list[tuple[str, str]]:
    """Return (name, first docstring line) for each condition, for `explain` output."""
    out = []
    for name in names:
        doc = (CONDITIONS[name].__doc__ or "").strip().splitlines()
        out.append((name, doc[0] if doc else ""))
    return out
