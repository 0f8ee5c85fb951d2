"""Generate realistic synthetic case notes for the speed benchmarks (deterministic).

Every sentence here was written for this benchmark; names, places and events are invented.
About one sentence in ten uses wording a rule flags, as in the issue's brief. Notes are
separated by blank lines, like an export of many records into one file.

    python benchmarks/casenotes.py OUT.txt [MEGABYTES] [--seed N]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = [
    "Amira",
    "Bethany",
    "Chloe",
    "Demi",
    "Ellie",
    "Faith",
    "Gemma",
    "Holly",
    "Isla",
    "Jade",
    "Kayleigh",
    "Leah",
    "Megan",
    "Nadia",
    "Olivia",
    "Paige",
    "Rhiannon",
    "Sophie",
    "Tia",
    "Zara",
    "Jordan",
    "Casey",
    "Liam",
    "Tyler",
    "Kieran",
    "Mason",
    "Reece",
    "Aaron",
    "Dylan",
    "Kai",
]
LAST = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Wright",
    "Walker",
    "Khan",
    "Evans",
    "Hughes",
    "Clarke",
]
PLACES = (
    "the Riverside estate",
    "Kingsway shopping centre",
    "a flat on Mill Lane",
    "the bus station",
    "Victoria Park",
    "a house on Ashfield Road",
    "the children's home on Elm Drive",
    "the takeaway on the high street",
    "a hotel near the ring road",
    "the canal towpath",
    "the foster placement",
    "the railway station",
)
OFFICERS = ("PC 4412 Harris", "DC Okafor", "PS Lindqvist", "PCSO Begum", "DS Marshall", "the duty social worker")
TIMES = [f"{h:02d}:{m:02d}" for h in range(24) for m in (0, 10, 15, 30, 45, 50)]

NEUTRAL = (
    "At {time} {officer} attended {place} following a call from staff.",
    "{name} ({age}) was reported missing by carers at {time}.",
    "{name} was located at {place} at {time} and taken to the station to be seen by the nurse.",
    "A strategy discussion was held on {date} and a safety plan was agreed with partner agencies.",
    "Intelligence was submitted about a grey Audi seen collecting children near {place}.",
    "{officer} spoke to the school safeguarding lead, who shared attendance records for the term.",
    "The return home interview was completed by an independent advocate on {date}.",
    "{name} disclosed that an adult male had given her a phone and told her she owed him money.",
    "The risk of criminal exploitation from the adults identified is assessed as high.",
    "A referral was made to the National Referral Mechanism and acknowledged the same day.",
    "CCTV from {place} has been requested and will be reviewed by the investigating officer.",
    "{name}'s mother was updated by telephone and supports the plan.",
    "Two adults were arrested on suspicion of child sexual exploitation offences on {date}.",
    "The placement manager confirmed that the bedroom window had been left open overnight.",
    "Her social worker will visit on {date} to review the plan with her.",
    "Disruption tactics targeting the adults concerned were discussed at the MACE meeting.",
    "No injuries were seen and {name} was offered a medical examination, which she accepted.",
    "The vehicle was registered to a rental company in another county.",
    "{officer} completed the missing person risk assessment and graded the report high risk.",
    "Phone number 07{phone} was attributed to an adult male known as '{nick}'.",
    "{name} was tearful and said she was frightened of the men at {place}.",
    "A safe and well check was completed by {officer} at {time}.",
    "Children's social care will convene a strategy meeting within two working days.",
    "The school reported that {name} has seemed tired and withdrawn in lessons.",
    "Her key worker will accompany her to the sexual health clinic on {date}.",
    "The landlord of the flat at {place} has been served with a closure notice.",
)
FLAGGED = (
    "Staff say {name} ({age}) keeps putting herself at risk by going to {place}.",
    "{name}, aged {age}, chose to go missing again and returned safe and well.",
    "{name} ({age}) is streetwise and mature for her age.",
    "{name} ({age}) has been staying at her boyfriend's flat; he is {oage}.",
    "The male, {age}, is known to be running drugs for the line.",
    "{name} ({age}) is making poor choices and refused to engage with her worker.",
    "{name} ({age}) has been sexually active with older men since the summer.",
    "{name} ({age}) absconded from {place} at {time}.",
    "She is a frequent flyer and will turn up in the morning.",
    "The victim said he lost control after she provoked him.",
    "{name} ({age}) is attention seeking and a troublemaker, according to staff.",
    "He was described as a devoted father and a nice guy by neighbours.",
    "The caller reported a domestic dispute at {place}.",
)


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        name=rng.choice(FIRST),
        age=rng.randint(12, 17),
        oage=rng.randint(19, 45),
        place=rng.choice(PLACES),
        officer=rng.choice(OFFICERS),
        time=rng.choice(TIMES),
        date=f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/2026",
        phone=rng.randint(100000000, 999999999),
        nick=rng.choice(("Smokey", "J", "Uncle", "Bossman", "Ricky")),
    )


def note(rng: random.Random, flag_rate: float = 0.1) -> str:
    """Return one case note of four to ten sentences, wrapped at about 90 characters."""
    sentences = [
        _fill(rng.choice(FLAGGED) if rng.random() < flag_rate else rng.choice(NEUTRAL), rng)
        for _ in range(rng.randint(4, 10))
    ]
    header = f"Ref {rng.choice(('MFH', 'CSE', 'CCE', 'DA'))}/{rng.randint(1000, 9999)} - {rng.choice(LAST)}"
    lines, line = [header], ""
    for word in " ".join(sentences).split(" "):
        if len(line) + len(word) + 1 > 90:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def generate(size_bytes: int, seed: int = 20261126) -> str:
    """Return at least `size_bytes` characters of notes separated by blank lines."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size_bytes:
        text = note(rng)
        out.append(text)
        total += len(text) + 2
    return "\n\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("megabytes", type=float, nargs="?", default=1.0)
    ap.add_argument("--seed", type=int, default=20261126)
    args = ap.parse_args()
    args.out.write_text(generate(int(args.megabytes * 1_000_000), args.seed), encoding="utf-8")


if __name__ == "__main__":
    main()
