"""Write evals/data/construction_faq_ood.jsonl: emails to a Swedish building firm that its FAQ
(zaragoza-construction-faq) does not answer, in English and Swedish, expect "abstain".

Some are far from the domain (car repair, travel), some close to it but not covered by any
answer (a piano move, bicycle gears).

    .venv/bin/python -m evals.tools.build_zaragoza_ood
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "construction_faq_ood.jsonl"

EN: list[tuple[str, str, str, str]] = [
    (
        "Car noise",
        "Hi,",
        "My car makes a grinding noise when I brake. Is that the pads or the discs?",
        "Thanks,\nTom",
    ),
    (
        "Flight refund",
        "Hello,",
        "My flight to Málaga was cancelled last week. How do I get my money back from the airline?",
        "Best regards,\nSusan",
    ),
    (
        "Tomatoes",
        "Hi there,",
        "What is the best fertiliser for tomatoes grown in a greenhouse?",
        "Cheers,\nAlan",
    ),
    (
        "Dog food",
        "Hello,",
        "Which dry food would you recommend for a 10-year-old labrador with a sensitive stomach?",
        "Regards,\nNina",
    ),
    (
        "Router",
        "Hi,",
        "My wifi router keeps dropping the connection every evening. How do I reset it to "
        "factory settings?",
        "Thanks\nOwen",
    ),
    (
        "Piano",
        "Hello,",
        "Can you help us move an upright piano from the second floor to a new flat across "
        "town next Friday?",
        "Kind regards,\nMaria Lopez",
    ),
    (
        "Concert tickets",
        "Hi,",
        "Do you know when tickets for the summer concerts in Sofiero park go on sale?",
        "Best,\nJake",
    ),
    (
        "Passport",
        "Hello,",
        "How long does it take to renew a Swedish passport, and can I do it in Helsingborg?",
        "Thanks,\nLeila",
    ),
    (
        "Phone contract",
        "Hi,",
        "I want to cancel my mobile phone contract before it ends. Will I have to pay a fee?",
        "Regards,\nChris",
    ),
    (
        "Recipe",
        "Hello!",
        "Do you have a good recipe for cinnamon buns without eggs?",
        "Thanks,\nEmma",
    ),
    (
        "Dentist",
        "Hi,",
        "Can you recommend a dentist in Helsingborg who takes new patients?",
        "Best regards,\nMark",
    ),
    (
        "Bike gears",
        "Hello,",
        "The gears on my bicycle skip when I pedal hard. How do I adjust the derailleur?",
        "Cheers,\nSimon",
    ),
    (
        "Wedding venue",
        "Hi,",
        "We're looking for a venue for a wedding with 80 guests in June. Do you rent out "
        "any spaces?",
        "Thanks,\nAnna and Leo",
    ),
    (
        "Stock advice",
        "Hello,",
        "Should I put my savings into index funds or pay off my car loan first?",
        "Regards,\nPatrick",
    ),
    (
        "Laptop",
        "Hi,",
        "My laptop screen flickers after the last update. Any idea how to fix it?",
        "Thanks,\nDevon",
    ),
    (
        "Cat allergy",
        "Hello,",
        "Is there a cat breed that is better for people with allergies?",
        "Kind regards,\nRuth",
    ),
]

SV: list[tuple[str, str, str, str]] = [
    (
        "Bilen låter",
        "Hej,",
        "Min bil gnisslar när jag bromsar. Är det bromsbeläggen som är slut?",
        "Mvh\nStefan",
    ),
    (
        "Inställt flyg",
        "Hej!",
        "Mitt flyg till Alicante ställdes in. Hur får jag tillbaka pengarna från flygbolaget?",
        "Tack,\nLinda",
    ),
    (
        "Tomatplantor",
        "Hej,",
        "Vilken gödsel är bäst till tomater i växthus?",
        "Hälsningar\nBirgitta",
    ),
    (
        "Hundmat",
        "Hej,",
        "Vilket hundfoder rekommenderar ni till en äldre labrador med känslig mage?",
        "Mvh\nNiklas",
    ),
    (
        "Routern",
        "Hej,",
        "Min router tappar uppkopplingen varje kväll. Hur återställer jag den till "
        "fabriksinställningar?",
        "Tack\nEmil",
    ),
    (
        "Flytta piano",
        "Hej!",
        "Kan ni hjälpa oss att flytta ett piano från andra våningen till en ny lägenhet på fredag?",
        "Vänliga hälsningar,\nAgneta",
    ),
    (
        "Konsertbiljetter",
        "Hej,",
        "Vet ni när biljetterna till sommarkonserterna på Sofiero släpps?",
        "/Jesper",
    ),
    (
        "Pass",
        "Hej,",
        "Hur lång tid tar det att förnya passet och kan jag göra det i Helsingborg?",
        "Tack,\nYasmin",
    ),
    (
        "Mobilabonnemang",
        "Hej,",
        "Jag vill säga upp mitt mobilabonnemang innan bindningstiden är slut. Kostar det något?",
        "Mvh\nRobin",
    ),
    ("Kanelbullar", "Hej!", "Har ni ett bra recept på kanelbullar utan ägg?", "Kram\nSara"),
    (
        "Tandläkare",
        "Hej,",
        "Kan ni rekommendera en tandläkare i Helsingborg som tar emot nya patienter?",
        "Hälsningar,\nMagnus",
    ),
    (
        "Cykelväxlar",
        "Hej,",
        "Växlarna på min cykel hoppar när jag trampar hårt. Hur justerar jag växelföraren?",
        "Mvh\nAlbin",
    ),
    (
        "Bröllopslokal",
        "Hej,",
        "Vi letar efter en lokal för ett bröllop med 80 gäster i juni. Hyr ni ut några lokaler?",
        "Tack,\nMoa och Viktor",
    ),
    (
        "Sparande",
        "Hej,",
        "Ska jag spara i indexfonder eller betala av billånet först?",
        "Mvh\nPatrik",
    ),
    (
        "Datorn",
        "Hej,",
        "Skärmen på min laptop flimrar efter senaste uppdateringen. Vad kan jag göra?",
        "Tack\nDenise",
    ),
    (
        "Kattallergi",
        "Hej,",
        "Finns det någon kattras som passar bättre för allergiker?",
        "Vänliga hälsningar,\nRut",
    ),
]


def main() -> None:
    lines = []
    for language, entries in (("en", EN), ("sv", SV)):
        for number, (subject, greeting, question, closing) in enumerate(entries, start=1):
            body = f"{greeting}\n\n{question}\n\n{closing}"
            row = {
                "id": f"zaragoza-ood-{language}-{number:03d}",
                "language": language,
                "subject": subject,
                "body": body,
                "expect": "abstain",
                "gold_sources": [],
                "key_facts": [],
                "split": "dev" if number % 2 else "test",
            }
            lines.append(json.dumps(row, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} emails to {OUT}")


if __name__ == "__main__":
    main()
