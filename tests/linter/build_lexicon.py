"""Regenerate the generated parts of the linter lexicon from public code sets.

Run by hand (not by the tests) in a venv that has the two build-time packages:

    pip install drug-named-entity-recognition simple-icd-10-cm
    python tests/linter/build_lexicon.py

It writes ``shared_schema/lexicon/drugs.json`` (brand and generic names from the
MedlinePlus/DrugBank-derived dictionary inside ``drug-named-entity-recognition``, kept to the
psychiatric and common generics listed below, with every brand and synonym the dictionary maps
to them) and ``shared_schema/lexicon/icd10cm.json`` (every ICD-10-CM code in chapter F and in the
psychosocial Z blocks, from ``simple-icd-10-cm``). The linter reads only the JSON at run time,
so neither package is a runtime dependency.
"""

from __future__ import annotations

import bz2
import json
import pickle
import re
from importlib import resources
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parents[2] / "shared_schema" / "lexicon"

# Generics a psychotherapy note is likely to name: psychiatric drugs first, then the common
# medical and over-the-counter drugs clients mention about themselves.
PSYCHIATRIC = """
sertraline fluoxetine escitalopram citalopram paroxetine fluvoxamine vilazodone vortioxetine
venlafaxine desvenlafaxine duloxetine levomilnacipran bupropion mirtazapine trazodone nefazodone
amitriptyline nortriptyline imipramine desipramine clomipramine doxepin protriptyline
phenelzine tranylcypromine isocarboxazid selegiline esketamine ketamine brexanolone zuranolone
lithium lamotrigine valproic acid divalproex carbamazepine oxcarbazepine topiramate gabapentin
pregabalin aripiprazole brexpiprazole cariprazine quetiapine olanzapine risperidone paliperidone
ziprasidone lurasidone asenapine iloperidone clozapine haloperidol chlorpromazine fluphenazine
perphenazine lumateperone pimavanserin xanomeline and trospium olanzapine and samidorphan
alprazolam lorazepam clonazepam diazepam chlordiazepoxide temazepam oxazepam triazolam
buspirone hydroxyzine propranolol prazosin clonidine guanfacine zolpidem eszopiclone zaleplon
suvorexant lemborexant daridorexant ramelteon melatonin doxylamine diphenhydramine
methylphenidate dexmethylphenidate amphetamine dextroamphetamine lisdexamfetamine
atomoxetine viloxazine modafinil armodafinil solriamfetol naltrexone naloxone buprenorphine
buprenorphine and naloxone methadone disulfiram acamprosate varenicline nicotine
donepezil memantine rivastigmine galantamine benztropine
"""
COMMON = """
ibuprofen acetaminophen naproxen aspirin oxycodone hydrocodone tramadol codeine morphine
fentanyl hydromorphone cyclobenzaprine carisoprodol metformin insulin levothyroxine
atorvastatin simvastatin lisinopril amlodipine metoprolol losartan hydrochlorothiazide
prednisone albuterol montelukast omeprazole pantoprazole ondansetron sumatriptan cetirizine
loratadine amoxicillin azithromycin semaglutide tirzepatide phentermine estradiol
medroxyprogesterone norethindrone levonorgestrel testosterone finasteride isotretinoin
sildenafil tamoxifen warfarin apixaban
"""
# Generics common outside the United States (British, Australian and European notes) and the
# tic and body-focused repetitive behaviour treatments: "stopped the zopiclone", "NAC 1200 mg".
INTERNATIONAL = """
zopiclone nitrazepam promethazine dihydrocodeine codamol sulpiride amisulpride flupenthixol
clopenthixol agomelatine reboxetine lofepramine dosulepin trimipramine moclobemide
acetylcysteine tetrabenazine deutetrabenazine valbenazine pimozide tiapride
"""


# Dictionary variants that are English words or common shorthand in notes, not drug mentions.
NOT_DRUGS = {"sone", "rela", "zide", "poxi", "omep", "testim", "planum", "cortan", "marol",
             "emovit", "norset", "tenox", "genox", "nortem", "arima", "promet", "sulp",
             "vestra", "naca", "eatan"}


def build_drugs() -> dict[str, object]:
    package = resources.files("drug_named_entity_recognition")
    with bz2.open(str(package / "drug_ner_dictionary.pkl.bz2"), "rb") as handle:
        data = pickle.load(handle)  # noqa: S301 - a file shipped inside a PyPI package we chose
    variant_to_canonical: dict[str, list[str]] = data["drug_variant_to_canonical"]
    variant_data: dict[str, dict[str, bool]] = data["drug_variant_to_variant_data"]
    # A canonical entry is kept when any of its words is a seed generic, so combinations
    # ("buprenorphine/naloxone") and salt forms come along.
    seeds = set(PSYCHIATRIC.split()) | set(COMMON.split()) | set(INTERNATIONAL.split())
    wanted = seeds - {"acid", "and"}
    drugs: dict[str, dict[str, list[str]]] = {}
    for variant, canonicals in variant_to_canonical.items():
        for canonical in canonicals:
            if not wanted & set(re.split(r"[^a-z]+", canonical.lower())):
                continue
            entry = drugs.setdefault(canonical, {"brand": [], "generic": []})
            kind = "brand" if variant_data.get(variant, {}).get("is_brand") else "generic"
            # Very short or many-word variants are dictionary noise for free-text matching.
            if (len(variant) >= 4 and variant.count(" ") <= 2 and variant not in NOT_DRUGS
                    and variant not in entry[kind]):
                entry[kind].append(variant)
    for entry in drugs.values():
        entry["brand"].sort()
        entry["generic"].sort()
    return {
        "about": "Drug names (generic and brand) the linter treats as medication. Generated by "
        "tests/linter/build_lexicon.py from the dictionary in the PyPI package "
        "drug-named-entity-recognition (MedlinePlus/DrugBank derived), kept to psychiatric "
        "and common drugs. Edit the seed lists in that script, not this file.",
        "drugs": dict(sorted(drugs.items())),
    }


def build_icd() -> dict[str, object]:
    import simple_icd_10_cm as cm  # build-time only

    psychosocial_z = re.compile(r"^Z(5[5-9]|6[0-5]|69|7[0-3]|91\.[45])")
    codes = {}
    for code in cm.get_all_codes(with_dots=True):
        if "-" in code:
            continue  # blocks such as F01-F09 are ranges, not codes a clinician writes
        if code.startswith("F") or psychosocial_z.match(code):
            codes[code] = cm.get_description(code)
    return {
        "about": "ICD-10-CM codes in chapter F (mental and behavioural) and the psychosocial "
        "Z blocks (Z55-Z65, Z69-Z73, Z91.4-Z91.5). Generated by tests/linter/build_lexicon.py "
        "from the PyPI package simple-icd-10-cm.",
        "codes": codes,
    }


def main() -> None:
    LEXICON_DIR.mkdir(parents=True, exist_ok=True)
    for name, body in (("drugs.json", build_drugs()), ("icd10cm.json", build_icd())):
        path = LEXICON_DIR / name
        path.write_text(json.dumps(body, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {path.name}")


if __name__ == "__main__":
    main()
